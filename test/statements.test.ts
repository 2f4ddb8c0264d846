import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgenciesDocument, CountyNetworkDocument, PostHistoryDocument, RegionsDocument } from '../schema/client/graphql';
import { startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const AS = { as: 'analyst@sca.kermanshah.example' };

describe('SQL statements per request do not grow with list size (no N+1)', () => {
  it('counties → child regions → agencies → members: the same count for 2 counties as for 14', async () => {
    await hub.gql(CountyNetworkDocument, { first: 1 }, AS); // the caller is read once, then kept
    const two = await hub.gql(CountyNetworkDocument, { first: 2 }, AS);
    const all = await hub.gql(CountyNetworkDocument, { first: 14 }, AS);
    expect(two.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    const counties = all.data!.regions.nodes;
    expect(counties).toHaveLength(14);
    // The list really is deep: cities, their councils, and those councils' members.
    const cities = counties.flatMap((c) => c.children);
    const councils = cities.flatMap((c) => c.agencies);
    expect(cities.length).toBeGreaterThanOrEqual(14);
    expect(councils.length).toBeGreaterThanOrEqual(14);
    expect(councils.flatMap((a) => a.memberships ?? []).length).toBeGreaterThanOrEqual(14);
    expect(two.extensions!.sqlStatements).toBeGreaterThan(0);
    expect(all.extensions!.sqlStatements).toBe(two.extensions!.sqlStatements);
    // One for the viewer, one page, then one per level of the tree.
    expect(all.extensions!.sqlStatements).toBeLessThanOrEqual(8);
  });

  it('a page of regions in a subtree costs the same for 5 as for 100 rows', async () => {
    const small = await hub.gql(RegionsDocument, { within: 'KSH-01', first: 5 });
    const big = await hub.gql(RegionsDocument, { within: 'KSH-01', first: 100 });
    expect(big.data!.regions.nodes.length).toBeGreaterThan(30);
    expect(big.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });

  it('agencies with their jurisdictions: constant', async () => {
    const small = await hub.gql(AgenciesDocument, { first: 3 });
    const big = await hub.gql(AgenciesDocument, { first: 50 });
    expect(big.data!.agencies.nodes.length).toBe(50);
    expect(big.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });

  it('a post\'s appointment history with people: a handful of statements', async () => {
    const r = await hub.gql(PostHistoryDocument, { code: 'POST-SCA-DG' });
    expect(r.data!.post!.appointments.length).toBeGreaterThanOrEqual(2);
    expect(r.extensions!.sqlStatements).toBeLessThanOrEqual(5);
  });
});
