/**
 * The three recoveries of withheld small counts found by a hostile partner, each rebuilt on a
 * table of its own and attacked as that partner would: with everything the API shows them
 * (values, withheld flags, their own cells) and the LP attacker. And the correction window: what
 * others see always comes from one approved state of the whole table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack, type AuditCell } from '../scripts/lib/disclosure-audit';
import { ApproveObservationsDocument, ObservationsDocument, SubmitObservationsDocument } from '../schema/client/graphql';
import { insertCells, type FixtureCell } from './support/harm-fixtures';
import { startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const AGES = ['A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS'] as const;
const COUNTIES = Array.from({ length: 14 }, (_, n) => `KSH-${String(n + 1).padStart(2, '0')}`);
const governorate = (county: string) => `AG-CG-${county.slice(4)}`;

type Split = Record<string, Record<string, number>>; // sex → age → value ('TOTAL' included)

/** Cells of a county × sex × age table from the female and male values by age; totals added up here. */
function table(indicator: string, period: string, counties: Record<string, { F: number[]; M: number[] }>, provinceAgency: string): FixtureCell[] {
  const cells: FixtureCell[] = [];
  const province: Split = { TOTAL: {}, FEMALE: {}, MALE: {} };
  const add = (region: string, agency: string, split: Split) => {
    for (const [sex, ages] of Object.entries(split)) {
      for (const [ageGroup, value] of Object.entries(ages)) {
        cells.push({ indicator, region, period, value, agency, sex: sex as FixtureCell['sex'], ageGroup: ageGroup as FixtureCell['ageGroup'] });
      }
    }
  };
  for (const [county, { F, M }] of Object.entries(counties)) {
    const split: Split = { TOTAL: {}, FEMALE: {}, MALE: {} };
    AGES.forEach((a, i) => {
      split.FEMALE[a] = F[i];
      split.MALE[a] = M[i];
      split.TOTAL[a] = F[i] + M[i];
    });
    for (const sex of ['TOTAL', 'FEMALE', 'MALE']) split[sex].TOTAL = AGES.reduce((s, a) => s + split[sex][a], 0);
    for (const sex of Object.keys(split)) for (const [a, v] of Object.entries(split[sex])) province[sex][a] = (province[sex][a] ?? 0) + v;
    add(county, governorate(county), split);
  }
  add('KSH', provinceAgency, province);
  return cells;
}

/**
 * What `as` is shown of a table, page by page through the API, as the LP attacker's input: the
 * true values (from the fixture) with the flags the API gave this caller; cells the caller was
 * not shown at all are unknown to it.
 */
async function attackAs(as: string, ownAgency: string, cells: FixtureCell[]) {
  const { indicator, period } = cells[0];
  const shown = new Map<string, { withheld: boolean; value: number | null }>();
  let after: string | undefined;
  do {
    const page = await hub.gql(ObservationsDocument, { filter: { indicators: [indicator], from: period, to: period }, first: 100, after }, { as });
    expect(page.errors).toBeUndefined();
    for (const o of page.data!.observations.nodes) shown.set(`${o.region.code}|${o.sex}|${o.ageGroup}`, { withheld: o.suppressed, value: o.value ?? null });
    after = page.data!.observations.pageInfo.hasNextPage ? page.data!.observations.pageInfo.endCursor! : undefined;
  } while (after);
  const agencies = [...new Set(cells.map((c) => c.agency))];
  const audit: AuditCell[] = cells.map((c) => {
    const key = `${c.region}|${c.sex ?? 'TOTAL'}|${c.ageGroup ?? 'TOTAL'}`;
    const seen = shown.get(key);
    // A value shown must be the true one; a value withheld is not shown.
    if (seen && !seen.withheld) expect(seen.value, key).toBe(c.value);
    return {
      indicator, period, region: c.region, path: c.region === 'KSH' ? '/KSH/' : `/KSH/${c.region}/`, level: c.region === 'KSH' ? 'PROVINCE' : 'COUNTY',
      sex: c.sex ?? 'TOTAL', ageGroup: c.ageGroup ?? 'TOTAL', value: c.value, owner: agencies.indexOf(c.agency), published: true,
      withheld: seen ? seen.withheld : true, sensitivity: 'RESTRICTED', category: 'X', k: 5,
      seen: !!seen,
    } as AuditCell & { seen: boolean };
  });
  const [report] = await attack(audit, [{ name: as, own: new Set([agencies.indexOf(ownAgency)]), sees: (c) => (c as AuditCell & { seen: boolean }).seen }]);
  return { report, interval: (region: string, sex: string, age: string) => [...report.disclosed, ...report.ownBound].find((f) => f.cell.region === region && f.cell.sex === sex && f.cell.ageGroup === age) };
}

