// Sign-in settings from the environment: the JWT signing secret, the access-token
// lifetime, the password hashing cost and the sign-in attempt limits.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig, type AppConfig } from '../config.ts';
import { productionPasswordHashing, type PasswordHashing } from './passwords.ts';

export interface AttemptLimit {
  attempts: number;
  windowMs: number;
}

export interface AuthSettings {
  /** HS256 key of access tokens. */
  jwtSecret: Uint8Array;
  accessTokenTtlSeconds: number;
  passwordHashing: PasswordHashing;
  /** Sign-in attempts per e-mail address and client IP. */
  signInLimit: AttemptLimit;
  /** Failed sign-ins per client IP over all e-mail addresses (slows password spraying; successes behind a shared NAT do not count). */
  signInLimitPerIp: AttemptLimit;
}

export const MIN_JWT_SECRET_LENGTH = 32;
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;
const MAX_ACCESS_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
export const defaultSignInLimit: AttemptLimit = { attempts: 10, windowMs: 15 * 60_000 };
export const defaultSignInLimitPerIp: AttemptLimit = { attempts: 100, windowMs: 15 * 60_000 };

const unitSeconds = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** "3600", "90s", "15m", "1h", "7d" → seconds. */
export function parseDuration(raw: string, name: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
  const seconds = match ? Number(match[1]) * unitSeconds[(match[2] || 's') as keyof typeof unitSeconds] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 60 || seconds > MAX_ACCESS_TOKEN_TTL_SECONDS) {
    throw new Error(`${name} must be a duration from 60s to 30d, such as "3600", "15m", "1h" or "7d"; got "${raw}"`);
  }
  return seconds;
}

/** Where the generated secret lives: beside the PGlite folder, in the data folder. */
export function jwtSecretPath(config: AppConfig): string {
  return join(dirname(config.dataDir), 'jwt-secret');
}

/**
 * KZA_JWT_SECRET when set; otherwise a random secret generated once and kept in the data
 * folder (mode 0600), so that tokens survive restarts. Several API replicas must share
 * KZA_JWT_SECRET.
 */
export function loadJwtSecret(env: NodeJS.ProcessEnv, config: AppConfig): Uint8Array {
  const fromEnv = env.KZA_JWT_SECRET;
  if (fromEnv) {
    if (fromEnv.length < MIN_JWT_SECRET_LENGTH) throw new Error(`KZA_JWT_SECRET must have at least ${MIN_JWT_SECRET_LENGTH} characters`);
    return new TextEncoder().encode(fromEnv);
  }
  const path = jwtSecretPath(config);
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx' fails when the file exists, so two processes starting at once keep one secret.
    writeFileSync(path, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(path, 0o600);
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < MIN_JWT_SECRET_LENGTH) throw new Error(`${path} holds a secret shorter than ${MIN_JWT_SECRET_LENGTH} characters`);
  return new TextEncoder().encode(secret);
}

export function loadAuthSettings(env: NodeJS.ProcessEnv = process.env, config: AppConfig = loadConfig(env)): AuthSettings {
  const ttl = env.KZA_ACCESS_TOKEN_TTL;
  return {
    jwtSecret: loadJwtSecret(env, config),
    accessTokenTtlSeconds: ttl ? parseDuration(ttl, 'KZA_ACCESS_TOKEN_TTL') : DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    passwordHashing: productionPasswordHashing,
    signInLimit: defaultSignInLimit,
    signInLimitPerIp: defaultSignInLimitPerIp,
  };
}
