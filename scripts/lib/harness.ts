/**
 * Shared harness of `scripts/load-test.ts` and `scripts/fault-test.ts`: a throw-away PostgreSQL
 * (embedded) or a database on DATABASE_URL's server, the real hub as a child process, its RSS,
 * and a clean-up list that runs on success, failure, signals and a watchdog timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded';

export const repoRoot = path.resolve(__dirname, '..', '..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 23)}] ${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// Options

export function numberArg(name: string, fallback: number, min = 1, max = 1e6): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isFinite(n) || n < min || n > max) {
    process.stderr.write(`--${name} must be a number from ${min} to ${max}, got "${process.argv[i + 1]}"\n`);
    process.exit(2);
  }
  return n;
}

export function stringArg(name: string, fallback: string, allowed?: readonly string[]): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1] ?? '';
  if (allowed && !allowed.includes(v)) {
    process.stderr.write(`--${name} must be one of ${allowed.join(', ')}, got "${v}"\n`);
    process.exit(2);
  }
  return v;
}

export const flagArg = (name: string) => process.argv.includes(`--${name}`);

/** Exits with a usage line when an option is not one of `known` (value options) or `flags`. */
export function checkArgs(usage: string, known: readonly string[], flags: readonly string[] = []): void {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const name = args[i].replace(/^--/, '');
    if (args[i].startsWith('--') && flags.includes(name)) continue;
    if (args[i].startsWith('--') && known.includes(name) && i + 1 < args.length) {
      i++;
      continue;
    }
    process.stderr.write(`unknown or incomplete option "${args[i]}"\nusage: ${usage}\n`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Clean-up

type Task = { name: string; fn: () => Promise<void> | void; timeoutMs: number };

/**
 * Things to undo, run last-in first-out exactly once: on normal completion, on failure, on
 * SIGINT/SIGTERM/SIGHUP, on an uncaught error, and when the watchdog fires.
 */
export class Cleanup {
  private tasks: Task[] = [];
  private running?: Promise<void>;

  add(name: string, fn: () => Promise<void> | void, timeoutMs = 30_000): void {
    this.tasks.push({ name, fn, timeoutMs });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      while (this.tasks.length) {
        const t = this.tasks.pop()!;
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            Promise.resolve().then(t.fn),
            new Promise<void>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs);
            }),
          ]);
        } catch (e) {
          log(`clean-up "${t.name}" failed: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          clearTimeout(timer);
        }
      }
    })();
    return this.running;
  }

  /** Signals and uncaught errors clean up and exit; the watchdog bounds the whole run. */
  install(watchdogMs: number): void {
    const bail = (why: string, code: number) => {
      log(`${why}: cleaning up`);
      void this.run().finally(() => process.exit(code));
    };
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => bail(s, 130));
    process.on('uncaughtException', (e) => bail(`uncaught exception ${e.stack ?? e.message}`, 1));
    process.on('unhandledRejection', (e) => bail(`unhandled rejection ${e instanceof Error ? e.stack : String(e)}`, 1));
    setTimeout(() => bail(`watchdog: the run took longer than ${Math.round(watchdogMs / 1000)} s`, 3), watchdogMs).unref();
  }
}

// ---------------------------------------------------------------------------------------------
// Ports, folders

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A throw-away folder under the system temp dir, reachable by the `postgres` user (PostgreSQL runs as it for root). */
export function tempDir(prefix: string, cleanup: Cleanup): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  cleanup.add(`remove ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export interface Postgres {
  /** URL of the hub's database. */
  url: string;
  /** Where it came from, for the report. */
  describe: string;
  embedded?: EmbeddedDatabase;
  dataDir?: string;
  port?: number;
}

/** PID of the postmaster of an embedded cluster, from its lock file. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops an embedded cluster; if the polite stop hangs, the postmaster is shot. */
export async function stopEmbedded(db: EmbeddedDatabase, dataDir: string, timeoutMs = 20_000): Promise<void> {
  const pid = postmasterPid(dataDir);
  let timer: NodeJS.Timeout | undefined;
  const polite = db.stop().then(() => true);
  const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)));
  const ok = await Promise.race([polite, late]);
  clearTimeout(timer);
  if (!ok && pid && alive(pid)) {
    log(`PostgreSQL (pid ${pid}) did not stop in ${timeoutMs} ms: SIGQUIT`);
    process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
}

/**
 * DATABASE_URL's server with the database `dbName` (dropped first, created by the hub), or an
 * embedded throw-away cluster in a temp folder on a free port.
 */