const zeros = [0, 0, 0, 0, 0];

describe('the recoveries found by a hostile partner no longer work', () => {
  it("Sahneh's steward: province − the 12 other counties − its own withheld cell no longer gives Salas-e Babajani's", async () => {
    // THEFT_REPORTS (RESTRICTED), female: Sahneh (KSH-09) 3 and Salas-e Babajani (KSH-14) 3, the other twelve counties 333 in all.
    const counties: Record<string, { F: number[]; M: number[] }> = {};
    COUNTIES.forEach((c, i) => {
      const f = c === 'KSH-09' || c === 'KSH-14' ? [0, 0, 2, 1, 0] : [0, 3, 12 + (i % 3), 9, 3 - (i === 0 ? 1 : 0)];
      counties[c] = { F: f, M: [1, 10, 40 + i, 20, 6] };
    });
    const cells = table('THEFT_REPORTS', '1401-02', counties, 'AG-SCA');
    const female = (r: string) => cells.find((c) => c.region === r && c.sex === 'FEMALE' && c.ageGroup === 'TOTAL')!.value;
    expect([female('KSH-09'), female('KSH-14'), female('KSH'), female('KSH') - female('KSH-09') - female('KSH-14')]).toEqual([3, 3, 339, 333]);
    await insertCells(hub, cells);
    const { report } = await attackAs('steward@cg-sahneh.kermanshah.example', 'AG-CG-09', cells);
    expect(report.examined).toBeGreaterThan(0);
    expect(report.disclosed).toEqual([]);
    expect(report.narrowest).toBeGreaterThanOrEqual(5);
  });

  it('an NGO member: a count next to 0s that must be 0 (the province has none) is no longer worked out', async () => {
    // UNEMPLOYMENT_INSURANCE (RESTRICTED), Harsin (KSH-13): 47 = 0 + 1 + 29 + 17 + 0, and no one aged 0–14 anywhere.
    const counties: Record<string, { F: number[]; M: number[] }> = {};
    COUNTIES.forEach((c, i) => {
      counties[c] = c === 'KSH-13' ? { F: [0, 1, 9, 4, 0], M: [0, 0, 20, 13, 0] } : { F: [0, 6 + i, 30, 12, 0], M: [0, 9, 70 + i, 40, 5] };
    });
    const cells = table('UNEMPLOYMENT_INSURANCE', '1401-01', counties, 'AG-GOV');
    await insertCells(hub, cells);
    const { report } = await attackAs('member@mehrafarin.ngo.example', 'AG-NGO-KSH-WOMEN', cells);
    expect(report.examined).toBeGreaterThan(0);
    expect(report.disclosed).toEqual([]);
    expect(report.narrowest).toBeGreaterThanOrEqual(5);
  });

  it("a provincial analyst: the province's female margins and the 13 other counties' zeros no longer give Kermanshah's 2", async () => {
    // ADDICTION_ADMISSIONS (CONFIDENTIAL): women aged 15–24 are 2 in Kermanshah county and 0 everywhere else.
    const counties: Record<string, { F: number[]; M: number[] }> = {};
    COUNTIES.forEach((c, i) => {
      counties[c] = { F: c === 'KSH-01' ? [0, 2, 6, 3, 0] : [0, 0, 1 + (i % 4), 2, 0], M: [0, 8 + i, 30, 15, 2] };
    });
    const cells = table('ADDICTION_ADMISSIONS', '1401-04', counties, 'AG-WELFARE');
    await insertCells(hub, cells);
    const { report } = await attackAs('analyst@sca.kermanshah.example', 'AG-SCA', cells);
    expect(report.examined).toBeGreaterThan(0);
    expect(report.disclosed).toEqual([]);
    expect(report.narrowest).toBeGreaterThanOrEqual(5);
  });
});

