import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { periodBounds, PeriodType } from '../../src/common/jalali';
import { Agency, AgencyKind } from '../../src/modules/agency/agency.entity';
import { HarmCategory, Indicator } from '../../src/modules/harm/harm.entity';
import { AgeGroup, IndicatorUnit, ObservationStatus, Sensitivity, Sex } from '../../src/modules/harm/harm.enums';
import { protectTable, PROTECTION_METHOD, type TableCell } from '../../src/modules/harm/disclosure';
import { pgArray } from '../../src/db/sql';
import { Person } from '../../src/modules/person/person.entity';
import { LEVEL_RANK, Region, RegionLevel } from '../../src/modules/region/region.entity';
import { DataSharingAgreement } from '../../src/modules/sharing/agreement.entity';
import type { AgencyKind as DemoAgencyKind, RegionLevel as DemoRegionLevel } from './data';
import {
  DEMO_AGREEMENTS,
  DEMO_CATEGORIES,
  DEMO_INDICATORS,
  DEMO_SERIES,
  NEIGHBOURHOOD_DEPRIVATION,
  POPULATION_AGE_SHARES,
  type AgeShares,
  type DemoIndicator,
  type DemoIndicatorUnit,
  type DemoPeriodType,
  type DemoSensitivity,
  type SeriesProfile,
} from './harm-data';

// The demo data spells enum values as string literals; this stops compiling if they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ENUMS_MATCH: [
  Same<`${Sensitivity}`, DemoSensitivity>,
  Same<`${IndicatorUnit}`, DemoIndicatorUnit>,
  Same<`${PeriodType}`, DemoPeriodType>,
  Same<`${RegionLevel}`, DemoRegionLevel>,
  Same<`${AgencyKind}`, DemoAgencyKind>,
] = [true, true, true, true, true];
void ENUMS_MATCH;

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const v = map.get(key);
  if (!v) throw new Error(`harm demo data: unknown ${what} ${key}`);
  return v;
}

// ---------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------

/**
 * Writes the harm categories, indicators and data-sharing agreements in one transaction; does
 * nothing when harm categories exist. Needs the base demo data (regions, agencies, people).
 */
export async function loadHarmCatalogue(em: EntityManager): Promise<void> {
  if ((await em.count(HarmCategory, {})) > 0) return;
  await em.transactional(async (tx) => {
    const categories = new Map<string, HarmCategory>();
    for (const c of DEMO_CATEGORIES) categories.set(c.code, tx.create(HarmCategory, { code: c.code, nameFa: c.nameFa, nameEn: c.nameEn }));
    for (const i of DEMO_INDICATORS) {
      tx.create(Indicator, {
        code: i.code, nameFa: i.nameFa, nameEn: i.nameEn, category: need(categories, i.categoryCode, 'harm category'),
        unit: i.unit as IndicatorUnit, sensitivity: i.sensitivity as Sensitivity, suppressionK: i.suppressionK,
        finestLevel: i.finestLevel as RegionLevel, periodType: i.periodType as PeriodType, reporterKinds: i.reporterKinds as AgencyKind[],
        definitionFa: i.definitionFa, definitionEn: i.definitionEn, per10k: i.per10k,
      });
    }
    const agencies = new Map(
      (await tx.find(Agency, { code: { $in: DEMO_AGREEMENTS.flatMap((a) => [a.grantorCode, a.granteeCode]) } })).map((a) => [a.code, a]),
    );
    const regions = new Map((await tx.find(Region, { code: { $in: DEMO_AGREEMENTS.map((a) => a.regionRootCode) } })).map((r) => [r.code, r]));
    const people = new Map((await tx.find(Person, { email: { $in: DEMO_AGREEMENTS.map((a) => a.createdByEmail) } })).map((p) => [p.email, p]));
    for (const a of DEMO_AGREEMENTS) {
      for (const c of a.categoryCodes) need(categories, c, 'harm category');
      tx.create(DataSharingAgreement, {
        code: a.code, grantor: need(agencies, a.grantorCode, 'agency'), grantee: need(agencies, a.granteeCode, 'agency'),
        purpose: a.purpose, categoryCodes: a.categoryCodes, regionRoot: need(regions, a.regionRootCode, 'region'),
        finestLevel: a.finestLevel as RegionLevel, validFrom: a.validFrom, validTo: a.validTo,
        createdBy: need(people, a.createdByEmail, 'person'),
      });
    }
  });
}

// ---------------------------------------------------------------------------
// Synthetic observations
// ---------------------------------------------------------------------------

export interface DemoObservationOptions {
  /** 'demo': 1399–1403, province and counties (about 150k rows); 'large': 1394–1403, every region, sex × age (about 1.35M rows). */
  scale: 'demo' | 'large';
  log?: (s: string) => void;
  /** Only these indicators (all by default). */
  indicators?: readonly string[];
  /** Only these Jalali years (the scale's by default). */
  years?: readonly [from: number, to: number];
  /** Another seed gives other synthetic values of the same shape (default: the demo's). */
  seed?: string;
}

export interface DemoObservationResult {
  rows: number;
  ms: number;
}

