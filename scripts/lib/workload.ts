/**
 * The mixed workload of the load and fault tests: demo users and their tokens, the operations
 * (reads as several users and the public; observation batches from the county data steward;
 * membership add/end pairs by an agency admin), what each must answer — including the refusals
 * that are expected — and a ledger of every write the hub acknowledged, checked against the
 * database afterwards.
 */
import { loadConfig } from '../../src/config';
import { createTokenService } from '../../src/auth/tokens';
import { codesOf, type GqlClient, type GqlError, type GqlResponse } from './gql-client';
import type { Recorder } from './stats';
import { withClient } from './harness';

// ---------------------------------------------------------------------------------------------
// Users

export const USERS = {
  dg: 'dg@sca.kermanshah.example',
  deputy: 'harm.deputy@sca.kermanshah.example',
  analyst: 'analyst@sca.kermanshah.example',
  /** DATA_STEWARD of AG-CG-01 (Kermanshah county governorate), jurisdiction KSH-01: the writer of observation batches. */
  steward: 'steward@cg-kermanshah.kermanshah.example',
  ngoSteward: 'steward@omid-sahneh.ngo.example',
  sahnehSteward: 'steward@cg-sahneh.kermanshah.example',
  researcher: 'researcher@razi.ac.example',
  ngoMember: 'member@mehrafarin.ngo.example',
  councilMember: 'bahareh.darvishi@council-kermanshah.kermanshah.example',
  /** ADMIN of AG-SCA: adds and ends memberships there. */
  scaAdmin: 'admin@sca.kermanshah.example',
} as const;
export type UserKey = keyof typeof USERS | 'public';

/** Readers: the public and partner users of every kind. */
const READERS: UserKey[] = ['public', 'public', 'dg', 'deputy', 'analyst', 'steward', 'ngoSteward', 'sahnehSteward', 'researcher', 'ngoMember', 'councilMember'];

