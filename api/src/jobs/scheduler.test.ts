// The scheduled job on a pinned date, on real databases: each reminder once, the
// re-accreditation notice moving the stage once, even when two runs race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Role } from '../generated/prisma/enums.ts';
import type { OutgoingMail } from '../notifications/mail.ts';
import { createOutboxWorker } from '../notifications/worker.ts';
import { fromIsoDate } from '../shared/dates.ts';
import { createLogger } from '../shared/logger.ts';
import { testBin } from '../testing/fixtures.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/index.ts';
import { addDays, addMonths, addYears } from './calendar.ts';
import { notificationKinds, runScheduledJobs, startScheduler } from './scheduler.ts';

const kinds = await testDatabaseKinds();
const logger = createLogger('silent');
/** 01:00 on 3 December 2026 in Kazakhstan, still 2 December in UTC: the job must count Kazakhstan's days. */
const PINNED = new Date('2026-12-02T20:00:00.000Z');

describe('calendar arithmetic', () => {
  it('adds days, months and years, keeping to the end of shorter months', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2027-06-30', -12)).toBe('2026-06-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
  });
});

interface World {
  users: Record<'repX' | 'repXInactive' | 'repY' | 'repZ' | 'coordinator' | 'coordinatorInactive' | 'admin', string>;
  cases: Record<'interim' | 'expiring' | 'corrected', string>;
  actions: Record<'soon' | 'later' | 'done', string>;
}

let sequence = 0;

async function createOrganization(prisma: PrismaClient, regionId: string, name: string): Promise<string> {
  sequence += 1;
  const organization = await prisma.organization.create({
    data: { bin: testBin(500 + sequence), nameKk: name, nameRu: name, kind: 'SCHOOL', level: 'SECONDARY', languages: ['KK'], regionId, city: 'Astana' },
  });
  return organization.id;
}

async function createUser(prisma: PrismaClient, roles: Role[], organizationId: string | null = null, isActive = true): Promise<string> {
  sequence += 1;
  const user = await prisma.user.create({
    data: { email: `scheduler${sequence}@test.kza.kz`, displayName: `User ${sequence}`, passwordHash: 'unused', roles, organizationId, isActive },
  });
  return user.id;
}

async function createAccreditedCase(
  prisma: PrismaClient,
  input: { organizationId: string; frameworkId: string; number: string; decisions: { number: string; decisionDate: string; validUntil: string; supersedes?: string }[] },
): Promise<{ caseId: string; decisionIds: Map<string, string> }> {
  const accreditationCase = await prisma.accreditationCase.create({
    data: { number: input.number, organizationId: input.organizationId, frameworkId: input.frameworkId, stage: 'POST_ACCREDITATION', submittedAt: new Date('2020-01-01T00:00:00Z') },
  });
  const decisionIds = new Map<string, string>();
  for (const decision of input.decisions) {
    const row = await prisma.decision.create({
      data: {
        number: decision.number,
        caseId: accreditationCase.id,
        organizationId: input.organizationId,
        outcome: 'ACCREDITED',
        decisionDate: fromIsoDate(decision.decisionDate),
        validFrom: fromIsoDate(decision.decisionDate),
        validUntil: fromIsoDate(decision.validUntil),
        publishedAt: new Date(`${decision.decisionDate}T10:00:00Z`),
        supersedesId: decision.supersedes ? decisionIds.get(decision.supersedes) : null,
      },
    });
    decisionIds.set(decision.number, row.id);
  }
  return { caseId: accreditationCase.id, decisionIds };
}

async function createAction(prisma: PrismaClient, caseId: string, decisionId: string, dueOn: string, status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' = 'PLANNED') {
  const row = await prisma.developmentAction.create({
    data: { caseId, decisionId, recommendation: 'Strengthen the mentoring of new teachers', action: `Mentoring programme (${dueOn})`, dueOn: fromIsoDate(dueOn), status },
  });
  return row.id;
}