const SCALES = {
  demo: { fromYear: 1399, toYear: 1403 },
  large: { fromYear: 1394, toYear: 1403 },
} as const;

/** Neighbourhood rows of the demo scale (the large scale has every region an indicator reaches). */
const DEMO_NEIGHBOURHOOD_INDICATORS = new Set(['DV_REPORTS', 'DIVORCE_REG', 'CULTURE_PARTICIPANTS']);
const REVIEWER_EMAIL = 'harm.deputy@sca.kermanshah.example';
const CHUNK_ROWS = 40_000;
const LAST_YEAR = 1403;
const SYNTHETIC = 'داده ساختگی (synthetic): ';

type Split = 'total' | 'sex' | 'sexAge';
type Distort = (value: number, sex: Sex, age: AgeGroup) => number;

/** Cells sent back to the reporting agency (all rows of the cell group are rejected). */
const REJECTED: Array<{ indicator: string; region: string; period: string; reason: string; distort: Distort }> = [
  {
    indicator: 'DV_REPORTS', region: 'KSH-09', period: '1403-11',
    reason: 'جمع ارقام زنان و مردان با رقم کل برابر نیست؛ لطفاً اصلاح و دوباره ارسال کنید.',
    distort: (v, sex, age) => (sex === Sex.TOTAL && age === AgeGroup.TOTAL ? v + 3 : v),
  },
  {
    indicator: 'ADDICTION_ADMISSIONS', region: 'KSH-07', period: '1403-10',
    reason: 'رقم این ماه حدود ده برابر میانگین ماه‌های گذشته است و احتمالاً در ورود داده خطا رخ داده است.',
    distort: (v) => v * 10,
  },
  {
    indicator: 'THEFT_REPORTS', region: 'KSH-11', period: '1403-11',
    reason: 'این رقم با آمار ارسالی انتظامی شهرستان همخوانی ندارد؛ لطفاً با منبع تطبیق دهید.',
    distort: (v) => Math.round(v * 1.35),
  },
  {
    indicator: 'DIVORCE_REG', region: 'KSH-01-C01-N12', period: '1403-09',
    reason: 'رقم محله از مجموع طلاق‌های ثبت‌شده در دفاتر رسمی همان محدوده بیشتر است.',
    distort: (v) => v * 3 + 2,
  },
  {
    indicator: 'SUICIDE_ATTEMPTS', region: 'KSH-04', period: '1403-11',
    reason: 'جمع گروه‌های سنی با رقم کل همخوانی ندارد.',
    distort: (v, _sex, age) => (age === AgeGroup.TOTAL ? v : v + 1),
  },
];

/** Cells corrected after approval: the (TOTAL, TOTAL) row has a wrong first version and a right second one. */
const CORRECTED: Array<{ indicator: string; region: string; period: string; wrong: (v: number) => number }> = [
  { indicator: 'DIVORCE_REG', region: 'KSH-01-C01-N06', period: '1402-05', wrong: (v) => v + 10 },
  { indicator: 'ADDICTION_ADMISSIONS', region: 'KSH-09', period: '1402-11', wrong: (v) => v + Math.max(3, Math.round(v * 0.4)) },
  { indicator: 'DV_REPORTS', region: 'KSH-02', period: '1403-03', wrong: (v) => Math.max(0, v - 4) },
  { indicator: 'UNEMPLOYMENT_RATE', region: 'KSH-05', period: '1402-Q2', wrong: (v) => Math.round((v + 4.1) * 10) / 10 },
  { indicator: 'CULTURE_PARTICIPANTS', region: 'KSH-03', period: '1401-01', wrong: (v) => v * 10 },
];

/** Field notes on a few approved (TOTAL, TOTAL) rows. */
const NOTES: Array<{ indicator: string; region: string; period: string; note: string }> = [
  { indicator: 'NGO_ACTIVE', region: 'KSH-01', period: '1402-Q4', note: 'سمن‌های محله‌ای تازه فعال‌شده هم شمرده شده‌اند.' },
  { indicator: 'DV_REPORTS', region: 'KSH-01-C01-N06', period: '1403-04', note: 'افزایش پس از کارگاه آگاهی‌بخشی در محله.' },
  { indicator: 'CULTURE_PARTICIPANTS', region: 'KSH-01-C01-N05', period: '1403-01', note: 'جشنواره نوروزی خانه فرهنگ محله.' },
  { indicator: 'SOCIAL_EMERGENCY_CALLS', region: 'KSH', period: '1399-02', note: 'افزایش تماس‌ها در دوران قرنطینه کرونا.' },
];

const CORRECTION_NOTE = `${SYNTHETIC}رقم پس از تطبیق با سامانه منبع اصلاح شد.`;
const REJECTED_NOTE = `${SYNTHETIC}ارسال نخست پیش از بازبینی فرمانداری.`;

const AGES = [AgeGroup.A0_14, AgeGroup.A15_24, AgeGroup.A25_44, AgeGroup.A45_64, AgeGroup.A65_PLUS];

// --- deterministic randomness ----------------------------------------------

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const rngFor = (seed: string, ...parts: string[]) => mulberry32(hash(`${seed}|${parts.join('|')}`));
const DEMO_SEED = 'pol-harm';

