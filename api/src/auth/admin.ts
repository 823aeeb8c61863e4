// The first administrator, created from the command line (pnpm user:create-admin): the
// only way to an ADMIN account before anyone can sign in.
import type { AuditActor } from '../audit/trail.ts';
import type { User } from '../generated/prisma/client.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { BusinessRuleError, type UserError } from '../graphql/user-errors.ts';
import { productionPasswordHashing, type PasswordHashing } from './passwords.ts';
import { createUser } from './users.ts';

export const commandLineActor: AuditActor = { id: null, label: 'command line (user:create-admin)' };

export type CreateAdminResult = { ok: true; user: User } | { ok: false; errors: UserError[] };

export async function createAdmin(
  prisma: PrismaClient,
  input: { email: string; displayName: string; password: string },
  options: { now?: Date; hashing?: PasswordHashing } = {},
): Promise<CreateAdminResult> {
  const now = options.now ?? new Date();
  try {
    const user = await prisma.$transaction(
      (tx) =>
        createUser(tx, { ...input, roles: ['ADMIN'] }, { actor: commandLineActor, now, hashing: options.hashing ?? productionPasswordHashing }),
      { timeout: 30_000 },
    );
    return { ok: true, user };
  } catch (error) {
    if (error instanceof BusinessRuleError) return { ok: false, errors: error.errors };
    throw error;
  }
}
