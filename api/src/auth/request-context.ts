// Builds the GraphQL context of one HTTP request: the viewer from the Authorization
// header (a bad token stops the request with 401, see viewer.ts) and the auth service.
import type { Request } from 'express';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createContext, type GraphQLContext } from '../graphql/context.ts';
import type { AuthService } from './service.ts';
import { resolveViewer } from './viewer.ts';

export async function createRequestContext(prisma: PrismaClient, auth: AuthService, req: Request, now: Date): Promise<GraphQLContext> {
  const viewer = await resolveViewer(prisma, req.headers.authorization, now, auth);
  return {
    ...createContext(prisma, now, viewer),
    auth: { service: auth, clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown', signedInUserId: null },
  };
}
