// Passwords: argon2id (memory-hard) via @node-rs/argon2, and the rules a new password
// must meet. The hash string carries its own parameters, so verifying needs none.
import { hash, verify } from '@node-rs/argon2';

/** Cost of argon2id. Production uses OWASP's recommended minimum; tests lower it. */
export interface PasswordHashing {
  /** Memory per hash, in KiB. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1. */
export const productionPasswordHashing: PasswordHashing = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Far cheaper, for tests only: keeps suites that create many users fast. */
export const testPasswordHashing: PasswordHashing = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
/** Bounds the work one sign-in attempt can cause. */
export const MAX_PASSWORD_LENGTH = 512;

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (length > MAX_PASSWORD_LENGTH) return `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'The password must not be the e-mail address.';
  return null;
}

export function hashPassword(password: string, hashing: PasswordHashing): Promise<string> {
  // The package's default algorithm is argon2id (its const enum cannot be imported under isolatedModules).
  return hash(password, { memoryCost: hashing.memoryCost, timeCost: hashing.timeCost, parallelism: hashing.parallelism });
}

/** False for a wrong password and for a malformed hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if ([...password].length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
