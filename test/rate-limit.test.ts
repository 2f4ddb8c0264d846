import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm } from '../src/db/database';
import { createHub, type Hub } from '../src/server/app';
import { loadLimitsConfig } from '../src/server/limits';
import { createLogger } from '../src/server/log';
import { addressKey, clientAddress, deleteStaleBuckets } from '../src/server/rate-limit';
import { startTestHub, type TestHub } from './support/hub';

const DG = 'dg@sca.kermanshah.example';
const ANALYST = 'analyst@sca.kermanshah.example'; // the same agency as DG
const RESEARCHER = 'researcher@razi.ac.example';
const STEWARD = 'steward@cg-kermanshah.kermanshah.example';
const MEMBER = 'member@mehrafarin.ngo.example';

/** 6 a minute (one token every 10 s), 3 saved up: the 4th quick request is refused. */
const RATES = { POL_RATE_LIMIT_ANON_PER_MIN: '6', POL_RATE_LIMIT_ANON_BURST: '3', POL_RATE_LIMIT_AGENCY_PER_MIN: '6', POL_RATE_LIMIT_AGENCY_BURST: '3' };

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

let base: TestHub;
const extra: { hub: Hub; orm?: MikroORM }[] = [];

beforeAll(async () => {
  base = await startTestHub(RATES);
});
afterAll(async () => {
  for (const e of extra) {
    await e.hub.close();
    await e.orm?.close(true);
  }
  await base?.close();
});

/** Another hub on the test database: on its own connection pool when `ownOrm` (a second instance). */
async function startHub(env: Record<string, string>, ownOrm = false): Promise<string> {
  const orm = ownOrm ? await openOrm(base.config.databaseUrl!) : base.orm;
  const config = { ...base.config, limits: loadLimitsConfig({ ...RATES, ...env }) };
  const hub = await createHub({ orm, config, tokens: base.tokens, log: createLogger('silent') });
  extra.push({ hub, orm: ownOrm ? orm : undefined });
  return `http://127.0.0.1:${await hub.listen(0, '127.0.0.1')}`;
}

async function ask(url: string, opts: { as?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.as) headers.authorization = `Bearer ${await base.tokens.sign!(opts.as)}`;
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: '{ regions(first: 1) { totalCount } }' }) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] };
}

async function statuses(url: string, n: number, opts: Parameters<typeof ask>[1] = {}): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await ask(url, opts)).status);
  return out;
}

function expectRefused(r: Answer) {
  expect(r.status).toBe(429);
  const ext = r.body.errors![0].extensions!;
  expect(ext).toEqual({ code: 'RATE_LIMITED', limit: 6, burst: 3, retryAfter: expect.any(Number) });
  expect(ext.retryAfter as number).toBeGreaterThanOrEqual(1);
  expect(ext.retryAfter as number).toBeLessThanOrEqual(10);
  expect(r.retryAfter).toBe(String(ext.retryAfter));
  expect(r.body.data).toBeUndefined();
}

const bucket = async (key: string) => (await base.sql<{ tokens: number }>('select tokens from rate_limit_bucket where key = ?', [key]))[0];

describe('anonymous clients, by address', () => {
  it('a burst of 3, then RATE_LIMITED (429) with Retry-After; X-Forwarded-For is ignored unless trusted', async () => {
    expect(await statuses(base.url, 3)).toEqual([200, 200, 200]);
    expectRefused(await ask(base.url));
    expectRefused(await ask(base.url, { headers: { 'x-forwarded-for': '198.51.100.9' } }));
    const b = await bucket('anon:127.0.0.1');
    expect(b.tokens).toBeGreaterThanOrEqual(0);
    expect(b.tokens).toBeLessThan(1);
    // Signed-in callers are counted per agency, not by address.
    expect((await ask(base.url, { as: RESEARCHER })).status).toBe(200);
  });

  it('refills with time: 20 s give back 2 tokens', async () => {
    await base.sql(`update rate_limit_bucket set updated_at = updated_at - interval '20 seconds' where key = 'anon:127.0.0.1'`);
    expect(await statuses(base.url, 3)).toEqual([200, 200, 429]);
  });

  it('behind a trusted proxy: by the X-Forwarded-For address; concurrent requests take exactly the burst', async () => {
    const url = await startHub({ POL_TRUST_PROXY: 'true' });
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': `10.0.0.1, ${ip}` } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => ask(url, from('203.0.113.7'))));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(7);
    expect((await ask(url, from('203.0.113.8'))).status).toBe(200);
    expect(await bucket('anon:203.0.113.7')).toBeDefined();
    // The nearest proxy's entry counts, not what the client wrote before it.
    expect((await ask(url, { headers: { 'x-forwarded-for': '1.2.3.4, 203.0.113.7' } })).status).toBe(429);
  });
});

