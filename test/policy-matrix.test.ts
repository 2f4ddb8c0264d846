/**
 * POLICY.md's matrix, proven through the API: every audience × sensitivity × region level × field,
 * for single observations and for statistics. The expectations are transcribed from POLICY.md
 * below (not read from the hub's own policy module), and the cases are generated from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorSeriesDocument, ObservationDetailsDocument } from '../schema/client/graphql';
import { insertCells } from './support/harm-fixtures';
import { startTestHub, type TestHub } from './support/hub';

// ---- POLICY.md, "The matrix", as written there -------------------------------------------------
type Rule = 'nothing' | 'COUNTY' | 'finest' | 'COUNTY; finest inside own jurisdiction' | 'COUNTY, own county only';
type Audience = 'public' | 'partner' | 'county governorate' | 'council' | 'provincial monitoring';
const MATRIX: Record<Audience, Record<'OPEN' | 'RESTRICTED' | 'CONFIDENTIAL', Rule>> = {
  public: { OPEN: 'COUNTY', RESTRICTED: 'nothing', CONFIDENTIAL: 'nothing' },
  partner: { OPEN: 'finest', RESTRICTED: 'COUNTY; finest inside own jurisdiction', CONFIDENTIAL: 'nothing' },
  'county governorate': { OPEN: 'finest', RESTRICTED: 'COUNTY; finest inside own jurisdiction', CONFIDENTIAL: 'COUNTY, own county only' },
  council: { OPEN: 'finest', RESTRICTED: 'COUNTY; finest inside own jurisdiction', CONFIDENTIAL: 'nothing' },
  'provincial monitoring': { OPEN: 'finest', RESTRICTED: 'finest', CONFIDENTIAL: 'finest' },
};
// Working details (note, enteredBy, approvedBy) and non-approved rows: reporting agency and monitoring deputy only.

// ---- The fixture: one cell per indicator × region, reported by the welfare organisation ----------
const LEVEL_RANK: Record<string, number> = { PROVINCE: 0, COUNTY: 1, DISTRICT: 2, CITY: 3, RURAL_DISTRICT: 3, NEIGHBOURHOOD: 4, VILLAGE: 4 };
const REGIONS = [
  { code: 'KSH', level: 'PROVINCE' },
  { code: 'KSH-01', level: 'COUNTY' },
  { code: 'KSH-01-C01', level: 'CITY' },
  { code: 'KSH-01-C01-N01', level: 'NEIGHBOURHOOD' },
  { code: 'KSH-09', level: 'COUNTY' },
  { code: 'KSH-09-C01', level: 'CITY' },
  { code: 'KSH-09-V01', level: 'VILLAGE' },
] as const;
const INDICATORS = [
  { code: 'CULTURE_PARTICIPANTS', sensitivity: 'OPEN', category: 'CULTURE' },
  { code: 'DIVORCE_REG', sensitivity: 'RESTRICTED', category: 'DIVORCE' },
  { code: 'DV_REPORTS', sensitivity: 'CONFIDENTIAL', category: 'DOMESTIC_VIOLENCE' },
  { code: 'ADDICTION_ADMISSIONS', sensitivity: 'CONFIDENTIAL', category: 'ADDICTION' },
] as const;
const REPORTER = 'AG-WELFARE';
const APPROVED_MONTH = '1405-01';
const OTHER_MONTH = '1405-02'; // DRAFT, SUBMITTED and REJECTED cells at KSH-01
const VALUE = 50;

// The university's agreement: ADDICTION and DIVORCE, Kermanshah county, down to neighbourhoods.
const AGREEMENT = { categories: ['ADDICTION', 'DIVORCE'], root: 'KSH-01', finest: 'NEIGHBOURHOOD' };
type AgreementState = 'active' | 'not yet valid' | 'expired' | 'revoked';

interface Persona {
  name: string;
  as?: string;
  audience: Audience | 'monitoring deputy' | 'reporting agency';
  jurisdiction?: string;
  agreement?: AgreementState;
}
const PERSONAS: Persona[] = [
  { name: 'the public', audience: 'public' },
  { name: 'an NGO member (Kermanshah county)', as: 'member@mehrafarin.ngo.example', audience: 'partner', jurisdiction: 'KSH-01' },
  { name: 'the Kermanshah county governorate (own county)', as: 'steward@cg-kermanshah.kermanshah.example', audience: 'county governorate', jurisdiction: 'KSH-01' },
  { name: 'the Sahneh county governorate', as: 'steward@cg-sahneh.kermanshah.example', audience: 'county governorate', jurisdiction: 'KSH-09' },
  { name: 'the Kermanshah city council', as: 'bahareh.darvishi@council-kermanshah.kermanshah.example', audience: 'council', jurisdiction: 'KSH-01-C01' },
  { name: 'a village council in Sahneh', as: 'hamzeh.beigi@vc-kanduleh.kermanshah.example', audience: 'council', jurisdiction: 'KSH-09-V01' },
  { name: 'the director general', as: 'dg@sca.kermanshah.example', audience: 'provincial monitoring' },
  { name: 'a monitoring analyst', as: 'analyst@sca.kermanshah.example', audience: 'provincial monitoring' },
  { name: 'the monitoring deputy', as: 'harm.deputy@sca.kermanshah.example', audience: 'monitoring deputy' },
  { name: 'the participation deputy (provincial, not monitoring)', as: 'ngo.deputy@sca.kermanshah.example', audience: 'partner', jurisdiction: 'KSH' },
  { name: 'the reporting agency', as: 'kiana.shojaei@behzisti.kermanshah.example', audience: 'reporting agency' },
  ...(['active', 'not yet valid', 'expired', 'revoked'] as const).map((agreement) => ({
    name: `the university, agreement ${agreement}`, as: 'researcher@razi.ac.example', audience: 'partner' as const, jurisdiction: 'KSH', agreement,
  })),
];

const inside = (region: string, root?: string) => !!root && (region === root || region.startsWith(`${root}-`));

function seesByRule(rule: Rule, region: (typeof REGIONS)[number], jurisdiction?: string): boolean {
  switch (rule) {
    case 'nothing': return false;
    case 'finest': return true;
    case 'COUNTY': return LEVEL_RANK[region.level] <= LEVEL_RANK.COUNTY;
    case 'COUNTY; finest inside own jurisdiction': return LEVEL_RANK[region.level] <= LEVEL_RANK.COUNTY || inside(region.code, jurisdiction);
    case 'COUNTY, own county only': return region.level === 'COUNTY' && region.code === jurisdiction;
  }
}

/** What POLICY.md says this persona sees of an approved cell. */
function expectVisible(p: Persona, ind: (typeof INDICATORS)[number], region: (typeof REGIONS)[number]): boolean {
  if (p.audience === 'monitoring deputy' || p.audience === 'reporting agency') return true;
  if (seesByRule(MATRIX[p.audience][ind.sensitivity], region, p.jurisdiction)) return true;
  return p.agreement === 'active' && AGREEMENT.categories.includes(ind.category) && inside(region.code, AGREEMENT.root)
    && LEVEL_RANK[region.level] <= LEVEL_RANK[AGREEMENT.finest];
}
const seesWorkingDetails = (p: Persona) => p.audience === 'monitoring deputy' || p.audience === 'reporting agency';
const seesUnapproved = seesWorkingDetails;

