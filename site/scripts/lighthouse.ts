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
import type { ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestApi } from '@kza/api/testing';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM, CHROMIUM_ARGS, buildSite, serveSite, siteDir } from './harness.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MIN_PERFORMANCE = 95;
const MIN_ACCESSIBILITY = 100;
const RUNS = Math.max(1, Number(process.env['KZA_LIGHTHOUSE_RUNS'] ?? 3) || 3);

const outDir = join(siteDir, '.test-dist', `lighthouse-${process.pid}`);

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
  const built = await buildSite(outDir, { KZA_API_URL: api.graphqlUrl });
  if (built.code !== 0) throw new Error(`astro build failed (${built.code}):\n${built.output}`);
  const served = await serveSite(outDir, { KZA_API_URL: api.graphqlUrl });
  server = served.server;

  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
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
