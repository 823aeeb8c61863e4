// For tests of the audit trail: a few events appended as mutations append them.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { appendAuditEvent, systemActor } from './trail.ts';

/** Appends `count` events, one transaction each, as mutations do; returns their sequences. */
export async function appendSampleEvents(prisma: PrismaClient, count: number, start = new Date('2025-03-01T05:00:00Z')): Promise<bigint[]> {
  for (let i = 0; i < count; i += 1) {
    await prisma.$transaction((tx) =>
      appendAuditEvent(
        tx,
        {
          actor: i % 2 ? systemActor : { id: `user-${i}`, label: `Coordinator ${i}` },
          action: 'case.step',
          subjectType: 'AccreditationCase',
          subjectId: `case-${i % 3}`,
          before: i === 0 ? undefined : { stage: `STAGE_${i - 1}`, at: new Date(start.getTime() + (i - 1) * 60_000) },
          after: { stage: `STAGE_${i}`, votes: [i, i + 1], note: 'Қазақша, русский' },
        },
        new Date(start.getTime() + i * 60_000),
      ),
    );
  }
  const rows = await prisma.auditEvent.findMany({ orderBy: { sequence: 'asc' }, select: { sequence: true } });
  return rows.map((row) => row.sequence);
}
