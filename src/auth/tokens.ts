import fs from 'node:fs';
import path from 'node:path';
import type { CryptoKey, JWK, JWTVerifyGetKey } from 'jose' with { 'resolution-mode': 'import' };
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type Config } from '../config';
import { UnauthenticatedError } from '../common/errors';

const ALG = 'ES256';

// jose is ESM-only: loaded with import() from this CommonJS package.
const loadJose = () => import('jose');

interface StoredKey { kid: string; privateJwk: JWK; publicJwk: JWK }

export interface TokenService {
  /** The email a valid token names; throws UnauthenticatedError for an expired, forged or malformed token, or one without `exp`. */
  verify(token: string): Promise<string>;
  /** Present only with the hub's own key (embedded default and tests). */
  sign?(email: string, opts?: { ttlSeconds?: number; expiresAt?: Date }): Promise<string>;
}

function keyFile(dataDir: string): string {
  return path.join(dataDir, 'auth', 'signing-key.json');
}

/** The hub's own signing key, generated into the data folder on first use. */
async function localKey(dataDir: string): Promise<{ kid: string; privateKey: CryptoKey; publicKey: CryptoKey }> {
  const { exportJWK, generateKeyPair, importJWK } = await loadJose();
  const file = keyFile(dataDir);
  let stored: StoredKey;
  if (fs.existsSync(file)) {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredKey;
  } else {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = `pol-${Date.now().toString(36)}`;
    stored = { kid, privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  }
  return {
    kid: stored.kid,
    privateKey: (await importJWK(stored.privateJwk, ALG)) as CryptoKey,
    publicKey: (await importJWK(stored.publicJwk, ALG)) as CryptoKey,
  };
}

function emailOf(payload: Record<string, unknown>): string {
  const candidates = [payload.email, payload.sub];
  const email = candidates.find((c): c is string => typeof c === 'string' && c.includes('@'));
  if (!email) throw new UnauthenticatedError('the token names no person (no email claim)');
  return email.toLowerCase();
}

function rethrow(e: unknown, errors: Awaited<ReturnType<typeof loadJose>>['errors']): never {
  if (e instanceof UnauthenticatedError) throw e;
  if (e instanceof errors.JWTExpired) throw new UnauthenticatedError('the token has expired');
  if (e instanceof errors.JWTClaimValidationFailed && e.claim === 'exp' && e.reason === 'missing') {
    throw new UnauthenticatedError('the token has no expiry ("exp" claim); tokens that never expire are not accepted');
  }
  if (e instanceof errors.JWTClaimValidationFailed) throw new UnauthenticatedError(`the token's "${e.claim}" claim is not accepted`);
  throw new UnauthenticatedError('the token is not valid');
}

/** Most verified tokens remembered at once, and for how long at most (a token's own `exp` comes first). */
const VERIFIED_MAX = 10_000;
const VERIFIED_TTL_MS = 5 * 60_000;

/**
 * Remembers tokens whose signature and claims were verified, until they expire: a partner system
 * sends the same token with every request, and an ES256 check costs more than the rest of a small
 * request's authentication. Only successes are kept; an expired entry is verified again (and refused).
 */
function rememberVerified(verify: (token: string) => Promise<{ email: string; exp?: number }>): (token: string) => Promise<string> {
  const known = new Map<string, { email: string; until: number }>();
  return async (token) => {
    const now = Date.now();
    const hit = known.get(token);
    if (hit && hit.until > now) return hit.email;
    if (hit) known.delete(token);
    const { email, exp } = await verify(token);
    if (known.size >= VERIFIED_MAX) known.delete(known.keys().next().value!);
    known.set(token, { email, until: Math.min((exp ?? 0) * 1000, now + VERIFIED_TTL_MS) });
    return email;
  };
}

/**
 * Claims every token must carry. A token without `exp` would be good for ever: a leaked one could
 * never be made useless but by changing the key.
 */
const REQUIRED_CLAIMS = ['exp'];

export async function createTokenService(config: Config): Promise<TokenService> {
  const { createRemoteJWKSet, errors, jwtVerify, SignJWT } = await loadJose();
  const { issuer, audience } = config.auth;
  if (config.auth.jwksUrl) {
    const jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.auth.jwksUrl));
    return {
      verify: rememberVerified(async (token) => {
        try {
          const { payload } = await jwtVerify(token, jwks, { issuer, audience, requiredClaims: REQUIRED_CLAIMS });
          return { email: emailOf(payload), exp: payload.exp };
        } catch (e) {
          rethrow(e, errors);
        }
      }),
    };
  }
  const key = await localKey(config.dataDir);
  return {
    verify: rememberVerified(async (token) => {
      try {
        const { payload } = await jwtVerify(token, key.publicKey, { issuer, audience, algorithms: [ALG], requiredClaims: REQUIRED_CLAIMS });
        return { email: emailOf(payload), exp: payload.exp };
      } catch (e) {
        rethrow(e, errors);
      }
    }),
    async sign(email, opts = {}) {
      const jwt = new SignJWT({ email: email.toLowerCase() })
        .setProtectedHeader({ alg: ALG, kid: key.kid })
        .setSubject(email.toLowerCase())
        .setIssuer(issuer ?? LOCAL_ISSUER)
        .setAudience(audience ?? LOCAL_AUDIENCE)
        .setIssuedAt();
      if (opts.expiresAt) jwt.setExpirationTime(Math.floor(opts.expiresAt.getTime() / 1000));
      else jwt.setExpirationTime(`${opts.ttlSeconds ?? 12 * 3600}s`);
      return jwt.sign(key.privateKey);
    },
  };
}