function normal(rng: Rng): number {
  const u = rng() || 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda >= 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rng(); p > limit; p *= rng()) k++;
  return k;
}

function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 40) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng() < p) k++;
    return k;
  }
  return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(rng))));
}

/** Splits `n` over the five age groups. */
function overAges(rng: Rng, n: number, shares: AgeShares, into: Float64Array, offset: number): void {
  let left = n;
  let rest = 1;
  for (let i = 0; i < 4; i++) {
    const k = rest > 1e-9 ? binomial(rng, left, shares[i] / rest) : 0;
    into[offset + i] += k;
    left -= k;
    rest -= shares[i];
  }
  into[offset + 4] += left;
}

// --- the province as the loader needs it -------------------------------------

interface RegionNode {
  id: number;
  code: string;
  path: string;
  level: RegionLevel;
  parentId: number | null;
  population: number;
  /** As refreshSmallCells counts them: regions with the same parent. */
  siblings: number;
  /** Index into a group's value vectors. */
  idx: number;
  county: RegionNode | null;
}

interface Atom {
  population: number;
  /** Regions whose value includes this atom's, itself first when it is a region. */
  into: RegionNode[];
  /** Neighbourhood deprivation or village, for the atom's own multiplier. */
  kind: 'neighbourhood' | 'village' | 'rest';
  deprivation: number;
  key: string;
}

interface Province {
  root: RegionNode;
  counties: RegionNode[];
  all: RegionNode[];
  /** Per county: its atoms (parts that together make the county's population). */
  atoms: Map<number, Atom[]>;
  cities: RegionNode[];
  villages: RegionNode[];
  neighbourhoods: RegionNode[];
}

async function readProvince(em: EntityManager): Promise<Province> {
  const rows = await em.execute<Array<{ id: number; code: string; path: string; level: RegionLevel; parent_id: number | null; population: number; siblings: number }>>(
    `select r.id, r.code, r.path, r.level, r.parent_id, coalesce(r.population, 0) as population,
            (select count(*)::int from region s where s.parent_id = r.parent_id) as siblings
       from region r order by r.code`,
  );
  const byId = new Map<number, RegionNode>();
  const nodes = rows.map((r, idx): RegionNode => {
    const n: RegionNode = { id: r.id, code: r.code, path: r.path, level: r.level, parentId: r.parent_id, population: Number(r.population), siblings: r.siblings, idx, county: null };
    byId.set(n.id, n);
    return n;
  });
  const roots = nodes.filter((n) => n.level === RegionLevel.PROVINCE && n.parentId === null);
  if (roots.length !== 1) throw new Error(`harm demo data needs exactly one province, found ${roots.length}; load the base demo data first`);
  const root = roots[0];
  const childrenOf = (n: RegionNode, level?: RegionLevel) => nodes.filter((c) => c.parentId === n.id && (!level || c.level === level));
  const counties = childrenOf(root, RegionLevel.COUNTY);
  const atoms = new Map<number, Atom[]>();
  const cities: RegionNode[] = [];
  const villages: RegionNode[] = [];
  const neighbourhoods: RegionNode[] = [];
  for (const county of counties) {
    county.county = county;
    const list: Atom[] = [];
    let covered = 0;
    for (const city of childrenOf(county, RegionLevel.CITY)) {
      city.county = county;
      cities.push(city);
      covered += city.population;
      let inCity = 0;
      for (const n of childrenOf(city, RegionLevel.NEIGHBOURHOOD)) {
        n.county = county;
        neighbourhoods.push(n);
        inCity += n.population;
        list.push({ population: n.population, into: [n, city, county, root], kind: 'neighbourhood', deprivation: NEIGHBOURHOOD_DEPRIVATION[n.code] ?? 0, key: n.code });
      }
      list.push({ population: Math.max(0, city.population - inCity), into: [city, county, root], kind: 'rest', deprivation: 0, key: `${city.code}/rest` });
    }
    for (const v of childrenOf(county, RegionLevel.VILLAGE)) {
      v.county = county;
      villages.push(v);
      covered += v.population;
      list.push({ population: v.population, into: [v, county, root], kind: 'village', deprivation: 0, key: v.code });
    }
    list.push({ population: Math.max(0, county.population - covered), into: [county, root], kind: 'rest', deprivation: 0, key: `${county.code}/rest` });
    atoms.set(county.id, list);
  }
  return { root, counties, all: nodes, atoms, cities, villages, neighbourhoods };
}

/** Regions that get rows for an indicator at a scale, coarse to fine. */
function regionsFor(p: Province, ind: DemoIndicator, scale: 'demo' | 'large'): RegionNode[] {
  const finest = LEVEL_RANK[ind.finestLevel as RegionLevel];
  const out = [p.root];
  if (finest >= LEVEL_RANK.COUNTY) out.push(...p.counties);
  if (scale === 'large' && finest >= LEVEL_RANK.CITY) out.push(...p.cities);
  if (scale === 'large' && finest >= LEVEL_RANK.VILLAGE) out.push(...p.villages);
  if (finest >= LEVEL_RANK.NEIGHBOURHOOD && (scale === 'large' || DEMO_NEIGHBOURHOOD_INDICATORS.has(ind.code))) out.push(...p.neighbourhoods);
  return out;
}

