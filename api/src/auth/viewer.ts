// Who is asking, from the Authorization header. No header: the public. A bearer token
// that does not hold (bad signature, expired, revoked, user deactivated, malformed) is a
// 401: a client that sent credentials must learn they failed, never be served as public.
import { GraphQLError } from 'graphql';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { publicViewer, type SignedInViewer, type Viewer } from '../graphql/context.ts';
import type { AuthService } from './service.ts';
import { API_TOKEN_MARK, API_TOKEN_PATTERN, hashApiToken, verifyAccessToken } from './tokens.ts';

/** lastUsedAt is written at most this often per token: not a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, {
      extensions: {
        code: 'UNAUTHENTICATED',
        // Apollo Server turns this into the HTTP status and headers of the response.
        http: { status: 401, headers: new Map([['www-authenticate', 'Bearer realm="kza", error="invalid_token"']]) },
      },
    });
  }
}

interface UserRow {
  id: string;
  displayName: string;
  roles: Role[];
  organizationId: string | null;
  isActive: boolean;
}

const userColumns = { id: true, displayName: true, roles: true, organizationId: true, isActive: true } as const;

function signedIn(user: UserRow, via: SignedInViewer['via'], tokenScopes: readonly string[] | null): SignedInViewer {
  return { kind: 'user', userId: user.id, displayName: user.displayName, roles: user.roles, organizationId: user.organizationId, via, tokenScopes };
}

export async function resolveViewer(
  prisma: PrismaClient,
  authorizationHeader: string | undefined,
  now: Date,
  auth: AuthService,
): Promise<Viewer> {
  if (authorizationHeader === undefined || authorizationHeader.trim() === '') return publicViewer;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorizationHeader);
  if (!match?.[1]) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
  const token = match[1];

  if (token.startsWith(API_TOKEN_MARK)) {
    if (!API_TOKEN_PATTERN.test(token)) throw new UnauthenticatedError('The API token is malformed.');
    const found = await prisma.apiToken.findUnique({
      where: { tokenHash: hashApiToken(token) },
      select: { id: true, scopes: true, revokedAt: true, lastUsedAt: true, user: { select: userColumns } },
    });
    if (!found || found.revokedAt !== null) throw new UnauthenticatedError('The API token is unknown or revoked.');
    if (!found.user.isActive) throw new UnauthenticatedError('The account of this API token is deactivated.');
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    if (found.lastUsedAt === null || found.lastUsedAt < staleBefore) {
      // Conditional, so concurrent requests write once.
      await prisma.apiToken.updateMany({
        where: { id: found.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
        data: { lastUsedAt: now },
      });
    }
    return signedIn(found.user, 'api-token', found.scopes);
  }

  const check = await verifyAccessToken(token, now, auth.settings.jwtSecret);
  if (!check.ok) {
    throw new UnauthenticatedError(check.reason === 'expired' ? 'The access token has expired; sign in again.' : 'The access token is invalid.');
  }
  const user = await prisma.user.findUnique({ where: { id: check.userId }, select: userColumns });
  if (!user || !user.isActive) throw new UnauthenticatedError('The account of this access token no longer exists or is deactivated.');
  return signedIn(user, 'session', null);
}