describe('signed-in callers, by agency', () => {
  it('everyone acting for one agency shares its bucket; other agencies have their own', async () => {
    const [{ id }] = await base.sql<{ id: number }>(`select id from agency where code = 'AG-SCA'`);
    expect(await statuses(base.url, 2, { as: DG })).toEqual([200, 200]);
    expect((await ask(base.url, { as: ANALYST })).status).toBe(200);
    expectRefused(await ask(base.url, { as: DG }));
    expectRefused(await ask(base.url, { as: ANALYST }));
    expect(await bucket(`agency:${id}`)).toBeDefined();
    expect((await ask(base.url, { as: STEWARD })).status).toBe(200);
  });

  it('two hub instances on one database share the bucket', async () => {
    const second = await startHub({}, true);
    const seq: number[] = [];
    for (const url of [base.url, second, base.url, second, base.url]) seq.push((await ask(url, { as: MEMBER })).status);
    expect(seq).toEqual([200, 200, 200, 429, 429]);
    const rows = await base.sql(`select b.key from rate_limit_bucket b join agency a on b.key = 'agency:' || a.id where a.code = 'AG-NGO-KSH-WOMEN'`);
    expect(rows).toHaveLength(1);
  });
});

describe('configuration and upkeep', () => {
  it('0 a minute turns rate limiting off (no buckets written)', async () => {
    const url = await startHub({ POL_RATE_LIMIT_ANON_PER_MIN: '0', POL_RATE_LIMIT_AGENCY_PER_MIN: '0' });
    const before = await base.sql<{ n: number }>('select count(*)::int as n from rate_limit_bucket');
    expect(await statuses(url, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await statuses(url, 6, { as: DG })).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await base.sql('select count(*)::int as n from rate_limit_bucket')).toEqual(before);
  });

  it('stale buckets are deleted; recent ones kept', async () => {
    await base.sql(`insert into rate_limit_bucket (key, tokens, updated_at) values ('anon:192.0.2.1', 0, now() - interval '2 hours'), ('anon:192.0.2.2', 0, now())`);
    expect(await deleteStaleBuckets(base.orm.em.fork(), 3600)).toBeGreaterThanOrEqual(1);
    expect(await bucket('anon:192.0.2.1')).toBeUndefined();
    expect(await bucket('anon:192.0.2.2')).toBeDefined();
  });

  it('client addresses: IPv4 as is, IPv6 by /64, proxies only when trusted', () => {
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('203.0.113.7:5123')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('[2001:0db8:0001:0002:ffff::9]:443')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('not an address')).toBeUndefined();
    const req = (xff?: string) => ({ headers: { 'x-forwarded-for': xff }, socket: { remoteAddress: '::ffff:10.0.0.5' } });
    expect(clientAddress(req('1.1.1.1'), 0)).toBe('10.0.0.5');
    expect(clientAddress(req('1.1.1.1, 2.2.2.2'), 1)).toBe('2.2.2.2');
    expect(clientAddress(req('1.1.1.1, 2.2.2.2'), 2)).toBe('1.1.1.1');
    expect(clientAddress(req('garbage'), 1)).toBe('10.0.0.5');
  });
});