export async function openPostgres(opts: { cleanup: Cleanup; dbName: string; fast: boolean; allowExternal: boolean; tempRoot: string }): Promise<Postgres> {
  const external = opts.allowExternal ? process.env.DATABASE_URL : undefined;
  if (external) {
    const u = new URL(external);
    u.pathname = `/${opts.dbName}`;
    const url = u.toString();
    await dropDatabase(url);
    opts.cleanup.add(`drop database ${opts.dbName}`, () => dropDatabase(url));
    return { url, describe: `DATABASE_URL's server, database ${opts.dbName} (dropped before and after)` };
  }
  const dataDir = path.join(opts.tempRoot, 'db');
  const port = await freePort();
  const t0 = Date.now();
  const embedded = await startEmbeddedPostgres({ dataDir, port, fast: opts.fast, log: (l) => log(l) });
  opts.cleanup.add('stop embedded PostgreSQL', () => stopEmbedded(embedded, dataDir), 40_000);
  log(`embedded PostgreSQL on 127.0.0.1:${port} in ${dataDir} (${Date.now() - t0} ms${opts.fast ? ', fsync off' : ''})`);
  return { url: embedded.urlFor(opts.dbName), describe: `embedded PostgreSQL 18 (throw-away, port ${port}${opts.fast ? ', fsync off' : ', durable settings'})`, embedded, dataDir, port };
}

