import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorSeriesDocument, ObservationsDocument, RegionDocument, SeriesChangeByFragmentDocument, SeriesValuesOnlyDocument } from '../schema/client/graphql';
import { insertCells, type FixtureCell } from './support/harm-fixtures';
import { codes, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
const DG = { as: 'dg@sca.kermanshah.example' };
// DV_REPORTS for Kermanshah county: value(y, m) = (y − 1400) × 100 + 10 m, for 1403 and 1404.
const value = (y: number, m: number) => (y - 1400) * 100 + 10 * m;

beforeAll(async () => {
  hub = await startTestHub();
  const cells: FixtureCell[] = [];
  for (const y of [1403, 1404]) {
    for (let m = 1; m <= 12; m++) {
      cells.push({ indicator: 'DV_REPORTS', region: 'KSH-01', period: `${y}-${String(m).padStart(2, '0')}`, value: value(y, m), agency: 'AG-CG-01' });
      cells.push({ indicator: 'DV_REPORTS', region: 'KSH-09', period: `${y}-${String(m).padStart(2, '0')}`, value: 20, agency: 'AG-CG-09' });
    }
  }
  await insertCells(hub, cells);
});
afterAll(() => hub?.close());

const series = (input: Record<string, unknown>, opts = DG) =>
  hub.gql(IndicatorSeriesDocument, { input: { indicators: ['DV_REPORTS'], level: 'COUNTY', granularity: 'QUARTER', from: '1404-Q1', to: '1404-Q4', ...input } as never }, opts);

describe('live statistics by Jalali period', () => {
  it('sums months into Jalali quarters, with the previous quarter and the same quarter a year before', async () => {
    const r = await series({ regions: ['KSH-01'] });
    expect(r.errors).toBeUndefined();
    const q1 = r.data!.indicatorSeries[0];
    expect(r.data!.indicatorSeries.map((p) => p.period.code)).toEqual(['1404-Q1', '1404-Q2', '1404-Q3', '1404-Q4']);
    // 1404-Q1 = 410 + 420 + 430; 1403-Q4 = 400 + 410 + 420; 1403-Q1 = 310 + 320 + 330.
    expect(q1).toMatchObject({ value: 1260, cells: 3, previous: 1230, changeFromPrevious: 30, changeFromPreviousPercent: 2.44, lastYear: 960, changeFromLastYear: 300, changeFromLastYearPercent: 31.25 });
    expect(q1.period).toMatchObject({ startDate: '2025-03-21', endDate: '2025-06-21', labelFa: 'سه‌ماهه اول ۱۴۰۴' });
  });

  it('gives rates per 10,000 population', async () => {
    const pop = (await hub.gql(RegionDocument, { code: 'KSH-01' })).data!.region!.population!;
    const q1 = (await series({ regions: ['KSH-01'] })).data!.indicatorSeries[0];
    expect(q1.population).toBe(pop);
    expect(q1.ratePer10k).toBeCloseTo((1260 / pop) * 10_000, 2);
  });

  it('by year and by month, across Nowruz', async () => {
    const years = await series({ granularity: 'YEAR', from: '1404', to: '1404', regions: ['KSH-01'] });
    // 1404: 12 × 400 + 10 × (1 + … + 12) = 5580; 1403: 4380.
    expect(years.data!.indicatorSeries[0]).toMatchObject({ value: 5580, lastYear: 4380, previous: 4380, cells: 12 });
    const months = await series({ granularity: 'MONTH', from: '1404-01', to: '1404-02', regions: ['KSH-01'] });
    expect(months.data!.indicatorSeries.map((p) => [p.period.code, p.value, p.previous, p.lastYear])).toEqual([
      ['1404-01', 410, 420, 310],
      ['1404-02', 420, 410, 320],
    ]);
    // A month of a monthly indicator is its one current value (read without summing).
    expect(months.data!.indicatorSeries.map((p) => p.cells)).toEqual([1, 1]);
  });

  it('by county across the province, in one statement for the series', async () => {
    const r = await series({ within: 'KSH' });
    const regions = [...new Set(r.data!.indicatorSeries.map((p) => p.region.code))];
    expect(regions).toEqual(['KSH-01', 'KSH-09']);
    expect(r.data!.indicatorSeries.find((p) => p.region.code === 'KSH-09' && p.period.code === '1404-Q2')!.value).toBe(60);
    const one = await series({ within: 'KSH-01' });
    expect(one.data!.indicatorSeries.every((p) => p.region.code === 'KSH-01')).toBe(true);
    expect(r.extensions!.sqlStatements).toBe(one.extensions!.sqlStatements);
  });

  it('computes comparisons only when asked, with the same values either way (fragments included)', async () => {
    const input = { indicators: ['DV_REPORTS'], level: 'COUNTY', granularity: 'MONTH', from: '1404-01', to: '1404-12' } as never;
    const full = await hub.gql(IndicatorSeriesDocument, { input }, DG);
    const lean = await hub.gql(SeriesValuesOnlyDocument, { input }, DG);
    expect(full.errors).toBeUndefined();
    expect(lean.errors).toBeUndefined();
    expect(lean.data!.indicatorSeries).toHaveLength(24);
    expect(lean.data!.indicatorSeries.map((p) => [p.region.code, p.period.code, p.value, p.suppressed, p.cells])).toEqual(
      full.data!.indicatorSeries.map((p) => [p.region.code, p.period.code, p.value, p.suppressed, p.cells]),
    );
    // The first month of the range still finds the year before when a fragment asks for it.
    const viaFragment = await hub.gql(SeriesChangeByFragmentDocument, { input: { ...(input as object), regions: ['KSH-01'] } as never }, DG);
    expect(viaFragment.errors).toBeUndefined();
    expect(viaFragment.data!.indicatorSeries[0]).toMatchObject({ period: { code: '1404-01' }, value: value(1404, 1), lastYear: value(1403, 1) });
  });

  it('serves an indicator defined after the in-memory catalogue was read, in series and observation pages', async () => {
    expect((await series({ regions: ['KSH-01'] })).errors).toBeUndefined(); // the catalogue is read now
    await hub.sql(
      `insert into indicator (code, name_fa, name_en, category_id, unit, sensitivity, suppression_k, finest_level, period_type, reporter_kinds, per10k, created_at, updated_at)
       select 'DV_NEW', 'شاخص تازه', 'A new indicator', category_id, unit, sensitivity, suppression_k, finest_level, period_type, reporter_kinds, per10k, now(), now()
         from indicator where code = 'DV_REPORTS'`,
    );
    await insertCells(hub, [{ indicator: 'DV_NEW', region: 'KSH-01', period: '1404-01', value: 42, agency: 'AG-CG-01' }]);
    const r = await series({ indicators: ['DV_NEW'], regions: ['KSH-01'], granularity: 'MONTH', from: '1404-01', to: '1404-01' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.indicatorSeries).toMatchObject([{ indicator: { code: 'DV_NEW' }, value: 42 }]);
    const page = await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_NEW'] } } as never, DG);
    expect(page.errors).toBeUndefined();
    expect(page.data!.observations.nodes.map((n) => [n.indicator.code, n.value])).toEqual([['DV_NEW', 42]]);
  });

  it('refuses what cannot be answered, clearly', async () => {
    expect(codes(await series({ granularity: 'QUARTER', from: '1404-01', to: '1404-03' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await series({ indicators: ['NOPE'] }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await series({ indicators: Array.from({ length: 51 }, () => 'DV_REPORTS') }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await series({ indicators: Array.from({ length: 50 }, () => 'DV_REPORTS') }))).toEqual([]);
    expect(codes(await series({ indicators: ['NGO_ACTIVE'], granularity: 'MONTH', from: '1404-01', to: '1404-02' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await series({ from: '1404-Q4', to: '1404-Q1' }))).toEqual(['BAD_USER_INPUT']);
  });
});
