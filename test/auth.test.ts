import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
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

/** A token for `email` signed with the hub's own key, with or without an `exp` claim (the hub's `sign` always sets one). */
async function hubKeyToken(email: string, opts: { exp: boolean }): Promise<string> {
  const { importJWK, SignJWT } = await import('jose');
  const stored = JSON.parse(fs.readFileSync(path.join(hub.config.dataDir, 'auth', 'signing-key.json'), 'utf8'));
  const jwt = new SignJWT({ email }).setProtectedHeader({ alg: 'ES256', kid: stored.kid }).setSubject(email).setIssuer('pol-local').setAudience('pol').setIssuedAt();
  if (opts.exp) jwt.setExpirationTime('1h');
  return jwt.sign(await importJWK(stored.privateJwk, 'ES256'));
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

  it('a token without an expiry ("exp" claim) is UNAUTHENTICATED (401), even signed with the hub\'s own key', async () => {
    const never = await hubKeyToken(DG, { exp: false });
    expect(JSON.parse(Buffer.from(never.split('.')[1], 'base64url').toString())).not.toHaveProperty('exp');
    const r = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${never}` });
    expect(r.status).toBe(401);
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.errors![0].message).toMatch(/"exp"/);
    expect(r.data).toBeUndefined();
    // The same token with an expiry is accepted.
    const ok = await hub.gql(MeDocument, undefined, { authorization: `Bearer ${await hubKeyToken(DG, { exp: true })}` });
    expect(ok.status).toBe(200);
    expect(ok.data!.me!.person.email).toBe(DG);
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

describe('tokens from an OIDC provider (AUTH_JWKS_URL)', () => {
  const ISSUER = 'https://idp.test';
  let jwks: http.Server;
  let dataDir: string;
  let sign: (claims: { exp: boolean }) => Promise<string>;
  let verify: (token: string) => Promise<string>;

  beforeAll(async () => {
    const { exportJWK, generateKeyPair, SignJWT } = await import('jose');
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' };
    jwks = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pol-jwks-'));
    const service = await createTokenService(loadConfig({
      POL_DATA_DIR: dataDir, AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: 'pol',
    }));
    expect(service.sign).toBeUndefined();
    verify = (token) => service.verify(token);
    sign = async ({ exp }) => {
      const jwt = new SignJWT({ email: DG }).setProtectedHeader({ alg: 'ES256', kid: 'idp-1' }).setSubject(DG).setIssuer(ISSUER).setAudience('pol').setIssuedAt();
      if (exp) jwt.setExpirationTime('10m');
      return jwt.sign(privateKey);
    };
  });
  afterAll(() => {
    jwks?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a token with an expiry and refuses one without (UNAUTHENTICATED)', async () => {
    expect(await verify(await sign({ exp: true }))).toBe(DG);
    const never = await sign({ exp: false });
    await expect(verify(never)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/"exp"/) });
    // Refused every time: a refusal is not remembered as a success.
    await expect(verify(never)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
