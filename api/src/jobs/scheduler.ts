// The scheduled job of the post-accreditation stage (design brief, procedure stage 5):
//  (a) a reminder before each development-plan action is due;
//  (b) a reminder that the interim self-assessment report is due 3 years after the decision;
//  (c) the re-accreditation notice: a set time before the accreditation expires, the case
//      moves from POST_ACCREDITATION to RE_ACCREDITATION_DUE.
// Idempotent: each run raises only what no earlier run raised, so running it hourly, from
// cron, or on several replicas at once sends every reminder once. Each item is its own
// transaction, with its notifications written to the outbox in it.
import { appendAuditEvent, systemActor } from '../audit/trail.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { DecisionOutcome, Role } from '../generated/prisma/enums.ts';
import { notifyUsers } from '../notifications/outbox.ts';
import { effectiveDecisions } from '../organizations/accreditation-status.ts';
import { fromIsoDate, todayInKazakhstan, toIsoDate } from '../shared/dates.ts';
import type { Logger } from '../shared/logger.ts';
import { addDays, addMonths, addYears } from './calendar.ts';

export interface ScheduleSettings {
  /** Days before an action's due date that its reminder is sent. */
  actionReminderDays: number;
  /** Days before the interim report is due that its reminder is sent. */
  interimReportReminderDays: number;
  /** Months before validUntil that the case becomes RE_ACCREDITATION_DUE. */
  reAccreditationNoticeMonths: number;
}

export const defaultScheduleSettings: ScheduleSettings = {
  actionReminderDays: 14,
  interimReportReminderDays: 60,
  reAccreditationNoticeMonths: 12,
};

/** The programme: an interim self-assessment report 3 years after the decision. */
export const INTERIM_REPORT_AFTER_YEARS = 3;

export const notificationKinds = {
  actionDue: 'development-action.due',
  interimReportDue: 'interim-report.due',
  reAccreditationDue: 'case.re-accreditation-due',
} as const;

export interface ScheduledJobsResult {
  today: string;
  actionReminders: number;
  interimReportReminders: number;
  reAccreditationNotices: number;
  /** Items that failed; they are tried again on the next run. */
  errors: number;
}

export interface ScheduledJobsOptions {
  prisma: PrismaClient;
  logger: Logger;
  settings?: ScheduleSettings;
  /** The moment of the run; tests pin it. */
  now?: Date;
}

/**
 * Active users holding `role` (of one organization, when given). Raw SQL because the PGlite
 * adapter cannot bind the enum-array parameter of `roles: { has }`.
 */
