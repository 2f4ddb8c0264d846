import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { createTokenService, type TokenService } from '../src/auth/tokens';
import { ensureDatabase, openOrm } from '../src/db/database';
import { ormConfig } from '../src/db/mikro-orm.config';
import { createHub, type Hub, type HubDeps } from '../src/server/app';
import type { HubExtension } from '../src/server/extension';
import { createLogger } from '../src/server/log';
import { loadObservabilityConfig, observabilityExtension } from '../src/server/observability';
import { MeDocument, SubmitObservationsDocument } from '../schema/client/graphql';
import { cloneDatabase, dropDatabase, freePort, withDatabase } from './support/db-admin';
import { until } from './support/hub';

type Line = Record<string, unknown> & { msg: string; level: string };

/** A hub whose log lines are captured; its database is a copy of the demo one unless `orm` is given. */
interface LoggedHub {
  url: string;
  hub: Hub;
  orm: MikroORM;
  tokens: TokenService;
  output(): string;
  lines(): Line[];
  /** Waits for a log line that matches (request lines are written once the response has left). */
  line(match: (l: Line) => boolean): Promise<Line>;
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

const serverUrl = () => inject('serverUrl');
const dbName = () => `pol_t_${process.pid}_${randomBytes(4).toString('hex')}`;

async function startLoggedHub(
  opts: { env?: Record<string, string>; orm?: MikroORM; dbName?: string; level?: string; extensions?: (deps: HubDeps) => HubExtension[] } = {},
): Promise<LoggedHub> {
  let db = opts.dbName;
  let orm = opts.orm;
  if (!orm) {
    db = dbName();
    orm = await openOrm(await cloneDatabase(serverUrl(), inject('templateDb'), db));
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-obs-'));
  const config = loadConfig({ POL_DATA_DIR: dataDir, DATABASE_URL: withDatabase(serverUrl(), db ?? 'unused'), ...opts.env });
  const tokens = await createTokenService(config);
  let output = '';
  const log = createLogger(opts.level ?? 'info', { write: (s) => (output += s) });
  const deps: HubDeps = { orm, config, tokens, log };
  const hub = await createHub({ ...deps, extensions: opts.extensions?.(deps) });
  const port = await hub.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const lines = () => output.split('\n').filter(Boolean).map((s) => JSON.parse(s) as Line);
  return {
    url,
    hub,
    orm,
    tokens,
    output: () => output,
    lines,
    async line(match) {
      for (let i = 0; i < 200; i++) {
        const found = lines().find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no such log line in:\n${output}`);
    },
    async post(body, headers = {}) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
    },
    async close() {
      await hub.close();
      await orm!.close(true);
      if (db && !opts.dbName) await dropDatabase(serverUrl(), db);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An ORM whose pool points somewhere PostgreSQL is not (nothing is connected before the first query). */
function unconnectedOrm(port: number): Promise<MikroORM> {
  return MikroORM.init(ormConfig(`postgres://pol:pol@127.0.0.1:${port}/pol`, { connect: false, ensureDatabase: false }));
}

/** The value of one sample in Prometheus text, whatever the order of its labels. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const l of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(l);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const DG = 'dg@sca.kermanshah.example';
const STEWARD = 'steward@cg-kermanshah.kermanshah.example';

describe('request logs and metrics', () => {
  let h: LoggedHub;
  beforeAll(async () => {
    h = await startLoggedHub();
  });
  afterAll(() => h?.close());

  it('writes one JSON line per GraphQL request, with the request id the client and the context see', async () => {
    const token = await h.tokens.sign!(DG);
    const r = await h.post({ query: MeDocument.toString() }, { authorization: `Bearer ${token}`, 'x-request-id': 'obs-me-1' });
    expect(r.status).toBe(200);
    // The hub's own id answers; the client's is kept beside it in the log, never in its place.
    const id = r.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('etag')).toBeNull(); // answers are not hashed for revalidation
    const acting = (r.body.data as { me: { acting: { role: string; agency: { code: string } } } }).me.acting;
    const line = await h.line((l) => l.msg === 'graphql request' && l.clientRequestId === 'obs-me-1');
    expect(line).toMatchObject({
      level: 'info', operation: 'Me', agency: acting.agency.code, role: acting.role, status: 200, result: 'ok',
    });
    expect(line.ms).toBeTypeOf('number');
    expect(line.sqlStatements).toBeGreaterThan(0);
    expect(line.requestId).toBe(id);
    expect(line.errorCodes).toBeUndefined();
    expect(h.lines().filter((l) => l.clientRequestId === 'obs-me-1')).toHaveLength(1);
    // Neither the token nor the person's data reach the log.
    expect(h.output()).not.toContain(token);
    expect(h.output()).not.toContain(DG);
  });

  it('makes its own request id when the client sends none or an unsafe one', async () => {
    const plain = await h.post({ query: '{ __typename }' });
    const id = plain.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await h.line((l) => l.requestId === id)).toMatchObject({ operation: 'anonymous', result: 'ok' });
    const unsafe = await h.post({ query: '{ __typename }' }, { 'x-request-id': 'x'.repeat(65) });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs error codes and the HTTP status, never the token of a refused request', async () => {
    const secret = `eyJhbGciOiJFUzI1NiJ9.${randomBytes(12).toString('hex')}.sig`;
    const r = await h.post({ query: MeDocument.toString(), operationName: 'Me' }, { authorization: `Bearer ${secret}`, 'x-request-id': 'obs-bad-token' });
    expect(r.status).toBe(401);
    const line = await h.line((l) => l.clientRequestId === 'obs-bad-token' && l.msg === 'graphql request');
    expect(line).toMatchObject({ operation: 'Me', status: 401, result: 'error', errorCodes: ['UNAUTHENTICATED'] });
    const invalid = await h.post({ query: 'query Broken { noSuchField }' }, { 'x-request-id': 'obs-invalid' });
    expect(invalid.status).toBe(400);
    expect(await h.line((l) => l.clientRequestId === 'obs-invalid')).toMatchObject({ operation: 'Broken', status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(h.output()).not.toContain(secret);
    expect(h.output()).not.toMatch(/bearer/i);
  });

  it('keeps harm values and variables out of the log', async () => {
    const token = await h.tokens.sign!(STEWARD);
    const note = `note-${randomBytes(6).toString('hex')}`;
    const r = await h.post(
      {
        query: SubmitObservationsDocument.toString(),
        variables: { input: { idempotencyKey: 'obs-log-1', asDraft: false, rows: [{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-01', sex: 'TOTAL', ageGroup: 'TOTAL', value: 987654, note }] } },
      },
      { authorization: `Bearer ${token}`, 'x-request-id': 'obs-submit' },
    );
    expect(r.body.errors).toBeUndefined();
    const line = await h.line((l) => l.clientRequestId === 'obs-submit');
    expect(line).toMatchObject({ operation: 'SubmitObservations', result: 'ok', status: 200 });
    for (const leak of [note, '987654', 'obs-log-1', 'KSH-01', 'DIVORCE_REG', token]) expect(h.output()).not.toContain(leak);
  });

  it('caps operation names used as labels', async () => {
    await h.post({ query: `query ${'A'.repeat(70)} { __typename }` }, { 'x-request-id': 'obs-long-name' });
    expect(await h.line((l) => l.clientRequestId === 'obs-long-name')).toMatchObject({ operation: 'anonymous' });
  });

  it('serves Prometheus metrics: requests, latency, error codes, SQL statements, pool and process', async () => {
    const before = await (await fetch(`${h.url}/metrics`)).text();
    const meBefore = sample(before, 'pol_graphql_requests_total', { operation: 'Me', result: 'ok' }) ?? 0;
    const token = await h.tokens.sign!(DG);
    await h.post({ query: MeDocument.toString() }, { authorization: `Bearer ${token}` });
    await h.post({ query: MeDocument.toString() }, { authorization: `Bearer ${token}`, 'x-request-id': 'obs-metrics-last' });
    await h.line((l) => l.clientRequestId === 'obs-metrics-last');
    const res = await fetch(`${h.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'pol_graphql_requests_total', { operation: 'Me', result: 'ok' })).toBe(meBefore + 2);
    expect(sample(text, 'pol_graphql_requests_total', { operation: 'Me', result: 'error' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'pol_graphql_request_duration_seconds_count', { operation: 'Me' })).toBeGreaterThanOrEqual(meBefore + 3);
    expect(sample(text, 'pol_graphql_request_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    expect(sample(text, 'pol_graphql_request_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, 'pol_graphql_requests_total', { operation: 'anonymous', result: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'pol_graphql_sql_statements_count', { operation: 'Me' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'pol_graphql_sql_statements_sum', { operation: 'Me' })).toBeGreaterThan(0);
    expect(sample(text, 'pol_graphql_sql_statements_bucket', { operation: 'SubmitObservations', le: '+Inf' })).toBe(1);
    const used = sample(text, 'pol_db_pool_used_connections');
    const free = sample(text, 'pol_db_pool_free_connections');
    expect(used).toBeTypeOf('number');
    expect(used! + free!).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'pol_db_pool_pending_acquires')).toBe(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(text).not.toContain(token);
  });

  it('answers /healthz and /readyz, and readiness is logged once', async () => {
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) {
      const ready = await fetch(`${h.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ok: true });
    }
    expect(h.lines().filter((l) => l.msg === 'ready')).toHaveLength(1);
  });
});

describe('requests refused before Apollo Server', () => {
  it('are logged and counted with the code of their GraphQL-shaped answer, or their HTTP status', async () => {
    const refuse: HubExtension = {
      beforeBody: [(req, res, next) => {
        if (req.get('x-refuse')) res.status(429).json({ errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] });
        else next();
      }],
    };
    const h = await startLoggedHub({ orm: await unconnectedOrm(await freePort()), extensions: (deps) => [observabilityExtension(deps), refuse] });
    try {
      const refused = await fetch(`${h.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-refuse': '1', 'x-request-id': 'obs-refused' }, body: '{"query":"{ __typename }"}',
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await h.line((l) => l.clientRequestId === 'obs-refused')).toMatchObject({ operation: 'anonymous', status: 429, result: 'error', errorCodes: ['RATE_LIMITED'] });
      const garbage = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'obs-garbage' }, body: '{"query":' });
      expect(garbage.status).toBe(400);
      expect(await h.line((l) => l.clientRequestId === 'obs-garbage')).toMatchObject({ status: 400, result: 'error', errorCodes: ['HTTP_400'] });
      const text = await (await fetch(`${h.url}/metrics`)).text();
      expect(sample(text, 'pol_graphql_request_errors_total', { code: 'RATE_LIMITED' })).toBe(1);
      expect(sample(text, 'pol_graphql_request_errors_total', { code: 'HTTP_400' })).toBe(1);
      expect(sample(text, 'pol_graphql_requests_total', { operation: 'anonymous', result: 'error' })).toBe(2);
    } finally {
      await h.close();
    }
  });
});

describe('readiness when the database is not there', () => {
  it('is 503 at once when nothing listens on the database port; GraphQL answers SERVICE_UNAVAILABLE and the cause is logged', async () => {
    const orm = await unconnectedOrm(await freePort());
    const h = await startLoggedHub({ orm });
    try {
      const health = await fetch(`${h.url}/healthz`);
      expect(health.status).toBe(200);
      const t0 = Date.now();
      const ready = await fetch(`${h.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ok: false, reason: 'database unreachable' });
      expect(Date.now() - t0).toBeLessThan(1500);
      expect(await h.line((l) => l.msg === 'not ready')).toMatchObject({ level: 'warn', reason: 'database unreachable', detail: expect.stringMatching(/ECONNREFUSED/) });

      // Not a bug but an outage: a retryable 503, logged with the request id of its request.
      const r = await h.post({ query: '{ regions(level: COUNTY, first: 1) { totalCount } }' }, { 'x-request-id': 'obs-db-down' });
      expect((r.body.errors as Array<{ extensions: { code: string } }>)[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(await h.line((l) => l.msg === 'graphql request' && l.clientRequestId === 'obs-db-down')).toMatchObject({ status: 503, errorCodes: ['SERVICE_UNAVAILABLE'] });
    } finally {
      await h.close();
    }
  });

  it('is 503 within POL_READY_TIMEOUT_MS when the database accepts connections but never answers', async () => {
    const sockets = new Set<net.Socket>();
    const blackhole = net.createServer((s) => sockets.add(s));
    await new Promise<void>((r) => blackhole.listen(0, '127.0.0.1', r));
    const orm = await unconnectedOrm((blackhole.address() as net.AddressInfo).port);
    const h = await startLoggedHub({ orm, env: { POL_READY_TIMEOUT_MS: '300' } });
    try {
      // The change-notice listener's connection, which never gets an answer either.
      await until(async () => sockets.size, (n) => n === 1);
      expect(sockets.size).toBe(1);
      for (let i = 0; i < 3; i++) {
        const t0 = Date.now();
        const ready = await fetch(`${h.url}/readyz`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({ ok: false, reason: 'database did not answer within 300 ms' });
        expect(Date.now() - t0).toBeLessThan(2000);
      }
      // One probe waits on the database; later calls do not open more connections.
      expect(sockets.size).toBe(2);
    } finally {
      for (const s of sockets) s.destroy();
      blackhole.close();
      await h.close();
    }
  });

  it('is 503 while migrations are pending', async () => {
    const name = dbName();
    const url = withDatabase(serverUrl(), name);
    await ensureDatabase(url);
    const h = await startLoggedHub({ orm: await openOrm(url), dbName: name });
    try {
      const ready = await fetch(`${h.url}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { ok: boolean; reason: string; pending: number };
      expect(body).toMatchObject({ ok: false, reason: 'migrations pending' });
      expect(body.pending).toBeGreaterThan(0);
    } finally {
      await h.close();
      await dropDatabase(serverUrl(), name);
    }
  });
});

describe('access to /metrics', () => {
  it('wants the bearer token when POL_METRICS_TOKEN is set', async () => {
    const token = `metrics-${randomBytes(12).toString('hex')}`;
    const orm = await unconnectedOrm(await freePort());
    const h = await startLoggedHub({ orm, env: { POL_METRICS_TOKEN: token } });
    try {
      expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${h.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
      const ok = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('pol_graphql_requests_total');
    } finally {
      await h.close();
    }
  });

  it('is not served with POL_METRICS=false', async () => {
    const orm = await unconnectedOrm(await freePort());
    const h = await startLoggedHub({ orm, env: { POL_METRICS: 'false' } });
    try {
      expect((await fetch(`${h.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});

describe('configuration and log levels', () => {
  it('reads POL_METRICS, POL_METRICS_TOKEN and POL_READY_TIMEOUT_MS', () => {
    expect(loadObservabilityConfig({})).toEqual({ metrics: true, metricsToken: undefined, readyTimeoutMs: 2000 });
    expect(loadObservabilityConfig({ POL_METRICS: 'off', POL_READY_TIMEOUT_MS: '500' })).toMatchObject({ metrics: false, readyTimeoutMs: 500 });
    expect(loadObservabilityConfig({ POL_METRICS_TOKEN: 'a-long-enough-token' }).metricsToken).toBe('a-long-enough-token');
    expect(() => loadObservabilityConfig({ POL_METRICS: 'maybe' })).toThrow(ConfigError);
    expect(() => loadObservabilityConfig({ POL_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadObservabilityConfig({ NODE_ENV: 'production' })).toThrow(/POL_METRICS_TOKEN/);
    expect(loadObservabilityConfig({ NODE_ENV: 'production', POL_METRICS: 'false' }).metrics).toBe(false);
    expect(() => loadObservabilityConfig({ POL_READY_TIMEOUT_MS: '10' })).toThrow(ConfigError);
  });

  it('LOG_LEVEL silent writes nothing, warn drops info, and credentials in fields are redacted', () => {
    let out = '';
    const sink = { write: (s: string) => (out += s) };
    createLogger('silent', sink).error('boom', { a: 1 });
    expect(out).toBe('');
    const warn = createLogger('warn', sink);
    warn.info('hidden');
    warn.warn('shown', { authorization: 'Bearer abc', headers: { authorization: 'Bearer def', cookie: 'sid=1' }, variables: { value: 5 } });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'shown', authorization: '[redacted]', headers: { authorization: '[redacted]', cookie: '[redacted]' }, variables: '[redacted]' });
    expect(lines[0].time).toMatch(/^\d{4}-\d\d-\d\dT/);
    out = '';
    createLogger('verbose', sink).info('still info');
    expect(out).toMatch(/unknown LOG_LEVEL/);
    expect(out).toMatch(/still info/);
  });
});
