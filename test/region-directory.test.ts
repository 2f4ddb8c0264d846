import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegionDocument, RegionsDocument, RegionTreeDocument } from '../schema/client/graphql';
import { PUBLIC_VIEWER } from '../src/auth/viewer';
import { searchKey } from '../src/common/text';
import { regionDirectory } from '../src/modules/region/region-directory';
import { createLoaders } from '../src/server/loaders';
import { startTestHub, until, type TestHub } from './support/hub';

let hub: TestHub;
let uncached: TestHub;
beforeAll(async () => {
  // POL_CATALOGUE_TTL_S=0: the directory is read again on every request.
  [hub, uncached] = await Promise.all([startTestHub(), startTestHub({ POL_CATALOGUE_TTL_S: '0' })]);
});
afterAll(() => Promise.all([hub?.close(), uncached?.close()]));

// A signed-in caller: the whole tree is over the anonymous cost budget.
const AS = { as: 'analyst@sca.kermanshah.example' };
const codeOrder = (a: string, b: string) => a.localeCompare(b);

describe('the region directory (regions kept in memory)', () => {
  it('serves a page of counties two levels down with parents and ancestors without a statement, the same as the database says', async () => {
    await until(async () => hub.hub.viewers.active, (a) => a);
    await hub.gql(RegionTreeDocument, { first: 14 }, AS); // reads the directory
    const r = await hub.gql(RegionTreeDocument, { first: 14 }, AS);
    expect(r.errors).toBeUndefined();
    // The page, children, parents and ancestors all come from memory.
    expect(r.extensions!.sqlStatements).toBe(0);
    await uncached.gql(RegionTreeDocument, { first: 1 }, AS); // the caller is read once, then kept
    const fresh = await uncached.gql(RegionTreeDocument, { first: 14 }, AS);
    // Read again for each request: one statement.
    expect(fresh.extensions!.sqlStatements).toBe(1);
    expect(fresh.data).toEqual(r.data);

    const rows = await hub.sql<{ code: string; parent: string | null; path: string }>(
      'select r.code, p.code as parent, r.path from region r left join region p on p.id = r.parent_id',
    );
    const childrenOf = (code: string) => rows.filter((x) => x.parent === code).map((x) => x.code).sort(codeOrder);
    const counties = r.data!.regions.nodes;
    expect(counties).toHaveLength(14);
    let grandchildren = 0;
    for (const county of counties) {
      expect(county.parent!.code).toBe(rows.find((x) => x.code === county.code)!.parent);
      expect(county.children.map((c) => c.code)).toEqual(childrenOf(county.code));
      for (const child of county.children) {
        expect(child.parent!.code).toBe(county.code);
        expect(child.children.map((c) => c.code)).toEqual(childrenOf(child.code));
        for (const g of child.children) {
          grandchildren++;
          const path = rows.find((x) => x.code === g.code)!.path.split('/').filter(Boolean);
          expect(g.ancestors.map((a) => a.code)).toEqual(path.slice(0, -1));
        }
      }
    }
    expect(grandchildren).toBeGreaterThan(20);
  });

  it('serves a region added or renamed with plain SQL on the next request (change notice)', async () => {
    await until(async () => hub.hub.viewers.active, (a) => a);
    const before = await hub.gql(RegionDocument, { code: 'KSH-01' });
    expect(before.data!.region!.children.map((c) => c.code)).not.toContain('KSH-01-NEW');
    await hub.sql(
      `insert into region (code, name_fa, name_en, level, parent_id, path, search_text)
       select 'KSH-01-NEW', 'شهرک تازه', 'New Town', 'CITY', id, path || 'KSH-01-NEW/', ? from region where code = 'KSH-01'`,
      [searchKey('شهرک تازه', 'New Town', 'KSH-01-NEW')],
    );
    const added = await hub.gql(RegionDocument, { code: 'KSH-01' });
    expect(added.data!.region!.children.map((c) => c.code)).toContain('KSH-01-NEW');
    expect(added.data!.region!.children.map((c) => c.code)).toEqual([...added.data!.region!.children.map((c) => c.code)].sort(codeOrder));
    const listed = await hub.gql(RegionsDocument, { within: 'KSH-01', search: 'NEW TOWN', first: 100 });
    expect(listed.data!.regions.nodes.map((n) => n.code)).toEqual(['KSH-01-NEW']);
    expect(listed.data!.regions.totalCount).toBe(1);

    await hub.sql(`update region set name_fa = 'شهرک نو' where code = 'KSH-01-NEW'`);
    const renamed = await hub.gql(RegionDocument, { code: 'KSH-01' });
    expect(renamed.data!.region!.children.find((c) => c.code === 'KSH-01-NEW')!.nameFa).toBe('شهرک نو');

    await hub.sql(`delete from region where code = 'KSH-01-NEW'`);
    const removed = await hub.gql(RegionDocument, { code: 'KSH-01' });
    expect(removed.data!.region!.children.map((c) => c.code)).not.toContain('KSH-01-NEW');
    expect((await hub.gql(RegionsDocument, { within: 'KSH-01', search: 'new town' })).data!.regions.totalCount).toBe(0);
  });

  it('looks up in the database a region its copy does not hold yet', async () => {
    const directory = regionDirectory(hub.orm, 60);
    const old = await directory.get();
    await hub.sql(
      `insert into region (code, name_fa, name_en, level, parent_id, path, search_text)
       select 'KSH-02-LATE', 'شهرک دیر', 'Late Town', 'CITY', id, path || 'KSH-02-LATE/', 'late town' from region where code = 'KSH-02'`,
    );
    try {
      expect(old.byCode.has('KSH-02-LATE')).toBe(false);
      const loaders = createLoaders(hub.orm.em.fork(), PUBLIC_VIEWER, async () => old);
      const late = await loaders.regionByCode.load('KSH-02-LATE');
      expect(late).toMatchObject({ code: 'KSH-02-LATE', nameEn: 'Late Town', level: 'CITY' });
      expect(await loaders.regionById.load(late!.id)).toMatchObject({ code: 'KSH-02-LATE' });
      expect(await loaders.childrenOfRegion.load(late!.id)).toEqual([]);
      expect(await loaders.regionByCode.load('NO-SUCH-REGION')).toBeUndefined();
      // A copy read now holds it.
      directory.invalidate();
      expect((await directory.get()).byCode.get('KSH-02-LATE')!.parent!.id).toBe(old.byCode.get('KSH-02')!.id);
    } finally {
      await hub.sql(`delete from region where code = 'KSH-02-LATE'`);
    }
  });
});
