import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcceptMembershipDocument,
  AddMembershipDocument,
  AgencyMembersDocument,
  DeclineMembershipDocument,
  EndMembershipDocument,
  MeDocument,
  type AddMembershipInput,
} from '../schema/client/graphql';
import { todayInIran } from '../src/common/dates';
import { codes, problemFields, startTestHub, type TestHub } from './support/hub';

const SCA_ADMIN = 'admin@sca.kermanshah.example';
const SCA_DIRECTOR = 'dg@sca.kermanshah.example';
const GOV_ADMIN = 'babak.sanjabi@gov.kermanshah.example';
const NGO_ADMIN = 'omid.ranjbar@omid-sahneh.ngo.example';
const NGO_STEWARD = 'steward@omid-sahneh.ngo.example';
const NGO_MEMBER = 'parastoo.gholami@omid-sahneh.ngo.example';
const OTHER_NGO_ADMIN = 'zeynab.hashemi@mehrafarin.ngo.example';
const OTHER_NGO_MEMBER = 'member@mehrafarin.ngo.example';
const CG_ADMIN = 'saeed.parvizi@cg-sahneh.kermanshah.example';
const ARMAN = 'arman.fattahi@gov.kermanshah.example';
const MAHMOUD = 'mahmoud.azizi@sca.kermanshah.example';
const NEGIN = 'negin.ahmadi@razi.ac.example';

const SAHNEH_NGO = 'AG-NGO-SAHNEH-ADDICTION';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());


async function rowCount(table: 'person' | 'membership'): Promise<number> {
  const [row] = await hub.sql<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(row.n);
}

const counts = async () => ({ people: await rowCount('person'), memberships: await rowCount('membership') });

/** Ids of a person's memberships (ended ones included), lowest first, optionally at one agency. */
async function membershipIds(email: string, agencyCode?: string): Promise<string[]> {
  const rows = await hub.sql<{ id: number | string }>(
    `select m.id from membership m join person p on p.id = m.person_id join agency a on a.id = m.agency_id
      where p.email = ? and (?::text is null or a.code = ?) order by m.id`,
    [email, agencyCode ?? null, agencyCode ?? null],
  );
  return rows.map((r) => String(r.id));
}

async function membershipRow(id: string) {
  const [row] = await hub.sql<{ valid_from: string; valid_to: string | null; role: string }>(
    `select to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, role::text as role
       from membership where id = ?`,
    [Number(id)],
  );
  return row;
}

async function currentMemberEmails(agencyCode: string): Promise<string[]> {
  const r = await hub.gql(AgencyMembersDocument, { code: agencyCode }, { as: SCA_ADMIN });
  expect(r.errors).toBeUndefined();
  return r.data!.agency!.memberships!.map((m) => m.person.email!);
}

let seq = 0;
/** A person the hub does not know yet. */
function stranger(overrides: Partial<NonNullable<AddMembershipInput['newPerson']>> = {}) {
  seq += 1;
  return {
    email: `stranger${seq}@volunteers.example`,
    newPerson: { fullNameFa: `داوطلب شماره ${seq}`, fullNameEn: `Volunteer Number ${seq}`, ...overrides },
  };
}

