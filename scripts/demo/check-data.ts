// Validates the demo data in ./data and prints its counts; exits with status 1 on any problem.
import { groupBy } from '../../src/common/collections';
import {
  DEMO_AGENCIES,
  DEMO_APPOINTMENTS,
  DEMO_PEOPLE,
  DEMO_POSTS,
  DEMO_REGIONS,
  type AgencyKind,
  type DemoAgency,
  type DemoMembership,
  type DemoRegion,
  type RegionLevel,
  type Role,
} from './data';

const problems: string[] = [];
const problem = (message: string): void => {
  problems.push(message);
};

const ZWNJ = '\u200c';
const ALL_ROLES: Role[] = ['ADMIN', 'DIRECTOR', 'ANALYST', 'DATA_STEWARD', 'MEMBER'];
const REAL_NAMES_FROM_REPORT = ['سلیمانی', 'خسروی', 'جلیلیان', 'soleimani', 'khosravi', 'jalilian'];

/** Which levels a region of each level may sit under. */
const ALLOWED_PARENTS: Record<RegionLevel, RegionLevel[]> = {
  PROVINCE: [],
  COUNTY: ['PROVINCE'],
  DISTRICT: ['COUNTY'],
  CITY: ['COUNTY', 'DISTRICT'],
  RURAL_DISTRICT: ['COUNTY', 'DISTRICT'],
  NEIGHBOURHOOD: ['CITY'],
  VILLAGE: ['RURAL_DISTRICT', 'COUNTY'],
};

const CODE_PATTERN: Record<RegionLevel, RegExp> = {
  PROVINCE: /^KSH$/,
  COUNTY: /^KSH-\d{2}$/,
  DISTRICT: /^KSH-\d{2}-D\d{2}$/,
  CITY: /^KSH-\d{2}(-D\d{2})?-C\d{2}$/,
  RURAL_DISTRICT: /^KSH-\d{2}(-D\d{2})?-R\d{2}$/,
  NEIGHBOURHOOD: /^KSH-\d{2}(-D\d{2})?-C\d{2}-N\d{2}$/,
  VILLAGE: /^KSH-\d{2}(-D\d{2})?(-R\d{2})?-V\d{2}$/,
};

