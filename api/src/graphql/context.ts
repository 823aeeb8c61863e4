// What every resolver receives. Built once per request.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { todayInKazakhstan } from '../shared/dates.ts';

/** Who is asking. This slice has only the public; the workflow issue adds signed-in users. */
export interface Viewer {
  kind: 'public';
}

export interface GraphQLContext {
  prisma: PrismaClient;
  viewer: Viewer;
  /** Today in Kazakhstan (YYYY-MM-DD), fixed for the whole request so answers agree. */
  today: string;
}

export function createContext(prisma: PrismaClient, now: Date = new Date()): GraphQLContext {
  return { prisma, viewer: { kind: 'public' }, today: todayInKazakhstan(now) };
}
