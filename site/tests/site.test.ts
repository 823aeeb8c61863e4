// The site as a visitor meets it: a real seeded API, a real `astro build` against it, the
// built server (`node dist/server/entry.mjs`) and Debian's Chromium with JavaScript off.
import type { ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { importOrganizations, startTestApi, type TestApi } from '@kza/api/testing';
import { parse as parseCsv } from 'csv-parse/sync';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, buildSite, freePort, serveSite, siteDir } from '../scripts/harness.ts';

const outDir = join(siteDir, '.test-dist', `run-${process.pid}-${Date.now()}`);
/** Small register pages so that the seeded organizations fill several of them. */
const PAGE_SIZE = 10;

const ACCREDITED_LABEL = { kk: 'Аккредиттелген', ru: 'Аккредитована', en: 'Accredited' } as const;

let api: TestApi;
let server: ChildProcess | undefined;
let siteUrl = '';
let browser: Browser;
let context: BrowserContext;
let page: Page;
const timings: Record<string, number> = {};

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

/** A one-page PDF, as a lead expert would attach to a final report. */
const ATTACHMENT_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
let attachment: { sha256: string; fileName: string; reportSlug: string };
/** A guide uploaded as a file, not a link; the site serves it like a report's attachment. */
const MATERIAL_PDF = new TextEncoder().encode(
  '%PDF-1.4\n% a methodological guide\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
let materialFile: { sha256: string };

/** A seeded campus and the demonstration organization the harness imports as reorganised from it. */
let reorganisation: { predecessor: { bin: string; name: Record<'kk' | 'ru' | 'en', string> }; successor: { bin: string; name: Record<'kk' | 'ru' | 'en', string> } };

/** Before the build: imports, as the ministry's CSV would, a demonstration successor of one seeded campus. */
async function importDemonstrationSuccessor(): Promise<typeof reorganisation> {
  const campus = await api.db.prisma.organization.findFirstOrThrow({ orderBy: { bin: 'asc' }, include: { region: true } });
  const bin = validBin('99004000030');
  const name = {
    kk: `${campus.nameKk} (демонстрациялық қайта ұйымдастыру)`,
    ru: `${campus.nameRu} (демонстрационная реорганизация)`,
    en: `${campus.nameEn ?? campus.nameRu} (demonstration reorganisation)`,
  };
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const csv = [
    'bin,name_kk,name_ru,name_en,kind,level,programme_type,region_code,city,languages,predecessor_bin',
    [bin, quoted(name.kk), quoted(name.ru), quoted(name.en), campus.kind, campus.level, campus.programmeType, campus.region.code, quoted(campus.city), campus.languages.join('|'), campus.bin].join(','),
  ].join('\n');
  const result = await importOrganizations(api.db.prisma, csv, { actor: { id: null, label: 'site test harness (demonstration data)' } });
  if (!result.ok || result.predecessorLinks !== 1) throw new Error(`the demonstration reorganisation was not imported: ${JSON.stringify(result)}`);
  // The CSV has no is_demo column: mark it like the rest of the seeded demonstration data.
  await api.db.prisma.organization.update({ where: { bin }, data: { isDemo: true } });
  return {
    predecessor: { bin: campus.bin, name: { kk: campus.nameKk, ru: campus.nameRu, en: campus.nameEn ?? campus.nameRu } },
    successor: { bin, name },
  };
}

beforeAll(async () => {
  let started = Date.now();
  api = await startTestApi();
  // One published report gets an attachment before the build (the seed has none).
  const published = await api.db.prisma.report.findFirstOrThrow({ where: { publishedAt: { not: null } }, orderBy: { id: 'asc' } });
  const fileName = 'Сыртқы бағалау «қосымша», 1.pdf';
  const attached = await api.attachToReport(published.id, { fileName, mediaType: 'application/pdf', content: ATTACHMENT_PDF });
  const listed = await gql<{ reports: { nodes: { id: string; documents: { sha256: string }[] }[] } }>(
    `{ reports(first: 100) { nodes { id documents { sha256 } } } }`,
  );
  const withAttachment = listed.reports.nodes.find((node) => node.documents.some((document) => document.sha256 === attached.sha256));
  if (!withAttachment) throw new Error('The API does not list the attachment with its published report');
  attachment = { sha256: attached.sha256, fileName, reportSlug: withAttachment.id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') };
  // And one published material is an uploaded file (the seeded ones are links).
  const guide = await api.db.prisma.methodologicalMaterial.create({
    data: { kind: 'GUIDE', titleKk: 'Өзін-өзі бағалау нұсқаулығы', titleRu: 'Руководство по самооценке', titleEn: 'Self-assessment guide', language: 'RU', publishedAt: new Date() },
  });
  const guideFile = await api.attachToMaterial(guide.id, { fileName: 'Руководство.pdf', mediaType: 'application/pdf', content: MATERIAL_PDF });
  materialFile = { sha256: guideFile.sha256 };
  reorganisation = await importDemonstrationSuccessor();
  timings['api'] = Date.now() - started;

  started = Date.now();
  const build = await buildSite(outDir, { KZA_API_URL: api.graphqlUrl, KZA_REGISTER_PAGE_SIZE: String(PAGE_SIZE) });
  timings['build'] = Date.now() - started;
  if (build.code !== 0) throw new Error(`astro build failed (${build.code}):\n${build.output}`);

  started = Date.now();
  // The page size is read again at run time by the on-demand filter route.
  const served = await serveSite(outDir, { KZA_API_URL: api.graphqlUrl, KZA_REGISTER_PAGE_SIZE: String(PAGE_SIZE) });
  server = served.server;
  siteUrl = served.url;
  timings['server'] = Date.now() - started;

  started = Date.now();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
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
    // Walk the region's pages, as the register's.
    const bins: string[] = [];
    for (let path: string | null = `/kk/regions/${region.code}/`; path; path = await nextPage()) {
      expect(await open(path)).toBe(200);
      bins.push(...(await rowBins()));
    }
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
      // The one script allowed is the register filter's optional enhancement (the filter works without it).
      expect(await page.locator('script:not([src^="/_astro/FilterForm"])').count(), `${path} has no other script`).toBe(0);
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
    const charts = [
      { chart: 'chart-status', table: 'table-status' },
      { chart: 'chart-region', table: 'table-region' },
      { chart: 'chart-year', table: 'table-year' },
      { chart: 'chart-decision-region', table: 'table-decision-region' },
    ];
    const titles = { kk: 'Ұйымдар мәртебесі бойынша', ru: 'Организации по статусу', en: 'Organizations by status' } as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/statistics/`)).toBe(200);
      await expect(page.locator('#chart-status-title').textContent()).resolves.toBe(titles[lang]);
      for (const { chart: id, table } of charts) {
        const svg = page.locator(`svg[aria-labelledby="${id}-title ${id}-desc"]`);
        await expect(svg.count(), id).resolves.toBe(1);
        await expect(svg.getAttribute('role')).resolves.toBe('img');
        await expect(svg.locator(`title#${id}-title`).textContent()).resolves.not.toBe('');
        await expect(svg.locator(`desc#${id}-desc`).textContent()).resolves.not.toBe('');
        // One image to assistive technology: none of Vega's own roles inside it.
        await expect(svg.locator('[role]').count(), id).resolves.toBe(0);
        // The data table follows the chart, and the chart ends each bar with the total of its row.
        const next = await svg.evaluate((node) => {
          const after = node.closest('figure')?.nextElementSibling;
          return after?.matches('table') ? after.id : (after?.querySelector('table')?.id ?? null);
        });
        expect(next, id).toBe(table);
        const rowTotals = await page.locator(`table#${table} tbody tr`).evaluateAll((rows) => rows.map((row) => row.querySelector('td:last-child')?.textContent?.trim() ?? ''));
        const barTotals = await svg.locator('text[font-weight="bold"]').evaluateAll((texts) => texts.map((text) => text.textContent ?? '').filter((text) => /^\d+$/.test(text)));
        expect(barTotals, id).toEqual(rowTotals);
        await expect(page.locator(`table#${table} caption`).count(), table).resolves.toBe(1);
        expect(await page.locator(`table#${table} th[scope="col"]`).count(), table).toBeGreaterThan(1);
      }
      // The axis titles and the legend are in the visitor's language.
      const regionChartText = await page.locator('svg[aria-labelledby^="chart-region-title"]').textContent();
      expect(regionChartText).toContain({ kk: 'Өңір', ru: 'Регион', en: 'Region' }[lang]);
      expect(regionChartText).toContain(`✓ ${ACCREDITED_LABEL[lang]}`);
      await expect(page.locator('table#table-status [data-total]').innerText()).resolves.toBe(String(data.registerStatistics.totalOrganizations));
      const cells = await page.locator('table#table-status tbody td').allInnerTexts();
      expect(cells.reduce((sum, cell) => sum + Number(cell), 0)).toBe(data.registerStatistics.totalOrganizations);
    }
    // Rendered at build time: the built HTML already holds the charts, no script is shipped, and the page stays small.
    const html = await readFile(join(outDir, 'client', 'en', 'statistics', 'index.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });

  it('lists a published report’s attachments and serves the file itself, byte for byte', async () => {
    const slug = attachment.reportSlug;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/reports/${slug}/`)).toBe(200);
      const link = page.locator(`section.attachments a[href="/files/${attachment.sha256}.pdf"]`);
      await expect(link.innerText()).resolves.toBe(attachment.fileName);
      await expect(link.getAttribute('download')).resolves.toBe(attachment.fileName);
      await expect(page.locator('section.attachments').innerText()).resolves.toContain(attachment.sha256);
    }
    const response = await fetch(`${siteUrl}/files/${attachment.sha256}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(ATTACHMENT_PDF);
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
      const paths = ['/', '/kk/', '/ru/register/', `/en/organizations/${bin}/`, '/ru/standards/', '/kk/regions/', '/kk/experts/', '/en/open-data/', '/ru/decisions/', '/kk/procedure/', '/en/statistics/', '/ru/statistics/', '/en/search/', '/en/standards/1/', '/kk/standards/2/', '/ru/standards/2/changes/', '/en/standards/2/changes/', '/en/support/', '/kk/support/', '/kk/register/filter?q=%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0', `/verify/${bin}?lang=en`, '/verify/123?lang=ru', `/ru/reports/${attachment.reportSlug}/`, '/en/register/filter?status=accredited&kind=school', '/kk/register/filter?kind=castle'];
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
      reports: ['id', 'organization_bin', 'kind', 'language', 'title', 'case_number', 'framework_version', 'published_at', 'url', 'is_demo'],
    };
    const apiReports = await gql<{ reports: { totalCount: number; nodes: { id: string; caseNumber: string }[] } }>(
      `{ reports(first: 100) { totalCount nodes { id caseNumber } } }`,
    );
    for (const name of ['organizations', 'decisions', 'reports'] as const) {
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
      } else if (name === 'decisions') {
        expect(csvRows.length).toBe(decisions.decisions.totalCount);
        expect(new Set(csvRows.map((row) => row['organization_bin'])).isSubsetOf(new Set(apiBins))).toBe(true);
      } else {
        expect(csvRows.length).toBe(apiReports.reports.totalCount);
        expect(csvRows.length).toBeGreaterThan(0);
        // Same identifiers as the API, each with its case.
        expect(new Map(csvRows.map((row) => [row['id'], row['case_number']]))).toEqual(
          new Map(apiReports.reports.nodes.map((report) => [report.id, report.caseNumber])),
        );
        expect(typeof json.data[0]!['framework_version']).toBe('number');
      }
    }

    // The page documents every column, in each language.
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/open-data/`)).toBe(200);
      const text = await page.locator('main').innerText();
      for (const column of [...expected.organizations, ...expected.decisions, ...expected.reports]) expect(text).toContain(column);
      expect(text).toContain('CC BY 4.0');
      expect(await page.locator('a[href="/open-data/organizations.csv"]').count()).toBe(1);
    }
  });

  it('publishes a valid Atom feed of decisions and reports per language, linked from the page head', async () => {
    const decisions = await gql<{ decisions: { totalCount: number } }>(`{ decisions(first: 1, filter: { includeSuperseded: true }) { totalCount } }`);
    const reports = await gql<{ reports: { totalCount: number } }>(`{ reports(first: 1) { totalCount } }`);
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
        expect(feed.entries.length).toBe(decisions.decisions.totalCount + reports.reports.totalCount);
        expect(reports.reports.totalCount).toBeGreaterThan(0);
        expect(feed.entries.filter((entry) => entry.link.includes(`/${lang}/reports/`)).length).toBe(reports.reports.totalCount);
        for (const entry of feed.entries) {
          expect(entry.id).toMatch(/^https?:\/\//);
          expect(entry.title).not.toBe('');
          expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
          expect(entry.link).toMatch(new RegExp(`/${lang}/(organizations|reports)/[^/]+/$`));
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
    const result = await buildSite(join(outDir, 'unset'), {});
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('KZA_API_URL is not set');
  });
});

describe('the register filter (on demand, /{lang}/register/filter)', () => {
  interface Row {
    bin: string;
    kind: string;
    accreditationStatus: string;
    region: { code: string };
  }
  const FILTERED = /* GraphQL */ `
    query ($filter: OrganizationFilter) {
      organizations(first: 100, filter: $filter) { totalCount edges { node { bin kind accreditationStatus region { code } } } }
    }
  `;
  async function filtered(filter: Record<string, string>): Promise<{ totalCount: number; bins: string[] }> {
    const data = await gql<{ organizations: { totalCount: number; edges: { node: Row }[] } }>(FILTERED, { filter });
    return { totalCount: data.organizations.totalCount, bins: data.organizations.edges.map((edge) => edge.node.bin).sort() };
  }
  /** The region, status and kind of the combination that has the most organizations. */
  async function busiestCombination(): Promise<{ region: string; status: string; kind: string }> {
    const all = await gql<{ organizations: { edges: { node: Row }[] } }>(FILTERED, {});
    const counts = new Map<string, number>();
    for (const { node } of all.organizations.edges) {
      const key = `${node.region.code}|${node.accreditationStatus}|${node.kind}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [key] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const [region, status, kind] = key.split('|') as [string, string, string];
    return { region, status, kind };
  }
  /** Whether an element shows a focus indicator (outline or box-shadow). */
  const focusVisible = (target: Page) =>
    target.evaluate(() => {
      const element = document.activeElement;
      if (!element) return false;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== 'none';
    });

  it('combines region, status and kind without JavaScript: exactly what the API returns, counted, with the form still filled', async () => {
    const chosen = await busiestCombination();
    const expected = await filtered({ regionCode: chosen.region, status: chosen.status, kind: chosen.kind });
    expect(expected.totalCount).toBeGreaterThan(0);
    const regionOnly = await filtered({ regionCode: chosen.region });

    expect(await open('/en/register/')).toBe(200);
    await page.selectOption('#filter-region', chosen.region);
    await page.selectOption('#filter-status', chosen.status.toLowerCase());
    await page.selectOption('#filter-kind', chosen.kind.toLowerCase());
    await Promise.all([page.waitForURL(/\/en\/register\/filter\?/), page.getByRole('button', { name: 'Show' }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('region')).toBe(chosen.region);
    expect(url.searchParams.get('status')).toBe(chosen.status.toLowerCase());

    expect((await rowBins()).sort()).toEqual(expected.bins);
    await expect(page.locator('[data-count]').innerText()).resolves.toBe(`Organizations: ${expected.totalCount}`);
    // Each chosen filter is listed with a link that removes it; removing the kind and the status leaves the region.
    expect(await page.locator('.applied-filters li').count()).toBe(3);
    await expect(page.locator('#filter-region').inputValue()).resolves.toBe(chosen.region);
    await expect(page.locator('#filter-status').inputValue()).resolves.toBe(chosen.status.toLowerCase());
    await expect(page.locator('#filter-kind').inputValue()).resolves.toBe(chosen.kind.toLowerCase());
    await page.locator('.applied-filters li[data-param="kind"] a').click();
    await page.locator('.applied-filters li[data-param="status"] a').click();
    expect(new URL(page.url()).search).toBe(`?region=${chosen.region}`);
    expect((await rowBins()).sort()).toEqual(regionOnly.bins);
    // The ready-made lists stay as links to the pre-built pages.
    expect(await page.locator('.filters a[href="/en/register/status/accredited/"]').count()).toBe(1);
  });

  it('pages through more results than a page with the API cursor, forwards and back', async () => {
    const expected = await filtered({ language: 'RU' });
    expect(expected.totalCount, 'the seed teaches in Russian in more organizations than a page').toBeGreaterThan(PAGE_SIZE);
    expect(await open('/ru/register/filter?language=ru')).toBe(200);
    const first = await rowBins();
    expect(first).toHaveLength(PAGE_SIZE);
    const seen = [...first];
    let pages = 1;
    for (let next = await nextPage(); next; next = await nextPage()) {
      expect(new URL(next, siteUrl).searchParams.get('after')).toBeTruthy();
      expect(await open(next)).toBe(200);
      seen.push(...(await rowBins()));
      pages += 1;
      if (pages > 20) throw new Error('pagination does not end');
    }
    expect(pages).toBe(Math.ceil(expected.totalCount / PAGE_SIZE));
    expect(seen.sort()).toEqual(expected.bins);
    await expect(page.locator('[data-count]').innerText()).resolves.toBe(`Организаций: ${expected.totalCount}`);
    // Another language sorts by other names: its link starts again from the first page.
    const kazakh = new URL((await page.locator('.lang-switcher a[hreflang="kk"]').getAttribute('href'))!, siteUrl);
    expect(kazakh.pathname).toBe('/kk/register/filter');
    expect([...kazakh.searchParams.keys()]).toEqual(['language']);
    // Back one page with the `before` cursor: the page before the last one.
    await page.locator('.pagination a[rel="prev"]').click();
    expect(new URL(page.url()).searchParams.get('before')).toBeTruthy();
    expect(await rowBins()).toHaveLength(PAGE_SIZE);
  });

  it('answers 400 naming a parameter the register does not know, and 503 when the API is down', async () => {
    expect(await open('/en/register/filter?status=accredited&kind=castle')).toBe(400);
    await expect(page.locator('main').innerText()).resolves.toContain('The value “castle” of “kind” (Kind of organization) is not one the register knows');
    expect(await page.locator('table.register-table').count()).toBe(0);
    // The form keeps the values it could read.
    await expect(page.locator('#filter-status').inputValue()).resolves.toBe('accredited');
    expect(await open('/ru/register/filter?region=99')).toBe(400);
    await expect(page.locator('main').innerText()).resolves.toContain('«region»');
    expect(await open('/kk/register/filter?after=not-a-cursor')).toBe(400);
    await expect(page.locator('main').innerText()).resolves.toContain('«after»');

    // The same build served with an API that does not answer.
    const closed = await freePort();
    const down = await serveSite(outDir, { KZA_API_URL: `http://127.0.0.1:${closed}/graphql` });
    try {
      const response = await page.goto(`${down.url}/en/register/filter?status=accredited`);
      expect(response?.status()).toBe(503);
      await expect(page.locator('main').innerText()).resolves.toContain('The register is not answering right now');
      await expect(page.locator('#filter-status').inputValue()).resolves.toBe('accredited');
    } finally {
      down.server.kill('SIGTERM');
    }
  });

  it('with JavaScript, updates the results and the address in place, announces the count and keeps the focus', async () => {
    const chosen = await busiestCombination();
    const inRegion = await filtered({ regionCode: chosen.region });
    const all = await filtered({});
    const jsContext = await browser.newContext({ javaScriptEnabled: true });
    try {
      const jsPage = await jsContext.newPage();
      await jsPage.goto(`${siteUrl}/en/register/`);
      // The enhancement is one small module.
      const src = await jsPage.locator('script[type="module"][src]').getAttribute('src');
      const script = await (await fetch(`${siteUrl}${src}`)).text();
      expect(script.length).toBeLessThan(4096);

      await jsPage.evaluate(() => Object.assign(window, { kzaSamePage: true }));
      await jsPage.locator('#filter-region').focus();
      await jsPage.selectOption('#filter-region', chosen.region);
      await jsPage.waitForURL(`${siteUrl}/en/register/filter?region=${chosen.region}`);
      const countText = `Organizations: ${inRegion.totalCount}`;
      await jsPage.waitForFunction((text) => document.querySelector('[data-count]')?.textContent?.trim() === text, countText);
      expect(await jsPage.evaluate(() => (window as { kzaSamePage?: boolean }).kzaSamePage), 'no page load').toBe(true);
      const bins = await jsPage.locator('table.register-table tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-bin')));
      expect(bins.sort()).toEqual(inRegion.bins);
      await expect(jsPage.locator('[data-filter-live]').innerText()).resolves.toBe(countText);
      expect(await jsPage.evaluate(() => document.activeElement?.id)).toBe('filter-region');

      // Narrowing further, then the back button: the address and the results follow.
      await jsPage.selectOption('#filter-status', chosen.status.toLowerCase());
      await jsPage.waitForURL(/status=/);
      await jsPage.goBack();
      await jsPage.waitForURL(`${siteUrl}/en/register/filter?region=${chosen.region}`);
      // The count alone may not change (a region with one status), so wait for the form too.
      await jsPage.waitForFunction(
        (text) => document.querySelector('[data-count]')?.textContent?.trim() === text && document.querySelector<HTMLSelectElement>('#filter-status')?.value === '',
        countText,
      );
      await jsPage.goBack();
      await jsPage.waitForURL(`${siteUrl}/en/register/`);
      await jsPage.waitForFunction((text) => document.querySelector('[data-count]')?.textContent?.trim() === text, `Organizations: ${all.totalCount}`);
      expect(await jsPage.evaluate(() => (window as { kzaSamePage?: boolean }).kzaSamePage), 'still no page load').toBe(true);
    } finally {
      await jsContext.close();
    }
  });

  it('can be used with the keyboard alone: skip link first, a visible focus, choosing and sending with keys', async () => {
    const accredited = await filtered({ status: 'ACCREDITED' });
    expect(await open('/en/register/')).toBe(200);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await focusVisible(page), 'the skip link shows its focus').toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // The first control in the main content is the filter form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-region');
    expect(await focusVisible(page), 'a select shows its focus').toBe(true);
    for (let presses = 0; presses < 10; presses += 1) {
      if ((await page.evaluate(() => document.activeElement?.id)) === 'filter-status') break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-status');
    // The first choice after "All" is Accredited.
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#filter-status').inputValue()).resolves.toBe('accredited');
    await page.keyboard.press('Tab'); // language
    await page.keyboard.press('Tab'); // search
    await page.keyboard.press('Tab'); // Show
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Show');
    expect(await focusVisible(page), 'the button shows its focus').toBe(true);
    await Promise.all([page.waitForURL(/\/en\/register\/filter\?/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('status')).toBe('accredited');
    await expect(page.locator('[data-count]').innerText()).resolves.toBe(`Organizations: ${accredited.totalCount}`);

    // Links show their focus too: the first link of the results.
    await page.locator('.applied-filters a').first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    expect(await focusVisible(page), 'a link shows its focus').toBe(true);
  });
});

describe('full-text search', () => {
  interface SearchOrg {
    bin: string;
    name: { in: { text: string; isFallback: boolean } | null };
  }

  /** An organization with a name of its own in English (not a fallback). */
  async function englishNamedOrganization(): Promise<{ bin: string; name: string }> {
    const data = await gql<{ organizations: { edges: { node: SearchOrg }[] } }>(
      `{ organizations(first: 100) { edges { node { bin name { in(language: EN) { text isFallback } } } } } }`,
    );
    const org = data.organizations.edges.map((edge) => edge.node).find((node) => node.name.in && !node.name.in.isFallback);
    expect(org, 'the seed has an organization named in English').toBeDefined();
    return { bin: org!.bin, name: org!.name.in!.text };
  }

  /** Runs a search with JavaScript on, from the keyboard, and returns the result links. */
  async function searchWithScript(searchPage: Page, lang: 'kk' | 'ru' | 'en', term: string): Promise<string[]> {
    expect((await searchPage.goto(`${siteUrl}/${lang}/search/`))?.status()).toBe(200);
    await searchPage.locator('#q').fill(term);
    await searchPage.locator('#q').press('Enter');
    const status = searchPage.locator('#search-status[role="status"][aria-live="polite"]');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/\d/);
    // "Show more" until every result is listed; the focus moves to the first new one.
    const more = searchPage.locator('#search-more');
    for (let shown = await searchPage.locator('#search-list li').count(); await more.isVisible(); ) {
      await more.focus();
      await searchPage.keyboard.press('Enter');
      await expect.poll(() => searchPage.locator('#search-list li').count()).toBeGreaterThan(shown);
      await expect(searchPage.evaluate((index) => document.activeElement === document.querySelectorAll('#search-list li h3 a')[index], shown)).resolves.toBe(true);
      shown = await searchPage.locator('#search-list li').count();
    }
    return searchPage.locator('#search-list li h3 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  }

  it('writes one Pagefind index per language, over organizations, reports and the standards only', async () => {
    const entry = JSON.parse(await readFile(join(outDir, 'client', 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'kk', 'ru']);
    const data = await gql<{ organizations: { totalCount: number }; reports: { totalCount: number } }>(
      `{ organizations(first: 1) { totalCount } reports(first: 1) { totalCount } }`,
    );
    // Each language: every organization page, every report page and the standards page; nothing else.
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(entry.languages[lang]!.page_count, lang).toBe(data.organizations.totalCount + data.reports.totalCount + 1);
    }
    // The search page's script is small and loads Pagefind at run time (it is not bundled).
    const html = await readFile(join(outDir, 'client', 'en', 'search', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g)].map((match) => match[1]!);
    expect(scripts).toHaveLength(1);
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/);
    const script = await readFile(join(outDir, 'client', scripts[0]!), 'utf8');
    expect(script.length).toBeLessThan(6_000);
    expect(script).toContain('/pagefind/pagefind.js');
  });

  it('finds an organization by its English name on the English search page, with JavaScript', async () => {
    const org = await englishNamedOrganization();
    const jsContext = await browser.newContext({ javaScriptEnabled: true });
    try {
      const searchPage = await jsContext.newPage();
      const hrefs = await searchWithScript(searchPage, 'en', org.name);
      expect(hrefs).toContain(`/en/organizations/${org.bin}/`);
      expect(hrefs.every((href) => href.startsWith('/en/')), hrefs.join(' ')).toBe(true);
      await expect(searchPage.locator('#search-status').innerText()).resolves.toBe(`Results: ${hrefs.length}`);
      const item = searchPage.locator('#search-list li', { has: searchPage.locator(`a[href="/en/organizations/${org.bin}/"]`) });
      await expect(item.locator('.search-type').innerText()).resolves.toMatch(/^Organization · /);
      await expect(item.locator('.search-excerpt').innerText()).resolves.not.toBe('');
      // The address keeps the search; the result opens from the keyboard.
      expect(new URL(searchPage.url()).searchParams.get('q')).toBe(org.name);
      await item.locator('a').focus();
      await searchPage.keyboard.press('Enter');
      await searchPage.waitForURL(`${siteUrl}/en/organizations/${org.bin}/`);
      await expect(searchPage.locator('h1').innerText()).resolves.toBe(org.name);
    } finally {
      await jsContext.close();
    }
  });

  it('finds the Russian standards page by a word of a criterion on the Russian search page, not the English one', async () => {
    const data = await gql<{
      standardFramework: { standards: { criteria: { text: { in: { text: string; isFallback: boolean } | null } }[] }[] } | null;
    }>(`{ standardFramework { standards { criteria { text { in(language: RU) { text isFallback } } } } } }`);
    const texts = (data.standardFramework?.standards ?? [])
      .flatMap((standard) => standard.criteria)
      .flatMap((criterion) => (criterion.text.in && !criterion.text.in.isFallback ? [criterion.text.in.text] : []));
    const word = texts.flatMap((text) => text.match(/[А-Яа-яЁё]{9,}/g) ?? [])[0];
    expect(word, 'the seed has criteria in Russian').toBeDefined();
    const jsContext = await browser.newContext({ javaScriptEnabled: true });
    try {
      const searchPage = await jsContext.newPage();
      const hrefs = await searchWithScript(searchPage, 'ru', word!);
      expect(hrefs).toContain('/ru/standards/');
      expect(hrefs).not.toContain('/en/standards/');
      expect(hrefs.every((href) => href.startsWith('/ru/')), hrefs.join(' ')).toBe(true);
      const item = searchPage.locator('#search-list li', { has: searchPage.locator('a[href="/ru/standards/"]') });
      await expect(item.locator('.search-type').innerText()).resolves.toBe('Стандарты');
      await expect(item.locator('.search-excerpt mark').first().innerText()).resolves.toMatch(new RegExp(word!.slice(0, 6), 'i'));

      // The page with its results passes the accessibility checks too.
      const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      await searchPage.addScriptTag({ content: axeSource });
      const violations = await searchPage.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((violation) => violation.id);
      });
      expect(violations).toEqual([]);
    } finally {
      await jsContext.close();
    }
  });

  it('gets a visitor without JavaScript from the header to the matching organizations', async () => {
    const org = await englishNamedOrganization();
    expect(await open('/en/')).toBe(200);
    await page.locator('.main-nav a[href="/en/search/"]').click();
    expect(new URL(page.url()).pathname).toBe('/en/search/');
    await expect(page.locator('main').innerText()).resolves.toContain('Full-text search of reports and standards needs JavaScript');
    await page.locator('#q').fill(org.name);
    await page.locator('form.search-form button[type="submit"]').click();
    // Without JavaScript the form goes to the register filter, which asks the API.
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/register/filter');
    expect(url.searchParams.get('q')).toBe(org.name);
    await expect(page.locator('[data-count]').innerText()).resolves.toMatch(/^Organizations: \d+/);
    const row = page.locator(`table.register-table tr[data-bin="${org.bin}"]`);
    await expect(row.count()).resolves.toBe(1);
    await row.locator(`a[href="/en/organizations/${org.bin}/"]`).click();
    expect(new URL(page.url()).pathname).toBe(`/en/organizations/${org.bin}/`);

    // Nothing found: said in the visitor's language, with the form filled to try again.
    expect(await open('/ru/register/filter?q=zzqxqz')).toBe(200);
    await expect(page.locator('[data-count]').innerText()).resolves.toMatch(/: 0$/);
    await expect(page.locator('#filter-q').inputValue()).resolves.toBe('zzqxqz');
  });
});

describe('page weight', () => {
  it('transfers under 100 KB before images on the home, register and organization pages', async () => {
    const org = await gql<{ organizations: { edges: { node: { bin: string } }[] } }>(
      `{ organizations(first: 1, filter: { status: ACCREDITED }) { edges { node { bin } } } }`,
    );
    const bin = org.organizations.edges[0]!.node.bin;
    for (const path of ['/en/', '/kk/', '/ru/register/', `/en/organizations/${bin}/`, '/en/statistics/']) {
      // A fresh context per page: nothing cached, and JavaScript on, so that any script the page asked for would count.
      const weightContext = await browser.newContext({ javaScriptEnabled: true });
      try {
        const weightPage = await weightContext.newPage();
        const bodies: Promise<{ type: string; url: string; bytes: number }>[] = [];
        weightPage.on('response', (response) => {
          const type = response.request().resourceType();
          if (type === 'image' || type === 'media') return;
          // The decoded body: at least what goes over the wire, whether or not the server compresses.
          bodies.push(response.body().then((body) => ({ type, url: response.url(), bytes: body.length })));
        });
        const response = await weightPage.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
        expect(response?.status(), path).toBe(200);
        const resources = await Promise.all(bodies);
        const types = new Set(resources.map((resource) => resource.type));
        expect(types.has('document') && types.has('stylesheet'), `${path} loads its page and stylesheet`).toBe(true);
        const total = resources.reduce((sum, resource) => sum + resource.bytes, 0);
        expect(total, `${path}: ${resources.map((resource) => `${resource.type} ${resource.bytes}`).join(', ')}`).toBeLessThan(100_000);
      } finally {
        await weightContext.close();
      }
    }
  });
});

describe('seminars and guidance', () => {
  interface SupportEventView {
    id: string;
    isCancelled: boolean;
    endsAt: string;
    title: { kk: string | null; ru: string | null; en: string | null };
  }

  it('lists upcoming seeded events and materials in each language, marks cancelled ones in words, and leaves past events out', async () => {
    const data = await gql<{
      upcoming: { nodes: SupportEventView[] };
      all: { nodes: SupportEventView[] };
      methodologicalMaterials: { nodes: { id: string; downloadUrl: string; title: { kk: string; ru: string; en: string } }[] };
    }>(`{
      upcoming: supportEvents(first: 100, filter: { upcoming: true }) { nodes { id isCancelled endsAt title { kk ru en } } }
      all: supportEvents(first: 100) { nodes { id isCancelled endsAt title { kk ru en } } }
      methodologicalMaterials(first: 100) { nodes { id downloadUrl title { kk ru en } } }
    }`);
    const upcoming = data.upcoming.nodes.find((event) => !event.isCancelled);
    const cancelled = data.upcoming.nodes.find((event) => event.isCancelled);
    const past = data.all.nodes.find((event) => Date.parse(event.endsAt) < Date.now());
    const material = data.methodologicalMaterials.nodes.find((node) => node.downloadUrl.startsWith('https://'));
    expect(upcoming && cancelled && past && material, 'the seed has an upcoming, a cancelled and a past event, and a material').toBeTruthy();

    const cancelledWords = { kk: 'Тоқтатылды', ru: 'Отменено', en: 'Cancelled' } as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/support/`)).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const eventItem = page.locator(`[data-event="${upcoming!.id}"]`);
      await expect(eventItem.locator('h3').innerText()).resolves.toContain(upcoming!.title[lang]);
      // Date and time in Almaty, with the time-zone stated.
      await expect(eventItem.locator('time').getAttribute('datetime')).resolves.toMatch(/\+05:00$/);
      const cancelledItem = page.locator(`[data-event="${cancelled!.id}"]`);
      await expect(cancelledItem.innerText()).resolves.toContain(cancelledWords[lang]);
      expect(await page.locator(`[data-event="${past!.id}"]`).count()).toBe(0);
      const materialItem = page.locator(`[data-material="${material!.id}"]`);
      await expect(materialItem.locator('h3').innerText()).resolves.toContain(material!.title[lang]);
      await expect(materialItem.locator('a').getAttribute('href')).resolves.toBe(material!.downloadUrl);
      // The menu leads here, marked as the current section.
      await expect(page.locator(`.main-nav a[href="/${lang}/support/"]`).getAttribute('aria-current')).resolves.toBe('page');
    }
  });

  it('links a material uploaded as a file to the site’s own copy, served byte for byte', async () => {
    const data = await gql<{ methodologicalMaterials: { nodes: { id: string; document: { sha256: string } | null }[] } }>(
      `{ methodologicalMaterials(first: 100) { nodes { id document { sha256 } } } }`,
    );
    const guide = data.methodologicalMaterials.nodes.find((node) => node.document?.sha256 === materialFile.sha256);
    expect(guide, 'the API lists the published material with its file').toBeTruthy();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/support/`)).toBe(200);
      const link = page.locator(`[data-material="${guide!.id}"] a`);
      await expect(link.getAttribute('href')).resolves.toBe(`/files/${materialFile.sha256}.pdf`);
    }
    const response = await fetch(`${siteUrl}/files/${materialFile.sha256}.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(MATERIAL_PDF);
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

describe('one order of published decisions', () => {
  const anchorOf = (number: string) => `decision-${number.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  it('lists decisions most recently published first, in the same order on the decisions page, in the feed and in the open data', async () => {
    const data = await gql<{ decisions: { totalCount: number; nodes: { number: string; publishedAt: string }[] } }>(
      `{ decisions(first: 100, filter: { includeSuperseded: true }) { totalCount nodes { number publishedAt } } }`,
    );
    expect(data.decisions.totalCount).toBeGreaterThan(1);
    expect(data.decisions.totalCount, 'the seed fits one API page').toBeLessThanOrEqual(100);
    const byPublication = [...data.decisions.nodes]
      .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || b.number.localeCompare(a.number))
      .map((decision) => decision.number);

    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(`${siteUrl}/open-data/decisions.csv`)).arrayBuffer());
    const csvNumbers = (parseCsv(csv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((row) => row['number']!);
    expect(csvNumbers).toEqual(byPublication);
    const json = (await (await fetch(`${siteUrl}/open-data/decisions.json`)).json()) as { data: { number: string }[] };
    expect(json.data.map((row) => row.number)).toEqual(byPublication);

    const feed = await (await fetch(`${siteUrl}/en/feed.xml`)).text();
    const feedAnchors = [...feed.matchAll(/<id>[^<]*#(decision-[^<]+)<\/id>/g)].map((match) => match[1]);
    expect(feedAnchors).toEqual(byPublication.map(anchorOf));

    expect(await open('/en/decisions/')).toBe(200);
    const rows = await page.locator('table.decisions-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-decision') ?? ''));
    expect(rows).toEqual(byPublication.slice(0, 50));
    // The page says when each was published, and the table reads in that order.
    const published = await page.locator('table.decisions-table tbody tr td:first-child time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    expect(published).toEqual([...published].sort().reverse());
  });
});

describe('reorganised organizations', () => {
  const LABELS = {
    kk: { predecessor: 'Бұрынғы ұйым', successors: 'Кейінгі ұйымдар' },
    ru: { predecessor: 'Предшественник', successors: 'Правопреемники' },
    en: { predecessor: 'Reorganised from', successors: 'Reorganised into' },
  } as const;

  /** The link under the term `label` of the organization details, as a visitor reads it. */
  async function linkUnder(label: string): Promise<{ href: string | null; text: string }[]> {
    const term = page.locator('dt', { hasText: label });
    await expect(term.count(), `a "${label}" entry`).resolves.toBe(1);
    const links = term.locator('xpath=following-sibling::dd[1]//a');
    return links.evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), text: (a.textContent ?? '').trim() })));
  }

  it('links a successor to its predecessor and back, in Kazakh, Russian and English', async () => {
    const { predecessor, successor } = reorganisation;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      expect(await open(`/${lang}/organizations/${successor.bin}/`)).toBe(200);
      await expect(page.locator('h1').innerText()).resolves.toContain(successor.name[lang]);
      expect(await linkUnder(LABELS[lang].predecessor)).toEqual([
        { href: `/${lang}/organizations/${predecessor.bin}/`, text: predecessor.name[lang] },
      ]);
      await page.locator(`a[href="/${lang}/organizations/${predecessor.bin}/"]`).first().click();
      expect(new URL(page.url()).pathname).toBe(`/${lang}/organizations/${predecessor.bin}/`);
      expect(await linkUnder(LABELS[lang].successors)).toContainEqual({
        href: `/${lang}/organizations/${successor.bin}/`,
        text: successor.name[lang],
      });
      expect(await page.locator('dt', { hasText: LABELS[lang].predecessor }).count()).toBe(0);
    }
  });
});
