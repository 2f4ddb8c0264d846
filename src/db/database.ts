import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { PlanCacheMode } from '../config';
import { ormConfig } from './mikro-orm.config';
import { installSqlCounter } from './sql-stats';

/** Creates the database if the server does not have it yet (the URL's user needs CREATEDB). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error('the database URL names no database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)} encoding 'UTF8' template template0`);
  } finally {
    await client.end();
  }
}

/**
 * `statementTimeoutMs` (the request timeout) makes PostgreSQL cancel a statement that outlives the
 * request that started it, so an abandoned query does not hold its connection.
 */
const CONNECT_TIMEOUT_MS = 5_000;

export async function openOrm(
  url: string,
  opts: { statementTimeoutMs?: number; planCacheMode?: PlanCacheMode; replicaUrls?: string[]; transactionPooler?: boolean } = {},
): Promise<MikroORM> {
  // A transaction pooler hands each transaction any server connection: session settings sent at
  // connect would be refused (PgBouncer rejects unknown startup parameters) or land elsewhere.
  const session = !opts.transactionPooler;
  const orm = await MikroORM.init(
    ormConfig(url, {
      // Replicas get the same driver options (timeout, plan mode). Reads go to the primary unless a
      // service asks for a replica (readRows with the hub's ReplicaRouter), never by default.
      replicas: (opts.replicaUrls ?? []).map((clientUrl, i) => ({ name: `replica-${i + 1}`, clientUrl })),
      preferReadReplicas: false,
      driverOptions: {
        connection: {
          // A server that accepts and never answers (a network cut) fails a connect after this,
          // instead of holding a request, a replica probe or the pool's shutdown indefinitely.
          connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
          ...(session && opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
          // The hub's named statements (readRows) are its hot reads; their generic plans measured as
          // fast as or faster than planning them with the values (the series for all counties: 2.9
          // against 4.2 ms), yet PostgreSQL's own choice ('auto') kept planning them each time.
          ...(session && opts.planCacheMode && opts.planCacheMode !== 'auto' ? { options: `-c plan_cache_mode=${opts.planCacheMode}` } : {}),
        },
      },
    }),
  );
  installSqlCounter(orm);
  return orm;
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