// ---- The run -----------------------------------------------------------------------------------
let hub: TestHub;
let cases = 0;
const check = (ok: boolean, message: string) => {
  cases++;
  expect(ok, message).toBe(true);
};

beforeAll(async () => {
  hub = await startTestHub();
  const cells = INDICATORS.flatMap((ind) => REGIONS.map((r) => ({ indicator: ind.code, region: r.code, period: APPROVED_MONTH, value: VALUE, agency: REPORTER, note: `field note ${ind.code} ${r.code}` })));
  const unapproved = INDICATORS.flatMap((ind) => (['DRAFT', 'SUBMITTED', 'REJECTED'] as const).map((status, i) => ({
    indicator: ind.code, region: 'KSH-01', period: OTHER_MONTH, sex: (['TOTAL', 'FEMALE', 'MALE'] as const)[i], value: VALUE, agency: REPORTER, status,
  })));
  await insertCells(hub, [...cells, ...unapproved]);
  await hub.sql(`delete from data_sharing_agreement`);
  await hub.sql(
    `insert into data_sharing_agreement (code, grantor_id, grantee_id, purpose, category_codes, region_root_id, finest_level, valid_from, valid_to, created_by_id)
     select 'DSA-MATRIX', (select id from agency where code = 'AG-SCA'), (select id from agency where code = 'AG-RAZI'), 'matrix test',
            ?::text[], (select id from region where code = ?), ?::region_level, '2000-01-01', '2100-01-01', (select id from person where email = 'dg@sca.kermanshah.example')`,
    [`{${AGREEMENT.categories.join(',')}}`, AGREEMENT.root, AGREEMENT.finest],
  );
});
afterAll(async () => {
  // The number of generated cases, for the record.
  process.stdout.write(`policy matrix: ${cases} cases checked\n`);
  await hub?.close();
});

