// Validates the harm-monitoring demo data in ./harm-data and prints its counts; exits with status 1 on any problem.
import { DEMO_AGENCIES, DEMO_PEOPLE, DEMO_REGIONS, type AgencyKind, type RegionLevel } from './data';
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
} from './harm-data';

const problems: string[] = [];
const problem = (message: string): void => {
  problems.push(message);
};

const SENSITIVITIES: DemoSensitivity[] = ['OPEN', 'RESTRICTED', 'CONFIDENTIAL'];
const UNITS: DemoIndicatorUnit[] = ['COUNT', 'RATE', 'PERCENT', 'AMOUNT'];
const PERIOD_TYPES: DemoPeriodType[] = ['MONTH', 'QUARTER', 'YEAR'];
const LEVELS: RegionLevel[] = ['PROVINCE', 'COUNTY', 'DISTRICT', 'CITY', 'RURAL_DISTRICT', 'NEIGHBOURHOOD', 'VILLAGE'];
const AGENCY_KINDS: AgencyKind[] = [
  'PROVINCIAL_GOVERNORATE', 'COUNTY_GOVERNORATE', 'CITY_COUNCIL', 'VILLAGE_COUNCIL', 'NGO', 'CULTURAL_CENTER', 'UNIVERSITY', 'STATE_BODY',
];
/** Kinds whose agencies can report county rows for every county of the demo province. */
const COUNTY_WIDE_KINDS: AgencyKind[] = ['COUNTY_GOVERNORATE', 'PROVINCIAL_GOVERNORATE', 'STATE_BODY'];
const ZWNJ = '\u200c';
const MIN_INDICATORS = 32;
const MIN_CATEGORIES = 10;
const MIN_CATEGORIES_USED = 8;

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/** Persian text: ی and ک (not Arabic ي/ك/ى), no diacritics, ZWNJ only after a letter that joins to the left. */
function checkPersian(where: string, text: string, kind: 'name' | 'sentence'): void {
  if (text.trim() === '') {
    problem(`${where}: Persian text is empty`);
    return;
  }
  if (/[\u064A\u0643\u0649]/.test(text)) problem(`${where}: Arabic ي/ك/ى instead of Persian ی/ک in «${text}»`);
  if (/[\u064B-\u065F\u0670]/.test(text)) problem(`${where}: diacritics in «${text}»`);
  if (/[A-Za-z]/.test(text)) problem(`${where}: Latin letters in «${text}»`);
  if (/[0-9\u0660-\u0669]/.test(text)) problem(`${where}: ASCII or Arabic-Indic digits instead of Persian ones in «${text}»`);
  const allowed = kind === 'name'
    ? /^[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u200C \u060C()]+$/
    : /^[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u06F0-\u06F9\u200C \u060C\u061B\u061F().«»:—-]+$/;
  if (!allowed.test(text)) {
    const one = new RegExp(allowed.source.replace(/^\^|\+\$$/g, ''));
    const bad = [...text].filter((ch) => !one.test(ch)).map((ch) => `U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
    problem(`${where}: unexpected characters ${[...new Set(bad)].join(', ')} in «${text}»`);
  }
  if (text !== text.trim() || /\s{2,}/.test(text)) problem(`${where}: stray whitespace in «${text}»`);
  if (text.includes(`${ZWNJ} `) || text.includes(` ${ZWNJ}`) || text.startsWith(ZWNJ) || text.endsWith(ZWNJ) || text.includes(ZWNJ + ZWNJ)) {
    problem(`${where}: misplaced ZWNJ in «${text}»`);
  }
  const nonJoining = 'اآأإدذرزژوؤءة';
  for (let i = 1; i < text.length; i++) {
    if (text[i] === ZWNJ && nonJoining.includes(text[i - 1] ?? '')) problem(`${where}: ZWNJ after non-joining letter in «${text}»`);
  }
  // Plural -ها/-های and the verb prefix می‌ are written apart with a ZWNJ.
  for (const m of text.matchAll(/(?:^|[\s(«])(می|نمی) /g)) problem(`${where}: «${m[1]}» needs a ZWNJ, not a space, in «${text}»`);
  if (kind === 'sentence' && !/[.؟]$/.test(text)) problem(`${where}: a definition ends with a full stop: «${text}»`);
  if (kind === 'sentence' && (text.match(/\.(\s|$)/g)?.length ?? 0) > 1) problem(`${where}: one sentence only: «${text}»`);
}

function checkEnglish(where: string, text: string, kind: 'name' | 'sentence'): void {
  if (text.trim() === '' || text !== text.trim() || /\s{2,}/.test(text)) problem(`${where}: empty or stray whitespace in "${text}"`);
  if (/[\u0600-\u06FF]/.test(text)) problem(`${where}: Persian letters in English text "${text}"`);
  if (!/^[A-Z]/.test(text)) problem(`${where}: English text starts with a capital letter: "${text}"`);
  if (kind === 'sentence' && !text.endsWith('.')) problem(`${where}: a definition ends with a full stop: "${text}"`);
  if (kind === 'sentence' && (text.match(/\.(\s|$)/g)?.length ?? 0) > 1) problem(`${where}: one sentence only: "${text}"`);
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => (seen.has(v) ? true : (seen.add(v), false))))];
}

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

const categoryCodes = new Set(DEMO_CATEGORIES.map((c) => c.code));
for (const d of duplicates(DEMO_CATEGORIES.map((c) => c.code))) problem(`harm category ${d}: code used more than once`);
for (const d of duplicates(DEMO_CATEGORIES.map((c) => c.nameFa))) problem(`harm category name «${d}» used more than once`);
if (DEMO_CATEGORIES.length < MIN_CATEGORIES) problem(`${DEMO_CATEGORIES.length} harm categories; at least ${MIN_CATEGORIES} are expected`);
for (const c of DEMO_CATEGORIES) {
  if (!/^[A-Z][A-Z0-9_]{1,47}$/.test(c.code)) problem(`harm category ${c.code}: code must be UPPER_SNAKE_CASE, at most 48 characters`);
  checkPersian(`harm category ${c.code} nameFa`, c.nameFa, 'name');
  checkEnglish(`harm category ${c.code} nameEn`, c.nameEn, 'name');
}
for (const required of ['ADDICTION', 'DOMESTIC_VIOLENCE', 'DIVORCE', 'SUICIDE', 'NGO_CIVIL', 'CULTURE']) {
  if (!categoryCodes.has(required)) problem(`harm category ${required} is missing`);
}

// ---------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------

for (const d of duplicates(DEMO_INDICATORS.map((i) => i.code))) problem(`indicator ${d}: code used more than once`);
for (const d of duplicates(DEMO_INDICATORS.map((i) => i.nameFa))) problem(`indicator name «${d}» used more than once`);
for (const d of duplicates(DEMO_INDICATORS.map((i) => i.nameEn))) problem(`indicator name "${d}" used more than once`);
if (DEMO_INDICATORS.length < MIN_INDICATORS) problem(`${DEMO_INDICATORS.length} indicators; at least ${MIN_INDICATORS} are expected`);
const usedCategories = new Set(DEMO_INDICATORS.map((i) => i.categoryCode));
if (usedCategories.size < MIN_CATEGORIES_USED) problem(`indicators use ${usedCategories.size} categories; at least ${MIN_CATEGORIES_USED} are expected`);
for (const s of SENSITIVITIES) if (!DEMO_INDICATORS.some((i) => i.sensitivity === s)) problem(`no indicator is ${s}`);
for (const p of PERIOD_TYPES) if (!DEMO_INDICATORS.some((i) => i.periodType === p)) problem(`no indicator is reported per ${p}`);
for (const l of ['PROVINCE', 'COUNTY', 'CITY', 'NEIGHBOURHOOD'] as RegionLevel[]) {
  if (!DEMO_INDICATORS.some((i) => i.finestLevel === l)) problem(`no indicator has the finest level ${l}`);
}

for (const i of DEMO_INDICATORS) {
  const at = `indicator ${i.code}`;
  if (!/^[A-Z][A-Z0-9_]{1,47}$/.test(i.code)) problem(`${at}: code must be UPPER_SNAKE_CASE, at most 48 characters`);
  if (!categoryCodes.has(i.categoryCode)) problem(`${at}: unknown harm category ${i.categoryCode}`);
  if (!UNITS.includes(i.unit)) problem(`${at}: unknown unit ${String(i.unit)}`);
  if (!SENSITIVITIES.includes(i.sensitivity)) problem(`${at}: unknown sensitivity ${String(i.sensitivity)}`);
  if (!PERIOD_TYPES.includes(i.periodType)) problem(`${at}: unknown period type ${String(i.periodType)}`);
  if (!LEVELS.includes(i.finestLevel)) problem(`${at}: unknown region level ${String(i.finestLevel)}`);
  if (!Number.isInteger(i.suppressionK) || i.suppressionK < 2 || i.suppressionK > 20) problem(`${at}: suppressionK must be an integer from 2 to 20, not ${i.suppressionK}`);
  if (!i.reporterKinds.length) problem(`${at}: no reporter kinds`);
  for (const k of i.reporterKinds) if (!AGENCY_KINDS.includes(k)) problem(`${at}: unknown reporter kind ${String(k)}`);
  for (const d of duplicates(i.reporterKinds)) problem(`${at}: reporter kind ${d} listed twice`);
  if (i.reporterKinds.includes('UNIVERSITY')) problem(`${at}: universities analyse data, they do not report it`);
  if (i.finestLevel !== 'PROVINCE' && !i.reporterKinds.some((k) => COUNTY_WIDE_KINDS.includes(k))) {
    problem(`${at}: no reporter kind can report every county (${COUNTY_WIDE_KINDS.join(', ')})`);
  }
  if (i.per10k && i.unit !== 'COUNT') problem(`${at}: a rate per 10,000 only makes sense for counts, not ${i.unit}`);
  if ((i.unit === 'PERCENT' || i.unit === 'RATE') && i.finestLevel === 'NEIGHBOURHOOD') problem(`${at}: rates and percentages are not estimated per neighbourhood`);
  checkPersian(`${at} nameFa`, i.nameFa, 'name');
  checkEnglish(`${at} nameEn`, i.nameEn, 'name');
  checkPersian(`${at} definitionFa`, i.definitionFa, 'sentence');
  checkEnglish(`${at} definitionEn`, i.definitionEn, 'sentence');
}

/** What tests and the access policy rely on. */
const REQUIRED: Array<Pick<DemoIndicator, 'code' | 'sensitivity' | 'unit' | 'periodType' | 'finestLevel'> & { reporters: AgencyKind[]; per10k?: boolean }> = [
  { code: 'DV_REPORTS', sensitivity: 'CONFIDENTIAL', unit: 'COUNT', periodType: 'MONTH', finestLevel: 'NEIGHBOURHOOD', reporters: ['COUNTY_GOVERNORATE', 'NGO'], per10k: true },
  { code: 'DIVORCE_REG', sensitivity: 'RESTRICTED', unit: 'COUNT', periodType: 'MONTH', finestLevel: 'NEIGHBOURHOOD', reporters: ['COUNTY_GOVERNORATE', 'CITY_COUNCIL'] },
  { code: 'NGO_ACTIVE', sensitivity: 'OPEN', unit: 'COUNT', periodType: 'QUARTER', finestLevel: 'COUNTY', reporters: ['PROVINCIAL_GOVERNORATE', 'COUNTY_GOVERNORATE'] },
  { code: 'ADDICTION_ADMISSIONS', sensitivity: 'CONFIDENTIAL', unit: 'COUNT', periodType: 'MONTH', finestLevel: 'COUNTY', reporters: ['COUNTY_GOVERNORATE', 'NGO', 'STATE_BODY'] },
  { code: 'CULTURE_PARTICIPANTS', sensitivity: 'OPEN', unit: 'COUNT', periodType: 'MONTH', finestLevel: 'NEIGHBOURHOOD', reporters: ['CULTURAL_CENTER', 'CITY_COUNCIL', 'COUNTY_GOVERNORATE'] },
  { code: 'UNEMPLOYMENT_RATE', sensitivity: 'RESTRICTED', unit: 'PERCENT', periodType: 'QUARTER', finestLevel: 'COUNTY', reporters: ['STATE_BODY', 'PROVINCIAL_GOVERNORATE'] },
];
for (const r of REQUIRED) {
  const i = DEMO_INDICATORS.find((x) => x.code === r.code);
  if (!i) {
    problem(`indicator ${r.code} is missing`);
    continue;
  }
  for (const f of ['sensitivity', 'unit', 'periodType', 'finestLevel'] as const) {
    if (i[f] !== r[f]) problem(`indicator ${r.code}: ${f} must be ${r[f]}, not ${i[f]}`);
  }
  for (const k of r.reporters) if (!i.reporterKinds.includes(k)) problem(`indicator ${r.code}: reporter kinds must include ${k}`);
  if (r.per10k !== undefined && i.per10k !== r.per10k) problem(`indicator ${r.code}: per10k must be ${r.per10k}`);
}

// ---------------------------------------------------------------------------
// Series parameters
// ---------------------------------------------------------------------------

const indicatorCodes = new Set(DEMO_INDICATORS.map((i) => i.code));
const checkShares = (where: string, shares: AgeShares) => {
  if (shares.some((s) => s < 0) || Math.abs(shares.reduce((a, b) => a + b, 0) - 1) > 1e-9) problem(`${where}: age shares must be ≥ 0 and sum to 1`);
};
checkShares('POPULATION_AGE_SHARES', POPULATION_AGE_SHARES);
for (const i of DEMO_INDICATORS) {
  const p = DEMO_SERIES[i.code];
  const at = `series of ${i.code}`;
  if (!p) {
    problem(`${at}: no parameters in DEMO_SERIES`);
    continue;
  }
  if (!(p.base > 0)) problem(`${at}: base must be positive`);
  if (p.femaleShare !== undefined && (p.femaleShare < 0 || p.femaleShare > 1)) problem(`${at}: femaleShare must be 0–1`);
  if (p.ages) checkShares(at, p.ages);
  if (p.seasonPeak !== undefined && (!Number.isInteger(p.seasonPeak) || p.seasonPeak < 1 || p.seasonPeak > 12)) problem(`${at}: seasonPeak must be a month 1–12`);
  if ((p.seasonAmp ?? 0) < 0 || (p.seasonAmp ?? 0) >= 1) problem(`${at}: seasonAmp must be in [0, 1)`);
  const rate = i.unit === 'RATE' || i.unit === 'PERCENT';
  if (rate && (p.female === undefined) !== (p.male === undefined)) problem(`${at}: give both female and male levels or neither`);
  if (!rate && (p.female !== undefined || p.male !== undefined)) problem(`${at}: female/male levels are for rates; counts use femaleShare`);
  if (p.demoAges && i.sensitivity === 'OPEN') problem(`${at}: demoAges only applies to sex-split (CONFIDENTIAL or RESTRICTED) indicators`);
  for (const code of Object.keys(p.regionEffect ?? {})) if (!/^KSH-\d{2}$/.test(code) || !DEMO_REGIONS.some((r) => r.code === code)) problem(`${at}: regionEffect names ${code}, which is not a county`);
  if (p.stateBody && DEMO_AGENCIES.find((a) => a.code === p.stateBody)?.kind !== 'STATE_BODY') problem(`${at}: ${p.stateBody} is not a state body`);
}
for (const code of Object.keys(DEMO_SERIES)) if (!indicatorCodes.has(code)) problem(`DEMO_SERIES has parameters for unknown indicator ${code}`);
for (const code of Object.keys(NEIGHBOURHOOD_DEPRIVATION)) {
  if (DEMO_REGIONS.find((r) => r.code === code)?.level !== 'NEIGHBOURHOOD') problem(`NEIGHBOURHOOD_DEPRIVATION names ${code}, which is not a neighbourhood`);
}

// ---------------------------------------------------------------------------
// Agreements
// ---------------------------------------------------------------------------

for (const d of duplicates(DEMO_AGREEMENTS.map((a) => a.code))) problem(`agreement ${d}: code used more than once`);
for (const a of DEMO_AGREEMENTS) {
  const at = `agreement ${a.code}`;
  const grantor = DEMO_AGENCIES.find((x) => x.code === a.grantorCode);
  const grantee = DEMO_AGENCIES.find((x) => x.code === a.granteeCode);
  if (!grantor) problem(`${at}: unknown grantor ${a.grantorCode}`);
  else if (grantor.kind !== 'PROVINCIAL_GOVERNORATE') problem(`${at}: the grantor must be the provincial governorate, not ${grantor.kind}`);
  if (!grantee) problem(`${at}: unknown grantee ${a.granteeCode}`);
  if (!a.categoryCodes.length) problem(`${at}: no harm categories`);
  for (const c of a.categoryCodes) if (!categoryCodes.has(c)) problem(`${at}: unknown harm category ${c}`);
  if (!DEMO_REGIONS.some((r) => r.code === a.regionRootCode)) problem(`${at}: unknown region ${a.regionRootCode}`);
  if (!LEVELS.includes(a.finestLevel)) problem(`${at}: unknown region level ${String(a.finestLevel)}`);
  if (!isIsoDate(a.validFrom) || !isIsoDate(a.validTo)) problem(`${at}: validity dates must be YYYY-MM-DD`);
  else if (a.validFrom > a.validTo) problem(`${at}: validFrom ${a.validFrom} is after validTo ${a.validTo}`);
  if (!a.purpose.trim()) problem(`${at}: no purpose`);
  if (/[\u064A\u0643\u0649]/.test(a.purpose)) problem(`${at}: Arabic ي/ك/ى instead of Persian ی/ک in the purpose`);
  const creator = DEMO_PEOPLE.find((p) => p.email === a.createdByEmail);
  const mayCreate = creator?.memberships.some((m) => {
    const agency = DEMO_AGENCIES.find((x) => x.code === m.agencyCode);
    return agency?.kind === 'PROVINCIAL_GOVERNORATE' && (m.role === 'ADMIN' || m.role === 'DIRECTOR') && m.validFrom <= a.validFrom;
  });
  if (!creator) problem(`${at}: unknown person ${a.createdByEmail}`);
  else if (!mayCreate) problem(`${at}: ${a.createdByEmail} was not an admin or director of the provincial governorate when it began`);
}
const active = DEMO_AGREEMENTS.find((a) => a.code === 'DSA-RAZI-ACTIVE');
const expired = DEMO_AGREEMENTS.find((a) => a.code === 'DSA-RAZI-EXPIRED');
if (!active) problem('agreement DSA-RAZI-ACTIVE is missing');
else if (active.validTo < new Date().toISOString().slice(0, 10)) problem('agreement DSA-RAZI-ACTIVE has expired; move its dates');
if (!expired) problem('agreement DSA-RAZI-EXPIRED is missing');
else if (expired.validTo >= new Date().toISOString().slice(0, 10)) problem('agreement DSA-RAZI-EXPIRED is still valid');

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const count = <T>(list: T[], f: (x: T) => string) =>
  [...list.reduce((m, x) => m.set(f(x), (m.get(f(x)) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `${k} ${n}`).join(', ');
process.stdout.write(
  [
    `harm categories: ${DEMO_CATEGORIES.length} (${usedCategories.size} with indicators)`,
    `indicators: ${DEMO_INDICATORS.length}`,
    `  by sensitivity: ${count(DEMO_INDICATORS, (i) => i.sensitivity)}`,
    `  by period: ${count(DEMO_INDICATORS, (i) => i.periodType)}`,
    `  by finest level: ${count(DEMO_INDICATORS, (i) => i.finestLevel)}`,
    `  by unit: ${count(DEMO_INDICATORS, (i) => i.unit)}`,
    `agreements: ${DEMO_AGREEMENTS.length}`,
    '',
  ].join('\n'),
);
if (problems.length) {
  process.stderr.write(`${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('harm demo data: OK\n');
