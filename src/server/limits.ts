import type express from 'express';
import type { AgencyKind } from '../modules/agency/agency.entity';
import type { Role } from '../modules/person/membership.entity';
// Only used when loadLimitsConfig runs, so the import cycle with config.ts is harmless.
import { ConfigError, envInt } from '../config';
import type { HubExtension } from './extension';
import type { HubDeps } from './app';
import { costPlugin, type CostConfig } from './limits/cost';
import { documentLimitsHandler, type DocumentLimits } from './limits/document';
import { explorePlugin, type ExploreConfig } from './limits/explore';
import { jsonBodyHandler, timeoutHandler } from './limits/http';
import { RateLimiter, type BucketRule, type RateLimitConfig } from './rate-limit';

/**
 * Abuse limits of the GraphQL endpoint (OWASP GraphQL cheat sheet), from the environment.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | POL_MAX_BODY_BYTES | 8388608 (8 MiB) | request body, after decompression (10,000 observation rows ≈ 1.5 MB); HTTP 413 PAYLOAD_TOO_LARGE |
 * | POL_REQUEST_TIMEOUT_MS | 15000 | answer TIMEOUT (HTTP 503) when a request runs longer; 0: off |
 * | POL_MAX_TOKENS | 5000 | tokens in a document (TOO_MANY_TOKENS); 0: off |
 * | POL_MAX_OPERATIONS | 10 | operations in a document (TOO_MANY_OPERATIONS); one runs per request, batches are refused |
 * | POL_MAX_DEPTH | 12 | nesting of fields, fragments expanded (QUERY_TOO_DEEP); 0: off |
 * | POL_MAX_ALIASES | 30 | aliases in an operation (TOO_MANY_ALIASES); 0: off |
 * | POL_MAX_DIRECTIVES | 20 | directives in an operation (TOO_MANY_DIRECTIVES); 0: off |
 * | POL_MAX_COST_PUBLIC | 5000 | cost budget without a membership (QUERY_TOO_COMPLEX); 0: off |
 * | POL_MAX_COST_SIGNED_IN | 20000 | cost budget with a membership |
 * | POL_MAX_COST_PROVINCIAL | 100000 | cost budget for the roles below in a provincial governorate agency |
 * | POL_MAX_COST_PROVINCIAL_ROLES | ANALYST,DIRECTOR | roles with the provincial budget |
 * | POL_COST_LIST_SIZE | 10 | length assumed for lists without `first` when estimating cost |
 * | POL_INTROSPECTION_ROLES | ANALYST,DIRECTOR | production: roles that may introspect (none: nobody) |
 * | POL_INTROSPECTION_AGENCY_KINDS | PROVINCIAL_GOVERNORATE | production: …acting for agencies of these kinds |
 * | POL_RATE_LIMIT_ANON_PER_MIN | 300 | requests a minute per client address without a token; 0: off |
 * | POL_RATE_LIMIT_ANON_BURST | 100 | requests saved up per client address |
 * | POL_RATE_LIMIT_AGENCY_PER_MIN | 1200 | requests a minute per agency, shared by its people; 0: off |
 * | POL_RATE_LIMIT_AGENCY_BURST | 300 | requests saved up per agency |
 * | POL_TRUST_PROXY | false | true (or a number of proxies): take the client address from X-Forwarded-For |
 *
 * Cost: every field 1 plus its selection; a connection multiplies its selection by `first` (50 by
 * default, at most POL_MAX_PAGE_SIZE), other lists of objects by POL_COST_LIST_SIZE; a series by
 * its points (indicators × regions × periods × (1 + comparisons), a fifth of its selection each:
 * seriesEstimator in limits/cost.ts).
 */
export interface LimitsConfig {
  maxBodyBytes: number;
  /** 0: no timeout. */
  requestTimeoutMs: number;
  document: DocumentLimits;
  cost: CostConfig;
  /** Applied in production only; elsewhere everyone may introspect and gets suggestions. */
  explore: ExploreConfig;
  rateLimit: RateLimitConfig;
}

const ROLES: Record<Role, true> = { ADMIN: true, DIRECTOR: true, ANALYST: true, DATA_STEWARD: true, MEMBER: true };
const AGENCY_KINDS: Record<AgencyKind, true> = {
  PROVINCIAL_GOVERNORATE: true, COUNTY_GOVERNORATE: true, CITY_COUNCIL: true, VILLAGE_COUNCIL: true,
  NGO: true, CULTURAL_CENTER: true, UNIVERSITY: true, STATE_BODY: true,
};


