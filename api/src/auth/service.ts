// What the auth resolvers need beyond the database: settings, attempt limiters, and per
// request the client's address. The HTTP server attaches it to the GraphQL context.
import { randomBytes } from 'node:crypto';
import type { GraphQLContext } from '../graphql/context.ts';
import { hashPassword } from './passwords.ts';
import { AttemptLimiter } from './rate-limit.ts';
import type { AuthSettings } from './settings.ts';

export interface AuthService {
  settings: AuthSettings;
  signInLimiter: AttemptLimiter;
  signInLimiterPerIp: AttemptLimiter;
  /** A hash to verify against when the e-mail is unknown, so both cases take as long. */
  dummyPasswordHash(): Promise<string>;
}

export function createAuthService(settings: AuthSettings): AuthService {
  // Computed up front, so that the first unknown-address attempt is not slower than later ones.
  const dummy = hashPassword(randomBytes(16).toString('hex'), settings.passwordHashing);
  dummy.catch(() => {}); // a failure surfaces where it is awaited, not as an unhandled rejection
  return {
    settings,
    signInLimiter: new AttemptLimiter(settings.signInLimit),
    signInLimiterPerIp: new AttemptLimiter(settings.signInLimitPerIp),
    dummyPasswordHash: () => dummy,
  };
}

/** Per request. */
export interface RequestAuth {
  service: AuthService;
  clientIp: string;
  /** Set by signIn: that user may read their own User in the payload though the request carried no token. */
  signedInUserId: string | null;
}

declare module '../graphql/context.ts' {
  interface GraphQLContext {
    /** Set by the HTTP server (auth/request-context.ts); absent in contexts built without it. */
    auth?: RequestAuth;
  }
}

export function requestAuth(ctx: GraphQLContext): RequestAuth {
  if (!ctx.auth) throw new Error('The GraphQL context has no auth service: build it with createRequestContext');
  return ctx.auth;
}
