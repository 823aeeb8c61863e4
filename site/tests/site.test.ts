// The site as a visitor meets it: a real seeded API, a real `astro build` against it, the
// built server (`node dist/server/entry.mjs`) and Debian's Chromium with JavaScript off.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApi, type TestApi } from '@kza/api/testing';
import { parse as parseCsv } from 'csv-parse/sync';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const siteDir = fileURLToPath(new URL('..', import.meta.url));
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const outDir = join(siteDir, '.test-dist', `run-${process.pid}-${Date.now()}`);
/** Small register pages so that the seeded organizations fill several of them. */
const PAGE_SIZE = 10;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ACCREDITED_LABEL = { kk: 'Аккредиттелген', ru: 'Аккредитована', en: 'Accredited' } as const;

let api: TestApi;
let server: ChildProcess | undefined;
let siteUrl = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
const timings: Record<string, number> = {};

interface RunResult {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: siteDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The environment of a child process: this one's, without KZA_API_URL unless given. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  delete env['KZA_API_URL'];
  return { ...env, ...extra };
}

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

async function waitForServer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The site server exited (${child.exitCode}):\n${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`The site server did not answer at ${url} within 20 s:\n${log()}`);
}

async function gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.query<T>(query, variables);
  if (result.errors?.length || !result.data) throw new Error(`API error: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A BIN with a valid check digit (weights 1..11 mod 11, then 3..11,1,2), to look up one the register lacks. */
function validBin(first11: string): string {
  const digits = [...first11].map(Number);
  const weighted = (weights: number[]) => digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  if (check === 10) throw new Error(`${first11}: no valid check digit`);
  return `${first11}${check}`;
}

async function open(path: string): Promise<number> {
  const response = await page.goto(`${siteUrl}${path}`);
  if (!response) throw new Error(`No response for ${path}`);
  return response.status();
}

/** The address of the next page of a paginated list, or null on the last page. */
async function nextPage(): Promise<string | null> {
  const next = page.locator('.pagination a[rel="next"]');
  return (await next.count()) === 0 ? null : next.getAttribute('href');
}

async function rowBins(): Promise<string[]> {
  return page.locator('table.register-table tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-bin') ?? ''));
}

beforeAll(async () => {
  let started = Date.now();
  api = await startTestApi();
  timings['api'] = Date.now() - started;

  started = Date.now();
  const build = await run(process.execPath, [astroBin, 'build', '--outDir', outDir], childEnv({
    KZA_API_URL: api.graphqlUrl,
    KZA_REGISTER_PAGE_SIZE: String(PAGE_SIZE),
  }));
  timings['build'] = Date.now() - started;
  if (build.code !== 0) throw new Error(`astro build failed (${build.code}):\n${build.output}`);

  started = Date.now();
  const port = await freePort();
  let serverLog = '';
  server = spawn(process.execPath, [join(outDir, 'server', 'entry.mjs')], {
    cwd: siteDir,
    env: childEnv({ HOST: '127.0.0.1', PORT: String(port), KZA_API_URL: api.graphqlUrl }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  siteUrl = `http://127.0.0.1:${port}`;
  await waitForServer(`${siteUrl}/`, server, () => serverLog);
  timings['server'] = Date.now() - started;

  started = Date.now();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // Every page is read with JavaScript off: nothing on the site may need it.
  context = await browser.newContext({ javaScriptEnabled: false });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
  timings['browser'] = Date.now() - started;
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  await api?.stop();
  await rm(outDir, { recursive: true, force: true });
  console.log(`site test timings (ms): ${JSON.stringify(timings)}`);
});

