import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protectTable, type TableCell } from '../src/modules/harm/disclosure';
import { AgeGroup, Sex } from '../src/modules/harm/harm.enums';
import { attack, type AuditCell } from '../scripts/lib/disclosure-audit';
import { IndicatorSeriesDocument, ObservationsDocument } from '../schema/client/graphql';
import { insertCells } from './support/harm-fixtures';
import { startTestHub, type TestHub } from './support/hub';

/** A published cell of a small table: region code (its parent from `parent`), sex, age group, value, reporting agency. */
const cell = (id: string, value: number, over: { region?: string; parent?: string | null; sex?: string; age?: string; owner?: number; published?: boolean } = {}): TableCell => {
  const region = over.region ?? 'R10';
  const parent = over.parent === undefined ? 'R1' : over.parent;
  return {
    id, value, region, path: parent ? `/${parent}/${region}/` : `/${region}/`, sex: (over.sex ?? 'TOTAL') as Sex, ageGroup: (over.age ?? 'TOTAL') as AgeGroup,
    owner: over.owner ?? 1, published: over.published ?? true,
  };
};
const withheld = (cells: TableCell[], k = 5) => [...protectTable(cells, k).withheld].sort();

/** The independent LP attacker on one table: every agency of the table, and a viewer who reported nothing, seeing it all. */
async function narrowestFor(cells: TableCell[], k = 5) {
  const flags = protectTable(cells, k).withheld;
  const audit: AuditCell[] = cells.map((c) => ({
    indicator: 'X', period: '1404-01', region: c.region, path: c.path, level: c.path.split('/').filter(Boolean).length === 1 ? 'PROVINCE' : 'COUNTY',
    sex: c.sex, ageGroup: c.ageGroup, value: c.value, owner: c.owner, published: c.published, withheld: flags.has(c.id), sensitivity: 'CONFIDENTIAL',
    category: 'X', k,
  }));
  const owners = [0, ...new Set(cells.map((c) => c.owner))];
  const reports = await attack(audit, owners.map((o) => ({ name: `agency ${o}`, own: new Set([o]), sees: () => true })));
  return { disclosed: reports.flatMap((r) => r.disclosed), narrowest: Math.min(...reports.map((r) => r.narrowest ?? Infinity)) };
}

