import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createTokenService } from '../src/auth/tokens';
import { CountiesDocument, MeDocument } from '../schema/client/graphql';
import { codes, startTestHub, type TestHub } from './support/hub';

const DG = 'dg@sca.kermanshah.example';
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.close());

/** A token for `email` signed with a key the hub has never seen. */
async function foreignToken(email: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-foreign-'));
  try {
    const other = await createTokenService(loadConfig({ POL_DATA_DIR: dir }));
    return await other.sign!(email);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('who is calling', () => {
  it('no token: the public audience (me is null, public data answers)', async () => {
    const me = await hub.gql(MeDocument);
    expect(me.status).toBe(200);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toBeNull();
    const counties = await hub.gql(CountiesDocument, { first: 20 });
    expect(counties.data!.regions.totalCount).toBe(14);
  });

  it('a valid token: the person, acting under their membership read from the hub', async () => {
    const r = await hub.gql(MeDocument, undefined, { as: DG });
    expect(r.errors).toBeUndefined();
    expect(r.data!.me!.person.email).toBe(DG);
    expect(r.data!.me!.acting).toMatchObject({ role: 'DIRECTOR', agency: { code: 'AG-SCA', kind: 'PROVINCIAL_GOVERNORATE' } });
  });

  it('an expired token is UNAUTHENTICATED (401), never the public audience', async () => {
    const token = await hub.tokens.sign!(DG, { expiresAt: new Date(Date.now() - 60_000) });
    const r = await hub.gql(CountiesDocument, { first: 1 }, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].message).toMatch(/expired/);
    expect(r.data).toBeUndefined();
  });

  it('a token accepted once is refused after it expires (verified tokens are remembered only until exp)', async () => {
    const token = await hub.tokens.sign!(DG, { expiresAt: new Date(Date.now() + 2_000) });
    const ok = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${token}` });
    expect(ok.data!.me!.person.email).toBe(DG);
    await new Promise((r) => setTimeout(r, 2_100));
    const late = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${token}` });
    expect(late.status).toBe(401);
    expect(codes(late)).toEqual(['UNAUTHENTICATED']);
    expect(late.errors![0].message).toMatch(/expired/);
  });

  it('a forged token (signed by another key) is UNAUTHENTICATED', async () => {
    const r = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${await foreignToken(DG)}` });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.data).toBeUndefined();
  });

  it('a tampered token (payload changed, signature kept) is UNAUTHENTICATED', async () => {
    const [h, , s] = (await hub.tokens.sign!('member@mehrafarin.ngo.example')).split('.');
    const payload = Buffer.from(JSON.stringify({ email: DG, sub: DG, iss: 'pol-local', aud: 'pol', exp: 4102444800 })).toString('base64url');
    const r = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${h}.${payload}.${s}` });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });

  it('garbage and malformed headers are UNAUTHENTICATED', async () => {
    for (const authorization of ['Bearer not-a-jwt', 'Basic dXNlcjpwYXNz', 'Bearer', '']) {
      const r = await hub.gql(MeDocument, undefined, { authorization });
      expect(codes(r), authorization).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('a token for a person unknown to the hub is UNAUTHENTICATED', async () => {
    const r = await hub.gql(MeDocument, undefined, { as: 'stranger@nowhere.example' });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].message).toMatch(/no person known/);
  });

  it('a token with the wrong audience is UNAUTHENTICATED', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-aud-'));
    fs.cpSync(path.join(hub.config.dataDir, 'auth'), path.join(dir, 'auth'), { recursive: true });
    const sameKeyOtherAudience = await createTokenService(loadConfig({ POL_DATA_DIR: dir, AUTH_AUDIENCE: 'someone-else' }));
    const r = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${await sameKeyOtherAudience.sign!(DG)}` });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].message).toMatch(/aud/);
  });

  it('authorisation changes take effect on the next request (memberships are read every time)', async () => {
    const email = 'member@mehrafarin.ngo.example';
    const token = await hub.tokens.sign!(email);
    const before = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${token}` });
    expect(before.data!.me!.acting!.role).toBe('MEMBER');
    await hub.sql(`update membership set role = 'ADMIN' where person_id = (select id from person where email = ?)`, [email]);
    const after = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${token}` });
    expect(after.data!.me!.acting!.role).toBe('ADMIN');
    await hub.sql(`update membership set valid_to = '2020-01-01' where person_id = (select id from person where email = ?)`, [email]);
    const ended = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${token}` });
    expect(ended.data!.me!.acting).toBeNull();
    expect(ended.data!.me!.memberships).toEqual([]);
  });
});
