/**
 * The holes a hostile partner found, each tried again through the API as they tried it: an agency
 * widening its own jurisdiction, roles granted above one's own or to oneself, a membership ended
 * "today" that kept its access, enrolling someone to read their contact data, an agreement from a
 * grantor sharing data it does not hold, and access-log records that could not be found.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcceptMembershipDocument,
  AccessLogDocument,
  AddMembershipDocument,
  AgencyDocument,
  AuditTrailDocument,
  CreateDataSharingAgreementDocument,
  EndMembershipAtOnceDocument,
  HandOverPostDocument,
  IndicatorSeriesDocument,
  MeDocument,
  ObservationsDocument,
  SubmitObservationsDocument,
  UpdateAgencyDocument,
} from '../schema/client/graphql';
import { appointByOperator } from '../src/modules/post/post.service';
import { insertCells, type FixtureCell } from './support/harm-fixtures';
import { codes, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
const COUNTIES = Array.from({ length: 14 }, (_, n) => `KSH-${String(n + 1).padStart(2, '0')}`);
const SCA_ADMIN = 'admin@sca.kermanshah.example';
const GOV_ADMIN = 'babak.sanjabi@gov.kermanshah.example';
const DG = 'dg@sca.kermanshah.example';
const SAHNEH_ADMIN = 'saeed.parvizi@cg-sahneh.kermanshah.example';
const SAHNEH_STEWARD = 'steward@cg-sahneh.kermanshah.example';

beforeAll(async () => {
  hub = await startTestHub();
  // Domestic violence reports (CONFIDENTIAL) of the province, its counties and Kermanshah city's
  // neighbourhoods, for three months: 47 regions a month, nothing small.
  const neighbourhoods = (await hub.sql<{ code: string }>(`select code from region where level = 'NEIGHBOURHOOD' order by code`)).map((r) => r.code);
  const cells: FixtureCell[] = [];
  for (const period of ['1404-01', '1404-12', '1405-01']) {
    cells.push({ indicator: 'DV_REPORTS', region: 'KSH', period, value: 900, agency: 'AG-WELFARE' });
    COUNTIES.forEach((c, i) => cells.push({ indicator: 'DV_REPORTS', region: c, period, value: 30 + i, agency: `AG-CG-${c.slice(4)}` }));
    neighbourhoods.forEach((n, i) => cells.push({ indicator: 'DV_REPORTS', region: n, period, value: 10 + i, agency: 'AG-CG-01' }));
  }
  await insertCells(hub, cells);
});
afterAll(() => hub?.close());

const dvCounties = async (as: string, membership?: string) =>
  (await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'], levels: ['PROVINCE', 'COUNTY'], from: '1405-01', to: '1405-01' }, first: 100 }, { as, membership }))
    .data!.observations.nodes.map((o) => o.region.code).sort();

describe('what defines an agency\'s rights is not the agency\'s to change', () => {
  it("Sahneh's admin cannot widen Sahneh's jurisdiction, change its kind or its parent; its steward still sees Sahneh only", async () => {
    for (const input of [{ jurisdictionCode: 'KSH' }, { kind: 'PROVINCIAL_GOVERNORATE' as const }, { parentCode: 'AG-SCA' }, { nameEn: 'Sahneh', jurisdictionCode: 'KSH' }]) {
      const r = await hub.gql(UpdateAgencyDocument, { code: 'AG-CG-09', input }, { as: SAHNEH_ADMIN });
      expect(codes(r), JSON.stringify(input)).toEqual(['FORBIDDEN']);
    }
    const agency = await hub.gql(AgencyDocument, { code: 'AG-CG-09' });
    expect(agency.data!.agency).toMatchObject({ kind: 'COUNTY_GOVERNORATE', jurisdiction: { code: 'KSH-09' }, parent: { code: 'AG-GOV' }, nameEn: 'Sahneh County Governorate' });
    expect(await dvCounties(SAHNEH_STEWARD)).toEqual(['KSH-09']);
    // Nor can it enter values for regions outside Sahneh.
    const submit = await hub.gql(SubmitObservationsDocument, {
      input: { idempotencyKey: 'widen', rows: [{ indicatorCode: 'DV_REPORTS', regionCode: 'KSH-01-C01-N01', period: '1405-02', value: 4 }] },
    }, { as: SAHNEH_STEWARD });
    expect(codes(submit)).toEqual(['BAD_USER_INPUT']);
  });

  it('the provincial governorate may, and every such change is in the audit trail with the values before and after', async () => {
    const r = await hub.gql(UpdateAgencyDocument, { code: 'AG-CUL-03', input: { jurisdictionCode: 'KSH-09', parentCode: 'AG-CG-09' } }, { as: SCA_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateAgency).toMatchObject({ jurisdiction: { code: 'KSH-09' }, parent: { code: 'AG-CG-09' } });
    const trail = await hub.gql(AuditTrailDocument, { action: 'agency.redefine', target: 'AG-CUL-03' }, { as: DG });
    expect(trail.data!.auditTrail!.nodes).toEqual([
      expect.objectContaining({
        action: 'agency.redefine', target: 'AG-CUL-03', role: 'ADMIN', person: { email: SCA_ADMIN }, agency: { code: 'AG-SCA' },
        details: {
          before: { kind: 'CULTURAL_CENTER', jurisdiction: 'KSH-09-C01', parent: null },
          after: { kind: 'CULTURAL_CENTER', jurisdiction: 'KSH-09', parent: 'AG-CG-09' },
        },
      }),
    ]);
    // An agency cannot be placed under itself.
    expect(codes(await hub.gql(UpdateAgencyDocument, { code: 'AG-CG-09', input: { parentCode: 'AG-CUL-03' } }, { as: SCA_ADMIN }))).toEqual(['BAD_USER_INPUT']);
    // The audit trail is the province's: not for the agency that was changed, nor for partners.
    for (const as of [SAHNEH_ADMIN, 'member@mehrafarin.ngo.example']) expect(codes(await hub.gql(AuditTrailDocument, {}, { as }))).toEqual(['FORBIDDEN']);
  });
});

describe("roles grant no more than their granter holds, and the director general's powers come from the post", () => {
  it('a provincial admin cannot make himself the director, nor anyone else a director, nor a monitoring analyst', async () => {
    const add = (personEmail: string, role: 'DIRECTOR' | 'ANALYST' | 'ADMIN' | 'MEMBER', unitCode?: string) =>
      hub.gql(AddMembershipDocument, { input: { agencyCode: 'AG-SCA', personEmail, role, unitCode } }, { as: SCA_ADMIN });
    const self = await add(SCA_ADMIN, 'DIRECTOR');
    expect(codes(self)).toEqual(['FORBIDDEN']);
    expect(self.errors![0].message).toMatch(/themselves/);
    expect(codes(await add(SCA_ADMIN, 'MEMBER'))).toEqual(['FORBIDDEN']);
    const above = await add('elham.amiri@sca.kermanshah.example', 'DIRECTOR');
    expect(codes(above)).toEqual(['FORBIDDEN']);
    expect(above.errors![0].message).toMatch(/above your own role/);
    const monitoring = await add('elham.amiri@sca.kermanshah.example', 'ANALYST', 'U-HARM');
    expect(codes(monitoring)).toEqual(['FORBIDDEN']);
    expect(monitoring.errors![0].message).toMatch(/every harm value/);
    // Within his own rank he still can.
    expect((await add('elham.amiri@sca.kermanshah.example', 'MEMBER')).errors).toBeUndefined();
  });

  it('a director without the post reads no confidential neighbourhood value and no access log', async () => {
    // The director general (who may grant a DIRECTOR) makes the office's admin a director.
    const made = await hub.gql(AddMembershipDocument, { input: { agencyCode: 'AG-SCA', personEmail: SCA_ADMIN, role: 'DIRECTOR' } }, { as: DG });
    expect(made.errors).toBeUndefined();
    const membership = made.data!.addMembership!.id;
    const me = await hub.gql(MeDocument, {}, { as: SCA_ADMIN, membership });
    expect(me.data!.me!.acting).toMatchObject({ role: 'DIRECTOR', agency: { code: 'AG-SCA' }, unit: null });
    const neighbourhood = await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'], levels: ['NEIGHBOURHOOD'] } }, { as: SCA_ADMIN, membership });
    expect(neighbourhood.data!.observations.nodes).toEqual([]);
    expect(codes(await hub.gql(AccessLogDocument, {}, { as: SCA_ADMIN, membership }))).toEqual(['FORBIDDEN']);
    // The director general, holding the post, does.
    expect((await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'], levels: ['NEIGHBOURHOOD'] }, first: 5 }, { as: DG })).data!.observations.nodes).toHaveLength(5);
    expect((await hub.gql(AccessLogDocument, {}, { as: DG })).errors).toBeUndefined();
  });

  it("the director general's post is not the admins' to give: handed over by its holder, when vacant only by the hub's operators", async () => {
    const toSelf = await hub.gql(HandOverPostDocument, { input: { postCode: 'POST-SCA-DG', successorEmail: GOV_ADMIN } }, { as: GOV_ADMIN });
    expect(codes(toSelf)).toEqual(['FORBIDDEN']);
    const toOther = await hub.gql(HandOverPostDocument, { input: { postCode: 'POST-SCA-DG', successorEmail: 'analyst@sca.kermanshah.example' } }, { as: SCA_ADMIN });
    expect(codes(toOther)).toEqual(['FORBIDDEN']);
    // Nor may the holder appoint himself to the deputy's post.
    expect(codes(await hub.gql(HandOverPostDocument, { input: { postCode: 'POST-SCA-HARM-DEPUTY', successorEmail: DG } }, { as: DG }))).toEqual(['FORBIDDEN']);

    // The post falls vacant (plain SQL: the holder left); nobody in the hub may fill it.
    await hub.sql(`update appointment set ended_on = '2026-06-01' where post_id = (select id from post where code = 'POST-SCA-DG') and ended_on is null`);
    for (const as of [GOV_ADMIN, SCA_ADMIN, DG]) {
      const r = await hub.gql(HandOverPostDocument, { input: { postCode: 'POST-SCA-DG', successorEmail: 'analyst@sca.kermanshah.example' } }, { as });
      expect(codes(r), as).toEqual(['FORBIDDEN']);
    }
    // The former holder lost the powers with the post.
    expect(codes(await hub.gql(AccessLogDocument, {}, { as: DG }))).toEqual(['FORBIDDEN']);
    // The operators fill it on the server, and that is in the audit trail as theirs.
    await appointByOperator(hub.orm.em.fork(), 'POST-SCA-DG', DG);
    expect((await hub.gql(AccessLogDocument, {}, { as: DG })).errors).toBeUndefined();
    const trail = await hub.gql(AuditTrailDocument, { action: 'post.handover', target: 'POST-SCA-DG' }, { as: DG });
    expect(trail.data!.auditTrail!.nodes.at(-1)).toMatchObject({ person: null, role: null, details: { byOperators: true, to: DG } });
  });
});

describe('ending a membership today takes effect at once', () => {
  it('the ended steward reads nothing confidential on the very next request', async () => {
    expect(await dvCounties(SAHNEH_STEWARD)).toEqual(['KSH-09']);
    const [{ id }] = await hub.sql<{ id: number }>(`select m.id from membership m join person p on p.id = m.person_id where p.email = ? and m.ended_at is null`, [SAHNEH_STEWARD]);
    const ended = await hub.gql(EndMembershipAtOnceDocument, { input: { membershipId: String(id) } }, { as: SAHNEH_ADMIN });
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.endMembership).toMatchObject({ current: false });
    expect(ended.data!.endMembership!.endedAt).toBeTruthy();
    expect(await dvCounties(SAHNEH_STEWARD)).toEqual([]);
    expect((await hub.gql(MeDocument, {}, { as: SAHNEH_STEWARD })).data!.me!.acting).toBeNull();
  });
});

describe('enrolling someone gives no access to their contact data', () => {
  it("an NGO's admin adds a county official: no phone or national ID, before or after they accept; their own agency's admin still sees them", async () => {
    const ngoAdmin = 'omid.ranjbar@omid-sahneh.ngo.example';
    const official = 'shilan.veisi@cg-paveh.kermanshah.example';
    const added = await hub.gql(AddMembershipDocument, { input: { agencyCode: 'AG-NGO-SAHNEH-ADDICTION', personEmail: official, role: 'MEMBER' } }, { as: ngoAdmin });
    expect(added.data!.addMembership).toMatchObject({ current: false, acceptedAt: null });
    const members = async () => (await hub.gql(AgencyDocument, { code: 'AG-NGO-SAHNEH-ADDICTION', includeEnded: true }, { as: ngoAdmin }));
    const before = await members();
    const row = before.data!.agency!.memberships!.find((m) => m.person.email === official)!;
    expect([row.person.phone, row.person.nationalId]).toEqual([null, null]);
    expect(new Set(codes(before))).toEqual(new Set(['FORBIDDEN']));
    expect((await hub.gql(AcceptMembershipDocument, { input: { membershipId: added.data!.addMembership!.id } }, { as: official })).errors).toBeUndefined();
    const after = (await members()).data!.agency!.memberships!.find((m) => m.person.email === official)!;
    expect([after.person.phone, after.person.nationalId]).toEqual([null, null]);
    // Paveh's county governorate registered her: its admin reads them.
    const home = await hub.gql(AgencyDocument, { code: 'AG-CG-03' }, { as: 'hiwa.hawrami@cg-paveh.kermanshah.example' });
    expect(home.data!.agency!.memberships!.find((m) => m.person.email === official)!.person.phone).toBe('09186363542');
  });
});

describe('an agreement shares only what its grantor holds', () => {
  it("an environmental NGO's agreement gives the university none of the county governorates' domestic violence data", async () => {
    const r = await hub.gql(CreateDataSharingAgreementDocument, {
      input: {
        code: 'DSA-ENV-DV', grantorCode: 'AG-NGO-KSH-ENV', granteeCode: 'AG-RAZI', purpose: 'A study of household stress and the environment',
        categoryCodes: ['DOMESTIC_VIOLENCE'], regionRootCode: 'KSH', finestLevel: 'NEIGHBOURHOOD', validFrom: '2025-01-01', validTo: '2030-12-31',
      },
    }, { as: SCA_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createDataSharingAgreement).toMatchObject({ coversOnlyGrantorData: true, grantor: { code: 'AG-NGO-KSH-ENV' } });
    const researcher = 'researcher@razi.ac.example';
    expect(await dvCounties(researcher)).toEqual([]);
    const series = await hub.gql(IndicatorSeriesDocument, { input: { indicators: ['DV_REPORTS'], level: 'COUNTY', granularity: 'MONTH', from: '1405-01', to: '1405-01' } }, { as: researcher });
    expect(series.data!.indicatorSeries).toEqual([]);
    // What the NGO reported itself, the university sees.
    await insertCells(hub, [{ indicator: 'DV_REPORTS', region: 'KSH-05', period: '1405-02', value: 12, agency: 'AG-NGO-KSH-ENV' }]);
    const own = await hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'], from: '1405-02', to: '1405-02' } }, { as: researcher });
    expect(own.data!.observations.nodes.map((o) => [o.region.code, o.value, o.reportingAgency.code])).toEqual([['KSH-05', 12, 'AG-NGO-KSH-ENV']]);
  });
});

describe('the access log finds every region and period whose values were returned', () => {
  it("the director general's read of 47 regions is found by KSH-09, by the period of a comparison, with the hub's request id", async () => {
    await hub.sql('delete from access_log');
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokens.sign!(DG)}`, 'x-request-id': 'partner-chosen-id' },
      body: JSON.stringify({
        query: IndicatorSeriesDocument.toString(),
        variables: { input: { indicators: ['DV_REPORTS'], level: 'NEIGHBOURHOOD', granularity: 'MONTH', from: '1405-01', to: '1405-01' } },
      }),
    });
    expect(res.status).toBe(200);
    const hubId = res.headers.get('x-request-id')!;
    expect(hubId).not.toBe('partner-chosen-id');
    const counties = await hub.gql(IndicatorSeriesDocument, { input: { indicators: ['DV_REPORTS'], level: 'COUNTY', granularity: 'MONTH', from: '1405-01', to: '1405-01' } }, { as: DG });
    expect(counties.data!.indicatorSeries.find((p) => p.region.code === 'KSH-09')).toMatchObject({ value: 38, previous: 38, lastYear: 38 });

    const found = await hub.gql(AccessLogDocument, { indicatorCode: 'DV_REPORTS', regionCode: 'KSH-09' }, { as: DG });
    expect(found.data!.accessLog!.nodes).toHaveLength(1);
    // 1405-01, its previous month 1404-12 and 1404-01 a year before: three values.
    expect(found.data!.accessLog!.nodes[0]).toMatchObject({ periodFrom: '1404-01', periodTo: '1405-01', valueCount: 14 * 3 });
    const byNeighbourhood = await hub.gql(AccessLogDocument, { indicatorCode: 'DV_REPORTS', regionCode: 'KSH-01-C01-N32' }, { as: DG });
    expect(byNeighbourhood.data!.accessLog!.nodes).toMatchObject([{ requestId: hubId, clientRequestId: 'partner-chosen-id' }]);
    expect(byNeighbourhood.data!.accessLog!.nodes[0].regionCodes).toHaveLength(32);
    // By a period any record's values cover: the comparison month is found, a month nothing was read for is not.
    expect((await hub.gql(AccessLogDocument, { indicatorCode: 'DV_REPORTS', regionCode: 'KSH-09', period: '1404-12' }, { as: DG })).data!.accessLog!.totalCount).toBe(1);
    expect((await hub.gql(AccessLogDocument, { indicatorCode: 'DV_REPORTS', regionCode: 'KSH-09', period: '1405-02' }, { as: DG })).data!.accessLog!.totalCount).toBe(0);
    expect((await hub.gql(AccessLogDocument, { period: '1404-Q4' }, { as: DG })).data!.accessLog!.totalCount).toBe(2);
  });
});
