import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateDataSharingAgreementDocument, DataSharingAgreementsDocument, ObservationsDocument, RevokeDataSharingAgreementDocument } from '../schema/client/graphql';
import { insertCells } from './support/harm-fixtures';
import { codes, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
const RESEARCHER = { as: 'researcher@razi.ac.example' };
const GOV_ADMIN = { as: 'babak.sanjabi@gov.kermanshah.example' };
const input = {
  code: 'DSA-TEST-1', grantorCode: 'AG-SCA', granteeCode: 'AG-RAZI', purpose: 'پژوهش درباره خشونت خانگی در صحنه',
  categoryCodes: ['DOMESTIC_VIOLENCE'], regionRootCode: 'KSH-09', finestLevel: 'CITY' as const, validFrom: '2025-01-01', validTo: '2099-12-31',
};

beforeAll(async () => {
  hub = await startTestHub();
  await hub.sql('delete from data_sharing_agreement');
  await insertCells(hub, [
    { indicator: 'DV_REPORTS', region: 'KSH-09-C01', period: '1405-01', value: 12, agency: 'AG-CG-09' },
    { indicator: 'DV_REPORTS', region: 'KSH-01', period: '1405-01', value: 90, agency: 'AG-CG-01' },
  ]);
});
afterAll(() => hub?.close());

const dv = () => hub.gql(ObservationsDocument, { filter: { indicators: ['DV_REPORTS'] } }, RESEARCHER);

describe('data-sharing agreements', () => {
  it('without an agreement the university sees no confidential values', async () => {
    expect((await dv()).data!.observations.nodes).toEqual([]);
  });

  it('only the provincial governorate creates them, with valid input', async () => {
    expect(codes(await hub.gql(CreateDataSharingAgreementDocument, { input }, { as: 'omid.ranjbar@omid-sahneh.ngo.example' }))).toEqual(['FORBIDDEN']);
    expect(codes(await hub.gql(CreateDataSharingAgreementDocument, { input }, RESEARCHER))).toEqual(['FORBIDDEN']);
    expect(codes(await hub.gql(CreateDataSharingAgreementDocument, { input: { ...input, categoryCodes: ['NOPE'] } }, GOV_ADMIN))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await hub.gql(CreateDataSharingAgreementDocument, { input: { ...input, validTo: '2024-01-01' } }, GOV_ADMIN))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await hub.gql(CreateDataSharingAgreementDocument, { input: { ...input, granteeCode: 'AG-SCA' } }, GOV_ADMIN))).toEqual(['BAD_USER_INPUT']);
    const ok = await hub.gql(CreateDataSharingAgreementDocument, { input }, GOV_ADMIN);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.createDataSharingAgreement).toMatchObject({ code: 'DSA-TEST-1', active: true, grantee: { code: 'AG-RAZI' } });
    expect(codes(await hub.gql(CreateDataSharingAgreementDocument, { input }, GOV_ADMIN))).toEqual(['CONFLICT']);
  });

  it('grants exactly its scope: categories × subtree × finest level', async () => {
    const r = await dv();
    expect(r.errors).toBeUndefined();
    const seen = r.data!.observations.nodes.map((n) => [n.region.code, n.value]);
    expect(seen).toEqual([['KSH-09-C01', 12]]);
  });

  it('is visible to grantor, grantee and the provincial governorate only', async () => {
    for (const as of ['researcher@razi.ac.example', 'dg@sca.kermanshah.example', 'babak.sanjabi@gov.kermanshah.example']) {
      expect((await hub.gql(DataSharingAgreementsDocument, undefined, { as })).data!.dataSharingAgreements!.map((a) => a.code), as).toEqual(['DSA-TEST-1']);
    }
    expect((await hub.gql(DataSharingAgreementsDocument, undefined, { as: 'steward@cg-sahneh.kermanshah.example' })).data!.dataSharingAgreements).toEqual([]);
    expect(codes(await hub.gql(DataSharingAgreementsDocument))).toEqual(['UNAUTHENTICATED']);
  });

  it('is revocable at once', async () => {
    const r = await hub.gql(RevokeDataSharingAgreementDocument, { code: 'DSA-TEST-1' }, GOV_ADMIN);
    expect(r.data!.revokeDataSharingAgreement).toMatchObject({ active: false });
    expect((await dv()).data!.observations.nodes).toEqual([]);
    expect(codes(await hub.gql(RevokeDataSharingAgreementDocument, { code: 'DSA-TEST-1' }, GOV_ADMIN))).toEqual(['CONFLICT']);
    expect(codes(await hub.gql(RevokeDataSharingAgreementDocument, { code: 'NOPE' }, GOV_ADMIN))).toEqual(['NOT_FOUND']);
  });
});