function splitFor(ind: DemoIndicator, prof: SeriesProfile, region: RegionNode, scale: 'demo' | 'large'): Split {
  const sensitive = ind.sensitivity !== 'OPEN';
  const bySex = prof.bySex !== false && prof.people !== false;
  if (ind.unit === 'RATE' || ind.unit === 'PERCENT') return bySex && (sensitive || scale === 'large') ? 'sex' : 'total';
  if (!bySex) return 'total';
  if (scale === 'large') return 'sexAge';
  if (!sensitive || region.level === RegionLevel.NEIGHBOURHOOD) return 'total';
  return prof.demoAges ? 'sexAge' : 'sex';
}

// --- periods -------------------------------------------------------------------

interface PeriodInfo {
  code: string;
  year: number;
  /** Months (1–12) the period covers. */
  months: number[];
  /** Years since the start of 1399, at the middle of the period. */
  t: number;
  end: string;
  latest: boolean;
}

function periodsOf(type: DemoPeriodType, fromYear: number, toYear: number): PeriodInfo[] {
  const out: PeriodInfo[] = [];
  const pad2 = (n: number) => String(n).padStart(2, '0');
  for (let y = fromYear; y <= toYear; y++) {
    const parts: Array<{ code: string; months: number[] }> =
      type === 'MONTH' ? Array.from({ length: 12 }, (_, i) => ({ code: `${y}-${pad2(i + 1)}`, months: [i + 1] }))
        : type === 'QUARTER' ? Array.from({ length: 4 }, (_, q) => ({ code: `${y}-Q${q + 1}`, months: [q * 3 + 1, q * 3 + 2, q * 3 + 3] }))
          : [{ code: String(y), months: Array.from({ length: 12 }, (_, i) => i + 1) }];
    for (const p of parts) {
      const mid = p.months.reduce((a, b) => a + b, 0) / p.months.length;
      out.push({ code: p.code, year: y, months: p.months, t: y - 1399 + (mid - 0.5) / 12, end: periodBounds(p.code).end, latest: y === LAST_YEAR && p === parts[parts.length - 1] });
    }
  }
  return out;
}

function seasonOf(prof: SeriesProfile, p: PeriodInfo): number {
  const amp = prof.seasonAmp ?? 0;
  if (!amp || p.months.length === 12) return 1;
  const peak = prof.seasonPeak ?? 1;
  return p.months.reduce((s, m) => s + 1 + amp * Math.cos((2 * Math.PI * (m - peak)) / 12), 0) / p.months.length;
}

function covidOf(prof: SeriesProfile, year: number): number {
  const c = prof.covid ?? 1;
  return year === 1399 ? c : year === 1400 ? 1 + (c - 1) / 2 : 1;
}

/** Tehran local time, `days` after a Gregorian day, at a working-hours minute. */
function stamp(isoDay: string, days: number, rng: Rng): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const minute = 480 + Math.floor(rng() * 420);
  return `${d.toISOString().slice(0, 10)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+03:30`;
}

// --- rows --------------------------------------------------------------------------

interface Row {
  id: number;
  indicatorId: number;
  region: RegionNode;
  period: string;
  sex: Sex;
  age: AgeGroup;
  value: number;
  agencyId: number;
  enteredById: number;
  status: ObservationStatus;
  reviewedById: number | null;
  reviewedAt: string | null;
  rejectionReason: string | null;
  note: string | null;
  version: number;
  isCurrent: boolean;
  isPublished: boolean;
  previousId: number | null;
  smallCell: boolean;
  createdAt: string;
}

const INSERT_SQL = `insert into observation (id, indicator_id, region_id, period_code, sex, age_group, raw_value, reporting_agency_id, entered_by_id,
    status, reviewed_by_id, reviewed_at, rejection_reason, note, version, is_current, is_published, previous_version_id, small_cell, created_at)
  select * from unnest(?::bigint[], ?::int[], ?::int[], ?::text[], ?::sex[], ?::age_group[], ?::float8[], ?::int[], ?::int[],
    ?::observation_status[], ?::int[], ?::timestamptz[], ?::text[], ?::text[], ?::int[], ?::bool[], ?::bool[], ?::bigint[], ?::bool[], ?::timestamptz[])`;

/**
 * Sent through the transaction's knex object so that the array literals travel as bound parameters:
 * `em.execute` would inline (and escape, character by character) several megabytes of SQL per chunk.
 */
async function insertRows(trx: Knex.Transaction, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const col = <T extends string | number | boolean | null>(f: (r: Row) => T) => pgArray(rows.map(f));
  await trx.raw(INSERT_SQL, [
    col((r) => r.id), col((r) => r.indicatorId), col((r) => r.region.id), col((r) => r.period), col((r) => r.sex), col((r) => r.age),
    col((r) => r.value), col((r) => r.agencyId), col((r) => r.enteredById), col((r) => r.status), col((r) => r.reviewedById),
    col((r) => r.reviewedAt), col((r) => r.rejectionReason), col((r) => r.note), col((r) => r.version), col((r) => r.isCurrent),
    col((r) => r.isPublished), col((r) => r.previousId), col((r) => r.smallCell), col((r) => r.createdAt),
  ]);
}

