import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { IndicatorSeriesDocument, MeDocument, RegionsDocument, SubmitObservationsDocument } from '../../schema/client/graphql';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/bootstrap';
import { cloneDatabase, dropDatabase, withDatabase } from '../support/db-admin';
import { insertCells } from '../support/harm-fixtures';
import { codes, startTestHub, type TestHub } from '../support/hub';
import { startPgBouncer, type Bouncer } from './pgbouncer';

// The hub behind PgBouncer in transaction pooling mode, three server connections per database.
// (With named statements on, Debian's PgBouncer 1.18 fails series under concurrency: a statement
// prepared on one server connection is executed on another.)
let bouncer: Bouncer;
let hub: TestHub;
let dbName: string;
const serverUrl = () => inject('serverUrl');

const DG = { as: 'dg@sca.kermanshah.example' };
const STEWARD = 'steward@cg-kermanshah.kermanshah.example';

beforeAll(async () => {
  bouncer = await startPgBouncer(serverUrl());
  dbName = `pol_pool_${process.pid}_${randomBytes(3).toString('hex')}`;
  await cloneDatabase(serverUrl(), inject('templateDb'), dbName);
  hub = await startTestHub({
    POL_TRANSACTION_POOLER: 'true', // and so no named statements: Debian's PgBouncer 1.18 cannot keep them
    POL_LISTEN_DATABASE_URL: withDatabase(serverUrl(), dbName),
  }, withDatabase(bouncer.url, dbName));
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await bouncer?.stop();
  if (dbName) await dropDatabase(serverUrl(), dbName);
});

const submit = (idempotencyKey: string, rows: Array<{ period: string; value: number }>) =>
  hub.gql(SubmitObservationsDocument, {
    input: { idempotencyKey, asDraft: false, rows: rows.map((r) => ({ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', sex: 'TOTAL' as const, ageGroup: 'TOTAL' as const, ...r })) },
  }, { as: STEWARD });
const count = async (table: string) => Number((await hub.sql<{ n: string }>(`select count(*) as n from ${table}`))[0].n);
const xacts = async () => Number((await bouncer.stats()).find((s) => s.database === dbName)?.total_xact_count ?? 0);

describe('behind PgBouncer in transaction pooling mode', () => {
  it('reads, access-logged harm reads and batch writes all pass through it', async () => {
    const before = await xacts();
    const regions = await hub.gql(RegionsDocument, { level: 'COUNTY', first: 14 });
    expect(regions.errors).toBeUndefined();
    expect(regions.data!.regions.nodes).toHaveLength(14);

    await insertCells(hub, [{ indicator: 'DV_REPORTS', region: 'KSH-09', period: '1404-01', value: 40, agency: 'AG-CG-09' }]);
    const logged = await count('access_log');
    const series = await hub.gql(IndicatorSeriesDocument, { input: { indicators: ['DV_REPORTS'], level: 'COUNTY', regions: ['KSH-09'], granularity: 'MONTH', from: '1404-01', to: '1404-01' } }, DG);
    expect(series.errors).toBeUndefined();
    expect(series.data!.indicatorSeries.map((p) => p.value)).toEqual([40]);
    expect(await count('access_log')).toBe(logged + 1);

    const saved = await submit('pool-1', [{ period: '1404-01', value: 7 }, { period: '1404-02', value: 8 }]);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.submitObservations).toMatchObject({ rows: 2, created: 2 });
    // A bad batch: refused whole, nothing saved, through the pooler too.
    const rows = await count('observation');
    const bad = await submit('pool-2', [{ period: '1404-03', value: 9 }, { period: '1404-04', value: -1 }]);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(await count('observation')).toBe(rows);
    expect(await xacts()).toBeGreaterThan(before + 5);
  });

  it('many concurrent requests share three server connections without session state', async () => {
    const requests = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0
        ? submit(`pool-many-${i}`, [{ period: `1403-${String(i / 4 + 1).padStart(2, '0')}`, value: i }])
        : i % 4 === 1
          ? hub.gql(MeDocument, undefined, { as: STEWARD })
          : hub.gql(IndicatorSeriesDocument, { input: { indicators: ['DV_REPORTS'], level: 'COUNTY', within: 'KSH', granularity: 'MONTH', from: '1404-01', to: '1404-01' } }, DG),
    );
    const results = await Promise.all(requests);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(results.filter((_, i) => i % 4 === 0).map((r) => (r.data as { submitObservations: { created: number } }).submitObservations.created)).toEqual(Array(10).fill(1));
    const pools = (await bouncer.stats()).filter((s) => s.database === dbName);
    expect(pools).toHaveLength(1);
  });

  it('hears policy changes on PostgreSQL\'s own address (LISTEN cannot go through the pooler)', async () => {
    expect(hub.hub.viewers.active).toBe(true);
    const drops = hub.hub.viewers.drops;
    // hub.sql waits until the hub has heard the NOTIFY of a policy write.
    await hub.sql(`update membership set valid_to = '2000-01-01' where person_id = (select id from person where email = ?)`, [STEWARD]);
    expect(hub.hub.viewers.drops).toBeGreaterThan(drops);
    expect(codes(await submit('pool-after-end', [{ period: '1403-01', value: 1 }]))).toEqual(['FORBIDDEN']);
    await hub.sql(`update membership set valid_to = null where person_id = (select id from person where email = ?)`, [STEWARD]);
    expect((await submit('pool-after-return', [{ period: '1402-01', value: 1 }])).errors).toBeUndefined();
  });

  it('starts on an empty database through it: creates it and applies the migrations', async () => {
    const fresh = `pol_pool_new_${process.pid}_${randomBytes(3).toString('hex')}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-pool-'));
    try {
      const config = loadConfig({
        DATABASE_URL: withDatabase(bouncer.url, fresh), POL_TRANSACTION_POOLER: 'true',
        POL_LISTEN_DATABASE_URL: withDatabase(serverUrl(), fresh), POL_DATA_DIR: dataDir,
      });
      const lines: string[] = [];
      const db = await openDatabase(config, (line) => lines.push(line));
      try {
        expect(db.applied.length).toBeGreaterThan(3);
        // The test server has no statement_timeout of its own, and the hub cannot set one through the pooler.
        expect(lines.some((l) => /sets no statement_timeout.*ALTER ROLE/.test(l))).toBe(true);
        const [{ n }] = await db.orm.em.fork().getConnection().execute<Array<{ n: string }>>('select count(*) as n from mikro_orm_migrations');
        expect(Number(n)).toBe(db.applied.length);
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase(serverUrl(), fresh);
    }
  });
});