async function setAgreement(state: AgreementState | undefined) {
  if (!state) return;
  const dates = { active: ['2000-01-01', '2100-01-01'], 'not yet valid': ['2099-01-01', '2100-01-01'], expired: ['2000-01-01', '2001-01-01'], revoked: ['2000-01-01', '2100-01-01'] }[state];
  await hub.sql(`update data_sharing_agreement set valid_from = ?, valid_to = ?, revoked_at = ? where code = 'DSA-MATRIX'`, [dates[0], dates[1], state === 'revoked' ? new Date() : null]);
}

describe.each(PERSONAS)('as $name', (p) => {
  it('sees exactly the observations and fields POLICY.md grants', async () => {
    await setAgreement(p.agreement);
    const r = await hub.gql(
      ObservationDetailsDocument,
      { filter: { indicators: INDICATORS.map((i) => i.code), from: APPROVED_MONTH, to: OTHER_MONTH }, first: 100 },
      p.as ? { as: p.as } : {},
    );
    const nodes = r.data!.observations.nodes;
    const errors = r.errors ?? [];
    for (const ind of INDICATORS) {
      for (const region of REGIONS) {
        const label = `${p.name}: ${ind.sensitivity} ${ind.code} at ${region.level} ${region.code}`;
        const node = nodes.find((n) => n.indicator.code === ind.code && n.region.code === region.code && n.status === 'APPROVED');
        const visible = expectVisible(p, ind, region);
        check(!!node === visible, `${label}: expected ${visible ? 'visible' : 'absent'}`);
        if (!node) continue;
        check(node.value === VALUE && node.suppressed === false, `${label}: value`);
        const index = nodes.indexOf(node);
        for (const field of ['note', 'enteredBy', 'approvedBy'] as const) {
          const refused = errors.some((e) => e.path?.[2] === index && e.path?.[3] === field);
          if (seesWorkingDetails(p)) {
            check(node[field] !== null && !refused, `${label}: ${field} visible`);
          } else {
            const code = errors.find((e) => e.path?.[2] === index && e.path?.[3] === field)?.extensions?.code;
            check(node[field] === null && code === (p.as ? 'FORBIDDEN' : 'UNAUTHENTICATED'), `${label}: ${field} refused`);
          }
        }
      }
      const unapproved = nodes.filter((n) => n.indicator.code === ind.code && n.status !== 'APPROVED');
      check(unapproved.length === (seesUnapproved(p) ? 3 : 0), `${p.name}: ${ind.code} DRAFT/SUBMITTED/REJECTED rows`);
    }
    // Nothing outside the fixture leaks in, and no error other than field refusals.
    check(nodes.every((n) => INDICATORS.some((i) => i.code === n.indicator.code)), `${p.name}: only fixture indicators`);
    check(errors.every((e) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(e.extensions?.code)) && ['note', 'enteredBy', 'approvedBy'].includes(String(e.path?.[3]))), `${p.name}: only field refusals`);
  });

  it('gets statistics for exactly the same cells', async () => {
    await setAgreement(p.agreement);
    for (const ind of INDICATORS) {
      for (const level of ['PROVINCE', 'COUNTY', 'CITY', 'NEIGHBOURHOOD', 'VILLAGE'] as const) {
        const r = await hub.gql(
          IndicatorSeriesDocument,
          { input: { indicators: [ind.code], level, granularity: 'MONTH', from: APPROVED_MONTH, to: APPROVED_MONTH } },
          p.as ? { as: p.as } : {},
        );
        expect(r.errors, `${p.name} ${ind.code} ${level}`).toBeUndefined();
        const got = r.data!.indicatorSeries.map((s) => s.region.code).sort();
        const want = REGIONS.filter((reg) => reg.level === level && expectVisible(p, ind, reg)).map((reg) => reg.code).sort();
        check(JSON.stringify(got) === JSON.stringify(want), `${p.name}: series ${ind.code} at ${level}: got ${got.join(',')} want ${want.join(',')}`);
        for (const s of r.data!.indicatorSeries) check(s.value === VALUE && !s.suppressed, `${p.name}: series ${ind.code} ${s.region.code} value`);
      }
    }
  });
});
