// The common path of every step of a case: find it (as the viewer may see it), check the
// workflow allows the step for the viewer's roles, check the version the caller read,
// apply the change with the version incremented, record it in the audit trail and tell
// the people concerned — all in the caller's transaction.
import type { Prisma } from '../generated/prisma/client.ts';
import type { CaseStage, Role } from '../generated/prisma/enums.ts';
import { actorOf, appendAuditEvent } from '../audit/trail.ts';
import type { GraphQLContext, SignedInViewer } from '../graphql/context.ts';
import { BusinessRuleError, userError } from '../graphql/user-errors.ts';
import { activeUserIdsWithRole } from '../db/enum-arrays.ts';
import { notifyUsers } from '../notifications/outbox.ts';
import { tokenAllows } from '../auth/scopes.ts';
import { casesOfRolesWhere } from './access.ts';
import { transitionProblem, transitions, type Audience, type CaseAction } from './workflow.ts';

export type CaseRow = Prisma.AccreditationCaseGetPayload<{ include: { organization: true; team: { include: { members: true } } } }>;

/**
 * The entry of every step of a case (cases, Council, feedback, development plan): a signed-in
 * viewer, and for an API token the WRITE_CASES scope. A token acts with at most its scopes
 * and its owner's roles.
 */
export function requireSignedIn(ctx: GraphQLContext): SignedInViewer {
  if (ctx.viewer.kind !== 'user') {
    throw new BusinessRuleError(userError(null, 'FORBIDDEN', 'Sign in to take steps in a case.'));
  }
  if (!tokenAllows(ctx.viewer, 'WRITE_CASES')) {
    throw new BusinessRuleError(
      userError(null, 'FORBIDDEN', 'This API token lacks the WRITE_CASES scope, which taking a step in a case needs; create a token with it.'),
    );
  }
  return ctx.viewer;
}

/**
 * Loads a case the viewer's roles concern, for a step (after requireSignedIn checked the
 * WRITE_CASES scope), or fails with NOT_FOUND (its existence does not leak).
 */
export async function loadVisibleCase(tx: Prisma.TransactionClient, viewer: SignedInViewer, caseId: string): Promise<CaseRow> {
  const found = await tx.accreditationCase.findFirst({
    where: { AND: [{ id: caseId }, casesOfRolesWhere(viewer)] },
    include: { organization: true, team: { include: { members: true } } },
  });
  if (!found) throw new BusinessRuleError(userError('caseId', 'NOT_FOUND', 'No case with this id exists, or you may not see it.'));
  return found;
}

/** Checks role and stage for `action`, and that a representative acts for the case's own organization. */
export function assertMayTake(
  action: CaseAction,
  viewer: SignedInViewer,
  found: { stage: CaseStage | null; organizationId: string; version?: number },
  expectedVersion?: number,
): void {
  // A representative acts only through the representative role for their own organization.
  const roles: Role[] = viewer.roles.filter(
    (role) => role !== 'ORGANIZATION_REPRESENTATIVE' || viewer.organizationId === found.organizationId,
  );
  const roleProblem = transitionProblem(action, null, roles);
  if (roleProblem) throw new BusinessRuleError(userError(null, roleProblem.code, roleProblem.message));
  // A caller who read an old version learns that first: the stage may have moved because of it.
  if (expectedVersion !== undefined && found.version !== undefined) assertVersion({ version: found.version }, expectedVersion);
  const stageProblem = transitionProblem(action, found.stage, roles);
  if (stageProblem) throw new BusinessRuleError(userError(null, stageProblem.code, stageProblem.message));
}

export function assertVersion(found: { version: number }, expectedVersion: number): void {
  if (found.version !== expectedVersion) {
    throw new BusinessRuleError(
      userError(
        'expectedVersion',
        'STALE_VERSION',
        `The case was changed since you read it: you sent version ${expectedVersion}, the case is now at version ${found.version}. Reload it and try again.`,
      ),
    );
  }
}