async function buildWorld(prisma: PrismaClient): Promise<World & { regionId: string; frameworkId: string }> {
  const region = await prisma.region.create({ data: { code: '71', kind: 'CITY', nameKk: 'Астана', nameRu: 'Астана', nameEn: 'Astana', centre: 'Astana' } });
  const framework = await prisma.standardFramework.create({ data: { version: 1, status: 'ACTIVE', titleKk: 'Стандарттар', titleRu: 'Стандарты' } });
  const orgX = await createOrganization(prisma, region.id, 'School X');
  const orgY = await createOrganization(prisma, region.id, 'School Y');
  const orgZ = await createOrganization(prisma, region.id, 'School Z');

  const users = {
    repX: await createUser(prisma, ['ORGANIZATION_REPRESENTATIVE'], orgX),
    repXInactive: await createUser(prisma, ['ORGANIZATION_REPRESENTATIVE'], orgX, false),
    repY: await createUser(prisma, ['ORGANIZATION_REPRESENTATIVE'], orgY),
    repZ: await createUser(prisma, ['ORGANIZATION_REPRESENTATIVE'], orgZ),
    coordinator: await createUser(prisma, ['COORDINATOR', 'EXPERT']),
    coordinatorInactive: await createUser(prisma, ['COORDINATOR'], null, false),
    admin: await createUser(prisma, ['ADMIN']),
  };

  // Interim report due 2027-01-20: its reminder window (60 days) is open; expiry is far.
  const interim = await createAccreditedCase(prisma, {
    organizationId: orgX,
    frameworkId: framework.id,
    number: 'AC-S-1',
    decisions: [{ number: 'S-1', decisionDate: '2024-01-20', validUntil: '2029-01-19' }],
  });
  // Expires 2027-06-30: within 12 months, so re-accreditation is due. Its interim report is in.
  const expiring = await createAccreditedCase(prisma, {
    organizationId: orgY,
    frameworkId: framework.id,
    number: 'AC-S-2',
    decisions: [{ number: 'S-2', decisionDate: '2022-07-01', validUntil: '2027-06-30' }],
  });
  await prisma.report.create({
    data: { caseId: expiring.caseId, organizationId: orgY, kind: 'INTERIM', language: 'RU', title: 'Промежуточный отчёт', status: 'SUBMITTED' },
  });
  // The first decision would expire within 12 months, but a correction extended it.
  const corrected = await createAccreditedCase(prisma, {
    organizationId: orgZ,
    frameworkId: framework.id,
    number: 'AC-S-3',
    decisions: [
      { number: 'S-3a', decisionDate: '2024-03-01', validUntil: '2026-12-31' },
      { number: 'S-3b', decisionDate: '2024-03-01', validUntil: '2029-02-28', supersedes: 'S-3a' },
    ],
  });

  const decision = interim.decisionIds.get('S-1') ?? '';
  const actions = {
    // 14 days ahead of 3 December (Kazakhstan), but 15 ahead of 2 December (UTC).
    soon: await createAction(prisma, interim.caseId, decision, '2026-12-17'),
    later: await createAction(prisma, interim.caseId, decision, '2026-12-18', 'IN_PROGRESS'),
    done: await createAction(prisma, interim.caseId, decision, '2026-11-01', 'DONE'),
  };
  return {
    regionId: region.id,
    frameworkId: framework.id,
    users,
    cases: { interim: interim.caseId, expiring: expiring.caseId, corrected: corrected.caseId },
    actions,
  };
}

