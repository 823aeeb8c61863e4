// The background work of a running API process: the outbox delivery worker and the
// scheduled job. Every replica may run both: claims and reminders are safe to race.
import type { AppConfig } from '../config.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createMailTransport } from '../notifications/mail.ts';
import { startOutboxWorker } from '../notifications/worker.ts';
import type { Logger } from '../shared/logger.ts';
import { startScheduler, type ScheduleSettings } from './scheduler.ts';

export interface BackgroundJobs {
  /** Stops polling, waits for work in flight, closes the mail transport. */
  stop(): Promise<void>;
}

export function scheduleSettingsOf(config: AppConfig): ScheduleSettings {
  return {
    actionReminderDays: config.actionReminderDays,
    interimReportReminderDays: config.interimReportReminderDays,
    reAccreditationNoticeMonths: config.reAccreditationNoticeMonths,
  };
}

export function startBackgroundJobs(options: { prisma: PrismaClient; logger: Logger; config: AppConfig }): BackgroundJobs {
  const { prisma, config } = options;
  const logger = options.logger.child({ component: 'jobs' });
  const transport = createMailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
  const worker = startOutboxWorker({ prisma, logger, transport, pollMs: config.outboxPollMs });
  const scheduler = startScheduler({ prisma, logger, intervalMs: config.schedulerIntervalMs, settings: scheduleSettingsOf(config) });
  logger.info(
    { mail: transport.kind, outboxPollMs: config.outboxPollMs, schedulerIntervalMs: config.schedulerIntervalMs },
    'background jobs started',
  );
  return {
    async stop() {
      await Promise.all([worker.stop(), scheduler.stop()]);
      transport.close();
    },
  };
}
