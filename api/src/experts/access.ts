// Who may read and change expert records. Expert records hold personal data (the IIN,
// contacts), so an API token reads them only with READ_CASES and changes them only with
// WRITE_CASES, as it does case data.
import { tokenAllows } from '../auth/scopes.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { hasRole, isStaff, type GraphQLContext, type SignedInViewer, type Viewer } from '../graphql/context.ts';
import { BusinessRuleError, userError } from '../graphql/user-errors.ts';

/** Staff of the body read every expert record. */
export function mayReadExperts(viewer: Viewer): boolean {
  return isStaff(viewer) && tokenAllows(viewer, 'READ_CASES');
}

/** Coordinators and administrators keep expert records and run certification. */
export function mayManageExperts(viewer: Viewer): boolean {
  return hasRole(viewer, 'COORDINATOR', 'ADMIN') && tokenAllows(viewer, 'WRITE_CASES');
}

/** Field scopes: staff reading expert data (false for an API token without READ_CASES). */
export const staffReaderScopes = (_parent: unknown, _args: unknown, ctx: GraphQLContext) => mayReadExperts(ctx.viewer);

/** Field scopes of the full IIN: ADMIN only. */
export const fullIinScopes = (_parent: unknown, _args: unknown, ctx: GraphQLContext) =>
  tokenAllows(ctx.viewer, 'READ_CASES') && ({ role: 'ADMIN' } as const);

const ownExpertIds = new WeakMap<GraphQLContext, Promise<string | null>>();

/** The id of the expert record linked to the signed-in viewer, once per request. */
export function viewerExpertId(ctx: GraphQLContext): Promise<string | null> {
  const viewer = ctx.viewer;
  if (viewer.kind !== 'user') return Promise.resolve(null);
  let found = ownExpertIds.get(ctx);
  if (!found) {
    found = ctx.prisma.expert.findUnique({ where: { userId: viewer.userId }, select: { id: true } }).then((row) => row?.id ?? null);
    ownExpertIds.set(ctx, found);
  }
  return found;
}

/** Staff, or the expert the record belongs to. */
export async function mayReadExpert(ctx: GraphQLContext, expertId: string): Promise<boolean> {
  if (mayReadExperts(ctx.viewer)) return true;
  return (await viewerExpertId(ctx)) === expertId;
}

/** The signed-in viewer a change is made by; an API token needs WRITE_CASES to change expert data. */
export function requireActor(ctx: GraphQLContext): SignedInViewer {
  const viewer = ctx.viewer;
  if (viewer.kind !== 'user') throw new BusinessRuleError(userError(null, 'FORBIDDEN', 'Sign in first.'));
  if (!tokenAllows(viewer, 'WRITE_CASES')) throw new BusinessRuleError(userError(null, 'FORBIDDEN', 'This API token lacks the WRITE_CASES scope.'));
  return viewer;
}

export function requireManager(ctx: GraphQLContext): SignedInViewer {
  const viewer = requireActor(ctx);
  if (!mayManageExperts(viewer)) {
    throw new BusinessRuleError(userError(null, 'FORBIDDEN', 'Only a COORDINATOR or an ADMIN may change expert records and certification.'));
  }
  return viewer;
}

/**
 * The expert an action is about: the one given (the expert themself or a manager may act),
 * or, when none is given, the viewer's own record.
 */
export async function expertActedFor(
  tx: Prisma.TransactionClient,
  ctx: GraphQLContext,
  expertId: string | null,
  field = 'expertId',
): Promise<{ id: string; byManager: boolean }> {
  const viewer = requireActor(ctx);
  const own = await tx.expert.findUnique({ where: { userId: viewer.userId }, select: { id: true } });
  const wanted = expertId ?? own?.id;
  if (!wanted) throw new BusinessRuleError(userError(field, 'REQUIRED', 'Your account is not linked to an expert record: name the expert.'));
  if (wanted === own?.id) return { id: wanted, byManager: false };
  if (!mayManageExperts(viewer)) {
    throw new BusinessRuleError(userError(field, 'FORBIDDEN', 'You may do this only for your own expert record, unless you are a COORDINATOR or an ADMIN.'));
  }
  return { id: wanted, byManager: true };
}
