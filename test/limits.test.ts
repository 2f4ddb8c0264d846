import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getIntrospectionQuery, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { observabilityExtension } from '../src/server/observability';
import { createHub, type Hub } from '../src/server/app';
import type { Context } from '../src/server/context';
import { limitsExtension, loadLimitsConfig } from '../src/server/limits';
import { comparisonsSelected, CostMemo, operationCost, pageEstimator, periodsBetweenCodes, SERIES_POINT_DIVISOR, seriesEstimator } from '../src/server/limits/cost';
import { EXAMPLE_OPERATIONS } from '../src/server/examples';
import { regionDirectory, type RegionSnapshot } from '../src/modules/region/region-directory';
import { Q as WORKLOAD } from '../scripts/lib/workload';
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

describe('the cost of a series', () => {
  it('counts the periods between two codes of the granularity; anything else is left to execution', () => {
    expect(periodsBetweenCodes('1390-01', '1404-12', 'MONTH')).toBe(180);
    expect(periodsBetweenCodes('1403-12', '1404-01', 'MONTH')).toBe(2);
    expect(periodsBetweenCodes('1402-Q1', '1403-Q4', 'QUARTER')).toBe(8);
    expect(periodsBetweenCodes('1400', '1404', 'YEAR')).toBe(5);
    expect(periodsBetweenCodes('۱۴۰۴-۰۱', '1404-03', 'MONTH')).toBe(3);
    for (const [from, to, g] of [['1404-13', '1404-12', 'MONTH'], ['1404-01', 'soon', 'MONTH'], ['1404-02', '1404-01', 'MONTH'], ['1404-Q1', '1404-03', 'QUARTER'], ['1404', '1404', 'MONTH'], [7, '1404', 'YEAR']]) {
      expect(periodsBetweenCodes(from, to, g), `${from} ${to} ${g}`).toBeUndefined();
    }
  });

  it('counts the previous-period and last-year comparisons as one each, through fragments', () => {
    const doc = parse(`query { indicatorSeries(input: $i) { value ...A ... on SeriesPoint { changeFromPreviousPercent } } }
      fragment A on SeriesPoint { ...B previous } fragment B on SeriesPoint { ...A changeFromLastYear }`);
    const fragments = new Map(doc.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
    const set = (q: string) => (parse(q).definitions[0] as OperationDefinitionNode).selectionSet;
    expect(comparisonsSelected(set('{ value period { code } }'))).toBe(0);
    expect(comparisonsSelected(set('{ previous changeFromPrevious changeFromPreviousPercent }'))).toBe(1);
    expect(comparisonsSelected(set('{ lastYear }'))).toBe(1);
    expect(comparisonsSelected(set('{ previous lastYear }'))).toBe(2);
    const series = ((doc.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode).selectionSet;
    expect(comparisonsSelected(series, fragments)).toBe(2);
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

  /** 7 OPEN monthly indicators × 14 counties × 180 months, both comparisons: 17,640 points read three times, 7 a point. */
  const HEAVY_SERIES = {
    query: `query Heavy($indicators: [String!]!) {
      indicatorSeries(input: { indicators: $indicators, level: COUNTY, granularity: MONTH, from: "1390-01", to: "1404-12" }) {
        region { code } period { code } value previous lastYear
      }
    }`,
  };
  const openMonthly = async () =>
    (await hub.sql<{ code: string }>(`select code from indicator where sensitivity = 'OPEN' and period_type = 'MONTH' order by code`)).map((r) => r.code);

  it('cost: a series costs by its indicators × regions × periods × (1 + comparisons) × one point\'s selection', async () => {
    const indicators = await openMonthly();
    expect(indicators).toHaveLength(7);
    // region 2 + period 2 + value, previous, lastYear 3 = 7 a point.
    const heavy = 1 + Math.ceil((7 * 14 * 180 * (1 + 2) * 7) / SERIES_POINT_DIVISOR);
    expect(heavy).toBe(74_089);
    const pub = await post(hub, { ...HEAVY_SERIES, variables: { indicators } });
    expect(pub.status).toBe(400);
    expect(pub.json?.data).toBeUndefined();
    expect(pub.json?.errors).toHaveLength(1);
    expect(firstError(pub)!.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 5000, actual: heavy, budget: 'PUBLIC' });
    // Too much for any partner as well; within a provincial analyst's budget.
    expect(firstError(await post(hub, { ...HEAVY_SERIES, variables: { indicators } }, { as: MEMBER }))!.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX', limit: 20_000, actual: heavy, budget: 'SIGNED_IN',
    });
    const analyst = await post(hub, { ...HEAVY_SERIES, variables: { indicators } }, { as: ANALYST });
    expect(analyst.status).toBe(200);
    expect(analyst.json?.errors).toBeUndefined();
    // A year of it, or five years of one county, is within the public's budget.
    const one = (input: string, select = 'region { code } period { code } value previous lastYear') =>
      post(hub, { query: `query($indicators: [String!]!) { indicatorSeries(input: { indicators: $indicators, ${input} }) { ${select} } }`, variables: { indicators } });
    const lean = await one('level: COUNTY, granularity: MONTH, from: "1404-01", to: "1404-12"');
    expect(lean.status).toBe(200);
    expect(lean.json?.errors).toBeUndefined();
    expect(lean.json?.data?.indicatorSeries).toEqual(expect.any(Array));
    expect((await one('level: COUNTY, regions: ["KSH-01"], granularity: MONTH, from: "1400-01", to: "1404-12"')).json?.errors).toBeUndefined();
    // Only `__typename` still reads every point: at least 1 a point (1 + 7 × 14 × 180 / 5 = 3,529),
    // and the previous-period comparison alone doubles it.
    expect((await one('level: COUNTY, granularity: MONTH, from: "1390-01", to: "1404-12"', '__typename')).json?.errors).toBeUndefined();
    expect(firstError(await one('level: COUNTY, granularity: MONTH, from: "1390-01", to: "1404-12"', 'previous'))!.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX', limit: 5000, actual: 1 + Math.ceil((7 * 14 * 180 * 2) / SERIES_POINT_DIVISOR), budget: 'PUBLIC',
    });
    // Twice in one document is twice the cost.
    const range = 'level: COUNTY, granularity: MONTH, from: "1390-01", to: "1404-12"';
    const twice = await post(hub, { query: `query($indicators: [String!]!) { a: indicatorSeries(input: { indicators: $indicators, ${range} }) { value } b: indicatorSeries(input: { indicators: $indicators, ${range} }) { value } }`, variables: { indicators } });
    expect(firstError(twice)!.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 5000, actual: 2 * (1 + Math.ceil((7 * 14 * 180) / SERIES_POINT_DIVISOR)), budget: 'PUBLIC' });
    expect((await one(range, 'value')).json?.errors).toBeUndefined();
  });

  it('cost: regions are those at the level inside `within`, or the codes in `regions`', async () => {
    const snapshot = await regionDirectory(hub.orm, 60).get();
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../schema/schema.graphql'), 'utf8'));
    const estimators = [seriesEstimator(), pageEstimator(100, 10)];
    const cost = (input: string, regions: RegionSnapshot | null = snapshot) =>
      operationCost({ schema, query: parse(`{ indicatorSeries(input: { indicators: ["X"], granularity: YEAR, from: "1404", to: "1404", ${input} }) { value } }`), variables: {}, context: { regions: regions ?? undefined } }, estimators);
    const at = (level: string, within?: string) => {
      const root = within ? snapshot.byCode.get(within)! : undefined;
      return snapshot.all.filter((r) => r.level === level && (!root || r.path.startsWith(root.path))).length;
    };
    const points = (n: number) => 1 + Math.ceil(n / SERIES_POINT_DIVISOR);
    expect(at('COUNTY')).toBe(14);
    expect(at('CITY')).toBeGreaterThan(at('CITY', 'KSH-01'));
    expect(at('CITY', 'KSH-01')).toBeGreaterThan(0);
    expect(at('NEIGHBOURHOOD', 'KSH-01-C01')).toBeGreaterThan(1);
    expect(cost('level: COUNTY')).toBe(points(14));
    expect(cost('level: NEIGHBOURHOOD')).toBe(points(at('NEIGHBOURHOOD')));
    expect(cost('level: CITY, within: "KSH-01"')).toBe(points(at('CITY', 'KSH-01')));
    expect(cost('level: NEIGHBOURHOOD, within: "KSH-01-C01"')).toBe(points(at('NEIGHBOURHOOD', 'KSH-01-C01')));
    // `within` names itself: a county within itself is one region.
    expect(cost('level: COUNTY, within: "KSH-01"')).toBe(points(1));
    // The codes given, once each, whatever their number; an empty list asks for every region.
    expect(cost('level: COUNTY, regions: ["KSH-01", "KSH-02", "KSH-01"]')).toBe(points(2));
    expect(cost('level: COUNTY, regions: []')).toBe(points(14));
    // Codes of another level or outside `within` return nothing; a code the snapshot does not know
    // (added since it was read) counts, and so does every region at the level for an unknown `within`.
    expect(cost('level: COUNTY, regions: ["KSH", "KSH-01", "KSH-99-NEW"]')).toBe(points(2));
    expect(cost('level: COUNTY, within: "KSH-01", regions: ["KSH-01", "KSH-02"]')).toBe(points(1));
    expect(cost('level: COUNTY, within: "KSH-99-NEW"')).toBe(points(14));
    // Without the directory (not asked for), and for input the resolver refuses, a series is
    // estimated as a plain list (1 + 10 × 1); execution says what is wrong.
    expect(cost('level: COUNTY', null)).toBe(11);
    const bad = parse('query($i: SeriesInput!) { indicatorSeries(input: $i) { value } }');
    const base = { indicators: ['X'], level: 'COUNTY', granularity: 'MONTH', from: '1404-01', to: '1404-12' };
    for (const input of [{ ...base, from: '1404-13' }, { ...base, to: '1403-01' }, { ...base, granularity: 'QUARTER' }, { ...base, from: 'x'.repeat(8) }]) {
      expect(operationCost({ schema, query: bad, variables: { i: input }, context: { regions: snapshot } }, estimators), JSON.stringify(input)).toBe(11);
    }
    expect(operationCost({ schema, query: bad, variables: { i: { ...base, level: 'PLANET' } }, context: { regions: snapshot } }, estimators)).toBeUndefined();
  });

  it('cost: a series with bad input is answered by execution as before, never by the estimate', async () => {
    const query = 'query($i: SeriesInput!) { indicatorSeries(input: $i) { value previous } }';
    const base = { indicators: ['CULTURE_PARTICIPANTS'], level: 'COUNTY', granularity: 'MONTH', from: '1404-01', to: '1404-03' };
    const ok = await post(hub, { query, variables: { i: base } });
    expect(ok.status).toBe(200);
    expect(ok.json?.errors).toBeUndefined();
    for (const [i, field] of [[{ ...base, from: '1404-13' }, 'from'], [{ ...base, to: '1403-12' }, 'to'], [{ ...base, granularity: 'QUARTER' }, 'from'], [{ ...base, indicators: ['NOPE'] }, 'indicators']] as const) {
      const r = await post(hub, { query, variables: { i } });
      expect(r.status, JSON.stringify(i)).toBe(200);
      expect(r.json?.errors?.map((e) => e.extensions?.code), JSON.stringify(i)).toEqual(['BAD_USER_INPUT']);
      expect((r.json?.errors?.[0].extensions?.problems as Array<{ field: string }>)[0].field, JSON.stringify(i)).toBe(field);
    }
    const unknownLevel = await post(hub, { query, variables: { i: { ...base, level: 'PLANET' } } });
    expect(unknownLevel.status).toBe(400);
    expect(firstError(unknownLevel)!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('cost: the README\'s queries, the explorer\'s examples and the load test\'s public series stay within the public budget', async () => {
    const snapshot = await regionDirectory(hub.orm, 60).get();
    const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../schema/schema.graphql'), 'utf8'));
    const estimators = [seriesEstimator(), pageEstimator(100, 10)];
    const cost = (query: string, variables: Record<string, unknown> = {}) => {
      const doc = parse(query);
      const fragments = new Map(doc.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [])));
      return operationCost({ schema, query: doc, variables, context: { regions: snapshot, fragments } }, estimators)!;
    };
    const readme = fs.readFileSync(path.join(__dirname, '../README.md'), 'utf8');
    const queries = [...readme.matchAll(/```graphql\n(query[\s\S]*?)```/g)].map((m) => m[1]);
    expect(queries.some((q) => q.includes('indicatorSeries'))).toBe(true);
    const costs: Record<string, number> = {};
    for (const q of queries) costs[`README: ${q.slice(0, 60)}`] = cost(q);
    for (const op of EXAMPLE_OPERATIONS) costs[`example: ${op.name}`] = cost(op.query, op.variables);
    // The load test's largest public series: 3 indicators × 14 counties × 8 quarters, every field.
    costs['load test: series'] = cost(WORKLOAD.series, { input: { indicators: ['A', 'B', 'C'], level: 'COUNTY', granularity: 'QUARTER', from: '1399-Q1', to: '1400-Q4' } });
    expect(costs['load test: series']).toBe(1 + Math.ceil((3 * 14 * 8 * 3 * 21) / SERIES_POINT_DIVISOR));
    for (const [name, c] of Object.entries(costs)) expect(c, name).toBeLessThanOrEqual(5000);
    // The README's trend: 14 counties × 8 quarters × 3 × 12 a point.
    expect(Object.entries(costs).find(([name]) => name.includes('DV_REPORTS'))![1]).toBe(1 + Math.ceil((14 * 8 * 3 * 12) / SERIES_POINT_DIVISOR));
    // And they run for the public without a cost refusal.
    for (const op of EXAMPLE_OPERATIONS) {
      const r = await post(hub, { query: op.query, variables: op.variables });
      expect(r.json?.errors?.map((e) => e.extensions?.code) ?? [], op.name).not.toContain('QUERY_TOO_COMPLEX');
    }
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

  it('cost: a series\' cost follows the region directory; a kept cost holds for its snapshot only', async () => {
    const unit = new CostMemo();
    const query = parse('{ __typename }');
    const [a, b] = [await regionDirectory(hub.orm, 60).get(), await regionDirectory(hub.orm, 60).get()];
    expect(unit.get({ query, variables: {}, regions: a }, () => 1)).toBe(1);
    expect(unit.get({ query, variables: {}, regions: a }, () => 2)).toBe(1);
    expect(unit.get({ query, variables: {}, regions: b }, () => 3)).toBe(3);
    // Through the hub: the same text and variables, before and after a city is added (the
    // directory hears of it by NOTIFY and is read again; the kept cost goes with the old snapshot).
    const indicators = await openMonthly();
    const body = {
      query: 'query($i: [String!]!) { indicatorSeries(input: { indicators: $i, level: CITY, granularity: MONTH, from: "1390-01", to: "1404-12" }) { previous } }',
      variables: { i: indicators },
    };
    const cities = async () => (await hub.sql<{ n: number }>(`select count(*)::int as n from region where level = 'CITY'`))[0].n;
    const costOf = async () => firstError(await post(hub, body))?.extensions?.actual;
    const expected = (n: number) => 1 + Math.ceil((indicators.length * n * 180 * 2) / SERIES_POINT_DIVISOR);
    const before = await cities();
    expect(expected(before)).toBeGreaterThan(5000);
    expect(await costOf()).toBe(expected(before));
    expect(await costOf()).toBe(expected(before));
    await hub.sql(
      `insert into region (code, name_fa, name_en, level, parent_id, path, search_text)
       select 'KSH-01-COST', 'شهرک هزینه', 'Cost Town', 'CITY', id, path || 'KSH-01-COST/', 'cost town' from region where code = 'KSH-01'`,
    );
    try {
      expect(await cities()).toBe(before + 1);
      expect(await costOf()).toBe(expected(before + 1));
    } finally {
      await hub.sql(`delete from region where code = 'KSH-01-COST'`);
    }
    expect(await costOf()).toBe(expected(before));
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