/** Who reports and who enters the rows of an indicator for a region. */
interface Reporter {
  agencyId: number;
  enteredById: number;
}

type ReporterLookup = (ind: DemoIndicator, agencyCode: string, mustReport: boolean) => Reporter;

async function readReporters(em: EntityManager): Promise<ReporterLookup> {
  const agencies = await em.execute<Array<{ id: number; code: string; kind: AgencyKind }>>(`select id, code, kind from agency`);
  const members = await em.execute<Array<{ agency_id: number; person_id: number; role: string; unit_kind: string | null; valid_to: string | null }>>(
    `select m.agency_id, m.person_id, m.role, u.kind as unit_kind, m.valid_to
       from membership m left join agency_unit u on u.id = m.unit_id order by m.id`,
  );
  // A data steward enters figures; an agency without one has them entered by another member.
  const rank = (m: (typeof members)[number]) =>
    (m.valid_to ? 100 : 0) +
    (m.role === 'DATA_STEWARD' ? 0 : m.unit_kind === 'HARM_MONITORING' && m.role === 'MEMBER' ? 1 : m.role === 'MEMBER' ? 2 : m.role === 'ANALYST' ? 3 : m.role === 'ADMIN' ? 4 : 5);
  const enterer = new Map<number, { personId: number; rank: number }>();
  for (const m of members) {
    const r = rank(m);
    const best = enterer.get(m.agency_id);
    if (!best || r < best.rank) enterer.set(m.agency_id, { personId: m.person_id, rank: r });
  }
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const cache = new Map<string, Reporter>();
  return (ind: DemoIndicator, agencyCode: string, mustReport: boolean): Reporter => {
    const a = need(byCode, agencyCode, 'agency');
    if (mustReport && !ind.reporterKinds.includes(a.kind)) throw new Error(`harm demo data: ${agencyCode} (${a.kind}) does not report ${ind.code}`);
    let r = cache.get(agencyCode);
    if (!r) {
      const e = enterer.get(a.id);
      if (!e) throw new Error(`harm demo data: agency ${agencyCode} has no members to enter observations`);
      cache.set(agencyCode, (r = { agencyId: a.id, enteredById: e.personId }));
    }
    return r;
  };
}

/**
 * The reporting agency of an indicator's rows for a region: the county governorate in its county,
 * the provincial governorate or a state body for the province. For the province's rows of an
 * indicator no province-wide agency reports (DIVORCE_REG, CULTURE_PARTICIPANTS), the social and
 * cultural affairs office, which compiles the provincial totals, is named.
 */
function reporterCode(ind: DemoIndicator, prof: SeriesProfile, region: RegionNode): { code: string; mustReport: boolean } {
  const kinds = new Set(ind.reporterKinds);
  const provincial = prof.provincialAgency ?? 'AG-SCA';
  if (region.level === RegionLevel.PROVINCE) {
    if (prof.stateBody && kinds.has('STATE_BODY')) return { code: prof.stateBody, mustReport: true };
    if (kinds.has('PROVINCIAL_GOVERNORATE')) return { code: provincial, mustReport: true };
    if (kinds.has('STATE_BODY')) return { code: 'AG-WELFARE', mustReport: true };
    return { code: 'AG-SCA', mustReport: false };
  }
  if (kinds.has('COUNTY_GOVERNORATE')) return { code: `AG-CG-${region.county!.code.slice(4, 6)}`, mustReport: true };
  if (kinds.has('PROVINCIAL_GOVERNORATE')) return { code: provincial, mustReport: true };
  if (kinds.has('STATE_BODY')) return { code: prof.stateBody ?? 'AG-WELFARE', mustReport: true };
  throw new Error(`harm demo data: no agency of the demo can report ${ind.code} for ${region.code}`);
}

// --- generation ------------------------------------------------------------------

interface IndicatorPlan {
  ind: DemoIndicator;
  prof: SeriesProfile;
  seed: string;
  id: number;
  k: number;
  regions: RegionNode[];
  splits: Map<number, Split>;
  reporters: Map<number, Reporter>;
  /** Fixed effects: multipliers for counts, points for rates. */
  effect: Map<number, number>;
  /** SUBMITTED (true) or DRAFT (false) in the latest period, per reporting agency. */
  submitted: Map<number, boolean>;
}

