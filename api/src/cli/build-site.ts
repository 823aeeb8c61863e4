// `pnpm build` (site part): builds the site from the configured database, through the API
// started on a free port for the duration of the build.
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { isEmpty, seedDatabase } from '../db/seed.ts';
import { startApiServer } from '../server.ts';
import { buildSite } from '../site-build.ts';
import { createLogger } from '../shared/logger.ts';
import { openConfiguredDatabase } from './open.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await openConfiguredDatabase(config);
try {
  await migrate(db, (message) => logger.info(message));
  if (await isEmpty(db.prisma)) logger.info(await seedDatabase(db.prisma), 'seeded an empty database');
  const api = await startApiServer({ db, logger, host: '127.0.0.1', port: 0 });
  try {
    await buildSite(api.graphqlUrl);
  } finally {
    await api.close();
  }
} finally {
  await db.close();
}
// The WebAssembly schema engine leaves a timer behind that would keep the process alive for
// seconds after the work is done: a one-shot command ends here.
process.exit(process.exitCode ?? 0);
