import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy } from '../common/collections';
import { Region } from '../modules/region/region.entity';
import { codeOrder, type RegionSnapshot, type RegionView } from '../modules/region/region-directory';
import { Agency } from '../modules/agency/agency.entity';
import type { Viewer } from '../auth/viewer';
import type { AgreementGrant } from '../policy/harm-policy';

/**
 * Per-request DataLoaders for lookups that are not plain relations (those go through MikroORM's
 * own dataloader). Every loader of the hub is built here, once per request.
 */
export function createLoaders(em: EntityManager, viewer: Viewer, regions: () => Promise<RegionSnapshot>) {
  /** Looks keys up in the region directory, and in the database those it does not hold (added since it was read). */
  const regionsBy = <K extends 'id' | 'code'>(key: K, held: (s: RegionSnapshot) => ReadonlyMap<Region[K], RegionView>) =>
    new DataLoader<Region[K], RegionView | undefined>(async (keys) => {
      const snapshot = await regions();
      const missing = keys.filter((k) => !held(snapshot).has(k));
      const found = new Map<Region[K], RegionView>();
      if (missing.length) for (const r of await em.find(Region, { [key]: { $in: missing } })) found.set(r[key], r);
      return keys.map((k) => held(snapshot).get(k) ?? found.get(k));
    });

  return {
    /** Data-sharing agreements in force today for the caller's agency (read with the caller, on every request). */
    agreementsOfViewer(): Promise<AgreementGrant[]> {
      return Promise.resolve(viewer.membership?.agreements ?? []);
    },

    /** Regions by id. */
    regionById: regionsBy('id', (s) => s.byId),

    /** Regions by code (ancestors are read from the codes in a region's path). */
    regionByCode: regionsBy('code', (s) => s.byCode),

    /** Direct children of regions, by code. */
    childrenOfRegion: new DataLoader<number, readonly RegionView[]>(async (ids) => {
      const snapshot = await regions();
      const missing = ids.filter((id) => !snapshot.byId.has(id));
      const found = missing.length ? groupBy(await em.find(Region, { parent: { $in: missing } }), (r) => r.parent!.id) : new Map<number, Region[]>();
      return ids.map((id) => (snapshot.byId.has(id) ? snapshot.childrenOf(id) : (found.get(id) ?? []).sort(codeOrder)));
    }),

    /** Agencies whose jurisdiction is each region, by code. */
    agenciesOfRegion: new DataLoader<number, Agency[]>(async (ids) => {
      const found = groupBy(await em.find(Agency, { jurisdiction: { $in: [...ids] } }), (a) => a.jurisdiction.id);
      return ids.map((id) => (found.get(id) ?? []).sort(codeOrder));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
