import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessLogDocument, IndicatorSeriesDocument, ObservationsDocument } from '../schema/client/graphql';
import { insertCells } from './support/harm-fixtures';
import { AccessLogWriter, type AccessLogRow } from '../src/modules/audit/access-log.service';
import { Sensitivity } from '../src/modules/harm/harm.enums';
import { accessLogPlugin } from '../src/modules/audit/access-log.plugin';
import { createLogger } from '../src/server/log';
import { codes, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
const logRows = async () => hub.sql<{ person_id: number | null; indicator_id: number; refused: boolean; value_count: number; region_codes: string[]; granted_by: string; operation: string; role: string | null }>(
  'select * from access_log order by id',
);
const clearLog = () => hub.sql('delete from access_log');

beforeAll(async () => {
  hub = await startTestHub();
  const cells = [];
  for (const indicator of ['DV_REPORTS', 'DIVORCE_REG', 'ADDICTION_ADMISSIONS', 'CULTURE_PARTICIPANTS']) {
    for (const region of ['KSH-09', 'KSH-09-C01', 'KSH-01']) {
      for (const period of ['1405-01', '1405-02']) cells.push({ indicator, region, period, value: 25, agency: region.startsWith('KSH-09') ? 'AG-CG-09' : 'AG-CG-01' });
    }
  }
  await insertCells(hub, cells);
});
afterAll(() => hub?.close());

describe('the access log', () => {
  it('one record per sensitive indicator per request, with who, what, when and under which rule', async () => {
    await clearLog();
    const r = await hub.gql(
      ObservationsDocument,
      { filter: { indicators: ['DV_REPORTS', 'DIVORCE_REG', 'CULTURE_PARTICIPANTS'], within: 'KSH-09' } },
      { as: 'dg@sca.kermanshah.example' },
    );
    expect(r.data!.observations.nodes).toHaveLength(12);
    const rows = await logRows();
    // OPEN data is not logged; DV and divorce are, once each.
    expect(rows).toHaveLength(2);
    const dv = rows.find((x) => x.granted_by.includes('CONFIDENTIAL'))!;
    expect(dv).toMatchObject({ refused: false, value_count: 4, role: 'DIRECTOR', operation: 'observations', region_codes: ['KSH-09', 'KSH-09-C01'] });
    expect(dv.granted_by).toMatch(/matrix: PROVINCIAL_MONITORING CONFIDENTIAL/);
  });

  it('is written in bulk: the statements of a request do not grow with the indicators read', async () => {
    const one = await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'] } }, { as: 'dg@sca.kermanshah.example' });
    const three = await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS', 'DIVORCE_REG', 'ADDICTION_ADMISSIONS'] } }, { as: 'dg@sca.kermanshah.example' });
    expect(three.extensions!.sqlStatements).toBe(one.extensions!.sqlStatements);
  });

  it('logs statistics too, and a refused request as a refusal', async () => {
    await clearLog();
    await hub.gql(IndicatorSeriesDocument, { input: { indicators: ['DV_REPORTS'], level: 'COUNTY', granularity: 'MONTH', from: '1405-01', to: '1405-02' } }, { as: 'steward@cg-sahneh.kermanshah.example' });
    const pub = await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'] } });
    expect(pub.data!.observations.nodes).toEqual([]);
    const rows = await logRows();
    // Two months, and 1405-01 once more as the previous period of 1405-02: three values returned.
    expect(rows.map((x) => [x.operation, x.refused, x.value_count, x.person_id === null])).toEqual([
      ['indicatorSeries', false, 3, false],
      ['observations', true, 0, true],
    ]);
  });

  it('answers "who looked at domestic violence figures for Sahneh?" for the director general and the deputy only', async () => {
    await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'], within: 'KSH-09' } }, { as: 'steward@cg-sahneh.kermanshah.example' });
    const question = { indicatorCode: 'DV_REPORTS', regionCode: 'KSH-09', since: new Date(Date.now() - 31 * 86400_000).toISOString() };
    for (const as of ['dg@sca.kermanshah.example', 'harm.deputy@sca.kermanshah.example']) {
      const r = await hub.gql(AccessLogDocument, question, { as });
      expect(r.errors, as).toBeUndefined();
      const who = r.data!.accessLog!.nodes.map((n) => n.person?.email);
      expect(who).toContain('steward@cg-sahneh.kermanshah.example');
      expect(r.data!.accessLog!.nodes.every((n) => n.indicator.code === 'DV_REPORTS' && n.regionCodes.includes('KSH-09'))).toBe(true);
    }
    expect(codes(await hub.gql(AccessLogDocument, question, { as: 'analyst@sca.kermanshah.example' }))).toEqual(['FORBIDDEN']);
    expect(codes(await hub.gql(AccessLogDocument, question, { as: 'ngo.deputy@sca.kermanshah.example' }))).toEqual(['FORBIDDEN']);
    expect(codes(await hub.gql(AccessLogDocument, question))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('writing the access log under load', () => {
  const row = (requestId: string): Omit<AccessLogRow, 'refused'> => ({
    request_id: requestId, client_request_id: null, person_id: null, agency_id: null, role: null, indicator_id: 1, sensitivity: Sensitivity.RESTRICTED,
    region_codes: 'KSH-09', period_from: '1405-01', period_to: '1405-01', value_count: 1, operation: 'test', granted_by: 'test',
  });

  it('commits the records of concurrent requests together, each request waiting for its own', async () => {
    await clearLog();
    const writer = new AccessLogWriter(hub.orm);
    await Promise.all(Array.from({ length: 40 }, (_, i) => writer.write([{ ...row(`load-${i}`), refused: false }, { ...row(`load-${i}`), refused: true }])));
    const [{ n, requests, commits }] = await hub.sql<{ n: number; requests: number; commits: number }>(
      `select count(*)::int as n, count(distinct request_id)::int as requests, count(distinct xmin::text)::int as commits from access_log where operation = 'test'`,
    );
    expect(n).toBe(80);
    expect(requests).toBe(40);
    // The first goes alone, the 39 that queued behind it together.
    expect(commits).toBeLessThanOrEqual(3);
  });

  it('fails only the request whose records cannot be written', async () => {
    await clearLog();
    const writer = new AccessLogWriter(hub.orm);
    const results = await Promise.allSettled([
      writer.write([{ ...row('first'), refused: false }]),
      writer.write([{ ...row('ok-1'), refused: false }]),
      writer.write([{ ...row('x'.repeat(65)), refused: false }]), // longer than request_id allows
      writer.write([{ ...row('ok-2'), refused: false }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await hub.sql<{ request_id: string }>(`select request_id from access_log order by request_id`)).map((r) => r.request_id)).toEqual(['first', 'ok-1', 'ok-2']);
  });
});

describe('an access log that cannot be written', () => {
  const run = async (failure: Error) => {
    const writer = { write: async () => { throw failure; } } as unknown as AccessLogWriter;
    const hooks = await accessLogPlugin(createLogger('silent'), writer).requestDidStart!({} as never);
    const response = { body: { kind: 'single', singleResult: { data: { observations: { nodes: [{ value: 25 }] } } } }, http: { status: undefined as number | undefined, headers: new Map<string, string>() } };
    const contextValue = { access: { rows: () => [] }, viewer: {}, requestId: 'r' };
    return { response, outcome: await (hooks as { willSendResponse: (a: unknown) => Promise<void> }).willSendResponse({ contextValue, response }).then(() => 'sent', (e: Error) => e.message) };
  };

  it('withholds the data: SERVICE_UNAVAILABLE (503, Retry-After) when the database is unreachable', async () => {
    const { response, outcome } = await run(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }));
    expect(outcome).toBe('sent');
    expect(response.http.status).toBe(503);
    expect(response.http.headers.get('retry-after')).toBe('5');
    expect(response.body).toEqual({ kind: 'single', singleResult: { errors: [{ message: expect.stringMatching(/unavailable/), extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } }] } });
  });

  it('fails the request on any other failure (the data never leaves)', async () => {
    const { outcome } = await run(new Error('value too long for type character varying(64)'));
    expect(outcome).toMatch(/value too long/);
  });
});
