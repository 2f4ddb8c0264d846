/**
 * Malformed and hostile input against every mutation, sent by a caller who may perform it (so that
 * validation, not the access policy, is what answers). Each case must be refused with a clear client
 * error (never INTERNAL_SERVER_ERROR, never an HTTP 5xx) and must leave every application table as
 * it was. The cases come from one table (mutation × kind of bad input); the test fails when the
 * schema has a mutation the table does not cover.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as buildSchemaFromSdl, Kind, parse, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcceptMembershipDocument,
  AddMembershipDocument,
  ApproveObservationsDocument,
  CreateAgencyDocument,
  CreateDataSharingAgreementDocument,
  DeclineMembershipDocument,
  EndMembershipDocument,
  HandOverPostDocument,
  RejectObservationsDocument,
  RevokeDataSharingAgreementDocument,
  SubmitObservationsDocument,
  UpdateAgencyDocument,
} from '../schema/client/graphql';
import { buildBareSchema } from '../src/server/schema';
import { codes, startTestHub, type TestHub } from './support/hub';

// ---------------------------------------------------------------------------------------------
// Callers (demo people) and the codes every answer may carry
// ---------------------------------------------------------------------------------------------

const SCA_ADMIN = 'admin@sca.kermanshah.example'; // ADMIN of AG-SCA (provincial governorate)
const STEWARD = 'steward@cg-kermanshah.kermanshah.example'; // DATA_STEWARD of AG-CG-01 (county KSH-01)
const NGO_STEWARD = 'steward@omid-sahneh.ngo.example'; // DATA_STEWARD of an NGO in Sahneh
const DEPUTY = 'harm.deputy@sca.kermanshah.example'; // the monitoring deputy (reviews observations)
const DG = 'dg@sca.kermanshah.example'; // director general: not the monitoring deputy
const NGO_ADMIN = 'omid.ranjbar@omid-sahneh.ngo.example'; // ADMIN of AG-NGO-SAHNEH-ADDICTION
const RESEARCHER = 'researcher@razi.ac.example'; // grantee of DSA-RAZI-ACTIVE
const NGO = 'AG-NGO-SAHNEH-ADDICTION';
const YOUTH_ADVISER = 'arman.fattahi@gov.kermanshah.example'; // holds POST-GOV-YOUTH-ADVISER; MEMBER of AG-GOV
const INVITEE = 'zahra.safari@cg-sonqor.kermanshah.example'; // offered memberships of the Sahneh NGO (beforeAll)

/** Clear client errors. */
const CLIENT_CODES = [
  'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST',
  'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PAYLOAD_TOO_LARGE',
  // Apollo's code for a document with several operations and no operationName (src/server/errors.ts REQUEST_CODES).
  'OPERATION_RESOLUTION_FAILURE',
];
/**
 * Codes of the hub's request limits (src/server/limits.ts) that are right for some cases: huge lists
 * and nested arrays may be refused by a limit instead of by validation. A rate limit is never right
 * here (a validation case answered RATE_LIMITED would test nothing), so the hub of this file runs
 * without rate limits (HUB_ENV).
 */
const LIMIT_CODES: string[] = ['PAYLOAD_TOO_LARGE', 'QUERY_TOO_COMPLEX'];
const HUB_ENV = { POL_RATE_LIMIT_AGENCY_PER_MIN: '0', POL_RATE_LIMIT_ANON_PER_MIN: '0' };

/** What a stack trace or a server path looks like in an error message. */
const STACK_TRACE = /\n\s+at |node_modules|\.[jt]s:\d+/;

/** Tables whose rows a request may write even when refused. */
const NOT_FINGERPRINTED = new Set(['access_log', 'rate_limit_bucket', 'mikro_orm_migrations']);
/** Tables the fingerprint must cover at least. */
const MUST_FINGERPRINT = ['agency', 'person', 'membership', 'post', 'appointment', 'observation', 'observation_batch', 'data_sharing_agreement'];

// ---------------------------------------------------------------------------------------------
// Bad values
// ---------------------------------------------------------------------------------------------

const KB100 = 100 * 1024;
const huge = (unit: string) => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);
const HUGE_FA = huge('ب');
const HUGE_LATIN = huge('A');
const HUGE_DIGITS = huge('9');
const HUGE_EMAIL = `${huge('a')}@bad-input.example`;
/** A string that makes the body larger than the hub's limit (POL_MAX_BODY_BYTES; express.json's 5 MB before). */
const overBodyLimit = () => 'x'.repeat(Math.max((hub.config.limits as { maxBodyBytes?: number } | undefined)?.maxBodyBytes ?? 0, 5 * 1024 * 1024) + 512 * 1024);

const NUL = (s: string) => `${s.slice(0, 2)}\u0000${s.slice(2)}`;
const ESCAPES = (s: string) => `${s}\u001b[2J\u0007\u009b`;
/** Wrapped in a right-to-left override (U+202E) … pop directional formatting (U+202C): text shown reversed. */
const RLO = (s: string) => `\u202E${s}\u202C`;
/** Only invisible characters: ZWNJ, ZWJ, left-to-right isolate … pop. */
const INVISIBLE = '\u200C\u200D\u2066\u2069\u200B';
/**
 * An address isEmail accepts (local part ≤ 64 bytes, domain ≤ 254 bytes, labels ≤ 63 characters) whose
 * lower-case form has 313 characters: more than the 254 of person.email.
 */
const DOTTED_I_EMAIL = `${'İ'.repeat(32)}@${'İ'.repeat(61)}.${'İ'.repeat(61)}.ab`;

const BAD_GREGORIAN = [
  '2025-02-30', '2025-13-01', '0000-00-00', '2025/01/01', '2025-00-10', '2025-1-1', '۲۰۲۵-۰۱-۰۱', '2025-01-01T00:00:00Z',
  '0000-01-01', '', ' 2025-01-01', '2025-01-01\n',
];
const BAD_PERIODS = [
  '1404-13', '1404-00', '1404-Q5', '1404-Q0', '14O4-01', '۱۴۰۴-۱۳', '1404-1', '1404–05', '0000-01', '9999-01', '1404-05-01', '',
  '1404-05\n', '1404-Q2', '1404', // the last two: a quarter and a year for a monthly indicator
  // Periods that have not begun: nothing can have been observed in them.
  '1431-01', '1500-12',
];

/** Deeply nested JSON arrays, e.g. [[[["x"]]]], as JSON text (JSON.stringify overflows the stack on them). */
const nestedJson = (depth: number, leaf: unknown) => `${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`;
const NESTED = '\u0000nested\u0000';

/** The input object with an own `__proto__` key (a prototype-pollution attempt). */
const POLLUTER = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Fixtures made in beforeAll (ids are known only then)
// ---------------------------------------------------------------------------------------------

interface Fixtures {
  /** SUBMITTED, current observations of AG-CG-01. */
  submitted: string[];
  approved: string;
  /** A version replaced by a correction. */
  replaced: string;
  /** The idempotency key of a batch already saved. */
  usedKey: string;
  /** A current AG-GOV membership (of the youth adviser) the SCA admin may end. */
  endable: string;
  /** babak.sanjabi's ADMIN membership at AG-GOV. */
  govAdmin: string;
  /** A membership that has ended (mahmoud.azizi, DIRECTOR of AG-SCA until 2025-11-30). */
  ended: string;
  revokedAgreement: string;
}

// ---------------------------------------------------------------------------------------------
// The table: for each mutation, a valid input and the bad variations of it
// ---------------------------------------------------------------------------------------------

type BadKind =
  | 'wrong type' | 'malformed request' | 'prototype pollution' | 'huge string' | 'control characters' | 'blank or invisible'
  | 'huge list' | 'deep nesting' | 'number' | 'unknown id' | 'other agency' | 'duplicate' | 'bad date' | 'bad period' | 'body limit';

type Vars = Record<string, unknown>;
type Maybe<T> = T | Promise<T>;

interface Case {
  mutation: string;
  kind: BadKind;
  label: string;
  /** Who sends it; the mutation's usual caller unless given. */
  as?: string;
  /** The GraphQL document; the mutation's typed document unless given. */
  query?: string;
  vars?: (f: Fixtures, tag: string) => Maybe<Vars>;
  /** A raw request body, for what JSON.stringify cannot write (e.g. 1e400). */
  body?: (f: Fixtures, tag: string) => Maybe<string>;
  /** Codes besides the client codes that are right here (limits). */
  alsoAccept?: string[];
  /** The codes that are right for this case, where only some client codes are. */
  only?: string[];
}