describe('me', () => {
  it('is null without a token', async () => {
    const r = await hub.gql(MeDocument);
    expect(r.errors).toBeUndefined();
    expect(r.data!.me).toBeNull();
  });

  it('gives the person, the acting membership and the current memberships', async () => {
    const [scaAdminMembership] = await membershipIds(SCA_ADMIN);
    const r = await hub.gql(MeDocument, {}, { as: SCA_ADMIN });
    expect(r.errors).toBeUndefined();
    const me = r.data!.me!;
    expect(me.person).toMatchObject({ email: SCA_ADMIN, fullNameFa: 'رضا یاری', fullNameEn: 'Reza Yari' });
    expect(me.acting).toEqual({ id: scaAdminMembership, role: 'ADMIN', agency: { code: 'AG-SCA', kind: 'PROVINCIAL_GOVERNORATE' }, unit: null });
    expect(me.memberships).toEqual([{ id: scaAdminMembership, role: 'ADMIN', agency: { code: 'AG-SCA' } }]);

    const deputy = await hub.gql(MeDocument, {}, { as: 'harm.deputy@sca.kermanshah.example' });
    expect(deputy.data!.me!.acting).toMatchObject({ role: 'DIRECTOR', agency: { code: 'AG-SCA' }, unit: { code: 'U-HARM', kind: 'HARM_MONITORING' } });
  });

  it('acts under the lowest membership id by default, and under the one the membership option names', async () => {
    const ids = await membershipIds(ARMAN);
    expect(ids).toHaveLength(2);
    const byDefault = await hub.gql(MeDocument, {}, { as: ARMAN });
    expect(byDefault.errors).toBeUndefined();
    expect(byDefault.data!.me!.memberships).toEqual([
      { id: ids[0], role: 'MEMBER', agency: { code: 'AG-GOV' } },
      { id: ids[1], role: 'MEMBER', agency: { code: 'AG-NGO-KSH-YOUTH' } },
    ]);
    expect(byDefault.data!.me!.acting).toMatchObject({ id: ids[0], agency: { code: 'AG-GOV', kind: 'PROVINCIAL_GOVERNORATE' } });

    const second = await hub.gql(MeDocument, {}, { as: ARMAN, membership: ids[1] });
    expect(second.errors).toBeUndefined();
    expect(second.data!.me!.acting).toMatchObject({ id: ids[1], role: 'MEMBER', agency: { code: 'AG-NGO-KSH-YOUTH', kind: 'NGO' } });
    expect(second.data!.me!.memberships!.map((m) => m.id)).toEqual(ids);

    const first = await hub.gql(MeDocument, {}, { as: ARMAN, membership: Number(ids[0]) });
    expect(first.data!.me!.acting!.id).toBe(ids[0]);
  });

  it('refuses a membership that is not the caller’s with FORBIDDEN', async () => {
    const [foreign] = await membershipIds(SCA_ADMIN);
    for (const membership of [foreign, '999999', 'first']) {
      const r = await hub.gql(MeDocument, {}, { as: ARMAN, membership });
      expect(codes(r), membership).toEqual(['FORBIDDEN']);
      expect(r.data ?? null).toBeNull();
    }
  });

  it('answers a refused membership choice with a client error status, not a server error', async () => {
    const [foreign] = await membershipIds(SCA_ADMIN);
    const r = await hub.gql(MeDocument, {}, { as: ARMAN, membership: foreign });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it('neither lists ended memberships nor lets anyone act under them', async () => {
    const [mahmoudEnded] = await membershipIds(MAHMOUD);
    const mahmoud = await hub.gql(MeDocument, {}, { as: MAHMOUD });
    expect(mahmoud.data!.me!.person.fullNameEn).toBe('Mahmoud Azizi');
    expect(mahmoud.data!.me!.memberships).toEqual([]);
    expect(mahmoud.data!.me!.acting).toBeNull();
    expect(codes(await hub.gql(MeDocument, {}, { as: MAHMOUD, membership: mahmoudEnded }))).toEqual(['FORBIDDEN']);

    const [neginEnded] = await membershipIds(NEGIN, 'AG-SCA');
    const [neginCurrent] = await membershipIds(NEGIN, 'AG-RAZI');
    const negin = await hub.gql(MeDocument, {}, { as: NEGIN });
    expect(negin.data!.me!.memberships).toEqual([{ id: neginCurrent, role: 'ANALYST', agency: { code: 'AG-RAZI' } }]);
    expect(negin.data!.me!.acting!.id).toBe(neginCurrent);
    expect(codes(await hub.gql(MeDocument, {}, { as: NEGIN, membership: neginEnded }))).toEqual(['FORBIDDEN']);
  });
});

describe('addMembership', () => {
  it("lets an agency's admin offer a known person a membership, in force once they accept it", async () => {
    const before = await counts();
    const r = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: SAHNEH_NGO, personEmail: 'Elham.Amiri@SCA.kermanshah.example', role: 'ANALYST', validFrom: '2025-09-01' } },
      { as: NGO_ADMIN },
    );
    expect(r.errors).toBeUndefined();
    const added = r.data!.addMembership!;
    // Elham's record belongs to the office, not to the NGO: the membership waits for her.
    expect(added).toMatchObject({
      role: 'ANALYST',
      validFrom: '2025-09-01',
      validTo: null,
      current: false,
      acceptedAt: null,
      agency: { code: SAHNEH_NGO },
      unit: null,
      person: { email: 'elham.amiri@sca.kermanshah.example', fullNameEn: 'Elham Amiri' },
    });
    expect(await counts()).toEqual({ people: before.people, memberships: before.memberships + 1 });
    const waiting = await hub.gql(MeDocument, {}, { as: 'elham.amiri@sca.kermanshah.example' });
    expect(waiting.data!.me!.memberships!.map((m) => m.agency.code)).toEqual(['AG-SCA']);
    expect(waiting.data!.me!.invitations).toEqual([{ id: added.id, role: 'ANALYST', agency: { code: SAHNEH_NGO } }]);
    expect(await currentMemberEmails(SAHNEH_NGO)).not.toContain('elham.amiri@sca.kermanshah.example');
    // Only she can answer it.
    expect(codes(await hub.gql(AcceptMembershipDocument, { input: { membershipId: added.id } }, { as: NGO_ADMIN }))).toEqual(['NOT_FOUND']);

    const accepted = await hub.gql(AcceptMembershipDocument, { input: { membershipId: added.id } }, { as: 'elham.amiri@sca.kermanshah.example' });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptMembership).toMatchObject({ id: added.id, current: true, agency: { code: SAHNEH_NGO } });
    expect(accepted.data!.acceptMembership!.acceptedAt).toBeTruthy();
    const members = await hub.gql(AgencyMembersDocument, { code: SAHNEH_NGO }, { as: NGO_ADMIN });
    expect(members.data!.agency!.memberships!.find((m) => m.id === added.id)).toMatchObject({
      role: 'ANALYST',
      person: { email: 'elham.amiri@sca.kermanshah.example' },
    });
    const elham = await hub.gql(MeDocument, {}, { as: 'elham.amiri@sca.kermanshah.example' });
    expect(elham.data!.me!.memberships!.map((m) => m.agency.code)).toEqual(['AG-SCA', SAHNEH_NGO]);
    expect(elham.data!.me!.invitations).toEqual([]);
    expect(codes(await hub.gql(AcceptMembershipDocument, { input: { membershipId: added.id } }, { as: 'elham.amiri@sca.kermanshah.example' }))).toEqual(['CONFLICT']);
  });

  it('a person may decline a membership offered to them: it is ended and grants nothing', async () => {
    const r = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: SAHNEH_NGO, personEmail: 'farzad.kalhor@sca.kermanshah.example', role: 'MEMBER' } },
      { as: NGO_ADMIN },
    );
    const id = r.data!.addMembership!.id;
    const declined = await hub.gql(DeclineMembershipDocument, { input: { membershipId: id } }, { as: 'farzad.kalhor@sca.kermanshah.example' });
    expect(declined.data!.declineMembership).toMatchObject({ id, current: false });
    expect(declined.data!.declineMembership!.endedAt).toBeTruthy();
    expect(codes(await hub.gql(AcceptMembershipDocument, { input: { membershipId: id } }, { as: 'farzad.kalhor@sca.kermanshah.example' }))).toEqual(['CONFLICT']);
    const me = await hub.gql(MeDocument, {}, { as: 'farzad.kalhor@sca.kermanshah.example' });
    expect(me.data!.me!.memberships!.map((m) => m.agency.code)).toEqual(['AG-SCA']);
    expect(me.data!.me!.invitations).toEqual([]);
  });

  it('starts a membership today unless told otherwise', async () => {
    const r = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: SAHNEH_NGO, personEmail: 'kiana.shojaei@behzisti.kermanshah.example', role: 'MEMBER' } },
      { as: NGO_ADMIN },
    );
    expect(r.errors).toBeUndefined();
    // Kiana's record belongs to the welfare organisation: in force once she accepts.
    expect(r.data!.addMembership).toMatchObject({ validFrom: todayInIran(), validTo: null, current: false, acceptedAt: null });
  });

  it("refuses an admin adding to another agency, saving nothing", async () => {
    const before = await counts();
    const cases: Array<[as: string, agencyCode: string]> = [
      [NGO_ADMIN, 'AG-NGO-KSH-WOMEN'],
      [NGO_ADMIN, 'AG-SCA'],
      [CG_ADMIN, SAHNEH_NGO],
      [OTHER_NGO_ADMIN, SAHNEH_NGO],
    ];
    for (const [as, agencyCode] of cases) {
      const r = await hub.gql(AddMembershipDocument, { input: { agencyCode, personEmail: 'researcher@razi.ac.example', role: 'MEMBER' } }, { as });
      expect(codes(r), `${as} → ${agencyCode}`).toEqual(['FORBIDDEN']);
      expect(r.data!.addMembership).toBeNull();
    }
    const newcomer = stranger();
    const r = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: 'AG-NGO-KSH-WOMEN', personEmail: newcomer.email, newPerson: newcomer.newPerson, role: 'MEMBER' } },
      { as: NGO_ADMIN },
    );
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await counts()).toEqual(before);
    expect(await currentMemberEmails('AG-NGO-KSH-WOMEN')).not.toContain('researcher@razi.ac.example');
  });

  it('lets a provincial governorate admin add to any agency', async () => {
    const r = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: 'AG-NGO-KSH-WOMEN', personEmail: 'peyman.rostami@sca.kermanshah.example', role: 'ANALYST', validFrom: '2025-10-01' } },
      { as: SCA_ADMIN },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.addMembership).toMatchObject({ agency: { code: 'AG-NGO-KSH-WOMEN' }, role: 'ANALYST', person: { email: 'peyman.rostami@sca.kermanshah.example' } });
    expect(await currentMemberEmails('AG-NGO-KSH-WOMEN')).toContain('peyman.rostami@sca.kermanshah.example');

    const withUnit = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: 'AG-RAZI', personEmail: 'analyst@sca.kermanshah.example', role: 'ANALYST', unitCode: 'U-RAZI-SOC', validFrom: '2025-10-01' } },
      { as: GOV_ADMIN },
    );
    expect(withUnit.errors).toBeUndefined();
    expect(withUnit.data!.addMembership).toMatchObject({ agency: { code: 'AG-RAZI' }, unit: { code: 'U-RAZI-SOC' } });
  });

  it('refuses callers who are not admins, and the public, saving nothing', async () => {
    const before = await counts();
    const cases: Array<[as: string, agencyCode: string]> = [
      [NGO_STEWARD, SAHNEH_NGO],
      [NGO_MEMBER, SAHNEH_NGO],
      [OTHER_NGO_MEMBER, 'AG-NGO-KSH-WOMEN'],
      // A provincial director holding no post that manages memberships (the participation deputy).
      ['ngo.deputy@sca.kermanshah.example', 'AG-SCA'],
    ];
    for (const [as, agencyCode] of cases) {
      const r = await hub.gql(AddMembershipDocument, { input: { agencyCode, personEmail: 'researcher@razi.ac.example', role: 'MEMBER' } }, { as });
      expect(codes(r), as).toEqual(['FORBIDDEN']);
      expect(r.data!.addMembership).toBeNull();
    }
    const anonymous = await hub.gql(AddMembershipDocument, { input: { agencyCode: SAHNEH_NGO, personEmail: 'researcher@razi.ac.example', role: 'MEMBER' } });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await counts()).toEqual(before);
  });

  it('needs newPerson for an email the hub does not know', async () => {
    const before = await counts();
    const r = await hub.gql(AddMembershipDocument, { input: { agencyCode: SAHNEH_NGO, personEmail: stranger().email, role: 'MEMBER' } }, { as: NGO_ADMIN });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(r)).toEqual(['newPerson']);
    expect(await counts()).toEqual(before);
  });

  it('registers a new person together with the membership, and their token then works', async () => {
    const before = await counts();
    const newPerson = { fullNameFa: 'نسیم\u200cالسادات حیدری', fullNameEn: 'Nasim Heydari', phone: '+989181234567', nationalId: '3861234560' };
    const r = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: SAHNEH_NGO, personEmail: 'Nasim.Heydari@Volunteers.example', newPerson, role: 'MEMBER', validFrom: '2025-05-01' } },
      { as: NGO_ADMIN },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.addMembership).toMatchObject({ role: 'MEMBER', current: true, person: { email: 'nasim.heydari@volunteers.example', fullNameEn: 'Nasim Heydari' } });
    expect(await counts()).toEqual({ people: before.people + 1, memberships: before.memberships + 1 });
    const [person] = await hub.sql<{ full_name_fa: string; phone: string; national_id: string }>(
      'select full_name_fa, phone, national_id from person where email = ?',
      ['nasim.heydari@volunteers.example'],
    );
    expect(person).toEqual({ full_name_fa: newPerson.fullNameFa, phone: newPerson.phone, national_id: newPerson.nationalId });

    const me = await hub.gql(MeDocument, {}, { as: 'nasim.heydari@volunteers.example' });
    expect(me.errors).toBeUndefined();
    expect(me.data!.me!.person.fullNameFa).toBe(newPerson.fullNameFa);
    expect(me.data!.me!.acting).toMatchObject({ id: r.data!.addMembership!.id, role: 'MEMBER', agency: { code: SAHNEH_NGO } });
  });

  it('refuses a malformed national ID or phone of a new person, saving neither person nor membership', async () => {
    const before = await counts();
    const badNationalId = stranger({ nationalId: '12345' });
    const r1 = await hub.gql(AddMembershipDocument, { input: { agencyCode: SAHNEH_NGO, personEmail: badNationalId.email, newPerson: badNationalId.newPerson, role: 'MEMBER' } }, { as: NGO_ADMIN });
    expect(codes(r1)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(r1)).toEqual(['newPerson.nationalId']);

    const lettersInId = stranger({ nationalId: '12345abcde' });
    const r2 = await hub.gql(AddMembershipDocument, { input: { agencyCode: SAHNEH_NGO, personEmail: lettersInId.email, newPerson: lettersInId.newPerson, role: 'MEMBER' } }, { as: NGO_ADMIN });
    expect(problemFields(r2)).toEqual(['newPerson.nationalId']);

    const badPhone = stranger({ phone: '0918-abc' });
    const r3 = await hub.gql(AddMembershipDocument, { input: { agencyCode: SAHNEH_NGO, personEmail: badPhone.email, newPerson: badPhone.newPerson, role: 'MEMBER' } }, { as: NGO_ADMIN });
    expect(codes(r3)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(r3)).toEqual(['newPerson.phone']);

    const shortName = stranger({ fullNameFa: 'ن' });
    const r4 = await hub.gql(AddMembershipDocument, { input: { agencyCode: SAHNEH_NGO, personEmail: shortName.email, newPerson: shortName.newPerson, role: 'MEMBER' } }, { as: NGO_ADMIN });
    expect(problemFields(r4)).toEqual(['newPerson.fullNameFa']);

    const takenId = stranger({ nationalId: '7115662428' });
    const r5 = await hub.gql(AddMembershipDocument, { input: { agencyCode: SAHNEH_NGO, personEmail: takenId.email, newPerson: takenId.newPerson, role: 'MEMBER' } }, { as: NGO_ADMIN });
    expect(codes(r5)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(r5)).toEqual(['newPerson.nationalId']);

    expect(await counts()).toEqual(before);
    const [strays] = await hub.sql<{ n: string }>(`select count(*) as n from person where email like '%@volunteers.example' and email <> 'nasim.heydari@volunteers.example'`);
    expect(Number(strays.n)).toBe(0);
  });

  it('refuses an invalid email', async () => {
    const before = await counts();
    for (const personEmail of ['not-an-email', 'two@@example.org', '']) {
      const r = await hub.gql(AddMembershipDocument, { input: { agencyCode: SAHNEH_NGO, personEmail, newPerson: stranger().newPerson, role: 'MEMBER' } }, { as: NGO_ADMIN });
      expect(codes(r), personEmail).toEqual(['BAD_USER_INPUT']);
      expect(problemFields(r), personEmail).toContain('personEmail');
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses a unit that is not the agency's, naming unitCode", async () => {
    const before = await counts();
    const cases: Array<[as: string, agencyCode: string, unitCode: string]> = [
      [SCA_ADMIN, 'AG-SCA', 'U-RAZI-SOC'],
      [NGO_ADMIN, SAHNEH_NGO, 'U-HARM'],
      [NGO_ADMIN, SAHNEH_NGO, 'U-NOPE'],
    ];
    for (const [as, agencyCode, unitCode] of cases) {
      const r = await hub.gql(AddMembershipDocument, { input: { agencyCode, unitCode, personEmail: 'researcher@razi.ac.example', role: 'MEMBER' } }, { as });
      expect(codes(r), unitCode).toEqual(['BAD_USER_INPUT']);
      expect(problemFields(r), unitCode).toEqual(['unitCode']);
    }
    expect(await counts()).toEqual(before);

    const ownUnit = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: 'AG-SCA', unitCode: 'U-NGO', personEmail: 'researcher@razi.ac.example', role: 'MEMBER', validFrom: '2025-10-01' } },
      { as: SCA_ADMIN },
    );
    expect(ownUnit.errors).toBeUndefined();
    expect(ownUnit.data!.addMembership!.unit).toEqual({ code: 'U-NGO' });
  });

  it('refuses a period that ends before it starts, and dates that do not exist', async () => {
    const before = await counts();
    const input = { agencyCode: SAHNEH_NGO, personEmail: 'researcher@razi.ac.example', role: 'MEMBER' as const };
    const backwards = await hub.gql(AddMembershipDocument, { input: { ...input, validFrom: '2025-06-01', validTo: '2025-05-31' } }, { as: NGO_ADMIN });
    expect(codes(backwards)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(backwards)).toEqual(['validTo']);
    const cases: Array<[field: 'validFrom' | 'validTo', value: string]> = [
      ['validFrom', '2025-02-30'],
      ['validFrom', '2025-2-3'],
      ['validTo', '2025-13-01'],
      ['validTo', '2026-02-29'],
    ];
    for (const [field, value] of cases) {
      const r = await hub.gql(AddMembershipDocument, { input: { ...input, validFrom: '2025-01-01', [field]: value } }, { as: NGO_ADMIN });
      expect(codes(r), value).toEqual(['BAD_USER_INPUT']);
      expect(problemFields(r), value).toEqual([field]);
    }
    expect(await counts()).toEqual(before);

    const oneDay = await hub.gql(AddMembershipDocument, { input: { ...input, validFrom: '2024-02-29', validTo: '2024-02-29' } }, { as: NGO_ADMIN });
    expect(oneDay.errors).toBeUndefined();
    expect(oneDay.data!.addMembership).toMatchObject({ validFrom: '2024-02-29', validTo: '2024-02-29', current: false });
  });

  it('treats an explicit null validTo as open-ended', async () => {
    const r = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: SAHNEH_NGO, personEmail: 'shahla.saki@cg-gilanegharb.kermanshah.example', role: 'MEMBER', validFrom: '2025-03-01', validTo: null } },
      { as: NGO_ADMIN },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.addMembership).toMatchObject({ validFrom: '2025-03-01', validTo: null, current: false });
    const accepted = await hub.gql(AcceptMembershipDocument, { input: { membershipId: r.data!.addMembership!.id } }, { as: 'shahla.saki@cg-gilanegharb.kermanshah.example' });
    expect(accepted.data!.acceptMembership).toMatchObject({ current: true });
  });

  it('refuses the same role for the same person over an overlapping period with CONFLICT', async () => {
    const admin = 'marjan.sayyadi@yavaran-kudak.ngo.example';
    const vahid = 'vahid.asgari@yavaran-kudak.ngo.example'; // MEMBER at AG-NGO-KSH-CHILD from 2025-01-25, open-ended
    const base = { agencyCode: 'AG-NGO-KSH-CHILD', personEmail: vahid, role: 'MEMBER' as const };
    const before = await counts();
    for (const period of [{ validFrom: '2026-01-01' }, { validFrom: '2024-01-01', validTo: '2025-01-25' }, { validFrom: '2024-01-01' }]) {
      const r = await hub.gql(AddMembershipDocument, { input: { ...base, ...period } }, { as: admin });
      expect(codes(r), JSON.stringify(period)).toEqual(['CONFLICT']);
      expect(r.data!.addMembership).toBeNull();
    }
    expect(await counts()).toEqual(before);

    const earlier = await hub.gql(AddMembershipDocument, { input: { ...base, validFrom: '2024-01-01', validTo: '2025-01-24' } }, { as: admin });
    expect(earlier.errors).toBeUndefined();
    expect(earlier.data!.addMembership).toMatchObject({ validTo: '2025-01-24', current: false });
    const otherRole = await hub.gql(AddMembershipDocument, { input: { ...base, role: 'DATA_STEWARD', validFrom: '2025-06-01' } }, { as: admin });
    expect(otherRole.errors).toBeUndefined();
    expect(await counts()).toEqual({ people: before.people, memberships: before.memberships + 2 });

    const newcomer = stranger();
    const first = await hub.gql(AddMembershipDocument, { input: { ...base, personEmail: newcomer.email, newPerson: newcomer.newPerson, validFrom: '2025-01-01' } }, { as: admin });
    expect(first.errors).toBeUndefined();
    const again = await hub.gql(AddMembershipDocument, { input: { ...base, personEmail: newcomer.email, newPerson: newcomer.newPerson, validFrom: '2025-03-01' } }, { as: admin });
    expect(codes(again)).toEqual(['CONFLICT']);
  });
});

