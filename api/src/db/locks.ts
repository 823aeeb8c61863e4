// Transaction-scoped advisory locks (PostgreSQL and PGlite alike): a transaction that takes
// one waits for any other holding it, and lets go at commit or rollback. They serialise the
// few "read the latest, then write the next" steps that a unique index alone would turn into
// a crash under concurrency. Always take them before the audit lock (which every change takes
// last), so that two transactions never wait for each other in opposite orders.
import type { Prisma } from '../generated/prisma/client.ts';

/** Any distinct constants; one per thing serialised. */
export const lockKeys = {
  /** The audit chain: each event hashes the one before. */
  auditChain: 728_201_001,
  /** Applications: "no case of this organization is under way" and the next case number. */
  caseApplication: 728_201_002,
  /** The next decision number, and corrections of a decision. */
  decisionNumber: 728_201_003,
} as const;

export async function lockForTransaction(tx: Prisma.TransactionClient, key: keyof typeof lockKeys): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lockKeys[key]})`;
}
