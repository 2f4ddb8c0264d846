import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountiesDocument, RegionDocument, RegionsDocument } from '../schema/client/graphql';
import { codes, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

describe('regions', () => {
  it('lists the 14 counties of Kermanshah province, to the public', async () => {
    const r = await hub.gql(CountiesDocument, { first: 20 });
    expect(r.errors).toBeUndefined();
    expect(r.data!.regions.totalCount).toBe(14);
    const names = r.data!.regions.nodes.map((n) => n.nameEn);
    expect(names).toContain('Sahneh');
    expect(names).toContain('Salas-e Babajani');
    expect(r.data!.regions.nodes.find((n) => n.code === 'KSH-09')!.nameFa).toBe('صحنه');
    expect(r.data!.regions.nodes.every((n) => n.level === 'COUNTY' && n.population! > 0)).toBe(true);
  });

  it('gives parent, ancestors and children', async () => {
    const r = await hub.gql(RegionDocument, { code: 'KSH-01-C01-N01' });
    expect(r.data!.region!.parent!.code).toBe('KSH-01-C01');
    expect(r.data!.region!.ancestors.map((a) => a.code)).toEqual(['KSH', 'KSH-01', 'KSH-01-C01']);
    const city = await hub.gql(RegionDocument, { code: 'KSH-01-C01' });
    expect(city.data!.region!.children.length).toBeGreaterThanOrEqual(30);
    expect(city.data!.region!.children.every((c) => c.level === 'NEIGHBOURHOOD')).toBe(true);
    expect((await hub.gql(RegionDocument, { code: 'NOPE' })).data!.region).toBeNull();
  });

  it('filters a subtree by level', async () => {
    const r = await hub.gql(RegionsDocument, { within: 'KSH-01', level: 'NEIGHBOURHOOD', first: 100 });
    expect(r.data!.regions.totalCount).toBeGreaterThanOrEqual(30);
    expect(r.data!.regions.nodes.every((n) => n.level === 'NEIGHBOURHOOD')).toBe(true);
    const villagesOfSahneh = await hub.gql(RegionsDocument, { within: 'KSH-09', level: 'VILLAGE' });
    expect(villagesOfSahneh.data!.regions.nodes.every((n) => n.code.startsWith('KSH-09-'))).toBe(true);
    const everythingInKsh01 = await hub.gql(RegionsDocument, { within: 'KSH-01', first: 100 });
    expect(everythingInKsh01.data!.regions.nodes.map((n) => n.code)).not.toContain('KSH-01');
    expect(everythingInKsh01.data!.regions.nodes.every((n) => n.code.startsWith('KSH-01-'))).toBe(true);
    const children = await hub.gql(RegionsDocument, { parent: 'KSH' });
    expect(children.data!.regions.totalCount).toBe(14);
  });

  describe('search with Persian and Arabic letter variants', () => {
    const search = async (q: string) => (await hub.gql(RegionsDocument, { search: q, first: 100 })).data!.regions.nodes.map((n) => n.code);

    it('«كرمانشاه» with Arabic kaf finds «کرمانشاه»', async () => {
      const found = await search('كرمانشاه');
      expect(found).toEqual(expect.arrayContaining(['KSH', 'KSH-01', 'KSH-01-C01']));
      expect(found).toEqual(await search('کرمانشاه'));
    });

    it('Arabic yeh, ZWNJ and spaces do not matter', async () => {
      // «اسلام‌آباد غرب» is stored with a ZWNJ.
      const withZwnj = await search('اسلام\u200cآباد');
      expect(withZwnj).toContain('KSH-02');
      expect(await search('اسلام آباد')).toEqual(withZwnj);
      expect(await search('اسلامآباد')).toEqual(withZwnj);
      const shirin = await search('قصر شیرین');
      expect(shirin).toContain('KSH-10');
      expect(await search('قصر شيرين')).toEqual(shirin);
    });

    it('English names and codes match case-insensitively; LIKE wildcards are literal', async () => {
      expect(await search('SAHNEH')).toContain('KSH-09');
      expect(await search('ksh-09')).toContain('KSH-09');
      expect(await search('%')).toEqual([]);
      expect(await search('_')).toEqual([]);
    });
  });

  describe('pagination', () => {
    it('walks all pages with cursors and no overlap', async () => {
      const seen: string[] = [];
      let after: string | null | undefined;
      for (let i = 0; i < 10; i++) {
        const r = await hub.gql(RegionsDocument, { level: 'COUNTY', first: 5, after });
        seen.push(...r.data!.regions.nodes.map((n) => n.code));
        expect(r.data!.regions.edges.map((e) => e.node.code)).toEqual(r.data!.regions.nodes.map((n) => n.code));
        if (!r.data!.regions.pageInfo.hasNextPage) break;
        after = r.data!.regions.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(14);
      expect(new Set(seen).size).toBe(14);
    });

    it('refuses a page larger than the maximum, and a forged cursor', async () => {
      const big = await hub.gql(RegionsDocument, { first: 101 });
      expect(codes(big)).toEqual(['BAD_USER_INPUT']);
      expect(big.errors![0].message).toMatch(/first.*1 to 100/);
      expect(codes(await hub.gql(RegionsDocument, { first: 0 }))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await hub.gql(RegionsDocument, { after: 'bm90LWEtY3Vyc29y' }))).toEqual(['BAD_USER_INPUT']);
    });
  });
});
