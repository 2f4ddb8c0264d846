import type { EntityManager } from '@mikro-orm/postgresql';
import { AgeGroup, Sex } from './harm.enums';

/** One approved, current cell, as small-cell protection needs it. */
export interface Cell {
  id: string;
  indicatorId: number;
  regionId: number;
  parentRegionId: number | null;
  periodCode: string;
  sex: Sex;
  ageGroup: AgeGroup;
  value: number;
  k: number;
  /** Number of regions under the same parent (to tell whether a parent's children are all listed). */
  siblings?: number;
  /** False for rates, percentages and amounts: only counts of people are protected. */
  isCount?: boolean;
}

interface CellSet {
  total?: Cell;
  members: Cell[];
  /** Whether every member the total is made of is present (regions: only the listed children). */
  complete: boolean;
}

const AGE_MEMBERS = [AgeGroup.A0_14, AgeGroup.A15_24, AgeGroup.A25_44, AgeGroup.A45_64, AgeGroup.A65_PLUS];
const SEX_MEMBERS = [Sex.FEMALE, Sex.MALE];

/** The sets whose members add up to a total: sexes, age groups, and a parent region's children. */
function additiveSets(cells: Cell[]): CellSet[] {
  const key = (...parts: unknown[]) => parts.join('|');
  const byKey = new Map(cells.map((c) => [key(c.indicatorId, c.regionId, c.periodCode, c.sex, c.ageGroup), c]));
  const groups = new Map<string, CellSet>();
  const add = (k: string, total: Cell | undefined, member: Cell) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { total, members: [], complete: false }));
    g.members.push(member);
  };
  for (const c of cells) {
    if (SEX_MEMBERS.includes(c.sex)) {
      add(key('sex', c.indicatorId, c.regionId, c.periodCode, c.ageGroup), byKey.get(key(c.indicatorId, c.regionId, c.periodCode, Sex.TOTAL, c.ageGroup)), c);
    }
    if (AGE_MEMBERS.includes(c.ageGroup)) {
      add(key('age', c.indicatorId, c.regionId, c.periodCode, c.sex), byKey.get(key(c.indicatorId, c.regionId, c.periodCode, c.sex, AgeGroup.TOTAL)), c);
    }
    if (c.parentRegionId !== null) {
      add(key('region', c.indicatorId, c.parentRegionId, c.periodCode, c.sex, c.ageGroup), byKey.get(key(c.indicatorId, c.parentRegionId, c.periodCode, c.sex, c.ageGroup)), c);
    }
  }
  // A set is complete when all its members are present.
  for (const [k, g] of groups) {
    if (k.startsWith('sex|')) g.complete = g.members.length === SEX_MEMBERS.length;
    else if (k.startsWith('age|')) g.complete = g.members.length === AGE_MEMBERS.length;
    else g.complete = g.members.length === (g.members[0].siblings ?? Infinity);
  }
  return [...groups.values()];
}

const smallest = (cells: Cell[]) => [...cells].sort((a, b) => a.value - b.value || a.id.localeCompare(b.id))[0];

/**
 * Which cells must be withheld from audiences that do not see small counts.
 * Counts only (rates, percentages and amounts identify no one and do not add up). Primary: values
 * from 1 to k−1. Secondary, repeated until nothing changes:
 * - where a set's total is visible, a single withheld member could be recovered by subtraction,
 *   so the smallest other member is withheld too;
 * - where a set's total is withheld but all its members are visible, their sum would give it
 *   away, so the smallest member is withheld.
 * Sets are the sexes and the age groups of a cell, and the children of a region listed with
 * their parent. (Not a full linear-programming audit: chains across overlapping sets are handled
 * by repeating the two rules, which covers the cases tables of this hub produce.)
 */
export function smallCells(allCells: Cell[]): Set<string> {
  const cells = allCells.filter((c) => c.isCount !== false);
  const out = new Set(cells.filter((c) => c.value > 0 && c.value < c.k).map((c) => c.id));
  const sets = additiveSets(cells);
  for (let changed = true, rounds = 0; changed && rounds < 20; rounds++) {
    changed = false;
    for (const s of sets) {
      const withheld = s.members.filter((m) => out.has(m.id));
      const shown = s.members.filter((m) => !out.has(m.id));
      if (!s.total) continue;
      const totalShown = !out.has(s.total.id);
      if (totalShown && withheld.length === 1 && shown.length > 0) {
        out.add(smallest(shown).id);
        changed = true;
      } else if (!totalShown && s.complete && withheld.length === 0 && shown.length > 0) {
        out.add(smallest(shown).id);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Recomputes `small_cell` for every approved current cell of the given (indicator, period) pairs,
 * in one read and one write, inside the caller's transaction.
 */
export async function refreshSmallCells(em: EntityManager, pairs: ReadonlyArray<{ indicatorId: number; periodCode: string }>): Promise<number> {
  if (!pairs.length) return 0;
  const conn = em;
  const rows = await conn.execute<Array<{ id: string; indicator_id: number; region_id: number; parent_id: number | null; period_code: string; sex: Sex; age_group: AgeGroup; raw_value: number; k: number; small_cell: boolean; siblings: number; unit: string }>>(
    `select o.id, o.indicator_id, o.region_id, r.parent_id, o.period_code, o.sex, o.age_group, o.raw_value, i.suppression_k as k, o.small_cell,
            i.unit, coalesce(s.n, 0) as siblings
       from observation o join region r on r.id = o.region_id join indicator i on i.id = o.indicator_id
       left join (select parent_id, count(*)::int as n from region group by parent_id) s on s.parent_id = r.parent_id
       join jsonb_to_recordset(?::jsonb) as p(indicator_id int, period_code text) on p.indicator_id = o.indicator_id and p.period_code = o.period_code
      where o.is_current and o.status = 'APPROVED'`,
    [JSON.stringify(pairs.map((p) => ({ indicator_id: p.indicatorId, period_code: p.periodCode })))],
  );
  const flagged = smallCells(
    rows.map((r) => ({
      id: String(r.id), indicatorId: r.indicator_id, regionId: r.region_id, parentRegionId: r.parent_id, periodCode: r.period_code,
      sex: r.sex, ageGroup: r.age_group, value: Number(r.raw_value), k: r.k, siblings: r.siblings, isCount: r.unit === 'COUNT',
    })),
  );
  const changes = rows.filter((r) => flagged.has(String(r.id)) !== r.small_cell);
  if (!changes.length) return 0;
  await conn.execute(
    `update observation o set small_cell = c.flag from jsonb_to_recordset(?::jsonb) as c(id bigint, flag boolean) where o.id = c.id`,
    [JSON.stringify(changes.map((r) => ({ id: String(r.id), flag: flagged.has(String(r.id)) })))],
  );
  return changes.length;
}