describe('endMembership', () => {
  it("lets an agency's admin end a membership on a past day, after which it is no longer current", async () => {
    const [id] = await membershipIds(NGO_MEMBER, SAHNEH_NGO);
    expect(await currentMemberEmails(SAHNEH_NGO)).toContain(NGO_MEMBER);
    const r = await hub.gql(EndMembershipDocument, { input: { membershipId: id, validTo: '2025-06-30' } }, { as: NGO_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(r.data!.endMembership).toEqual({ id, validFrom: '2024-11-16', validTo: '2025-06-30', current: false });
    expect(await membershipRow(id)).toEqual({ valid_from: '2024-11-16', valid_to: '2025-06-30', role: 'MEMBER' });
    expect(await currentMemberEmails(SAHNEH_NGO)).not.toContain(NGO_MEMBER);
    const withEnded = await hub.gql(AgencyMembersDocument, { code: SAHNEH_NGO, includeEnded: true }, { as: NGO_ADMIN });
    expect(withEnded.data!.agency!.memberships!.find((m) => m.id === id)).toMatchObject({ validTo: '2025-06-30', current: false });
  });

  it('refuses to end an ended membership again with CONFLICT', async () => {
    const [id] = await membershipIds(NGO_MEMBER, SAHNEH_NGO);
    const again = await hub.gql(EndMembershipDocument, { input: { membershipId: id, validTo: '2025-07-31' } }, { as: NGO_ADMIN });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.data!.endMembership).toBeNull();
    expect((await membershipRow(id)).valid_to).toBe('2025-06-30');

    const [mahmoudEnded] = await membershipIds(MAHMOUD);
    // The office's former director was a DIRECTOR: only the director general (above an admin) may end it, and it is ended already.
    expect(codes(await hub.gql(EndMembershipDocument, { input: { membershipId: mahmoudEnded } }, { as: SCA_DIRECTOR }))).toEqual(['CONFLICT']);
    expect((await membershipRow(mahmoudEnded)).valid_to).toBe('2025-11-30');
  });

  it('leaves a person whose only membership ended signed in, but acting under nothing', async () => {
    const me = await hub.gql(MeDocument, {}, { as: NGO_MEMBER });
    expect(me.status).toBe(200);
    expect(me.data!.me!.person.fullNameEn).toBe('Parastoo Gholami');
    expect(me.data!.me!.person.nationalId).toBe('2096771102');
    expect(me.data!.me!.acting).toBeNull();
    expect(me.data!.me!.memberships).toEqual([]);
    const members = await hub.gql(AgencyMembersDocument, { code: SAHNEH_NGO }, { as: NGO_MEMBER });
    expect(members.data!.agency!.memberships).toBeNull();
    expect(codes(members)).toEqual(['FORBIDDEN']);
  });

  it('still shows a person without current memberships their own email in me', async () => {
    for (const as of [NGO_MEMBER, MAHMOUD]) {
      const me = await hub.gql(MeDocument, {}, { as });
      expect(me.errors, as).toBeUndefined();
      expect(me.data!.me!.person.email).toBe(as);
    }
  });

  it('ends a membership today by default, with effect at once', async () => {
    const newcomer = stranger();
    const added = await hub.gql(
      AddMembershipDocument,
      { input: { agencyCode: SAHNEH_NGO, personEmail: newcomer.email, newPerson: newcomer.newPerson, role: 'MEMBER', validFrom: '2025-01-01' } },
      { as: NGO_ADMIN },
    );
    const id = added.data!.addMembership!.id;
    const r = await hub.gql(EndMembershipDocument, { input: { membershipId: id } }, { as: NGO_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(r.data!.endMembership).toEqual({ id, validFrom: '2025-01-01', validTo: todayInIran(), current: false });
    expect((await membershipRow(id)).valid_to).toBe(todayInIran());
    // The ended member acts for nothing on their next request.
    const me = await hub.gql(MeDocument, {}, { as: newcomer.email });
    expect(me.data!.me!.acting).toBeNull();
  });

  it("refuses the admin of another agency and non-admins, leaving the membership unchanged", async () => {
    const [id] = await membershipIds(NGO_STEWARD, SAHNEH_NGO);
    const before = await membershipRow(id);
    for (const as of [CG_ADMIN, OTHER_NGO_ADMIN, 'ngo.deputy@sca.kermanshah.example', NGO_MEMBER]) {
      const r = await hub.gql(EndMembershipDocument, { input: { membershipId: id, validTo: '2025-12-31' } }, { as });
      expect(codes(r), as).toEqual(['FORBIDDEN']);
      expect(r.data!.endMembership).toBeNull();
    }
    expect(codes(await hub.gql(EndMembershipDocument, { input: { membershipId: id, validTo: '2025-12-31' } }))).toEqual(['UNAUTHENTICATED']);
    expect(await membershipRow(id)).toEqual(before);
    expect(before.valid_to).toBeNull();
  });

  it('lets a provincial governorate admin end a membership at any agency', async () => {
    const [id] = await membershipIds('researcher@razi.ac.example', 'AG-RAZI');
    const r = await hub.gql(EndMembershipDocument, { input: { membershipId: id, validTo: '2030-06-30' } }, { as: SCA_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(r.data!.endMembership).toMatchObject({ id, validTo: '2030-06-30', current: true });
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await hub.gql(EndMembershipDocument, { input: { membershipId: '999999' } }, { as: SCA_ADMIN });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const malformed = await hub.gql(EndMembershipDocument, { input: { membershipId: 'abc' } }, { as: SCA_ADMIN });
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(malformed)).toEqual(['membershipId']);
  });

  it('refuses a last day before the first day, or a day that does not exist', async () => {
    const [id] = await membershipIds(NGO_STEWARD, SAHNEH_NGO);
    const before = await membershipRow(id);
    expect(before.valid_from).toBe('2023-06-01');
    const early = await hub.gql(EndMembershipDocument, { input: { membershipId: id, validTo: '2023-05-31' } }, { as: NGO_ADMIN });
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(early)).toEqual(['validTo']);
    const impossible = await hub.gql(EndMembershipDocument, { input: { membershipId: id, validTo: '2025-02-30' } }, { as: NGO_ADMIN });
    expect(codes(impossible)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(impossible)).toEqual(['validTo']);
    expect(await membershipRow(id)).toEqual(before);
  });
});
