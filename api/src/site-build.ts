// Builds the static site against a running API, skipping the build when neither the
// register data nor the site's source changed since the last one.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './config.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { todayInKazakhstan } from './shared/dates.ts';
import type { Logger } from './shared/logger.ts';

export const siteDir = join(repositoryRoot, 'site');
const distDir = join(siteDir, 'dist');
const buildStampPath = join(distDir, 'kza-build.json');
export const siteServerEntry = join(siteDir, 'dist', 'server', 'entry.mjs');

/** Everything the built pages depend on; a rebuild is needed when it changes. */
export async function siteFingerprint(prisma: PrismaClient, graphqlUrl: string): Promise<string> {
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
    // The public register of experts (/experts/): who is certified, until when, and any change
    // to a record (a suspension, a renewal, a corrected name) moves updatedAt.
    prisma.expert.aggregate({ _count: true, _max: { updatedAt: true } }),
    prisma.expert.findMany({ where: { status: 'CERTIFIED' }, select: { id: true, certificateValidUntil: true }, orderBy: { id: 'asc' } }),
    // Seminars and guidance (/support/): a re-seed re-dates the demonstration events.
    prisma.supportEvent.aggregate({ _count: true, _max: { updatedAt: true } }),
    prisma.methodologicalMaterial.aggregate({ _count: true, _max: { updatedAt: true } }),
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

/** The site's build: `astro build`, then its search index (site/scripts/build.ts; Node runs it as it is). */
export const siteBuildScript = join(siteDir, 'scripts', 'build.ts');

/** Builds the site with KZA_API_URL pointing at the API (into site/dist unless told otherwise). */
export async function buildSite(graphqlUrl: string, outDir?: string): Promise<void> {
  const args = [siteBuildScript, ...(outDir ? ['--outDir', outDir] : [])];
  await run(process.execPath, args, { ...process.env, KZA_API_URL: graphqlUrl }, siteDir);
}

/**
 * Rebuilds the site into a staging folder while the old one keeps being served, then
 * calls `swap` to move it into place (the caller restarts the site server around it).
 */
export async function rebuildSiteBesideLive(
  prisma: PrismaClient,
  graphqlUrl: string,
  swap: (replace: () => void) => Promise<void>,
): Promise<void> {
  const staging = join(siteDir, 'dist-next');
  const retired = join(siteDir, 'dist-previous');
  rmSync(staging, { recursive: true, force: true });
  await buildSite(graphqlUrl, staging);
  const fingerprint = await siteFingerprint(prisma, graphqlUrl);
  await swap(() => {
    rmSync(retired, { recursive: true, force: true });
    if (existsSync(distDir)) renameSync(distDir, retired);
    renameSync(staging, distDir);
    writeFileSync(buildStampPath, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
  });
  rmSync(retired, { recursive: true, force: true });
}

export async function buildSiteIfChanged(prisma: PrismaClient, graphqlUrl: string, logger: Logger): Promise<void> {
  const fingerprint = await siteFingerprint(prisma, graphqlUrl);
  const previous = existsSync(buildStampPath) ? (JSON.parse(readFileSync(buildStampPath, 'utf8')) as { fingerprint?: string }) : {};
  if (previous.fingerprint === fingerprint && existsSync(siteServerEntry) && process.env.KZA_REBUILD !== '1') {
    logger.info('site is up to date: neither data nor site changed since the last build');
    return;
  }
  logger.info('building the site against the API');
  await buildSite(graphqlUrl);
  writeFileSync(buildStampPath, JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}
