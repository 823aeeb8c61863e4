// `pnpm start`, the main job: migrate, seed when empty, start the API, build the site
// against it (skipped when neither the data nor the site changed), serve the site.
// Ctrl-C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { loadConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { isEmpty, seedDatabase } from './db/seed.ts';
import { openConfiguredDatabase } from './cli/open.ts';
import { scheduleSettingsOf, startBackgroundJobs } from './jobs/background.ts';
import { runScheduledJobs } from './jobs/scheduler.ts';
import { startApiServer } from './server.ts';
import { buildSiteIfChanged, rebuildSiteBesideLive, siteServerEntry, siteDir } from './site-build.ts';
import { todayInKazakhstan } from './shared/dates.ts';
import { createLogger, type Logger } from './shared/logger.ts';

/**
 * Runs `rebuild` a few seconds after the last change, one rebuild at a time: publications
 * that arrive during a rebuild are picked up by one more rebuild after it.
 */
function rebuildOnPublication(rebuild: () => Promise<void>, logger: Logger, quietMs = 3000): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild().catch((error: unknown) => logger.error({ err: error }, 'rebuilding the site failed; the previous build is still served'));
    await running;
    running = undefined;
    if (again) {
      again = false;
      await run();
    }
  };
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), quietMs);
  };
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Resolves once something accepts connections on host:port; the addresses are printed only then. */
async function waitForPort(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the site server did not listen on ${host}:${port} within ${timeoutMs / 1000} s`);
}

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openConfiguredDatabase(config);
  logger.info({ database: db.kind, location: db.location }, 'database opened');
  await migrate(db, (message) => logger.info(message));
  if (await isEmpty(db.prisma)) {
    logger.info(await seedDatabase(db.prisma), 'seeded an empty database');
  }
  // Today's reminders and notices first, so that the site is built on today's data and the
  // next run finds nothing changed (and skips the build).
  await runScheduledJobs({ prisma: db.prisma, logger, settings: scheduleSettingsOf(config) });

  // Set once the site is served: a publication then rebuilds it (see rebuildOnPublication).
  let registerChanged = () => {};
  const api = await startApiServer({
    db,
    logger,
    host: config.apiHost,
    port: config.apiPort,
    onRegisterChanged: () => registerChanged(),
  });
  logger.info({ url: api.graphqlUrl }, 'API listening');
  // Outbox delivery and the scheduled job (reminders, re-accreditation notices).
  const jobs = startBackgroundJobs({ prisma: db.prisma, logger, config });

  let siteServer: ChildProcess | undefined;
  let stopping = false;
  let restarting = false;
  const stopSiteServer = async () => {
    if (siteServer && siteServer.exitCode === null) {
      const exited = new Promise((resolve) => siteServer?.once('exit', resolve));
      siteServer.kill('SIGTERM');
      await exited;
    }
  };
  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await stopSiteServer();
    await jobs.stop();
    await api.close();
    await db.close();
    process.exit(exitCode);
  };
  // `on`, not `once`: a second Ctrl-C while stopping must not kill the process before the
  // embedded database is closed (stop() ignores repeats).
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  // Absolute links in the sitemap, feeds and open data point at where this run serves the site.
  process.env.KZA_SITE_URL ??= `http://${config.apiHost}:${config.sitePort}`;
  const siteEnv = { ...process.env, KZA_API_URL: api.graphqlUrl };
  const startSiteServer = async () => {
    siteServer = spawn(process.execPath, [siteServerEntry], {
      cwd: siteDir,
      env: { ...siteEnv, HOST: config.apiHost, PORT: String(config.sitePort) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    siteServer.once('exit', (code) => {
      if (!stopping && !restarting) {
        logger.error({ code }, 'the site server stopped');
        void stop(1);
      }
    });
    await waitForPort(config.apiHost, config.sitePort, 30_000);
  };

  try {
    await buildSiteIfChanged(db.prisma, api.graphqlUrl, logger);
    if (!(await portIsFree(config.apiHost, config.sitePort))) {
      throw new Error(`${config.apiHost}:${config.sitePort} is already in use; stop what listens there or set SITE_PORT`);
    }
    await startSiteServer();
  } catch (error) {
    logger.error({ err: error }, 'could not build or serve the site');
    await stop(1);
    return;
  }
  registerChanged = rebuildOnPublication(async () => {
    logger.info('the register changed (a publication, or a new day): rebuilding the site');
    await rebuildSiteBesideLive(db.prisma, api.graphqlUrl, async (replace) => {
      restarting = true;
      try {
        await stopSiteServer();
        replace();
        await startSiteServer();
      } finally {
        restarting = false;
      }
    });
    logger.info('the site is rebuilt');
  }, logger);

  // Statuses depend on the day (an accreditation lapses, a certificate runs out): the first
  // minute of a new day in Kazakhstan rebuilds the site, as a publication does.
  let builtOn = todayInKazakhstan();
  setInterval(() => {
    const today = todayInKazakhstan();
    if (today === builtOn) return;
    builtOn = today;
    registerChanged();
  }, 60_000).unref();

  const siteUrl = `http://${config.apiHost}:${config.sitePort}/`;
  process.stdout.write(
    `\n  Public register:  ${siteUrl}\n  GraphQL API:      ${api.graphqlUrl}\n  Database:         ${db.kind} (${db.location})\n\n  Press Ctrl-C to stop.\n\n`,
  );
}

await main();