async function activeUserIds(tx: Prisma.TransactionClient, role: Role, organizationId?: string): Promise<string[]> {
  const ofOrganization = organizationId ? Prisma.sql`AND "organization_id" = ${organizationId}` : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "app_user" WHERE "is_active" AND ${role}::role = ANY("roles") ${ofOrganization} ORDER BY "id"`;
  return rows.map((row) => row.id);
}

/** The accredited decision a post-accreditation case rests on: its latest effective published decision, if it accredits. */
function accreditingDecision(
  decisions: readonly {
    id: string;
    caseId: string;
    outcome: DecisionOutcome;
    decisionDate: Date;
    validUntil: Date | null;
    publishedAt: Date | null;
    supersedesId: string | null;
  }[],
) {
  const [latest] = effectiveDecisions(
    decisions.map((decision) => ({
      ...decision,
      decisionDate: toIsoDate(decision.decisionDate),
      validUntil: decision.validUntil ? toIsoDate(decision.validUntil) : null,
    })),
  );
  return latest?.outcome === 'ACCREDITED' ? latest : null;
}

function trilingual(kk: string, ru: string, en: string): string {
  return `${kk}\n\n${ru}\n\n${en}`;
}

export async function runScheduledJobs(options: ScheduledJobsOptions): Promise<ScheduledJobsResult> {
  const { prisma, logger } = options;
  const settings = options.settings ?? defaultScheduleSettings;
  const now = options.now ?? new Date();
  const today = todayInKazakhstan(now);
  const result: ScheduledJobsResult = { today, actionReminders: 0, interimReportReminders: 0, reAccreditationNotices: 0, errors: 0 };

  /** Runs one item in its own transaction; a failure is logged and left for the next run. */
  async function step(label: string, subjectId: string, work: (tx: Prisma.TransactionClient) => Promise<boolean>): Promise<boolean> {
    try {
      return await prisma.$transaction(work, { timeout: 30_000, maxWait: 10_000 });
    } catch (error) {
      result.errors += 1;
      logger.error({ err: error, job: label, subjectId }, 'scheduled job: item failed; it will be tried again on the next run');
      return false;
    }
  }

  // (a) Development-plan actions due within the lead time (or overdue) and not yet reminded.
  const actions = await prisma.developmentAction.findMany({
    where: { remindedAt: null, status: { not: 'DONE' }, dueOn: { lte: fromIsoDate(addDays(today, settings.actionReminderDays)) } },
    select: { id: true, action: true, dueOn: true, caseId: true, case: { select: { number: true, organizationId: true } } },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
  });
  for (const action of actions) {
    const sent = await step('action-reminder', action.id, async (tx) => {
      // Raw SQL so that updatedAt keeps meaning "the plan was updated"; the condition makes
      // the reminder once-only even when two schedulers race.
      const marked = await tx.$executeRaw`
        UPDATE "development_action" SET "reminded_at" = ${now.toISOString()}::timestamptz
        WHERE "id" = ${action.id} AND "reminded_at" IS NULL`;
      if (marked === 0) return false;
      const dueOn = toIsoDate(action.dueOn);
      const number = action.case.number;
      await notifyUsers(tx, {
        userIds: await activeUserIds(tx, 'ORGANIZATION_REPRESENTATIVE', action.case.organizationId),
        kind: notificationKinds.actionDue,
        caseId: action.caseId,
        subject: `${number}: development plan action due on ${dueOn}`,
        body: trilingual(
          `Даму жоспарындағы «${action.action}» іс-шарасының мерзімі: ${dueOn} (іс ${number}). Орындалу барысын жаңартыңыз.`,
          `Срок мероприятия плана развития «${action.action}»: ${dueOn} (дело ${number}). Обновите ход его выполнения.`,
          `The development plan action "${action.action}" is due on ${dueOn} (case ${number}). Please update its progress.`,
        ),
      });
      return true;
    });
    if (sent) result.actionReminders += 1;
  }

  const cases = await prisma.accreditationCase.findMany({
    where: { stage: { in: ['POST_ACCREDITATION', 'RE_ACCREDITATION_DUE'] } },
    select: {
      id: true,
      number: true,
      stage: true,
      version: true,
      organizationId: true,
      decisions: {
        where: { publishedAt: { not: null } },
        select: { id: true, caseId: true, outcome: true, decisionDate: true, validUntil: true, publishedAt: true, supersedesId: true },
      },
      reports: { where: { kind: 'INTERIM', status: { not: 'DRAFT' } }, select: { id: true }, take: 1 },
    },
    orderBy: { number: 'asc' },
  });

  for (const accreditationCase of cases) {
    const decision = accreditingDecision(accreditationCase.decisions);
    if (!decision) continue;
    const { number } = accreditationCase;

    // (b) The interim self-assessment report, once per case, unless it was already submitted
    // or the accreditation has run out anyway.
    const interimDue = addYears(decision.decisionDate, INTERIM_REPORT_AFTER_YEARS);
    const stillValid = decision.validUntil !== null && decision.validUntil >= today;
    if (
      accreditationCase.reports.length === 0 &&
      stillValid &&
      today >= addDays(interimDue, -settings.interimReportReminderDays)
    ) {
      const sent = await step('interim-report-reminder', accreditationCase.id, async (tx) => {
        // Serialises concurrent schedulers on this case: the check below and the reminder are one step.
        await tx.$queryRaw`SELECT "id" FROM "accreditation_case" WHERE "id" = ${accreditationCase.id} FOR UPDATE`;
        const done = await tx.notification.findFirst({
          where: { caseId: accreditationCase.id, kind: notificationKinds.interimReportDue },
          select: { id: true },
        });
        const representatives = await activeUserIds(tx, 'ORGANIZATION_REPRESENTATIVE', accreditationCase.organizationId);
        // With nobody to tell yet, nothing is recorded: a representative added later still gets it.
        if (done || representatives.length === 0) return false;
        await notifyUsers(tx, {
          userIds: representatives,
          kind: notificationKinds.interimReportDue,
          caseId: accreditationCase.id,
          subject: `${number}: interim self-assessment report due by ${interimDue}`,
          body: trilingual(
            `Аралық өзін-өзі бағалау есебін ${interimDue} дейін тапсыру қажет (іс ${number}, аккредиттеу туралы шешім ${decision.decisionDate}).`,
            `Промежуточный отчёт о самооценке необходимо представить до ${interimDue} (дело ${number}, решение об аккредитации от ${decision.decisionDate}).`,
            `The interim self-assessment report is due by ${interimDue} (case ${number}, accreditation decision of ${decision.decisionDate}).`,
          ),
        });
        return true;
      });
      if (sent) result.interimReportReminders += 1;
    }

    // (c) The re-accreditation notice: the stage change is the record that it was given.
    if (
      accreditationCase.stage === 'POST_ACCREDITATION' &&
      decision.validUntil !== null &&
      today >= addMonths(decision.validUntil, -settings.reAccreditationNoticeMonths)
    ) {
      const validUntil = decision.validUntil;
      const moved = await step('re-accreditation-notice', accreditationCase.id, async (tx) => {
        const changed = await tx.accreditationCase.updateMany({
          where: { id: accreditationCase.id, stage: 'POST_ACCREDITATION', version: accreditationCase.version },
          data: { stage: 'RE_ACCREDITATION_DUE', version: { increment: 1 } },
        });
        // Someone changed the case since it was read: the next run looks at it afresh.
        if (changed.count === 0) return false;
        await appendAuditEvent(
          tx,
          {
            actor: systemActor,
            action: 'case.re-accreditation-due',
            subjectType: 'AccreditationCase',
            subjectId: accreditationCase.id,
            before: { stage: 'POST_ACCREDITATION', version: accreditationCase.version },
            after: {
              stage: 'RE_ACCREDITATION_DUE',
              version: accreditationCase.version + 1,
              decisionId: decision.id,
              validUntil,
              noticeMonths: settings.reAccreditationNoticeMonths,
            },
          },
          now,
        );
        await notifyUsers(tx, {
          userIds: [
            ...(await activeUserIds(tx, 'ORGANIZATION_REPRESENTATIVE', accreditationCase.organizationId)),
            ...(await activeUserIds(tx, 'COORDINATOR')),
          ],
          kind: notificationKinds.reAccreditationDue,
          caseId: accreditationCase.id,
          subject: `${number}: re-accreditation due, accreditation valid until ${validUntil}`,
          body: trilingual(
            `Аккредиттеудің қолданылу мерзімі ${validUntil} аяқталады (іс ${number}). Қайта аккредиттеуге өтінім беру уақыты келді.`,
            `Срок действия аккредитации истекает ${validUntil} (дело ${number}). Пора подать заявку на повторную аккредитацию.`,
            `The accreditation expires on ${validUntil} (case ${number}). It is time to apply for re-accreditation.`,
          ),
        });
        return true;
      });
      if (moved) result.reAccreditationNotices += 1;
    }
  }

  return result;
}

export interface SchedulerOptions extends Omit<ScheduledJobsOptions, 'now'> {
  /** Pause between runs; the first run starts at once. */
  intervalMs: number;
  now?: () => Date;
}

export interface Scheduler {
  runOnce(): Promise<ScheduledJobsResult>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Runs the scheduled job now and then every intervalMs until stopped; runs never overlap. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { intervalMs, logger } = options;
  const now = options.now ?? (() => new Date());
  const runOnce = () => runScheduledJobs({ ...options, now: now() });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();

  const tick = () => {
    inFlight = runOnce()
      .then((result) => {
        const raised = result.actionReminders + result.interimReportReminders + result.reAccreditationNotices;
        if (raised > 0 || result.errors > 0) logger.info(result, 'scheduled job ran');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'scheduled job failed; trying again at the next run'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
