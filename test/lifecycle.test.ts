import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/db-admin';

/**
 * The hub as `npm start` runs it (embedded PostgreSQL, no DATABASE_URL): first start, restart,
 * and a start after the hub was killed with SIGKILL (which leaves PostgreSQL running).
 */
const root = path.resolve(__dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-life-'));
fs.chmodSync(dataDir, 0o755);
let hub: ChildProcess | undefined;

/** Starts the hub (PORT=0: the system picks a free port, read back from the banner). */
async function start(pgPort: number): Promise<{ child: ChildProcess; port: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', POL_PG_PORT: String(pgPort), POL_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  // As npm start runs it: not under NODE_ENV=test, which changes Apollo's signal handling.
  delete env.NODE_ENV;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start:\n${out}`)), 90_000);
    child.stdout!.on('data', () => {
      const m = /GraphQL\s+http:\/\/localhost:(\d+)\/graphql/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited (${code}):\n${out}`));
    });
  });
  return { child, port };
}

async function sahnehPopulation(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ region(code: "KSH-09") { population } }' }),
  });
  return ((await res.json()) as { data: { region: { population: number } } }).data.region.population;
}

async function counties(port: number): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ regions(level: COUNTY, first: 20) { nodes { nameEn } } }' }),
  });
  const body = (await res.json()) as { data: { regions: { nodes: Array<{ nameEn: string }> } } };
  return body.data.regions.nodes.map((n) => n.nameEn);
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));
const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(async () => {
  if (hub && hub.exitCode === null) {
    hub.kill('SIGINT');
    await exited(hub);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start lifecycle', () => {
  it('starts on an empty folder with demo data, keeps data across restarts, and recovers after kill -9', async () => {
    const pgPort = await freePort();

    let port: number;
    ({ child: hub, port } = await start(pgPort));
    expect(await counties(port)).toHaveLength(14);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // A change that must survive restarts (written straight to the embedded database).
    const creds = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8')) as { user: string; password: string };
    const db = new pg.Client({ host: 'localhost', port: pgPort, user: creds.user, password: creds.password, database: 'pol' });
    await db.connect();
    await db.query(`update region set population = 77777 where code = 'KSH-09'`);
    await db.end();
    expect(await sahnehPopulation(port)).toBe(77777);

    hub.kill('SIGINT');
    expect(await exited(hub)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    ({ child: hub, port } = await start(pgPort));
    expect(await counties(port)).toHaveLength(14);
    expect(await sahnehPopulation(port)).toBe(77777);

    // SIGKILL: node dies at once, PostgreSQL is orphaned and keeps the data folder.
    const postmaster = postmasterPid();
    hub.kill('SIGKILL');
    await exited(hub);
    expect(alive(postmaster)).toBe(true);

    ({ child: hub, port } = await start(pgPort));
    expect(alive(postmaster)).toBe(false);
    const names = await counties(port);
    expect(names).toHaveLength(14);
    expect(names).toContain('Sahneh');
    expect(await sahnehPopulation(port)).toBe(77777);

    hub.kill('SIGTERM');
    expect(await exited(hub)).toBe(0);
  }, 240_000);
});
