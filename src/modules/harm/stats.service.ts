import { BadInputError } from '../../common/errors';
import { parsePeriod, periodBounds, PeriodType, previousPeriod, sameLastYear } from '../../common/jalali';
import { observationGrant, seesSmallCounts } from '../../policy/harm-policy';
import { publishedScopeSql } from '../../policy/harm-scope';
import type { Context } from '../../server/context';
import { regionOf, subtreeSql } from '../region/region.service';
import { readRows } from '../../db/sql';
import { JalaliPeriod, periodOf, periodWithinSql } from '../period/period.entity';
import type { RegionLevel } from '../region/region.entity';
import type { RegionView } from '../region/region-directory';
import { IndicatorUnit, Sensitivity } from './harm.enums';
import { Indicator } from './harm.entity';
import type { SeriesInput } from './harm.inputs';

export interface SeriesPointData {
  indicator: Indicator;
  region: RegionView;
  period: JalaliPeriod;
  value: number | null;
  suppressed: boolean;
  cells: number;
  population: number | null;
  ratePer10k: number | null;
  previous: number | null;
  changeFromPrevious: number | null;
  changeFromPreviousPercent: number | null;
  lastYear: number | null;
  changeFromLastYear: number | null;
  changeFromLastYearPercent: number | null;
  /** The policy grant this point was served under (checked again by the field rules). */
  grant: string;
}

const RANK: Record<PeriodType, number> = { MONTH: 0, QUARTER: 1, YEAR: 2 };

/** One (indicator, region) of the answer, with its points in period order. */
interface GroupRow {
  indicator_id: number;
  region_id: number;
  indicator_code: string;
  region_code: string;
  unit: IndicatorUnit;
  k: number;
  per10k: boolean;
  sensitivity: Sensitivity;
  category_code: string;
  region_path: string;
  region_level: RegionLevel;
  population: number | null;
  /** [bucket, value, hidden, all_own, cells, reporting agency (null when several)], buckets in order */
  points: Array<[string, number, boolean, boolean, number, number | null]>;
}

/**
 * Indicator values by region and Jalali month, quarter or year, computed live by the database from
 * approved observations the caller may see: counts and amounts are summed, rates and percentages
 * averaged, with change against the previous period and the same period a year before. A bucket is
 * withheld where any of its cells is withheld from the caller, or where its total is a small count.
 */