interface MutationSpec {
  doc: { toString(): string };
  as: string;
  /** A valid input; `tag` makes codes, keys and emails unique to one case. */
  base: (f: Fixtures, tag: string) => Maybe<Vars>;
  /** A literal of the wrong type in the document itself, and an unparsable document. */
  literalQuery: string;
  brokenQuery: string;
  /** Where a string field goes, for the body-limit and pollution cases. */
  textPath: string;
  /** The input object's variable, where the document has one. */
  inputPath?: string;
  /** A document taking the whole input object as `$input`, where the usual one spreads it into variables. */
  inputQuery?: string;
}

const SUCCESSORS = [
  'peyman.rostami@sca.kermanshah.example', 'elham.amiri@sca.kermanshah.example', 'farzad.kalhor@sca.kermanshah.example',
  'negin.ahmadi@razi.ac.example', 'roya.jalalvand@razi.ac.example', 'dariush.malekshahi@razi.ac.example',
  'masoud.karami@cg-eslamabad.kermanshah.example', 'nasrin.zarei@cg-eslamabad.kermanshah.example',
];
const num = (tag: string) => Number(tag) || 0;

/**
 * Rows the cases need in a state that a wrongly accepted case may have changed are looked up when
 * the case is sent, so that one accepted case does not hide the bugs of the next.
 */
async function reviewable(f: Fixtures, tag: string): Promise<string> {
  const rows = await hub.sql<{ id: string }>(
    `select id from observation where id in (${f.submitted.map(Number).join(',')}) and status = 'SUBMITTED' and is_current order by id`,
  );
  if (!rows.length) throw new Error('fixture: no SUBMITTED observation left to review');
  return String(rows[num(tag) % rows.length].id);
}
async function successorOf(postCode: string, tag: string): Promise<string> {
  const [holder] = await hub.sql<{ email: string }>(
    `select p.email from appointment ap join post po on po.id = ap.post_id join person p on p.id = ap.person_id where po.code = ? and ap.ended_on is null`,
    [postCode],
  );
  const others = SUCCESSORS.filter((e) => e !== holder?.email);
  return others[num(tag) % others.length];
}
async function openMembershipAtGov(): Promise<string> {
  const [m] = await hub.sql<{ id: number }>(
    `select m.id from membership m join agency a on a.id = m.agency_id where a.code = 'AG-GOV' and m.valid_to is null and m.role <> 'ADMIN' order by m.id limit 1`,
  );
  return String(m.id);
}
/** A membership offered to the invitee and not answered yet. */
async function invitation(tag: string): Promise<string> {
  const rows = await hub.sql<{ id: number }>(
    `select m.id from membership m join person p on p.id = m.person_id where p.email = ? and m.accepted_at is null and m.ended_at is null order by m.id`,
    [INVITEE],
  );
  if (!rows.length) throw new Error('fixture: no invitation left to answer');
  return String(rows[num(tag) % rows.length].id);
}
async function activeAgreement(): Promise<string> {
  const [a] = await hub.sql<{ code: string }>(`select code from data_sharing_agreement where revoked_at is null order by id limit 1`);
  return a.code;
}

