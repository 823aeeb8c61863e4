// Accounts: creating users, changing their roles, deactivating them. Plain domain code on
// a transaction; rules broken throw BusinessRuleError (nothing is changed), and every
// change appends an audit event in the same transaction.
import { appendAuditEvent, type AuditActor } from '../audit/trail.ts';
import { Prisma, type User } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';
import { BusinessRuleError, userError, type UserError } from '../graphql/user-errors.ts';
import { binProblem, binRuleText } from '../organizations/bin.ts';
import { hashPassword, passwordProblem, type PasswordHashing } from './passwords.ts';

type Tx = Prisma.TransactionClient;

export const MAX_DISPLAY_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;

/** E-mail addresses are stored trimmed and lower-cased: one account per address. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  if (email.length > MAX_EMAIL_LENGTH) return `An e-mail address has at most ${MAX_EMAIL_LENGTH} characters.`;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return 'This is not an e-mail address (name@example.kz).';
  return null;
}

/** What the audit trail records of a user: never the password hash. */
export function userSnapshot(user: User) {
  return {
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    organizationId: user.organizationId,
    isActive: user.isActive,
  };
}

export interface ChangeOptions {
  actor: AuditActor;
  now: Date;
}

export async function findOrganizationIdByBin(tx: Tx, rawBin: string, field: string): Promise<string> {
  const bin = rawBin.trim();
  const problem = binProblem(bin);
  if (problem) throw new BusinessRuleError(userError(field, 'INVALID', `The BIN is not valid: ${binRuleText[problem]}.`));
  const organization = await tx.organization.findUnique({ where: { bin }, select: { id: true } });
  if (!organization) throw new BusinessRuleError(userError(field, 'NOT_FOUND', `No organization in the register has the BIN ${bin}.`));
  return organization.id;
}

/**
 * The organization a user with these roles is bound to: required for a representative
 * (the current one is kept when none is given), forbidden for everyone else.
 */
async function organizationFor(tx: Tx, roles: readonly Role[], bin: string | null | undefined, current: string | null): Promise<string | null> {
  const representative = roles.includes('ORGANIZATION_REPRESENTATIVE');
  const given = bin?.trim() ? bin : null;
  if (!representative) {
    if (given) {
      throw new BusinessRuleError(
        userError('organizationBin', 'INVALID', 'Only an ORGANIZATION_REPRESENTATIVE is bound to an organization; leave organizationBin empty.'),
      );
    }
    return null;
  }
  if (given) return findOrganizationIdByBin(tx, given, 'organizationBin');
  if (current) return current;
  throw new BusinessRuleError(userError('organizationBin', 'REQUIRED', 'An ORGANIZATION_REPRESENTATIVE must be bound to an organization: give its BIN.'));
}

function distinctRoles(roles: readonly Role[]): Role[] {
  return [...new Set(roles)];
}

/**
 * Ids of the users holding a role. Raw SQL on purpose: the PGlite adapter binds a JS array
 * to an enum-array parameter as plain text, so `roles: { has }` fails there.
 */
