/**
 * The three operations of `npm run bench`, each with the same data fetched by hand-written SQL
 * (the floor). Read from the benchmark database, so the load script and the floor server agree.
 */
import type pg from 'pg';

export interface BenchOp {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The same data by hand: SQL through node-postgres, to JSON. */
  floor: (db: pg.Pool) => Promise<unknown>;
}

export async function benchOps(db: pg.Pool | pg.Client): Promise<BenchOp[]> {
  const q = <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => db.query<T>(sql, params).then((r) => r.rows);
  const [{ month }] = await q<{ month: string }>(`select max(period_code) as month from observation o join jalali_period p on p.code = o.period_code where p.type = 'MONTH' and o.status = 'APPROVED'`);
  const year = Number(month.slice(0, 4));
  const monthly = (await q<{ code: string }>(`select code from indicator where period_type = 'MONTH' order by code`)).map((r) => r.code);
  const [{ code: indicator, id: indicatorId }] = await q<{ code: string; id: number }>(
    `select i.code, i.id from indicator i join observation o on o.indicator_id = i.id join region r on r.id = o.region_id
      where r.level = 'NEIGHBOURHOOD' and i.period_type = 'MONTH' group by 1, 2 order by count(*) desc limit 1`,
  );
  const neighbourhoods = (await q<{ code: string }>(
    `select distinct r.code from region r join observation o on o.region_id = r.id where r.level = 'NEIGHBOURHOOD' and o.indicator_id = $1 order by 1 limit 100`, [indicatorId],
  )).map((r) => r.code);

  return [
    {
      name: `(a) one county, latest month (${month}), all indicators with details`,
      query: `query CountyLatest($county: String!, $month: String!) {
        observations(filter: { within: $county, levels: [COUNTY], from: $month, to: $month, sex: TOTAL, ageGroup: TOTAL }, first: 100) {
          nodes { value suppressed status indicator { code nameFa nameEn unit sensitivity category { code nameFa } } period { code labelFa } }
        }
      }`,
      variables: { county: 'KSH-09', month },
      floor: (db) => db.query(
        `select case when o.small_cell then null else o.raw_value end as value, o.small_cell as suppressed, o.status,
                json_build_object('code', i.code, 'nameFa', i.name_fa, 'nameEn', i.name_en, 'unit', i.unit, 'sensitivity', i.sensitivity,
                                  'category', json_build_object('code', c.code, 'nameFa', c.name_fa)) as indicator,
                json_build_object('code', p.code, 'labelFa', p.label_fa) as period
           from observation o join indicator i on i.id = o.indicator_id join harm_category c on c.id = i.category_id
           join region r on r.id = o.region_id join jalali_period p on p.code = o.period_code
          where r.code = $1 and o.period_code = $2 and o.sex = 'TOTAL' and o.age_group = 'TOTAL' and o.is_current and o.status = 'APPROVED'
          order by o.id limit 100`, ['KSH-09', month]).then((r) => r.rows),
    },
    {
      name: `(b) 14 counties: latest-month totals of ${monthly.length} indicators, regions two levels down`,
      query: `query Province($month: String!, $indicators: [String!]!) {
        regions(level: COUNTY, first: 14) { nodes { code nameFa children { code nameFa children { code nameFa } } } }
        indicatorSeries(input: { indicators: $indicators, level: COUNTY, granularity: MONTH, from: $month, to: $month }) {
          region { code } indicator { code } value suppressed
        }
      }`,
      variables: { month, indicators: monthly },
      floor: async (db) => {
        const regions = await db.query(
          `select c.code, c.name_fa, coalesce((select json_agg(json_build_object('code', k.code, 'nameFa', k.name_fa,
                    'children', coalesce((select json_agg(json_build_object('code', g.code, 'nameFa', g.name_fa) order by g.code) from region g where g.parent_id = k.id), '[]'))
                    order by k.code) from region k where k.parent_id = c.id), '[]') as children
             from region c where c.level = 'COUNTY' order by c.id limit 14`);
        const values = await db.query(
          `select r.code as region, i.code as indicator, sum(o.raw_value) as value, bool_or(o.small_cell) as suppressed
             from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id
            where i.code = any($1) and r.level = 'COUNTY' and o.period_code = $2 and o.sex = 'TOTAL' and o.age_group = 'TOTAL' and o.is_current and o.status = 'APPROVED'
            group by 1, 2 order by 2, 1`, [monthly, month]);
        return { regions: regions.rows, values: values.rows };
      },
    },
    {
      name: `(c) ${neighbourhoods.length} neighbourhoods × 12 months of ${indicator} (${year})`,
      query: `query Neighbourhoods($indicator: String!, $regions: [String!], $from: String!, $to: String!) {
        indicatorSeries(input: { indicators: [$indicator], level: NEIGHBOURHOOD, regions: $regions, granularity: MONTH, from: $from, to: $to }) {
          region { code } period { code } value suppressed
        }
      }`,
      variables: { indicator, regions: neighbourhoods, from: `${year}-01`, to: `${year}-12` },
      floor: (db) => db.query(
        `select r.code as region, o.period_code as period, case when o.small_cell then null else o.raw_value end as value, o.small_cell as suppressed
           from observation o join region r on r.id = o.region_id join jalali_period p on p.code = o.period_code
          where o.indicator_id = $1 and r.code = any($2) and p.year = $3 and o.sex = 'TOTAL' and o.age_group = 'TOTAL' and o.is_current and o.status = 'APPROVED'
          order by 1, 2`, [indicatorId, neighbourhoods, year]).then((r) => r.rows),
    },
  ];

}
