// `pnpm --filter @kza/api serve`: the API alone (migrates first; seeds an empty database).
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { isEmpty, seedDatabase } from '../db/seed.ts';
import { startBackgroundJobs } from '../jobs/background.ts';
import { startApiServer } from '../server.ts';
import { createLogger } from '../shared/logger.ts';
import { openConfiguredDatabase } from './open.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await openConfiguredDatabase(config);
await migrate(db, (message) => logger.info(message));
if (await isEmpty(db.prisma)) logger.info(await seedDatabase(db.prisma), 'seeded an empty database');
const api = await startApiServer({ db, logger, host: config.apiHost, port: config.apiPort });
logger.info({ url: api.graphqlUrl, database: db.kind }, 'API listening');
const jobs = startBackgroundJobs({ prisma: db.prisma, logger, config });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await jobs.stop();
    await api.close();
    await db.close();
    process.exit(0);
  });
}
