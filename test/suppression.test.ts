import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCells, type Cell } from '../src/modules/harm/suppression';
import { IndicatorSeriesDocument, ObservationsDocument } from '../schema/client/graphql';
import { insertCells } from './support/harm-fixtures';
import { startTestHub, type TestHub } from './support/hub';

let n = 0;
/** A cell with defaults: indicator 1, region 10 (parent 1), period 1404-01, totals, k = 5. */
const cell = (value: number, over: Partial<Cell> = {}): Cell => ({
  id: over.id ?? `c${++n}`, indicatorId: 1, regionId: 10, parentRegionId: 1, periodCode: '1404-01', sex: 'TOTAL' as Cell['sex'], ageGroup: 'TOTAL' as Cell['ageGroup'], value, k: 5, ...over,
});
const ids = (s: Set<string>) => [...s].sort();

describe('small-cell protection, hand-built cases', () => {
  it('primary: 1..k−1 withheld; 0 and k shown; k is per indicator', () => {
    const cells = [cell(0, { id: 'zero' }), cell(1, { id: 'one', regionId: 11 }), cell(4, { id: 'four', regionId: 12 }), cell(5, { id: 'five', regionId: 13 }),
      cell(7, { id: 'k10', regionId: 14, k: 10 })];
    expect(ids(smallCells(cells))).toEqual(['four', 'k10', 'one']);
  });

  it('sexes: a lone small cell beside a visible total takes the other sex with it', () => {
    const cells = [cell(40, { id: 'T' }), cell(3, { id: 'F', sex: 'FEMALE' as Cell['sex'] }), cell(37, { id: 'M', sex: 'MALE' as Cell['sex'] })];
    expect(ids(smallCells(cells))).toEqual(['F', 'M']);
  });

  it('age groups: the next smallest group is withheld, not a bigger one', () => {
    const ages = ['A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS'] as const;
    const values = [2, 30, 20, 8, 40];
    const cells = [cell(100, { id: 'T' }), ...ages.map((a, i) => cell(values[i], { id: a, ageGroup: a as Cell['ageGroup'] }))];
    expect(ids(smallCells(cells))).toEqual(['A0_14', 'A45_64']);
  });

  it('two small cells in a set protect each other: nothing more is withheld', () => {
    const ages = ['A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS'] as const;
    const values = [1, 2, 30, 10, 7];
    const cells = [cell(50, { id: 'T' }), ...ages.map((a, i) => cell(values[i], { id: a, ageGroup: a as Cell['ageGroup'] }))];
    expect(ids(smallCells(cells))).toEqual(['A0_14', 'A15_24']);
  });

  it('regions: a parent total minus its listed children would give a child away', () => {
    const cells = [cell(60, { id: 'P', regionId: 1, parentRegionId: null }), cell(3, { id: 'A', regionId: 10, siblings: 3 }), cell(20, { id: 'B', regionId: 11, siblings: 3 }), cell(37, { id: 'C', regionId: 12, siblings: 3 })];
    expect(ids(smallCells(cells))).toEqual(['A', 'B']);
  });

  it('chains across sets until nothing changes', () => {
    // County 10: total 40 = F 3 + M 37. Province 1 male total 100 = county 10 male 37 + county 11 male 63.
    const cells = [
      cell(40, { id: 'T10' }), cell(3, { id: 'F10', sex: 'FEMALE' as Cell['sex'] }), cell(37, { id: 'M10', sex: 'MALE' as Cell['sex'], siblings: 2 }),
      cell(100, { id: 'M1', regionId: 1, parentRegionId: null, sex: 'MALE' as Cell['sex'] }),
      cell(63, { id: 'M11', regionId: 11, sex: 'MALE' as Cell['sex'], siblings: 2 }),
    ];
    expect(ids(smallCells(cells))).toEqual(['F10', 'M10', 'M11']);
  });

  it('a withheld total whose parts are all shown: one part is withheld so the sum does not give it away', () => {
    // Province 100 = A 3 + B 97 → B withheld beside A; B = F 50 + M 47 → M withheld.
    const cells = [
      cell(100, { id: 'P', regionId: 1, parentRegionId: null }),
      cell(3, { id: 'A', regionId: 10, siblings: 2 }), cell(97, { id: 'B', regionId: 11, siblings: 2 }),
      cell(50, { id: 'BF', regionId: 11, sex: 'FEMALE' as Cell['sex'], siblings: 2 }), cell(47, { id: 'BM', regionId: 11, sex: 'MALE' as Cell['sex'], siblings: 2 }),
    ];
    expect(ids(smallCells(cells))).toEqual(['A', 'B', 'BM']);
  });

  it('rates, percentages and amounts are not counts of people: never withheld', () => {
    const cells = [cell(3, { id: 'rate', isCount: false }), cell(2, { id: 'count', regionId: 11 })];
    expect(ids(smallCells(cells))).toEqual(['count']);
  });

  it('different periods and indicators never mix', () => {
    const cells = [cell(40, { id: 'T' }), cell(3, { id: 'F', sex: 'FEMALE' as Cell['sex'] }), cell(37, { id: 'M-other-month', sex: 'MALE' as Cell['sex'], periodCode: '1404-02' })];
    expect(ids(smallCells(cells))).toEqual(['F']);
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
