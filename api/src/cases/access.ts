// Who may see a case. The same rule guards GraphQL fields, document downloads and lists:
// staff see every case; a representative sees their organization's cases; an expert sees
// the cases whose team includes them; the public sees no case (only what is published).
// An API token acts with at most its scopes AND its owner's roles: reading cases needs
// READ_CASES (every case read goes through visibleCasesWhere), and taking a step needs
// WRITE_CASES (every step goes through requireSignedIn in steps.ts).
import { GraphQLError } from 'graphql';
import { tokenAllows } from '../auth/scopes.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { hasRole, isStaff, type SignedInViewer, type Viewer } from '../graphql/context.ts';

const noCase: Prisma.AccreditationCaseWhereInput = { id: { in: [] } };

/** A Prisma filter selecting exactly the cases the viewer may read: their roles' cases, when their credentials allow reading cases. */
export function visibleCasesWhere(viewer: Viewer): Prisma.AccreditationCaseWhereInput {
  if (viewer.kind === 'public' || !tokenAllows(viewer, 'READ_CASES')) return noCase;
  return casesOfRolesWhere(viewer);
}

/**
 * For the queries that list or look up cases: an API token without READ_CASES is told so
 * (FORBIDDEN, naming the scope) rather than shown an empty list it cannot explain.
 */
export function assertMayReadCases(viewer: Viewer): void {
  if (viewer.kind === 'user' && !tokenAllows(viewer, 'READ_CASES')) {
    throw new GraphQLError('This API token lacks the READ_CASES scope, which reading cases needs; create a token with it.', {
      extensions: { code: 'FORBIDDEN', scope: 'READ_CASES' },
    });
  }
}

/**
 * The cases the viewer's roles concern, whatever the token's scopes. Only for a step whose
 * WRITE_CASES scope is already checked: a write-only token may act on a case it may not read.
 */
export function casesOfRolesWhere(viewer: SignedInViewer): Prisma.AccreditationCaseWhereInput {
  if (isStaff(viewer)) return {};
  const allowed: Prisma.AccreditationCaseWhereInput[] = [];
  if (hasRole(viewer, 'ORGANIZATION_REPRESENTATIVE') && viewer.organizationId) {
    allowed.push({ organizationId: viewer.organizationId });
  }
  if (hasRole(viewer, 'EXPERT')) allowed.push({ team: { members: { some: { userId: viewer.userId } } } });
  return allowed.length ? { OR: allowed } : noCase;
}

/** Whether the viewer may see this case. */
export async function canViewCase(tx: Prisma.TransactionClient, viewer: Viewer, caseId: string): Promise<boolean> {
  if (viewer.kind === 'public') return false;
  const found = await tx.accreditationCase.findFirst({ where: { AND: [{ id: caseId }, visibleCasesWhere(viewer)] }, select: { id: true } });
  return found !== null;
}
