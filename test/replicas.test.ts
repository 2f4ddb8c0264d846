import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateDataSharingAgreementDocument, IndicatorSeriesDocument, ObservationsDocument, RevokeDataSharingAgreementDocument,
} from '../schema/client/graphql';
import { prepareDemoDatabase } from './support/demo-database';
import { withDatabase } from './support/db-admin';
import { insertCells } from './support/harm-fixtures';
import { startTestHub, until, type TestHub } from './support/hub';
import { startStreamingPair, type StreamingPair } from './support/streaming-replica';

// Its own primary and streaming replica, from the embedded binaries, whatever DATABASE_URL says:
// a replica is made from the primary's own data folder.
let pair: StreamingPair;
/** Reads a replica however far behind it is. */
let patient: TestHub;
/** Reads a replica only while it is within a second of the primary. */
let strict: TestHub;

const DG = { as: 'dg@sca.kermanshah.example' };
const RESEARCHER = { as: 'researcher@razi.ac.example' };
const GOV_ADMIN = { as: 'babak.sanjabi@gov.kermanshah.example' };

const series = (hub: TestHub) =>
  hub.gql(IndicatorSeriesDocument, { input: { indicators: ['DV_REPORTS'], level: 'COUNTY', regions: ['KSH-09'], granularity: 'MONTH', from: '1404-01', to: '1404-01' } }, DG);