describe('the built register site', () => {
  it('builds static pages and an on-demand server entry', async () => {
    const home = await readFile(join(outDir, 'client', 'ru', 'index.html'), 'utf8');
    expect(home).toContain('<html lang="ru"');
    const entry = await readFile(join(outDir, 'server', 'entry.mjs'), 'utf8');
    expect(entry.length).toBeGreaterThan(0);
  });

  it('shows an accredited organization with its status in Kazakh, Russian and English', async () => {
    const data = await gql<{ organizations: { edges: { node: { bin: string; accreditedUntil: string } }[] } }>(
      `{ organizations(first: 1, filter: { status: ACCREDITED }) { edges { node { bin accreditedUntil } } } }`,
    );
    const org = data.organizations.edges[0]?.node;
    expect(org, 'the seed has an accredited organization').toBeDefined();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/organizations/${org!.bin}/`)).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expect(page.locator('h1').count()).resolves.toBe(1);
      await expect(page.locator('.status-panel .badge__label').innerText()).resolves.toBe(ACCREDITED_LABEL[lang]);
      await expect(page.locator('.status-panel').innerText()).resolves.toContain(org!.accreditedUntil.slice(0, 4));
      await expect(page.locator('main').innerText()).resolves.toContain(org!.bin);
      // A link to the live status.
      expect(await page.locator(`a[href^="/verify/${org!.bin}"]`).count()).toBeGreaterThan(0);
    }
  });

  it('lists every organization of the register across its pages', async () => {
    const data = await gql<{ organizations: { totalCount: number; edges: { node: { bin: string } }[] } }>(
      `{ organizations(first: 100) { totalCount edges { node { bin } } } }`,
    );
    expect(data.organizations.totalCount).toBeGreaterThan(PAGE_SIZE);
    const seen: string[] = [];
    let path: string | null = '/ru/register/';
    let pages = 0;
    while (path) {
      expect(await open(path)).toBe(200);
      seen.push(...(await rowBins()));
      pages += 1;
      path = await nextPage();
      if (pages > 50) throw new Error('pagination does not end');
    }
    expect(pages).toBe(Math.ceil(data.organizations.totalCount / PAGE_SIZE));
    expect(seen).toHaveLength(data.organizations.totalCount);
    expect(new Set(seen)).toEqual(new Set(data.organizations.edges.map((edge) => edge.node.bin)));
  });

  it('filters by status without JavaScript, on pre-built pages', async () => {
    const data = await gql<{ organizations: { totalCount: number } }>(
      `{ organizations(first: 1, filter: { status: ACCREDITED }) { totalCount } }`,
    );
    expect(await open('/en/register/')).toBe(200);
    await page.locator('.filters a[href="/en/register/status/accredited/"]').click();
    expect(new URL(page.url()).pathname).toBe('/en/register/status/accredited/');
    const bins: string[] = [];
    for (;;) {
      bins.push(...(await rowBins()));
      const next = await nextPage();
      if (!next) break;
      await open(next);
    }
    expect(bins).toHaveLength(data.organizations.totalCount);
  });

  it('lists only the organizations of a region on its page', async () => {
    const data = await gql<{ regions: { code: string; organizationCount: number }[] }>(`{ regions { code organizationCount } }`);
    const region = [...data.regions].sort((a, b) => b.organizationCount - a.organizationCount)[0]!;
    expect(region.organizationCount).toBeGreaterThan(0);
    const inRegion = await gql<{ organizations: { edges: { node: { bin: string } }[] } }>(
      `query ($code: String!) { organizations(first: 100, filter: { regionCode: $code }) { edges { node { bin } } } }`,
      { code: region.code },
    );
    expect(await open(`/kk/regions/${region.code}/`)).toBe(200);
    const bins = await rowBins();
    expect(bins.sort()).toEqual(inRegion.organizations.edges.map((edge) => edge.node.bin).sort());
    // The regions index links to it.
    expect(await open('/kk/regions/')).toBe(200);
    expect(await page.locator(`main a[href="/kk/regions/${region.code}/"]`).count()).toBe(1);
  });

  it('lists a certified demonstration expert on the experts page in Kazakh, Russian and English', async () => {
    const data = await gql<{ certifiedExperts: { nodes: { certificateNumber: string; name: Record<'kk' | 'ru' | 'en', string> }[] } }>(
      `{ certifiedExperts(first: 1, filter: { level: SECONDARY }) { nodes { certificateNumber name { kk ru en } } } }`,
    );
    const expert = data.certifiedExperts.nodes[0]!;
    expect(expert.certificateNumber).toMatch(/^DEMO-/);
    const labels = { kk: { nav: 'Сарапшылар', demo: 'Демо' }, ru: { nav: 'Эксперты', demo: 'Демо' }, en: { nav: 'Experts', demo: 'Demo' } } as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      // Walk the pages of the register (and of its level filter) until the expert's row.
      for (const start of [`/${lang}/experts/`, `/${lang}/experts/level/secondary/`]) {
        let path: string | null = start;
        let found = false;
        while (path && !found) {
          expect(await open(path), path).toBe(200);
          found = (await page.locator(`tr[data-certificate="${expert.certificateNumber}"]`).count()) === 1;
          if (!found) path = await nextPage();
        }
        expect(found, `${start} lists ${expert.certificateNumber}`).toBe(true);
        const row = page.locator(`tr[data-certificate="${expert.certificateNumber}"]`);
        await expect(row.locator('th').innerText()).resolves.toBe(expert.name[lang]);
        await expect(row.locator('.tag').innerText()).resolves.toBe(labels[lang].demo);
        await expect(page.locator('.main-nav a[aria-current="page"]').innerText()).resolves.toBe(labels[lang].nav);
        await expect(page.locator('main').innerText()).resolves.toContain('DEMO-');
      }
    }
  });

  it('switches language and stays on the same page', async () => {
    expect(await open('/ru/register/2/')).toBe(200);
    const link = page.locator('nav.lang-switcher a[hreflang="en"]');
    await link.click();
    expect(new URL(page.url()).pathname).toBe('/en/register/2/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('nav.lang-switcher a[hreflang="kk"]').click();
    expect(new URL(page.url()).pathname).toBe('/kk/register/2/');
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
  });

  it('checks the live status on /verify/<BIN>, with the time of the check', async () => {
    const data = await gql<{ organizations: { edges: { node: { bin: string } }[] } }>(
      `{ organizations(first: 1, filter: { status: ACCREDITED }) { edges { node { bin } } } }`,
    );
    const bin = data.organizations.edges[0]!.node.bin;
    const before = Date.now();
    expect(await open(`/verify/${bin}?lang=ru`)).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await expect(page.locator('.status-panel .badge__label').innerText()).resolves.toBe(ACCREDITED_LABEL.ru);
    const checked = page.locator('.checked-at time');
    await expect(checked.innerText()).resolves.toMatch(/Проверено|\d{2}:\d{2}:\d{2}/);
    await expect(page.locator('.checked-at').innerText()).resolves.toContain('Проверено');
    const at = Date.parse((await checked.getAttribute('datetime')) ?? '');
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await checked.getAttribute('datetime')).toMatch(/\+05:00$/);
    // Default language: Kazakh.
    expect(await open(`/verify/${bin}`)).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
  });

  it('answers 400 with a clear message for an invalid BIN, and 404 for an unknown one', async () => {
    expect(await open('/verify/12345?lang=en')).toBe(400);
    await expect(page.locator('h1').innerText()).resolves.toBe('This BIN is not valid');
    await expect(page.locator('main').innerText()).resolves.toContain('“12345” is not a valid BIN');

    const unknown = validBin('12345678901');
    expect(await open(`/verify/${unknown}?lang=en`)).toBe(404);
    await expect(page.locator('main').innerText()).resolves.toContain(`The register has no organization with BIN ${unknown}`);
  });

  it('serves pages that need no JavaScript and have the landmarks a visitor relies on', async () => {
    const data = await gql<{ reports: { edges: { node: { id: string; sections: { position: number }[] } }[] } }>(
      `{ reports(first: 1) { edges { node { id sections { position } } } } }`,
    );
    const reportSlug = data.reports.edges[0]!.node.id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const paths = ['/', '/kk/', '/ru/register/', '/en/standards/', '/ru/regions/', '/en/experts/', `/en/reports/${reportSlug}/`, '/verify?lang=en'];
    for (const path of paths) {
      expect(await open(path), path).toBe(200);
      expect(await page.locator('script').count(), `${path} has no script`).toBe(0);
      expect(await page.locator('h1').count(), `${path} has one h1`).toBe(1);
      expect(await page.locator('main').count(), `${path} has a main`).toBe(1);
      expect(await page.locator('a.skip-link[href="#main"]').count(), `${path} has a skip link`).toBe(1);
      expect(await page.locator('html').getAttribute('lang'), `${path} has a language`).toMatch(/^(kk|ru|en)$/);
      expect(await page.locator('h1').isVisible(), `${path} shows its heading`).toBe(true);
      expect(await page.locator('header').count(), `${path} has a header`).toBeGreaterThan(0);
      expect(await page.locator('nav').count(), `${path} has navigation`).toBeGreaterThan(0);
      expect(await page.locator('footer time[datetime]').count(), `${path} says when it was made`).toBeGreaterThan(0);
    }
    // A report: one section per standard, and a print layout without the navigation.
    await open(`/en/reports/${reportSlug}/`);
    expect(await page.locator('.report-section').count()).toBe(data.reports.edges[0]!.node.sections.length);
    expect(await page.locator('.main-nav').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.main-nav').isVisible()).toBe(false);
    expect(await page.locator('.report').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    // The home page explains the demonstration data; the standards page flags a sample framework.
    await open('/en/');
    await expect(page.locator('main').innerText()).resolves.toContain('demonstration records');
    await expect(page.locator('main').innerText()).resolves.toContain('placeholder BIN');
    const framework = await gql<{ standardFramework: { isSample: boolean } | null }>(`{ standardFramework { isSample } }`);
    await open('/en/standards/');
    if (framework.standardFramework?.isSample) {
      await expect(page.locator('main').innerText()).resolves.toContain('sample framework');
    }
  });

  it('says so when a text is not translated, and marks the language of the text shown', async () => {
    const data = await gql<{
      decisions: {
        edges: { node: { number: string; organization: { bin: string }; summary: { in: { language: string; isFallback: boolean } | null } } }[];
      };
    }>(`{ decisions(first: 100, filter: { includeSuperseded: true }) { edges { node { number organization { bin } summary { in(language: EN) { language isFallback } } } } } }`);
    const untranslated = data.decisions.edges.map((edge) => edge.node).find((decision) => decision.summary.in?.isFallback);
    if (!untranslated) return; // the seed translates everything: nothing to show
    const shownIn = untranslated.summary.in!.language.toLowerCase();
    expect(await open(`/en/organizations/${untranslated.organization.bin}/`)).toBe(200);
    const decision = page.locator(`li.decision:has(h3:has-text("${untranslated.number}"))`);
    await expect(decision.locator('.fallback-note').innerText()).resolves.toMatch(/^Translation not available; shown in (Kazakh|Russian)\.$/);
    expect(await decision.locator(`[lang="${shownIn}"]`).count()).toBeGreaterThan(0);
  });

  it('lists the newest published decision on the latest-decisions page, linked to its organization', async () => {
    const data = await gql<{ decisions: { edges: { node: { number: string; organization: { bin: string } } }[] } }>(
      `{ decisions(first: 1, filter: { includeSuperseded: true }) { edges { node { number organization { bin } } } } }`,
    );
    const newest = data.decisions.edges[0]?.node;
    expect(newest, 'the seed has a published decision').toBeDefined();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/decisions/`)).toBe(200);
      const row = page.locator(`table.decisions-table tr[data-decision="${newest!.number}"]`);
      await expect(row.count()).resolves.toBe(1);
      expect(await row.locator(`a[href="/${lang}/organizations/${newest!.organization.bin}/"]`).count()).toBe(1);
      // The menu links to the page and marks it as the current one.
      await expect(page.locator(`.main-nav a[href="/${lang}/decisions/"]`).getAttribute('aria-current')).resolves.toBe('page');
    }
  });

  it('explains the procedure in its five stages in Kazakh, Russian and English', async () => {
    const stages = {
      kk: ['Дайындық', 'Өзін-өзі бағалау', 'Алдын ала бағалау', 'Сыртқы бағалау', 'Аккредиттеуден кейін'],
      ru: ['Подготовка', 'Самооценка', 'Предварительная оценка', 'Внешняя оценка', 'После аккредитации'],
      en: ['Preparation', 'Self-assessment', 'Preliminary assessment', 'External assessment', 'Post-accreditation'],
    } as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/procedure/`)).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expect(page.locator('ol.stages > li h3').allInnerTexts()).resolves.toEqual([...stages[lang]]);
      await expect(page.locator('main').innerText()).resolves.toMatch(/5/);
      expect(await page.locator(`.main-nav a[href="/${lang}/procedure/"]`).count()).toBe(1);
    }
  });

  it('draws each statistics dataset as an SVG chart at build time, with a data table that adds up', async () => {
    const data = await gql<{ registerStatistics: { totalOrganizations: number } }>(`{ registerStatistics { totalOrganizations } }`);
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/statistics/`)).toBe(200);
      for (const id of ['chart-status', 'chart-region', 'chart-year']) {
        const svg = page.locator(`svg[aria-labelledby^="${id}-title"]`);
        await expect(svg.count(), id).resolves.toBe(1);
        await expect(svg.getAttribute('role')).resolves.toBe('img');
        await expect(page.locator(`#${id}-title`).textContent()).resolves.not.toBe('');
        await expect(page.locator(`#${id}-desc`).textContent()).resolves.not.toBe('');
        expect(await svg.locator('rect').count(), id).toBeGreaterThan(0);
      }
      for (const id of ['table-status', 'table-region', 'table-year']) {
        await expect(page.locator(`table#${id} caption`).count(), id).resolves.toBe(1);
        expect(await page.locator(`table#${id} th[scope="col"]`).count(), id).toBeGreaterThan(1);
      }
      await expect(page.locator('table#table-status [data-total]').innerText()).resolves.toBe(String(data.registerStatistics.totalOrganizations));
      const cells = await page.locator('table#table-status tbody td').allInnerTexts();
      expect(cells.reduce((sum, cell) => sum + Number(cell), 0)).toBe(data.registerStatistics.totalOrganizations);
    }
    // Rendered at build time: the built HTML already holds the charts, and no script is shipped.
    const html = await readFile(join(outDir, 'client', 'en', 'statistics', 'index.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
  });

  it('passes the axe accessibility checks for WCAG 2.2 AA', async () => {
    // axe runs inside the page, so this one context has JavaScript on; the site itself ships none.
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const axeContext = await browser.newContext({ javaScriptEnabled: true });
    try {
      const axePage = await axeContext.newPage();
      const org = await gql<{ organizations: { edges: { node: { bin: string } }[] } }>(
        `{ organizations(first: 1, filter: { status: ACCREDITED }) { edges { node { bin } } } }`,
      );
      const bin = org.organizations.edges[0]!.node.bin;
      const paths = ['/', '/kk/', '/ru/register/', `/en/organizations/${bin}/`, '/ru/standards/', '/kk/regions/', '/kk/experts/', '/en/open-data/', '/ru/decisions/', '/kk/procedure/', '/en/statistics/', '/ru/statistics/', '/en/standards/1/', '/kk/standards/2/', '/ru/standards/2/changes/', '/en/standards/2/changes/', `/verify/${bin}?lang=en`, '/verify/123?lang=ru'];
      for (const path of paths) {
        await axePage.goto(`${siteUrl}${path}`);
        await axePage.addScriptTag({ content: axeSource });
        const violations = await axePage.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
        });
        expect(violations, path).toEqual([]);
      }
    } finally {
      await axeContext.close();
    }
  });

  it('publishes the register and the decisions as CSV and JSON that agree with the API', async () => {
    // Every organization's BIN, from the API, page by page.
    const apiBins: string[] = [];
    let after: string | null = null;
    let totalCount: number;
    for (;;) {
      const data: { organizations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { bin: string } }[] } } =
        await gql(`query ($after: String) { organizations(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { bin } } } }`, { after });
      totalCount = data.organizations.totalCount;
      apiBins.push(...data.organizations.edges.map((edge) => edge.node.bin));
      if (!data.organizations.pageInfo.hasNextPage) break;
      after = data.organizations.pageInfo.endCursor;
    }
    const decisions = await gql<{ decisions: { totalCount: number } }>(`{ decisions(first: 1, filter: { includeSuperseded: true }) { totalCount } }`);

    const fetchText = async (path: string) => {
      const response = await fetch(`${siteUrl}${path}`);
      expect(response.status, path).toBe(200);
      return new Uint8Array(await response.arrayBuffer());
    };
    const expected = {
      organizations: ['bin', 'bin_is_placeholder', 'name_kk', 'name_ru', 'name_en', 'kind', 'level', 'programme_type', 'languages', 'region_code', 'city', 'accreditation_status', 'status_as_of', 'accredited_until', 'url_kk', 'url_ru', 'url_en', 'is_demo'],
      decisions: ['number', 'organization_bin', 'outcome', 'decision_date', 'valid_from', 'valid_until', 'published_at', 'supersedes', 'superseded_by', 'is_demo'],
    };
    for (const name of ['organizations', 'decisions'] as const) {
      const csvBytes = await fetchText(`/open-data/${name}.csv`);
      expect([...csvBytes.slice(0, 3)], `${name}.csv starts with a UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
      const csvText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes);
      expect(csvText).toContain('\r\n');
      const csvRows = parseCsv(csvText, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
      expect(Object.keys(csvRows[0] ?? {}), `${name}.csv header`).toEqual(expected[name]);

      const json = JSON.parse(new TextDecoder().decode(await fetchText(`/open-data/${name}.json`))) as {
        licence: { name: string };
        generatedAt: string;
        columns: Record<string, string>;
        data: Record<string, unknown>[];
      };
      expect(json.licence.name).toBe('CC BY 4.0');
      expect(Number.isNaN(Date.parse(json.generatedAt))).toBe(false);
      expect(Object.keys(json.columns)).toEqual(expected[name]);
      for (const row of json.data) expect(Object.keys(row)).toEqual(expected[name]);
      expect(json.data.length).toBe(csvRows.length);

      if (name === 'organizations') {
        expect(csvRows.length).toBe(totalCount);
        expect(new Set(csvRows.map((row) => row['bin']))).toEqual(new Set(apiBins));
        expect(new Set(json.data.map((row) => row['bin']))).toEqual(new Set(apiBins));
        expect(csvRows[0]!['url_ru']).toMatch(new RegExp(`/ru/organizations/${csvRows[0]!['bin']}/$`));
        expect(['true', 'false']).toContain(csvRows[0]!['is_demo']);
      } else {
        expect(csvRows.length).toBe(decisions.decisions.totalCount);
        expect(new Set(csvRows.map((row) => row['organization_bin'])).isSubsetOf(new Set(apiBins))).toBe(true);
      }
    }
    const reports = JSON.parse(new TextDecoder().decode(await fetchText('/open-data/reports.json'))) as { data: Record<string, unknown>[] };
    const apiReports = await gql<{ reports: { totalCount: number } }>(`{ reports(first: 1) { totalCount } }`);
    expect(reports.data.length).toBe(apiReports.reports.totalCount);

    // The page documents every column, in each language.
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/open-data/`)).toBe(200);
      const text = await page.locator('main').innerText();
      for (const column of [...expected.organizations, ...expected.decisions]) expect(text).toContain(column);
      expect(text).toContain('CC BY 4.0');
      expect(await page.locator('a[href="/open-data/organizations.csv"]').count()).toBe(1);
    }
  });

  it('publishes a valid Atom feed of decisions per language, linked from the page head', async () => {
    const decisions = await gql<{ decisions: { totalCount: number } }>(`{ decisions(first: 1, filter: { includeSuperseded: true }) { totalCount } }`);
    const xmlContext = await browser.newContext({ javaScriptEnabled: true });
    try {
      const xmlPage = await xmlContext.newPage();
      for (const lang of ['kk', 'ru', 'en'] as const) {
        const response = await fetch(`${siteUrl}/${lang}/feed.xml`);
        expect(response.status).toBe(200);
        const xml = await response.text();
        const feed = await xmlPage.evaluate((source) => {
          const doc = new DOMParser().parseFromString(source, 'application/xml');
          const atom = 'http://www.w3.org/2005/Atom';
          const root = doc.documentElement;
          return {
            error: doc.getElementsByTagName('parsererror').length > 0,
            namespace: root.namespaceURI,
            name: root.localName,
            feedId: root.getElementsByTagNameNS(atom, 'id')[0]?.textContent ?? '',
            entries: [...doc.getElementsByTagNameNS(atom, 'entry')].map((entry) => ({
              id: entry.getElementsByTagNameNS(atom, 'id')[0]?.textContent ?? '',
              title: entry.getElementsByTagNameNS(atom, 'title')[0]?.textContent ?? '',
              updated: entry.getElementsByTagNameNS(atom, 'updated')[0]?.textContent ?? '',
              link: entry.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href') ?? '',
            })),
          };
        }, xml);
        expect(feed.error, `${lang}/feed.xml is well-formed`).toBe(false);
        expect(feed.namespace).toBe('http://www.w3.org/2005/Atom');
        expect(feed.name).toBe('feed');
        expect(feed.feedId).not.toBe('');
        expect(feed.entries.length).toBe(decisions.decisions.totalCount);
        expect(feed.entries.length).toBeGreaterThan(0);
        for (const entry of feed.entries) {
          expect(entry.id).toMatch(/^https?:\/\//);
          expect(entry.title).not.toBe('');
          expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
          expect(entry.link).toMatch(new RegExp(`/${lang}/organizations/[^/]+/$`));
        }
        expect(new Set(feed.entries.map((entry) => entry.id)).size).toBe(feed.entries.length);
        const times = feed.entries.map((entry) => Date.parse(entry.updated));
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }
    } finally {
      await xmlContext.close();
    }
    expect(await open('/ru/register/')).toBe(200);
    expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/ru/feed.xml');
  });

  it('lists every page in /sitemap.xml with hreflang alternates', async () => {
    const data = await gql<{ organizations: { edges: { node: { bin: string } }[] } }>(`{ organizations(first: 1) { edges { node { bin } } } }`);
    const bin = data.organizations.edges[0]!.node.bin;
    const response = await fetch(`${siteUrl}/sitemap.xml`);
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
    const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)].map((match) => ({
      loc: new URL(match[1]!).pathname,
      alternates: Object.fromEntries([...match[2]!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((alt) => [alt[1], new URL(alt[2]!).pathname])),
    }));
    const org = entries.find((entry) => entry.loc === `/ru/organizations/${bin}/`);
    expect(org, 'the sitemap lists an organization page').toBeDefined();
    expect(org!.alternates).toEqual({
      kk: `/kk/organizations/${bin}/`,
      ru: `/ru/organizations/${bin}/`,
      en: `/en/organizations/${bin}/`,
      'x-default': `/kk/organizations/${bin}/`,
    });
    const locs = new Set(entries.map((entry) => entry.loc));
    for (const path of ['/', '/kk/', '/en/register/', '/ru/open-data/', '/en/standards/']) expect(locs.has(path), path).toBe(true);
    expect([...locs].some((path) => path.includes('404') || path.endsWith('.xml/') || path.includes('/verify'))).toBe(false);
  });

  it('refuses to build without KZA_API_URL, saying why', async () => {
    const result = await run(process.execPath, [astroBin, 'build', '--outDir', join(outDir, 'unset')], childEnv({}));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('KZA_API_URL is not set');
  });
});