async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`);
  } finally {
    await c.end();
  }
}

/** A short-lived connection for the script's own checks. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// The hub

export interface HubLogSummary {
  lines: number;
  byLevel: Record<string, number>;
  /** Distinct messages of error and warn lines, with a count and a first sample. */
  problems: Map<string, { level: string; count: number; sample: string }>;
  /** Non-JSON lines (stack traces, crashes) — the last ones. */
  other: string[];
}

export interface HubProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  dataDir: string;
  /** '/readyz' when the hub has it, else '/healthz'. */
  readinessPath: '/readyz' | '/healthz';
  /** Set when the child exited (code or signal). */
  exited?: string;
  env: Record<string, string>;
  /** How long the hub took to exit after SIGTERM at clean-up, and whether it had to be killed. */
  stopMs?: number;
  stopHung?: boolean;
  /** SIGTERM, then SIGKILL after 15 s; idempotent. */
  stop(): Promise<void>;
  logSummary: HubLogSummary;
  tail: string[];
}

/** Environment variables of src/config.ts and src/server/**.ts that look like rate limits (read at run time: that code is being written). */
export function rateLimitVariables(): string[] {
  const names = new Set<string>();
  const dirs = ['src/server', 'src/server/limits'];
  const files = ['src/config.ts', ...dirs.flatMap((d) => {
    try {
      return fs.readdirSync(path.join(repoRoot, d)).filter((f) => f.endsWith('.ts')).map((f) => `${d}/${f}`);
    } catch {
      return [];
    }
  })];
  for (const file of files) {
    let text = '';
    try {
      text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/\b(POL_[A-Z0-9_]*RATE[A-Z0-9_]*_(?:PER_MIN|PER_SEC|PER_HOUR|BURST))\b/g)) names.add(m[1]);
  }
  return [...names].sort();
}

function summarise(summary: HubLogSummary, tail: string[], line: string): void {
  if (!line.trim()) return;
  summary.lines++;
  tail.push(line);
  if (tail.length > 400) tail.shift();
  let rec: Record<string, unknown> | undefined;
  try {
    rec = line.startsWith('{') ? (JSON.parse(line) as Record<string, unknown>) : undefined;
  } catch {
    rec = undefined;
  }
  if (!rec) {
    summary.other.push(line);
    if (summary.other.length > 60) summary.other.shift();
    return;
  }
  const level = String(rec.level ?? '?');
  summary.byLevel[level] = (summary.byLevel[level] ?? 0) + 1;
  if (level === 'error' || level === 'warn') {
    const firstLine = (v: unknown) => String(v ?? '').split('\n')[0].slice(0, 200);
    const key = `${level}: ${String(rec.msg)}${rec.error ? ` — ${firstLine(rec.error)}` : ''}`;
    const hit = summary.problems.get(key);
    if (hit) hit.count++;
    else summary.problems.set(key, { level, count: 1, sample: line.slice(0, 1500) });
  }
}

/** The bearer token of /metrics of the hubs started here (production wants one). */
export const METRICS_TOKEN = `metrics-${randomBytes(16).toString('hex')}`;

/**
 * Starts `node --max-semi-space-size=64 -r @swc-node/register src/main.ts` (or `script`) with the given
 * database and waits until it answers. Rate-limit variables found in the hub's source are set to
 * `rateLimitValue` (default 0: off) unless set in this environment; where the hub refuses that
 * value (a burst must be ≥ 1), the largest its error message allows is used instead.
 */
export async function startHub(opts: {
  cleanup: Cleanup;
  databaseUrl: string;
  dataDir: string;
  extraEnv?: Record<string, string>;
  rateLimitValue?: string;
  startTimeoutMs?: number;
  logFile?: string;
  /** What to run instead of src/main.ts, with its arguments (a benchmark's own server). */
  script?: string[];
}): Promise<HubProcess> {
  const rateVars = rateLimitVariables();
  const rateValues = new Map(rateVars.map((v) => [v, process.env[v] ?? opts.rateLimitValue ?? '0']));
  for (let attempt = 0; attempt <= rateVars.length; attempt++) {
    const port = await freePort();
    const env: Record<string, string> = {
      DATABASE_URL: opts.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      POL_DATA_DIR: opts.dataDir,
      NODE_ENV: 'production',
      POL_ALLOW_LOCAL_TOKENS: 'true',
      // Production serves /metrics only with a token; the scripts do not read it.
      POL_METRICS_TOKEN: METRICS_TOKEN,
      POL_DEMO_DATA: 'true',
      LOG_LEVEL: 'info',
      ...Object.fromEntries(rateValues),
      ...opts.extraEnv,
    };
    try {
      return await spawnHub(opts, port, env);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const m = /configuration error: (POL_[A-Z0-9_]+) must be a whole number from (\d+) to (\d+)/.exec(msg);
      if (m && rateValues.has(m[1]) && rateValues.get(m[1]) !== m[3]) {
        log(`the hub refuses ${m[1]}=${rateValues.get(m[1])}; retrying with ${m[3]} (its maximum)`);
        rateValues.set(m[1], m[3]);
        continue;
      }
      throw e;
    }
  }
  throw new Error('the hub did not start');
}

async function spawnHub(
  opts: { cleanup: Cleanup; dataDir: string; startTimeoutMs?: number; logFile?: string; script?: string[] },
  port: number,
  env: Record<string, string>,
): Promise<HubProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '-r', '@swc-node/register', ...(opts.script ?? ['src/main.ts'])], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const summary: HubLogSummary = { lines: 0, byLevel: {}, problems: new Map(), other: [] };
  const tail: string[] = [];
  const logStream = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  const hub: HubProcess = {
    child, pid: child.pid!, port, base: `http://127.0.0.1:${port}`, dataDir: opts.dataDir, readinessPath: '/healthz', env, logSummary: summary, tail,
    stop: async () => undefined,
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (d: string) => {
      logStream?.write(d);
      buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        summarise(summary, tail, buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
    });
  }
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      hub.exited = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    });
  });
  let stopping: Promise<void> | undefined;
  hub.stop = () => (stopping ??= (async () => {
    if (hub.exited) return;
    const mark = summary.lines;
    const t0 = Date.now();
    child.kill('SIGTERM');
    const gone = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
    hub.stopMs = Date.now() - t0;
    if (!gone) {
      hub.stopHung = true;
      log(`the hub (pid ${child.pid}) did not stop in 15 s after SIGTERM: SIGKILL. Its log since SIGTERM:\n${tail.slice(-Math.min(20, summary.lines - mark)).join('\n') || '(nothing)'}`);
      child.kill('SIGKILL');
      await Promise.race([exit, sleep(5_000)]);
    }
    logStream?.end();
  })());
  opts.cleanup.add(`stop the hub (pid ${child.pid})`, () => hub.stop(), 30_000);

  const deadline = t0 + (opts.startTimeoutMs ?? 240_000);
  while (Date.now() < deadline) {
    if (hub.exited) throw new Error(`the hub exited (${hub.exited}) while starting:\n${tail.slice(-40).join('\n')}`);
    const ready = await httpGet(`${hub.base}/readyz`, 2_000);
    if (ready.status === 200) {
      hub.readinessPath = '/readyz';
      break;
    }
    if (ready.status === 404) {
      const health = await httpGet(`${hub.base}/healthz`, 2_000);
      if (health.status === 200) {
        hub.readinessPath = '/healthz';
        break;
      }
    }
    await sleep(250);
  }
  if (Date.now() >= deadline) throw new Error(`the hub did not answer within ${Math.round((deadline - t0) / 1000)} s:\n${tail.slice(-40).join('\n')}`);
  log(`hub pid ${hub.pid} ready on ${hub.base} after ${((Date.now() - t0) / 1000).toFixed(1)} s (readiness: ${hub.readinessPath}${hub.readinessPath === '/healthz' ? ', /readyz answers 404' : ''})`);
  return hub;
}

