import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config';
import { createTokenService, type TokenService } from '../../src/auth/tokens';
import { openOrm } from '../../src/db/database';
import { createHub, type Hub } from '../../src/server/app';
import { createLogger } from '../../src/server/log';
import type { TypedDocumentString } from '../../schema/client/graphql';
import { cloneDatabase, dropDatabase } from './db-admin';

export interface CallOptions {
  /** Act as this demo person (a token is signed for them), or send this raw Authorization header. */
  as?: string;
  authorization?: string;
  membership?: string | number;
}

export interface GqlResult<T> {
  status: number;
  data?: T | null;
  errors?: GraphQLFormattedError[];
  extensions?: { sqlStatements?: number };
}

export interface TestHub {
  url: string;
  orm: MikroORM;
  config: Config;
  tokens: TokenService;
  hub: Hub;
  /** Calls the hub over HTTP with a typed document from the generated client. */
  gql<T, V>(doc: TypedDocumentString<T, V>, variables?: V, opts?: CallOptions): Promise<GqlResult<T>>;
  /** Plain SQL on the test database, for checking what was (not) saved. */
  sql<R = Record<string, unknown>>(query: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * A hub on a free port with its own copy of the demo database, or on `database` (a prepared
 * database of another server, left in place on close).
 */
export async function startTestHub(env: Record<string, string> = {}, database?: string): Promise<TestHub> {
  const serverUrl = inject('serverUrl');
  const dbName = `pol_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = database ?? (await cloneDatabase(serverUrl, inject('templateDb'), dbName));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-hub-'));
  const config = loadConfig({ POL_DATA_DIR: dataDir, POL_EXPOSE_SQL_COUNT: 'true', DATABASE_URL: url, ...env });
  const orm = await openOrm(url, {
    statementTimeoutMs: config.limits.requestTimeoutMs, planCacheMode: config.planCacheMode, replicaUrls: config.replicaUrls,
    transactionPooler: config.transactionPooler,
  });
  const tokens = await createTokenService(config);
  const hub = await createHub({ orm, config, tokens, log: createLogger(process.env.POL_TEST_LOG ?? 'silent') });
  const port = await hub.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    orm,
    config,
    tokens,
    hub,
    async gql(doc, variables, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (opts.as) headers.authorization = `Bearer ${await tokens.sign!(opts.as)}`;
      if (opts.authorization !== undefined) headers.authorization = opts.authorization;
      if (opts.membership !== undefined) headers['x-pol-membership'] = String(opts.membership);
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: doc.toString(), variables }) });
      const body = (await res.json()) as Omit<GqlResult<never>, 'status'>;
      return { status: res.status, ...body } as GqlResult<never>;
    },
    async sql<R>(query: string, params: unknown[] = []) {
      const drops = hub.viewers.drops;
      const rows = (await orm.em.fork().getConnection().execute(query, params)) as R[];
      // A fixture that changes a policy table goes on once the hub has heard the change (NOTIFY):
      // tests of the policy then see it on their next request, as after a change made through the hub.
      if (hub.viewers.active && POLICY_WRITE.test(query)) await until(async () => hub.viewers.drops, (d) => d !== drops, 2_000);
      return rows;
    },
    async close() {
      await hub.close();
      await orm.close(true);
      if (!database) await dropDatabase(serverUrl, dbName);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const POLICY_WRITE = /\b(update|insert\s+into|delete\s+from|truncate)\s+"?(person|membership|agency|agency_unit|data_sharing_agreement|region|post|appointment)\b/i;

/** Calls `what` until `ok` holds or `ms` have passed; returns the last answer (the caller asserts on it). */
export async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The `extensions.problems[].field` of every error. */
export const problemFields = (r: { errors?: GraphQLFormattedError[] }): string[] =>
  (r.errors ?? []).flatMap((e) => ((e.extensions?.problems ?? []) as Array<{ field: string }>).map((p) => p.field));

/** The `extensions.code` of each error, in order. */
export const codes = (r: { errors?: GraphQLFormattedError[] }) => (r.errors ?? []).map((e) => e.extensions?.code);