/** Values of one (indicator, period) for every region, as 10 slots: women by age group, then men. */
function countVectors(plan: IndicatorPlan, p: Province, period: PeriodInfo, rng: Rng): Float64Array[] {
  const { prof } = plan;
  const vectors = p.all.map(() => new Float64Array(10));
  const level = prof.base * seasonOf(prof, period) * Math.pow(1 + prof.trend, period.t) * covidOf(prof, period.year);
  const people = prof.people !== false;
  const ages = prof.ages ?? POPULATION_AGE_SHARES;
  const femaleShare = prof.femaleShare ?? 0.5;
  const slots = new Float64Array(10);
  for (const county of p.counties) {
    const countyEffect = plan.effect.get(county.id) ?? 1;
    for (const atom of p.atoms.get(county.id) ?? []) {
      const own = atom.kind === 'neighbourhood' ? Math.exp(0.7 * (prof.deprivation ?? 0) * atom.deprivation) * (plan.effect.get(atom.into[0].id) ?? 1)
        : atom.kind === 'village' ? plan.effect.get(atom.into[0].id) ?? 1 : 1;
      const expected = (atom.population / 10_000) * level * countyEffect * own;
      const total = prof.stock ? Math.max(0, Math.round(expected * (1 + 0.015 * normal(rng)))) : poisson(rng, expected);
      slots.fill(0);
      if (people) {
        const women = binomial(rng, total, femaleShare);
        overAges(rng, women, ages, slots, 0);
        overAges(rng, total - women, ages, slots, 5);
      } else slots[0] = total;
      for (const r of atom.into) {
        const v = vectors[r.idx];
        for (let i = 0; i < 10; i++) v[i] += slots[i];
      }
    }
  }
  return vectors;
}

/** Rates and percentages per region: [total, women, men]; the province is the population-weighted mean of the counties. */
function rateValues(plan: IndicatorPlan, p: Province, period: PeriodInfo, rng: Rng): Array<[number, number, number]> {
  const { prof } = plan;
  const out: Array<[number, number, number]> = p.all.map(() => [0, 0, 0]);
  const season = seasonOf(prof, period);
  const noise = prof.noise ?? 0.5;
  const drift = prof.trend * period.t;
  const female = prof.female ?? prof.base;
  const male = prof.male ?? prof.base;
  const clamp = (v: number) => Math.min(99.5, Math.max(0.3, v));
  const sums = [0, 0, 0];
  let weight = 0;
  for (const county of p.counties) {
    const shift = (plan.effect.get(county.id) ?? 0) + drift;
    const v: [number, number, number] = [
      clamp((prof.base + shift) * season + noise * normal(rng)),
      clamp((female + (shift * female) / prof.base) * season + noise * normal(rng)),
      clamp((male + (shift * male) / prof.base) * season + noise * normal(rng)),
    ];
    out[county.idx] = v;
    for (let i = 0; i < 3; i++) sums[i] += v[i] * county.population;
    weight += county.population;
  }
  out[p.root.idx] = [sums[0] / weight, sums[1] / weight, sums[2] / weight];
  for (const r of [...p.cities, ...p.villages, ...p.neighbourhoods]) {
    const base = out[r.county!.idx];
    out[r.idx] = [clamp(base[0] + noise * normal(rng)), clamp(base[1] + noise * normal(rng)), clamp(base[2] + noise * normal(rng))];
  }
  return out.map((v) => v.map((x) => Math.round(x * 10) / 10) as [number, number, number]);
}

function cellsOf(split: Split, v: Float64Array): Array<[Sex, AgeGroup, number]> {
  let women = 0;
  let men = 0;
  for (let i = 0; i < 5; i++) {
    women += v[i];
    men += v[5 + i];
  }
  const out: Array<[Sex, AgeGroup, number]> = [[Sex.TOTAL, AgeGroup.TOTAL, women + men]];
  if (split === 'total') return out;
  out.push([Sex.FEMALE, AgeGroup.TOTAL, women], [Sex.MALE, AgeGroup.TOTAL, men]);
  if (split === 'sexAge') {
    AGES.forEach((age, i) => out.push([Sex.TOTAL, age, v[i] + v[5 + i]], [Sex.FEMALE, age, v[i]], [Sex.MALE, age, v[5 + i]]));
  }
  return out;
}

const toCell = (r: Row): TableCell => ({
  id: String(r.id), region: r.region.code, path: r.region.path, sex: r.sex, ageGroup: r.age, value: r.value, owner: r.agencyId,
  published: r.isPublished,
});

function planIndicator(ind: DemoIndicator, prof: SeriesProfile, row: { id: number; suppression_k: number }, province: Province, scale: 'demo' | 'large', reporterOf: ReporterLookup, seed: string): IndicatorPlan {
  const rate = ind.unit === 'RATE' || ind.unit === 'PERCENT';
  const effect = new Map<number, number>();
  for (const r of [...province.counties, ...province.neighbourhoods, ...province.villages]) {
    const rng = rngFor(seed, ind.code, r.code, 'effect');
    if (r.level === RegionLevel.COUNTY) {
      const spread = prof.spread ?? (rate ? 2 : 0.2);
      const fixed = prof.regionEffect?.[r.code];
      effect.set(r.id, rate ? spread * normal(rng) + (fixed ?? 0) : Math.exp(spread * normal(rng) - (spread * spread) / 2) * (fixed ?? 1));
    } else if (!rate) effect.set(r.id, Math.exp((r.level === RegionLevel.VILLAGE ? 0.25 : 0.15) * normal(rng)));
  }
  const regions = regionsFor(province, ind, scale);
  const reporters = new Map<number, Reporter>();
  const submitted = new Map<number, boolean>();
  for (const r of regions) {
    const { code, mustReport } = reporterCode(ind, prof, r);
    const rep = reporterOf(ind, code, mustReport);
    reporters.set(r.id, rep);
    if (!submitted.has(rep.agencyId)) submitted.set(rep.agencyId, rngFor(seed, ind.code, code, 'latest')() < 0.6);
  }
  return {
    ind, prof, seed, id: row.id, k: row.suppression_k, regions, reporters, effect, submitted,
    splits: new Map(regions.map((r) => [r.id, splitFor(ind, prof, r, scale)])),
  };
}

