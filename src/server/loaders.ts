import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInIran } from '../common/dates';
import { Region } from '../modules/region/region.entity';
import type { Viewer } from '../auth/viewer';
import type { AgreementGrant } from '../policy/harm-policy';

/**
 * Per-request DataLoaders for lookups that are not plain relations (those go through MikroORM's
 * own dataloader). Every loader of the hub is built here, once per request.
 */
export function createLoaders(em: EntityManager, viewer: Viewer) {
  return {
    /** Data-sharing agreements in force today for the caller's agency (read with the caller, on every request). */
    agreementsOfViewer(): Promise<AgreementGrant[]> {
      return Promise.resolve(viewer.membership?.agreements ?? []);
    },

    /** Regions by code (ancestors are read from the codes in a region's path). */
    regionByCode: new DataLoader<string, Region | undefined>(async (codes) => {
      const rows = await em.find(Region, { code: { $in: [...codes] } });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c));
    }),

    /** Agencies in which a person holds a current membership. */
    currentAgencyIdsOfPerson: new DataLoader<number, number[]>(async (personIds) => {
      const today = todayInIran();
      const rows: Array<{ person_id: number; agency_id: number }> = await em.execute(
        `select distinct person_id, agency_id from membership
          where person_id in (?) and valid_from <= ?::date and (valid_to is null or valid_to >= ?::date)`,
        [[...personIds], today, today],
      );
      const map = new Map<number, number[]>();
      for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.agency_id]);
      return personIds.map((id) => map.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
