import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgencyDocument, MeDocument } from '../schema/client/graphql';
import { codes, startTestHub, type TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

const NGO = 'AG-NGO-SAHNEH-ADDICTION';
const NGO_ADMIN = 'omid.ranjbar@omid-sahneh.ngo.example';
const NGO_STEWARD = 'steward@omid-sahneh.ngo.example';

async function stewardAsSeenBy(as?: string) {
  const r = await hub.gql(AgencyDocument, { code: NGO }, as ? { as } : {});
  return { r, steward: r.data?.agency?.memberships?.find((m) => m.person.email === NGO_STEWARD)?.person };
}

describe('personal contact data (phone, national ID)', () => {
  it('is visible to an admin of the person\'s own agency', async () => {
    const { r, steward } = await stewardAsSeenBy(NGO_ADMIN);
    expect(r.errors).toBeUndefined();
    expect(steward!.phone).toMatch(/^09\d{9}$/);
    expect(steward!.nationalId).toMatch(/^\d{10}$/);
  });

  it('is visible to the person themself', async () => {
    const r = await hub.gql(MeDocument, undefined, { as: NGO_STEWARD });
    expect(r.errors).toBeUndefined();
    expect(r.data!.me!.person.phone).toMatch(/^09\d{9}$/);
    expect(r.data!.me!.person.nationalId).toMatch(/^\d{10}$/);
  });

  it('is refused (null + FORBIDDEN) to a non-admin colleague in the same agency', async () => {
    const colleague = 'parastoo.gholami@omid-sahneh.ngo.example';
    const { r, steward } = await stewardAsSeenBy(colleague);
    expect(steward).toBeDefined();
    expect(steward!.phone).toBeNull();
    expect(steward!.nationalId).toBeNull();
    expect(steward!.fullNameEn).toBeTruthy();
    // Every refused field is a phone or national ID, and all are FORBIDDEN.
    const refusedFields = r.errors!.map((e) => e.path!.at(-1));
    expect(refusedFields.length).toBeGreaterThanOrEqual(2);
    expect(new Set(refusedFields)).toEqual(new Set(['phone', 'nationalId']));
    expect(new Set(codes(r))).toEqual(new Set(['FORBIDDEN']));
  });

  it('is refused to admins of other agencies, even the provincial governorate\'s', async () => {
    for (const admin of ['admin@sca.kermanshah.example', 'saeed.parvizi@cg-sahneh.kermanshah.example', 'babak.sanjabi@gov.kermanshah.example']) {
      const { r, steward } = await stewardAsSeenBy(admin);
      expect(steward, admin).toBeDefined();
      expect(steward!.phone, admin).toBeNull();
      expect(steward!.nationalId, admin).toBeNull();
      expect(codes(r).length, admin).toBeGreaterThan(0);
      expect(codes(r).every((c) => c === 'FORBIDDEN'), admin).toBe(true);
    }
  });

  it('is never reached by the public: memberships themselves are refused (UNAUTHENTICATED)', async () => {
    const { r } = await stewardAsSeenBy();
    expect(r.data!.agency!.code).toBe(NGO);
    expect(r.data!.agency!.memberships).toBeNull();
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].path).toEqual(['agency', 'memberships']);
  });

  it('follows the membership the admin acts under: an admin acting for another agency is refused', async () => {
    // The youth adviser is a MEMBER at the governorate and a MEMBER at a youth NGO; made ADMIN of the NGO here.
    const adviser = 'arman.fattahi@gov.kermanshah.example';
    await hub.sql(`update membership set role = 'ADMIN' where person_id = (select id from person where email = ?) and agency_id = (select id from agency where code = 'AG-NGO-KSH-YOUTH')`, [adviser]);
    const [{ id: ngoMembership }] = await hub.sql<{ id: number }>(`select m.id from membership m join agency a on a.id = m.agency_id join person p on p.id = m.person_id where p.email = ? and a.code = 'AG-NGO-KSH-YOUTH'`, [adviser]);
    const [{ id: govMembership }] = await hub.sql<{ id: number }>(`select m.id from membership m join agency a on a.id = m.agency_id join person p on p.id = m.person_id where p.email = ? and a.code = 'AG-GOV'`, [adviser]);
    const read = (membership: number) => hub.gql(AgencyDocument, { code: 'AG-NGO-KSH-YOUTH' }, { as: adviser, membership });
    const asNgoAdmin = await read(ngoMembership);
    const someone = asNgoAdmin.data!.agency!.memberships!.find((m) => m.person.email !== adviser)!;
    expect(someone.person.phone).toMatch(/^09/);
    const asGovMember = await read(govMembership);
    const same = asGovMember.data!.agency!.memberships!.find((m) => m.person.email === someone.person.email)!;
    expect(same.person.phone).toBeNull();
    expect(codes(asGovMember)).toContain('FORBIDDEN');
  });
});