/** Signs a token for every demo user with the hub's own key (the hub generated it into its data folder). */
export async function signTokens(hubDataDir: string, hours = 6): Promise<Record<UserKey, string | undefined>> {
  const svc = await createTokenService(loadConfig({ POL_DATA_DIR: hubDataDir }));
  if (!svc.sign) throw new Error('the hub has no local signing key');
  const out: Partial<Record<UserKey, string | undefined>> = { public: undefined };
  for (const [k, email] of Object.entries(USERS)) out[k as UserKey] = await svc.sign(email, { ttlSeconds: hours * 3600 });
  return out as Record<UserKey, string | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Random numbers (seeded, one stream per client)

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
export const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// Documents (the shapes of schema/operations/*.graphql)

export const Q = {
  region: `query Region($code: String!) {
    region(code: $code) { code nameFa nameEn level population parent { code } ancestors { code level } children { code level nameFa children { code level } } }
  }`,
  regions: `query Regions($level: RegionLevel, $within: String, $first: Int, $after: String) {
    regions(level: $level, within: $within, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { code nameFa nameEn level population } }
  }`,
  countyNetwork: `query CountyNetwork($first: Int) {
    regions(level: COUNTY, first: $first) { nodes { code agencies { code } children { code agencies { code kind memberships { role person { fullNameEn email } } } } } }
  }`,
  agencies: `query Agencies($kind: AgencyKind, $within: String, $first: Int) {
    agencies(kind: $kind, within: $within, first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { code nameFa nameEn kind jurisdiction { code } } }
  }`,
  agency: `query Agency($code: String!) {
    agency(code: $code) { id code nameFa nameEn kind fieldsOfActivity jurisdiction { code nameFa } parent { code } units { code kind nameFa } posts { code }
      memberships { id role validFrom validTo current unit { code } person { id email fullNameEn phone nationalId } } }
  }`,
  me: `query Me { me { person { id email fullNameFa fullNameEn } acting { id role agency { code kind } } memberships { id role agency { code } } } }`,
  observations: `query Observations($filter: ObservationFilter, $first: Int, $after: String) {
    observations(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id value suppressed status version isCurrent sex ageGroup indicator { code sensitivity } region { code level } period { code } reportingAgency { code } }
    }
  }`,
  observationDetails: `query ObservationDetails($filter: ObservationFilter, $first: Int) {
    observations(filter: $filter, first: $first) { nodes { id value suppressed status indicator { code } region { code } note enteredBy { fullNameEn } approvedBy { fullNameEn } } }
  }`,
  series: `query IndicatorSeries($input: SeriesInput!) {
    indicatorSeries(input: $input) {
      indicator { code } region { code nameFa } period { code labelFa startDate endDate }
      value suppressed cells population ratePer10k previous changeFromPrevious changeFromPreviousPercent lastYear changeFromLastYear changeFromLastYearPercent
    }
  }`,
  catalogue: `query HarmCatalogue { indicators(first: 100) { nodes { code sensitivity finestLevel periodType reporterKinds } } }`,
  submit: `mutation SubmitObservations($input: SubmitObservationsInput!) { submitObservations(input: $input) { batchId rows created corrected replayed } }`,
  addMembership: `mutation AddMembership($input: AddMembershipInput!) {
    addMembership(input: $input) { id role validFrom validTo current agency { code } person { email fullNameEn } }
  }`,
  endMembership: `mutation EndMembership($input: EndMembershipInput!) { endMembership(input: $input) { id validFrom validTo current } }`,
} as const;

// ---------------------------------------------------------------------------------------------
// What the hub holds, read once before the load

export interface Catalogue {
  counties: string[];
  /** Regions below the counties (districts, cities) for region reads. */
  subRegions: string[];
  /** Neighbourhoods of Kermanshah county (KSH-01…), where the steward writes. */
  neighbourhoods: string[];
  /** Indicators with monthly or quarterly data (summable into quarters), by sensitivity. */
  quarterly: { OPEN: string[]; RESTRICTED: string[]; CONFIDENTIAL: string[] };
  agencyCodes: string[];
}

export async function readCatalogue(client: GqlClient, tokens: Record<UserKey, string | undefined>): Promise<Catalogue> {
  const must = <T>(r: GqlResponse<T>, what: string): T => {
    if (r.status !== 200 || r.errors?.length || !r.data) throw new Error(`could not read ${what}: HTTP ${r.status} ${JSON.stringify(r.errors ?? r.transportError)}`);
    return r.data;
  };
  type Nodes = { regions: { nodes: Array<{ code: string }> } };
  const counties = must(await client.call<Nodes>(Q.regions, { level: 'COUNTY', first: 50 }), 'counties').regions.nodes.map((n) => n.code);
  const districts = must(await client.call<Nodes>(Q.regions, { level: 'DISTRICT', first: 100 }), 'districts').regions.nodes.map((n) => n.code);
  const cities = must(await client.call<Nodes>(Q.regions, { level: 'CITY', first: 100 }), 'cities').regions.nodes.map((n) => n.code);
  const neighbourhoods = must(await client.call<Nodes>(Q.regions, { level: 'NEIGHBOURHOOD', within: 'KSH-01', first: 100 }), 'neighbourhoods')
    .regions.nodes.map((n) => n.code);
  type Ind = { code: string; sensitivity: keyof Catalogue['quarterly']; finestLevel: string; periodType: string; reporterKinds: string[] };
  const inds = must(await client.call<{ indicators: { nodes: Ind[] } }>(Q.catalogue, {}, tokens.dg), 'indicators').indicators.nodes;
  const quarterly: Catalogue['quarterly'] = { OPEN: [], RESTRICTED: [], CONFIDENTIAL: [] };
  for (const i of inds) if (i.periodType === 'MONTH' || i.periodType === 'QUARTER') quarterly[i.sensitivity].push(i.code);
  const culture = inds.find((i) => i.code === 'CULTURE_PARTICIPANTS');
  if (!culture || culture.periodType !== 'MONTH' || culture.finestLevel !== 'NEIGHBOURHOOD' || !culture.reporterKinds.includes('COUNTY_GOVERNORATE')) {
    throw new Error(`the workload writes CULTURE_PARTICIPANTS (monthly, down to neighbourhoods, reported by county governorates); the hub has ${JSON.stringify(culture)}`);
  }
  if (!neighbourhoods.length) throw new Error('Kermanshah county (KSH-01) has no neighbourhoods in this hub');
  type Ag = { agencies: { nodes: Array<{ code: string }> } };
  const agencyCodes = must(await client.call<Ag>(Q.agencies, { first: 100 }), 'agencies').agencies.nodes.map((n) => n.code).filter((c) => c !== 'AG-SCA');
  return { counties, subRegions: [...districts, ...cities], neighbourhoods, quarterly, agencyCodes };
}

// ---------------------------------------------------------------------------------------------
// Cells to write

export interface Row { indicatorCode: string; regionCode: string; period: string; sex: string; ageGroup: string; value: number }

const SEXES = ['TOTAL', 'FEMALE', 'MALE'];
const AGES = ['TOTAL', 'A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS'];
/** Years no demo data covers (the demo has 1399–1403; the Jalali calendar table starts at 1370). */
const FIRST_YEAR = 1370;
const LAST_YEAR = 1398;

/**
 * Hands out CULTURE_PARTICIPANTS cells of Kermanshah county's neighbourhoods in months of
 * 1370–1398, each cell once, so that concurrent batches never touch the same cell. When every
 * cell was used it starts over: batches then correct earlier ones (new versions).
 */
export class CellAllocator {
  private next = 0;
  readonly capacity: number;
  wrapped = 0;

  constructor(private readonly neighbourhoods: string[], offset = 0) {
    this.capacity = neighbourhoods.length * SEXES.length * AGES.length * 12 * (LAST_YEAR - FIRST_YEAR + 1);
    this.next = offset % this.capacity;
  }

  take(n: number): Row[] {
    const rows: Row[] = [];
    for (let k = 0; k < n; k++) {
      const i = this.next;
      this.next = (this.next + 1) % this.capacity;
      if (this.next === 0) this.wrapped++;
      let x = i;
      const age = x % AGES.length;
      x = Math.floor(x / AGES.length);
      const sex = x % SEXES.length;
      x = Math.floor(x / SEXES.length);
      const nb = x % this.neighbourhoods.length;
      const month = Math.floor(x / this.neighbourhoods.length);
      const year = FIRST_YEAR + Math.floor(month / 12);
      rows.push({
        indicatorCode: 'CULTURE_PARTICIPANTS', regionCode: this.neighbourhoods[nb], period: `${year}-${String((month % 12) + 1).padStart(2, '0')}`,
        sex: SEXES[sex], ageGroup: AGES[age], value: 5 + ((i * 7919) % 400),
      });
    }
    return rows;
  }
}

// ---------------------------------------------------------------------------------------------
// The ledger of acknowledged writes

export interface AckedBatch { key: string; batchId: string; rows: number; created: number; corrected: number; sent: Row[]; at: number; retried: boolean }
export interface AckedMembership { id: string; email: string; validFrom: string; endedTo?: string; at: number }

export class Ledger {
  readonly batches = new Map<string, AckedBatch>();
  readonly memberships = new Map<string, AckedMembership>();
  /** Batches sent but not acknowledged (error or no answer): the fault test sends them again with the same key. */
  readonly unacked = new Map<string, { rows: Row[]; why: string }>();
  /** Acknowledged memberships whose end was not acknowledged. */
  readonly unendedMemberships = new Set<string>();
  /** Batches first not acknowledged, then replayed on retry: they had been saved although the client got an error. */
  committedButUnacked = 0;
  membershipAddsUnacked = 0;

  ackedRows(): number {
    let n = 0;
    for (const b of this.batches.values()) n += b.rows;
    return n;
  }
}

/** Every acknowledged batch is in observation_batch with its key and exactly its rows in observation; every acknowledged membership exists as acknowledged. */
export async function verifyLedger(dbUrl: string, ledger: Ledger): Promise<{ problems: string[]; summary: string }> {
  const problems: string[] = [];
  const ids = [...ledger.batches.values()].map((b) => Number(b.batchId));
  const found = await withClient(dbUrl, async (c) => {
    const batches = await c.query<{ id: string; idempotency_key: string; row_count: number; n: string }>(
      `select b.id::text, b.idempotency_key, b.row_count, (select count(*) from observation o where o.batch_id = b.id) as n
         from observation_batch b where b.id = any($1::bigint[])`,
      [ids],
    );
    const mids = [...ledger.memberships.keys()].map(Number);
    const members = await c.query<{ id: string; email: string; valid_from: string; valid_to: string | null }>(
      `select m.id::text, p.email, to_char(m.valid_from, 'YYYY-MM-DD') as valid_from, to_char(m.valid_to, 'YYYY-MM-DD') as valid_to
         from membership m join person p on p.id = m.person_id where m.id = any($1::bigint[])`,
      [mids],
    );
    return { batches: batches.rows, members: members.rows };
  });
  const byId = new Map(found.batches.map((r) => [r.id, r]));
  let rowsFound = 0;
  for (const b of ledger.batches.values()) {
    const r = byId.get(b.batchId);
    if (!r) {
      problems.push(`acknowledged batch ${b.batchId} (key ${b.key}, ${b.rows} rows) is not in observation_batch`);
      continue;
    }
    rowsFound += Number(r.n);
    if (r.idempotency_key !== b.key) problems.push(`batch ${b.batchId}: key ${r.idempotency_key} in the database, ${b.key} acknowledged`);
    if (Number(r.n) !== b.rows || r.row_count !== b.rows) problems.push(`batch ${b.batchId} (key ${b.key}): ${b.rows} rows acknowledged, ${r.n} in observation (row_count ${r.row_count})`);
  }
  const mById = new Map(found.members.map((r) => [r.id, r]));
  for (const m of ledger.memberships.values()) {
    const r = mById.get(m.id);
    if (!r) problems.push(`acknowledged membership ${m.id} (${m.email}) is not in the database`);
    else if (r.email !== m.email) problems.push(`membership ${m.id}: person ${r.email}, ${m.email} acknowledged`);
    else if (m.endedTo && r.valid_to !== m.endedTo) problems.push(`membership ${m.id}: end ${m.endedTo} acknowledged, valid_to ${r.valid_to} in the database`);
  }
  const summary = `${ledger.batches.size} acknowledged batches with ${ledger.ackedRows()} rows → ${found.batches.length} batches with ${rowsFound} rows found; `
    + `${ledger.memberships.size} acknowledged memberships (${[...ledger.memberships.values()].filter((m) => m.endedTo).length} ended) → ${found.members.length} found`;
  return { problems, summary };
}

export async function tableCounts(dbUrl: string): Promise<Record<string, number>> {
  return withClient(dbUrl, async (c) => {
    const r = await c.query<Record<string, string>>(
      `select (select count(*) from observation) as observation, (select count(*) from observation_batch) as observation_batch,
              (select count(*) from membership) as membership, (select count(*) from person) as person,
              (select count(*) from access_log) as access_log, pg_database_size(current_database()) as db_bytes`,
    );
    return Object.fromEntries(Object.entries(r.rows[0]).map(([k, v]) => [k, Number(v)]));
  });
}

// ---------------------------------------------------------------------------------------------
// Checking answers

export interface Verdict { outcome: 'ok' | 'refused' | 'error'; key?: string; sample?: string; code?: string }

/** A refusal the workload provokes on purpose: these codes, at fields whose name is one of `fields` (any field when absent). */
export interface Expected { codes: string[]; fields?: string[]; why: string }

function describe(op: string, r: GqlResponse<unknown>): { key: string; sample: string; code: string } {
  if (r.transportError) {
    // Not `TIMEOUT`: that is the hub's own code for a request it stopped waiting for.
    const kind = /no answer within/.test(r.transportError) ? 'CLIENT_TIMEOUT' : r.status ? `HTTP ${r.status}` : 'NO ANSWER';
    return { key: `${op}: ${kind} ${r.transportError.replace(/\d+ ms/, 'N ms').slice(0, 120)}`, sample: `${r.transportError} ${r.rawBody ?? ''}`, code: kind };
  }
  const e = r.errors?.[0];
  const code = e?.extensions?.code ?? (r.status >= 400 ? `HTTP ${r.status}` : 'NO DATA');
  const msg = (e?.message ?? '').replace(/\d{3,}/g, 'N').slice(0, 140);
  return { key: `${op}: HTTP ${r.status} ${codesOf(r).join(',') || '-'} "${msg}"${e?.path ? ` at ${e.path.filter((p) => typeof p === 'string').join('.')}` : ''}`, sample: JSON.stringify({ status: r.status, errors: r.errors?.slice(0, 3) }), code: String(code) };
}

const fieldOf = (e: GqlError) => [...(e.path ?? [])].reverse().find((p): p is string => typeof p === 'string');

/**
 * ok: HTTP 200, no errors, data present (and `extra` agrees). refused: every error is one of the
 * expected refusals. Anything else is an error.
 */
export function judge(op: string, r: GqlResponse<unknown>, expected?: Expected, extra?: () => string | undefined): Verdict {
  if (!r.transportError && r.status === 200 && !r.errors?.length && r.data) {
    const bad = extra?.();
    if (!bad) return { outcome: 'ok' };
    return { outcome: 'error', key: `${op}: wrong answer: ${bad.slice(0, 160)}`, sample: JSON.stringify(r.data).slice(0, 600), code: 'WRONG_ANSWER' };
  }
  if (expected && !r.transportError && r.errors?.length) {
    const allExpected = r.errors.every((e) => expected.codes.includes(String(e.extensions?.code)) && (!expected.fields || expected.fields.includes(fieldOf(e) ?? '')));
    if (allExpected && r.status < 500) {
      const fields = [...new Set(r.errors.map(fieldOf))].join(',');
      return { outcome: 'refused', key: `${op}: ${[...new Set(codesOf(r))].join(',')}${expected.fields ? ` at ${fields}` : ''} — ${expected.why}`, code: String(r.errors[0].extensions?.code) };
    }
  }
  const d = describe(op, r);
  return { outcome: 'error', key: d.key, sample: d.sample, code: d.code };
}

// ---------------------------------------------------------------------------------------------
// Operations

export interface ClientState {
  id: number;
  r: () => number;
  seq: number;
  client: GqlClient;
  tokens: Record<UserKey, string | undefined>;
  cat: Catalogue;
  cells: CellAllocator;
  ledger: Ledger;
  rec: Recorder;
  runId: string;
  /** Batches this client got acknowledged (for replays and conflicts). */
  mine: AckedBatch[];
  /** Called with every answer (the fault test keeps a timeline). */
  onAnswer?: (op: string, kind: 'read' | 'write', r: GqlResponse<unknown>, v: Verdict) => void;
}

export interface Op {
  name: string;
  kind: 'read' | 'write';
  weight: number;
  run(s: ClientState): Promise<void>;
}

async function call(
  s: ClientState, op: string, kind: 'read' | 'write', query: string, variables: Record<string, unknown>, user: UserKey,
  expected?: Expected, extra?: (data: Record<string, unknown>) => string | undefined,
): Promise<{ r: GqlResponse<Record<string, unknown>>; v: Verdict }> {
  const r = await s.client.call<Record<string, unknown>>(query, variables, s.tokens[user]);
  const v = judge(op, r, expected, extra && (() => extra(r.data!)));
  s.rec.record(op, kind, r.ms, v.outcome, v.key ? { key: v.key, sample: v.sample ?? '' } : undefined, v.code);
  s.onAnswer?.(op, kind, r, v);
  return { r, v };
}

/** Phone and national ID are for the person and their agency's admins; people's email and memberships are for partner users. */
const PERSONAL: Expected = { codes: ['FORBIDDEN', 'UNAUTHENTICATED'], fields: ['phone', 'nationalId', 'email', 'memberships'], why: 'personal data of others (expected)' };
/** note, enteredBy, approvedBy: for the reporting agency and the monitoring deputy only. */
const WORKING_DETAILS: Expected = { codes: ['FORBIDDEN', 'UNAUTHENTICATED'], fields: ['note', 'enteredBy', 'approvedBy'], why: 'working details of observations (expected)' };
/**
 * The saved CountyNetwork operation (schema/operations/regions.graphql) is priced at about 60,700 by
 * the cost limit: over the public (5,000) and signed-in (20,000) budgets, within the provincial
 * DIRECTOR/ANALYST budget (100,000). Refused for the public and the university researcher.
 */
const TOO_COSTLY: Expected = { codes: ['QUERY_TOO_COMPLEX'], why: 'CountyNetwork over the caller\'s cost budget (expected with the default POL_MAX_COST_*)' };
const QUARTERS = ['1399-Q1', '1400-Q1', '1401-Q1', '1402-Q1'];

const today = () => new Date().toISOString().slice(0, 10);

export const READ_OPS: Op[] = [
  {
    name: 'region+children', kind: 'read', weight: 10,
    run: (s) => call(s, 'region+children', 'read', Q.region, { code: pick(s.r, s.r() < 0.6 ? s.cat.counties : s.cat.subRegions) }, pick(s.r, READERS), undefined,
      (d) => ((d.region as { children?: unknown[] } | null)?.children ? undefined : 'region or its children missing')).then(() => undefined),
  },
  {
    name: 'regions page', kind: 'read', weight: 5,
    run: (s) => call(s, 'regions page', 'read', Q.regions, { level: pick(s.r, ['DISTRICT', 'CITY', 'RURAL_DISTRICT', 'VILLAGE', 'NEIGHBOURHOOD']), within: pick(s.r, s.cat.counties), first: 50 }, pick(s.r, READERS)).then(() => undefined),
  },
  {
    name: 'county network', kind: 'read', weight: 3,
    run: (s) => {
      const user = pick(s.r, ['dg', 'analyst', 'researcher', 'public'] as UserKey[]);
      return call(s, 'county network', 'read', Q.countyNetwork, { first: 14 }, user, user === 'dg' || user === 'analyst' ? PERSONAL : TOO_COSTLY).then(() => undefined);
    },
  },
  {
    name: 'agencies page', kind: 'read', weight: 9,
    run: (s) => call(s, 'agencies page', 'read', Q.agencies, {
      kind: s.r() < 0.3 ? undefined : pick(s.r, ['NGO', 'COUNTY_GOVERNORATE', 'CITY_COUNCIL', 'CULTURAL_CENTER', 'VILLAGE_COUNCIL', 'STATE_BODY']),
      within: s.r() < 0.5 ? pick(s.r, s.cat.counties) : undefined, first: 50,
    }, pick(s.r, READERS)).then(() => undefined),
  },
  {
    name: 'agency+members', kind: 'read', weight: 5,
    run: (s) => call(s, 'agency+members', 'read', Q.agency, { code: pick(s.r, s.cat.agencyCodes) }, pick(s.r, READERS), PERSONAL).then(() => undefined),
  },
  {
    name: 'me', kind: 'read', weight: 7,
    run: (s) => {
      const user = pick(s.r, READERS);
      return call(s, 'me', 'read', Q.me, {}, user, undefined, (d) => (user === 'public' ? (d.me === null ? undefined : 'me is not null for the public') : (d.me as { person?: { email?: string } } | null)?.person?.email === USERS[user as keyof typeof USERS] ? undefined : 'me names someone else')).then(() => undefined);
    },
  },
  {
    name: 'observations page', kind: 'read', weight: 12,
    run: async (s) => {
      const user = pick(s.r, READERS);
      const sens = pick(s.r, ['OPEN', 'OPEN', 'RESTRICTED', 'CONFIDENTIAL'] as const);
      const indicators = [pick(s.r, s.cat.quarterly[sens].length ? s.cat.quarterly[sens] : s.cat.quarterly.OPEN)];
      const year = between(s.r, 1399, 1403);
      const filter = { indicators, within: pick(s.r, s.cat.counties), from: `${year}-01`, to: `${year}-12`, ...(s.r() < 0.5 ? { levels: ['COUNTY'] } : {}) };
      const first = pick(s.r, [20, 50, 100]);
      const { r, v } = await call(s, 'observations page', 'read', Q.observations, { filter, first }, user);
      const page = (r.data?.observations as { pageInfo?: { hasNextPage: boolean; endCursor: string } } | undefined)?.pageInfo;
      if (v.outcome === 'ok' && page?.hasNextPage && s.r() < 0.5) {
        await call(s, 'observations next page', 'read', Q.observations, { filter, first, after: page.endCursor }, user);
      }
    },
  },
  {
    name: 'observations (steward, own rows)', kind: 'read', weight: 4,
    run: (s) => call(s, 'observations (steward, own rows)', 'read', Q.observations, {
      filter: { indicators: ['CULTURE_PARTICIPANTS'], within: pick(s.r, s.cat.neighbourhoods), statuses: ['SUBMITTED'] }, first: 50,
    }, 'steward').then(() => undefined),
  },
  {
    name: 'indicatorSeries county×quarter', kind: 'read', weight: 13,
    run: (s) => {
      const pool = [...s.cat.quarterly.OPEN, ...s.cat.quarterly.OPEN, ...s.cat.quarterly.RESTRICTED, ...s.cat.quarterly.CONFIDENTIAL];
      const indicators = [...new Set([pick(s.r, pool), pick(s.r, pool), pick(s.r, pool)].slice(0, between(s.r, 1, 3)))];
      const from = pick(s.r, QUARTERS);
      const input: Record<string, unknown> = { indicators, level: 'COUNTY', granularity: 'QUARTER', from, to: `${Number(from.slice(0, 4)) + 1}-Q4` };
      if (s.r() < 0.4) input.regions = [pick(s.r, s.cat.counties)];
      return call(s, 'indicatorSeries county×quarter', 'read', Q.series, { input }, pick(s.r, READERS)).then(() => undefined);
    },
  },
  {
    name: 'refusal: working details', kind: 'read', weight: 1,
    run: (s) => call(s, 'refusal: working details', 'read', Q.observationDetails, {
      filter: { indicators: ['CULTURE_PARTICIPANTS'], within: 'KSH-01', from: '1403-01', to: '1403-03', levels: ['COUNTY'] }, first: 5,
    }, pick(s.r, ['public', 'ngoMember', 'researcher'] as UserKey[]), WORKING_DETAILS).then(() => undefined),
  },
  {
    name: 'refusal: submit as non-steward', kind: 'read', weight: 1,
    run: (s) => call(s, 'refusal: submit as non-steward', 'read', Q.submit, {
      input: { idempotencyKey: `${s.runId}-refused-${s.id}-${s.seq++}`, rows: [{ indicatorCode: 'CULTURE_PARTICIPANTS', regionCode: 'KSH-01', period: '1390-01', value: 10 }] },
    }, pick(s.r, ['ngoMember', 'scaAdmin', 'public'] as UserKey[]), { codes: ['FORBIDDEN', 'UNAUTHENTICATED'], why: 'submitObservations by a non-steward (expected)' }).then(() => undefined),
  },
];

/** A batch of 20–200 fresh cells with a unique idempotency key. Unacknowledged batches go to the ledger for a retry. */
export async function submitBatch(s: ClientState, rows: Row[], key: string, retry = false): Promise<boolean> {
  const op = retry ? 'submitObservations (retry)' : 'submitObservations';
  let result: { batchId: string; rows: number; created: number; corrected: number; replayed: boolean } | undefined;
  const { v } = await call(s, op, 'write', Q.submit, { input: { idempotencyKey: key, rows } }, 'steward', undefined, (d) => {
    result = d.submitObservations as typeof result;
    if (!result) return 'no result';
    if (result.rows !== rows.length || result.created + result.corrected !== rows.length) return `${rows.length} rows sent, result ${JSON.stringify(result)}`;
    if (result.replayed && !retry) return `a fresh key came back replayed: ${JSON.stringify(result)}`;
    return undefined;
  });
  if (v.outcome === 'ok' && result) {
    const b: AckedBatch = { key, batchId: result.batchId, rows: result.rows, created: result.created, corrected: result.corrected, sent: rows, at: s.rec.now(), retried: retry };
    s.ledger.batches.set(key, b);
    s.ledger.unacked.delete(key);
    if (retry && result.replayed) s.ledger.committedButUnacked++;
    s.mine.push(b);
    if (s.mine.length > 50) s.mine.shift();
    return true;
  }
  s.ledger.unacked.set(key, { rows, why: v.key ?? '?' });
  return false;
}

export const WRITE_OPS: Op[] = [
  {
    name: 'submitObservations', kind: 'write', weight: 14,
    run: async (s) => {
      const rows = s.cells.take(between(s.r, 20, 200));
      await submitBatch(s, rows, `${s.runId}-c${s.id}-${s.seq++}`);
    },
  },
  {
    name: 'submitObservations (replay)', kind: 'write', weight: 1,
    run: async (s) => {
      const b = s.mine.length ? pick(s.r, s.mine) : undefined;
      if (!b) return;
      await call(s, 'submitObservations (replay)', 'write', Q.submit, { input: { idempotencyKey: b.key, rows: b.sent } }, 'steward', undefined, (d) => {
        const res = d.submitObservations as { batchId: string; replayed: boolean } | null;
        return res?.replayed && res.batchId === b.batchId ? undefined : `the same key and rows again must replay batch ${b.batchId}: ${JSON.stringify(res)}`;
      });
    },
  },
  {
    name: 'submitObservations (key reused)', kind: 'write', weight: 1,
    run: async (s) => {
      const b = s.mine.length ? pick(s.r, s.mine) : undefined;
      if (!b) return;
      const rows = b.sent.map((row, i) => (i === 0 ? { ...row, value: row.value + 1 } : row));
      await call(s, 'submitObservations (key reused)', 'write', Q.submit, { input: { idempotencyKey: b.key, rows } }, 'steward',
        { codes: ['CONFLICT'], why: 'an idempotency key reused with other rows (expected)' });
    },
  },
  {
    name: 'addMembership+endMembership', kind: 'write', weight: 4,
    run: async (s) => {
      // A new person each time, with a membership in the past: nothing current changes, so reads stay the same size.
      const email = `load.${s.runId}.${s.id}.${s.seq++}@volunteers.example`;
      const year = between(s.r, 2015, 2019);
      const validFrom = `${year}-03-21`;
      const validTo = `${year}-09-22`;
      let id: string | undefined;
      const add = await call(s, 'addMembership', 'write', Q.addMembership, {
        input: { agencyCode: 'AG-SCA', personEmail: email, role: 'MEMBER', validFrom, newPerson: { fullNameFa: `داوطلب آزمون ${s.seq}`, fullNameEn: `Load Volunteer ${s.id}-${s.seq}` } },
      }, 'scaAdmin', undefined, (d) => {
        const m = d.addMembership as { id: string; validFrom: string; person: { email: string } } | null;
        id = m?.id;
        return m && m.person.email === email && m.validFrom === validFrom ? undefined : `addMembership answered ${JSON.stringify(m)}`;
      });
      if (add.v.outcome !== 'ok' || !id) {
        s.ledger.membershipAddsUnacked++;
        return;
      }
      const acked: AckedMembership = { id, email, validFrom, at: s.rec.now() };
      s.ledger.memberships.set(id, acked);
      const ok = await endMembership(s, acked, validTo);
      if (!ok) s.ledger.unendedMemberships.add(id);
    },
  },
];

export async function endMembership(s: ClientState, m: AckedMembership, validTo: string, retry = false): Promise<boolean> {
  const op = retry ? 'endMembership (retry)' : 'endMembership';
  const { r, v } = await call(s, op, 'write', Q.endMembership, { input: { membershipId: m.id, validTo } }, 'scaAdmin',
    retry ? { codes: ['CONFLICT'], why: 'the end had been saved before the outage cut the answer off' } : undefined,
    (d) => {
      const e = d.endMembership as { id: string; validTo: string } | null;
      return e && e.id === m.id && e.validTo === validTo ? undefined : `endMembership answered ${JSON.stringify(e)}`;
    });
  if (v.outcome === 'ok' || (retry && v.outcome === 'refused' && r.errors?.[0]?.message.includes(validTo))) {
    m.endedTo = validTo;
    return true;
  }
  return false;
}

export { today };

/** Picks an operation by weight; `writeShare` scales the write weights to that share of all calls. */
export function chooser(ops: Op[], writeShare: number): (r: () => number) => Op {
  const reads = ops.filter((o) => o.kind === 'read');
  const writes = ops.filter((o) => o.kind === 'write');
  const rw = reads.reduce((a, o) => a + o.weight, 0);
  const ww = writes.reduce((a, o) => a + o.weight, 0);
  const table = [
    ...reads.map((o) => ({ o, w: ((1 - writeShare) * o.weight) / rw })),
    ...writes.map((o) => ({ o, w: (writeShare * o.weight) / ww })),
  ];
  return (r) => {
    let x = r();
    for (const { o, w } of table) {
      if ((x -= w) < 0) return o;
    }
    return table[table.length - 1].o;
  };
}
