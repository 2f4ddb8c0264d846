import { ScopeSlot } from '../common/async-scope';
import { createHash, timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ConfigError } from '../config';
import { currentSqlTally } from '../db/sql-stats';
import type { HubDeps } from './app';
import { randomUUID } from 'node:crypto';
import { clientRequestIdOf, polLocals, type Context } from './context';
import type { HubExtension } from './extension';
import { withLogFields } from './log';

/** Logs, health, readiness and metrics, from the environment. */
export interface ObservabilityConfig {
  /** Serve Prometheus metrics on /metrics (`POL_METRICS`, default true). */
  metrics: boolean;
  /** When set, /metrics wants `Authorization: Bearer <token>` (`POL_METRICS_TOKEN`); required in production while metrics are on. */
  metricsToken?: string;
  /** How long /readyz waits for the database before it answers 503 (`POL_READY_TIMEOUT_MS`). */
  readyTimeoutMs: number;
}

export function loadObservabilityConfig(env: NodeJS.ProcessEnv): ObservabilityConfig {
  const rawMetrics = env.POL_METRICS;
  let metrics = true;
  if (rawMetrics !== undefined && rawMetrics !== '') {
    if (/^(1|true|yes|on)$/i.test(rawMetrics)) metrics = true;
    else if (/^(0|false|no|off)$/i.test(rawMetrics)) metrics = false;
    else throw new ConfigError(`POL_METRICS must be true or false, got "${rawMetrics}"`);
  }
  const metricsToken = env.POL_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(metricsToken)) {
    throw new ConfigError('POL_METRICS_TOKEN must be at least 16 printable characters without spaces');
  }
  // Metrics name operations, agencies' error codes and the database pool: not for whoever reaches the port.
  if (env.NODE_ENV === 'production' && metrics && !metricsToken) {
    throw new ConfigError('NODE_ENV=production serves /metrics only with a token: set POL_METRICS_TOKEN (at least 16 printable characters), or POL_METRICS=false');
  }
  const rawTimeout = env.POL_READY_TIMEOUT_MS;
  let readyTimeoutMs = 2000;
  if (rawTimeout !== undefined && rawTimeout !== '') {
    readyTimeoutMs = Number(rawTimeout);
    if (!Number.isInteger(readyTimeoutMs) || readyTimeoutMs < 100 || readyTimeoutMs > 60_000) {
      throw new ConfigError(`POL_READY_TIMEOUT_MS must be a whole number from 100 to 60000, got "${rawTimeout}"`);
    }
  }
  return { metrics, metricsToken, readyTimeoutMs };
}

const OPERATION_NAME = /^[A-Za-z_][\w]{0,63}$/;
/** Distinct operation names kept as metric labels; later names count as `other`. */
const MAX_OPERATION_LABELS = 200;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** What one /graphql request left for its log line and metrics. */
interface RequestRecord {
  requestId: string;
  clientRequestId?: string;
  operation?: string;
  agency?: string;
  role?: string;
  codes: Set<string>;
  /** Apollo Server took the request: its plugin hooks note the error codes. */
  byApollo?: boolean;
}

const records = new ScopeSlot<RequestRecord>('request record');

function operationOf(name: unknown): string {
  return typeof name === 'string' && OPERATION_NAME.test(name) ? name : 'anonymous';
}

function codeOf(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'UNKNOWN';
}

/** Error codes of a GraphQL-shaped error body sent before Apollo Server (limits, trusted documents). */
function noteBodyCodes(rec: RequestRecord, chunk: unknown): void {
  if (!(typeof chunk === 'string' || Buffer.isBuffer(chunk)) || chunk.length > 65_536) return;
  try {
    const body = JSON.parse(chunk.toString()) as { errors?: unknown };
    if (Array.isArray(body.errors)) for (const e of body.errors) rec.codes.add(codeOf(e as { extensions?: Record<string, unknown> }));
  } catch {
    // Not JSON: the HTTP status stands for the error.
  }
}

function noteViewer(rec: RequestRecord, ctx: Context): void {
  const m = ctx.viewer.membership;
  if (m) {
    rec.agency = m.agencyCode;
    rec.role = m.role;
  }
}

