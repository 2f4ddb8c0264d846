import type { Knex } from '@mikro-orm/knex';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isDatabaseUnavailable } from '../common/errors';
import type { Logger } from '../server/log';

/** What the hub needs of a MikroORM connection to a replica. */
interface ReplicaConnection {
  getKnex(): Knex;
  getClientUrl(): string;
}

interface ReplicaState {
  name: string;
  connection: ReplicaConnection;
  /** Latest moment at which the replica was known to have replayed everything the primary had written. */
  caughtUpAt: number;
  /** A read or probe failed; not used again until a probe gets an answer. */
  failed: boolean;
  usable: boolean;
}

export interface ReplicaOptions {
  /** A replica is read only while it is known to be at most this far behind the primary. */
  maxLagMs: number;
  /** How often the primary's and each replica's WAL positions are compared. */
  probeMs: number;
}

/** A replica that does not answer (a network cut sends no reset) must not hold the probes up. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function isRecoveryConflict(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return err?.code === '40001' && typeof err.message === 'string' && /conflict with recovery/.test(err.message);
}

/** The replica connections MikroORM made from its `replicas` option (the driver keeps them to itself). */
export function replicaConnections(orm: MikroORM): ReplicaConnection[] {
  return (orm.em.getDriver() as unknown as { replicas?: ReplicaConnection[] }).replicas ?? [];
}

/** Host, port and database of a connection URL, without the credentials (for logs). */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'replica';
  }
}

/**
 * Sends the hub's large data reads (observation pages, series) to streaming read replicas, and
 * only to those known to be close behind the primary. Every `probeMs` it reads the primary's WAL
 * insert position P at time t and each replica's replayed position R: R ≥ P proves the replica
 * held everything committed up to t (the insert position, not the write position: a commit made
 * with synchronous_commit off may not be written yet), so `now − t` bounds its lag, whether or
 * not the primary is busy.
 * A replica over `maxLagMs` is skipped until a probe finds it caught up again, and one that failed
 * a read or a probe until a probe gets an answer from it; with none usable, reads go to the
 * primary. Who is asking and what they were granted (the caller, memberships, agreements) is
 * always read from the primary, as is every write and every read inside a transaction: a revoked
 * grant ends at once on every path. What a replica adds is at most `maxLagMs` of delay on the
 * data itself (a new or corrected value, an indicator's sensitivity).
 */
export class ReplicaRouter {
  private readonly replicas: ReplicaState[];
  private timer?: NodeJS.Timeout;
  private probing?: Promise<void>;
  private closed = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly opts: ReplicaOptions,
    private readonly log: Logger,
  ) {
    this.replicas = replicaConnections(orm).map((connection) => ({
      name: describe(connection.getClientUrl()),
      connection,
      caughtUpAt: 0,
      failed: false,
      usable: false,
    }));
  }

  get size(): number {
    return this.replicas.length;
  }

  /** Probes at once (reads go to the primary until a replica is found caught up), then every `probeMs`. */
  async start(): Promise<void> {
    if (!this.replicas.length) return;
    await this.probe();
    this.timer = setInterval(() => void this.probe(), this.opts.probeMs);
    this.timer.unref();
  }

  /** Compares WAL positions once (concurrent calls share one probe). */
  probe(): Promise<void> {
    this.probing ??= this.runProbe().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async runProbe(): Promise<void> {
    const t = Date.now();
    let primary: string;
    try {
      const rows = await withTimeout(
        this.orm.em.getConnection('write').execute<Array<{ lsn: string }>>('select pg_current_wal_insert_lsn()::text as lsn'),
        Math.max(1000, 4 * this.opts.probeMs),
      );
      primary = rows[0].lsn;
    } catch {
      return; // the primary's own trouble shows in /readyz; the replicas' standing is left as it was
    }
    await Promise.all(
      this.replicas.map(async (r) => {
        try {
          const res = await withTimeout(
            r.connection.getKnex().raw('select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn() >= ?::pg_lsn as caught_up', [primary]) as unknown as Promise<{
              rows: Array<{ standby: boolean; caught_up: boolean | null }>;
            }>,
            Math.max(1000, 4 * this.opts.probeMs),
          );
          const row = res.rows[0];
          if (!row.standby) {
            this.mark(r, false, 'is not a standby (pg_is_in_recovery() is false); not read');
            return;
          }
          // It answered: reachable again. How far behind it is, is the lag bound's business.
          r.failed = false;
          if (row.caught_up) r.caughtUpAt = t;
        } catch (e) {
          r.failed = true;
          this.mark(r, false, `cannot be reached: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        const lag = Date.now() - r.caughtUpAt;
        this.mark(r, !r.failed && lag <= this.opts.maxLagMs, r.failed ? 'failed' : `is more than ${this.opts.maxLagMs} ms behind the primary`);
      }),
    );
  }

  private mark(r: ReplicaState, usable: boolean, why: string): void {
    if (r.usable === usable) return;
    r.usable = usable;
    if (usable) this.log.info('read replica in use', { replica: r.name });
    else this.log.warn(`read replica ${why}; its reads go to the primary`, { replica: r.name });
  }

  private fit(r: ReplicaState, now: number): boolean {
    return !this.closed && r.usable && !r.failed && now - r.caughtUpAt <= this.opts.maxLagMs;
  }

  /** A replica to read from now, or undefined for the primary. */
  pick(): ReplicaState | undefined {
    const now = Date.now();
    const fit = this.replicas.filter((r) => this.fit(r, now));
    return fit.length ? fit[Math.floor(Math.random() * fit.length)] : undefined;
  }

  /**
   * Runs a read on a usable replica, or on the primary (`primary`) when there is none or when the
   * replica cannot be reached (it is then left out until a probe finds it again).
   */
  async read<T>(run: (knex: Knex) => Promise<T>, primary: () => Knex): Promise<T> {
    const r = this.pick();
    if (!r) return run(primary());
    try {
      return await run(r.connection.getKnex());
    } catch (e) {
      // A standby cancels a read that conflicts with replaying the primary's changes: read the primary.
      if (isRecoveryConflict(e)) return run(primary());
      if (!isDatabaseUnavailable(e)) throw e;
      r.failed = true;
      this.mark(r, false, `failed a read (${e instanceof Error ? e.message : String(e)})`);
      return run(primary());
    }
  }

  /** Which replicas are read now (for tests and logs). */
  status(): Array<{ name: string; usable: boolean; lagBoundMs: number | null }> {
    const now = Date.now();
    return this.replicas.map((r) => ({ name: r.name, usable: this.fit(r, now), lagBoundMs: r.caughtUpAt ? now - r.caughtUpAt : null }));
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
  }
}
