import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViewerCache } from '../src/auth/viewer-cache';
import { PUBLIC_VIEWER, type Viewer } from '../src/auth/viewer';
import { createLogger } from '../src/server/log';
import { startTestHub, until, type TestHub } from './support/hub';

const STEWARD = 'steward@cg-sahneh.kermanshah.example';
let hub: TestHub;
let uncached: TestHub;
beforeAll(async () => {
  [hub, uncached] = await Promise.all([startTestHub(), startTestHub({ POL_VIEWER_CACHE_TTL_S: '0' })]);
});
afterAll(() => Promise.all([hub?.close(), uncached?.close()]));

/** `me` with a fresh token each time, and the statements the request ran. */
async function me(h: TestHub, email: string): Promise<{ acting: { agency: { code: string } } | null; statements: number }> {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await h.tokens.sign!(email)}` },
    body: JSON.stringify({ query: '{ me { acting { agency { code } } } }' }),
  });
  const body = (await res.json()) as { data: { me: { acting: { agency: { code: string } } | null } }; extensions: { sqlStatements: number } };
  return { acting: body.data.me.acting, statements: body.extensions.sqlStatements };
}

describe('callers kept between requests', () => {
  it('reads a caller once, then serves their next requests without reading them again', async () => {
    await until(async () => hub.hub.viewers.active, (a) => a); // listening: from now on callers are kept
    await me(hub, STEWARD); // read once
    const again = await me(hub, STEWARD);
    expect(again.acting!.agency.code).toBe('AG-CG-09');
    // With POL_VIEWER_CACHE_TTL_S=0 every request reads its caller: one statement more.
    await me(uncached, STEWARD);
    const reading = await me(uncached, STEWARD);
    expect(reading.acting!.agency.code).toBe('AG-CG-09');
    expect(again.statements).toBe(reading.statements - 1);
  });

  it('drops them at once on a change made with plain SQL (NOTIFY from the policy tables)', async () => {
    await me(hub, STEWARD);
    expect((await me(hub, STEWARD)).statements).toBe((await me(uncached, STEWARD)).statements - 1); // kept
    await hub.sql(`update membership set valid_to = '2000-01-01' where person_id = (select id from person where email = ?)`, [STEWARD]);
    // The notice arrives within milliseconds; no restart, no wait for the time-to-live.
    const after = await until(() => me(hub, STEWARD), (r) => r.acting === null, 2_000);
    expect(after.acting).toBeNull();
    await hub.sql(`update membership set valid_to = null where person_id = (select id from person where email = ?)`, [STEWARD]);
    expect((await until(() => me(hub, STEWARD), (r) => r.acting !== null, 2_000)).acting!.agency.code).toBe('AG-CG-09');
  });

  it('does not keep a caller read while a change was committed, and keeps nothing while not listening', async () => {
    const cache = new ViewerCache(hub.orm.config.get('clientUrl')!, 30, createLogger('silent'));
    cache.start();
    await until(async () => cache.active, (a) => a, 5_000);
    expect(cache.active).toBe(true);
    let reads = 0;
    const load = async (): Promise<Viewer> => {
      reads++;
      return { ...PUBLIC_VIEWER, memberships: [] };
    };
    // A read that a change overtakes is served but not kept.
    let release!: () => void;
    const slow = cache.get('a@x', undefined, async () => {
      await new Promise<void>((r) => (release = r));
      return load();
    });
    await new Promise((r) => setTimeout(r, 10));
    cache.invalidate();
    release();
    await slow;
    await cache.get('a@x', undefined, load);
    expect(reads).toBe(2);
    await cache.get('a@x', undefined, load);
    expect(reads).toBe(2);
    await cache.stop();
    expect(cache.active).toBe(false);
    await cache.get('a@x', undefined, load);
    await cache.get('a@x', undefined, load);
    expect(reads).toBe(4);
  });
});
