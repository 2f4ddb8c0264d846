import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Kept } from '../../common/kept';
import { plain } from '../../db/plain';
import { HarmCategory, Indicator } from './harm.entity';

/** Indicator definitions and harm categories, by id and code: what every harm answer names. */
export interface CatalogueSnapshot {
  indicatorsById: ReadonlyMap<number, Indicator>;
  indicatorsByCode: ReadonlyMap<string, Indicator>;
  categoriesById: ReadonlyMap<number, HarmCategory>;
}

/**
 * The harm catalogue kept in memory, process-wide. It changes only by migration, yet nearly every
 * harm request names indicators: reading it once per `ttlSeconds` (not per request) saves two or
 * three statements a request. The snapshot holds plain objects (no ORM state), shared read-only by
 * concurrent requests. Access decisions never read it: the SQL scope and the per-row check read
 * sensitivity and category from the rows themselves.
 */
export function harmCatalogue(orm: MikroORM, ttlSeconds: number): Kept<CatalogueSnapshot> {
  return new Kept(async () => {
    const em = orm.em.fork();
    const [indicators, categories] = await Promise.all([em.find(Indicator, {}), em.find(HarmCategory, {})]);
    const plainIndicators = indicators.map((i) => plain(i, { category: { id: i.category.id } }));
    return {
      indicatorsById: new Map(plainIndicators.map((i) => [i.id, i])),
      indicatorsByCode: new Map(plainIndicators.map((i) => [i.code, i])),
      categoriesById: new Map(categories.map((c) => [c.id, plain(c)])),
    };
  }, ttlSeconds);
}

/**
 * A category by id from the snapshot, or — for one defined after the snapshot was read — from the
 * request's EntityManager, so that a new definition is served at once.
 */
export function categoryById(snapshot: CatalogueSnapshot, em: EntityManager, id: number): HarmCategory | Promise<HarmCategory> {
  return snapshot.categoriesById.get(id) ?? em.findOneOrFail(HarmCategory, id);
}
