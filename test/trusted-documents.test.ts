import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import codegenConfig from '../codegen';
import * as client from '../schema/client/graphql';
import { AgencyBriefDocument, AgencyMembersDocument, CountiesDocument, MeDocument, RegionDocument } from '../schema/client/graphql';
import { ConfigError, loadConfig } from '../src/config';
import { DEFAULT_MANIFEST, TrustedDocuments, TrustedDocumentsError, resolveTrustedDocument } from '../src/server/trusted-documents';
import { codes, startTestHub, type GqlResult, type TestHub } from './support/hub';

const STEWARD = 'steward@cg-kermanshah.kermanshah.example'; // DATA_STEWARD of a county governorate
const ANALYST = 'analyst@sca.kermanshah.example'; // ANALYST of a state body
const RESEARCHER = 'researcher@razi.ac.example'; // ANALYST of a university

type Hashed = { __meta__?: Record<string, unknown> };
const hashOf = (doc: Hashed) => doc.__meta__!.hash as string;
const hexOf = (doc: Hashed) => hashOf(doc).slice('sha256:'.length);
const UNKNOWN = createHash('sha256').update('query { nothingLikeThis }').digest('hex');

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ POL_TRUSTED_DOCUMENTS_ONLY: 'DATA_STEWARD', POL_TRUSTED_DOCUMENTS_ONLY_KINDS: 'UNIVERSITY' });
});
afterAll(() => hub?.close());