export async function indicatorSeries(ctx: Context, input: SeriesInput, opts: { comparisons: boolean } = { comparisons: true }): Promise<SeriesPointData[]> {
  const { viewer } = ctx;
  const from = parsePeriod(input.from, 'from');
  const to = parsePeriod(input.to, 'to');
  if (from.type !== input.granularity || to.type !== input.granularity) {
    throw BadInputError.field('from', `from and to must be ${input.granularity} periods, e.g. ${input.granularity === PeriodType.MONTH ? '1403-01' : input.granularity === PeriodType.QUARTER ? '1403-Q1' : '1403'}`);
  }
  const fromB = periodBounds(from);
  const toB = periodBounds(to);
  if (fromB.start > toB.end) throw BadInputError.field('to', 'must not be before from');
  const catalogue = await ctx.catalogue();
  const indicators = (
    await Promise.all([...new Set(input.indicators)].map((code): Indicator | Promise<Indicator | null> => catalogue.indicatorsByCode.get(code) ?? ctx.em.findOne(Indicator, { code })))
  ).filter((i): i is Indicator => i !== null);
  const missing = input.indicators.filter((c) => !indicators.some((i) => i.code === c));
  if (missing.length) throw BadInputError.field('indicators', `unknown indicator(s): ${missing.join(', ')}`);
  for (const ind of indicators) {
    if (RANK[ind.periodType] > RANK[input.granularity]) {
      throw BadInputError.field('granularity', `${ind.code} is reported per ${ind.periodType}; ask for ${ind.periodType} or coarser`);
    }
  }
  // A year and a period earlier than `from`, for the comparisons (when asked for): read with the
  // rest and matched in one pass below, not joined in SQL.
  const extendedStart = opts.comparisons ? periodBounds(parsePeriod(sameLastYear(previousPeriod(from.code)))).start : fromB.start;
  const agreements = await ctx.loaders.agreementsOfViewer();
  const scope = publishedScopeSql(viewer, agreements);
  const own = viewer.membership ? (seesSmallCounts(viewer, -1) ? 'true' : `(o.reporting_agency_id = ${Number(viewer.membership.agencyId)})`) : 'false';
  const bucketCol = input.granularity === PeriodType.MONTH ? 'p.code' : input.granularity === PeriodType.QUARTER ? 'p.quarter_code' : 'p.year_code';
  const extra: string[] = [];
  const extraParams: unknown[] = [];
  if (input.within) {
    const within = subtreeSql('r', input.within);
    extra.push(within.sql);
    extraParams.push(...within.params);
  }
  if (input.regions?.length) {
    extra.push('r.code in (?)');
    extraParams.push(input.regions);
  }
  const periods = periodWithinSql('o.period_code', extendedStart, toB.end);
  // Every indicator reported per the granularity asked for (the usual case): a bucket is one row,
  // the cell's one current value, so there is nothing to sum and no calendar to join.
  const direct = indicators.every((i) => i.periodType === input.granularity);
  const agg = direct
    ? `agg as (
       select s.indicator_id, s.region_id, s.bucket, s.raw_value as value, s.hidden, s.own as all_own, 1 as cells, s.reporter from scoped s
     )`
    : `agg as (
       select s.indicator_id, s.region_id, s.bucket,
              case when s.unit in ('COUNT', 'AMOUNT') then sum(s.raw_value) else avg(s.raw_value) end as value,
              bool_or(s.hidden) as hidden, bool_and(s.own) as all_own, count(*)::int as cells,
              case when min(s.reporter) = max(s.reporter) then min(s.reporter) end as reporter
         from scoped s
        group by s.indicator_id, s.region_id, s.bucket, s.unit
     )`;
  const groups = await readRows<GroupRow>(ctx.em,
    `with scoped as (
       select o.indicator_id, o.region_id, ${direct ? 'o.period_code' : bucketCol} as bucket, i.unit, o.raw_value, o.small_cell and not ${own} as hidden, ${own} as own,
              o.reporting_agency_id as reporter
         from observation o
         join indicator i on i.id = o.indicator_id
         join harm_category c on c.id = i.category_id
         join region r on r.id = o.region_id
         ${direct ? '' : 'join jalali_period p on p.code = o.period_code'}
        where ${scope.sql}
          and i.id in (?) and r.level = ? and o.sex = ? and o.age_group = ?
          and ${periods.sql}
          ${extra.map((e) => `and ${e}`).join(' ')}
     ),
     ${agg},
     -- One row per (indicator, region), its points as JSON: a twelfth of the rows to send and parse.
     -- Bucket codes of one granularity sort in time order (1403-09 < 1403-10, 1403-Q1 < 1403-Q2).
     grouped as (
       select a.indicator_id, a.region_id, json_agg(json_build_array(a.bucket, a.value, a.hidden, a.all_own, a.cells, a.reporter) order by a.bucket) as points
         from agg a
        group by a.indicator_id, a.region_id
     )
     -- Joined after grouping (by integer keys) and put in order by the caller: sorting and grouping
     -- the wide rows here cost PostgreSQL more than all the rest.
     select g.indicator_id, g.region_id, i.code as indicator_code, i.unit, i.suppression_k as k, i.per10k, i.sensitivity,
            c.code as category_code, r.code as region_code, r.path as region_path, r.level as region_level, r.population, g.points
       from grouped g
       join indicator i on i.id = g.indicator_id
       join harm_category c on c.id = i.category_id
       join region r on r.id = g.region_id`,
    [
      ...scope.params, indicators.map((i) => i.id), input.level, input.sex, input.ageGroup, ...periods.params,
      ...extraParams,
    ],
    ctx.reads,
  );
  // By indicator code, then region code (code points: the codes are ASCII).
  groups.sort((a, b) => cmp(a.indicator_code, b.indicator_code) || cmp(a.region_code, b.region_code));
  const regions = await Promise.all([...new Set(groups.map((g) => g.region_id))].map((id) => regionOf(ctx, id)));
  const regionBy = new Map(regions.map((r) => [r.id, r]));
  const indicatorBy = new Map(indicators.map((i) => [i.id, i]));
  const small = (v: number | null, r: GroupRow) => v !== null && r.unit === IndicatorUnit.COUNT && v > 0 && v < r.k;
  const shown = (v: number | null | undefined, hidden: boolean | null | undefined, allOwn: boolean | null | undefined, r: GroupRow): number | null =>
    v === null || v === undefined ? null : allOwn ? Number(v) : hidden || small(Number(v), r) ? null : Number(v);

  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : round(a - b));
  const pct = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : round(((a - b) / b) * 100));
  const points: SeriesPointData[] = [];
  const logged: Array<{ indicatorId: number; sensitivity: Sensitivity; regionCode: string; periodCode: string; grant: string }> = [];
  for (const r of groups) {
    const region = regionBy.get(r.region_id)!;
    // The policy's answer depends on the group, on whether all its cells are the caller's own, and
    // on who reported them (an agreement from an agency other than the provincial governorate
    // covers that agency's own observations only).
    const grantFor = (allOwn: boolean, reporter: number | null) =>
      observationGrant(
        viewer,
        {
          sensitivity: r.sensitivity, level: r.region_level, path: r.region_path, published: true,
          reportingAgencyId: allOwn && viewer.membership ? viewer.membership.agencyId : reporter ?? -1, categoryCode: r.category_code,
        },
        agreements,
      );
    const grants = new Map<string, string | null>();
    const byBucket = new Map(r.points.map((p) => [p[0], p]));
    const grantOf = (p: GroupRow['points'][number]) => {
      const key = `${p[3]}|${p[5]}`;
      if (!grants.has(key)) grants.set(key, grantFor(p[3], p[5]));
      return grants.get(key) ?? null;
    };
    /** A comparison point as the caller may see it: null where it is missing, withheld or not the caller's to see. */
    const compared = (code: string) => {
      const p = byBucket.get(code);
      if (!p || !grantOf(p)) return null;
      const v = shown(p[1], p[2], p[3], r);
      if (v !== null) logged.push({ indicatorId: r.indicator_id, sensitivity: r.sensitivity, regionCode: region.code, periodCode: code, grant: grantOf(p)! });
      return v;
    };
    for (const point of r.points) {
      const [bucket, pointValue, hidden, allOwn, cells] = point;
      if (bucket < from.code) continue;
      const grant = grantOf(point);
      if (!grant) {
        ctx.log.error('access layers disagree: SQL scope returned a series cell the policy refuses; dropped', { requestId: ctx.requestId, indicator: r.indicator_id, region: region.code });
        continue;
      }
      const value = shown(pointValue, hidden, allOwn, r);
      const previous = opts.comparisons ? compared(previousPeriod(bucket)) : null;
      const lastYear = opts.comparisons ? compared(sameLastYear(bucket)) : null;
      points.push({
        indicator: indicatorBy.get(r.indicator_id)!,
        region,
        period: periodOf(bucket),
        value: value === null ? null : round(value),
        suppressed: value === null,
        cells,
        population: r.population,
        ratePer10k: value !== null && r.per10k && r.population ? round((value / r.population) * 10_000) : null,
        previous: previous === null ? null : round(previous),
        changeFromPrevious: diff(value, previous),
        changeFromPreviousPercent: pct(value, previous),
        lastYear: lastYear === null ? null : round(lastYear),
        changeFromLastYear: diff(value, lastYear),
        changeFromLastYearPercent: pct(value, lastYear),
        grant,
      });
      logged.push({ indicatorId: r.indicator_id, sensitivity: r.sensitivity, regionCode: region.code, periodCode: bucket, grant });
    }
  }
  ctx.access.addRows(logged, 'indicatorSeries');
  ctx.access.addRefusals(indicators, logged, { operation: 'indicatorSeries', regionCodes: input.within ? [input.within] : [], periodFrom: from.code, periodTo: to.code });
  return points;
}

const round = (v: number) => Math.round(v * 100) / 100;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
