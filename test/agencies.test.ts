import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgenciesDocument,
  AgencyBriefDocument,
  AgencyCodesDocument,
  AgencyDocument,
  AgencyMembersDocument,
  CreateAgencyDocument,
  UpdateAgencyDocument,
  type AgencyKind,
  type CreateAgencyInput,
} from '../schema/client/graphql';
import { codes, problemFields, startTestHub, type TestHub } from './support/hub';

const SCA_ADMIN = 'admin@sca.kermanshah.example';
const SCA_DIRECTOR = 'dg@sca.kermanshah.example';
const GOV_ADMIN = 'babak.sanjabi@gov.kermanshah.example';
const GOV_MEMBER = 'arman.fattahi@gov.kermanshah.example';
const NGO_ADMIN = 'omid.ranjbar@omid-sahneh.ngo.example';
const NGO_STEWARD = 'steward@omid-sahneh.ngo.example';
const OTHER_NGO_ADMIN = 'zeynab.hashemi@mehrafarin.ngo.example';
const CG_ADMIN = 'saeed.parvizi@cg-sahneh.kermanshah.example';
const NGO_MEMBER = 'member@mehrafarin.ngo.example';

const SAHNEH_NGO = 'AG-NGO-SAHNEH-ADDICTION';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());


async function agencyCount(): Promise<number> {
  const [row] = await hub.sql<{ n: string }>('select count(*) as n from agency');
  return Number(row.n);
}

async function agencyRow(code: string) {
  const rows = await hub.sql<{ name_fa: string; name_en: string; fields_of_activity: string[]; jurisdiction: string }>(
    `select a.name_fa, a.name_en, a.fields_of_activity, r.code as jurisdiction
       from agency a join region r on r.id = a.jurisdiction_id where a.code = ?`,
    [code],
  );
  return rows[0];
}

const agencyCodes = async (vars: { kind?: AgencyKind; within?: string; search?: string }) => {
  const r = await hub.gql(AgencyCodesDocument, { ...vars, first: 100 });
  expect(r.errors).toBeUndefined();
  return r.data!.agencies.nodes.map((n) => n.code);
};

let seq = 0;
function newAgency(overrides: Partial<CreateAgencyInput> = {}): CreateAgencyInput {
  seq += 1;
  return {
    code: `AG-TEST-${seq}`,
    nameFa: `انجمن آزمایشی شماره ${seq}`,
    nameEn: `Test Association No. ${seq}`,
    kind: 'NGO',
    jurisdictionCode: 'KSH-09',
    ...overrides,
  };
}

