// The two kinds of bearer token. Access tokens: short-lived JWTs (HS256) from signIn,
// carrying only the user id, so roles are always read fresh from the database. API
// tokens: long-lived random secrets for integrations, stored only as a sha256 hash.
import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

export const JWT_ISSUER = 'kza';
const JWT_ALGORITHM = 'HS256';

export interface AccessToken {
  token: string;
  expiresAt: Date;
}

export async function issueAccessToken(userId: string, now: Date, secret: Uint8Array, ttlSeconds: number): Promise<AccessToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + ttlSeconds;
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT' })
    .setIssuer(JWT_ISSUER)
    .setSubject(userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(secret);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

export type AccessTokenCheck = { ok: true; userId: string } | { ok: false; reason: 'expired' | 'invalid' };

/** Checks signature, algorithm, issuer and expiry against `now`; never throws for a bad token. */
export async function verifyAccessToken(token: string, now: Date, secret: Uint8Array): Promise<AccessTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      currentDate: now,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    return payload.sub ? { ok: true, userId: payload.sub } : { ok: false, reason: 'invalid' };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JOSEError || error instanceof TypeError) return { ok: false, reason: 'invalid' };
    throw error;
  }
}

/** `kza_<8 hex prefix>_<64 hex secret>`: 256 random bits, recognisable in logs and secret scanners. */
export const API_TOKEN_PATTERN = /^kza_([0-9a-f]{8})_[0-9a-f]{64}$/;
export const API_TOKEN_MARK = 'kza_';

export interface NewApiToken {
  token: string;
  prefix: string;
  tokenHash: string;
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function generateApiToken(): NewApiToken {
  const prefix = randomBytes(4).toString('hex');
  const token = `${API_TOKEN_MARK}${prefix}_${randomBytes(32).toString('hex')}`;
  return { token, prefix, tokenHash: hashApiToken(token) };
}