/** Who is told about a step, as user ids. */
export async function audienceUserIds(
  tx: Prisma.TransactionClient,
  found: { id: string; organizationId: string },
  audiences: readonly Audience[],
): Promise<string[]> {
  const ids: string[] = [];
  const byRole = (role: Role) => activeUserIdsWithRole(tx, role);
  for (const audience of audiences) {
    if (audience === 'REPRESENTATIVES') {
      ids.push(...(await activeUserIdsWithRole(tx, 'ORGANIZATION_REPRESENTATIVE', { organizationId: found.organizationId })));
    } else if (audience === 'TEAM') {
      const members = await tx.expertTeamMember.findMany({ where: { team: { caseId: found.id } }, select: { userId: true } });
      ids.push(...members.map((m) => m.userId));
    } else if (audience === 'COORDINATORS') ids.push(...(await byRole('COORDINATOR')));
    else if (audience === 'CPM_DIRECTOR') ids.push(...(await byRole('CPM_DIRECTOR')));
    else if (audience === 'COMMISSION') ids.push(...(await byRole('COMMISSION_MEMBER')));
    else if (audience === 'COUNCIL_SECRETARY') ids.push(...(await byRole('COUNCIL_SECRETARY')));
  }
  return [...new Set(ids)];
}

export interface StepOptions {
  action: CaseAction;
  /** Fields to change besides stage and version. */
  data?: Prisma.AccreditationCaseUncheckedUpdateManyInput;
  /** What the audit trail records before/after, besides stage and version. */
  details?: Record<string, unknown>;
  /** Extra words for the notification. */
  message?: string;
}

/**
 * Applies a step to a case already loaded and checked: moves the stage (when the step
 * does), increments the version only if nobody else did first, audits and notifies.
 * `expectedVersion` null (a step whose version is optional and was not sent): the version
 * moves on whatever others did meanwhile, as long as the case is still at the stage it was
 * checked at.
 */
export async function applyStep(
  tx: Prisma.TransactionClient,
  ctx: GraphQLContext,
  found: CaseRow,
  expectedVersion: number | null,
  options: StepOptions,
): Promise<void> {
  const transition = transitions[options.action];
  const stage: CaseStage = transition.to ?? found.stage;
  const updated = await tx.accreditationCase.updateMany({
    where: expectedVersion === null ? { id: found.id, stage: found.stage } : { id: found.id, version: expectedVersion },
    data: { ...options.data, stage, version: { increment: 1 } },
  });
  const current = await tx.accreditationCase.findUniqueOrThrow({ where: { id: found.id }, select: { version: true } });
  if (updated.count === 0) {
    throw new BusinessRuleError(
      userError(
        'expectedVersion',
        'STALE_VERSION',
        `Someone else changed the case at the same time: it is now at version ${current.version}. Reload it and try again.`,
      ),
    );
  }
  await appendAuditEvent(
    tx,
    {
      actor: actorOf(ctx.viewer),
      action: `case.${options.action}`,
      subjectType: 'AccreditationCase',
      subjectId: found.id,
      before: { stage: found.stage, version: current.version - 1 },
      after: { stage, version: current.version, ...options.details },
    },
    ctx.now,
  );
  const recipients = await audienceUserIds(tx, found, transition.notify);
  const actorId = ctx.viewer.kind === 'user' ? ctx.viewer.userId : null;
  await notifyUsers(tx, {
    userIds: recipients.filter((id) => id !== actorId),
    kind: `case.${options.action}`,
    subject: `Case ${found.number}: ${transition.label}`,
    body:
      `${found.organization.nameRu} — case ${found.number}: done "${transition.label}"` +
      (transition.to ? `; the case is now at stage ${stage}.` : '.') +
      (options.message ? ` ${options.message}` : ''),
    caseId: found.id,
  });
}
