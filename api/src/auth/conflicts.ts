// Declared conflicts of interest (the independence principle): a person linked to an
// organization takes no part in its cases. The Council and team formation read these.
import { appendAuditEvent } from '../audit/trail.ts';
import { Prisma, type ConflictOfInterest } from '../generated/prisma/client.ts';
import { BusinessRuleError, userError } from '../graphql/user-errors.ts';
import { flagSeatsAffectedByDeclaration } from '../experts/team-formation-data.ts';
import { findOrganizationIdByBin, type ChangeOptions } from './users.ts';

export const MAX_REASON_LENGTH = 2000;

export async function declareConflictOfInterest(
  tx: Prisma.TransactionClient,
  userId: string,
  input: { organizationBin: string; reason: string },
  options: ChangeOptions,
): Promise<ConflictOfInterest> {
  const reason = input.reason.trim();
  if (!reason) throw new BusinessRuleError(userError('reason', 'REQUIRED', 'Say how you are linked to the organization.'));
  if (reason.length > MAX_REASON_LENGTH) throw new BusinessRuleError(userError('reason', 'INVALID', `A reason has at most ${MAX_REASON_LENGTH} characters.`));
  const organizationId = await findOrganizationIdByBin(tx, input.organizationBin, 'organizationBin');
  const existing = await tx.conflictOfInterest.findUnique({ where: { userId_organizationId: { userId, organizationId } }, select: { id: true } });
  if (existing) {
    throw new BusinessRuleError(userError('organizationBin', 'ALREADY_EXISTS', 'You have already declared a conflict of interest with this organization.'));
  }
  let conflict: ConflictOfInterest;
  try {
    conflict = await tx.conflictOfInterest.create({ data: { userId, organizationId, reason, declaredAt: options.now } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new BusinessRuleError(userError('organizationBin', 'ALREADY_EXISTS', 'You have already declared a conflict of interest with this organization.'));
    }
    throw error;
  }
  await appendAuditEvent(
    tx,
    {
      actor: options.actor,
      action: 'conflictOfInterest.declare',
      subjectType: 'ConflictOfInterest',
      subjectId: conflict.id,
      after: { userId, organizationId, reason },
    },
    options.now,
  );
  // Seats the person already holds in running cases of the organization are flagged now, in this transaction.
  await flagSeatsAffectedByDeclaration(tx, { conflictId: conflict.id, userId, organizationId }, options);
  return conflict;
}

/** Whether the user declared a conflict of interest with the organization (the Council recuses them). */
export async function hasConflictOfInterest(tx: Prisma.TransactionClient, userId: string, organizationId: string): Promise<boolean> {
  const found = await tx.conflictOfInterest.findUnique({ where: { userId_organizationId: { userId, organizationId } }, select: { id: true } });
  return found !== null;
}
