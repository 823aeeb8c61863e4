// Lighthouse quality check of the built site (`pnpm site:lighthouse`): starts the real API over a
// seeded in-memory database, builds the site against it into .test-dist/, serves the build with
// its own server (dist/server/entry.mjs), and runs Lighthouse in Debian's Chromium on the home
// page, the register and an accredited organization's page. Prints a table of the scores and
// exits with 1 when performance is under 95 or accessibility under 100 on any of them.
//
// Lighthouse's default MOBILE configuration is used on purpose: a mid-range phone on a slow 4G
// connection (simulated throttling, 4x CPU slowdown) is the harder case, and many parents read
// the register on a phone. Each page is measured RUNS times (KZA_LIGHTHOUSE_RUNS, default 3) and
// the median run is reported (Lighthouse's own computeMedianRun), because a shared 2-core machine
// makes single runs noisy.
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApi } from '@kza/api/testing';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MIN_PERFORMANCE = 95;
const MIN_ACCESSIBILITY = 100;
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Math.max(1, Number(process.env['KZA_LIGHTHOUSE_RUNS'] ?? 3) || 3);
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const siteDir = fileURLToPath(new URL('..', import.meta.url));
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const outDir = join(siteDir, '.test-dist', `lighthouse-${process.pid}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** This process's environment for a child, with the given variables. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...extra };
}

function build(apiUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      cwd: siteDir,
      env: childEnv({ KZA_API_URL: apiUrl }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed (${code}):\n${log}`))));
  });
}

async function serve(apiUrl: string): Promise<{ server: ChildProcess; url: string }> {
  const port = await freePort();
  const server = spawn(process.execPath, [join(outDir, 'server', 'entry.mjs')], {
    cwd: siteDir,
    env: childEnv({ HOST: '127.0.0.1', PORT: String(port), KZA_API_URL: apiUrl }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The site server exited (${server.exitCode})`);
    try {
      await fetch(`${url}/`);
      return { server, url };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`The site server did not answer at ${url} within 20 s`);
}

/** The fields of an audit result printed here (Lighthouse's own audit type does not resolve outside its package). */
interface AuditSummary {
  id: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
}

type Scores = Record<(typeof CATEGORIES)[number], number>;

const api = await startTestApi();
let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  const result = await api.query<{ organizations: { edges: { node: { bin: string } }[] } }>(
    `{ organizations(first: 1, filter: { status: ACCREDITED }) { edges { node { bin } } } }`,
  );
  const bin = result.data?.organizations.edges[0]?.node.bin;
  if (!bin) throw new Error('The seeded register has no accredited organization');

  console.log('Building the site against the seeded API…');
  await build(api.graphqlUrl);
  const served = await serve(api.graphqlUrl);
  server = served.server;

  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  const pages = ['/en/', '/ru/register/', `/en/organizations/${bin}/`];
  const rows: { path: string; scores: Scores }[] = [];
  let version = '';
  for (const path of pages) {
    const runs: Result[] = [];
    for (let attempt = 0; attempt < RUNS; attempt += 1) {
      const run = await lighthouse(`${served.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!run) throw new Error(`Lighthouse returned no result for ${path}`);
      if (run.lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}: ${run.lhr.runtimeError.message}`);
      runs.push(run.lhr);
    }
    const lhr = computeMedianRun(runs);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])) as Scores;
    rows.push({ path, scores });
    version = lhr.lighthouseVersion;
    // What cost points, so that a low score says where to look.
    const failing = Object.values(lhr.audits as Record<string, AuditSummary>).filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative');
    for (const audit of failing) console.log(`  ${path}: ${audit.id} (${Math.round((audit.score ?? 0) * 100)}) ${audit.displayValue ?? ''}`);
  }

  const header = ['page', ...CATEGORIES];
  const widths = header.map((name, index) => Math.max(name.length, ...rows.map((row) => (index === 0 ? row.path : String(row.scores[CATEGORIES[index - 1]!])).length)));
  const line = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  console.log(`\nLighthouse ${version} scores, median of ${RUNS} runs (mobile configuration: simulated slow 4G, 4x CPU slowdown), Chromium ${CHROMIUM}`);
  console.log(line(header));
  for (const row of rows) console.log(line([row.path, ...CATEGORIES.map((id) => String(row.scores[id]))]));

  const failed = rows.filter((row) => row.scores.performance < MIN_PERFORMANCE || row.scores.accessibility < MIN_ACCESSIBILITY);
  if (failed.length > 0) {
    console.error(`\nBelow the bar (performance ≥ ${MIN_PERFORMANCE}, accessibility ≥ ${MIN_ACCESSIBILITY}): ${failed.map((row) => row.path).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log(`\nAll pages meet performance ≥ ${MIN_PERFORMANCE} and accessibility ≥ ${MIN_ACCESSIBILITY}.`);
  }
} finally {
  chrome?.kill();
  server?.kill('SIGTERM');
  await api.stop();
  await rm(outDir, { recursive: true, force: true });
}