const valueOn = async (hub: TestHub) => {
  const r = await series(hub);
  expect(r.errors).toBeUndefined();
  return r.data!.indicatorSeries[0]?.value;
};
/** Pauses replay on the replica; a pause asked for takes effect at the next record, so wait for it. */
async function pauseReplay(): Promise<void> {
  await pair.onReplica((c) => c.query('select pg_wal_replay_pause()'));
  const state = await until(() => pair.onReplica(async (c) => (await c.query('select pg_get_wal_replay_pause_state() as s')).rows[0].s), (s) => s === 'paused');
  expect(state).toBe('paused');
}
const resumeReplay = () => pair.onReplica((c) => c.query('select pg_wal_replay_resume()'));
/** The replica has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const [{ lsn }] = await patient.sql<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
  const done = await until(
    () => pair.onReplica(async (c) => (await c.query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [lsn])).rows[0].ok),
    (ok) => ok,
    20_000,
  );
  expect(done).toBe(true);
}

beforeAll(async () => {
  pair = await startStreamingPair();
  const primary = withDatabase(pair.primaryUrl, 'pol');
  await prepareDemoDatabase(primary);
  const replica = withDatabase(pair.replicaUrl, 'pol');
  patient = await startTestHub({ DATABASE_REPLICA_URLS: replica, POL_REPLICA_MAX_LAG_MS: '3600000', POL_REPLICA_PROBE_MS: '100' }, primary);
  strict = await startTestHub({ DATABASE_REPLICA_URLS: replica, POL_REPLICA_MAX_LAG_MS: '1000', POL_REPLICA_PROBE_MS: '100' }, primary);
  await patient.sql('delete from data_sharing_agreement');
  await insertCells(patient, [
    { indicator: 'DV_REPORTS', region: 'KSH-09', period: '1404-01', value: 40, agency: 'AG-CG-09' },
    { indicator: 'DV_REPORTS', region: 'KSH-09-C01', period: '1404-01', value: 12, agency: 'AG-CG-09' },
  ]);
  await caughtUp();
}, 180_000);

afterAll(async () => {
  await resumeReplay().catch(() => undefined);
  await patient?.close();
  await strict?.close();
  await pair?.stop();
});

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('the replica is a hot standby streaming from the primary', async () => {
    expect(await pair.onReplica(async (c) => (await c.query('select pg_is_in_recovery() as r')).rows[0].r)).toBe(true);
    const senders = await patient.sql<{ application_name: string; state: string }>('select application_name, state from pg_stat_replication');
    expect(senders).toEqual([{ application_name: 'pol_replica', state: 'streaming' }]);
    const status = await until(async () => strict.hub.replicas.status(), (s) => s[0]?.usable === true, 20_000);
    expect(status).toEqual([expect.objectContaining({ usable: true })]);
  });

  it('series are read from the replica while it is close behind, from the primary once it falls behind', async () => {
    expect(await valueOn(patient)).toBe(40);
    await pauseReplay();
    try {
      await patient.sql(`update observation set raw_value = 41 where raw_value = 40`);
      // The paused replica still has 40: that is where the patient hub reads. (Polled: on a busy
      // machine a probe may time out, and reads go to the primary until the next one answers.)
      expect(await until(() => valueOn(patient), (v) => v === 40, 10_000)).toBe(40);
      const r = await series(patient);
      expect(r.extensions?.sqlStatements).toBe(1); // counted on the replica's connection too
      // The strict hub stops reading the replica once it cannot prove it within a second.
      const [behind] = await until(async () => strict.hub.replicas.status(), (s) => (s[0].lagBoundMs ?? 0) > 1000, 10_000);
      expect(behind).toMatchObject({ usable: false });
      expect(behind.lagBoundMs).toBeGreaterThan(1000);
      expect(await valueOn(strict)).toBe(41);
    } finally {
      await resumeReplay();
    }
    expect(await until(() => valueOn(patient), (v) => v === 41, 10_000)).toBe(41);
    expect((await until(async () => strict.hub.replicas.status(), (s) => s[0].usable, 20_000))[0].usable).toBe(true);
  });

  it('who may see is read from the primary: a revoked agreement ends at once, even on a paused replica', async () => {
    const input = {
      code: 'DSA-REPLICA', grantorCode: 'AG-SCA', granteeCode: 'AG-RAZI', purpose: 'پژوهش', categoryCodes: ['DOMESTIC_VIOLENCE'],
      regionRootCode: 'KSH-09', finestLevel: 'CITY' as const, validFrom: '2025-01-01', validTo: '2099-12-31',
    };
    expect((await patient.gql(CreateDataSharingAgreementDocument, { input }, GOV_ADMIN)).errors).toBeUndefined();
    await caughtUp();
    const dv = () => patient.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'] } }, RESEARCHER);
    const before = await dv();
    expect(before.errors).toBeUndefined();
    expect(before.data!.observations.nodes.map((n) => [n.region.code, n.value])).toEqual([['KSH-09', 41], ['KSH-09-C01', 12]]);
    await pauseReplay();
    try {
      expect((await patient.gql(RevokeDataSharingAgreementDocument, { code: 'DSA-REPLICA' }, GOV_ADMIN)).errors).toBeUndefined();
      // The replica still holds the agreement as active; the hub reads the grant from the primary.
      const stillActive = await pair.onReplica(
        async (c) => (await c.query(`select revoked_at is null as active from data_sharing_agreement where code = 'DSA-REPLICA'`)).rows[0].active,
        'pol',
      );
      expect(stillActive).toBe(true);
      const after = await dv();
      expect(after.errors).toBeUndefined();
      expect(after.data!.observations.nodes).toEqual([]);
    } finally {
      await resumeReplay();
    }
  });

  it('a replica that goes away: reads go to the primary without an error, and back to it when it returns', async () => {
    await pair.stopReplica();
    try {
      const r = await series(patient);
      expect(r.errors).toBeUndefined();
      expect(r.data!.indicatorSeries[0].value).toBe(41);
      expect(patient.hub.replicas.status()[0].usable).toBe(false);
      const page = await patient.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'] } }, DG);
      expect(page.errors).toBeUndefined();
      expect(page.data!.observations.totalCount).toBe(2);
    } finally {
      await pair.startReplica();
    }
    expect((await until(async () => patient.hub.replicas.status(), (s) => s[0].usable, 20_000))[0].usable).toBe(true);
    expect(await valueOn(patient)).toBe(41);
  });

  it('a replica that never answers holds up neither the start nor the reads', async () => {
    // Accepts connections and never says a word, as a host behind a network cut would.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const started = Date.now();
    const hub = await startTestHub({ DATABASE_REPLICA_URLS: `postgres://pol:x@127.0.0.1:${port}/pol`, POL_REPLICA_PROBE_MS: '100' }, withDatabase(pair.primaryUrl, 'pol'));
    try {
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(hub.hub.replicas.status()).toEqual([expect.objectContaining({ usable: false, lagBoundMs: null })]);
      expect(await valueOn(hub)).toBe(41);
    } finally {
      await hub.close();
      silent.close();
    }
  });
});
