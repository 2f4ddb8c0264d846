import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ArgumentValidationError } from 'type-graphql';
import { ConfigError, loadConfig } from '../../src/config';
import { BadInputError, ForbiddenError, isDatabaseUnavailable } from '../../src/common/errors';
import { describeError, makeFormatError } from '../../src/server/errors';
import { DriverException } from '@mikro-orm/core';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\.pol$/);
    expect(c.auth.localKeys).toBe(true);
    expect(c.demoData).toBe(true);
    expect(c.maxPageSize).toBe(100);
  });

  it('rejects bad values with clear messages', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a whole number from 0 to 65535/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => loadConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/needs AUTH_ISSUER and AUTH_AUDIENCE/);
    expect(() => loadConfig({ POL_DEMO_DATA: 'maybe' })).toThrow(/POL_DEMO_DATA must be true or false/);
    expect(() => loadConfig({ POL_LISTEN_DATABASE_URL: 'pgbouncer:6432' })).toThrow(/POL_LISTEN_DATABASE_URL must start with postgres/);
    expect(() => loadConfig({ POL_VIEWER_CACHE_TTL_S: '-1' })).toThrow(/POL_VIEWER_CACHE_TTL_S must be a whole number from 0 to 3600/);
    expect(() => loadConfig({ POL_CATALOGUE_TTL_S: 'soon' })).toThrow(/POL_CATALOGUE_TTL_S must be a whole number/);
    expect(() => loadConfig({ POL_PLAN_CACHE_MODE: 'generic' })).toThrow(/POL_PLAN_CACHE_MODE must be one of force_generic_plan, auto, force_custom_plan/);
    expect(loadConfig({}).planCacheMode).toBe('force_generic_plan');
    expect(loadConfig({ POL_PLAN_CACHE_MODE: 'auto' }).planCacheMode).toBe('auto');
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/pol, replica2:5432' })).toThrow(/DATABASE_REPLICA_URLS must be a comma-separated list of postgres/);
    expect(loadConfig({ DATABASE_REPLICA_URLS: ' postgres://r1/pol , postgresql://r2/pol ' }).replicaUrls).toEqual(['postgres://r1/pol', 'postgresql://r2/pol']);
    expect(loadConfig({})).toMatchObject({ replicaUrls: [], replicaMaxLagMs: 2000, replicaProbeMs: 500 });
    expect(() => loadConfig({ POL_TRANSACTION_POOLER: 'true' })).toThrow(/POL_TRANSACTION_POOLER=true needs POL_LISTEN_DATABASE_URL/);
    const pooled = loadConfig({ POL_TRANSACTION_POOLER: 'true', POL_LISTEN_DATABASE_URL: 'postgres://db:5432/pol' });
    expect(pooled).toMatchObject({ transactionPooler: true, preparedStatements: false });
    expect(loadConfig({ POL_TRANSACTION_POOLER: 'true', POL_LISTEN_DATABASE_URL: 'postgres://db/pol', POL_PREPARED_STATEMENTS: 'true' }).preparedStatements).toBe(true);
    expect(loadConfig({})).toMatchObject({ transactionPooler: false, preparedStatements: true });
    expect(() => loadConfig({ POL_REPLICA_PROBE_MS: '0' })).toThrow(/POL_REPLICA_PROBE_MS must be a whole number from 50/);
  });

  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production', POL_ALLOW_LOCAL_TOKENS: 'true', POL_METRICS: 'false' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
  });

  it('production needs an OIDC provider unless local tokens are allowed, and loads no demo data', () => {
    const metricsToken = 'metrics-token-of-some-length';
    expect(() => loadConfig({ NODE_ENV: 'production', POL_METRICS_TOKEN: metricsToken })).toThrow(/AUTH_JWKS_URL/);
    const prod = loadConfig({
      NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'pol', POL_METRICS_TOKEN: metricsToken,
    });
    expect(prod.auth.localKeys).toBe(false);
    expect(prod.demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', POL_ALLOW_LOCAL_TOKENS: 'true', POL_METRICS_TOKEN: metricsToken }).auth.localKeys).toBe(true);
  });

  it('production serves /metrics only with a token: without one (and metrics on) the hub does not start', () => {
    const prod = { NODE_ENV: 'production', POL_ALLOW_LOCAL_TOKENS: 'true' };
    expect(() => loadConfig(prod)).toThrow(ConfigError);
    expect(() => loadConfig(prod)).toThrow(/NODE_ENV=production serves \/metrics only with a token: set POL_METRICS_TOKEN/);
    expect(() => loadConfig({ ...prod, POL_METRICS: 'true' })).toThrow(/POL_METRICS_TOKEN/);
    expect(loadConfig({ ...prod, POL_METRICS_TOKEN: 'metrics-token-of-some-length' }).observability).toMatchObject({ metrics: true, metricsToken: 'metrics-token-of-some-length' });
    expect(loadConfig({ ...prod, POL_METRICS: 'false' }).observability).toMatchObject({ metrics: false, metricsToken: undefined });
    // Outside production a token stays optional.
    expect(loadConfig({}).observability).toMatchObject({ metrics: true, metricsToken: undefined });
  });
});

