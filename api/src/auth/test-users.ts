// Test helpers: settings for a test server, and users with roles plus a bearer token,
// created straight in the database (no HTTP round trip, no rate limit, cheap hashing).
import { randomBytes } from 'node:crypto';
import type { Role } from '../generated/prisma/enums.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SignedInViewer } from '../graphql/context.ts';
import { hashPassword, testPasswordHashing } from './passwords.ts';
import type { AuthService } from './service.ts';
import { defaultSignInLimit, defaultSignInLimitPerIp, DEFAULT_ACCESS_TOKEN_TTL_SECONDS, type AuthSettings } from './settings.ts';
import { issueAccessToken } from './tokens.ts';

/** A fresh random secret, cheap hashing, default limits; never touches the data folder. */
export function testAuthSettings(overrides: Partial<AuthSettings> = {}): AuthSettings {
  return {
    jwtSecret: new TextEncoder().encode(randomBytes(32).toString('base64url')),
    accessTokenTtlSeconds: DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    passwordHashing: testPasswordHashing,
    signInLimit: defaultSignInLimit,
    signInLimitPerIp: defaultSignInLimitPerIp,
    ...overrides,
  };
}

/** What createTestUser needs of a test API (TestApi has all of it). */
export interface TestUserHost {
  db: { prisma: PrismaClient };
  auth: AuthService;
  /** The server's clock: the access token is issued at this time. */
  now(): Date;
  query<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string },
  ): Promise<{ data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] }>;
}

export interface TestUserOptions {
  roles?: Role[];
  /** Required with ORGANIZATION_REPRESENTATIVE: the organization's database id. */
  organizationId?: string | null;
  email?: string;
  displayName?: string;
  password?: string;
  isActive?: boolean;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  roles: Role[];
  organizationId: string | null;
  /** A signed access token: send it as `Authorization: Bearer <token>`. */
  token: string;
  /** The same viewer the server resolves from the token, for calling domain code directly. */
  viewer: SignedInViewer;
  /** Sends a GraphQL operation as this user. */
  query: TestUserHost['query'];
}

let sequence = 0;

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Creates an active user (role EXPERT unless given) and an access token for it.
 * Example: `const coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
 * await coordinator.query('{ viewer { roles } }')`.
 */
export async function createTestUser(host: TestUserHost, options: TestUserOptions = {}): Promise<TestUser> {
  const roles = options.roles ?? ['EXPERT'];
  const organizationId = options.organizationId ?? null;
  if (roles.includes('ORGANIZATION_REPRESENTATIVE') !== (organizationId !== null)) {
    throw new Error('createTestUser: give organizationId exactly when the roles include ORGANIZATION_REPRESENTATIVE');
  }
  sequence += 1;
  const email = (options.email ?? `user${sequence}.${randomBytes(4).toString('hex')}@test.kza.kz`).toLowerCase();
  const displayName = options.displayName ?? `Test ${roles.join('+').toLowerCase()} ${sequence}`;
  const password = options.password ?? TEST_PASSWORD;
  const user = await host.db.prisma.user.create({
    data: {
      email,
      displayName,
      passwordHash: await hashPassword(password, host.auth.settings.passwordHashing),
      roles,
      organizationId,
      isActive: options.isActive ?? true,
    },
  });
  const { jwtSecret, accessTokenTtlSeconds } = host.auth.settings;
  const { token } = await issueAccessToken(user.id, host.now(), jwtSecret, accessTokenTtlSeconds);
  return {
    id: user.id,
    email,
    password,
    displayName,
    roles,
    organizationId,
    token,
    viewer: { kind: 'user', userId: user.id, displayName, roles, organizationId, via: 'session', tokenScopes: null },
    query: <T = unknown>(query: string, variables?: Record<string, unknown>, queryOptions?: { token?: string }) =>
      host.query<T>(query, variables, { token, ...queryOptions }),
  };
}