describe('a correction waiting for approval', () => {
  const STEWARD = 'steward@cg-sahneh.kermanshah.example';
  const MEMBER = 'member@mehrafarin.ngo.example';
  const DEPUTY = 'harm.deputy@sca.kermanshah.example';
  const filter = { indicators: ['DIVORCE_REG'], within: 'KSH-09', levels: ['COUNTY' as const], from: '1405-03', to: '1405-03' };
  const seen = async (as: string) =>
    Object.fromEntries((await hub.gql(ObservationsDocument, { filter }, { as })).data!.observations.nodes.map((o) => [o.sex, o.suppressed ? 'withheld' : o.value]));

  it('leaves everyone else on the approved state of the whole table, so that nothing is worked out meanwhile', async () => {
    const submitted = await hub.gql(SubmitObservationsDocument, {
      input: {
        idempotencyKey: 'div-1405-03', rows: [
          { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-09', period: '1405-03', value: 10 },
          { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-09', period: '1405-03', sex: 'FEMALE', value: 2 },
          { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-09', period: '1405-03', sex: 'MALE', value: 8 },
        ],
      },
    }, { as: STEWARD });
    expect(submitted.errors).toBeUndefined();
    const ids = (await hub.gql(ObservationsDocument, { filter }, { as: DEPUTY })).data!.observations.nodes.map((o) => o.id);
    expect((await hub.gql(ApproveObservationsDocument, { ids }, { as: DEPUTY })).errors).toBeUndefined();
    expect(await seen(MEMBER)).toEqual({ TOTAL: 10, FEMALE: 'withheld', MALE: 'withheld' });

    // The women's count is corrected; until the deputy approves, others see the table as approved.
    const fix = await hub.gql(SubmitObservationsDocument, {
      input: { idempotencyKey: 'div-1405-03-fix', rows: [{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-09', period: '1405-03', sex: 'FEMALE', value: 3 }] },
    }, { as: STEWARD });
    expect(fix.data!.submitObservations).toMatchObject({ corrected: 1 });
    expect(await seen(MEMBER)).toEqual({ TOTAL: 10, FEMALE: 'withheld', MALE: 'withheld' });
    expect(await seen(STEWARD)).toEqual({ TOTAL: 10, FEMALE: 3, MALE: 8 });

    // Approved with a consistent total, the new state is what everyone sees.
    const total = await hub.gql(SubmitObservationsDocument, {
      input: { idempotencyKey: 'div-1405-03-total', rows: [{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-09', period: '1405-03', value: 11 }] },
    }, { as: STEWARD });
    expect(total.errors).toBeUndefined();
    const waiting = (await hub.gql(ObservationsDocument, { filter: { ...filter, statuses: ['SUBMITTED'] } }, { as: DEPUTY })).data!.observations.nodes.map((o) => o.id);
    expect(waiting).toHaveLength(2);
    expect(await seen(MEMBER)).toEqual({ TOTAL: 10, FEMALE: 'withheld', MALE: 'withheld' });
    expect((await hub.gql(ApproveObservationsDocument, { ids: waiting }, { as: DEPUTY })).errors).toBeUndefined();
    expect(await seen(MEMBER)).toEqual({ TOTAL: 11, FEMALE: 'withheld', MALE: 'withheld' });
  });
});