/** A plain GET with its own connection (not the load's pool); status 0 on a network error or timeout. */
export function httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: string; ms: number; error?: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: { status: number; body: string; error?: string }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ ...r, ms: performance.now() - t0 });
    };
    const req = http.get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d.length + body.length < 65_536 ? d : ''));
      res.on('end', () => finish({ status: res.statusCode ?? 0, body }));
      res.on('error', (e) => finish({ status: 0, body, error: e.message }));
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', (e) => finish({ status: 0, body: '', error: e.message }));
  });
}

/** Resident set size of a process in KiB (VmRSS), or undefined when it is gone. */
export function rssKiB(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export const mib = (kib: number | undefined) => (kib === undefined ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);

/** The hub log's warnings and errors, for the report. */
export function formatLogSummary(s: HubLogSummary, max = 15): string {
  const lines = [`hub log: ${s.lines} lines; by level: ${Object.entries(s.byLevel).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`];
  const problems = [...s.problems.entries()].sort((a, b) => b[1].count - a[1].count);
  for (const [key, p] of problems.slice(0, max)) lines.push(`  ${p.count} × ${key}`);
  if (problems.length > max) lines.push(`  … and ${problems.length - max} more distinct messages`);
  if (s.other.length) lines.push(`  last non-JSON lines:\n${s.other.slice(-10).map((l) => `    ${l.slice(0, 300)}`).join('\n')}`);
  return lines.join('\n');
}

/** CPU time (user + system) a process has used, in seconds, or undefined when it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** A process and all its descendants (PostgreSQL: the postmaster and its backends). */
export function processTree(rootPid: number): number[] {
  const parent = new Map<number, number>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parent.get(p) ?? 0, hops++) if (p === rootPid) return true;
    return false;
  };
  return [...parent.keys()].filter(inTree);
}

/** CPU seconds of a process and all its descendants. */
export function treeCpuSeconds(rootPid: number): number | undefined {
  if (cpuSeconds(rootPid) === undefined) return undefined;
  return processTree(rootPid).reduce((a, pid) => a + (cpuSeconds(pid) ?? 0), 0);
}

/** Busy and total jiffies of the whole machine, from /proc/stat. */
export function machineCpu(): { busy: number; total: number; cores: number } {
  const lines = fs.readFileSync('/proc/stat', 'utf8').split('\n');
  const v = lines[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total, cores: lines.filter((l) => /^cpu\d/.test(l)).length };
}

/** CPU use of the hub, PostgreSQL, this script and the machine between two snapshots. */
export class CpuMeter {
  private a?: { t: number; hub?: number; pgPid?: number; pg?: number; self: NodeJS.CpuUsage; m: ReturnType<typeof machineCpu> };

  constructor(private readonly hubPid: number, private readonly pgPid: () => number | undefined) {}

  start(): void {
    const pg = this.pgPid();
    this.a = { t: performance.now(), hub: cpuSeconds(this.hubPid), pgPid: pg, pg: pg ? treeCpuSeconds(pg) : undefined, self: process.cpuUsage(), m: machineCpu() };
  }

  /** "hub 0.9 cores, PostgreSQL 0.6, load generator 0.4; machine 95 % of 2 cores busy" */
  stop(): string {
    if (!this.a) return 'n/a';
    const secs = (performance.now() - this.a.t) / 1000;
    const pg = this.pgPid();
    const hub = cpuSeconds(this.hubPid);
    // A restarted PostgreSQL is another process tree: its CPU cannot be compared.
    const pgNow = pg && pg === this.a.pgPid ? treeCpuSeconds(pg) : undefined;
    const self = process.cpuUsage(this.a.self);
    const m = machineCpu();
    const cores = (x?: number, y?: number) => (x !== undefined && y !== undefined ? `${((x - y) / secs).toFixed(2)} cores` : 'n/a');
    const busy = (m.busy - this.a.m.busy) / Math.max(1, m.total - this.a.m.total);
    const pgText = pg && this.a.pgPid && pg !== this.a.pgPid ? 'n/a (restarted)' : cores(pgNow, this.a.pg);
    return `hub ${cores(hub, this.a.hub)}, PostgreSQL ${pgText}, load generator ${((self.user + self.system) / 1e6 / secs).toFixed(2)} cores; `
      + `machine ${(busy * 100).toFixed(0)} % busy of ${m.cores} cores`;
  }
}