describe('small-count protection, hand-built tables', () => {
  it('primary: 1..k−1 withheld; 0 and k shown; k is the table\'s', () => {
    // Regions with no common total: nothing can be worked out from the others.
    const cells = [cell('zero', 0, { region: 'A', parent: null }), cell('one', 1, { region: 'B', parent: null }), cell('four', 4, { region: 'C', parent: null }), cell('five', 5, { region: 'D', parent: null })];
    expect(withheld(cells)).toEqual(['four', 'one']);
    expect(withheld([cell('seven', 7, { parent: null })], 10)).toEqual(['seven']);
    expect(withheld([cell('seven', 7, { parent: null })], 5)).toEqual([]);
  });

  it('sexes: a small count beside its total takes the other sex with it (F can then be 0..40)', async () => {
    const cells = [cell('T', 40), cell('F', 3, { sex: 'FEMALE' }), cell('M', 37, { sex: 'MALE' })];
    expect(withheld(cells)).toEqual(['F', 'M']);
    const { disclosed, narrowest } = await narrowestFor(cells);
    expect(disclosed).toEqual([]);
    expect(narrowest).toBe(40);
  });

  it('age groups: the cheapest group that gives a range of k goes, not a bigger one', () => {
    const ages = ['A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS'];
    const values = [2, 30, 20, 8, 40];
    const cells = [cell('T', 100), ...ages.map((a, i) => cell(a, values[i], { age: a }))];
    // 2 can go up by 8 (taken from 45–64) and down by 2: a range of 10.
    expect(withheld(cells)).toEqual(['A0_14', 'A45_64']);
  });

  it('a zero is no cover: a group that could only go down to 0 does not protect (2 beside 0 and 1 takes a bigger group)', async () => {
    const ages = ['A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS'];
    const values = [0, 2, 29, 17, 0];
    const cells = [cell('T', 48), ...ages.map((a, i) => cell(a, values[i], { age: a }))];
    const w = withheld(cells);
    expect(w).toContain('A15_24');
    expect(w.some((id) => id === 'A25_44' || id === 'A45_64')).toBe(true);
    expect((await narrowestFor(cells)).disclosed).toEqual([]);
  });

  it('an agency that knows its own withheld cell cannot subtract the other one (Sahneh\'s case): a third region is withheld', async () => {
    // Province 146 = R09 3 (agency 9) + R14 3 (agency 14) + R02 40 (agency 2) + R01 100 (agency 1).
    const cells = [
      cell('P', 146, { region: 'P', parent: null, owner: 100 }),
      cell('R09', 3, { region: 'R09', parent: 'P', owner: 9 }), cell('R14', 3, { region: 'R14', parent: 'P', owner: 14 }),
      cell('R02', 40, { region: 'R02', parent: 'P', owner: 2 }), cell('R01', 100, { region: 'R01', parent: 'P', owner: 1 }),
    ];
    // By hand: agency 9 knows R09 = 3, so R14 + R02 = 43 and R14 lies in 0..43; agency 2 knows R02 = 40, so R09 + R14 = 6: 0..6.
    expect(withheld(cells)).toEqual(['R02', 'R09', 'R14']);
    const { disclosed, narrowest } = await narrowestFor(cells);
    expect(disclosed).toEqual([]);
    expect(narrowest).toBe(6);
  });

  it('sets that overlap (sex × region) are protected together', async () => {
    // Two counties and their province, by sex: county A female is small.
    const cells = [
      cell('P', 100, { region: 'P', parent: null, owner: 100 }), cell('PF', 45, { region: 'P', parent: null, sex: 'FEMALE', owner: 100 }), cell('PM', 55, { region: 'P', parent: null, sex: 'MALE', owner: 100 }),
      cell('A', 30, { region: 'A', parent: 'P', owner: 1 }), cell('AF', 2, { region: 'A', parent: 'P', sex: 'FEMALE', owner: 1 }), cell('AM', 28, { region: 'A', parent: 'P', sex: 'MALE', owner: 1 }),
      cell('B', 50, { region: 'B', parent: 'P', owner: 2 }), cell('BF', 33, { region: 'B', parent: 'P', sex: 'FEMALE', owner: 2 }), cell('BM', 17, { region: 'B', parent: 'P', sex: 'MALE', owner: 2 }),
      cell('C', 20, { region: 'C', parent: 'P', owner: 3 }), cell('CF', 10, { region: 'C', parent: 'P', sex: 'FEMALE', owner: 3 }), cell('CM', 10, { region: 'C', parent: 'P', sex: 'MALE', owner: 3 }),
    ];
    const w = withheld(cells);
    expect(w).toEqual(expect.arrayContaining(['AF', 'AM']));
    const { disclosed, narrowest } = await narrowestFor(cells);
    expect(disclosed).toEqual([]);
    expect(narrowest).toBeGreaterThanOrEqual(5);
  });

  it('a value still waiting for approval is never withheld or moved, but its reporter knows it', async () => {
    // R02 is waiting (agency 2 knows 40): the province's relation is exact with it, so R09 needs cover elsewhere than R02.
    const cells = [
      cell('P', 146, { region: 'P', parent: null, owner: 100 }),
      cell('R09', 3, { region: 'R09', parent: 'P', owner: 9 }), cell('R14', 3, { region: 'R14', parent: 'P', owner: 14 }),
      cell('R02', 40, { region: 'R02', parent: 'P', owner: 2, published: false }), cell('R01', 100, { region: 'R01', parent: 'P', owner: 1 }),
    ];
    const w = withheld(cells);
    expect(w).not.toContain('R02');
    expect(w).toEqual(['R01', 'R09', 'R14']);
    expect((await narrowestFor(cells)).disclosed).toEqual([]);
  });
});

