// Who may see a case. The same rule guards GraphQL fields, document downloads and lists:
// staff see every case; a representative sees their organization's cases; an expert sees
// the cases whose team includes them; the public sees no case (only what is published).
import type { Prisma } from '../generated/prisma/client.ts';
import { hasRole, isStaff, type Viewer } from '../graphql/context.ts';

/** A Prisma filter selecting exactly the cases the viewer may see. */
export function visibleCasesWhere(viewer: Viewer): Prisma.AccreditationCaseWhereInput {
  if (viewer.kind === 'public') return { id: { in: [] } };
  if (isStaff(viewer)) return {};
  const allowed: Prisma.AccreditationCaseWhereInput[] = [];
  if (hasRole(viewer, 'ORGANIZATION_REPRESENTATIVE') && viewer.organizationId) {
    allowed.push({ organizationId: viewer.organizationId });
  }
  if (hasRole(viewer, 'EXPERT')) allowed.push({ team: { members: { some: { userId: viewer.userId } } } });
  return allowed.length ? { OR: allowed } : { id: { in: [] } };
}

/** Whether the viewer may see this case. */
export async function canViewCase(tx: Prisma.TransactionClient, viewer: Viewer, caseId: string): Promise<boolean> {
  if (viewer.kind === 'public') return false;
  const found = await tx.accreditationCase.findFirst({ where: { AND: [{ id: caseId }, visibleCasesWhere(viewer)] }, select: { id: true } });
  return found !== null;
}
