import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort, withDatabase } from '../support/db-admin';

const run = promisify(execFile);

export interface Bouncer {
  /** `serverUrl` with PgBouncer's port: the same user, password and database names. */
  url: string;
  /** PgBouncer's counters per database (its admin console's SHOW STATS). */
  stats(): Promise<Array<{ database: string; total_xact_count: string; total_query_count: string }>>;
  stop(): Promise<void>;
}

const BINARY = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => fs.existsSync(p));

/**
 * PgBouncer (Debian's package) in transaction pooling mode in front of the test server, with few
 * server connections per database so that consecutive transactions of one client land on
 * different ones. Runs as the `postgres` user when started by root (PgBouncer refuses root).
 */
export async function startPgBouncer(serverUrl: string, opts: { poolSize?: number } = {}): Promise<Bouncer> {
  if (!BINARY) throw new Error('PgBouncer is not installed: apt-get install pgbouncer (Debian)');
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-pgbouncer-'));
  const port = await freePort();
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  fs.writeFileSync(path.join(dir, 'userlist.txt'), `${q(user)} ${q(password)}\n`);
  fs.writeFileSync(path.join(dir, 'pgbouncer.ini'), [
    '[databases]',
    `* = host=${server.hostname === 'localhost' ? '127.0.0.1' : server.hostname} port=${server.port || 5432}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = plain',
    `auth_file = ${path.join(dir, 'userlist.txt')}`,
    'pool_mode = transaction',
    `default_pool_size = ${opts.poolSize ?? 3}`,
    'max_client_conn = 500',
    `admin_users = ${user}`,
    // node-postgres sends none of its own; these are what other clients send.
    'ignore_startup_parameters = extra_float_digits',
    `logfile = ${path.join(dir, 'pgbouncer.log')}`,
    '',
  ].join('\n'));
  const root = process.getuid?.() === 0;
  if (root) await run('chown', ['-R', 'postgres', dir]);
  const child: ChildProcess = spawn(BINARY, [...(root ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  const log = () => (fs.existsSync(path.join(dir, 'pgbouncer.log')) ? fs.readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8').slice(-2000) : '');
  const url = (() => {
    const u = new URL(serverUrl);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  })();
  const admin = async <T>(sql: string): Promise<T[]> => {
    const c = new pg.Client({ connectionString: withDatabase(url, 'pgbouncer') });
    await c.connect();
    try {
      return (await c.query(sql)).rows as T[];
    } finally {
      await c.end();
    }
  };
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      await admin('SHOW VERSION');
      break;
    } catch (e) {
      if (child.exitCode !== null || Date.now() > until) {
        child.kill();
        throw new Error(`PgBouncer did not start: ${String(e)}\n--- its log ---\n${log()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stats: () => admin('SHOW STATS'),
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await gone;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