const cellKey = (indicator: string, region: string, period: string) => `${indicator}|${region}|${period}`;

/** The cells named in REJECTED, CORRECTED and NOTES, and which of them were generated. */
class SpecialCells {
  readonly rejected = new Map(REJECTED.map((r) => [cellKey(r.indicator, r.region, r.period), r]));
  readonly corrected = new Map(CORRECTED.map((c) => [cellKey(c.indicator, c.region, c.period), c]));
  readonly notes = new Map(NOTES.map((n) => [cellKey(n.indicator, n.region, n.period), n.note]));
  private readonly used = new Set<string>();

  of(key: string) {
    const found = { reject: this.rejected.get(key), correct: this.corrected.get(key), note: this.notes.get(key) };
    if (found.reject || found.correct || found.note) this.used.add(key);
    return found;
  }

  unused(): string[] {
    return [...this.rejected.keys(), ...this.corrected.keys(), ...this.notes.keys()].filter((k) => !this.used.has(k));
  }
}

/** Every row of one (indicator, period), with its small-cell flags; ids come from `ids`. */
interface PatternRow {
  indicator_id: number;
  period_code: string;
  withheld: number;
  uncertified: number;
}

function groupRows(plan: IndicatorPlan, province: Province, period: PeriodInfo, special: SpecialCells, reviewerId: number, ids: { next: number }, patterns: PatternRow[]): Row[] {
  const { ind } = plan;
  const rng = rngFor(plan.seed, ind.code, period.code);
  const rate = ind.unit === 'RATE' || ind.unit === 'PERCENT';
  const counts = rate ? null : countVectors(plan, province, period, rng);
  const rates = rate ? rateValues(plan, province, period, rng) : null;
  const group: Row[] = [];
  for (const region of plan.regions) {
    const split = plan.splits.get(region.id)!;
    let cells: Array<[Sex, AgeGroup, number]>;
    if (rates) {
      const [t, f, m] = rates[region.idx];
      cells = split === 'sex' ? [[Sex.TOTAL, AgeGroup.TOTAL, t], [Sex.FEMALE, AgeGroup.TOTAL, f], [Sex.MALE, AgeGroup.TOTAL, m]] : [[Sex.TOTAL, AgeGroup.TOTAL, t]];
    } else cells = cellsOf(split, counts![region.idx]);

    const rep = plan.reporters.get(region.id)!;
    const { reject, correct, note } = special.of(cellKey(ind.code, region.code, period.code));
    const created = stamp(period.end, period.latest ? 3 + Math.floor(rng() * 7) : 2 + Math.floor(rng() * 9), rng);
    const reviewedAt = stamp(period.end, 14 + Math.floor(rng() * 25), rng);
    const status = reject ? ObservationStatus.REJECTED
      : period.latest ? (plan.submitted.get(rep.agencyId) ? ObservationStatus.SUBMITTED : ObservationStatus.DRAFT)
        : ObservationStatus.APPROVED;
    const reviewed = status === ObservationStatus.APPROVED || status === ObservationStatus.REJECTED;
    for (const [sex, age, value] of cells) {
      const isTotal = sex === Sex.TOTAL && age === AgeGroup.TOTAL;
      const row: Row = {
        id: 0, indicatorId: plan.id, region, period: period.code, sex, age, value: reject ? reject.distort(value, sex, age) : value,
        agencyId: rep.agencyId, enteredById: rep.enteredById, status,
        reviewedById: reviewed ? reviewerId : null, reviewedAt: reviewed ? reviewedAt : null,
        rejectionReason: reject?.reason ?? null, note: isTotal ? (reject ? REJECTED_NOTE : note ? SYNTHETIC + note : null) : null,
        version: 1, isCurrent: true, isPublished: status === ObservationStatus.APPROVED, previousId: null, smallCell: false, createdAt: created,
      };
      if (correct && isTotal) {
        const old: Row = { ...row, id: ids.next++, value: correct.wrong(value), isCurrent: false, isPublished: false };
        const fixedAt = 45 + Math.floor(rng() * 45);
        Object.assign(row, {
          version: 2, previousId: old.id, note: CORRECTION_NOTE,
          createdAt: stamp(period.end, fixedAt, rng), reviewedAt: stamp(period.end, fixedAt + 3 + Math.floor(rng() * 8), rng),
        });
        group.push(old);
      }
      row.id = ids.next++;
      group.push(row);
    }
  }

  // As refreshSmallCells: published cells and, where a cell has none, the value waiting for approval.
  const cells = group.filter((r) => r.isPublished || (r.isCurrent && (r.status === ObservationStatus.SUBMITTED || r.status === ObservationStatus.DRAFT)));
  const { withheld, unprotected } = plan.ind.unit === 'COUNT' ? protectTable(cells.map(toCell), plan.k) : { withheld: new Set<string>(), unprotected: [] };
  for (const r of cells) r.smallCell = withheld.has(String(r.id));
  if (cells.some((r) => r.isPublished)) {
    patterns.push({ indicator_id: plan.id, period_code: period.code, withheld: withheld.size, uncertified: new Set(unprotected.map((u) => u.id)).size });
  }
  return group;
}