export async function userIdsWithRole(tx: Tx, role: Role, options: { activeOnly?: boolean } = {}): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM app_user WHERE ${role}::role = ANY(roles) AND (is_active OR NOT ${options.activeOnly ?? false})`;
  return rows.map((row) => row.id);
}

/** Refuses a change that would leave nobody able to administer accounts. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string, field: string, message: string): Promise<void> {
  const others = (await userIdsWithRole(tx, 'ADMIN', { activeOnly: true })).filter((id) => id !== userId);
  if (others.length === 0) throw new BusinessRuleError(userError(field, 'INVALID', message));
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: readonly Role[];
  organizationBin?: string | null;
}

export async function createUser(tx: Tx, input: NewUser, options: ChangeOptions & { hashing: PasswordHashing }): Promise<User> {
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim();
  const roles = distinctRoles(input.roles);
  const problems: UserError[] = [];
  const badEmail = emailProblem(email);
  if (badEmail) problems.push(userError('email', 'INVALID', badEmail));
  if (!displayName) problems.push(userError('displayName', 'REQUIRED', 'Give the name shown for this person.'));
  else if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    problems.push(userError('displayName', 'INVALID', `A name has at most ${MAX_DISPLAY_NAME_LENGTH} characters.`));
  }
  const badPassword = passwordProblem(input.password, email);
  if (badPassword) problems.push(userError('password', 'INVALID', badPassword));
  if (roles.length === 0) problems.push(userError('roles', 'REQUIRED', 'Give the user at least one role.'));
  if (problems.length) throw new BusinessRuleError(problems);

  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new BusinessRuleError(userError('email', 'ALREADY_EXISTS', `A user with the e-mail address ${email} already exists.`));
  }
  const organizationId = await organizationFor(tx, roles, input.organizationBin, null);
  const passwordHash = await hashPassword(input.password, options.hashing);
  let user: User;
  try {
    user = await tx.user.create({ data: { email, displayName, passwordHash, roles, organizationId } });
  } catch (error) {
    // A concurrent request created the same address between the check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new BusinessRuleError(userError('email', 'ALREADY_EXISTS', `A user with the e-mail address ${email} already exists.`));
    }
    throw error;
  }
  await appendAuditEvent(
    tx,
    { actor: options.actor, action: 'user.create', subjectType: 'User', subjectId: user.id, after: userSnapshot(user) },
    options.now,
  );
  return user;
}

async function findUser(tx: Tx, userId: string): Promise<User> {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new BusinessRuleError(userError('userId', 'NOT_FOUND', 'No user has this id.'));
  return user;
}

export interface RolesChange {
  userId: string;
  roles: readonly Role[];
  organizationBin?: string | null;
}

export async function updateUserRoles(tx: Tx, input: RolesChange, options: ChangeOptions): Promise<User> {
  const user = await findUser(tx, input.userId);
  const roles = distinctRoles(input.roles);
  if (roles.length === 0) throw new BusinessRuleError(userError('roles', 'REQUIRED', 'Give the user at least one role; deactivate the user instead.'));
  const organizationId = await organizationFor(tx, roles, input.organizationBin, user.organizationId);
  if (user.roles.includes('ADMIN') && !roles.includes('ADMIN') && user.isActive) {
    await assertAnotherActiveAdmin(tx, user.id, 'roles', 'This is the last active ADMIN; give another user the ADMIN role first.');
  }
  const sameRoles = roles.length === user.roles.length && roles.every((role) => user.roles.includes(role));
  if (sameRoles && organizationId === user.organizationId) return user;
  const updated = await tx.user.update({ where: { id: user.id }, data: { roles, organizationId } });
  await appendAuditEvent(
    tx,
    {
      actor: options.actor,
      action: 'user.updateRoles',
      subjectType: 'User',
      subjectId: user.id,
      before: { roles: user.roles, organizationId: user.organizationId },
      after: { roles: updated.roles, organizationId: updated.organizationId },
    },
    options.now,
  );
  return updated;
}

/** Deactivates or reactivates an account. A deactivated user's access and API tokens stop working at once. */
export async function setUserActive(tx: Tx, userId: string, active: boolean, options: ChangeOptions): Promise<User> {
  const user = await findUser(tx, userId);
  if (user.isActive === active) return user;
  if (!active) {
    if (options.actor.id === user.id) throw new BusinessRuleError(userError('userId', 'INVALID', 'You cannot deactivate your own account.'));
    if (user.roles.includes('ADMIN')) {
      await assertAnotherActiveAdmin(tx, user.id, 'userId', 'This is the last active ADMIN and cannot be deactivated.');
    }
  }
  const updated = await tx.user.update({ where: { id: user.id }, data: { isActive: active } });
  await appendAuditEvent(
    tx,
    {
      actor: options.actor,
      action: active ? 'user.reactivate' : 'user.deactivate',
      subjectType: 'User',
      subjectId: user.id,
      before: { isActive: user.isActive },
      after: { isActive: updated.isActive },
    },
    options.now,
  );
  return updated;
}