/** A comma-separated list of names; "none" for an empty list. */
function names<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: Record<T, true>, fallback: T[]): T[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (raw.trim().toLowerCase() === 'none') return [];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = items.filter((s) => !Object.hasOwn(allowed, s));
  if (unknown.length) throw new ConfigError(`${name} must be "none" or a comma-separated list of ${Object.keys(allowed).join(', ')}; unknown: ${unknown.join(', ')}`);
  return [...new Set(items)] as T[];
}

function trustProxyHops(env: NodeJS.ProcessEnv): number {
  const raw = (env.POL_TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || /^(false|no|off)$/.test(raw)) return 0;
  if (/^(true|yes|on)$/.test(raw)) return 1;
  return envInt(env, 'POL_TRUST_PROXY', 0, 0, 10);
}

function bucket(env: NodeJS.ProcessEnv, prefix: string, perMinute: number, burst: number): BucketRule {
  return { perMinute: envInt(env, `${prefix}_PER_MIN`, perMinute, 0, 1_000_000), burst: envInt(env, `${prefix}_BURST`, burst, 1, 1_000_000) };
}

export function loadLimitsConfig(env: NodeJS.ProcessEnv): LimitsConfig {
  return {
    maxBodyBytes: envInt(env, 'POL_MAX_BODY_BYTES', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    requestTimeoutMs: envInt(env, 'POL_REQUEST_TIMEOUT_MS', 10_000, 0, 600_000),
    document: {
      maxTokens: envInt(env, 'POL_MAX_TOKENS', 5000, 0, 1_000_000),
      maxOperations: envInt(env, 'POL_MAX_OPERATIONS', 10, 0, 1000),
      maxDepth: envInt(env, 'POL_MAX_DEPTH', 12, 0, 1000),
      maxAliases: envInt(env, 'POL_MAX_ALIASES', 30, 0, 100_000),
      maxDirectives: envInt(env, 'POL_MAX_DIRECTIVES', 20, 0, 100_000),
    },
    cost: {
      public: envInt(env, 'POL_MAX_COST_PUBLIC', 5000, 0, 1_000_000_000),
      signedIn: envInt(env, 'POL_MAX_COST_SIGNED_IN', 20_000, 0, 1_000_000_000),
      provincial: envInt(env, 'POL_MAX_COST_PROVINCIAL', 100_000, 0, 1_000_000_000),
      provincialRoles: names(env, 'POL_MAX_COST_PROVINCIAL_ROLES', ROLES, ['ANALYST', 'DIRECTOR'] as Role[]),
      listSize: envInt(env, 'POL_COST_LIST_SIZE', 10, 1, 10_000),
    },
    explore: {
      roles: names(env, 'POL_INTROSPECTION_ROLES', ROLES, ['ANALYST', 'DIRECTOR'] as Role[]),
      agencyKinds: names(env, 'POL_INTROSPECTION_AGENCY_KINDS', AGENCY_KINDS, ['PROVINCIAL_GOVERNORATE'] as AgencyKind[]),
    },
    rateLimit: {
      anonymous: bucket(env, 'POL_RATE_LIMIT_ANON', 300, 100),
      agency: bucket(env, 'POL_RATE_LIMIT_AGENCY', 1200, 300),
      trustProxyHops: trustProxyHops(env),
    },
  };
}

/**
 * Body size, timeout, anonymous rate limit and document limits run in Express before Apollo
 * Server parses anything; the per-agency rate limit, the per-role cost budget and (in production)
 * the introspection gate need the viewer, so they run when the operation is resolved.
 */
export function limitsExtension(deps: HubDeps): HubExtension {
  const { limits, production, maxPageSize } = deps.config;
  const limiter = new RateLimiter(deps.orm, limits.rateLimit, deps.log);
  const afterBody: express.RequestHandler[] = [];
  if (limits.requestTimeoutMs > 0) afterBody.push(timeoutHandler(limits.requestTimeoutMs, deps.log));
  if (limits.rateLimit.anonymous.perMinute > 0) afterBody.push(limiter.anonymousHandler());
  afterBody.push(documentLimitsHandler(limits.document));
  return {
    beforeBody: [jsonBodyHandler(limits.maxBodyBytes)],
    afterBody,
    plugins: [
      ...(limiter.enabled ? [limiter.plugin()] : []),
      costPlugin(limits.cost, maxPageSize),
      ...(production ? [explorePlugin(limits.explore)] : []),
    ],
    close: async () => limiter.stop(),
  };
}
