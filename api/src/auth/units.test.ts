// Auth building blocks without a server: password rules and hashing, access tokens, API
// token format, settings from the environment, the attempt limiter, and the schema.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { schema } from '../graphql/schema.ts';
import { hashPassword, passwordProblem, testPasswordHashing, verifyPassword } from './passwords.ts';
import { AttemptLimiter } from './rate-limit.ts';
import { jwtSecretPath, loadAuthSettings, parseDuration } from './settings.ts';
import { generateApiToken, hashApiToken, issueAccessToken, verifyAccessToken } from './tokens.ts';

const secret = new TextEncoder().encode('x'.repeat(40));
const now = new Date('2026-12-03T07:00:00Z');

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('a long enough password', testPasswordHashing);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'a long enough password')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough passworD')).toBe(false);
    expect(await verifyPassword('not a hash', 'whatever')).toBe(false);
  });

  it('needs 12 characters and not the e-mail address', () => {
    expect(passwordProblem('elevenchars', 'a@b.kz')).toMatch(/at least 12/);
    expect(passwordProblem('twelve chars', 'a@b.kz')).toBeNull();
    expect(passwordProblem('Long.Name@Example.kz', 'long.name@example.kz')).toMatch(/e-mail/);
    // Counted in characters, not UTF-16 units or bytes.
    expect(passwordProblem('қазақстан123', 'a@b.kz')).toBeNull();
    expect(passwordProblem('😀'.repeat(11), 'a@b.kz')).toMatch(/at least 12/);
  });
});

describe('access tokens', () => {
  it('carry the user id, issuer and expiry, and fail when expired, tampered or signed elsewhere', async () => {
    const { token, expiresAt } = await issueAccessToken('user-1', now, secret, 3600);
    expect(expiresAt.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toEqual({ sub: 'user-1', iss: 'kza', iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 3600 });

    expect(await verifyAccessToken(token, now, secret)).toEqual({ ok: true, userId: 'user-1' });
    expect(await verifyAccessToken(token, new Date(expiresAt.getTime() + 1000), secret)).toEqual({ ok: false, reason: 'expired' });
    expect(await verifyAccessToken(token, now, new TextEncoder().encode('y'.repeat(40)))).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyAccessToken(`${token}x`, now, secret)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyAccessToken('a.b.c', now, secret)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('API tokens', () => {
  it('are random, prefixed, and stored as a sha256 hash', () => {
    const first = generateApiToken();
    const second = generateApiToken();
    expect(first.token).toMatch(new RegExp(`^kza_${first.prefix}_[0-9a-f]{64}$`));
    expect(first.token).not.toBe(second.token);
    expect(first.tokenHash).toBe(hashApiToken(first.token));
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('auth settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kza-auth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { KZA_DATA_DIR: join(dir, 'data', 'pglite') };

  it('generates the JWT secret once, private to the owner, and reuses it', () => {
    const first = loadAuthSettings(env);
    const path = jwtSecretPath(loadConfig(env));
    expect(path).toBe(join(dir, 'data', 'jwt-secret'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    expect(loadAuthSettings(env).jwtSecret).toEqual(first.jwtSecret);
    expect(first.accessTokenTtlSeconds).toBe(3600);
  });

  it('takes KZA_JWT_SECRET and KZA_ACCESS_TOKEN_TTL from the environment, and rejects weak values', () => {
    const settings = loadAuthSettings({ ...env, KZA_JWT_SECRET: 's'.repeat(32), KZA_ACCESS_TOKEN_TTL: '15m' });
    expect(new TextDecoder().decode(settings.jwtSecret)).toBe('s'.repeat(32));
    expect(settings.accessTokenTtlSeconds).toBe(900);
    expect(() => loadAuthSettings({ ...env, KZA_JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(parseDuration('3600', 'X')).toBe(3600);
    expect(parseDuration('8h', 'X')).toBe(28_800);
    expect(parseDuration('7d', 'X')).toBe(604_800);
    for (const bad of ['0', '10s', '1y', '-1h', '31d', 'soon']) expect(() => parseDuration(bad, 'X')).toThrow(/X must be/);
  });
});

describe('the attempt limiter', () => {
  it('allows the limit per key and window, then refuses until the window passes', () => {
    const limiter = new AttemptLimiter({ attempts: 3, windowMs: 60_000 });
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect([1, 2, 3, 4].map((i) => limiter.take('a', at(i)))).toEqual([true, true, true, false]);
    expect(limiter.take('b', at(5))).toBe(true);
    expect(limiter.take('a', at(60_001))).toBe(true);
    limiter.take('a', at(60_002));
    limiter.take('a', at(60_003));
    expect(limiter.take('a', at(60_004))).toBe(false);
    expect(limiter.exhausted('a', at(60_004))).toBe(true);
    expect(limiter.exhausted('b', at(60_004))).toBe(false);
    limiter.reset('a');
    expect(limiter.exhausted('a', at(60_005))).toBe(false);
    expect(limiter.take('a', at(60_005))).toBe(true);
  });
});

describe('the schema', () => {
  // Secrets handed out once, on purpose. Adding a field here needs a reason.
  const handedOutOnce = ['ApiTokenCreatePayload.token', 'SignInPayload.accessToken', 'WebhookCreatePayload.secret'];
  // Hashes of the audit chain are content digests, not credentials: auditors compare them.
  const auditDigests = ['AuditEvent.hash', 'AuditEvent.previousHash', 'AuditChainStatus.lastHash'];

  it('exposes no password, hash or secret, and token strings only where they are handed out', () => {
    const leaks: string[] = [];
    const tokenStrings: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const name = `${type.name}.${field.name}`;
        if (handedOutOnce.includes(name) || auditDigests.includes(name)) continue;
        if (/password|hash|secret|salt/i.test(field.name)) leaks.push(name);
        if (/token/i.test(field.name) && String(field.type).replace(/!/g, '') === 'String') tokenStrings.push(name);
      }
    }
    expect(leaks).toEqual([]);
    expect(tokenStrings).toEqual([]);
    const fieldsOf = (name: string) => {
      const type = schema.getType(name);
      return type && (isObjectType(type) || isInputObjectType(type)) ? Object.keys(type.getFields()).sort() : [];
    };
    expect(fieldsOf('User')).toEqual(['createdAt', 'displayName', 'email', 'id', 'isActive', 'organization', 'roles']);
    expect(fieldsOf('SignInPayload')).toContain('accessToken');
    expect(fieldsOf('ApiTokenCreatePayload')).toContain('token');
    expect(fieldsOf('ApiToken')).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scopes']);
  });
});