/** Levels whose region may be the jurisdiction of an agency of each kind. */
const JURISDICTION_LEVELS: Record<AgencyKind, RegionLevel[]> = {
  PROVINCIAL_GOVERNORATE: ['PROVINCE'],
  COUNTY_GOVERNORATE: ['COUNTY'],
  CITY_COUNCIL: ['CITY'],
  VILLAGE_COUNCIL: ['VILLAGE'],
  NGO: ['PROVINCE', 'COUNTY', 'DISTRICT', 'CITY', 'RURAL_DISTRICT', 'NEIGHBOURHOOD', 'VILLAGE'],
  CULTURAL_CENTER: ['PROVINCE', 'COUNTY', 'DISTRICT', 'CITY', 'RURAL_DISTRICT', 'NEIGHBOURHOOD', 'VILLAGE'],
  UNIVERSITY: ['PROVINCE', 'COUNTY', 'CITY'],
  STATE_BODY: ['PROVINCE', 'COUNTY'],
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** Iranian national code: ten digits, the last one a mod-11 check digit over the first nine. */
function isValidNationalId(code: string): boolean {
  if (!/^\d{10}$/.test(code)) return false;
  if (/^(\d)\1{9}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(code[i]) * (10 - i);
  const remainder = sum % 11;
  const check = remainder < 2 ? remainder : 11 - remainder;
  return check === Number(code[9]);
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const TODAY = new Date().toISOString().slice(0, 10);

function isActive(m: DemoMembership, on: string = TODAY): boolean {
  return m.validFrom <= on && (m.validTo === undefined || m.validTo > on);
}

/**
 * Persian text: Persian letters, spaces, ZWNJ and a little punctuation. Arabic yeh (U+064A),
 * kaf (U+0643) and alef maksura (U+0649) must be written as Persian ی (U+06CC) and ک (U+06A9).
 */
function checkPersian(where: string, text: string): void {
  if (text.trim() === '') {
    problem(`${where}: Persian text is empty`);
    return;
  }
  if (/[\u064A\u0643\u0649]/.test(text)) problem(`${where}: Arabic ي/ك/ى instead of Persian ی/ک in «${text}»`);
  if (/[\u064B-\u065F\u0670]/.test(text)) problem(`${where}: diacritics in «${text}»`);
  const allowed = /^[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u200C \u060C()]+$/;
  if (!allowed.test(text)) {
    const bad = [...text].filter((ch) => !allowed.test(ch)).map((ch) => `U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
    problem(`${where}: unexpected characters ${[...new Set(bad)].join(', ')} in «${text}»`);
  }
  if (text !== text.trim() || /\s{2,}/.test(text)) problem(`${where}: stray whitespace in «${text}»`);
  if (text.includes(`${ZWNJ} `) || text.includes(` ${ZWNJ}`) || text.startsWith(ZWNJ) || text.endsWith(ZWNJ) || text.includes(ZWNJ + ZWNJ)) {
    problem(`${where}: misplaced ZWNJ in «${text}»`);
  }
  // A ZWNJ only makes sense after a letter that joins to the left.
  const nonJoining = 'اآأإدذرزژوؤءة';
  for (let i = 1; i < text.length; i++) {
    if (text[i] === ZWNJ && nonJoining.includes(text[i - 1] ?? '')) problem(`${where}: ZWNJ after non-joining letter in «${text}»`);
  }
}

function checkEnglish(where: string, text: string): void {
  if (!/^[A-Z][A-Za-z' ,().&-]*[A-Za-z)]$/.test(text)) problem(`${where}: English text «${text}» is not plain capitalised ASCII`);
  if (/\s{2,}/.test(text)) problem(`${where}: stray whitespace in «${text}»`);
}

function duplicates<T>(values: T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

// ---------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------

const regionByCode = new Map<string, DemoRegion>();
for (const d of duplicates(DEMO_REGIONS.map((r) => r.code))) problem(`region code ${d} is used twice`);

for (const r of DEMO_REGIONS) {
  const where = `region ${r.code}`;
  if (!CODE_PATTERN[r.level].test(r.code)) problem(`${where}: code does not fit level ${r.level}`);
  checkPersian(`${where} nameFa`, r.nameFa);
  checkEnglish(`${where} nameEn`, r.nameEn);
  if (r.parentCode === null) {
    if (r.level !== 'PROVINCE') problem(`${where}: only a PROVINCE may have no parent`);
  } else {
    const parent = regionByCode.get(r.parentCode);
    if (!parent) {
      const exists = DEMO_REGIONS.some((x) => x.code === r.parentCode);
      problem(`${where}: parent ${r.parentCode} ${exists ? 'is listed after its child' : 'does not exist'}`);
    } else {
      if (!ALLOWED_PARENTS[r.level].includes(parent.level)) problem(`${where}: ${r.level} may not sit under ${parent.level} ${parent.code}`);
      if (!r.code.startsWith(`${parent.code}-`)) problem(`${where}: code does not extend its parent's code ${parent.code}`);
    }
  }
  if (r.population !== undefined) {
    if (!Number.isInteger(r.population) || r.population <= 0) problem(`${where}: population ${r.population} is not a positive integer`);
    if (r.populationYear === undefined) problem(`${where}: population without populationYear`);
  }
  if (r.populationYear !== undefined && (!Number.isInteger(r.populationYear) || r.populationYear < 2000 || r.populationYear > 2030)) {
    problem(`${where}: implausible populationYear ${r.populationYear}`);
  }
  if (r.population === undefined) problem(`${where}: no population (rates per 10,000 need one)`);
  regionByCode.set(r.code, r);
}

const childrenOf = (code: string): DemoRegion[] => DEMO_REGIONS.filter((r) => r.parentCode === code);

for (const r of DEMO_REGIONS) {
  const kids = childrenOf(r.code).filter((k) => k.population !== undefined);
  if (r.population === undefined || kids.length === 0) continue;
  const sum = kids.reduce((s, k) => s + (k.population ?? 0), 0);
  if (r.level === 'PROVINCE') {
    if (Math.abs(sum - r.population) > r.population * 0.01) problem(`region ${r.code}: counties add up to ${sum}, not about ${r.population}`);
  } else if (sum > r.population) {
    problem(`region ${r.code}: children add up to ${sum}, more than its population ${r.population}`);
  }
}

const provinces = DEMO_REGIONS.filter((r) => r.level === 'PROVINCE');
if (provinces.length !== 1 || provinces[0]?.code !== 'KSH') problem('there must be exactly one PROVINCE, coded KSH');
const counties = DEMO_REGIONS.filter((r) => r.level === 'COUNTY');
if (counties.length !== 14) problem(`expected 14 counties, found ${counties.length}`);
const expectedCounties = [
  'Kermanshah', 'Eslamabad-e Gharb', 'Paveh', 'Javanrud', 'Dalahu', 'Ravansar', 'Sarpol-e Zahab',
  'Sonqor', 'Sahneh', 'Qasr-e Shirin', 'Kangavar', 'Gilan-e Gharb', 'Harsin', 'Salas-e Babajani',
];
for (const name of expectedCounties) {
  if (!counties.some((c) => c.nameEn === name)) problem(`county ${name} is missing`);
}
if (regionByCode.get('KSH-01')?.nameEn !== 'Kermanshah') problem('KSH-01 must be Kermanshah county');
const sahneh = counties.find((c) => c.nameFa === 'صحنه');
if (!sahneh) problem('county صحنه (Sahneh) is missing');
for (const c of counties) {
  const city = regionByCode.get(`${c.code}-C01`);
  if (!city || city.level !== 'CITY' || city.parentCode !== c.code) problem(`county ${c.code}: main city ${c.code}-C01 is missing`);
  if (c.populationYear !== 2016) problem(`county ${c.code}: populationYear should be 2016`);
}
const kermanshahNeighbourhoods = DEMO_REGIONS.filter((r) => r.level === 'NEIGHBOURHOOD' && r.parentCode === 'KSH-01-C01');
if (kermanshahNeighbourhoods.length < 30) problem(`expected at least 30 neighbourhoods in Kermanshah city, found ${kermanshahNeighbourhoods.length}`);
const villages = DEMO_REGIONS.filter((r) => r.level === 'VILLAGE');
if (villages.length < 12) problem(`expected at least 12 villages, found ${villages.length}`);
const villageCounties = new Set(villages.map((v) => v.code.slice(0, 6)));
if (villageCounties.size < 5) problem(`villages should be spread over several counties, found ${villageCounties.size}`);
for (const v of villages) {
  if ((v.population ?? 0) > 5000) problem(`village ${v.code}: population ${v.population} is too large for a village`);
}
for (const [nameA, list] of groupBy(DEMO_REGIONS, (r) => `${r.parentCode ?? ''}|${r.nameFa}`)) {
  if (list.length > 1) problem(`regions ${list.map((r) => r.code).join(', ')} share the Persian name and parent (${nameA})`);
}
const withZwnj = DEMO_REGIONS.filter((r) => r.nameFa.includes(ZWNJ));
if (withZwnj.length < 1) problem('no region name contains a ZWNJ');
const withYehKaf = DEMO_REGIONS.filter((r) => /[\u06CC\u06A9]/.test(r.nameFa));
if (withYehKaf.length < 3) problem('fewer than three region names contain ی or ک');

// ---------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------

const agencyByCode = new Map<string, DemoAgency>();
const unitAgency = new Map<string, string>();
for (const d of duplicates(DEMO_AGENCIES.map((a) => a.code))) problem(`agency code ${d} is used twice`);
for (const d of duplicates(DEMO_AGENCIES.flatMap((a) => (a.units ?? []).map((u) => u.code)))) problem(`unit code ${d} is used twice`);
for (const d of duplicates(DEMO_AGENCIES.map((a) => a.nameFa))) problem(`agency Persian name «${d}» is used twice`);
for (const d of duplicates(DEMO_AGENCIES.map((a) => a.nameEn))) problem(`agency English name "${d}" is used twice`);

for (const a of DEMO_AGENCIES) {
  const where = `agency ${a.code}`;
  if (!/^AG-[A-Z0-9-]+$/.test(a.code)) problem(`${where}: code should look like AG-XXX`);
  checkPersian(`${where} nameFa`, a.nameFa);
  checkEnglish(`${where} nameEn`, a.nameEn);
  const region = regionByCode.get(a.jurisdictionCode);
  if (!region) problem(`${where}: jurisdiction ${a.jurisdictionCode} does not exist`);
  else if (!JURISDICTION_LEVELS[a.kind].includes(region.level)) problem(`${where}: a ${a.kind} cannot have a ${region.level} as jurisdiction`);
  if (a.parentCode !== undefined) {
    const parent = agencyByCode.get(a.parentCode);
    if (!parent) {
      const exists = DEMO_AGENCIES.some((x) => x.code === a.parentCode);
      problem(`${where}: parent ${a.parentCode} ${exists ? 'is listed after its child' : 'does not exist'}`);
    } else {
      const parentRegion = regionByCode.get(parent.jurisdictionCode);
      if (region && parentRegion && !isWithin(region.code, parentRegion.code)) {
        problem(`${where}: jurisdiction ${region.code} lies outside its parent's ${parentRegion.code}`);
      }
    }
  }
  for (const u of a.units ?? []) {
    if (!/^U-[A-Z0-9-]+$/.test(u.code)) problem(`${where} unit ${u.code}: code should look like U-XXX`);
    checkPersian(`${where} unit ${u.code} nameFa`, u.nameFa);
    checkEnglish(`${where} unit ${u.code} nameEn`, u.nameEn);
    unitAgency.set(u.code, a.code);
  }
  if (a.kind === 'NGO' || a.kind === 'CULTURAL_CENTER') {
    if (!a.fieldsOfActivity || a.fieldsOfActivity.length === 0) problem(`${where}: no fields of activity`);
  }
  for (const f of a.fieldsOfActivity ?? []) {
    if (!/^[A-Z][A-Z_]*[A-Z]$/.test(f)) problem(`${where}: field of activity "${f}" is not UPPER_SNAKE_CASE`);
  }
  for (const d of duplicates(a.fieldsOfActivity ?? [])) problem(`${where}: field of activity ${d} listed twice`);
  agencyByCode.set(a.code, a);
}

function isWithin(code: string, ancestor: string): boolean {
  let current: string | null = code;
  while (current !== null) {
    if (current === ancestor) return true;
    current = regionByCode.get(current)?.parentCode ?? null;
  }
  return false;
}

const ofKind = (kind: AgencyKind): DemoAgency[] => DEMO_AGENCIES.filter((a) => a.kind === kind);

const gov = agencyByCode.get('AG-GOV');
if (!gov || gov.kind !== 'PROVINCIAL_GOVERNORATE' || gov.jurisdictionCode !== 'KSH') problem('AG-GOV must be the PROVINCIAL_GOVERNORATE of KSH');
const sca = agencyByCode.get('AG-SCA');
if (!sca || sca.kind !== 'PROVINCIAL_GOVERNORATE' || sca.parentCode !== 'AG-GOV' || sca.jurisdictionCode !== 'KSH') {
  problem('AG-SCA must be a PROVINCIAL_GOVERNORATE under AG-GOV with jurisdiction KSH');
}
const scaUnits = sca?.units ?? [];
const harmUnit = scaUnits.find((u) => u.code === 'U-HARM');
if (!harmUnit || harmUnit.kind !== 'HARM_MONITORING' || harmUnit.nameFa !== `معاونت پایش آسیب${ZWNJ}های اجتماعی`) {
  problem('AG-SCA needs unit U-HARM (HARM_MONITORING, «معاونت پایش آسیب‌های اجتماعی»)');
}
if (!scaUnits.some((u) => u.code === 'U-NGO' && u.kind === 'PARTICIPATION_NGO')) problem('AG-SCA needs unit U-NGO (PARTICIPATION_NGO)');

const countyGovernorates = ofKind('COUNTY_GOVERNORATE');
if (countyGovernorates.length !== 14) problem(`expected 14 county governorates, found ${countyGovernorates.length}`);
for (const c of counties) {
  const n = c.code.slice(4);
  const cg = agencyByCode.get(`AG-CG-${n}`);
  if (!cg || cg.kind !== 'COUNTY_GOVERNORATE' || cg.jurisdictionCode !== c.code || cg.parentCode !== 'AG-GOV') {
    problem(`AG-CG-${n} must be the county governorate of ${c.code} under AG-GOV`);
  } else if (cg.nameFa !== `فرمانداری شهرستان ${c.nameFa}`) {
    problem(`AG-CG-${n}: Persian name should be «فرمانداری شهرستان ${c.nameFa}»`);
  }
  const cc = agencyByCode.get(`AG-CC-${n}`);
  if (!cc || cc.kind !== 'CITY_COUNCIL' || cc.jurisdictionCode !== `${c.code}-C01`) problem(`AG-CC-${n} must be the city council of ${c.code}-C01`);
}
const cityCouncils = ofKind('CITY_COUNCIL');
const villageCouncils = ofKind('VILLAGE_COUNCIL');
if (villageCouncils.length < 4) problem(`expected at least 4 village councils, found ${villageCouncils.length}`);
const ngos = ofKind('NGO');
if (ngos.length < 10) problem(`expected at least 10 NGOs, found ${ngos.length}`);
if (new Set(ngos.flatMap((n) => n.fieldsOfActivity ?? [])).size < 8) problem('NGO fields of activity are not varied enough');
const sahnehNgo = agencyByCode.get('AG-NGO-SAHNEH-ADDICTION');
if (!sahnehNgo || sahnehNgo.kind !== 'NGO' || sahnehNgo.jurisdictionCode !== sahneh?.code || !(sahnehNgo.fieldsOfActivity ?? []).some((f) => f.startsWith('ADDICTION'))) {
  problem(`AG-NGO-SAHNEH-ADDICTION must be an addiction NGO with jurisdiction Sahneh county (${sahneh?.code ?? '?'})`);
}
const culturalCentres = ofKind('CULTURAL_CENTER');
if (culturalCentres.length !== 3) problem(`expected 3 cultural centres, found ${culturalCentres.length}`);
const razi = agencyByCode.get('AG-RAZI');
if (!razi || razi.kind !== 'UNIVERSITY' || razi.jurisdictionCode !== 'KSH' || razi.nameEn !== 'Razi University') problem('AG-RAZI must be Razi University with jurisdiction KSH');
const stateBodies = ofKind('STATE_BODY');
if (stateBodies.length > 2) problem(`expected at most 2 state bodies, found ${stateBodies.length}`);

// ---------------------------------------------------------------------------
// People and memberships
// ---------------------------------------------------------------------------

for (const d of duplicates(DEMO_PEOPLE.map((p) => p.email))) problem(`email ${d} is used twice`);
for (const d of duplicates(DEMO_PEOPLE.map((p) => p.nationalId))) problem(`national ID ${d} is used twice`);
for (const d of duplicates(DEMO_PEOPLE.map((p) => p.phone))) problem(`phone ${d} is used twice`);
for (const d of duplicates(DEMO_PEOPLE.map((p) => p.fullNameEn))) problem(`name ${d} is used twice`);

const peopleByEmail = new Map(DEMO_PEOPLE.map((p) => [p.email, p]));
let membershipCount = 0;
let endedMemberships = 0;
const activeRoles = new Set<Role>();

for (const p of DEMO_PEOPLE) {
  const where = `person ${p.email}`;
  if (!/^[a-z0-9]+([.-][a-z0-9]+)*@([a-z0-9]+(-[a-z0-9]+)*\.)+example$/.test(p.email)) problem(`${where}: email must be lower-case on an .example domain`);
  checkPersian(`${where} fullNameFa`, p.fullNameFa);
  checkEnglish(`${where} fullNameEn`, p.fullNameEn);
  if (p.fullNameFa.split(' ').length < 2) problem(`${where}: Persian name needs first and last name`);
  const lowered = `${p.fullNameFa} ${p.fullNameEn}`.toLowerCase();
  for (const real of REAL_NAMES_FROM_REPORT) if (lowered.includes(real)) problem(`${where}: uses the name ${real} from the news report`);
  if (!/^0918\d{7}$/.test(p.phone)) problem(`${where}: phone ${p.phone} should look like 0918xxxxxxx`);
  if (!isValidNationalId(p.nationalId)) problem(`${where}: national ID ${p.nationalId} fails the checksum`);
  if (p.memberships.length === 0) problem(`${where}: no memberships`);
  for (const m of p.memberships) {
    membershipCount++;
    const mw = `${where} membership ${m.agencyCode}${m.unitCode ? `/${m.unitCode}` : ''} ${m.role}`;
    if (!agencyByCode.has(m.agencyCode)) problem(`${mw}: agency does not exist`);
    if (m.unitCode !== undefined && unitAgency.get(m.unitCode) !== m.agencyCode) problem(`${mw}: unit ${m.unitCode} is not a unit of ${m.agencyCode}`);
    if (!ALL_ROLES.includes(m.role)) problem(`${mw}: unknown role`);
    if (!isIsoDate(m.validFrom)) problem(`${mw}: validFrom ${m.validFrom} is not a YYYY-MM-DD date`);
    if (m.validFrom > TODAY) problem(`${mw}: validFrom ${m.validFrom} lies in the future`);
    if (m.validTo !== undefined) {
      if (!isIsoDate(m.validTo)) problem(`${mw}: validTo ${m.validTo} is not a YYYY-MM-DD date`);
      if (m.validTo <= m.validFrom) problem(`${mw}: validTo is not after validFrom`);
      if (m.validTo <= TODAY) endedMemberships++;
    }
    if (isActive(m)) activeRoles.add(m.role);
  }
  const activeKeys = p.memberships.filter((m) => isActive(m)).map((m) => `${m.agencyCode}/${m.unitCode ?? ''}/${m.role}`);
  for (const d of duplicates(activeKeys)) problem(`${where}: active membership ${d} listed twice`);
}

for (const role of ALL_ROLES) if (!activeRoles.has(role)) problem(`no active membership has role ${role}`);

interface ActiveMembership extends DemoMembership {
  email: string;
}
const activeMemberships: ActiveMembership[] = DEMO_PEOPLE.flatMap((p) => p.memberships.filter((m) => isActive(m)).map((m) => ({ ...m, email: p.email })));
const holders = (agencyCode: string, role: Role, unitCode?: string | null): ActiveMembership[] =>
  activeMemberships.filter((m) => m.agencyCode === agencyCode && m.role === role && (unitCode === undefined || (m.unitCode ?? null) === unitCode));

for (const a of DEMO_AGENCIES) if (holders(a.code, 'ADMIN').length === 0) problem(`agency ${a.code} has no active ADMIN`);
for (const cg of countyGovernorates) if (holders(cg.code, 'DATA_STEWARD').length === 0) problem(`county governorate ${cg.code} has no active DATA_STEWARD`);

const requireOne = (label: string, found: ActiveMembership[], email?: string): void => {
  if (found.length === 0) problem(`missing ${label}`);
  else if (email !== undefined && !found.some((m) => m.email === email)) problem(`${label} should be ${email}`);
};
requireOne('director general (DIRECTOR at AG-SCA, no unit)', holders('AG-SCA', 'DIRECTOR', null), 'dg@sca.kermanshah.example');
if (holders('AG-SCA', 'DIRECTOR', null).length > 1) problem('more than one active director general');
requireOne('monitoring deputy (DIRECTOR at AG-SCA/U-HARM)', holders('AG-SCA', 'DIRECTOR', 'U-HARM'));
if (holders('AG-SCA', 'ANALYST', 'U-HARM').length < 2) problem('expected at least two active ANALYSTs in U-HARM');
requireOne('participation deputy (DIRECTOR at AG-SCA/U-NGO)', holders('AG-SCA', 'DIRECTOR', 'U-NGO'));
requireOne('DATA_STEWARD at AG-CG-01', holders('AG-CG-01', 'DATA_STEWARD'));
if (sahneh) requireOne(`DATA_STEWARD at the Sahneh county governorate AG-CG-${sahneh.code.slice(4)}`, holders(`AG-CG-${sahneh.code.slice(4)}`, 'DATA_STEWARD'));
requireOne('DATA_STEWARD at AG-NGO-SAHNEH-ADDICTION', holders('AG-NGO-SAHNEH-ADDICTION', 'DATA_STEWARD'));
requireOne('university researcher (ANALYST at AG-RAZI)', holders('AG-RAZI', 'ANALYST'));
if (activeMemberships.filter((m) => m.role === 'MEMBER').length < 3) problem('expected a few (at least 3) active MEMBERs');
const multiAgency = DEMO_PEOPLE.filter((p) => new Set(p.memberships.filter((m) => isActive(m)).map((m) => m.agencyCode)).size >= 2);
if (multiAgency.length === 0) problem('nobody has active memberships in two different agencies');
if (endedMemberships === 0) problem('no membership has already ended');
if (DEMO_PEOPLE.length < 60 || DEMO_PEOPLE.length > 120) problem(`expected about 60–120 people, found ${DEMO_PEOPLE.length}`);

const demoUsers = [
  'dg@sca.kermanshah.example',
  'harm.deputy@sca.kermanshah.example',
  'analyst@sca.kermanshah.example',
];
demoUsers.forEach((email, i) => {
  if (DEMO_PEOPLE[i]?.email !== email) problem(`demo user ${email} should be person #${i + 1}`);
});

// ---------------------------------------------------------------------------
// Posts and appointments
// ---------------------------------------------------------------------------

for (const d of duplicates(DEMO_POSTS.map((p) => p.code))) problem(`post code ${d} is used twice`);
const postByCode = new Map(DEMO_POSTS.map((p) => [p.code, p]));
for (const post of DEMO_POSTS) {
  const where = `post ${post.code}`;
  checkPersian(`${where} titleFa`, post.titleFa);
  checkEnglish(`${where} titleEn`, post.titleEn);
  if (!agencyByCode.has(post.agencyCode)) problem(`${where}: agency ${post.agencyCode} does not exist`);
  if (post.unitCode !== undefined && unitAgency.get(post.unitCode) !== post.agencyCode) problem(`${where}: unit ${post.unitCode} is not a unit of ${post.agencyCode}`);

  const appointments = DEMO_APPOINTMENTS.filter((a) => a.postCode === post.code).sort((x, y) => x.startedOn.localeCompare(y.startedOn));
  const open = appointments.filter((a) => a.endedOn === undefined);
  if (open.length !== 1) problem(`${where}: expected exactly one open appointment, found ${open.length}`);
  for (let i = 1; i < appointments.length; i++) {
    const prev = appointments[i - 1];
    const next = appointments[i];
    if (prev && next && (prev.endedOn === undefined || prev.endedOn > next.startedOn)) problem(`${where}: appointments of ${prev.personEmail} and ${next.personEmail} overlap`);
  }
  for (const a of open) {
    const m = activeMemberships.find((x) => x.email === a.personEmail && x.agencyCode === post.agencyCode && (post.unitCode === undefined || x.unitCode === post.unitCode));
    if (!m) problem(`${where}: current holder ${a.personEmail} has no active membership in ${post.agencyCode}${post.unitCode ? `/${post.unitCode}` : ''}`);
  }
}
for (const a of DEMO_APPOINTMENTS) {
  const where = `appointment ${a.postCode} ${a.personEmail}`;
  if (!postByCode.has(a.postCode)) problem(`${where}: post does not exist`);
  if (!peopleByEmail.has(a.personEmail)) problem(`${where}: person does not exist`);
  if (!isIsoDate(a.startedOn)) problem(`${where}: startedOn ${a.startedOn} is not a YYYY-MM-DD date`);
  if (a.endedOn !== undefined && (!isIsoDate(a.endedOn) || a.endedOn < a.startedOn)) problem(`${where}: endedOn ${a.endedOn} is invalid`);
  if (a.startNote !== undefined) checkPersian(`${where} startNote`, a.startNote);
  if (a.endNote !== undefined) checkPersian(`${where} endNote`, a.endNote);
}

const dgPost = postByCode.get('POST-SCA-DG');
if (!dgPost || dgPost.titleFa !== 'مدیرکل دفتر امور اجتماعی و فرهنگی استانداری' || dgPost.agencyCode !== 'AG-SCA') {
  problem('POST-SCA-DG must be «مدیرکل دفتر امور اجتماعی و فرهنگی استانداری» at AG-SCA');
}
const dgAppointments = DEMO_APPOINTMENTS.filter((a) => a.postCode === 'POST-SCA-DG');
const predecessor = dgAppointments.find((a) => a.endedOn !== undefined);
const successor = dgAppointments.find((a) => a.endedOn === undefined);
if (!predecessor || predecessor.startedOn !== '2021-09-01' || predecessor.endedOn !== '2025-11-30' || !(predecessor.endNote ?? '').includes('تکریم')) {
  problem('POST-SCA-DG needs a predecessor from 2021-09-01 to 2025-11-30 whose endNote mentions تکریم');
}
if (!successor || successor.personEmail !== 'dg@sca.kermanshah.example' || successor.startedOn !== '2025-11-30' || !(successor.startNote ?? '').includes('معارفه')) {
  problem('POST-SCA-DG needs the current director general from 2025-11-30 with a startNote mentioning معارفه');
}
for (const code of ['POST-SCA-HARM-DEPUTY', 'POST-SCA-NGO-DEPUTY']) if (!postByCode.has(code)) problem(`post ${code} is missing`);
if (!DEMO_POSTS.some((p) => p.titleFa === 'مشاور جوان استاندار')) problem('the post «مشاور جوان استاندار» is missing');

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const countByLevel = (level: RegionLevel): number => DEMO_REGIONS.filter((r) => r.level === level).length;
const counts: Array<[string, number]> = [
  ['regions', DEMO_REGIONS.length],
  ['  counties', counties.length],
  ['  cities', countByLevel('CITY')],
  ['  neighbourhoods (Kermanshah city)', kermanshahNeighbourhoods.length],
  ['  villages', villages.length],
  ['agencies', DEMO_AGENCIES.length],
  ['  provincial governorate bodies', ofKind('PROVINCIAL_GOVERNORATE').length],
  ['  county governorates', countyGovernorates.length],
  ['  city councils', cityCouncils.length],
  ['  village councils', villageCouncils.length],
  ['  NGOs', ngos.length],
  ['  cultural centres', culturalCentres.length],
  ['  universities', ofKind('UNIVERSITY').length],
  ['  state bodies', stateBodies.length],
  ['units', DEMO_AGENCIES.reduce((s, a) => s + (a.units?.length ?? 0), 0)],
  ['people', DEMO_PEOPLE.length],
  ['memberships', membershipCount],
  ...ALL_ROLES.map((role): [string, number] => [`  active ${role}`, activeMemberships.filter((m) => m.role === role).length]),
  ['  ended', endedMemberships],
  ['posts', DEMO_POSTS.length],
  ['appointments', DEMO_APPOINTMENTS.length],
];
const width = Math.max(...counts.map(([label]) => label.length));
for (const [label, n] of counts) console.log(`${label.padEnd(width)}  ${n}`);

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('\ndemo data OK');
