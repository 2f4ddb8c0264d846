import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { observabilityExtension } from '../src/server/observability';
import { createHub, type Hub } from '../src/server/app';
import type { Context } from '../src/server/context';
import { limitsExtension, loadLimitsConfig } from '../src/server/limits';
import { CostMemo, operationCost, pageEstimator } from '../src/server/limits/cost';
import { measureDocument } from '../src/server/limits/document';
import { createLogger } from '../src/server/log';
import { CountiesDocument, CountyNetworkDocument, MeDocument } from '../schema/client/graphql';
import { codes, startTestHub, type TestHub } from './support/hub';

const ANALYST = 'analyst@sca.kermanshah.example'; // ANALYST of the provincial governorate
const STEWARD = 'steward@cg-kermanshah.kermanshah.example'; // DATA_STEWARD of a county governorate
const MEMBER = 'member@mehrafarin.ngo.example';

interface Raw {
  status: number;
  headers: Headers;
  text: string;
  json?: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function raw(url: string, init: RequestInit & { duplex?: 'half' }): Promise<Raw> {
  const res = await fetch(`${url}/graphql`, init);
  const text = await res.text();
  let json: Raw['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

async function post(hub: TestHub, body: unknown, opts: { as?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.as) headers.authorization = `Bearer ${await hub.tokens.sign!(opts.as)}`;
  return raw(hub.url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const firstError = (r: Raw) => r.json?.errors?.[0];

describe('configuration', () => {
  it('has generous defaults', () => {
    const c = loadLimitsConfig({});
    expect(c.maxBodyBytes).toBe(8 * 1024 * 1024);
    expect(c.requestTimeoutMs).toBe(10_000);
    expect(c.document).toEqual({ maxTokens: 5000, maxOperations: 10, maxDepth: 12, maxAliases: 30, maxDirectives: 20 });
    expect(c.cost).toEqual({ public: 5000, signedIn: 20_000, provincial: 100_000, provincialRoles: ['ANALYST', 'DIRECTOR'], listSize: 10 });
    expect(c.explore).toEqual({ roles: ['ANALYST', 'DIRECTOR'], agencyKinds: ['PROVINCIAL_GOVERNORATE'] });
    expect(c.rateLimit).toEqual({ anonymous: { perMinute: 300, burst: 100 }, agency: { perMinute: 1200, burst: 300 }, trustProxyHops: 0 });
    expect(loadConfig({}).limits).toEqual(c);
  });

  it('reads every variable and refuses bad values by name', () => {
    const c = loadLimitsConfig({
      POL_MAX_DEPTH: '0', POL_INTROSPECTION_ROLES: 'none', POL_MAX_COST_PROVINCIAL_ROLES: 'ANALYST, ADMIN',
      POL_TRUST_PROXY: '2', POL_RATE_LIMIT_AGENCY_PER_MIN: '0',
    });
    expect(c.document.maxDepth).toBe(0);
    expect(c.explore.roles).toEqual([]);
    expect(c.cost.provincialRoles).toEqual(['ANALYST', 'ADMIN']);
    expect(c.rateLimit.trustProxyHops).toBe(2);
    expect(c.rateLimit.agency.perMinute).toBe(0);
    expect(loadLimitsConfig({ POL_TRUST_PROXY: 'true' }).rateLimit.trustProxyHops).toBe(1);
    expect(() => loadLimitsConfig({ POL_MAX_DEPTH: 'deep' })).toThrow(ConfigError);
    expect(() => loadLimitsConfig({ POL_MAX_BODY_BYTES: '10' })).toThrow(/POL_MAX_BODY_BYTES must be a whole number from 1024/);
    expect(() => loadLimitsConfig({ POL_RATE_LIMIT_ANON_BURST: '0' })).toThrow(/POL_RATE_LIMIT_ANON_BURST/);
    expect(() => loadLimitsConfig({ POL_INTROSPECTION_ROLES: 'ANALYST,BOSS' })).toThrow(/unknown: BOSS/);
    expect(() => loadLimitsConfig({ POL_TRUST_PROXY: 'maybe' })).toThrow(/POL_TRUST_PROXY/);
  });
});

describe('measuring documents and estimating cost', () => {
  it('counts depth, aliases and directives with fragments expanded as often as they are spread', () => {
    const doc = parse(`
      query A { region(code: "x") { ...F ...F } }
      query B @include(if: true) { x: __typename }
      fragment F on Region { a: code parent { b: code @skip(if: false) } }
    `);
    expect(measureDocument(doc)).toEqual({ operations: 2, depth: 3, aliases: 4, directives: 2 });
  });

  it('multiplies a connection by `first` and other lists by the assumed list size', () => {
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../schema/schema.graphql'), 'utf8'));
    const estimators = [pageEstimator(100, 10)];
    const cost = (query: string, variables = {}) => operationCost({ schema, query: parse(query), variables }, estimators);
    // 1 + 20 × (totalCount 1 + nodes (1 + code 1))
    expect(cost('{ regions(first: 20) { totalCount nodes { code } } }')).toBe(61);
    expect(cost('query($n: Int) { regions(first: $n) { nodes { code } } }', { n: 5 })).toBe(1 + 5 * 2);
    // No `first`: the resolvers' page of 50; more than the maximum page counts as the maximum.
    expect(cost('{ regions { nodes { code } } }')).toBe(1 + 50 * 2);
    expect(cost('{ regions(first: 5000) { nodes { code } } }')).toBe(1 + 100 * 2);
    // region 1 + children (1 + 10 × (code 1))
    expect(cost('{ region(code: "x") { children { code } } }')).toBe(1 + 1 + 10);
    expect(cost(getIntrospectionQuery())).toBe(0);
  });
});

describe('limits on the GraphQL endpoint (defaults)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  const parents = (n: number) => `{ region(code: "KSH") { ${'parent { '.repeat(n)}code${' }'.repeat(n)} } }`;

  it('normal queries pass, for the public and the signed-in', async () => {
    const counties = await hub.gql(CountiesDocument, { first: 20 });
    expect(counties.status).toBe(200);
    expect(counties.errors).toBeUndefined();
    const me = await hub.gql(MeDocument, undefined, { as: MEMBER });
    expect(me.errors).toBeUndefined();
    // 12 levels is the limit, not over it.
    const deep = await post(hub, { query: parents(10) });
    expect(deep.status).toBe(200);
    expect(deep.json?.errors).toBeUndefined();
    // The full introspection query (as GraphiQL sends it) is within every limit.
    const intro = await post(hub, { query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true }) });
    expect(intro.status).toBe(200);
    expect(intro.json?.errors).toBeUndefined();
  });

  it('depth: QUERY_TOO_DEEP with the limit and the depth found, fragments counted', async () => {
    const r = await post(hub, { query: parents(13) });
    expect(r.status).toBe(400);
    expect(firstError(r)!.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 12, actual: 15 });
    // The verdict on a text is kept: the same text is refused again, and a text within limits still runs.
    for (let i = 0; i < 2; i++) {
      expect(firstError(await post(hub, { query: parents(13) }))!.extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 12, actual: 15 });
      expect((await post(hub, { query: parents(9) })).status).toBe(200);
    }
    const viaFragments = await post(hub, {
      query: `{ region(code: "KSH") { ...A } } fragment A on Region { parent { parent { ...B } } } fragment B on Region { parent { parent { parent { ...C } } } }
              fragment C on Region { parent { parent { parent { parent { parent { parent { code } } } } } } }`,
    });
    expect(firstError(viaFragments)!.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 12, actual: 13 });
  });

