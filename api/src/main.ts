// `pnpm start`, the main job: migrate, seed when empty, start the API, build the site
// against it (skipped when neither the data nor the site changed), serve the site.
// Ctrl-C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadConfig, repositoryRoot } from './config.ts';
import { migrate } from './db/migrate.ts';
import { isEmpty, seedDatabase } from './db/seed.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { openConfiguredDatabase } from './cli/open.ts';
import { startApiServer } from './server.ts';
import { todayInKazakhstan } from './shared/dates.ts';
import { createLogger } from './shared/logger.ts';

const siteDir = join(repositoryRoot, 'site');
const buildStampPath = join(siteDir, 'dist', 'kza-build.json');
const siteServerEntry = join(siteDir, 'dist', 'server', 'entry.mjs');

/** Everything the built pages depend on; a rebuild is needed when it changes. */
async function siteFingerprint(prisma: PrismaClient, graphqlUrl: string): Promise<string> {
  const files: string[] = [];
  const record = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) record(join(path, name));
    else files.push(`${path}:${stat.size}:${stat.mtimeMs}`);
  };
  record(join(siteDir, 'src'));
  for (const name of readdirSync(siteDir)) {
    if (/^(astro\.config\.|package\.json$)/.test(name)) record(join(siteDir, name));
  }
  const data = await Promise.all([
    prisma.region.count(),
    prisma.organization.aggregate({ _count: true, _max: { updatedAt: true } }),
    prisma.decision.aggregate({ _count: true, _max: { createdAt: true, publishedAt: true } }),
    prisma.report.aggregate({ _count: true, _max: { createdAt: true, publishedAt: true } }),
    prisma.standardFramework.aggregate({ _count: true, _max: { createdAt: true } }),
    prisma.criterion.count(),
    prisma.accreditationCase.aggregate({ _count: true, _max: { updatedAt: true } }),
  ]);
  // Statuses depend on the day, and the site links to the API's address.
  return createHash('sha256')
    .update(JSON.stringify({ files, data, today: todayInKazakhstan(), graphqlUrl }))
    .digest('hex');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
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
    const fingerprint = await siteFingerprint(db.prisma, api.graphqlUrl);
    const previous = existsSync(buildStampPath) ? (JSON.parse(readFileSync(buildStampPath, 'utf8')) as { fingerprint?: string }) : {};
    if (previous.fingerprint === fingerprint && existsSync(siteServerEntry) && process.env.KZA_REBUILD !== '1') {
      logger.info('site is up to date: neither data nor site changed since the last build');
    } else {
      logger.info('building the site against the API');
      const require = createRequire(join(siteDir, 'package.json'));
      const astroPackage = require.resolve('astro/package.json');
      const { bin } = JSON.parse(readFileSync(astroPackage, 'utf8')) as { bin: { astro: string } };
      const astroCli = join(dirname(astroPackage), bin.astro);
      await run(process.execPath, [astroCli, 'build'], siteEnv, siteDir);
      writeFileSync(buildStampPath, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
    }

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