function requestPlugin(): ApolloServerPlugin<Context> {
  return {
    async contextCreationDidFail({ error }) {
      const rec = records.get();
      if (!rec) return;
      rec.byApollo = true;
      rec.codes.add(error instanceof GraphQLError ? codeOf(error) : 'INTERNAL_SERVER_ERROR');
    },
    async requestDidStart({ contextValue, request }) {
      const rec = records.get();
      if (!rec) return;
      rec.byApollo = true;
      rec.operation = operationOf(request.operationName);
      noteViewer(rec, contextValue);
      return {
        // Names the operation of a document that fails validation (didResolveOperation comes after it).
        async validationDidStart({ document }) {
          const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
          const op = request.operationName ? ops.find((o) => o.name?.value === request.operationName) : ops.length === 1 ? ops[0] : undefined;
          if (op) rec.operation = operationOf(op.name?.value);
        },
        async didResolveOperation({ operationName }) {
          rec.operation = operationOf(operationName);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const e of response.body.singleResult.errors ?? []) rec.codes.add(codeOf(e));
        },
      };
    },
  };
}

/** Per hub: a registry of its own, so several hubs in one process do not clash. */
class HubMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: 'pol_graphql_requests_total',
    help: 'GraphQL requests by operation name and result (ok, error, aborted)',
    labelNames: ['operation', 'result'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'pol_graphql_request_duration_seconds',
    help: 'Time from the request reaching /graphql to its response leaving, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'pol_graphql_request_errors_total',
    help: 'GraphQL requests whose response carried this error code (extensions.code, or HTTP_<status> without one)',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private readonly sql = new Histogram({
    name: 'pol_graphql_sql_statements',
    help: 'SQL statements sent for one GraphQL request, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0, 1, 2, 3, 5, 10, 20, 50, 100, 250, 1000],
    registers: [this.registry],
  });

  constructor(pool: () => PoolStats | undefined) {
    const gauge = (name: string, help: string, read: (p: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = pool();
          this.set(p ? read(p) : 0);
        },
      });
    gauge('pol_db_pool_used_connections', 'Database connections lent out of the pool', (p) => p.numUsed());
    gauge('pol_db_pool_free_connections', 'Idle database connections in the pool', (p) => p.numFree());
    gauge('pol_db_pool_pending_acquires', 'Requests waiting for a database connection', (p) => p.numPendingAcquires());
  }

  /** Client-chosen names are capped in number so that the label set stays bounded. */
  private label(operation: string): string {
    if (this.operations.has(operation)) return operation;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(operation);
    return operation;
  }

  record(operation: string, result: string, seconds: number, codes: string[], sqlStatements: number | undefined): void {
    const op = this.label(operation);
    this.requests.inc({ operation: op, result });
    this.duration.observe({ operation: op }, seconds);
    for (const code of codes) this.errors.inc({ code });
    if (sqlStatements !== undefined) this.sql.observe({ operation: op }, sqlStatements);
  }

  async text(): Promise<string> {
    return `${await processRegistry().metrics()}\n${await this.registry.metrics()}`;
  }
}

let processMetrics: Registry | undefined;
/** Node process metrics, once per process: their event-loop monitor and GC observer cannot be stopped. */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

interface PoolStats {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

type Verdict = { ok: true } | { ok: false; reason: string; pending?: number; detail?: string };

/** /readyz: the database answers within the time limit and no migration is pending. */
class Readiness {
  private inflight?: Promise<Verdict>;
  private migrationsApplied = false;
  private lastOk?: boolean;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deps: HubDeps) {}

