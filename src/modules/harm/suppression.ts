import type { EntityManager } from '@mikro-orm/postgresql';
import { protectTable, PROTECTION_METHOD, type TableCell } from './disclosure';
import type { AgeGroup, Sex } from './harm.enums';

export interface TableRef {
  indicatorId: number;
  periodCode: string;
}

export interface RefreshResult {
  tables: number;
  /** Rows whose flag changed. */
  changed: number;
  /** Small counts that could not be certified to k against an agency reporting cells of their table. */
  uncertified: number;
}

interface Row {
  id: string;
  indicator_id: number;
  period_code: string;
  region: string;
  path: string;
  sex: Sex;
  age_group: AgeGroup;
  raw_value: number;
  owner: number;
  is_published: boolean;
  small_cell: boolean;
  k: number;
  unit: string;
}

/**
 * Recomputes the small-count pattern (`small_cell`) of whole tables (indicator × period), in one
 * read and one write inside the caller's transaction. A table's cells are its published values
 * and the values still waiting for approval of cells that have none published (their reporters
 * know them, so the pattern must hold against them too). Only counts are protected.
 */
export async function refreshSmallCells(em: EntityManager, tables: ReadonlyArray<TableRef>): Promise<RefreshResult> {
  const unique = [...new Map(tables.map((t) => [`${t.indicatorId}|${t.periodCode}`, t])).values()];
  if (!unique.length) return { tables: 0, changed: 0, uncertified: 0 };
  const rows = await em.execute<Row[]>(
    `select o.id, o.indicator_id, o.period_code, r.code as region, r.path, o.sex, o.age_group, o.raw_value, o.reporting_agency_id as owner,
            o.is_published, o.small_cell, i.suppression_k as k, i.unit
       from observation o join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id
       join jsonb_to_recordset(?::jsonb) as p(indicator_id int, period_code text) on p.indicator_id = o.indicator_id and p.period_code = o.period_code
      where o.is_published or (o.is_current and o.status in ('DRAFT', 'SUBMITTED'))`,
    [JSON.stringify(unique.map((t) => ({ indicator_id: t.indicatorId, period_code: t.periodCode })))],
  );
  const byTable = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.indicator_id}|${r.period_code}`;
    let list = byTable.get(key);
    if (!list) byTable.set(key, (list = []));
    list.push(r);
  }
  const flags = new Map<string, boolean>();
  const patterns: Array<{ indicator_id: number; period_code: string; withheld: number; uncertified: number }> = [];
  for (const t of unique) {
    const list = byTable.get(`${t.indicatorId}|${t.periodCode}`) ?? [];
    const { withheld, uncertified } = protectRows(list);
    for (const r of list) flags.set(String(r.id), withheld.has(String(r.id)));
    patterns.push({ indicator_id: t.indicatorId, period_code: t.periodCode, withheld: withheld.size, uncertified });
  }
  const changes = rows.filter((r) => flags.get(String(r.id)) !== r.small_cell);
  if (changes.length) {
    await em.execute(
      `update observation o set small_cell = c.flag from jsonb_to_recordset(?::jsonb) as c(id bigint, flag boolean) where o.id = c.id`,
      [JSON.stringify(changes.map((r) => ({ id: String(r.id), flag: flags.get(String(r.id)) })))],
    );
  }
  await em.execute(
    `insert into small_count_pattern (indicator_id, period_code, method, withheld, uncertified, computed_at)
     select p.indicator_id, p.period_code, ?, p.withheld, p.uncertified, now()
       from jsonb_to_recordset(?::jsonb) as p(indicator_id int, period_code text, withheld int, uncertified int)
     on conflict (indicator_id, period_code) do update
       set method = excluded.method, withheld = excluded.withheld, uncertified = excluded.uncertified, computed_at = excluded.computed_at`,
    [PROTECTION_METHOD, JSON.stringify(patterns)],
  );
  return { tables: unique.length, changed: changes.length, uncertified: patterns.reduce((s, p) => s + p.uncertified, 0) };
}

/** The pattern of one table's rows: published and pending rows as read above (pending ones of published cells are left out). */
function protectRows(list: readonly Row[]): { withheld: Set<string>; uncertified: number } {
  if (!list.length || list[0].unit !== 'COUNT') return { withheld: new Set(), uncertified: 0 };
  const key = (r: Row) => `${r.region}|${r.sex}|${r.age_group}`;
  const published = new Set(list.filter((r) => r.is_published).map(key));
  const cells: TableCell[] = list
    .filter((r) => r.is_published || !published.has(key(r)))
    .map((r) => ({
      id: String(r.id), region: r.region, path: r.path, sex: r.sex, ageGroup: r.age_group, value: Number(r.raw_value),
      owner: r.owner, published: r.is_published,
    }));
  const p = protectTable(cells, list[0].k);
  return { withheld: p.withheld, uncertified: new Set(p.unprotected.map((u) => u.id)).size };
}

/**
 * Tables whose pattern was computed by an older method, or never (after an upgrade), computed again
 * in batches. Run at start, before the hub serves anything.
 */
export async function refreshStalePatterns(em: EntityManager, batch = 200): Promise<RefreshResult> {
  const total: RefreshResult = { tables: 0, changed: 0, uncertified: 0 };
  for (;;) {
    const stale = await em.execute<Array<{ indicator_id: number; period_code: string }>>(
      `select distinct o.indicator_id, o.period_code
         from observation o
         left join small_count_pattern s on s.indicator_id = o.indicator_id and s.period_code = o.period_code and s.method = ?
        where o.is_published and s.indicator_id is null
        limit ?`,
      [PROTECTION_METHOD, batch],
    );
    if (!stale.length) return total;
    const r = await em.transactional((tx) => refreshSmallCells(tx, stale.map((s) => ({ indicatorId: s.indicator_id, periodCode: s.period_code }))));
    total.tables += r.tables;
    total.changed += r.changed;
    total.uncertified += r.uncertified;
  }
}
