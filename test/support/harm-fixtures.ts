import type { TestHub } from './hub';

export interface FixtureCell {
  indicator: string;
  region: string;
  period: string;
  value: number;
  agency: string;
  status?: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED';
  sex?: 'TOTAL' | 'FEMALE' | 'MALE';
  ageGroup?: 'TOTAL' | 'A0_14' | 'A15_24' | 'A25_44' | 'A45_64' | 'A65_PLUS';
  note?: string;
}

/**
 * Writes observations straight to the database (reading tests need exact cells, not the batch
 * mutation's checks), entered by a member of the reporting agency, approved by the monitoring
 * deputy where APPROVED; then recomputes small-cell flags as approval would.
 */
export async function insertCells(hub: TestHub, cells: FixtureCell[]): Promise<string[]> {
  const rows = await hub.sql<{ id: string }>(
    `insert into observation (indicator_id, region_id, period_code, sex, age_group, raw_value, note, reporting_agency_id, entered_by_id,
                              status, reviewed_by_id, reviewed_at, version, is_current, is_published, small_cell)
     select i.id, r.id, e.j->>'period', (e.j->>'sex')::sex, (e.j->>'age')::age_group, (e.j->>'value')::float8, e.j->>'note', a.id,
            (select m.person_id from membership m where m.agency_id = a.id order by m.id limit 1),
            (e.j->>'status')::observation_status,
            case when e.j->>'status' = 'APPROVED' then (select id from person where email = 'harm.deputy@sca.kermanshah.example') end,
            case when e.j->>'status' = 'APPROVED' then now() end, 1, true, e.j->>'status' = 'APPROVED', false
       from jsonb_array_elements(?::jsonb) with ordinality as e(j, ord)
       join indicator i on i.code = e.j->>'indicator' join region r on r.code = e.j->>'region' join agency a on a.code = e.j->>'agency'
      order by e.ord
     returning id`,
    [JSON.stringify(cells.map((c) => ({
      indicator: c.indicator, region: c.region, period: c.period, sex: c.sex ?? 'TOTAL', age: c.ageGroup ?? 'TOTAL', value: c.value,
      note: c.note ?? null, agency: c.agency, status: c.status ?? 'APPROVED',
    })))],
  );
  if (rows.length !== cells.length) throw new Error(`fixture: ${cells.length - rows.length} cell(s) name unknown codes`);
  await refreshAll(hub);
  return rows.map((r) => String(r.id));
}

/** Recomputes the small-count pattern of every table (indicator × period) with published or pending cells. */
export async function refreshAll(hub: TestHub): Promise<void> {
  const { refreshSmallCells } = await import('../../src/modules/harm/suppression');
  const em = hub.orm.em.fork();
  const pairs = await em.getConnection().execute<Array<{ indicator_id: number; period_code: string }>>(
    `select distinct indicator_id, period_code from observation where is_published or (is_current and status in ('DRAFT', 'SUBMITTED'))`,
  );
  await em.transactional((tx) => refreshSmallCells(tx, pairs.map((p) => ({ indicatorId: p.indicator_id, periodCode: p.period_code }))));
}