describe('agencies', () => {
  it('filters by kind', async () => {
    const counties = await hub.gql(AgenciesDocument, { kind: 'COUNTY_GOVERNORATE', first: 100 });
    expect(counties.errors).toBeUndefined();
    expect(counties.data!.agencies.totalCount).toBe(14);
    expect(counties.data!.agencies.nodes.map((n) => n.code)).toEqual(
      Array.from({ length: 14 }, (_, i) => `AG-CG-${String(i + 1).padStart(2, '0')}`),
    );
    expect(counties.data!.agencies.nodes.every((n) => n.kind === 'COUNTY_GOVERNORATE')).toBe(true);

    const ngos = await hub.gql(AgenciesDocument, { kind: 'NGO', first: 100 });
    expect(ngos.data!.agencies.totalCount).toBeGreaterThanOrEqual(10);
    expect(ngos.data!.agencies.nodes).toHaveLength(ngos.data!.agencies.totalCount);
    expect(ngos.data!.agencies.nodes.every((n) => n.kind === 'NGO')).toBe(true);
    const ngoCodes = ngos.data!.agencies.nodes.map((n) => n.code);
    expect(ngoCodes).toEqual(expect.arrayContaining([SAHNEH_NGO, 'AG-NGO-KSH-WOMEN', 'AG-NGO-KSH-YOUTH']));
    expect(ngoCodes).not.toContain('AG-SCA');
  });

  it('keeps to the jurisdiction subtree of a county with `within`', async () => {
    const sahneh = await agencyCodes({ within: 'KSH-09' });
    expect(sahneh).toEqual(expect.arrayContaining(['AG-CG-09', SAHNEH_NGO, 'AG-CC-09', 'AG-VC-01', 'AG-CUL-03']));
    expect(sahneh).not.toContain('AG-GOV');
    expect(sahneh).not.toContain('AG-CG-01');
    const inSubtree = await hub.sql<{ code: string }>(
      `select a.code from agency a join region r on r.id = a.jurisdiction_id
        where r.code = 'KSH-09' or r.path like '/KSH/KSH-09/%' order by a.id`,
    );
    expect(sahneh).toEqual(inSubtree.map((row) => row.code));
    const counted = await hub.gql(AgencyCodesDocument, { within: 'KSH-09', first: 2 });
    expect(counted.data!.agencies.totalCount).toBe(inSubtree.length);

    expect(await agencyCodes({ within: 'KSH-09', kind: 'NGO' })).toEqual([SAHNEH_NGO]);
    expect(await agencyCodes({ within: 'KSH-09-C01' })).toEqual(['AG-CC-09', 'AG-CUL-03']);
    const kermanshah = await agencyCodes({ within: 'KSH-01' });
    expect(kermanshah).toEqual(expect.arrayContaining(['AG-CG-01', 'AG-NGO-KSH-WOMEN', 'AG-CUL-02']));
    expect(kermanshah).not.toContain(SAHNEH_NGO);
    expect(await agencyCodes({ within: 'KSH-99' })).toEqual([]);

    const province = await hub.gql(AgencyCodesDocument, { within: 'KSH', first: 1 });
    expect(province.data!.agencies.totalCount).toBe(await agencyCount());
  });

  it('gives the jurisdiction of each agency found `within` a county, the county itself included', async () => {
    const r = await hub.gql(AgenciesDocument, { within: 'KSH-09', first: 100 });
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.agencies.nodes;
    expect(nodes.find((n) => n.code === 'AG-CG-09')!.jurisdiction).toEqual({ code: 'KSH-09' });
    expect(nodes.find((n) => n.code === 'AG-VC-01')!.jurisdiction).toEqual({ code: 'KSH-09-V01' });
    expect(nodes.every((n) => n.jurisdiction.code === 'KSH-09' || n.jurisdiction.code.startsWith('KSH-09-'))).toBe(true);
  });

  it('searches Persian names whatever the Arabic or Persian letter forms', async () => {
    const sahneh = await agencyCodes({ search: 'صحنه' });
    expect(sahneh).toEqual(expect.arrayContaining(['AG-CG-09', SAHNEH_NGO, 'AG-CC-09', 'AG-CUL-03']));
    expect(sahneh).not.toContain('AG-CG-01');

    const persian = await agencyCodes({ search: 'فرمانداری شهرستان کنگاور' });
    expect(persian).toEqual(['AG-CG-11']);
    // The same name with Arabic yeh (ي) and Arabic kaf (ك).
    expect(await agencyCodes({ search: 'فرمانداري شهرستان كنگاور' })).toEqual(persian);
    const kangavar = await agencyCodes({ search: 'كنگاور' });
    expect(kangavar).toEqual(expect.arrayContaining(['AG-CG-11', 'AG-CC-11', 'AG-NGO-KANGAVAR-ELDERLY']));
    expect(kangavar).toEqual(await agencyCodes({ search: 'کنگاور' }));

    // «توان‌یابان» is stored with a ZWNJ.
    const withZwnj = await agencyCodes({ search: 'توان\u200cیابان' });
    expect(withZwnj).toEqual(['AG-NGO-KSH-DISABILITY']);
    expect(await agencyCodes({ search: 'توان یابان' })).toEqual(withZwnj);
    expect(await agencyCodes({ search: 'توانيابان' })).toEqual(withZwnj);
  });

  it('searches English names and codes case-insensitively, with LIKE wildcards taken literally', async () => {
    expect(await agencyCodes({ search: 'OMID RECOVERY' })).toEqual([SAHNEH_NGO]);
    expect(await agencyCodes({ search: 'ag-cg-09' })).toEqual(['AG-CG-09']);
    expect(await agencyCodes({ search: '%' })).toEqual([]);
    expect(await agencyCodes({ search: 'AG_CG' })).toEqual([]);
  });

  it('pages through the results with totalCount on every page', async () => {
    const seen: string[] = [];
    const pages: Array<{ size: number; total: number; hasNext: boolean }> = [];
    let after: string | null | undefined;
    for (let i = 0; i < 5; i++) {
      const r = await hub.gql(AgenciesDocument, { kind: 'COUNTY_GOVERNORATE', first: 5, after });
      expect(r.errors).toBeUndefined();
      const page = r.data!.agencies;
      seen.push(...page.nodes.map((n) => n.code));
      pages.push({ size: page.nodes.length, total: page.totalCount, hasNext: page.pageInfo.hasNextPage });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual([
      { size: 5, total: 14, hasNext: true },
      { size: 5, total: 14, hasNext: true },
      { size: 4, total: 14, hasNext: false },
    ]);
    expect(seen).toEqual(await agencyCodes({ kind: 'COUNTY_GOVERNORATE' }));

    expect(codes(await hub.gql(AgenciesDocument, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await hub.gql(AgenciesDocument, { after: 'bm90LWEtY3Vyc29y' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('agency(code)', () => {
  it('gives jurisdiction, parent, units and posts of AG-SCA to the public, but not its memberships', async () => {
    const r = await hub.gql(AgencyDocument, { code: 'AG-SCA' });
    const agency = r.data!.agency!;
    expect(agency.code).toBe('AG-SCA');
    expect(agency.kind).toBe('PROVINCIAL_GOVERNORATE');
    expect(agency.nameFa).toBe('دفتر امور اجتماعی و فرهنگی استانداری کرمانشاه');
    expect(agency.jurisdiction).toEqual({ code: 'KSH', nameFa: 'استان کرمانشاه' });
    expect(agency.parent).toEqual({ code: 'AG-GOV' });
    expect(agency.units).toEqual([
      { code: 'U-HARM', kind: 'HARM_MONITORING', nameFa: 'معاونت پایش آسیب‌های اجتماعی' },
      { code: 'U-NGO', kind: 'PARTICIPATION_NGO', nameFa: 'معاونت توسعه مشارکت‌ها و سازمان‌های مردم‌نهاد' },
    ]);
    expect(agency.posts.map((p) => p.code)).toEqual(['POST-SCA-DG', 'POST-SCA-HARM-DEPUTY', 'POST-SCA-NGO-DEPUTY']);
    expect(agency.memberships).toBeNull();
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].path).toEqual(['agency', 'memberships']);
  });

  it('gives a county governorate and an NGO, and null for an unknown code', async () => {
    const cg = await hub.gql(AgencyBriefDocument, { code: 'AG-CG-09' });
    expect(cg.errors).toBeUndefined();
    expect(cg.data!.agency).toEqual({
      code: 'AG-CG-09',
      nameFa: 'فرمانداری شهرستان صحنه',
      nameEn: 'Sahneh County Governorate',
      kind: 'COUNTY_GOVERNORATE',
      fieldsOfActivity: [],
      jurisdiction: { code: 'KSH-09' },
      parent: { code: 'AG-GOV' },
    });
    const ngo = await hub.gql(AgencyBriefDocument, { code: SAHNEH_NGO });
    expect(ngo.data!.agency!.fieldsOfActivity).toEqual(['ADDICTION_RECOVERY', 'HARM_REDUCTION', 'FAMILY_SUPPORT']);
    expect(ngo.data!.agency!.parent).toBeNull();
    const unknown = await hub.gql(AgencyBriefDocument, { code: 'AG-NOPE' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.agency).toBeNull();
  });
});

describe('Agency.memberships', () => {
  const CURRENT_SCA = [
    'admin@sca.kermanshah.example',
    'analyst@sca.kermanshah.example',
    'dg@sca.kermanshah.example',
    'elham.amiri@sca.kermanshah.example',
    'farzad.kalhor@sca.kermanshah.example',
    'harm.deputy@sca.kermanshah.example',
    'ngo.deputy@sca.kermanshah.example',
    'peyman.rostami@sca.kermanshah.example',
  ];

  it('is null with UNAUTHENTICATED for the public, while the rest of the agency resolves', async () => {
    const r = await hub.gql(AgencyMembersDocument, { code: 'AG-SCA', includeEnded: true });
    expect(r.data!.agency).toEqual({ code: 'AG-SCA', memberships: null });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].path).toEqual(['agency', 'memberships']);
  });

  it('lists the current memberships to a partner user of another agency', async () => {
    const r = await hub.gql(AgencyMembersDocument, { code: 'AG-SCA' }, { as: NGO_MEMBER });
    expect(r.errors).toBeUndefined();
    const memberships = r.data!.agency!.memberships!;
    expect(memberships.map((m) => m.person.email).sort()).toEqual(CURRENT_SCA);
    expect(memberships.every((m) => m.current)).toBe(true);
    const ids = memberships.map((m) => Number(m.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const harmDeputy = memberships.find((m) => m.person.email === 'harm.deputy@sca.kermanshah.example')!;
    expect(harmDeputy).toMatchObject({ role: 'DIRECTOR', unit: { code: 'U-HARM' }, validFrom: '2023-02-15', validTo: null });
  });

  it('adds the ended memberships with includeEnded', async () => {
    const r = await hub.gql(AgencyMembersDocument, { code: 'AG-SCA', includeEnded: true }, { as: CG_ADMIN });
    expect(r.errors).toBeUndefined();
    const memberships = r.data!.agency!.memberships!;
    expect(memberships.map((m) => m.person.email).sort()).toEqual(
      [...CURRENT_SCA, 'mahmoud.azizi@sca.kermanshah.example', 'negin.ahmadi@razi.ac.example'].sort(),
    );
    expect(memberships.find((m) => m.person.email === 'mahmoud.azizi@sca.kermanshah.example')).toMatchObject({
      role: 'DIRECTOR',
      validFrom: '2021-09-01',
      validTo: '2025-11-30',
      current: false,
    });
    expect(memberships.filter((m) => !m.current).map((m) => m.person.email).sort()).toEqual([
      'mahmoud.azizi@sca.kermanshah.example',
      'negin.ahmadi@razi.ac.example',
    ]);
  });
});

describe('createAgency', () => {
  it('lets a provincial governorate admin register an agency, readable by agency(code) and by search', async () => {
    const input = newAgency({
      code: 'AG-NGO-SAHNEH-YOUTH',
      nameFa: 'کانون جوانان کوه‌نشین صحنه',
      nameEn: 'Kuhneshin Youth Circle of Sahneh',
      parentCode: SAHNEH_NGO,
      fieldsOfActivity: ['YOUTH', 'VOLUNTEERING'],
    });
    const r = await hub.gql(CreateAgencyDocument, { input }, { as: SCA_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createAgency).toMatchObject({
      code: 'AG-NGO-SAHNEH-YOUTH',
      nameFa: input.nameFa,
      nameEn: input.nameEn,
      kind: 'NGO',
      fieldsOfActivity: ['YOUTH', 'VOLUNTEERING'],
      jurisdiction: { code: 'KSH-09' },
      parent: { code: SAHNEH_NGO },
    });

    const read = await hub.gql(AgencyBriefDocument, { code: 'AG-NGO-SAHNEH-YOUTH' });
    expect(read.errors).toBeUndefined();
    expect(read.data!.agency).toEqual({
      code: 'AG-NGO-SAHNEH-YOUTH',
      nameFa: input.nameFa,
      nameEn: input.nameEn,
      kind: 'NGO',
      fieldsOfActivity: ['YOUTH', 'VOLUNTEERING'],
      jurisdiction: { code: 'KSH-09' },
      parent: { code: SAHNEH_NGO },
    });
    expect(await agencyCodes({ search: 'كوه نشين' })).toEqual(['AG-NGO-SAHNEH-YOUTH']);
    expect(await agencyCodes({ within: 'KSH-09', kind: 'NGO' })).toEqual([SAHNEH_NGO, 'AG-NGO-SAHNEH-YOUTH']);
  });

  it('lets a provincial governorate director and the governorate admin register agencies', async () => {
    const byDirector = newAgency({ kind: 'CULTURAL_CENTER', jurisdictionCode: 'KSH-09-C01' });
    const r1 = await hub.gql(CreateAgencyDocument, { input: byDirector }, { as: SCA_DIRECTOR });
    expect(r1.errors).toBeUndefined();
    expect(r1.data!.createAgency!.code).toBe(byDirector.code);
    expect(r1.data!.createAgency!.parent).toBeNull();
    expect(r1.data!.createAgency!.fieldsOfActivity).toEqual([]);

    const byGov = newAgency({ kind: 'STATE_BODY', jurisdictionCode: 'KSH', parentCode: 'AG-GOV' });
    const r2 = await hub.gql(CreateAgencyDocument, { input: byGov }, { as: GOV_ADMIN });
    expect(r2.errors).toBeUndefined();
    expect((await hub.gql(AgencyBriefDocument, { code: byGov.code })).data!.agency!.parent).toEqual({ code: 'AG-GOV' });
  });

  it('refuses other agencies and roles, and the public, saving nothing', async () => {
    const before = await agencyCount();
    for (const as of [NGO_ADMIN, CG_ADMIN, NGO_MEMBER, GOV_MEMBER]) {
      const input = newAgency();
      const r = await hub.gql(CreateAgencyDocument, { input }, { as });
      expect(codes(r), as).toEqual(['FORBIDDEN']);
      expect(r.data!.createAgency).toBeNull();
      expect((await hub.gql(AgencyBriefDocument, { code: input.code })).data!.agency).toBeNull();
    }
    const anonymous = await hub.gql(CreateAgencyDocument, { input: newAgency() });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data!.createAgency).toBeNull();
    expect(await agencyCount()).toBe(before);
  });

  it('refuses a malformed code and too short names, naming the fields, saving nothing', async () => {
    const before = await agencyCount();
    for (const code of ['ag-lower', 'AG SPACE', 'A', '-AG-DASH', 'AG_UNDERSCORE']) {
      const r = await hub.gql(CreateAgencyDocument, { input: newAgency({ code }) }, { as: SCA_ADMIN });
      expect(codes(r), code).toEqual(['BAD_USER_INPUT']);
      expect(problemFields(r), code).toEqual(['code']);
    }
    const shortFa = await hub.gql(CreateAgencyDocument, { input: newAgency({ nameFa: 'ا' }) }, { as: SCA_ADMIN });
    expect(codes(shortFa)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(shortFa)).toEqual(['nameFa']);
    const shortEn = await hub.gql(CreateAgencyDocument, { input: newAgency({ nameEn: 'X' }) }, { as: SCA_ADMIN });
    expect(problemFields(shortEn)).toEqual(['nameEn']);
    const both = await hub.gql(CreateAgencyDocument, { input: newAgency({ code: 'bad code', nameFa: '' }) }, { as: SCA_ADMIN });
    expect(problemFields(both).sort()).toEqual(['code', 'nameFa']);
    expect(await agencyCount()).toBe(before);
  });

  it('refuses names that are blank or too short once trimmed', async () => {
    const before = await agencyCount();
    const blank = await hub.gql(CreateAgencyDocument, { input: newAgency({ nameFa: '   ' }) }, { as: SCA_ADMIN });
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(blank)).toEqual(['nameFa']);
    const padded = await hub.gql(CreateAgencyDocument, { input: newAgency({ nameEn: ' X ' }) }, { as: SCA_ADMIN });
    expect(codes(padded)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(padded)).toEqual(['nameEn']);
    expect(await agencyCount()).toBe(before);
  });

  it('refuses an unknown jurisdiction or parent, naming the field, saving nothing', async () => {
    const before = await agencyCount();
    const region = await hub.gql(CreateAgencyDocument, { input: newAgency({ jurisdictionCode: 'KSH-99' }) }, { as: SCA_ADMIN });
    expect(codes(region)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(region)).toEqual(['jurisdictionCode']);
    expect(region.data!.createAgency).toBeNull();
    const parent = await hub.gql(CreateAgencyDocument, { input: newAgency({ parentCode: 'AG-NOPE' }) }, { as: SCA_ADMIN });
    expect(codes(parent)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(parent)).toEqual(['parentCode']);
    expect(await agencyCount()).toBe(before);
  });

  it('refuses a code in use with CONFLICT', async () => {
    const input = newAgency();
    expect((await hub.gql(CreateAgencyDocument, { input }, { as: SCA_ADMIN })).errors).toBeUndefined();
    const before = await agencyCount();
    const again = await hub.gql(CreateAgencyDocument, { input: { ...input, nameEn: 'Another Name' } }, { as: SCA_DIRECTOR });
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.data!.createAgency).toBeNull();
    const demo = await hub.gql(CreateAgencyDocument, { input: newAgency({ code: 'AG-SCA' }) }, { as: SCA_ADMIN });
    expect(codes(demo)).toEqual(['CONFLICT']);
    expect(await agencyCount()).toBe(before);
    expect((await agencyRow(input.code)).name_en).toBe(input.nameEn);
    expect((await agencyRow('AG-SCA')).name_en).toBe('Social and Cultural Affairs Office, Kermanshah Governorate');
  });

  it('keeps Persian names byte for byte, ZWNJ and Arabic letter forms included', async () => {
    const nameFa = 'انجمن حمایت از کودکان\u200cکار و خانواده\u200cهای صحنه (يارى)';
    const fields = ['حمایت\u200cاجتماعی', 'CHILD_LABOUR'];
    const input = newAgency({ nameFa, fieldsOfActivity: fields });
    const r = await hub.gql(CreateAgencyDocument, { input }, { as: SCA_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createAgency!.nameFa).toBe(nameFa);
    const read = await hub.gql(AgencyBriefDocument, { code: input.code });
    expect(read.data!.agency!.nameFa).toBe(nameFa);
    expect(Buffer.from(read.data!.agency!.nameFa, 'utf8').equals(Buffer.from(nameFa, 'utf8'))).toBe(true);
    expect(read.data!.agency!.fieldsOfActivity).toEqual(fields);
    const [stored] = await hub.sql<{ hex: string }>(`select encode(convert_to(name_fa, 'UTF8'), 'hex') as hex from agency where code = ?`, [input.code]);
    expect(stored.hex).toBe(Buffer.from(nameFa, 'utf8').toString('hex'));
    expect(await agencyCodes({ search: 'کودکان کار و خانواده' })).toEqual([input.code]);
  });
});

describe('updateAgency', () => {
  it("lets an agency's own admin change its names and fields of activity", async () => {
    const input = {
      nameFa: 'انجمن بهبودیافتگان امید شهرستان صحنه',
      nameEn: 'Omid Recovery Association of Sahneh County',
      fieldsOfActivity: ['ADDICTION_RECOVERY', 'HARM_REDUCTION', 'FAMILY_SUPPORT', 'YOUTH'],
    };
    const r = await hub.gql(UpdateAgencyDocument, { code: SAHNEH_NGO, input }, { as: NGO_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateAgency).toEqual({ code: SAHNEH_NGO, ...input, kind: 'NGO', jurisdiction: { code: 'KSH-09' }, parent: null });
    expect(await agencyRow(SAHNEH_NGO)).toEqual({
      name_fa: input.nameFa,
      name_en: input.nameEn,
      fields_of_activity: input.fieldsOfActivity,
      jurisdiction: 'KSH-09',
    });
    const read = await hub.gql(AgencyBriefDocument, { code: SAHNEH_NGO });
    expect(read.data!.agency).toMatchObject(input);
  });

  it('changes only the fields given, and the search follows the new name', async () => {
    const before = await agencyRow(SAHNEH_NGO);
    const r = await hub.gql(UpdateAgencyDocument, { code: SAHNEH_NGO, input: { nameEn: 'Omid Sahneh Recovery Society' } }, { as: NGO_ADMIN });
    expect(r.errors).toBeUndefined();
    expect(await agencyRow(SAHNEH_NGO)).toEqual({ ...before, name_en: 'Omid Sahneh Recovery Society' });
    expect(await agencyCodes({ search: 'recovery society' })).toEqual([SAHNEH_NGO]);
    expect(await agencyCodes({ search: 'Omid Recovery Association' })).toEqual([]);
  });

  it('refuses the admin of another agency, a non-admin of the agency, and the public, changing nothing', async () => {
    const before = await agencyRow(SAHNEH_NGO);
    const input = { nameEn: 'Taken Over', fieldsOfActivity: ['NONE'] };
    for (const as of [CG_ADMIN, OTHER_NGO_ADMIN, NGO_STEWARD, GOV_MEMBER]) {
      const r = await hub.gql(UpdateAgencyDocument, { code: SAHNEH_NGO, input }, { as });
      expect(codes(r), as).toEqual(['FORBIDDEN']);
      expect(r.data!.updateAgency).toBeNull();
    }
    const anonymous = await hub.gql(UpdateAgencyDocument, { code: SAHNEH_NGO, input });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await agencyRow(SAHNEH_NGO)).toEqual(before);
  });

  it('lets provincial governorate admins and directors change any agency', async () => {
    const r = await hub.gql(
      UpdateAgencyDocument,
      { code: 'AG-CG-09', input: { nameEn: 'Sahneh County Governorate Office', fieldsOfActivity: ['CIVIC_PARTICIPATION'] } },
      { as: SCA_ADMIN },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateAgency).toMatchObject({ code: 'AG-CG-09', nameEn: 'Sahneh County Governorate Office', fieldsOfActivity: ['CIVIC_PARTICIPATION'] });
    const moved = await hub.gql(UpdateAgencyDocument, { code: 'AG-CUL-03', input: { jurisdictionCode: 'KSH-09' } }, { as: SCA_DIRECTOR });
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.updateAgency!.jurisdiction).toEqual({ code: 'KSH-09' });
    expect((await agencyRow('AG-CUL-03')).jurisdiction).toBe('KSH-09');
    expect((await agencyRow('AG-CG-09')).name_en).toBe('Sahneh County Governorate Office');
  });

  it('answers NOT_FOUND for an unknown code', async () => {
    const r = await hub.gql(UpdateAgencyDocument, { code: 'AG-NOPE', input: { nameEn: 'Nobody' } }, { as: SCA_ADMIN });
    expect(codes(r)).toEqual(['NOT_FOUND']);
    expect(r.data!.updateAgency).toBeNull();
  });

  it('refuses bad input, naming the field, changing nothing', async () => {
    const before = await agencyRow(SAHNEH_NGO);
    const short = await hub.gql(UpdateAgencyDocument, { code: SAHNEH_NGO, input: { nameFa: 'ا' } }, { as: NGO_ADMIN });
    expect(codes(short)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(short)).toEqual(['nameFa']);
    const region = await hub.gql(UpdateAgencyDocument, { code: SAHNEH_NGO, input: { nameEn: 'Moved Away', jurisdictionCode: 'KSH-99' } }, { as: SCA_ADMIN });
    expect(codes(region)).toEqual(['BAD_USER_INPUT']);
    expect(problemFields(region)).toEqual(['jurisdictionCode']);
    expect(await agencyRow(SAHNEH_NGO)).toEqual(before);
  });

  it('refuses or ignores an explicit null for a name or the fields of activity, never failing', async () => {
    const before = await agencyRow(SAHNEH_NGO);
    const name = await hub.gql(UpdateAgencyDocument, { code: SAHNEH_NGO, input: { nameFa: null } }, { as: NGO_ADMIN });
    expect(codes(name)).not.toContain('INTERNAL_SERVER_ERROR');
    const fields = await hub.gql(UpdateAgencyDocument, { code: SAHNEH_NGO, input: { fieldsOfActivity: null } }, { as: NGO_ADMIN });
    expect(codes(fields)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(await agencyRow(SAHNEH_NGO)).toEqual(before);
  });
});