  it('aliases: TOO_MANY_ALIASES, also when a fragment multiplies them', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
    const r = await post(hub, { query: `{ ${aliases(31)} }` });
    expect(r.status).toBe(400);
    expect(firstError(r)!.extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 30, actual: 31 });
    const spread = await post(hub, { query: `{ ...F ...F ...F ...F } fragment F on Query { ${aliases(8)} }` });
    expect(firstError(spread)!.extensions).toEqual({ code: 'TOO_MANY_ALIASES', limit: 30, actual: 32 });
    expect((await post(hub, { query: `{ ${aliases(30)} }` })).status).toBe(200);
  });

  it('directives: TOO_MANY_DIRECTIVES', async () => {
    const fields = Array.from({ length: 21 }, (_, i) => `f${i}: __typename @include(if: true)`).join(' ');
    const r = await post(hub, { query: `{ ${fields} }` });
    expect(r.status).toBe(400);
    expect(firstError(r)!.extensions).toEqual({ code: 'TOO_MANY_DIRECTIVES', limit: 20, actual: 21 });
  });

  it('tokens: TOO_MANY_TOKENS before the document is parsed', async () => {
    const r = await post(hub, { query: `{ ${'__typename '.repeat(5000)} }` });
    expect(r.status).toBe(400);
    expect(firstError(r)!.extensions).toEqual({ code: 'TOO_MANY_TOKENS', limit: 5000 });
  });

  it('operations: more than 10 in one document is TOO_MANY_OPERATIONS; batches are BATCHING_NOT_ALLOWED', async () => {
    const ops = (n: number) => Array.from({ length: n }, (_, i) => `query Q${i} { __typename }`).join('\n');
    const r = await post(hub, { query: ops(11), operationName: 'Q0' });
    expect(r.status).toBe(400);
    expect(firstError(r)!.extensions).toEqual({ code: 'TOO_MANY_OPERATIONS', limit: 10, actual: 11 });
    expect((await post(hub, { query: ops(10), operationName: 'Q9' })).json?.data).toEqual({ __typename: 'Query' });
    const batch = await post(hub, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    expect(firstError(batch)!.extensions).toEqual({ code: 'BATCHING_NOT_ALLOWED', limit: 1, actual: 2 });
  });

  it('GET requests are checked as well', async () => {
    const res = await fetch(`${hub.url}/graphql?query=${encodeURIComponent(parents(13))}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Raw['json'])!.errors![0].extensions).toEqual({ code: 'QUERY_TOO_DEEP', limit: 12, actual: 15 });
  });

  it('cost: the budget depends on who asks (public, signed-in, provincial analyst)', async () => {
    const pub = await hub.gql(CountyNetworkDocument, { first: 14 });
    expect(pub.status).toBe(400);
    expect(codes(pub)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(pub.errors![0].extensions).toMatchObject({ limit: 5000, budget: 'PUBLIC' });
    const actual = pub.errors![0].extensions!.actual as number;
    expect(actual).toBeGreaterThan(20_000);
    expect(actual).toBeLessThan(100_000);
    const member = await hub.gql(CountyNetworkDocument, { first: 14 }, { as: MEMBER });
    expect(member.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 20_000, actual, budget: 'SIGNED_IN' });
    const analyst = await hub.gql(CountyNetworkDocument, { first: 14 }, { as: ANALYST });
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data!.regions.nodes).toHaveLength(14);
    // A smaller page is cheaper: the public may ask for one county (members' names stay hidden from it).
    const one = await hub.gql(CountyNetworkDocument, { first: 1 });
    expect(one.data!.regions.nodes).toHaveLength(1);
    expect(codes(one)).not.toContain('QUERY_TOO_COMPLEX');
  });

  it('cost: a repeated query is estimated once per document and variables, and each still gets its own answer', async () => {
    const unit = new CostMemo();
    const query = parse('query Q($first: Int) { regions(first: $first) { nodes { code } } }');
    let estimates = 0;
    const estimate = (v: number) => () => (estimates++, v);
    expect(unit.get({ query, operationName: 'Q', variables: { first: 1 } }, estimate(10))).toBe(10);
    expect(unit.get({ query, operationName: 'Q', variables: { first: 1 } }, estimate(99))).toBe(10);
    expect(unit.get({ query, operationName: 'Q', variables: { first: 2 } }, estimate(20))).toBe(20);
    expect(unit.get({ query: parse('{ regions { totalCount } }'), variables: { first: 1 } }, estimate(30))).toBe(30);
    expect(estimates).toBe(3);
    // Big variables are estimated every time, never kept.
    const big = { first: 1, pad: 'x'.repeat(10_000) };
    unit.get({ query, operationName: 'Q', variables: big }, estimate(40));
    expect(unit.get({ query, operationName: 'Q', variables: big }, estimate(41))).toBe(41);
    // Through the hub: the same text alternating between a cheap and a costly page.
    for (let i = 0; i < 2; i++) {
      expect(codes(await hub.gql(CountyNetworkDocument, { first: 14 }))).toEqual(['QUERY_TOO_COMPLEX']);
      expect(codes(await hub.gql(CountyNetworkDocument, { first: 1 }))).not.toContain('QUERY_TOO_COMPLEX');
    }
  });

  it('deeply nested variables or extensions: 400 BAD_USER_INPUT before anything walks them, never 500', async () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const tooDeep = { code: 'BAD_USER_INPUT', problems: [{ field: expect.any(String), message: 'nested deeper than 32 levels' }] };
    for (const depth of [5_000, 100_000]) {
      const r = await post(hub, `{"query":"{ __typename }","variables":{"a":${nested(depth)}}}`);
      expect(r.status, `depth ${depth}`).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(r.json?.errors, r.text.slice(0, 200)).toHaveLength(1);
      expect(firstError(r)!.extensions, `depth ${depth}`).toEqual(tooDeep);
      expect(firstError(r)!.message).toMatch(/^a(\.0)+: nested deeper than 32 levels$/);
      const ext = await post(hub, `{"query":"{ __typename }","extensions":{"x":${nested(depth)}}}`);
      expect(ext.status, `extensions, depth ${depth}`).toBe(400);
      expect(firstError(ext)!.extensions).toEqual(tooDeep);
      expect(firstError(ext)!.message).toMatch(/^extensions\.x(\.0)+: nested deeper/);
    }
    // In the URL of a GET (brackets need no escaping in a query string).
    const get = await fetch(`${hub.url}/graphql?query=${encodeURIComponent('{ __typename }')}&variables={"a":${nested(5_000)}}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as Raw['json'])!.errors![0].extensions).toEqual(tooDeep);
    // Objects count as levels too, and a mutation is refused the same way.
    const objects = `{"a":${'{"b":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
    const mutation = await post(hub, `{"query":"mutation($a: String) { __typename }","variables":${objects}}`);
    expect(mutation.status).toBe(400);
    expect(firstError(mutation)!.extensions).toEqual(tooDeep);
    // Too many values, however flat.
    const wide = await post(hub, `{"query":"{ __typename }","variables":{"a":[${Array(200_001).fill(0).join(',')}]}}`);
    expect(wide.status).toBe(400);
    expect(firstError(wide)!.extensions).toEqual({ code: 'BAD_USER_INPUT', problems: [{ field: 'a', message: 'holds more than 200000 values' }] });
    // 32 levels is the limit, not over it; ordinary variables work as before.
    const atLimit = await post(hub, `{"query":"{ __typename }","variables":{"a":${nested(32)}}}`);
    expect(atLimit.status).toBe(200);
    expect(atLimit.json?.data).toEqual({ __typename: 'Query' });
    expect(firstError(await post(hub, `{"query":"{ __typename }","variables":{"a":${nested(33)}}}`))!.extensions).toEqual(tooDeep);
    const counties = await hub.gql(CountiesDocument, { first: 3 });
    expect(counties.status).toBe(200);
    expect(counties.data!.regions.nodes).toHaveLength(3);
    // The hub is still healthy.
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });

  it('body size: 413 PAYLOAD_TOO_LARGE with the limit, declared or streamed; up to the limit is read', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(9 * 1024 * 1024) } });
    const declared = await post(hub, big);
    expect(declared.status).toBe(413);
    expect(firstError(declared)!.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', limit: 8 * 1024 * 1024, actual: Buffer.byteLength(big) });
    const bytes = new TextEncoder().encode(big);
    const streamed = await raw(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < bytes.length; i += 1 << 20) c.enqueue(bytes.subarray(i, i + (1 << 20)));
          c.close();
        },
      }),
    });
    expect(streamed.status).toBe(413);
    expect(firstError(streamed)!.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 8 * 1024 * 1024 });
    // 7 MB: over the 5 MB the hub's own JSON parser would allow, under this limit.
    const fits = await post(hub, { query: '{ __typename }', variables: { pad: 'x'.repeat(7 * 1024 * 1024) } });
    expect(fits.status).toBe(200);
    const bad = await post(hub, '{"query": ');
    expect(bad.status).toBe(400);
    expect(firstError(bad)!.extensions).toEqual({ code: 'BAD_REQUEST' });
  });
});

/** Holds an operation named "Slow" in PostgreSQL for `seconds` before it runs. */
function slowExtension(seconds: number): { plugins: ApolloServerPlugin<Context>[] } {
  return {
    plugins: [
      {
        async requestDidStart() {
          return {
            async executionDidStart({ operationName, contextValue }) {
              if (operationName === 'Slow') await contextValue.em.execute(`select pg_sleep(${seconds})`);
            },
          };
        },
      },
    ],
  };
}

describe('execution timeout', () => {
  let base: TestHub;
  let hub: Hub;
  let url: string;
  beforeAll(async () => {
    base = await startTestHub();
    const deps = { orm: base.orm, config: { ...base.config, limits: loadLimitsConfig({ POL_REQUEST_TIMEOUT_MS: '300' }) }, tokens: base.tokens, log: createLogger('silent') };
    hub = await createHub({ ...deps, extensions: [observabilityExtension(deps), limitsExtension(deps), slowExtension(3)] });
    url = `http://127.0.0.1:${await hub.listen(0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await hub?.close();
    await base?.close();
  });

  const sleeping = async () =>
    (await base.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and query like 'select pg_sleep(%'`))[0].n;

  it('answers TIMEOUT (503) with the limit; the statement runs on to its end; the hub stays healthy', async () => {
    const started = Date.now();
    const r = await raw(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query Slow { __typename }' }) });
    expect(r.status).toBe(503);
    expect(r.json).toEqual({ errors: [{ message: expect.stringContaining('300 ms'), extensions: { code: 'TIMEOUT', limit: 300 } }] });
    expect(Date.now() - started).toBeLessThan(2500);
    // GraphQL 16 cannot abort the execution: the SQL statement is still running.
    expect(await sleeping()).toBe(1);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ok = await raw(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ regions(first: 1) { totalCount } }' }) });
    expect(ok.status).toBe(200);
    expect(ok.json?.data).toEqual({ regions: { totalCount: expect.any(Number) } });
    // The abandoned execution ends quietly.
    await expect.poll(sleeping, { timeout: 10_000, interval: 200 }).toBe(0);
  });
});

describe('production mode', () => {
  let prod: TestHub;
  let dev: TestHub;
  beforeAll(async () => {
    [prod, dev] = await Promise.all([startTestHub({ NODE_ENV: 'production', POL_ALLOW_LOCAL_TOKENS: 'true', POL_METRICS_TOKEN: 'metrics-token-of-some-length' }), startTestHub()]);
    expect(prod.config.production).toBe(true);
  });
  afterAll(async () => {
    await prod?.close();
    await dev?.close();
  });

  const schemaQuery = '{ __schema { queryType { name } } }';

  it('introspection: refused for the public and a data steward, allowed for a provincial analyst', async () => {
    for (const as of [undefined, STEWARD, MEMBER]) {
      const r = await post(prod, { query: schemaQuery }, { as });
      expect(r.status, as).toBe(403);
      expect(firstError(r)!.extensions, as).toEqual({ code: 'INTROSPECTION_DISABLED' });
    }
    const typeQuery = await post(prod, { query: 'query { ...T } fragment T on Query { __type(name: "Region") { name } }' });
    expect(firstError(typeQuery)!.extensions!.code).toBe('INTROSPECTION_DISABLED');
    expect((await post(prod, { query: '{ __typename }' })).json?.data).toEqual({ __typename: 'Query' });
    const analyst = await post(prod, { query: schemaQuery }, { as: ANALYST });
    expect(analyst.json?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const full = await post(prod, { query: getIntrospectionQuery() }, { as: ANALYST });
    expect(full.json?.errors).toBeUndefined();
    // Outside production everyone may explore.
    expect((await post(dev, { query: schemaQuery })).json?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('no field or enum suggestions ("Did you mean …")', async () => {
    const typo = { query: '{ regions(first: 1) { nodez { code } } }' };
    expect(firstError(await post(dev, typo))!.message).toMatch(/Did you mean "nodes"\?/);
    const r = await post(prod, typo);
    expect(r.status).toBe(400);
    expect(firstError(r)!.message).toBe('Cannot query field "nodez" on type "RegionConnection".');
    const enumTypo = { query: 'query($l: RegionLevel) { regions(level: $l) { totalCount } }', variables: { l: 'COUNTYY' } };
    expect(firstError(await post(dev, enumTypo))!.message).toMatch(/Did you mean/);
    expect(firstError(await post(prod, enumTypo))!.message).not.toMatch(/Did you mean/);
    expect(firstError(await post(prod, typo, { as: STEWARD }))!.message).not.toMatch(/Did you mean/);
    // Those who may introspect see the schema anyway.
    expect(firstError(await post(prod, typo, { as: ANALYST }))!.message).toMatch(/Did you mean/);
  });

  it('a refused field keeps its own code, for the public and for a partner (errors raised while executing)', async () => {
    const query = '{ agency(code: "AG-SCA") { code memberships { id person { phone } } } }';
    const pub = await post(prod, { query });
    expect(pub.json?.data).toEqual({ agency: { code: 'AG-SCA', memberships: null } });
    expect(pub.json?.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const steward = await post(prod, { query }, { as: STEWARD });
    const codes = new Set(steward.json?.errors?.map((e) => e.extensions?.code));
    expect([...codes]).toEqual(['FORBIDDEN']);
  });

  it('never sends stack traces', async () => {
    const answers = await Promise.all([
      post(prod, '{"query": '),
      post(prod, { query: '{ regions(' }),
      post(prod, { query: '{ regions { nope } }' }),
      post(prod, { query: 'query($n: Int) { regions(first: $n) { totalCount } }', variables: { n: 'many' } }),
      post(prod, { query: '{ regions(first: 100000) { totalCount } }' }),
      post(prod, { query: '{ __typename }', operationName: 'Missing' }),
      post(prod, { query: 7 }),
      post(prod, { query: '{ me { person { email } } }' }, { headers: { authorization: 'Bearer not-a-jwt' } }),
    ]);
    for (const r of answers) {
      expect(r.json?.errors?.length, r.text).toBeGreaterThan(0);
      expect(r.text).not.toMatch(/stacktrace|\bat .+:\d+:\d+/);
    }
  });

  it('CSRF prevention: simple requests (no JSON content type, GET without a preflight header) are refused', async () => {
    const query = '{ __typename }';
    const textPlain = await raw(prod.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query }) });
    expect(textPlain.status).toBe(400);
    expect(textPlain.text).toMatch(/Cross-Site Request Forgery/);
    const form = await raw(prod.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent(query)}` });
    expect(form.status).toBe(400);
    const get = await fetch(`${prod.url}/graphql?query=${encodeURIComponent(query)}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await fetch(`${prod.url}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });
});
