import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { CountiesDocument, SubmitObservationsDocument } from '../schema/client/graphql';
import { cloneDatabase, dropDatabase } from './support/db-admin';
import { startTestHub } from './support/hub';

const STEWARD = 'steward@cg-kermanshah.kermanshah.example'; // AG-CG-01, jurisdiction KSH-01

interface Sent {
  /** Resolves once the server has taken the request (it answered `100 Continue`); the body is not sent yet. */
  taken: Promise<void>;
  /** Sends the body. */
  finish(): void;
  response: Promise<{ status: number; body: string }>;
}

/** A POST whose body is held back until `finish()`: a request that is in flight for as long as the test likes. */
function heldRequest(port: number, body: string): Sent {
  const req = http.request({
    host: '127.0.0.1', port, path: '/graphql', method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
  });
  const taken = new Promise<void>((resolve) => req.once('continue', resolve));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.once('end', () => resolve({ status: res.statusCode!, body: text }));
      res.once('error', reject);
    });
  });
  req.flushHeaders();
  return { taken, finish: () => req.end(body), response };
}

/** Resolves when a new connection to `url` is refused (polls for up to 5 s). */
async function refused(url: string): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch (e) {
      if (/ECONNREFUSED/.test(String((e as { cause?: unknown }).cause ?? e))) return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('closing the hub', () => {
  it('lets a slow in-flight mutation finish with 200 and then refuses new connections', async () => {
    const hub = await startTestHub();
    let closing: Promise<void> | undefined;
    try {
      const neighbourhoods = (await hub.sql<{ code: string }>(`select code from region where code like 'KSH-01-C01-N%' order by code`)).map((r) => r.code);
      const rows: Array<{ indicatorCode: string; regionCode: string; period: string; value: number; sex: 'TOTAL'; ageGroup: 'TOTAL' }> = [];
      // 32 neighbourhoods × 12 months from 1375: periods up to 1401, all in the past.
      for (let y = 1375; rows.length < 10_000; y++) {
        for (let m = 1; m <= 12 && rows.length < 10_000; m++) {
          for (const code of neighbourhoods) {
            if (rows.length < 10_000) rows.push({ indicatorCode: 'CULTURE_PARTICIPANTS', regionCode: code, period: `${y}-${String(m).padStart(2, '0')}`, value: (y * m) % 500, sex: 'TOTAL', ageGroup: 'TOTAL' });
          }
        }
      }
      const count = async () => Number((await hub.sql<{ n: string }>('select count(*) as n from observation'))[0].n);
      const before = await count();

      // Close as soon as the whole body has arrived, while the hub is still checking and saving the rows.
      let respondedBeforeClose: boolean | undefined;
      const order: string[] = [];
      hub.hub.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
        if (req.method !== 'POST' || closing) return;
        res.once('finish', () => order.push('response sent'));
        req.once('end', () => {
          respondedBeforeClose = res.writableEnded;
          closing = hub.hub.close().then(() => void order.push('closed'));
        });
      });

      const r = await hub.gql(SubmitObservationsDocument, { input: { idempotencyKey: 'shutdown-big', rows, asDraft: false } }, { as: STEWARD });
      expect(closing).toBeDefined();
      expect(respondedBeforeClose).toBe(false);
      expect(r.status).toBe(200);
      expect(r.errors).toBeUndefined();
      expect(r.data!.submitObservations).toMatchObject({ rows: 10_000, created: 10_000 });
      await closing;
      expect(order).toEqual(['response sent', 'closed']);
      expect(hub.hub.server.listening).toBe(false);
      expect(await refused(`${hub.url}/healthz`)).toBe(true);
      expect(await count()).toBe(before + 10_000);
    } finally {
      // A second close while the first is draining never returns (Apollo's stop() resolves its barrier only on failure).
      await closing?.catch(() => undefined);
      await hub.close();
    }
  }, 90_000);

  it('a request taken before close() whose body arrives after it is still answered', async () => {
    const hub = await startTestHub();
    let closing: Promise<void> | undefined;
    try {
      const port = Number(new URL(hub.url).port);
      const held = heldRequest(port, JSON.stringify({ query: CountiesDocument.toString(), variables: { first: 20 } }));
      await held.taken;
      closing = hub.hub.close();
      // The listening socket is closed at once; the taken request keeps its connection.
      expect(await refused(`${hub.url}/healthz`)).toBe(true);
      held.finish();
      const res = await held.response;
      expect(res.status).toBe(200);
      expect((JSON.parse(res.body) as { data: { regions: { nodes: unknown[] } } }).data.regions.nodes).toHaveLength(14);
      await closing;
    } finally {
      await closing?.catch(() => undefined);
      await hub.close();
    }
  });
});

describe('the hub process on SIGTERM', () => {
  it('answers the request in flight, then exits with code 0', async () => {
    const serverUrl = inject('serverUrl');
    const dbName = `pol_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const databaseUrl = await cloneDatabase(serverUrl, inject('templateDb'), dbName);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-stop-'));
    let child: ChildProcess | undefined;
    try {
      // Port 0: the hub binds a free port and names it in its banner (no window in which another process can take it).
      const env: NodeJS.ProcessEnv = {
        ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', POL_DATA_DIR: dataDir, POL_DEMO_DATA: 'false', LOG_LEVEL: 'info',
      };
      // As in production: not under NODE_ENV=test, which changes Apollo's signal handling.
      delete env.NODE_ENV;
      child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], { cwd: path.resolve(__dirname, '..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
      const proc = child;
      let out = '';
      proc.stdout!.on('data', (d) => (out += d));
      proc.stderr!.on('data', (d) => (out += d));
      const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
      const waitFor = async (text: string, ms: number) => {
        const until = Date.now() + ms;
        while (!out.includes(text)) {
          if (proc.exitCode !== null || Date.now() > until) throw new Error(`no "${text}" from the hub:\n${out}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      await waitFor('Ctrl-C stops the hub', 90_000);
      const port = Number(/GraphQL\s+http:\/\/localhost:(\d+)\/graphql/.exec(out)?.[1]);
      expect(port).toBeGreaterThan(0);

      const held = heldRequest(port, JSON.stringify({ query: CountiesDocument.toString(), variables: { first: 20 }, operationName: 'Counties' }));
      await held.taken;
      proc.kill('SIGTERM');
      await waitFor('"msg":"stopping"', 10_000);
      expect(await refused(`http://127.0.0.1:${port}/healthz`)).toBe(true);
      expect(proc.exitCode).toBeNull();

      held.finish();
      const res = await held.response;
      expect(res.status).toBe(200);
      expect((JSON.parse(res.body) as { data: { regions: { totalCount: number } } }).data.regions.totalCount).toBe(14);
      expect(await exited).toBe(0);
      // The request's log line was written before the process exited.
      expect(out).toMatch(/"operation":"Counties".*"status":200.*"msg":"graphql request"/);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((r) => child!.once('exit', r));
      }
      await dropDatabase(serverUrl, dbName);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
