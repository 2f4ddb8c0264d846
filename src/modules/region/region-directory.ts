import type { MikroORM } from '@mikro-orm/postgresql';
import { groupBy } from '../../common/collections';
import { Kept } from '../../common/kept';
import type { Region, RegionLevel } from './region.entity';

/**
 * A region as the API serves it: an entity of the request's EntityManager, or a plain copy from the
 * directory. Field resolvers of `Region` read only these properties, so either will do.
 */
export type RegionView = Pick<Region, 'id' | 'code' | 'nameFa' | 'nameEn' | 'level' | 'path' | 'population' | 'populationYear'> & {
  parent?: { id: number };
};

export interface RegionSnapshot {
  /** Every region, in id order. */
  all: readonly RegionView[];
  byId: ReadonlyMap<number, RegionView>;
  byCode: ReadonlyMap<string, RegionView>;
  /** Direct children of a region in the snapshot, by code. */
  childrenOf(id: number): readonly RegionView[];
  /** Normalised names and code of a region (`searchKey`), for search. */
  searchTextOf(id: number): string;
}

interface RegionRow {
  id: number;
  code: string;
  name_fa: string;
  name_en: string;
  level: RegionLevel;
  path: string;
  population: number | null;
  population_year: number | null;
  parent_id: number | null;
  search_text: string;
}

const NO_CHILDREN: readonly RegionView[] = Object.freeze([]);

/** The order in which children are served. */
export const codeOrder = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/**
 * The region tree kept in memory, process-wide, as plain frozen objects: nearly every answer names
 * regions and walks their parents and children, and the tree changes only by seeding or migration.
 * It saves a statement and the hydration of an entity per region a request names. A copy is kept
 * for at most `ttlSeconds`, and dropped at once on a change notice for the region table (or when
 * notices may have been missed). Access decisions never read it: the SQL scope and the per-row
 * check read region paths from the rows themselves. A region missing from the copy (added after it
 * was read) is looked up in the database by the per-request loaders.
 */
export function regionDirectory(orm: MikroORM, ttlSeconds: number): Kept<RegionSnapshot> {
  return new Kept(() => loadRegions(orm), ttlSeconds);
}

async function loadRegions(orm: MikroORM): Promise<RegionSnapshot> {
  const rows: RegionRow[] = await orm.em.getConnection().execute(
    'select id, code, name_fa, name_en, level, path, population, population_year, parent_id, search_text from region order by id',
  );
  const byId = new Map<number, RegionView>();
  const searchText = new Map<number, string>();
  for (const r of rows) {
    const region: RegionView = Object.freeze({
      id: r.id, code: r.code, nameFa: r.name_fa, nameEn: r.name_en, level: r.level, path: r.path,
      population: r.population ?? undefined, populationYear: r.population_year ?? undefined,
      parent: r.parent_id === null ? undefined : Object.freeze({ id: r.parent_id }),
    });
    byId.set(r.id, region);
    searchText.set(r.id, r.search_text);
  }
  const all = Object.freeze([...byId.values()]);
  const children = groupBy(all.filter((r) => r.parent), (r) => r.parent!.id);
  for (const list of children.values()) Object.freeze(list.sort(codeOrder));
  return {
    all,
    byId,
    byCode: new Map(all.map((r) => [r.code, r])),
    childrenOf: (id) => children.get(id) ?? NO_CHILDREN,
    searchTextOf: (id) => searchText.get(id) ?? '',
  };
}
