import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApproveObservationsDocument, ObservationDetailsDocument, ObservationsDocument, RejectObservationsDocument, SubmitObservationsDocument,
} from '../schema/client/graphql';
import { codes, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const STEWARD = 'steward@cg-kermanshah.kermanshah.example'; // AG-CG-01, jurisdiction KSH-01
const DEPUTY = 'harm.deputy@sca.kermanshah.example';
const rowCount = async () => Number((await hub.sql<{ n: string }>('select count(*) as n from observation'))[0].n);
const batchCount = async () => Number((await hub.sql<{ n: string }>('select count(*) as n from observation_batch'))[0].n);

type Row = { indicatorCode: string; regionCode: string; period: string; value: number; sex?: 'TOTAL' | 'FEMALE' | 'MALE'; note?: string };
const submit = (rows: Row[], idempotencyKey: string, as = STEWARD, asDraft = false) =>
  hub.gql(SubmitObservationsDocument, { input: { idempotencyKey, rows: rows.map((r) => ({ sex: 'TOTAL' as const, ageGroup: 'TOTAL' as const, ...r })), asDraft } }, { as });

describe('submitObservations', () => {
  it('a batch with one bad row saves nothing and names the row and field', async () => {
    const before = [await rowCount(), await batchCount()];
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => ({ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: `1404-${String(i + 1).padStart(2, '0')}`, value: 40 + i }));
    rows[7] = { ...rows[7], value: -3 };
    const r = await submit(rows, 'bad-batch-1');
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.data!.submitObservations).toBeNull();
    expect(r.errors![0].extensions!.problems).toEqual([{ field: 'rows.7.value', message: 'must be a number ≥ 0' }]);
    expect(r.errors![0].message).toMatch(/nothing was saved/);
    expect([await rowCount(), await batchCount()]).toEqual(before);
  });

  it('checks every row against the indicator, the agency and its jurisdiction', async () => {
    const rows: Row[] = [
      { indicatorCode: 'NOPE', regionCode: 'KSH-01', period: '1404-01', value: 1 },
      { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-09', period: '1404-01', value: 1 }, // Sahneh: not its county
      { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-Q1', value: 1 }, // monthly indicator
      { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-13', value: 1 },
      { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-02', value: 2.5 }, // counts are whole
      { indicatorCode: 'DIVORCE_REG', regionCode: 'NOWHERE', period: '1404-01', value: 1 },
      { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-03', value: 1 },
      { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-03', value: 2 }, // the same cell twice
      { indicatorCode: 'UNEMPLOYMENT_RATE', regionCode: 'KSH-01', period: '1404-Q1', value: 12 }, // not reported by county governorates
    ];
    const r = await submit(rows, 'bad-batch-2');
    const fields = (r.errors![0].extensions!.problems as Array<{ field: string }>).map((p) => p.field);
    expect(fields).toEqual([
      'rows.0.indicatorCode', 'rows.1.regionCode', 'rows.2.period', 'rows.3.period', 'rows.4.value', 'rows.5.regionCode', 'rows.7.period', 'rows.8.indicatorCode',
    ]);
  });

  it('refuses callers who are not data stewards, and drafts count as saved', async () => {
    const row: Row = { indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-01', value: 10 };
    expect(codes(await hub.gql(SubmitObservationsDocument, { input: { idempotencyKey: 'x', rows: [{ ...row, sex: 'TOTAL', ageGroup: 'TOTAL' }], asDraft: false } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await submit([row], 'k-member', 'member@mehrafarin.ngo.example'))).toEqual(['FORBIDDEN']);
    expect(codes(await submit([row], 'k-admin', 'ali.mohammadi@cg-kermanshah.kermanshah.example'))).toEqual(['FORBIDDEN']);
  });

  it('the same batch twice saves once; the key with other rows is a CONFLICT', async () => {
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => ({ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01-C01-N01', period: `1403-${String(i + 1).padStart(2, '0')}`, value: 10 + i }));
    const before = await rowCount();
    const first = await submit(rows, 'kermanshah-1403-divorce');
    expect(first.errors).toBeUndefined();
    expect(first.data!.submitObservations).toMatchObject({ rows: 12, created: 12, corrected: 0, replayed: false });
    const again = await submit(rows, 'kermanshah-1403-divorce');
    expect(again.data!.submitObservations).toMatchObject({ batchId: first.data!.submitObservations!.batchId, rows: 12, replayed: true });
    expect(await rowCount()).toBe(before + 12);
    const other = await submit([{ ...rows[0], value: 99 }], 'kermanshah-1403-divorce');
    expect(codes(other)).toEqual(['CONFLICT']);
    expect(await rowCount()).toBe(before + 12);
  });

  it('the same key from two requests at once saves once', async () => {
    const rows: Row[] = [{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01-C01-N02', period: '1403-01', value: 7 }];
    const before = await rowCount();
    const [a, b] = await Promise.all([submit(rows, 'race-key'), submit(rows, 'race-key')]);
    expect([a.data!.submitObservations!.batchId]).toEqual([b.data!.submitObservations!.batchId]);
    expect([a.data!.submitObservations!.replayed, b.data!.submitObservations!.replayed].sort()).toEqual([false, true]);
    expect(await rowCount()).toBe(before + 1);
  });

  it('takes 10,000 rows in one batch', async () => {
    const neighbourhoods = (await hub.sql<{ code: string }>(`select code from region where code like 'KSH-01-C01-N%' order by code`)).map((r) => r.code);
    const rows: Row[] = [];
    for (let y = 1370; rows.length < 10_000; y++) {
      for (let m = 1; m <= 12 && rows.length < 10_000; m++) {
        for (const code of neighbourhoods) {
          if (rows.length < 10_000) rows.push({ indicatorCode: 'CULTURE_PARTICIPANTS', regionCode: code, period: `${y}-${String(m).padStart(2, '0')}`, value: (y * m) % 500 });
        }
      }
    }
    const before = await rowCount();
    const r = await submit(rows, 'big-batch');
    expect(r.errors).toBeUndefined();
    expect(r.data!.submitObservations).toMatchObject({ rows: 10_000, created: 10_000 });
    expect(await rowCount()).toBe(before + 10_000);
  }, 60_000);
});

describe('approval and corrections', () => {
  it('submitted values are seen by their agency and the deputy only, until approved', async () => {
    const sub = await submit([{ indicatorCode: 'DV_REPORTS', regionCode: 'KSH-01', period: '1404-06', value: 31, note: 'پرونده‌های ارجاعی اورژانس اجتماعی' }], 'dv-1404-06');
    expect(sub.errors).toBeUndefined();
    const filter = { indicators: ['DV_REPORTS'], from: '1404-06', to: '1404-06' };
    const own = await hub.gql(ObservationDetailsDocument, { filter }, { as: STEWARD });
    expect(own.data!.observations.nodes).toHaveLength(1);
    expect(own.data!.observations.nodes[0]).toMatchObject({ status: 'SUBMITTED', value: 31, note: 'پرونده‌های ارجاعی اورژانس اجتماعی' });
    const dg = await hub.gql(ObservationDetailsDocument, { filter }, { as: 'dg@sca.kermanshah.example' });
    expect(dg.data!.observations.nodes).toHaveLength(0);
    const deputy = await hub.gql(ObservationDetailsDocument, { filter }, { as: DEPUTY });
    const id = deputy.data!.observations.nodes[0].id;
    expect(codes(await hub.gql(ApproveObservationsDocument, { ids: [id] }, { as: 'dg@sca.kermanshah.example' }))).toEqual(['FORBIDDEN']);
    expect(codes(await hub.gql(ApproveObservationsDocument, { ids: [id] }, { as: STEWARD }))).toEqual(['FORBIDDEN']);
    const ok = await hub.gql(ApproveObservationsDocument, { ids: [id] }, { as: DEPUTY });
    expect(ok.data!.approveObservations).toEqual({ count: 1 });
    const after = await hub.gql(ObservationDetailsDocument, { filter }, { as: 'dg@sca.kermanshah.example' });
    expect(after.data!.observations.nodes).toMatchObject([{ status: 'APPROVED', value: 31, note: null }]);
    // Approving again: not SUBMITTED any more.
    expect(codes(await hub.gql(ApproveObservationsDocument, { ids: [id] }, { as: DEPUTY }))).toEqual(['BAD_USER_INPUT']);
  });

  it('correcting an approved value makes a new version awaiting approval; the old one stays in history', async () => {
    const filter = { indicators: ['DV_REPORTS'], from: '1404-06', to: '1404-06' };
    const r = await submit([{ indicatorCode: 'DV_REPORTS', regionCode: 'KSH-01', period: '1404-06', value: 33 }], 'dv-1404-06-fix');
    expect(r.data!.submitObservations).toMatchObject({ created: 0, corrected: 1 });
    // Others keep seeing the approved version in force until the correction is approved.
    const dg = await hub.gql(ObservationsDocument, { filter }, { as: 'dg@sca.kermanshah.example' });
    expect(dg.data!.observations.nodes.map((n) => [n.version, n.value, n.status, n.isCurrent])).toEqual([[1, 31, 'APPROVED', true]]);
    const history = await hub.gql(ObservationsDocument, { filter: { ...filter, includeHistory: true } }, { as: DEPUTY });
    const versions = history.data!.observations.nodes.map((n) => [n.version, n.value, n.status, n.isCurrent]);
    expect(versions).toEqual([[1, 31, 'APPROVED', false], [2, 33, 'SUBMITTED', true]]);
    // History (and the waiting correction) is for the reporting agency and the deputy.
    const dgHistory = await hub.gql(ObservationsDocument, { filter: { ...filter, includeHistory: true } }, { as: 'dg@sca.kermanshah.example' });
    expect(dgHistory.data!.observations.nodes.map((n) => [n.version, n.value])).toEqual([[1, 31]]);
    // Once approved, the correction is the version in force for everyone.
    const id = history.data!.observations.nodes.find((n) => n.version === 2)!.id;
    expect((await hub.gql(ApproveObservationsDocument, { ids: [id] }, { as: DEPUTY })).errors).toBeUndefined();
    const after = await hub.gql(ObservationsDocument, { filter }, { as: 'dg@sca.kermanshah.example' });
    expect(after.data!.observations.nodes.map((n) => [n.version, n.value, n.status, n.isCurrent])).toEqual([[2, 33, 'APPROVED', true]]);
  });

  it('rejection needs a reason, and the reporting agency sees why', async () => {
    const sub = await submit([{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-07', value: 140 }], 'div-1404-07');
    expect(sub.errors).toBeUndefined();
    const filter = { indicators: ['DIVORCE_REG'], from: '1404-07', to: '1404-07' };
    const id = (await hub.gql(ObservationsDocument, { filter }, { as: DEPUTY })).data!.observations.nodes[0].id;
    expect(codes(await hub.gql(RejectObservationsDocument, { ids: [id], reason: '' }, { as: DEPUTY }))).toEqual(['BAD_USER_INPUT']);
    const rej = await hub.gql(RejectObservationsDocument, { ids: [id], reason: 'با آمار ثبت احوال همخوانی ندارد' }, { as: DEPUTY });
    expect(rej.data!.rejectObservations).toEqual({ count: 1 });
    const own = await hub.gql(ObservationsDocument, { filter }, { as: STEWARD });
    expect(own.data!.observations.nodes[0].status).toBe('REJECTED');
  });

  it('another agency cannot overwrite a cell it did not report', async () => {
    const r = await submit([{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01-C01', period: '1404-07', value: 5 }], 'council-try', 'bahareh.darvishi@council-kermanshah.kermanshah.example');
    // A council member is not a data steward.
    expect(codes(r)).toEqual(['FORBIDDEN']);
    await hub.sql(`update membership set role = 'DATA_STEWARD' where person_id = (select id from person where email = 'bahareh.darvishi@council-kermanshah.kermanshah.example')`);
    await submit([{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01-C01', period: '1404-08', value: 9 }], 'gov-first');
    const clash = await submit([{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01-C01', period: '1404-08', value: 5 }], 'council-second', 'bahareh.darvishi@council-kermanshah.kermanshah.example');
    expect(codes(clash)).toEqual(['BAD_USER_INPUT']);
    expect(clash.errors![0].extensions!.problems).toEqual([{ field: 'rows.0.regionCode', message: expect.stringMatching(/reported by AG-CG-01/) }]);
  });
});

describe('reading observations', () => {
  it('SQL statements per page do not grow with the page size', async () => {
    const filter = { indicators: ['CULTURE_PARTICIPANTS'] };
    // The 10,000 rows submitted above await approval: their reporting agency sees them.
    await hub.gql(ObservationsDocument, { filter, first: 1 }, { as: STEWARD }); // the caller is read once, then kept
    const small = await hub.gql(ObservationsDocument, { filter, first: 5 }, { as: STEWARD });
    const big = await hub.gql(ObservationsDocument, { filter, first: 100 }, { as: STEWARD });
    expect(big.data!.observations.nodes).toHaveLength(100);
    expect(big.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });

  it('pages with cursors and counts the total', async () => {
    const filter = { indicators: ['CULTURE_PARTICIPANTS'], within: 'KSH-01-C01-N03' };
    const p1 = await hub.gql(ObservationsDocument, { filter, first: 50 }, { as: STEWARD });
    const p2 = await hub.gql(ObservationsDocument, { filter, first: 50, after: p1.data!.observations.pageInfo.endCursor }, { as: STEWARD });
    const ids = [...p1.data!.observations.nodes, ...p2.data!.observations.nodes].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(p1.data!.observations.totalCount).toBeGreaterThan(50);
  });

  it('keeps to a subtree with `within`, and finds nothing under an unknown region code', async () => {
    const inCity = await hub.gql(ObservationsDocument, { filter: { indicators: ['CULTURE_PARTICIPANTS'], within: 'KSH-01-C01' }, first: 100 }, { as: STEWARD });
    expect(inCity.errors).toBeUndefined();
    expect(inCity.data!.observations.nodes.length).toBeGreaterThan(0);
    expect(inCity.data!.observations.nodes.every((n) => n.region.code.startsWith('KSH-01-C01'))).toBe(true);
    for (const code of ['NOPE', 'KSH_01', 'KSH-01%']) {
      const none = await hub.gql(ObservationsDocument, { filter: { within: code } }, { as: STEWARD });
      expect(none.errors).toBeUndefined();
      expect(none.data!.observations.totalCount).toBe(0);
    }
  });

  it('bad filters are clear errors', async () => {
    expect(codes(await hub.gql(ObservationsDocument, { filter: { from: '1404/07' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await hub.gql(ObservationsDocument, { first: 1000 }))).toEqual(['BAD_USER_INPUT']);
  });
});
