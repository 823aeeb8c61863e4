// `pnpm jobs:run-once`: the scheduled job once, then one drain of the outbox, and exit.
// For cron-style operation where no long-running API process does this work. With the
// embedded PGlite database, run it only while the API is stopped: PGlite's folder admits
// one process at a time.
import { openConfiguredDatabase } from '../cli/open.ts';
import { loadConfig } from '../config.ts';
import { createMailTransport } from '../notifications/mail.ts';
import { createOutboxWorker } from '../notifications/worker.ts';
import { createLogger } from '../shared/logger.ts';
import { scheduleSettingsOf } from './background.ts';
import { runScheduledJobs } from './scheduler.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await openConfiguredDatabase(config);
const transport = createMailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
let exitCode = 0;
try {
  const scheduled = await runScheduledJobs({ prisma: db.prisma, logger, settings: scheduleSettingsOf(config) });
  logger.info(scheduled, 'scheduled job ran');
  const delivered = await createOutboxWorker({ prisma: db.prisma, logger, transport }).drainOnce();
  logger.info(delivered, 'outbox drained');
  // Failed deliveries are the receivers' problem and are logged; failed items are ours.
  if (scheduled.errors > 0) exitCode = 1;
} catch (error) {
  logger.error({ err: error }, 'jobs:run-once failed');
  exitCode = 1;
} finally {
  transport.close();
  await db.close();
}
process.exit(exitCode);
