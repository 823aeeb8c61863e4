// `pnpm start`, the main job: migrate, seed when empty, start the API, build the site
// against it (skipped when neither the data nor the site changed), serve the site.
// Ctrl-C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { loadConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { isEmpty, seedDatabase } from './db/seed.ts';
import { openConfiguredDatabase } from './cli/open.ts';
import { startApiServer } from './server.ts';
import { buildSiteIfChanged, siteServerEntry, siteDir } from './site-build.ts';
import { createLogger } from './shared/logger.ts';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openConfiguredDatabase(config);
  logger.info({ database: db.kind, location: db.location }, 'database opened');
  await migrate(db, (message) => logger.info(message));
  if (await isEmpty(db.prisma)) {
    logger.info(await seedDatabase(db.prisma), 'seeded an empty database');
  }

  const api = await startApiServer({ db, logger, host: config.apiHost, port: config.apiPort });
  logger.info({ url: api.graphqlUrl }, 'API listening');

  let siteServer: ChildProcess | undefined;
  let stopping = false;
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    if (siteServer && siteServer.exitCode === null) {
      const exited = new Promise((resolve) => siteServer?.once('exit', resolve));
      siteServer.kill('SIGTERM');
      await exited;
    }
    await api.close();
    await db.close();
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  const siteEnv = { ...process.env, KZA_API_URL: api.graphqlUrl };
  try {
    await buildSiteIfChanged(db.prisma, api.graphqlUrl, logger);

    siteServer = spawn(process.execPath, [siteServerEntry], {
      cwd: siteDir,
      env: { ...siteEnv, HOST: config.apiHost, PORT: String(config.sitePort) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    siteServer.once('exit', (code) => {
      if (!stopping) {
        logger.error({ code }, 'the site server stopped');
        void stop(1);
      }
    });
  } catch (error) {
    logger.error({ err: error }, 'could not build or serve the site');
    await stop(1);
    return;
  }

  const siteUrl = `http://${config.apiHost}:${config.sitePort}/`;
  process.stdout.write(
    `\n  Public register:  ${siteUrl}\n  GraphQL API:      ${api.graphqlUrl}\n  Database:         ${db.kind} (${db.location})\n\n  Press Ctrl-C to stop.\n\n`,
  );
}

await main();
