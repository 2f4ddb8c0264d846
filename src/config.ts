import path from 'node:path';
import { loadLimitsConfig, type LimitsConfig } from './server/limits';
import { loadObservabilityConfig, type ObservabilityConfig } from './server/observability';
import { loadTrustedDocumentsConfig, type TrustedDocumentsConfig } from './server/trusted-documents';

export const PLAN_CACHE_MODES = ['force_generic_plan', 'auto', 'force_custom_plan'] as const;
export type PlanCacheMode = (typeof PLAN_CACHE_MODES)[number];

/** Everything the hub reads from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  production: boolean;
  /** Load the demo data into an empty database at start. */
  demoData: boolean;
  auth: { jwksUrl?: string; issuer: string; audience: string; localKeys: boolean };
  /** Expose the number of SQL statements of each request in `extensions.sqlStatements`. */
  exposeSqlCount: boolean;
  maxPageSize: number;
  /** Seconds the indicator and harm-category definitions are kept in memory before they are read again. */
  catalogueTtlSeconds: number;
  /** Seconds a caller (person, memberships, agreements) is kept between requests; 0 reads it on every request. */
  viewerCacheTtlSeconds: number;
  /** Where the caller cache listens for policy changes (a direct PostgreSQL address; default: the hub's database). */
  listenDatabaseUrl?: string;
  /** Streaming read replicas of DATABASE_URL's database for the large data reads (none by default). */
  replicaUrls: string[];
  /** A replica is read only while it is known to be at most this many milliseconds behind the primary. */
  replicaMaxLagMs: number;
  /** How often replicas' replay positions are compared with the primary's. */
  replicaProbeMs: number;
  /**
   * DATABASE_URL goes through a transaction-pooling PgBouncer: the hub sends no session settings
   * (set statement_timeout and plan_cache_mode on the database role) and LISTENs on POL_LISTEN_DATABASE_URL.
   */
  transactionPooler: boolean;
  /** Hot reads as named prepared statements (default: on, except through a transaction pooler). */
  preparedStatements: boolean;
  /** PostgreSQL's plan_cache_mode for the hub's connections (its named statements are its hot reads). */
  planCacheMode: PlanCacheMode;
  logLevel: string;
  limits: LimitsConfig;
  trustedDocuments: TrustedDocumentsConfig;
  observability: ObservabilityConfig;
}

export class ConfigError extends Error {}

/** A whole number from the environment, within bounds, or a ConfigError naming the variable. */
export function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

export const LOCAL_ISSUER = 'pol-local';
export const LOCAL_AUDIENCE = 'pol';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError(`AUTH_JWKS_URL must be an http(s) URL, got "${jwksUrl}"`);
  if (jwksUrl && (!env.AUTH_ISSUER || !env.AUTH_AUDIENCE)) {
    throw new ConfigError('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE as well');
  }
  const localKeys = !jwksUrl;
  if (production && localKeys && !bool(env, 'POL_ALLOW_LOCAL_TOKENS', false)) {
    throw new ConfigError('NODE_ENV=production needs AUTH_JWKS_URL (an OIDC provider); set POL_ALLOW_LOCAL_TOKENS=true to use the hub\'s own signing key');
  }
  const planCacheMode = (env.POL_PLAN_CACHE_MODE || 'force_generic_plan') as PlanCacheMode;
  if (!PLAN_CACHE_MODES.includes(planCacheMode)) {
    throw new ConfigError(`POL_PLAN_CACHE_MODE must be one of ${PLAN_CACHE_MODES.join(', ')}`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  const listenDatabaseUrl = env.POL_LISTEN_DATABASE_URL || undefined;
  if (listenDatabaseUrl && !/^postgres(ql)?:\/\//.test(listenDatabaseUrl)) {
    throw new ConfigError('POL_LISTEN_DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const transactionPooler = bool(env, 'POL_TRANSACTION_POOLER', false);
  if (transactionPooler && !listenDatabaseUrl) {
    throw new ConfigError('POL_TRANSACTION_POOLER=true needs POL_LISTEN_DATABASE_URL: LISTEN needs a session of its own, so give PostgreSQL\'s own address');
  }
  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  for (const u of replicaUrls) {
    if (!/^postgres(ql)?:\/\//.test(u)) throw new ConfigError('DATABASE_REPLICA_URLS must be a comma-separated list of postgres:// or postgresql:// URLs');
  }
  return {
    port: envInt(env, 'PORT', 4000),
    // This machine only, unless HOST opens it to others (e.g. 0.0.0.0, or the address a proxy reaches).
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.POL_DATA_DIR || '.pol'),
    embeddedPgPort: envInt(env, 'POL_PG_PORT', 54329, 1),
    production,
    demoData: bool(env, 'POL_DEMO_DATA', !production),
    auth: {
      jwksUrl,
      issuer: env.AUTH_ISSUER || LOCAL_ISSUER,
      audience: env.AUTH_AUDIENCE || LOCAL_AUDIENCE,
      localKeys,
    },
    exposeSqlCount: bool(env, 'POL_EXPOSE_SQL_COUNT', false),
    maxPageSize: envInt(env, 'POL_MAX_PAGE_SIZE', 100, 1, 10000),
    catalogueTtlSeconds: envInt(env, 'POL_CATALOGUE_TTL_S', 60, 0, 86_400),
    viewerCacheTtlSeconds: envInt(env, 'POL_VIEWER_CACHE_TTL_S', 30, 0, 3_600),
    listenDatabaseUrl,
    transactionPooler,
    // Through a transaction pooler only when asked: PgBouncer keeps them from 1.21 (max_prepared_statements).
    preparedStatements: bool(env, 'POL_PREPARED_STATEMENTS', !transactionPooler),
    replicaUrls,
    replicaMaxLagMs: envInt(env, 'POL_REPLICA_MAX_LAG_MS', 2000, 0, 3_600_000),
    replicaProbeMs: envInt(env, 'POL_REPLICA_PROBE_MS', 500, 50, 60_000),
    planCacheMode,
    logLevel: env.LOG_LEVEL || 'info',
    limits: loadLimitsConfig(env),
    trustedDocuments: loadTrustedDocumentsConfig(env),
    observability: loadObservabilityConfig(env),
  };
}