describe('error formatting', () => {
  const logged: unknown[] = [];
  const format = makeFormatError((e) => logged.push(e));
  const asFormatted = (e: GraphQLError) => e.toJSON();

  it('passes the hub\'s own errors through with their code, without http details', () => {
    const e = new GraphQLError('x', { originalError: BadInputError.field('code', 'bad'), path: ['createAgency'] });
    const out = format(asFormatted(new GraphQLError('code: bad', { extensions: { code: 'BAD_USER_INPUT' } })), e);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', problems: [{ field: 'code', message: 'bad' }] });
    const f = format({ message: 'no' }, new ForbiddenError());
    expect(f.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('turns class-validator failures into BAD_USER_INPUT naming each field', () => {
    const err = new ArgumentValidationError([
      { property: 'code', constraints: { matches: 'code must be capitals' }, children: [] },
      { property: 'newPerson', constraints: {}, children: [{ property: 'phone', constraints: { matches: 'phone must be digits' }, children: [] }] },
    ] as never);
    const out = format({ message: 'Argument Validation Error' }, err);
    expect(out.extensions!.code).toBe('BAD_USER_INPUT');
    expect(out.extensions!.problems).toEqual([
      { field: 'code', message: 'code must be capitals' },
      { field: 'newPerson.phone', message: 'phone must be digits' },
    ]);
    expect(out.message).toContain('newPerson.phone: phone must be digits');
  });

  it('masks unexpected errors and logs them', () => {
    const secret = new Error('duplicate key value violates unique constraint "person_email_unique" (password=hunter2)');
    const out = format({ message: secret.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, secret);
    expect(out.message).not.toMatch(/duplicate|hunter2/);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(logged).toContain(secret);
  });

  it('turns an unreachable database into SERVICE_UNAVAILABLE, not an internal error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    // A statement sent on a pooled connection that the shutdown had just broken.
    const broken = new DriverException(new Error('insert into "observation" ("x") values ($1) - Client has encountered a connection error and is not queryable'));
    for (const e of [refused, shutdown, new Error('Connection terminated unexpectedly'), broken]) {
      expect(isDatabaseUnavailable(e)).toBe(true);
      expect(format({ message: e.message }, e).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    }
    expect(isDatabaseUnavailable(new Error('syntax error at or near "x"'))).toBe(false);
    // The log names the driver's own words, never the statement (it may hold personal data).
    expect(describeError(broken)).toMatchObject({ error: 'DriverException', driverMessage: 'Client has encountered a connection error and is not queryable' });
    expect(JSON.stringify(describeError(broken))).not.toContain('observation');
  });

  it('keeps GraphQL request errors (validation, parse) as they are', () => {
    const e = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format(e.toJSON(), e)).toMatchObject({ message: e.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});
