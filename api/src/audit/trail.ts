// The audit trail: every state change appends an event in the same transaction as the
// change. Events are chained: each stores the hash of the one before and a hash over its
// own content, so editing or deleting any row breaks the chain (verifyAuditChain).
import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { lockForTransaction } from '../db/locks.ts';
import type { Viewer } from '../graphql/context.ts';

const canonicalJson = configure({ deterministic: true, bigint: false });

/** Hash of "nothing before": the first event points at it. */
export const GENESIS_HASH = '0'.repeat(64);


export interface AuditActor {
  id: string | null;
  label: string;
}

export function actorOf(viewer: Viewer): AuditActor {
  if (viewer.kind === 'public') return { id: null, label: 'public' };
  return { id: viewer.userId, label: `${viewer.displayName}${viewer.via === 'api-token' ? ' (API token)' : ''}` };
}

export const systemActor: AuditActor = { id: null, label: 'system' };

export interface AuditEntry {
  actor: AuditActor;
  /** What happened, e.g. "case.register", "decision.publish". */
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

interface HashedContent {
  previousHash: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
}

/** Plain JSON as the database will give it back (dates as ISO strings, no undefined). */
function asJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(canonicalJson(value) ?? 'null') as Prisma.InputJsonValue;
}

export function hashAuditContent(content: HashedContent): string {
  return createHash('sha256').update(canonicalJson(content) ?? '').digest('hex');
}

/** Appends one event; call inside the transaction that makes the change. */
export async function appendAuditEvent(tx: Prisma.TransactionClient, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await appendAuditEvents(tx, [{ ...entry, at }]);
}

/**
 * Appends events in the order given, chained, with one INSERT (bulk loads such as the
 * benchmark register; one event per change otherwise goes through appendAuditEvent).
 */
export async function appendAuditEvents(tx: Prisma.TransactionClient, entries: (AuditEntry & { at: Date })[]): Promise<void> {
  if (entries.length === 0) return;
  // Serialises appenders so that two transactions cannot fork the chain.
  await lockForTransaction(tx, 'auditChain');
  const last = await tx.auditEvent.findFirst({ orderBy: { sequence: 'desc' }, select: { hash: true } });
  let previousHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const before = asJson(entry.before);
    const after = asJson(entry.after);
    const content: HashedContent = {
      previousHash,
      occurredAt: entry.at.toISOString(),
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before,
      after,
    };
    const hash = hashAuditContent(content);
    const row = {
      occurredAt: entry.at,
      actorId: entry.actor.id,
      actorLabel: entry.actor.label,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: before ?? Prisma.DbNull,
      after: after ?? Prisma.DbNull,
      previousHash,
      hash,
    };
    previousHash = hash;
    return row;
  });
  // createMany inserts in array order, so sequence numbers follow the chain.
  await tx.auditEvent.createMany({ data: rows });
}

/** The event where a broken chain first fails, as the verifier found it. */
export interface BrokenAuditEvent {
  action: string;
  subjectType: string;
  subjectId: string;
}

/**
 * `events` counts the events that verified: all of them when ok, those before `brokenAt`
 * otherwise. `lastHash` is the hash to keep outside the database as an anchor (see
 * docs/audit-trail.md); it is GENESIS_HASH for an empty trail.
 */
export type AuditChainResult =
  | { ok: true; events: number; lastHash: string }
  | { ok: false; events: number; brokenAt: bigint; reason: string; event: BrokenAuditEvent };

/** Walks the whole chain in order and reports the first event that does not hold. */
export async function verifyAuditChain(prisma: PrismaClient, batchSize = 1000): Promise<AuditChainResult> {
  let previousHash = GENESIS_HASH;
  let checked = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await prisma.auditEvent.findMany({
      orderBy: { sequence: 'asc' },
      take: batchSize,
      ...(cursor === undefined ? {} : { where: { sequence: { gt: cursor } } }),
    });
    if (batch.length === 0) return { ok: true, events: checked, lastHash: previousHash };
    for (const event of batch) {
      const found = { action: event.action, subjectType: event.subjectType, subjectId: event.subjectId };
      if (event.previousHash !== previousHash) {
        return { ok: false, events: checked, brokenAt: event.sequence, reason: 'the event before it was changed or removed', event: found };
      }
      const expected = hashAuditContent({
        previousHash: event.previousHash,
        occurredAt: event.occurredAt.toISOString(),
        actorId: event.actorId,
        actorLabel: event.actorLabel,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        before: event.before,
        after: event.after,
      });
      if (expected !== event.hash) {
        return { ok: false, events: checked, brokenAt: event.sequence, reason: 'its content does not match its hash (edited)', event: found };
      }
      previousHash = event.hash;
      checked += 1;
      cursor = event.sequence;
    }
  }
}