const SPECS: Record<string, MutationSpec> = {
  createAgency: {
    doc: CreateAgencyDocument,
    as: SCA_ADMIN,
    base: (_f, tag) => ({
      input: {
        code: `AG-BAD-INPUT-${tag}`, nameFa: 'انجمن آزمایشی ورودی نادرست', nameEn: 'Bad Input Test Association', kind: 'NGO',
        jurisdictionCode: 'KSH-09', parentCode: 'AG-GOV', fieldsOfActivity: ['پیشگیری از اعتیاد', 'Addiction prevention'],
      },
    }),
    literalQuery: 'mutation { createAgency(input: { code: 12, nameFa: true, nameEn: "x", kind: "NGO", jurisdictionCode: "KSH" }) { id } }',
    brokenQuery: 'mutation { createAgency(input: { code: "AG-X" ',
    textPath: 'input.nameEn',
    inputPath: 'input',
  },
  updateAgency: {
    doc: UpdateAgencyDocument,
    as: NGO_ADMIN,
    base: () => ({
      code: NGO,
      input: { nameFa: 'انجمن امید صحنه', nameEn: 'Omid Sahneh Association', fieldsOfActivity: ['پیشگیری از اعتیاد'] },
    }),
    literalQuery: 'mutation { updateAgency(code: 12, input: { nameFa: 3 }) { code } }',
    brokenQuery: 'mutation { updateAgency(code: "AG-X", input: {',
    textPath: 'input.nameEn',
    inputPath: 'input',
  },
  addMembership: {
    doc: AddMembershipDocument,
    as: SCA_ADMIN,
    base: (_f, tag) => ({
      input: {
        agencyCode: 'AG-SCA', unitCode: 'U-NGO', personEmail: `new.person.${tag}@bad-input.example`, role: 'ANALYST',
        newPerson: { fullNameFa: 'کارشناس آزمایشی', fullNameEn: 'Test Analyst', phone: '+989181234567', nationalId: `97${tag.padStart(8, '0')}` },
        validFrom: '2025-01-01', validTo: '2027-12-31',
      },
    }),
    literalQuery: 'mutation { addMembership(input: { agencyCode: 1, personEmail: 2, role: "ADMIN" }) { id } }',
    brokenQuery: 'mutation { addMembership(input: { agencyCode: "AG-SCA" }) { id ',
    textPath: 'input.newPerson.fullNameEn',
    inputPath: 'input',
  },
  endMembership: {
    doc: EndMembershipDocument,
    as: SCA_ADMIN,
    base: async () => ({ input: { membershipId: await openMembershipAtGov(), validTo: '2030-03-20' } }),
    literalQuery: 'mutation { endMembership(input: { membershipId: 1.5, validTo: 20300320 }) { id } }',
    brokenQuery: 'mutation { endMembership(input: { membershipId: "1" }) { id } } }',
    textPath: 'input.validTo',
    inputPath: 'input',
  },
  handOverPost: {
    doc: HandOverPostDocument,
    as: SCA_ADMIN,
    base: async (_f, tag) => ({
      input: {
        postCode: 'POST-GOV-YOUTH-ADVISER', successorEmail: await successorOf('POST-GOV-YOUTH-ADVISER', tag), date: '2025-12-01',
        endNote: 'تقدیر از خدمات مشاور جوان', startNote: 'معارفه مشاور جوان جدید',
      },
    }),
    literalQuery: 'mutation { handOverPost(input: { postCode: ["POST-GOV-YOUTH-ADVISER"], successorEmail: 5 }) { post { code } } }',
    brokenQuery: 'mutation { handOverPost(input: { postCode: "POST-GOV-YOUTH-ADVISER" successorEmail: }) { post { code } } }',
    textPath: 'input.startNote',
    inputPath: 'input',
  },
  submitObservations: {
    doc: SubmitObservationsDocument,
    as: STEWARD,
    base: (_f, tag) => ({
      input: {
        idempotencyKey: `bad-input-${tag}`, asDraft: false,
        rows: [{ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-05', sex: 'TOTAL', ageGroup: 'TOTAL', value: 12, note: 'یادداشت میدانی' }],
      },
    }),
    literalQuery: 'mutation { submitObservations(input: { idempotencyKey: 1, rows: [{ indicatorCode: "DIVORCE_REG", regionCode: "KSH-01", period: "1404-05", value: "12" }] }) { batchId } }',
    brokenQuery: 'mutation { submitObservations(input: { idempotencyKey: "k", rows: [{ value: 1 }] ) { batchId } }',
    textPath: 'input.rows.0.note',
    inputPath: 'input',
  },
  approveObservations: {
    doc: ApproveObservationsDocument,
    as: DEPUTY,
    base: async (f, tag) => ({ ids: [await reviewable(f, tag)] }),
    literalQuery: 'mutation { approveObservations(input: { ids: [1.5, true] }) { count } }',
    brokenQuery: 'mutation { approveObservations(input: { ids: ["1"] }) { count }',
    textPath: 'ids.0',
    inputQuery: 'mutation ApproveWholeInput($input: ReviewInput!) { approveObservations(input: $input) { count } }',
  },
  rejectObservations: {
    doc: RejectObservationsDocument,
    as: DEPUTY,
    base: async (f, tag) => ({ ids: [await reviewable(f, tag)], reason: 'با آمار ثبت احوال همخوانی ندارد' }),
    literalQuery: 'mutation { rejectObservations(input: { ids: ["1"], reason: 42 }) { count } }',
    brokenQuery: 'mutation { rejectObservations(input: { ids: ["1"], reason: "x }) { count } }',
    textPath: 'reason',
    inputQuery: 'mutation RejectWholeInput($input: RejectInput!) { rejectObservations(input: $input) { count } }',
  },
  createDataSharingAgreement: {
    doc: CreateDataSharingAgreementDocument,
    as: SCA_ADMIN,
    base: (_f, tag) => ({
      input: {
        code: `DSA-BAD-INPUT-${tag}`, grantorCode: 'AG-SCA', granteeCode: 'AG-RAZI', purpose: 'پژوهش آزمایشی درباره طلاق در شهرستان کرمانشاه',
        categoryCodes: ['DIVORCE'], regionRootCode: 'KSH-01', finestLevel: 'COUNTY', validFrom: '2025-01-01', validTo: '2027-12-31',
      },
    }),
    literalQuery: 'mutation { createDataSharingAgreement(input: { code: "DSA-X", grantorCode: "AG-SCA", granteeCode: "AG-RAZI", purpose: "test purpose", categoryCodes: "DIVORCE", regionRootCode: "KSH", finestLevel: GALAXY, validFrom: 20250101, validTo: "2027-01-01" }) { code } }',
    brokenQuery: 'mutation { createDataSharingAgreement(input: { code: "DSA-X" }) { code } ]',
    textPath: 'input.purpose',
    inputPath: 'input',
  },
  acceptMembership: {
    doc: AcceptMembershipDocument,
    as: INVITEE,
    base: async (_f, tag) => ({ input: { membershipId: await invitation(tag) } }),
    literalQuery: 'mutation { acceptMembership(input: { membershipId: 1.5 }) { id } }',
    brokenQuery: 'mutation { acceptMembership(input: { membershipId: "1" }) { id }',
    textPath: 'input.membershipId',
    inputPath: 'input',
  },
  declineMembership: {
    doc: DeclineMembershipDocument,
    as: INVITEE,
    base: async (_f, tag) => ({ input: { membershipId: await invitation(tag) } }),
    literalQuery: 'mutation { declineMembership(input: { membershipId: [1] }) { id } }',
    brokenQuery: 'mutation { declineMembership(input: { membershipId: "1" } { id } }',
    textPath: 'input.membershipId',
    inputPath: 'input',
  },
  revokeDataSharingAgreement: {
    doc: RevokeDataSharingAgreementDocument,
    as: SCA_ADMIN,
    base: async () => ({ code: await activeAgreement() }),
    literalQuery: 'mutation { revokeDataSharingAgreement(code: 12) { code } }',
    brokenQuery: 'mutation { revokeDataSharingAgreement(code: "DSA-RAZI-ACTIVE") { code } } extra',
    textPath: 'code',
  },
};

/** Deep copy of `vars` with the value at a dotted path replaced (or removed with DROP). */
const DROP = Symbol('drop');
function withValue(vars: Vars, at: string, value: unknown): Vars {
  const copy = structuredClone(vars) as Record<string, unknown>;
  const keys = at.split('.');
  let node: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === DROP) delete node[last];
  else node[last] = value;
  return copy;
}

/** A value for a test name: short, with control and formatting characters written as escapes (Persian letters kept). */
function show(v: unknown): string {
  const escape = (json: string) => json.replace(/[\u0080-\uffff]/g, (c) => (/[\u0600-\u06ff]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  if (v === DROP) return '(absent)';
  if (typeof v === 'string') return v.length > 40 ? `${escape(JSON.stringify(`${v.slice(0, 24)}…`))} (${v.length} chars)` : escape(JSON.stringify(v));
  if (Array.isArray(v) && v.length > 3) return `[${v.length} items]`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return escape(JSON.stringify(v) ?? String(v));
}

const CASES: Case[] = [];

/** One case: the mutation's valid input with the value at `at` replaced. */
function set(mutation: string, kind: BadKind, at: string, value: unknown, extra: Partial<Case> = {}): void {
  const spec = SPECS[mutation];
  CASES.push({
    mutation, kind, label: `${at} = ${typeof value === 'function' ? 'computed' : show(value)}`, ...extra,
    vars: async (f, tag) => withValue(await spec.base(f, tag), at, typeof value === 'function' ? await (value as (f: Fixtures, tag: string) => unknown)(f, tag) : value),
  });
}

/** One case: the mutation's valid input with several values replaced. */
function patch(mutation: string, kind: BadKind, label: string, changes: (f: Fixtures, tag: string) => Record<string, unknown>, extra: Partial<Case> = {}): void {
  const spec = SPECS[mutation];
  CASES.push({
    mutation, kind, label, ...extra,
    vars: async (f, tag) => Object.entries(changes(f, tag)).reduce((v, [at, value]) => withValue(v, at, value), await spec.base(f, tag)),
  });
}

/** One case: the value at `at` is raw JSON text (deeply nested arrays) spliced into the body. */
function deep(mutation: string, at: string, json: string, label: string): void {
  const spec = SPECS[mutation];
  CASES.push({
    mutation, kind: 'deep nesting', label, alsoAccept: LIMIT_CODES,
    body: async (f, tag) => JSON.stringify({ query: spec.doc.toString(), variables: withValue(await spec.base(f, tag), at, NESTED) }).replace(JSON.stringify(NESTED), json),
  });
}

/** Cases every mutation gets: broken documents and requests, pollution, a body over the limit. */
for (const [mutation, spec] of Object.entries(SPECS)) {
  CASES.push({ mutation, kind: 'malformed request', label: 'unparsable document', query: spec.brokenQuery, vars: (f, tag) => spec.base(f, tag) });
  CASES.push({ mutation, kind: 'wrong type', label: 'literal of the wrong type in the document', query: spec.literalQuery });
  CASES.push({ mutation, kind: 'wrong type', label: 'no variables at all', vars: () => ({}) });
  CASES.push({
    mutation, kind: 'malformed request', label: 'variables as a string',
    body: () => JSON.stringify({ query: spec.doc.toString(), variables: 'not an object' }),
  });
  CASES.push({
    mutation, kind: 'malformed request', label: 'truncated JSON body',
    body: async (f, tag) => JSON.stringify({ query: spec.doc.toString(), variables: await spec.base(f, tag) }).slice(0, -3),
  });
  CASES.push({
    mutation, kind: 'malformed request', label: 'two operations, no operationName',
    body: async (f, tag) => JSON.stringify({ query: `${spec.doc.toString()}\nmutation Second { __typename }`, variables: await spec.base(f, tag) }),
  });
  if (spec.inputPath) {
    const at = spec.inputPath;
    CASES.push({
      mutation, kind: 'prototype pollution', label: `${at}.__proto__ and ${at}.constructor.prototype`,
      vars: async (f, tag) => { const v = await spec.base(f, tag); return { ...v, [at]: { ...(v[at] as object), ...POLLUTER } }; },
    });
    set(mutation, 'wrong type', `${at}.bogusField`, 'surprise');
  } else if (spec.inputQuery) {
    CASES.push({
      mutation, kind: 'prototype pollution', label: 'input.__proto__ and input.constructor.prototype', query: spec.inputQuery,
      vars: async (f, tag) => ({ input: { ...(await spec.base(f, tag)), ...POLLUTER } }),
    });
    CASES.push({
      mutation, kind: 'wrong type', label: 'input.bogusField = "surprise"', query: spec.inputQuery,
      vars: async (f, tag) => ({ input: { ...(await spec.base(f, tag)), bogusField: 'surprise' } }),
    });
  }
  set(mutation, 'body limit', spec.textPath, overBodyLimit, { label: `${spec.textPath} = a string making the body 512 KB larger than the limit`, only: ['PAYLOAD_TOO_LARGE'] });
  CASES.push({
    mutation, kind: 'malformed request', label: 'a batch (JSON array) of two requests', alsoAccept: ['BATCHING_NOT_ALLOWED'],
    body: async (f, tag) => { const one = { query: spec.doc.toString(), variables: await spec.base(f, tag) }; return JSON.stringify([one, one]); },
  });
}

// createAgency ---------------------------------------------------------------------------------
{
  const m = 'createAgency';
  for (const [at, v] of [
    ['input.nameFa', 123], ['input.kind', 'PIRATE'], ['input.kind', 'ngo'], ['input.fieldsOfActivity', { a: 1 }], ['input.code', null],
    ['input.code', DROP], ['input', 'a string'], ['input.nameEn', ['a', 'b']], ['input.parentCode', {}], ['input.jurisdictionCode', true],
    ['input.fieldsOfActivity', [null]], ['input', null],
  ] as Array<[string, unknown]>) set(m, 'wrong type', at, v);
  for (const [at, v] of [
    ['input.code', HUGE_LATIN], ['input.nameFa', HUGE_FA], ['input.nameEn', HUGE_LATIN], ['input.jurisdictionCode', HUGE_LATIN],
    ['input.parentCode', HUGE_LATIN], ['input.fieldsOfActivity', [HUGE_FA]],
  ] as Array<[string, unknown]>) set(m, 'huge string', at, v);
  for (const [at, v] of [
    ['input.nameFa', NUL('انجمن آزمایشی')], ['input.nameEn', ESCAPES('Test Association')], ['input.nameEn', RLO('Test Association')],
    ['input.fieldsOfActivity', [NUL('Addiction')]], ['input.fieldsOfActivity', [RLO('Addiction')]], ['input.code', NUL('AG-CTRL')],
    ['input.jurisdictionCode', NUL('KSH-09')], ['input.parentCode', NUL('AG-GOV')], ['input.code', 'AG-CTRL\n'],
  ] as Array<[string, unknown]>) set(m, 'control characters', at, v);
  set(m, 'blank or invisible', 'input.nameFa', INVISIBLE);
  set(m, 'blank or invisible', 'input.nameEn', ' \u00a0\t ');
  set(m, 'huge list', 'input.fieldsOfActivity', Array.from({ length: 10_000 }, (_, i) => `field ${i}`), { label: 'input.fieldsOfActivity = 10,000 items', alsoAccept: LIMIT_CODES });
  set(m, 'huge list', 'input.fieldsOfActivity', Array.from({ length: 21 }, (_, i) => `field ${i}`), { label: 'input.fieldsOfActivity = 21 items (max 20)' });
  deep(m, 'input.fieldsOfActivity', nestedJson(5_000, 'x'), 'input.fieldsOfActivity = arrays nested 5,000 deep');
  set(m, 'unknown id', 'input.jurisdictionCode', 'KSH-99');
  set(m, 'unknown id', 'input.parentCode', 'AG-NOPE');
  set(m, 'unknown id', 'input.code', 'ag-lower-case');
  set(m, 'unknown id', 'input.code', 'AG GOV');
  CASES.push({ mutation: m, kind: 'other agency', label: 'an NGO admin', as: NGO_ADMIN, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  CASES.push({ mutation: m, kind: 'other agency', label: 'a county data steward', as: STEWARD, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  set(m, 'duplicate', 'input.code', 'AG-GOV', { only: ['CONFLICT'] });
}

// updateAgency ---------------------------------------------------------------------------------
{
  const m = 'updateAgency';
  for (const [at, v] of [
    ['code', 42], ['code', null], ['input', null], ['input.fieldsOfActivity', { x: 'y' }], ['input.nameFa', true], ['input', 'a string'],
  ] as Array<[string, unknown]>) set(m, 'wrong type', at, v);
  // Kind, jurisdiction and parent: the provincial governorate's to change.
  set(m, 'wrong type', 'input.jurisdictionCode', ['KSH-09'], { as: SCA_ADMIN });
  set(m, 'wrong type', 'input.kind', 'SPACESHIP', { as: SCA_ADMIN });
  for (const [at, v] of [
    ['code', HUGE_LATIN], ['input.nameFa', HUGE_FA], ['input.nameEn', HUGE_LATIN], ['input.fieldsOfActivity', [HUGE_FA]],
  ] as Array<[string, unknown]>) set(m, 'huge string', at, v);
  set(m, 'huge string', 'input.jurisdictionCode', HUGE_LATIN, { as: SCA_ADMIN });
  set(m, 'huge string', 'input.parentCode', HUGE_LATIN, { as: SCA_ADMIN });
  for (const [at, v] of [
    ['input.nameFa', NUL('انجمن امید')], ['input.nameEn', ESCAPES('Omid Association')], ['input.nameEn', RLO('Omid Association')],
    ['input.fieldsOfActivity', [NUL('Addiction')]], ['code', NUL(NGO)],
  ] as Array<[string, unknown]>) set(m, 'control characters', at, v);
  set(m, 'control characters', 'input.jurisdictionCode', NUL('KSH-09'), { as: SCA_ADMIN });
  set(m, 'blank or invisible', 'input.nameFa', INVISIBLE);
  set(m, 'blank or invisible', 'input.nameEn', '   ');
  set(m, 'huge list', 'input.fieldsOfActivity', Array.from({ length: 10_000 }, (_, i) => `field ${i}`), { label: 'input.fieldsOfActivity = 10,000 items', alsoAccept: LIMIT_CODES });
  deep(m, 'input.fieldsOfActivity', nestedJson(5_000, 'x'), 'input.fieldsOfActivity = arrays nested 5,000 deep');
  set(m, 'unknown id', 'code', 'AG-NOPE', { only: ['NOT_FOUND'] });
  set(m, 'unknown id', 'input.jurisdictionCode', 'KSH-99', { as: SCA_ADMIN });
  set(m, 'unknown id', 'input.parentCode', 'AG-NOPE', { as: SCA_ADMIN });
  set(m, 'duplicate', 'input.parentCode', NGO, { label: 'input.parentCode = the agency itself', as: SCA_ADMIN });
  set(m, 'other agency', 'input.jurisdictionCode', 'KSH', { label: 'an NGO admin widens its own jurisdiction', only: ['FORBIDDEN'] });
  set(m, 'other agency', 'input.kind', 'PROVINCIAL_GOVERNORATE', { label: 'an NGO admin changes its own kind', only: ['FORBIDDEN'] });
  set(m, 'other agency', 'code', 'AG-GOV', { label: 'an NGO admin changes AG-GOV', only: ['FORBIDDEN'] });
  set(m, 'other agency', 'code', 'AG-NGO-KSH-WOMEN', { label: 'an NGO admin changes another NGO', only: ['FORBIDDEN'] });
  set(m, 'other agency', 'code', 'AG-CG-01', { label: 'a data steward changes their own agency', as: STEWARD, only: ['FORBIDDEN'] });
}

// addMembership --------------------------------------------------------------------------------
{
  const m = 'addMembership';
  for (const [at, v] of [
    ['input.role', 'ROOT'], ['input.role', null], ['input.personEmail', 5], ['input.newPerson', 'x'], ['input.validFrom', 20250101],
    ['input.agencyCode', null], ['input.newPerson.nationalId', 1234567890], ['input.newPerson.fullNameFa', null], ['input.unitCode', { code: 'U-NGO' }],
  ] as Array<[string, unknown]>) set(m, 'wrong type', at, v);
  for (const [at, v] of [
    ['input.agencyCode', HUGE_LATIN], ['input.personEmail', HUGE_EMAIL], ['input.newPerson.fullNameFa', HUGE_FA], ['input.newPerson.fullNameEn', HUGE_LATIN],
    ['input.newPerson.phone', HUGE_DIGITS], ['input.newPerson.nationalId', HUGE_DIGITS], ['input.unitCode', HUGE_LATIN], ['input.validFrom', HUGE_DIGITS],
  ] as Array<[string, unknown]>) set(m, 'huge string', at, v);
  set(m, 'huge string', 'input.personEmail', DOTTED_I_EMAIL, { label: 'input.personEmail = 32 × "İ" @ 61 × "İ" . 61 × "İ" .ab (313 characters once lower-cased; person.email holds 254)' });
  for (const [at, v] of [
    ['input.newPerson.fullNameFa', NUL('کارشناس آزمایشی')], ['input.newPerson.fullNameEn', ESCAPES('Test Analyst')], ['input.newPerson.fullNameEn', RLO('Test Analyst')],
    ['input.agencyCode', NUL('AG-SCA')], ['input.unitCode', NUL('U-NGO')], ['input.personEmail', 'x\u0000y@bad-input.example'],
    ['input.newPerson.phone', '+98918\u00001234567'], ['input.newPerson.nationalId', '12345\u00006789'], ['input.personEmail', RLO('evil@bad-input.example')],
  ] as Array<[string, unknown]>) set(m, 'control characters', at, v);
  set(m, 'blank or invisible', 'input.newPerson.fullNameFa', INVISIBLE);
  for (const d of BAD_GREGORIAN) set(m, 'bad date', 'input.validFrom', d);
  for (const d of BAD_GREGORIAN) set(m, 'bad date', 'input.validTo', d);
  patch(m, 'bad date', 'validTo before validFrom', () => ({ 'input.validFrom': '2026-01-01', 'input.validTo': '2025-12-31' }));
  set(m, 'unknown id', 'input.agencyCode', 'AG-NOPE', { only: ['NOT_FOUND'] });
  set(m, 'unknown id', 'input.unitCode', 'U-NOPE');
  patch(m, 'unknown id', 'unitCode of another agency (U-HARM at AG-GOV)', () => ({ 'input.agencyCode': 'AG-GOV', 'input.unitCode': 'U-HARM' }));
  set(m, 'unknown id', 'input.newPerson', DROP, { label: 'an unknown email without newPerson' });
  set(m, 'other agency', 'input.agencyCode', 'AG-GOV', { label: 'an NGO admin adds to AG-GOV', as: NGO_ADMIN, only: ['FORBIDDEN'] });
  CASES.push({ mutation: m, kind: 'other agency', label: 'a data steward adds to AG-SCA', as: STEWARD, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  patch(m, 'duplicate', 'the same person, agency and role again (babak.sanjabi, ADMIN of AG-GOV)', () => ({
    'input.agencyCode': 'AG-GOV', 'input.unitCode': DROP, 'input.personEmail': 'babak.sanjabi@gov.kermanshah.example', 'input.role': 'ADMIN', 'input.newPerson': DROP,
    'input.validFrom': DROP, 'input.validTo': DROP,
  }), { only: ['CONFLICT'] });
  set(m, 'duplicate', 'input.newPerson.nationalId', '5372368454', { label: 'newPerson.nationalId of another person' });
}

// endMembership --------------------------------------------------------------------------------
{
  const m = 'endMembership';
  for (const [at, v] of [
    ['input.membershipId', {}], ['input.membershipId', true], ['input.membershipId', 1.5], ['input.membershipId', null], ['input.validTo', 20300320],
    ['input', 'x'], ['input.membershipId', [1]],
  ] as Array<[string, unknown]>) set(m, 'wrong type', at, v);
  set(m, 'huge string', 'input.membershipId', HUGE_DIGITS);
  set(m, 'huge string', 'input.validTo', HUGE_DIGITS);
  set(m, 'control characters', 'input.membershipId', (f: Fixtures) => `${f.endable}\u0000`, { label: 'input.membershipId = "<id>\\u0000"' });
  set(m, 'control characters', 'input.validTo', '2030-03-20\u0000');
  for (const id of ['999999999999', '2147483648', '9223372036854775808', '0', '-1', 'abc', '1e3', '0x1F', ' 12', '']) set(m, 'number', 'input.membershipId', id);
  set(m, 'number', 'input.membershipId', 999_999_999_999);
  set(m, 'number', 'input.membershipId', 2 ** 63);
  set(m, 'unknown id', 'input.membershipId', '2000000000', { only: ['NOT_FOUND'] });
  set(m, 'other agency', 'input.membershipId', (f: Fixtures) => f.govAdmin, { label: 'an NGO admin ends the AG-GOV admin\'s membership', as: NGO_ADMIN, only: ['FORBIDDEN'] });
  set(m, 'other agency', 'input.membershipId', (f: Fixtures) => f.endable, { label: 'a data steward ends an AG-GOV membership', as: STEWARD, only: ['FORBIDDEN'] });
  // Ended already: a DIRECTOR's membership, which only the director general ranks high enough to end.
  set(m, 'duplicate', 'input.membershipId', (f: Fixtures) => f.ended, { label: 'a membership that has ended already', as: DG, only: ['CONFLICT'] });
  for (const d of BAD_GREGORIAN) set(m, 'bad date', 'input.validTo', d);
  set(m, 'bad date', 'input.validTo', '2000-01-01', { label: 'input.validTo = "2000-01-01" (before the membership began)' });
}

// handOverPost ---------------------------------------------------------------------------------
{
  const m = 'handOverPost';
  for (const [at, v] of [
    ['input.postCode', null], ['input.date', 20251201], ['input.successorEmail', ['a@b.example']], ['input', 5], ['input.endNote', {}], ['input.successorEmail', DROP],
  ] as Array<[string, unknown]>) set(m, 'wrong type', at, v);
  for (const [at, v] of [
    ['input.postCode', HUGE_LATIN], ['input.successorEmail', HUGE_EMAIL], ['input.date', HUGE_DIGITS], ['input.endNote', HUGE_FA], ['input.startNote', HUGE_FA],
  ] as Array<[string, unknown]>) set(m, 'huge string', at, v);
  for (const [at, v] of [
    ['input.endNote', NUL('تقدیر از خدمات')], ['input.startNote', NUL('معارفه')], ['input.startNote', ESCAPES('introduction')], ['input.postCode', NUL('POST-GOV-YOUTH-ADVISER')],
    ['input.successorEmail', 'peyman.rostami@sca.kermanshah.example\u0000'],
  ] as Array<[string, unknown]>) set(m, 'control characters', at, v);
  set(m, 'unknown id', 'input.postCode', 'POST-NOPE', { only: ['NOT_FOUND'] });
  set(m, 'unknown id', 'input.successorEmail', 'nobody@nowhere.example');
  set(m, 'other agency', 'input.postCode', 'POST-SCA-DG', { label: 'an NGO admin hands over the SCA director general\'s post', as: NGO_ADMIN, only: ['FORBIDDEN'] });
  CASES.push({ mutation: m, kind: 'other agency', label: 'a data steward hands over an AG-GOV post', as: STEWARD, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  set(m, 'duplicate', 'input.successorEmail', async () => (await hub.sql<{ email: string }>(
    `select p.email from appointment ap join post po on po.id = ap.post_id join person p on p.id = ap.person_id where po.code = 'POST-GOV-YOUTH-ADVISER' and ap.ended_on is null`,
  ))[0].email, { label: 'the successor already holds the post' });
  for (const d of BAD_GREGORIAN) set(m, 'bad date', 'input.date', d);
  set(m, 'bad date', 'input.date', '2020-01-01', { label: 'input.date = "2020-01-01" (before the current holder began)' });
}

// submitObservations ---------------------------------------------------------------------------
{
  const m = 'submitObservations';
  const row = (over: Record<string, unknown>) => ({ indicatorCode: 'DIVORCE_REG', regionCode: 'KSH-01', period: '1404-05', sex: 'TOTAL', ageGroup: 'TOTAL', value: 12, ...over });
  for (const [at, v] of [
    ['input.rows.0.value', '12'], ['input.rows.0.value', null], ['input.rows.0.value', 'NaN'], ['input.rows.0.value', 'Infinity'], ['input.rows.0.value', true],
    ['input.rows.0.value', {}], ['input.rows', { a: 1 }], ['input.rows', 'x'], ['input.rows', [null]], ['input.asDraft', 'yes'], ['input.idempotencyKey', 123],
    ['input.rows.0.sex', 'OTHER'], ['input.rows.0.ageGroup', 'A0_200'], ['input.rows.0.period', 1404], ['input.rows.0.indicatorCode', ['DIVORCE_REG']],
    ['input.rows.0.value', DROP],
  ] as Array<[string, unknown]>) set(m, 'wrong type', at, v);
  CASES.push({
    mutation: m, kind: 'number', label: 'input.rows.0.value = 1e400 (Infinity once parsed)',
    body: async (f, tag) => JSON.stringify({ query: SPECS[m].doc.toString(), variables: withValue(await SPECS[m].base(f, tag), 'input.rows.0.value', 123456789) }).replace('123456789', '1e400'),
  });
  for (const v of [-1, -0.000001, 1e308, 2 ** 63, 1e12 + 1, 2.5, Number.MIN_VALUE, -1e308]) set(m, 'number', 'input.rows.0.value', v);
  set(m, 'number', 'input.rows.0', row({ indicatorCode: 'INFORMAL_SHARE', regionCode: 'KSH-01-C01', period: '1403', value: 100.5 }), { label: 'a percentage of 100.5' });
  for (const [at, v] of [
    ['input.idempotencyKey', HUGE_LATIN], ['input.rows.0.indicatorCode', HUGE_LATIN], ['input.rows.0.regionCode', HUGE_LATIN], ['input.rows.0.period', HUGE_DIGITS],
    ['input.rows.0.note', HUGE_FA], ['input.rows.0.note', 'ی'.repeat(2001)],
  ] as Array<[string, unknown]>) set(m, 'huge string', at, v);
  for (const [at, v] of [
    ['input.rows.0.note', NUL('یادداشت میدانی')], ['input.rows.0.note', ESCAPES('field note')], ['input.rows.0.indicatorCode', NUL('DIVORCE_REG')],
    ['input.rows.0.regionCode', NUL('KSH-01')], ['input.rows.0.period', '1404\u0000-05'], ['input.idempotencyKey', NUL('bad-input-key')],
    ['input.idempotencyKey', 'key with spaces/and/slashes'], ['input.rows.0.regionCode', RLO('KSH-01')],
  ] as Array<[string, unknown]>) set(m, 'control characters', at, v);
  set(m, 'blank or invisible', 'input.idempotencyKey', '');
  set(m, 'huge list', 'input.rows', Array.from({ length: 20_000 }, (_, i) => row({ regionCode: 'KSH-01', period: `${1300 + Math.floor(i / 12) % 200}-${String((i % 12) + 1).padStart(2, '0')}`, ageGroup: ['TOTAL', 'A0_14', 'A15_24', 'A25_44', 'A45_64', 'A65_PLUS'][Math.floor(i / 2400) % 6], sex: ['TOTAL', 'MALE', 'FEMALE'][Math.floor(i / 14400) % 3] })), { label: 'input.rows = 20,000 rows (max 10,000)', alsoAccept: LIMIT_CODES });
  set(m, 'huge list', 'input.rows', [], { label: 'input.rows = [] (no rows)' });
  set(m, 'duplicate', 'input.rows', Array.from({ length: 10_000 }, () => row({})), { label: 'input.rows = 10,000 copies of one cell', alsoAccept: LIMIT_CODES });
  deep(m, 'input.rows', nestedJson(5_000, row({})), 'input.rows = arrays nested 5,000 deep');
  set(m, 'unknown id', 'input.rows.0.indicatorCode', 'NOPE');
  set(m, 'unknown id', 'input.rows.0.regionCode', 'KSH-99');
  set(m, 'unknown id', 'input.rows.0.regionCode', '');
  set(m, 'other agency', 'input.rows.0.regionCode', 'KSH-09', { label: 'a Kermanshah steward reports for Sahneh county (KSH-09)' });
  set(m, 'other agency', 'input.rows.0.regionCode', 'KSH', { label: 'a county steward reports for the whole province' });
  CASES.push({ mutation: m, kind: 'other agency', label: 'an NGO steward reports an indicator NGOs do not report', as: NGO_STEWARD, vars: async (f, tag) => withValue(await SPECS[m].base(f, tag), 'input.rows.0.regionCode', 'KSH-09') });
  CASES.push({ mutation: m, kind: 'other agency', label: 'the SCA admin (not a data steward)', as: SCA_ADMIN, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  set(m, 'duplicate', 'input.rows', [row({}), row({ value: 13 })], { label: 'the same cell twice' });
  set(m, 'duplicate', 'input.rows', [row({}), row({ period: '۱۴۰۴-۰۵', value: 13 })], { label: 'the same cell twice (1404-05 and ۱۴۰۴-۰۵)' });
  set(m, 'duplicate', 'input.rows', [row({}), row({ sex: 'TOTAL', ageGroup: 'TOTAL', note: 'again' })], { label: 'the same cell twice, the second with explicit defaults' });
  set(m, 'duplicate', 'input.idempotencyKey', (f: Fixtures) => f.usedKey, { label: 'the key of a saved batch with other rows', only: ['CONFLICT'] });
  for (const p of BAD_PERIODS) set(m, 'bad period', 'input.rows.0.period', p);
}

// approveObservations / rejectObservations -----------------------------------------------------
for (const m of ['approveObservations', 'rejectObservations']) {
  for (const [at, v] of [
    ['ids', { id: 1 }], ['ids', null], ['ids', [null]], ['ids', [true]], ['ids', [1.5]], ['ids', [{}]], ['ids', DROP],
  ] as Array<[string, unknown]>) set(m, 'wrong type', at, v);
  set(m, 'huge string', 'ids', [HUGE_DIGITS]);
  set(m, 'control characters', 'ids', (f: Fixtures) => [`${f.submitted[0]}\u0000`], { label: 'ids = ["<id>\\u0000"]' });
  set(m, 'control characters', 'ids', (f: Fixtures) => [RLO(f.submitted[0])], { label: 'ids = ["\\u202e<id>\\u202c"]' });
  set(m, 'huge list', 'ids', (f: Fixtures) => Array.from({ length: 10_001 }, (_, i) => f.submitted[i % f.submitted.length]), { label: 'ids = 10,001 ids (max 10,000)', alsoAccept: LIMIT_CODES });
  set(m, 'huge list', 'ids', Array.from({ length: 10_000 }, (_, i) => String(900_000_000_000 + i)), { label: 'ids = 10,000 unknown ids', alsoAccept: LIMIT_CODES });
  set(m, 'huge list', 'ids', [], { label: 'ids = [] (none)' });
  deep(m, 'ids', nestedJson(5_000, '1'), 'ids = arrays nested 5,000 deep');
  for (const id of ['999999999999', '9223372036854775807', '9223372036854775808', '99999999999999999999', '0', '-1', 'abc', '', '1.0', ' 1', '1e3']) {
    set(m, id === '999999999999' || id === '9223372036854775807' ? 'unknown id' : 'number', 'ids', async (f: Fixtures, tag: string) => [await reviewable(f, tag), id], { label: `ids = [<submitted id>, ${JSON.stringify(id)}]` });
  }
  set(m, 'number', 'ids', [2 ** 63], { label: 'ids = [2^63] (a JSON number)' });
  set(m, 'number', 'ids', [-1], { label: 'ids = [-1] (a JSON number)' });
  set(m, 'other agency', 'ids', (f: Fixtures) => [f.submitted[0]], { label: 'a data steward reviews', as: STEWARD, only: ['FORBIDDEN'] });
  set(m, 'other agency', 'ids', (f: Fixtures) => [f.submitted[0]], { label: 'the director general (not the monitoring deputy) reviews', as: DG, only: ['FORBIDDEN'] });
  set(m, 'other agency', 'ids', (f: Fixtures) => [f.submitted[0]], { label: 'the SCA admin reviews', as: SCA_ADMIN, only: ['FORBIDDEN'] });
  set(m, 'duplicate', 'ids', async (f: Fixtures, tag: string) => { const id = await reviewable(f, tag); return [id, id]; }, { label: 'ids = [<submitted id>, <the same id>]' });
  set(m, 'duplicate', 'ids', (f: Fixtures) => [f.approved], { label: 'an observation approved already' });
  set(m, 'duplicate', 'ids', (f: Fixtures) => [f.replaced], { label: 'a version replaced by a correction' });
}
{
  const m = 'rejectObservations';
  set(m, 'wrong type', 'reason', 42);
  set(m, 'wrong type', 'reason', null);
  set(m, 'huge string', 'reason', HUGE_FA);
  set(m, 'control characters', 'reason', NUL('با آمار همخوانی ندارد'));
  set(m, 'control characters', 'reason', ESCAPES('does not match the registry'));
  set(m, 'blank or invisible', 'reason', '      ');
  set(m, 'blank or invisible', 'reason', INVISIBLE);
}

// createDataSharingAgreement -------------------------------------------------------------------
{
  const m = 'createDataSharingAgreement';
  for (const [at, v] of [
    ['input.finestLevel', 'GALAXY'], ['input.categoryCodes', { a: 1 }], ['input.validFrom', 20250101], ['input.purpose', null], ['input.grantorCode', 7],
    ['input.categoryCodes', [null]], ['input', []], ['input.validTo', DROP],
  ] as Array<[string, unknown]>) set(m, 'wrong type', at, v);
  for (const [at, v] of [
    ['input.code', HUGE_LATIN], ['input.grantorCode', HUGE_LATIN], ['input.granteeCode', HUGE_LATIN], ['input.purpose', HUGE_FA], ['input.categoryCodes', [HUGE_LATIN]],
    ['input.regionRootCode', HUGE_LATIN], ['input.validFrom', HUGE_DIGITS],
  ] as Array<[string, unknown]>) set(m, 'huge string', at, v);
  for (const [at, v] of [
    ['input.purpose', NUL('پژوهش آزمایشی درباره طلاق')], ['input.purpose', ESCAPES('a research purpose')], ['input.categoryCodes', [NUL('DIVORCE')]],
    ['input.grantorCode', NUL('AG-SCA')], ['input.granteeCode', NUL('AG-RAZI')], ['input.regionRootCode', NUL('KSH-01')], ['input.code', NUL('DSA-CTRL')],
    ['input.purpose', RLO('a research purpose')],
  ] as Array<[string, unknown]>) set(m, 'control characters', at, v);
  set(m, 'blank or invisible', 'input.purpose', '         ');
  set(m, 'huge list', 'input.categoryCodes', Array.from({ length: 10_000 }, (_, i) => `CAT_${i}`), { label: 'input.categoryCodes = 10,000 codes', alsoAccept: LIMIT_CODES });
  set(m, 'huge list', 'input.categoryCodes', [], { label: 'input.categoryCodes = [] (none)' });
  deep(m, 'input.categoryCodes', nestedJson(5_000, 'DIVORCE'), 'input.categoryCodes = arrays nested 5,000 deep');
  set(m, 'unknown id', 'input.grantorCode', 'AG-NOPE');
  set(m, 'unknown id', 'input.granteeCode', 'AG-NOPE');
  set(m, 'unknown id', 'input.categoryCodes', ['DIVORCE', 'NOPE']);
  set(m, 'unknown id', 'input.regionRootCode', 'KSH-99');
  set(m, 'unknown id', 'input.code', 'dsa-lower-case');
  CASES.push({ mutation: m, kind: 'other agency', label: 'an NGO admin', as: NGO_ADMIN, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  CASES.push({ mutation: m, kind: 'other agency', label: 'the grantee (a university researcher)', as: RESEARCHER, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  set(m, 'other agency', 'input.granteeCode', 'AG-SCA', { label: 'grantee = grantor' });
  set(m, 'duplicate', 'input.code', 'DSA-RAZI-ACTIVE', { only: ['CONFLICT'] });
  for (const d of BAD_GREGORIAN) set(m, 'bad date', 'input.validFrom', d);
  for (const d of BAD_GREGORIAN) set(m, 'bad date', 'input.validTo', d);
  patch(m, 'bad date', 'validTo before validFrom', () => ({ 'input.validFrom': '2026-01-01', 'input.validTo': '2025-12-31' }));
}

// revokeDataSharingAgreement -------------------------------------------------------------------
{
  const m = 'revokeDataSharingAgreement';
  for (const v of [null, 12, {}, ['DSA-RAZI-ACTIVE'], true, DROP]) set(m, 'wrong type', 'code', v);
  set(m, 'prototype pollution', 'code', POLLUTER, { label: 'code = {"__proto__": …, "constructor": {"prototype": …}}' });
  set(m, 'huge string', 'code', HUGE_LATIN, { only: ['NOT_FOUND', 'BAD_USER_INPUT'] });
  for (const v of [NUL('DSA-RAZI-ACTIVE'), RLO('DSA-RAZI-ACTIVE'), 'DSA-RAZI-ACTIVE\n', ESCAPES('DSA-RAZI-ACTIVE')]) set(m, 'control characters', 'code', v);
  for (const v of ['DSA-NOPE', '', 'dsa-razi-active', '%', 'DSA-RAZI-%']) set(m, 'unknown id', 'code', v, { only: ['NOT_FOUND', 'BAD_USER_INPUT'] });
  CASES.push({ mutation: m, kind: 'other agency', label: 'an NGO admin', as: NGO_ADMIN, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  CASES.push({ mutation: m, kind: 'other agency', label: 'the grantee (a university researcher)', as: RESEARCHER, vars: (f, tag) => SPECS[m].base(f, tag), only: ['FORBIDDEN'] });
  set(m, 'duplicate', 'code', (f: Fixtures) => f.revokedAgreement, { label: 'an agreement revoked already', only: ['CONFLICT'] });
}

// acceptMembership, declineMembership ----------------------------------------------------------
for (const m of ['acceptMembership', 'declineMembership']) {
  for (const [at, v] of [['input.membershipId', {}], ['input.membershipId', true], ['input.membershipId', null], ['input', 'x'], ['input.membershipId', [1]]] as Array<[string, unknown]>) {
    set(m, 'wrong type', at, v);
  }
  set(m, 'huge string', 'input.membershipId', HUGE_DIGITS);
  set(m, 'control characters', 'input.membershipId', '12\u0000');
  for (const id of ['0', '-1', 'abc', '1e3', '']) set(m, 'number', 'input.membershipId', id);
  set(m, 'unknown id', 'input.membershipId', '2000000000', { only: ['NOT_FOUND'] });
  // Someone else's offer is not found for anyone but the person it was offered to.
  CASES.push({ mutation: m, kind: 'other agency', label: 'the admin who offered it', as: NGO_ADMIN, vars: (f, tag) => SPECS[m].base(f, tag), only: ['NOT_FOUND'] });
  CASES.push({ mutation: m, kind: 'other agency', label: 'another person', as: STEWARD, vars: (f, tag) => SPECS[m].base(f, tag), only: ['NOT_FOUND'] });
  set(m, 'duplicate', 'input.membershipId', (f: Fixtures) => f.ended, { label: 'a membership of another person, ended already', only: ['NOT_FOUND'] });
}

/** Kinds every mutation must have; the others where its input allows them. */
const REQUIRED_KINDS: BadKind[] = ['malformed request', 'wrong type', 'prototype pollution', 'huge string', 'control characters', 'other agency', 'body limit'];

// ---------------------------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------------------------

let hub: TestHub;
let fixtures: Fixtures;
let fingerprintSql: string;
let tables: string[];
let current: Record<string, string>;
let ran = 0;
const started = Date.now();

async function fingerprint(): Promise<Record<string, string>> {
  const [row] = await hub.sql<Record<string, string>>(fingerprintSql);
  return row;
}

interface Answer {
  status: number;
  errors: GraphQLFormattedError[];
  data: Record<string, unknown> | null | undefined;
  json: boolean;
}

const tokens = new Map<string, Promise<string>>();
const tokenFor = (email: string) => {
  if (!tokens.has(email)) tokens.set(email, hub.tokens.sign!(email));
  return tokens.get(email)!;
};

async function send(c: Case, tag: string): Promise<Answer> {
  const spec = SPECS[c.mutation];
  const body = c.body ? await c.body(fixtures, tag) : JSON.stringify({ query: c.query ?? spec.doc.toString(), variables: await c.vars?.(fixtures, tag) });
  const res = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(c.as ?? spec.as)}` },
    body,
  });
  const text = await res.text();
  try {
    const parsed = JSON.parse(text) as { errors?: GraphQLFormattedError[]; data?: Record<string, unknown> | null };
    return { status: res.status, errors: parsed.errors ?? [], data: parsed.data, json: true };
  } catch {
    return { status: res.status, errors: [{ message: text.slice(0, 200), extensions: { code: `HTTP ${res.status} (not GraphQL JSON)` } }], data: undefined, json: false };
  }
}

beforeAll(async () => {
  hub = await startTestHub(HUB_ENV);
  const all = await hub.sql<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  tables = all.map((t) => t.table_name).filter((t) => !NOT_FINGERPRINTED.has(t));
  fingerprintSql = `select ${tables.map((t) => `(select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from "${t}" t) as "${t}"`).join(',\n')}`;

  // Observations to review: SUBMITTED cells of AG-CG-01, one approved, one replaced by a correction.
  const rows = Array.from({ length: 48 }, (_, i) => ({
    indicatorCode: 'DIVORCE_REG', regionCode: `KSH-01-C01-N0${(i % 4) + 1}`, period: `1402-${String(Math.floor(i / 4) + 1).padStart(2, '0')}`,
    sex: 'TOTAL' as const, ageGroup: 'TOTAL' as const, value: 10 + i,
  }));
  const first = await hub.gql(SubmitObservationsDocument, { input: { idempotencyKey: 'bad-input-fixture', rows, asDraft: false } }, { as: STEWARD });
  expect(first.errors).toBeUndefined();
  const correction = await hub.gql(SubmitObservationsDocument, { input: { idempotencyKey: 'bad-input-fixture-fix', rows: [{ ...rows[0], value: 99 }], asDraft: false } }, { as: STEWARD });
  expect(correction.data?.submitObservations).toMatchObject({ corrected: 1 });
  const obs = await hub.sql<{ id: string; is_current: boolean }>(`select id, is_current from observation where status = 'SUBMITTED' order by id`);
  const replaced = obs.find((o) => !o.is_current)!;
  const currentIds = obs.filter((o) => o.is_current).map((o) => String(o.id));
  const approved = currentIds.pop()!;
  const ok = await hub.gql(ApproveObservationsDocument, { ids: [approved] }, { as: DEPUTY });
  expect(ok.data?.approveObservations).toEqual({ count: 1 });

  // An agreement revoked already.
  const dsa = { ...((await SPECS.createDataSharingAgreement.base({} as Fixtures, '0')).input as object), code: 'DSA-BAD-INPUT-REVOKED' };
  expect((await hub.gql(CreateDataSharingAgreementDocument, { input: dsa as never }, { as: SCA_ADMIN })).errors).toBeUndefined();
  expect((await hub.gql(RevokeDataSharingAgreementDocument, { code: 'DSA-BAD-INPUT-REVOKED' }, { as: SCA_ADMIN })).errors).toBeUndefined();

  // Memberships offered to the invitee for accept and decline (a wrongly accepted case answers one).
  for (const role of ['MEMBER', 'ANALYST', 'DATA_STEWARD'] as const) {
    const offered = await hub.gql(AddMembershipDocument, { input: { agencyCode: NGO, personEmail: INVITEE, role } }, { as: NGO_ADMIN });
    expect(offered.data?.addMembership).toMatchObject({ acceptedAt: null });
  }

  // More open memberships at AG-GOV for endMembership to end (one wrongly accepted case ends one).
  for (const personEmail of SUCCESSORS.slice(3, 6)) {
    const added = await hub.gql(AddMembershipDocument, { input: { agencyCode: 'AG-GOV', personEmail, role: 'ANALYST', validFrom: '2025-01-01' } }, { as: SCA_ADMIN });
    expect(added.errors).toBeUndefined();
  }

  const membership = async (email: string, agency: string) => {
    const [m] = await hub.sql<{ id: number }>(
      `select m.id from membership m join person p on p.id = m.person_id join agency a on a.id = m.agency_id where p.email = ? and a.code = ? order by m.id limit 1`,
      [email, agency],
    );
    return String(m.id);
  };
  fixtures = {
    submitted: currentIds,
    approved,
    replaced: String(replaced.id),
    usedKey: 'bad-input-fixture',
    endable: await membership(YOUTH_ADVISER, 'AG-GOV'),
    govAdmin: await membership('babak.sanjabi@gov.kermanshah.example', 'AG-GOV'),
    ended: await membership('mahmoud.azizi@sca.kermanshah.example', 'AG-SCA'),
    revokedAgreement: 'DSA-BAD-INPUT-REVOKED',
  };
  current = await fingerprint();
});

afterAll(async () => {
  console.log(`bad input: ${CASES.length} cases (${ran} run) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await hub?.close();
});

describe('the table of bad input', () => {
  it('covers every mutation of the schema (schema/schema.graphql and the schema the code builds)', () => {
    const sdl = buildSchemaFromSdl(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
    const inFile = Object.keys(sdl.getMutationType()?.getFields() ?? {});
    const inCode = Object.keys(buildBareSchema().getMutationType()?.getFields() ?? {});
    const mutations = [...new Set([...inFile, ...inCode])].sort();
    expect(Object.keys(SPECS).sort(), 'mutations of the schema without bad-input cases (add them to SPECS and the table)').toEqual(mutations);
    for (const m of mutations) {
      const kinds = new Set(CASES.filter((c) => c.mutation === m).map((c) => c.kind));
      expect(REQUIRED_KINDS.filter((k) => !kinds.has(k)), `${m}: kinds of bad input without a case`).toEqual([]);
    }
  });

  it('fingerprints every application table', () => {
    expect(MUST_FINGERPRINT.filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('names the mutation it claims in every case', () => {
    for (const c of CASES) {
      const query = c.query ?? SPECS[c.mutation].doc.toString();
      let op: OperationDefinitionNode | undefined;
      try {
        op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      } catch {
        continue; // the unparsable documents
      }
      const field = op?.selectionSet.selections[0];
      expect(op?.operation).toBe('mutation');
      expect(field?.kind === Kind.FIELD ? field.name.value : undefined, `${c.mutation} · ${c.label}`).toBe(c.mutation);
    }
  });
});

describe.each(Object.keys(SPECS))('%s', (mutation) => {
  const cases = CASES.map((c, i) => ({ c, tag: String(i) })).filter(({ c }) => c.mutation === mutation);
  it.each(cases.map(({ c, tag }) => [`${c.kind} · ${c.label}${c.as ? ` (as ${c.as})` : ''}`, c, tag] as const))('%s', async (_name, c, tag) => {
    ran++;
    const answer = await send(c, tag);
    // BAD_INPUT_DEBUG=<file>: one line per case with the status, codes and messages of the answer.
    if (process.env.BAD_INPUT_DEBUG) fs.appendFileSync(process.env.BAD_INPUT_DEBUG, `${mutation} | ${c.kind} | ${c.label} | ${answer.status} | ${JSON.stringify(answer.errors.map((e) => [e.extensions?.code, e.message.slice(0, 300)]))}\n`);
    const got = answer.errors.map((e) => e.extensions?.code);
    const accepted = c.only ?? [...CLIENT_CODES, ...(c.alsoAccept ?? [])];
    const after = await fingerprint();
    const changed = tables.filter((t) => after[t] !== current[t]);
    current = after;

    const messages = answer.errors.map((e) => e.message.slice(0, 200)).join(' | ');
    expect(answer.status, `HTTP status; codes ${JSON.stringify(got)}`).toBeLessThan(500);
    expect(answer.json, `the answer is GraphQL JSON (HTTP ${answer.status}: ${messages})`).toBe(true);
    expect(got, 'the answer has errors').not.toEqual([]);
    expect(got, `error codes (messages: ${messages})`).not.toContain('INTERNAL_SERVER_ERROR');
    expect(got.filter((code) => !accepted.includes(code as string)), `codes other than ${accepted.join(', ')} (messages: ${messages})`).toEqual([]);
    expect(answer.errors.filter((e) => STACK_TRACE.test(e.message)).map((e) => e.message.slice(0, 200)), 'stack traces or paths in messages').toEqual([]);
    if (answer.data) expect(answer.data[mutation] ?? null, 'no result').toBeNull();
    expect(changed, 'tables changed by a refused request').toEqual([]);
    expect((Object.prototype as Record<string, unknown>).polluted, 'Object.prototype is polluted').toBeUndefined();
  });
});

describe('the valid inputs the cases vary', () => {
  // Last: each base input is accepted, so the refusals above were for the bad values, not the rest of the input.
  it.each(Object.keys(SPECS))('%s accepts its base input', async (mutation) => {
    const spec = SPECS[mutation];
    const answer = await send({ mutation, kind: 'wrong type', label: 'base', vars: (f, tag) => spec.base(f, tag) }, '99999');
    expect(codes(answer), answer.errors.map((e) => e.message).join(' | ')).toEqual([]);
    expect(answer.data?.[mutation]).toBeTruthy();
  });
});