  /** One probe at a time: while the database hangs, repeated calls wait on the same probe instead of piling up. */
  async check(): Promise<Verdict> {
    if (this.closed) return { ok: false, reason: 'shutting down' };
    const limit = this.deps.config.observability.readyTimeoutMs;
    this.inflight ??= this.probe().finally(() => (this.inflight = undefined));
    const probe = this.inflight;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Verdict>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: `database did not answer within ${limit} ms` }), limit);
      this.timers.add(timer);
    });
    try {
      const verdict = await Promise.race([probe, timeout]);
      this.note(verdict);
      return verdict;
    } finally {
      clearTimeout(timer);
      this.timers.delete(timer!);
    }
  }

  private async probe(): Promise<Verdict> {
    const { orm } = this.deps;
    try {
      await orm.em.getConnection().execute('select 1');
    } catch (e) {
      return { ok: false, reason: 'database unreachable', detail: e instanceof Error ? e.message : String(e) };
    }
    // Migration files do not change while the process runs: once none is pending, only the database is checked.
    if (!this.migrationsApplied) {
      try {
        const pending = await orm.getMigrator().getPendingMigrations();
        if (pending.length) return { ok: false, reason: 'migrations pending', pending: pending.length };
        this.migrationsApplied = true;
      } catch (e) {
        return { ok: false, reason: 'migrations could not be checked', detail: e instanceof Error ? e.message : String(e) };
      }
    }
    return { ok: true };
  }

  /** Logs changes only, so a probe every few seconds does not flood the log. */
  private note(verdict: Verdict): void {
    if (verdict.ok === this.lastOk) return;
    this.lastOk = verdict.ok;
    if (verdict.ok) this.deps.log.info('ready');
    else this.deps.log.warn('not ready', { ...verdict });
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function knexPool(deps: HubDeps): PoolStats | undefined {
  const client = deps.orm.em.getConnection().getKnex().client as { pool?: PoolStats } | undefined;
  return client?.pool;
}

/** Structured request logs, /healthz, /readyz, /metrics. */
export function observabilityExtension(deps: HubDeps): HubExtension {
  const { config, log } = deps;
  const oc = config.observability;
  const metrics = oc.metrics ? new HubMetrics(() => knexPool(deps)) : undefined;
  const readiness = new Readiness(deps);

  const finish = (rec: RequestRecord, req: express.Request, res: express.Response, started: number, sqlStatements: number | undefined) => {
    const seconds = (performance.now() - started) / 1000;
    const status = res.statusCode;
    const aborted = !res.writableFinished;
    const codes = [...rec.codes];
    if (!codes.length && status >= 400) codes.push(`HTTP_${status}`);
    const result = aborted ? 'aborted' : codes.length ? 'error' : 'ok';
    // Apollo did not see the request (refused before, or the context failed): the name the client sent, if any.
    const operation = rec.operation ?? operationOf((req.body as { operationName?: unknown } | undefined)?.operationName);
    metrics?.record(operation, result, seconds, codes, sqlStatements);
    const line = {
      requestId: rec.requestId,
      ...(rec.clientRequestId ? { clientRequestId: rec.clientRequestId } : {}),
      operation,
      agency: rec.agency,
      role: rec.role,
      status,
      ms: Math.round(seconds * 10_000) / 10,
      result,
      ...(codes.length ? { errorCodes: codes } : {}),
      sqlStatements,
    };
    if (status >= 500) log.warn('graphql request', line);
    else log.info('graphql request', line);
  };

  const start: express.RequestHandler = (req, res, next) => {
    const started = performance.now();
    // The hub's own id, always: a client's X-Request-Id is kept beside it, never in its place.
    const requestId = randomUUID();
    const clientRequestId = clientRequestIdOf(req.get('x-request-id'));
    Object.assign(polLocals(req), { requestId, clientRequestId });
    res.setHeader('X-Request-Id', requestId);
    const rec: RequestRecord = { requestId, clientRequestId, codes: new Set() };
    const end = res.end;
    res.end = function (this: express.Response, ...args: unknown[]) {
      if (!rec.byApollo && res.statusCode >= 400) noteBodyCodes(rec, args[0]);
      return (end as (...a: unknown[]) => express.Response).apply(this, args);
    } as typeof res.end;
    // Read when the response is done, in this request's SQL tally (the access log's insert included).
    const tally = currentSqlTally();
    res.once('close', () => {
      try {
        finish(rec, req, res, started, tally?.statements);
      } catch (e) {
        log.error('request could not be logged', { requestId, error: e instanceof Error ? e.stack : String(e) });
      }
    });
    records.run(rec, () => withLogFields({ requestId }, next));
  };

  return {
    plugins: [requestPlugin()],
    beforeBody: [start],
    routes(app) {
      app.get('/healthz', (_req, res) => {
        res.set('Cache-Control', 'no-store').json({ ok: true });
      });
      app.get('/readyz', async (_req, res) => {
        const v = await readiness.check();
        // The detail (host names, driver messages) goes to the log only.
        const body = v.ok ? { ok: true } : { ok: false, reason: v.reason, ...(v.pending ? { pending: v.pending } : {}) };
        res.status(v.ok ? 200 : 503).set('Cache-Control', 'no-store').json(body);
      });
      if (metrics) {
        app.get('/metrics', async (req, res) => {
          if (oc.metricsToken && !bearerMatches(req.get('authorization'), oc.metricsToken)) {
            res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json({ error: 'a valid metrics token is required' });
            return;
          }
          res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(await metrics.text());
        });
      }
    },
    async close() {
      readiness.close();
    },
  };
}
