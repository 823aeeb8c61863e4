// The hash chain of the audit trail: intact after a series of events, and each kind of
// tampering found at the right event, on PGlite and on PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/index.ts';
import { appendSampleEvents } from './testing.ts';
import { GENESIS_HASH, hashAuditContent, verifyAuditChain } from './trail.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('the audit chain on %s', (kind) => {
  let db: TestDatabase;
  let sequences: bigint[];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.destroy());
  // Each test starts from a fresh trail of six events (sequences go on from the last test's).
  beforeEach(async () => {
    await db.prisma.$executeRawUnsafe('DELETE FROM audit_event');
    sequences = await appendSampleEvents(db.prisma, 6);
  });

  const at = (index: number) => sequences[index] ?? -1n;

  it('verifies after a series of events, each linked to the one before', async () => {
    const events = await db.prisma.auditEvent.findMany({ orderBy: { sequence: 'asc' } });
    expect(events).toHaveLength(6);
    expect(events[0]?.previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i += 1) expect(events[i]?.previousHash).toBe(events[i - 1]?.hash);
    expect(await verifyAuditChain(db.prisma)).toEqual({ ok: true, events: 6, lastHash: events[5]?.hash });
    // Small batches walk the same chain.
    expect(await verifyAuditChain(db.prisma, 2)).toEqual({ ok: true, events: 6, lastHash: events[5]?.hash });
  });

  it('finds a row whose `after` was edited in SQL, at that row', async () => {
    await db.prisma.$executeRawUnsafe(`UPDATE audit_event SET after = '{"stage": "FORGED"}'::jsonb WHERE sequence = ${at(3)}`);
    expect(await verifyAuditChain(db.prisma)).toEqual({
      ok: false,
      events: 3,
      brokenAt: at(3),
      reason: expect.stringMatching(/does not match its hash/),
      event: { action: 'case.step', subjectType: 'AccreditationCase', subjectId: 'case-0' },
    });
  });

  it('finds a deleted middle row, at the row after it', async () => {
    await db.prisma.$executeRawUnsafe(`DELETE FROM audit_event WHERE sequence = ${at(2)}`);
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: false, events: 2, brokenAt: at(3), reason: expect.stringMatching(/before it was changed or removed/) });
  });

  it('finds a deleted first row, at the new first row', async () => {
    await db.prisma.$executeRawUnsafe(`DELETE FROM audit_event WHERE sequence = ${at(0)}`);
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: false, events: 0, brokenAt: at(1) });
  });

  it('finds an edited row whose hash was recomputed to match, at the row after it', async () => {
    const target = await db.prisma.auditEvent.findUniqueOrThrow({ where: { sequence: at(2) } });
    const forgedAfter = { stage: 'FORGED' };
    const forgedHash = hashAuditContent({
      previousHash: target.previousHash,
      occurredAt: target.occurredAt.toISOString(),
      actorId: target.actorId,
      actorLabel: target.actorLabel,
      action: target.action,
      subjectType: target.subjectType,
      subjectId: target.subjectId,
      before: target.before,
      after: forgedAfter,
    });
    await db.prisma.$executeRawUnsafe(
      `UPDATE audit_event SET after = '${JSON.stringify(forgedAfter)}'::jsonb, hash = '${forgedHash}' WHERE sequence = ${at(2)}`,
    );
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: false, events: 3, brokenAt: at(3), reason: expect.stringMatching(/before it was changed or removed/) });
  });

  it('finds an edited actor or time, at that row', async () => {
    await db.prisma.$executeRawUnsafe(`UPDATE audit_event SET occurred_at = occurred_at + interval '1 second' WHERE sequence = ${at(4)}`);
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: false, events: 4, brokenAt: at(4) });
  });

  it('cannot see the newest events removed without an anchor kept elsewhere (a documented limit)', async () => {
    const last = await db.prisma.auditEvent.findUniqueOrThrow({ where: { sequence: at(5) } });
    await db.prisma.$executeRawUnsafe(`DELETE FROM audit_event WHERE sequence = ${at(5)}`);
    const result = await verifyAuditChain(db.prisma);
    expect(result).toMatchObject({ ok: true, events: 5 });
    // The kept hash is what tells: it is no longer in the trail.
    expect(await db.prisma.auditEvent.findUnique({ where: { hash: last.hash } })).toBeNull();
  });
});
