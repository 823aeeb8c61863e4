// /{lang}/feed.xml: an Atom feed (RFC 4287) of published decisions and reports, newest first,
// in one language. Entry ids are permalinks that never change: a decision's is its
// organization's page (by BIN) with the decision's anchor, a report's is its page.
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, OUTCOME_LABELS, REPORT_KIND_LABELS, pick, t, type Lang } from '../../i18n/ui.ts';
import { loadOrganizations, loadReports } from '../../lib/api.ts';
import { publishedDecisions } from '../../lib/decisions.ts';
import { BUILT_AT, decisionAnchor, organizationPath, pagePath, reportPath } from '../../lib/format.ts';
import { siteOrigin } from '../../lib/open-data.ts';

export const prerender = true;

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

interface Entry {
  id: string;
  title: string;
  publishedAt: string;
  link: string;
  summary: string | undefined;
}

const byPublication = (a: Entry, b: Entry): number => Date.parse(b.publishedAt) - Date.parse(a.publishedAt);

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params['lang'] as Lang;
  const origin = siteOrigin(site);
  // Decisions come in the site's one order (lib/decisions.ts: newest publication first).
  const decisions: Entry[] = publishedDecisions(await loadOrganizations()).map(({ decision, organization }) => {
    const page = origin + pagePath(lang, organizationPath(organization.bin));
    const name = pick(organization.name, lang)?.text ?? organization.bin;
    return {
      id: `${page}#${decisionAnchor(decision.number)}`,
      title: `${name}: ${OUTCOME_LABELS[decision.outcome][lang]} (${decision.number})${decision.isDemo ? ` [${t(lang, 'demoMark')}]` : ''}`,
      publishedAt: decision.publishedAt!,
      link: page,
      summary: pick(decision.summary, lang)?.text,
    };
  });
  const reports: Entry[] = (await loadReports()).flatMap((report) => {
    if (!report.publishedAt) return [];
    const page = origin + pagePath(lang, reportPath(report.id));
    const name = pick(report.organization.name, lang)?.text ?? report.organization.bin;
    return [{
      id: page,
      title: `${name}: ${REPORT_KIND_LABELS[report.kind][lang]} — ${report.title}${report.isDemo ? ` [${t(lang, 'demoMark')}]` : ''}`,
      publishedAt: report.publishedAt,
      link: page,
      summary: report.summary ?? undefined,
    }];
  });
  // Reports in the same order (newest publication first, then by id); the merge sorts by time
  // only, and the sort is stable, so decisions keep their order among themselves.
  reports.sort((a, b) => byPublication(a, b) || a.id.localeCompare(b.id));
  const entries = [...decisions, ...reports].sort(byPublication);
  const updated = entries[0]?.publishedAt ?? BUILT_AT.toISOString();
  const self = `${origin}${pagePath(lang)}feed.xml`;
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `<id>${escapeXml(self)}</id>`,
    `<title>${escapeXml(`${t(lang, 'feedName')} — ${t(lang, 'siteName')}`)}</title>`,
    `<updated>${escapeXml(new Date(updated).toISOString())}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(origin + pagePath(lang))}"/>`,
    `<author><name>${escapeXml(t(lang, 'siteName'))}</name></author>`,
    `<rights>CC BY 4.0</rights>`,
    ...entries.map((entry) =>
      [
        '<entry>',
        `<id>${escapeXml(entry.id)}</id>`,
        `<title>${escapeXml(entry.title)}</title>`,
        `<updated>${escapeXml(new Date(entry.publishedAt).toISOString())}</updated>`,
        `<published>${escapeXml(new Date(entry.publishedAt).toISOString())}</published>`,
        `<link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
        entry.summary ? `<summary>${escapeXml(entry.summary)}</summary>` : '',
        '</entry>',
      ].join(''),
    ),
    '</feed>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