describe('small counts through the API', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    // Sahneh, CULTURE_PARTICIPANTS (OPEN): three months of 1405-Q1, one of them small.
    await insertCells(hub, [
      { indicator: 'CULTURE_PARTICIPANTS', region: 'KSH-09', period: '1405-01', value: 3, agency: 'AG-CG-09' },
      { indicator: 'CULTURE_PARTICIPANTS', region: 'KSH-09', period: '1405-02', value: 40, agency: 'AG-CG-09' },
      { indicator: 'CULTURE_PARTICIPANTS', region: 'KSH-09', period: '1405-03', value: 50, agency: 'AG-CG-09' },
      { indicator: 'CULTURE_PARTICIPANTS', region: 'KSH-01', period: '1405-01', value: 900, agency: 'AG-CG-01' },
      // Sex split of Sahneh's DV reports: female small, male visible otherwise.
      { indicator: 'DV_REPORTS', region: 'KSH-09', period: '1405-01', value: 30, agency: 'AG-CG-09' },
      { indicator: 'DV_REPORTS', region: 'KSH-09', period: '1405-01', sex: 'FEMALE', value: 2, agency: 'AG-CG-09' },
      { indicator: 'DV_REPORTS', region: 'KSH-09', period: '1405-01', sex: 'MALE', value: 28, agency: 'AG-CG-09' },
    ]);
  });
  afterAll(() => hub?.close());

  const culture = (as?: string) =>
    hub.gql(ObservationsDocument, { filter: { indicators: ['CULTURE_PARTICIPANTS'], within: 'KSH-09', from: '1405-01', to: '1405-01' } }, as ? { as } : {});

  it('the public and partners get null and suppressed: true; the reporting agency and the deputy get the value', async () => {
    for (const as of [undefined, 'member@mehrafarin.ngo.example', 'analyst@sca.kermanshah.example', 'dg@sca.kermanshah.example', 'steward@cg-kermanshah.kermanshah.example']) {
      const r = await culture(as);
      expect(r.data!.observations.nodes.map((o) => [o.value, o.suppressed]), String(as)).toEqual([[null, true]]);
    }
    for (const as of ['steward@cg-sahneh.kermanshah.example', 'harm.deputy@sca.kermanshah.example']) {
      expect((await culture(as)).data!.observations.nodes.map((o) => [o.value, o.suppressed]), as).toEqual([[3, false]]);
    }
  });

  it('secondary suppression reaches the API: the male count goes with the small female count', async () => {
    const r = await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'], within: 'KSH-09', from: '1405-01', to: '1405-01' } }, { as: 'dg@sca.kermanshah.example' });
    const bySex = Object.fromEntries(r.data!.observations.nodes.map((o) => [o.sex, [o.value, o.suppressed]]));
    expect(bySex).toEqual({ TOTAL: [30, false], FEMALE: [null, true], MALE: [null, true] });
  });

  it('an aggregate built from a withheld cell is withheld too (a quarter holding a small month)', async () => {
    const input = { indicators: ['CULTURE_PARTICIPANTS'], level: 'COUNTY' as const, granularity: 'QUARTER' as const, from: '1405-Q1', to: '1405-Q1', regions: ['KSH-09', 'KSH-01'] };
    const pub = await hub.gql(IndicatorSeriesDocument, { input });
    const byRegion = Object.fromEntries(pub.data!.indicatorSeries.map((s) => [s.region.code, s]));
    expect(byRegion['KSH-09']).toMatchObject({ value: null, suppressed: true, ratePer10k: null, cells: 3 });
    expect(byRegion['KSH-01']).toMatchObject({ value: 900, suppressed: false });
    const deputy = await hub.gql(IndicatorSeriesDocument, { input }, { as: 'harm.deputy@sca.kermanshah.example' });
    expect(deputy.data!.indicatorSeries.find((s) => s.region.code === 'KSH-09')).toMatchObject({ value: 93, suppressed: false });
  });
});