async function post<T = Record<string, any>>(body: unknown, as?: string): Promise<GqlResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as) headers.authorization = `Bearer ${await hub.tokens.sign!(as)}`;
  const res = await fetch(`${hub.url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as object) } as GqlResult<T>;
}

async function get<T = Record<string, any>>(params: Record<string, string>, as?: string): Promise<GqlResult<T>> {
  const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
  if (as) headers.authorization = `Bearer ${await hub.tokens.sign!(as)}`;
  const res = await fetch(`${hub.url}/graphql?${new URLSearchParams(params)}`, { headers });
  return { status: res.status, ...((await res.json()) as object) } as GqlResult<T>;
}

const apq = (doc: Hashed) => ({ persistedQuery: { version: 1, sha256Hash: hexOf(doc) } });

describe('trusted documents by hash', () => {
  it('runs a known document by its APQ hash and by its documentId, with the data the text gives', async () => {
    const vars = { code: 'KSH-01-C01-N01' };
    const byText = await hub.gql(RegionDocument, vars);
    expect(byText.errors).toBeUndefined();
    const byApq = await post({ extensions: apq(RegionDocument), variables: vars });
    const byId = await post({ documentId: hashOf(RegionDocument), variables: vars });
    for (const r of [byApq, byId]) {
      expect(r.status).toBe(200);
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual(byText.data);
    }
    expect(byId.data!.region.ancestors.map((a: { code: string }) => a.code)).toEqual(['KSH', 'KSH-01', 'KSH-01-C01']);
  });

  it('runs a known document by hash over GET', async () => {
    const r = await get({ documentId: hashOf(CountiesDocument), variables: JSON.stringify({ first: 20 }) });
    expect(r.errors).toBeUndefined();
    expect(r.data!.regions.totalCount).toBe(14);
    const viaApq = await get({ extensions: JSON.stringify(apq(CountiesDocument)), variables: JSON.stringify({ first: 20 }) });
    expect(viaApq.data).toEqual(r.data);
  });

  it('accepts the text with its hash when it is the same document, and refuses a different text', async () => {
    const same = await post({ query: AgencyBriefDocument.toString(), documentId: hashOf(AgencyBriefDocument), variables: { code: 'AG-SCA' } });
    expect(same.errors).toBeUndefined();
    expect(same.data!.agency.code).toBe('AG-SCA');
    const other = await post({ query: AgencyMembersDocument.toString(), extensions: apq(AgencyBriefDocument), variables: { code: 'AG-SCA' } });
    expect(other.status).toBe(400);
    expect(codes(other)).toEqual(['PERSISTED_QUERY_MISMATCH']);
    expect(other.data).toBeUndefined();
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND, in both styles', async () => {
    for (const body of [{ documentId: `sha256:${UNKNOWN}` }, { extensions: { persistedQuery: { version: 1, sha256Hash: UNKNOWN } } }]) {
      const r = await post(body, ANALYST);
      expect(r.status).toBe(404);
      expect(r.errors).toEqual([{ message: expect.stringContaining(UNKNOWN), extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    }
    expect((await get({ documentId: `sha256:${UNKNOWN}` })).status).toBe(404);
  });

  it('refuses malformed ids and two different hashes', async () => {
    for (const body of [
      { documentId: 'md5:abc' },
      { documentId: 42 },
      { extensions: { persistedQuery: { version: 2, sha256Hash: hexOf(MeDocument) } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'xyz' } } },
      { documentId: hashOf(MeDocument), extensions: apq(CountiesDocument) },
    ]) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(codes(r)).toEqual(['BAD_REQUEST']);
    }
    // Refused here or, earlier, by the limits on batching.
    const batch = await post([{ documentId: hashOf(MeDocument) }]);
    expect(batch.status).toBe(400);
    expect(batch.data).toBeUndefined();
  });

  it("never lets a client register its own text in Apollo Server's persisted-query cache", async () => {
    const text = '{ regions(level: COUNTY, first: 1) { totalCount } }';
    const own = createHash('sha256').update(text).digest('hex');
    const registered = await post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: own } } }, ANALYST);
    expect(registered.errors).toBeUndefined();
    expect(registered.data).toEqual({ regions: { totalCount: 14 } });
    expect(codes(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: own } } }, ANALYST))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('callers restricted to trusted documents', () => {
  it('refuses free-form text from a data steward but runs a known document for them', async () => {
    const text = await hub.gql(MeDocument, {}, { as: STEWARD });
    expect(text.status).toBe(403);
    expect(codes(text)).toEqual(['TRUSTED_DOCUMENTS_ONLY']);
    expect(text.errors![0].message).toMatch(/DATA_STEWARD/);
    expect(text.data).toBeUndefined();

    const byHash = await post({ documentId: hashOf(MeDocument) }, STEWARD);
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data!.me.person.email).toBe(STEWARD);
    const withText = await post({ query: MeDocument.toString(), extensions: apq(MeDocument) }, STEWARD);
    expect(withText.errors).toBeUndefined();
  });

  it('does not count a self-registered hash as trusted', async () => {
    const text = '{ me { person { email } } }';
    const r = await post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(text).digest('hex') } } }, STEWARD);
    expect(codes(r)).toEqual(['TRUSTED_DOCUMENTS_ONLY']);
  });

  it('restricts by agency kind: a university analyst is refused free-form text', async () => {
    expect(codes(await hub.gql(MeDocument, {}, { as: RESEARCHER }))).toEqual(['TRUSTED_DOCUMENTS_ONLY']);
    expect((await post({ documentId: hashOf(MeDocument) }, RESEARCHER)).data!.me.person.email).toBe(RESEARCHER);
  });

  it('lets an analyst of other agencies, and the public, run free-form text', async () => {
    const me = await hub.gql(MeDocument, {}, { as: ANALYST });
    expect(me.errors).toBeUndefined();
    expect(me.data!.me!.person!.email).toBe(ANALYST);
    const adHoc = await post({ query: '{ regions(level: COUNTY, first: 2) { nodes { code } } }' }, ANALYST);
    expect(adHoc.errors).toBeUndefined();
    expect(adHoc.data!.regions.nodes).toHaveLength(2);
    expect((await hub.gql(CountiesDocument, { first: 1 })).errors).toBeUndefined();
  });
});

describe('configuration', () => {
  it('reads the role and agency-kind lists and the manifest path, and names a bad variable', () => {
    const c = loadConfig({ POL_TRUSTED_DOCUMENTS_ONLY: 'DATA_STEWARD, MEMBER', POL_TRUSTED_DOCUMENTS_ONLY_KINDS: 'NGO' }).trustedDocuments;
    expect(c).toEqual({ manifestPath: DEFAULT_MANIFEST, onlyRoles: ['DATA_STEWARD', 'MEMBER'], onlyAgencyKinds: ['NGO'] });
    expect(loadConfig({}).trustedDocuments).toMatchObject({ onlyRoles: [], onlyAgencyKinds: [] });
    expect(() => loadConfig({ POL_TRUSTED_DOCUMENTS_ONLY: 'STEWARD' })).toThrow(ConfigError);
    expect(() => loadConfig({ POL_TRUSTED_DOCUMENTS_ONLY: 'STEWARD' })).toThrow(/POL_TRUSTED_DOCUMENTS_ONLY must be .*DATA_STEWARD.*unknown: STEWARD/);
    expect(() => loadConfig({ POL_TRUSTED_DOCUMENTS_ONLY_KINDS: 'ngo' })).toThrow(/POL_TRUSTED_DOCUMENTS_ONLY_KINDS must be/);
  });

  it('refuses a missing or tampered manifest at start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-td-'));
    try {
      expect(() => TrustedDocuments.load(path.join(dir, 'none.json'))).toThrow(/POL_TRUSTED_DOCUMENTS_MANIFEST/);
      const tampered = path.join(dir, 'tampered.json');
      fs.writeFileSync(tampered, JSON.stringify({ [hashOf(MeDocument)]: '{ me { person { nationalId } } }' }));
      expect(() => TrustedDocuments.load(tampered)).toThrow(/does not hash to its key/);
      expect(loadConfig({ POL_TRUSTED_DOCUMENTS_MANIFEST: 'x/m.json' }).trustedDocuments.manifestPath).toBe(path.resolve('x/m.json'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves in place and leaves free-form requests alone', () => {
    const docs = TrustedDocuments.load(DEFAULT_MANIFEST);
    const body: Record<string, unknown> = { extensions: { ...apq(MeDocument), other: 1 }, variables: {} };
    expect(resolveTrustedDocument(body, docs)).toBe(hashOf(MeDocument));
    expect(body).toEqual({ query: docs.text(hashOf(MeDocument)), extensions: { other: 1 }, variables: {} });
    const plain = { query: '{ me { acting { id } } }' };
    expect(resolveTrustedDocument(plain, docs)).toBeUndefined();
    expect(plain).toEqual({ query: '{ me { acting { id } } }' });
    expect(() => resolveTrustedDocument({ documentId: 'sha256:' + UNKNOWN }, docs)).toThrow(TrustedDocumentsError);
  });
});

describe('the manifest', () => {
  it('has the hash of every operation in schema/operations', () => {
    const docs = TrustedDocuments.load(DEFAULT_MANIFEST);
    const dir = path.resolve('schema/operations');
    const names = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => parse(fs.readFileSync(path.join(dir, f), 'utf8')).definitions)
      .flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
    expect(names.length).toBeGreaterThan(20);
    expect(docs.size).toBe(names.length);
    const exported = client as unknown as Record<string, Hashed | undefined>;
    for (const name of names) {
      const doc = exported[`${name}Document`];
      expect(doc, name).toBeDefined();
      expect(docs.text(hashOf(doc!)), name).toBeDefined();
    }
  });

  it('is what codegen makes of the current schema and documents', async () => {
    const outputs = (await generate({ ...codegenConfig, silent: true }, false)) as { filename: string; content: string }[];
    const manifest = outputs.find((o) => o.filename.endsWith('persisted-documents.json'));
    expect(manifest).toBeDefined();
    expect(JSON.parse(manifest!.content)).toEqual(JSON.parse(fs.readFileSync(DEFAULT_MANIFEST, 'utf8')));
  }, 60_000);
});