/**
 * Writes synthetic, deterministic observations (labelled synthetic in the few notes there are):
 * monthly, quarterly and yearly values for every demo indicator, nearly all approved, with the
 * latest period still submitted or in draft, a few rejected cells and a few corrections. Small-cell
 * flags are computed per (indicator, period) as refreshSmallCells would and written with the rows.
 * One transaction; the observation table must be empty.
 */
export async function loadDemoObservations(em: EntityManager, opts: DemoObservationOptions): Promise<DemoObservationResult> {
  const log = opts.log ?? ((s: string) => process.stdout.write(`${s}\n`));
  const { scale } = opts;
  const [fromYear, toYear] = opts.years ?? [SCALES[scale].fromYear, SCALES[scale].toYear];
  const seed = opts.seed ?? DEMO_SEED;
  const started = performance.now();

  const province = await readProvince(em);
  const reporterOf = await readReporters(em);
  const indicators = new Map(
    (await em.execute<Array<{ id: number; code: string; suppression_k: number }>>(`select id, code, suppression_k from indicator`)).map((i) => [i.code, i]),
  );
  const [reviewer] = await em.execute<Array<{ id: number }>>(`select id from person where email = ?`, [REVIEWER_EMAIL]);
  if (!reviewer) throw new Error(`harm demo data: no person ${REVIEWER_EMAIL}; load the base demo data first`);
  const profiles = new Map(Object.entries(DEMO_SERIES));
  const plans = DEMO_INDICATORS.filter((ind) => !opts.indicators || opts.indicators.includes(ind.code)).map((ind) =>
    planIndicator(ind, need(profiles, ind.code, 'series parameters of indicator'), need(indicators, ind.code, 'indicator (load the catalogue first)'), province, scale, reporterOf, seed),
  );
  const special = new SpecialCells();

  let rows = 0;
  const patterns: PatternRow[] = [];
  await em.transactional(async (tx) => {
    await tx.execute(`lock table observation in share row exclusive mode`, [], 'run');
    const [{ present }] = await tx.execute<Array<{ present: boolean }>>(`select exists (select 1 from observation) as present`);
    if (present) throw new Error('the observation table is not empty; demo observations are only loaded into an empty one');
    const [{ first }] = await tx.execute<Array<{ first: string }>>(`select nextval(pg_get_serial_sequence('observation', 'id')) as first`);
    const ids = { next: Number(first) };
    const trx = tx.getTransactionContext<Knex.Transaction>();
    if (!trx) throw new Error('no transaction');
    // One insert in flight while the next chunk is generated: at most two chunks in memory.
    let pending: Promise<void> = Promise.resolve();
    const flush = async (chunkRows: Row[]) => {
      await pending;
      pending = insertRows(trx, chunkRows);
      pending.catch(() => undefined);
    };
    let chunk: Row[] = [];
    let logged = 0;
    try {
      for (const plan of plans) {
        for (const period of periodsOf(plan.ind.periodType, fromYear, toYear)) {
          const group = groupRows(plan, province, period, special, reviewer.id, ids, patterns);
          chunk.push(...group);
          rows += group.length;
          if (chunk.length < CHUNK_ROWS) continue;
          await flush(chunk);
          chunk = [];
          if (scale === 'large' && rows - logged >= 250_000) {
            logged = rows;
            log(`  ${rows} observation rows…`);
          }
        }
      }
      await flush(chunk);
      await pending;
    } finally {
      await pending.catch(() => undefined);
    }
    if (rows) await tx.execute(`select setval(pg_get_serial_sequence('observation', 'id'), ?)`, [ids.next - 1]);
    // The patterns were computed with the rows, by the current method.
    await tx.execute(
      `insert into small_count_pattern (indicator_id, period_code, method, withheld, uncertified)
       select p.indicator_id, p.period_code, ?, p.withheld, p.uncertified
         from jsonb_to_recordset(?::jsonb) as p(indicator_id int, period_code text, withheld int, uncertified int)`,
      [PROTECTION_METHOD, JSON.stringify(patterns)],
    );
  });
  const unused = special.unused();
  if (unused.length) log(`harm demo data: cells named for rejection, correction or notes that the ${scale} scale does not have: ${unused.join(', ')}`);
  await em.execute(`analyze observation`, [], 'run');
  const ms = Math.round(performance.now() - started);
  log(`harm observations (${scale}, synthetic): ${rows} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(rows / (ms / 1000))} rows/s)`);
  return { rows, ms };
}

/** Loads the harm catalogue if missing and, when the observation table is empty, the demo observations; null when none were loaded. */
export async function loadHarmDemoIfEmpty(em: EntityManager, opts: DemoObservationOptions): Promise<DemoObservationResult | null> {
  await loadHarmCatalogue(em);
  const [{ present }] = await em.execute<Array<{ present: boolean }>>(`select exists (select 1 from observation) as present`);
  if (present) return null;
  return loadDemoObservations(em, opts);
}