describe('versions of the standards and what changed between them', () => {
  interface CriterionDiff {
    key: string;
    before: { code: string; text: { en: string | null } } | null;
    after: { code: string; text: { en: string | null } } | null;
    standardBefore: { code: string } | null;
    standardAfter: { code: string } | null;
    changedFields: string[];
  }
  const diff = 'key before { code text { en } } after { code text { en } } standardBefore { code } standardAfter { code } changedFields';

  it('has a page for every published version in the three languages, and lists them all on the standards page', async () => {
    const { standardFrameworks: frameworks } = await gql<{ standardFrameworks: { version: number; status: string; criteriaCount: number }[] }>(
      `{ standardFrameworks { version status criteriaCount } }`,
    );
    expect(frameworks.length, 'the seed has two versions').toBeGreaterThanOrEqual(2);
    const inForce = frameworks.find((framework) => framework.status === 'ACTIVE');
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/standards/`)).toBe(200);
      for (const framework of frameworks) {
        expect(await page.locator(`table.versions-table a[href="/${lang}/standards/${framework.version}/"]`).count(), `${lang} lists version ${framework.version}`).toBe(1);
      }
      for (const framework of frameworks) {
        expect(await open(`/${lang}/standards/${framework.version}/`), `/${lang}/standards/${framework.version}/`).toBe(200);
        await expect(page.locator('h1').innerText()).resolves.toContain(String(framework.version));
        expect(await page.locator('dl.criteria dt').count()).toBe(framework.criteriaCount);
        // A retired version says so and links to the version in force.
        const note = page.locator(`main .notice a[href="/${lang}/standards/${inForce?.version}/"]`);
        expect(await note.count(), `${lang} v${framework.version} links to the version in force`).toBe(framework.status === 'RETIRED' ? 1 : 0);
      }
    }
    await open('/en/standards/1/');
    await expect(page.locator('main').innerText()).resolves.toContain('This version is no longer in force');
  });

  it('lists on the changes page of version 2 the criteria the API reports as added, removed and changed, with both wordings', async () => {
    const data = await gql<{ standardFramework: { changesSince: { criteriaAdded: CriterionDiff[]; criteriaRemoved: CriterionDiff[]; criteriaChanged: CriterionDiff[] } } }>(
      `{ standardFramework(version: 2) { changesSince(version: 1) { criteriaAdded { ${diff} } criteriaRemoved { ${diff} } criteriaChanged { ${diff} } } } }`,
    );
    const changes = data.standardFramework.changesSince;
    expect(changes.criteriaAdded.length + changes.criteriaRemoved.length, 'version 2 adds and removes criteria').toBeGreaterThan(1);
    const rowCodes = (table: string) => page.locator(`#${table} tbody th[scope="row"]`).allInnerTexts();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/standards/2/changes/`)).toBe(200);
      await expect(rowCodes('table-criteria-added')).resolves.toEqual(changes.criteriaAdded.map((d) => d.after?.code));
      await expect(rowCodes('table-criteria-removed')).resolves.toEqual(changes.criteriaRemoved.map((d) => d.before?.code));
      await expect(rowCodes('table-criteria-changed')).resolves.toEqual(changes.criteriaChanged.map((d) => d.after?.code));
      expect(await page.locator('table caption').count(), 'every table has a caption').toBe(await page.locator('table').count());
    }
    // In English: the removed wording is shown, and a moved criterion says where from and to, in words.
    await open('/en/standards/2/changes/');
    const main = await page.locator('main').innerText();
    for (const removed of changes.criteriaRemoved) expect(main).toContain(removed.before?.text.en);
    const moved = changes.criteriaChanged.find((d) => d.changedFields.includes('STANDARD'));
    expect(moved, 'version 2 moves a criterion').toBeDefined();
    const changedRow = (code: string) =>
      page.locator('#table-criteria-changed tbody tr').filter({ has: page.locator('th[scope="row"]', { hasText: new RegExp(`^\\s*${code.replace('.', '\\.')}\\s*$`) }) });
    const row = changedRow(moved!.after!.code);
    await expect(row.innerText()).resolves.toContain(`Moved from standard ${moved!.standardBefore!.code} to standard ${moved!.standardAfter!.code}.`);
    const reworded = changes.criteriaChanged.find((d) => d.changedFields.includes('TEXT_EN'));
    const rewordedRow = changedRow(reworded!.after!.code);
    const cells = await rewordedRow.locator('td').allInnerTexts();
    expect(cells[0]).toContain('Reworded.');
    expect([cells[1]?.trim(), cells[2]?.trim()]).toEqual([reworded!.before!.text.en, reworded!.after!.text.en]);
    // The first version has no changes page.
    expect(await open('/en/standards/1/changes/')).toBe(404);
  });

  it('links the framework version of an organization’s decision and of a report to that version’s page', async () => {
    const data = await gql<{
      decisions: { edges: { node: { frameworkVersion: number; organization: { bin: string } } }[] };
      reports: { edges: { node: { id: string; frameworkVersion: number } }[] };
    }>(`{ decisions(first: 1) { edges { node { frameworkVersion organization { bin } } } } reports(first: 1) { edges { node { id frameworkVersion } } } }`);
    const decision = data.decisions.edges[0]!.node;
    expect(await open(`/ru/organizations/${decision.organization.bin}/`)).toBe(200);
    const link = page.locator(`li.decision a[href="/ru/standards/${decision.frameworkVersion}/"]`).first();
    await expect(link.innerText()).resolves.toBe(`Версия ${decision.frameworkVersion}`);
    await link.click();
    expect(new URL(page.url()).pathname).toBe(`/ru/standards/${decision.frameworkVersion}/`);
    await expect(page.locator('h1').innerText()).resolves.toBe(`Стандарты аккредитации, версия ${decision.frameworkVersion}`);
    const report = data.reports.edges[0]!.node;
    const slug = report.id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await open(`/en/reports/${slug}/`)).toBe(200);
    expect(await page.locator(`a[href="/en/standards/${report.frameworkVersion}/"]`).count()).toBe(1);
  });
});