describe.each(kinds)('the scheduled job on %s', (kind) => {
  let db: TestDatabase;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    world = await buildWorld(db.prisma);
  });
  afterAll(() => db?.destroy());

  async function notificationsOf(userId: string) {
    return db.prisma.notification.findMany({ where: { userId }, orderBy: { kind: 'asc' }, select: { kind: true, caseId: true, subject: true } });
  }

  it('raises each reminder and the re-accreditation notice once, on the pinned day', async () => {
    const soonBefore = await db.prisma.developmentAction.findUniqueOrThrow({ where: { id: world.actions.soon } });
    const first = await runScheduledJobs({ prisma: db.prisma, logger, now: PINNED });
    expect(first).toEqual({ today: '2026-12-03', actionReminders: 1, interimReportReminders: 1, reAccreditationNotices: 1, errors: 0 });

    const soon = await db.prisma.developmentAction.findUniqueOrThrow({ where: { id: world.actions.soon } });
    expect(soon.remindedAt).toEqual(PINNED);
    expect(soon.updatedAt).toEqual(soonBefore.updatedAt);
    const untouched = await db.prisma.developmentAction.findMany({ where: { id: { in: [world.actions.later, world.actions.done] } } });
    expect(untouched.map((action) => action.remindedAt)).toEqual([null, null]);

    const expiring = await db.prisma.accreditationCase.findUniqueOrThrow({ where: { id: world.cases.expiring } });
    expect(expiring).toMatchObject({ stage: 'RE_ACCREDITATION_DUE', version: 2 });
    const others = await db.prisma.accreditationCase.findMany({ where: { id: { in: [world.cases.interim, world.cases.corrected] } } });
    expect(others.map((c) => [c.stage, c.version])).toEqual([
      ['POST_ACCREDITATION', 1],
      ['POST_ACCREDITATION', 1],
    ]);
    const audit = await db.prisma.auditEvent.findMany({ where: { subjectType: 'AccreditationCase' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'case.re-accreditation-due', actorId: null, actorLabel: 'system', subjectId: world.cases.expiring, occurredAt: PINNED });
    expect(audit[0]?.after).toMatchObject({ stage: 'RE_ACCREDITATION_DUE', version: 2, validUntil: '2027-06-30' });

    expect(await notificationsOf(world.users.repX)).toEqual([
      { kind: notificationKinds.actionDue, caseId: world.cases.interim, subject: 'AC-S-1: development plan action due on 2026-12-17' },
      { kind: notificationKinds.interimReportDue, caseId: world.cases.interim, subject: 'AC-S-1: interim self-assessment report due by 2027-01-20' },
    ]);
    const notice = { kind: notificationKinds.reAccreditationDue, caseId: world.cases.expiring, subject: 'AC-S-2: re-accreditation due, accreditation valid until 2027-06-30' };
    expect(await notificationsOf(world.users.repY)).toEqual([notice]);
    expect(await notificationsOf(world.users.coordinator)).toEqual([notice]);
    for (const nobody of [world.users.repXInactive, world.users.repZ, world.users.coordinatorInactive, world.users.admin]) {
      expect(await notificationsOf(nobody)).toEqual([]);
    }
    // Every notification has its e-mail in the outbox, written in the same transaction.
    const outbox = await db.prisma.outboxMessage.findMany({ where: { channel: 'EMAIL' } });
    expect(outbox).toHaveLength(4);
    expect(outbox.every((message) => message.status === 'PENDING' && message.idempotencyKey.startsWith('notification:'))).toBe(true);
    // ... which the worker delivers (queued at the database's clock, so drained at the real one).
    const sent: string[] = [];
    const transport = { kind: 'log' as const, send: async (mail: OutgoingMail) => void sent.push(mail.to), close() {} };
    expect(await createOutboxWorker({ prisma: db.prisma, logger, transport }).drainOnce()).toMatchObject({ claimed: 4, delivered: 4 });
    expect(sent).toHaveLength(4);

    const again = await runScheduledJobs({ prisma: db.prisma, logger, now: new Date(PINNED.getTime() + 3600_000) });
    expect(again).toEqual({ today: '2026-12-03', actionReminders: 0, interimReportReminders: 0, reAccreditationNotices: 0, errors: 0 });
    expect(await db.prisma.notification.count()).toBe(4);
    expect(await db.prisma.auditEvent.count({ where: { subjectType: 'AccreditationCase' } })).toBe(1);
  });

  it('reminds of the next action when its lead time begins, and of nothing else', async () => {
    const next = await runScheduledJobs({ prisma: db.prisma, logger, now: new Date('2026-12-04T05:00:00Z') });
    expect(next).toEqual({ today: '2026-12-04', actionReminders: 1, interimReportReminders: 0, reAccreditationNotices: 0, errors: 0 });
    expect((await db.prisma.developmentAction.findUniqueOrThrow({ where: { id: world.actions.later } })).remindedAt).not.toBeNull();
    expect((await db.prisma.developmentAction.findUniqueOrThrow({ where: { id: world.actions.done } })).remindedAt).toBeNull();
  });

  it('raises each reminder once when two runs race', async () => {
    const orgW = await createOrganization(db.prisma, world.regionId, 'School W');
    const repW = await createUser(db.prisma, ['ORGANIZATION_REPRESENTATIVE'], orgW);
    // Interim report due 2026-12-15 and expiry on 2027-11-30: both due on the pinned day.
    const raced = await createAccreditedCase(db.prisma, {
      organizationId: orgW,
      frameworkId: world.frameworkId,
      number: 'AC-S-4',
      decisions: [{ number: 'S-4', decisionDate: '2023-12-15', validUntil: '2027-11-30' }],
    });
    await createAction(db.prisma, raced.caseId, raced.decisionIds.get('S-4') ?? '', '2026-12-10');

    const results = await Promise.all([0, 1, 2].map(() => runScheduledJobs({ prisma: db.prisma, logger, now: new Date('2026-12-05T05:00:00Z') })));
    const total = (key: 'actionReminders' | 'interimReportReminders' | 'reAccreditationNotices') =>
      results.reduce((sum, result) => sum + result[key], 0);
    expect([total('actionReminders'), total('interimReportReminders'), total('reAccreditationNotices')]).toEqual([1, 1, 1]);
    expect(results.every((result) => result.errors === 0)).toBe(true);
    expect((await notificationsOf(repW)).map((n) => n.kind)).toEqual([
      notificationKinds.reAccreditationDue,
      notificationKinds.actionDue,
      notificationKinds.interimReportDue,
    ].sort());
    expect(await db.prisma.accreditationCase.findUniqueOrThrow({ where: { id: raced.caseId } })).toMatchObject({ stage: 'RE_ACCREDITATION_DUE', version: 2 });
  });

  it('runs on a timer from startScheduler and stops cleanly', async () => {
    const action = await createAction(db.prisma, world.cases.interim, (await db.prisma.decision.findFirstOrThrow({ where: { number: 'S-1' } })).id, '2026-12-20');
    const scheduler = startScheduler({ prisma: db.prisma, logger, intervalMs: 3600_000, now: () => new Date('2026-12-06T05:00:00Z') });
    await expect.poll(async () => (await db.prisma.developmentAction.findUniqueOrThrow({ where: { id: action } })).remindedAt, { timeout: 10_000 }).not.toBeNull();
    await scheduler.stop();
    expect(await scheduler.runOnce()).toMatchObject({ actionReminders: 0, interimReportReminders: 0, reAccreditationNotices: 0 });
  });
});
