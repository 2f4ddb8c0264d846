// Browser test of the GraphiQL explorer at /graphiql, in Debian's headless Chromium (apt-get install chromium).
// Every request that leaves the machine is blocked and fails the test: the explorer must work air-gapped.
// The hub is the real one (embedded PostgreSQL, demo data), from startHubForBrowserTest() in hub.ts.
// Run: npx vitest run -c vitest.browser.config.mts
// Set POL_EXPLORER_SCREENSHOT=/some/file.png to save a screenshot of the page with its result.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { explorerRouter } from '../../src/server/explorer';
import { startHubForBrowserTest, type BrowserTestHub } from './hub';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const OPERATION = 'BrowserTestCounties';
const QUERY = `query ${OPERATION} { me { person { email } } regions(level: COUNTY, first: 20) { nodes { code nameFa nameEn } } }`;

const isLocal = (url: string) => {
  const u = new URL(url);
  return u.protocol === 'data:' || u.protocol === 'blob:' || LOCAL_HOSTS.has(u.hostname);
};

interface Session {
  context: BrowserContext;
  page: Page;
  offMachine: string[];
  pageErrors: string[];
}

beforeAll(() => {
  // Same step as `npm start`: instant when the bundle is fresh.
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/build-explorer.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    stdio: 'inherit',
  });
}, 120_000);

describe('GraphiQL explorer in Chromium', () => {
  let hub: BrowserTestHub;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    hub = await startHubForBrowserTest();
    // Checked here but thrown from each test (openSession), so a missing browser fails them instead of skipping.
    if (!existsSync(CHROMIUM)) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 60_000);

  afterEach(async () => {
    for (const s of sessions.splice(0)) {
      await s.context.close();
      expect(s.offMachine, 'the page tried to reach hosts off this machine').toEqual([]);
      expect(s.pageErrors, 'page errors or CSP violations').toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  // A fresh context per test: GraphiQL keeps its tabs in localStorage.
  async function openSession(): Promise<Session> {
    if (!browser) {
      throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
    }
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const s: Session = { context, page: undefined!, offMachine: [], pageErrors: [] };
    // On the context rather than the page, so Monaco's workers and any popup are covered too.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      s.offMachine.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (req) => {
      if (!isLocal(req.url()) && !s.offMachine.includes(req.url())) s.offMachine.push(req.url());
    });
    s.page = await context.newPage();
    s.page.on('websocket', (ws) => {
      if (!isLocal(ws.url())) s.offMachine.push(ws.url());
    });
    s.page.on('pageerror', (err) => s.pageErrors.push(String(err)));
    s.page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) s.pageErrors.push(msg.text());
    });
    sessions.push(s);
    return s;
  }

  const monacoText = (page: Page, area: string) =>
    page
      .locator(`${area} .monaco-editor .view-lines`)
      .first()
      .innerText()
      .then((t) => t.replace(/\u00a0/g, ' ')); // Monaco renders spaces as nbsp

  it('runs a query as the picked demo user and shows the server’s answer', async () => {
    const demoUsersRes = await fetch(`${hub.url}/graphiql/demo-users`);
    expect(demoUsersRes.status).toBe(200);
    const demoUsers = (await demoUsersRes.json()) as Array<{ email: string; token: string }>;
    const user = demoUsers.find((u) => u.token === hub.demoToken);
    expect(user, 'demoToken must belong to a user listed by /graphiql/demo-users').toBeDefined();

    const { page } = await openSession();
    await page.goto(`${hub.url}/graphiql`);
    expect(new URL(page.url()).pathname).toBe('/graphiql/');
    await expect.poll(() => page.title()).toBe('Pol — GraphQL explorer');

    const picker = page.getByTestId('pol-demo-user');
    await picker.waitFor();
    expect(await picker.locator('option').first().textContent()).toBe('public (no token)');
    await picker.selectOption(user!.email);
    expect(await page.evaluate(() => localStorage.getItem('pol.explorer.demoUser'))).toBe(user!.email);

    // The explorer plugin pane lists root fields once introspection (with the user's token) is done.
    await expect.poll(() => page.locator('.graphiql-plugin').innerText(), { timeout: 20_000 }).toContain('regions');

    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // One line through insertText: typing, or a newline, would trigger Monaco's bracket auto-closing.
    await page.keyboard.insertText(QUERY);
    await page.getByRole('button', { name: /^Prettify/ }).click();
    await expect.poll(() => monacoText(page, '.graphiql-query-editor')).toMatch(/^\s+nodes \{$/m);
    // GraphiQL re-reads the operation name 100 ms after an edit; running earlier would send the old one.
    await expect.poll(() => page.locator('.graphiql-tab-active').innerText()).toContain(OPERATION);

    const graphqlRequest = page.waitForRequest(
      (req) =>
        req.method() === 'POST' && new URL(req.url()).pathname === '/graphql' && (req.postData() ?? '').includes(OPERATION),
    );
    await page.locator('.graphiql-execute-button').click();
    const request = await graphqlRequest;
    expect((await request.allHeaders())['authorization']).toBe(`Bearer ${hub.demoToken}`);
    const response = await request.response();
    expect(response?.status()).toBe(200);

    await expect.poll(() => monacoText(page, '.graphiql-response'), { timeout: 15_000 }).toContain('کرمانشاه');
    const shown = await monacoText(page, '.graphiql-response');
    expect(shown).toContain('"nodes"');
    // The hub read the picked user's token: `me` is that person.
    expect(shown).toContain(hub.demoEmail);

    if (process.env.POL_EXPLORER_SCREENSHOT) {
      await page.screenshot({ path: process.env.POL_EXPLORER_SCREENSHOT });
    }

    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId('pol-demo-user').inputValue()).toBe(user!.email);
  });

  it('opens the saved examples, or the default query when there are none', async () => {
    const res = await fetch(`${hub.url}/graphiql/examples`);
    const examples = res.status === 200 ? ((await res.json()) as Array<{ name: string; query: string }>) : [];

    const { page } = await openSession();
    await page.goto(`${hub.url}/graphiql/`);
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();

    if (examples.length === 0) {
      await expect.poll(() => monacoText(page, '.graphiql-query-editor')).toContain('regions');
      return;
    }
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(examples.length);
    await expect.poll(() => monacoText(page, '.graphiql-query-editor')).toContain(examples[0].name);

    await page.getByTestId('pol-examples').click();
    await page.getByRole('menuitem', { name: examples[0].name }).click();
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(examples.length + 1);
    await expect.poll(() => monacoText(page, '.graphiql-query-editor')).toContain(examples[0].name);
  });
});

