// What every resolver receives. Built once per request.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { todayInKazakhstan } from '../shared/dates.ts';

/** A signed-in person, or an integration acting through one person's API token. */
export interface SignedInViewer {
  kind: 'user';
  userId: string;
  displayName: string;
  roles: readonly Role[];
  /** The organization a representative acts for. */
  organizationId: string | null;
  via: 'session' | 'api-token';
  /** What an API token may do; null for a session (the user's roles decide). */
  tokenScopes: readonly string[] | null;
}

/** Who is asking: the public (no credentials) or a signed-in viewer. */
export type Viewer = { kind: 'public' } | SignedInViewer;

export const publicViewer: Viewer = { kind: 'public' };

export interface GraphQLContext {
  prisma: PrismaClient;
  viewer: Viewer;
  /** Today in Kazakhstan (YYYY-MM-DD), fixed for the whole request so answers agree. */
  today: string;
  /** The moment the request started; mutations record it. */
  now: Date;
  /** Called after a change the public register shows has been committed (e.g. to rebuild the site). */
  registerChanged?: () => void;
  /**
   * Cases the viewer took a step on in this request. The step's own permission (role and
   * WRITE_CASES) lets its payload show the changed case, even to a token without READ_CASES.
   */
  casesSteppedOn?: Set<string>;
}

export function createContext(prisma: PrismaClient, now: Date = new Date(), viewer: Viewer = publicViewer): GraphQLContext {
  return { prisma, viewer, today: todayInKazakhstan(now), now };
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return viewer.kind === 'user' && roles.some((role) => viewer.roles.includes(role));
}

/** Roles of the accreditation body's own people, who see every case. */
export const staffRoles: readonly Role[] = [
  'COORDINATOR',
  'ADMIN',
  'CPM_DIRECTOR',
  'COUNCIL_SECRETARY',
  'COUNCIL_MEMBER',
  'COMMISSION_MEMBER',
];

export function isStaff(viewer: Viewer): boolean {
  return hasRole(viewer, ...staffRoles);
}