describe('explorerRouter', () => {
  async function serve(router: express.Router) {
    const server = express().use('/graphiql', router).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const close = () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      });
    return { base, close };
  }

  it('hides demo users and examples unless configured, and asks for a build when the bundle is missing', async () => {
    const { base, close } = await serve(explorerRouter({ distDir: path.join(__dirname, 'no-such-bundle') }));
    try {
      expect((await fetch(`${base}/graphiql/demo-users`)).status).toBe(404);
      expect((await fetch(`${base}/graphiql/examples`)).status).toBe(404);
      const page = await fetch(`${base}/graphiql/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run explorer:build');
    } finally {
      await close();
    }
  });

  it('serves the page with a same-origin policy and hashed assets with long caching', async () => {
    const { base, close } = await serve(explorerRouter({ graphqlPath: '/api/graphql' }));
    try {
      const redirect = await fetch(`${base}/graphiql?x=1`, { redirect: 'manual' });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe('graphiql/?x=1');

      const page = await fetch(`${base}/graphiql/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
      const html = await page.text();
      expect(html).toContain('<meta name="pol-graphql-path" content="/api/graphql"');
      const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeDefined();
      const js = await fetch(`${base}/graphiql/${asset}`);
      expect(js.status).toBe(200);
      expect(js.headers.get('cache-control')).toContain('immutable');
    } finally {
      await close();
    }
  });
});
