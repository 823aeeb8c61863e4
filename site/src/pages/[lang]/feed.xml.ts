// /{lang}/feed.xml: an Atom feed (RFC 4287) of published decisions, newest first, in one
// language. Entry ids are permalinks (organization page by BIN + decision anchor), which never change.
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANGS, OUTCOME_LABELS, pick, t, type Lang } from '../../i18n/ui.ts';
import { loadOrganizations } from '../../lib/api.ts';
import { BUILT_AT, decisionAnchor, organizationPath, pagePath } from '../../lib/format.ts';
import { siteOrigin } from '../../lib/open-data.ts';

export const prerender = true;

export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

const FEED_TITLE: Record<Lang, string> = {
  kk: 'Аккредиттеу туралы жарияланған шешімдер',
  ru: 'Опубликованные решения об аккредитации',
  en: 'Published accreditation decisions',
};
const DEMO: Record<Lang, string> = { kk: 'демо', ru: 'демо', en: 'demo' };

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ params, site }) => {
  const lang = params['lang'] as Lang;
  const origin = siteOrigin(site);
  const organizations = await loadOrganizations();
  const entries = organizations
    .flatMap((org) => org.decisions.filter((decision) => decision.publishedAt).map((decision) => ({ org, decision })))
    .sort((a, b) => Date.parse(b.decision.publishedAt!) - Date.parse(a.decision.publishedAt!) || a.decision.number.localeCompare(b.decision.number));
  const updated = entries[0]?.decision.publishedAt ?? BUILT_AT.toISOString();
  const self = `${origin}${pagePath(lang)}feed.xml`;
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `<id>${escapeXml(self)}</id>`,
    `<title>${escapeXml(`${FEED_TITLE[lang]} — ${t(lang, 'siteName')}`)}</title>`,
    `<updated>${escapeXml(new Date(updated).toISOString())}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(origin + pagePath(lang))}"/>`,
    `<author><name>${escapeXml(t(lang, 'siteName'))}</name></author>`,
    `<rights>CC BY 4.0</rights>`,
    ...entries.map(({ org, decision }) => {
      const page = origin + pagePath(lang, organizationPath(org.bin));
      const name = pick(org.name, lang)?.text ?? org.bin;
      const title = `${name}: ${OUTCOME_LABELS[decision.outcome][lang]} (${decision.number})${decision.isDemo ? ` [${DEMO[lang]}]` : ''}`;
      const summary = pick(decision.summary, lang)?.text;
      return [
        '<entry>',
        `<id>${escapeXml(`${page}#${decisionAnchor(decision.number)}`)}</id>`,
        `<title>${escapeXml(title)}</title>`,
        `<updated>${escapeXml(new Date(decision.publishedAt!).toISOString())}</updated>`,
        `<published>${escapeXml(new Date(decision.publishedAt!).toISOString())}</published>`,
        `<link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
        summary ? `<summary>${escapeXml(summary)}</summary>` : '',
        '</entry>',
      ].join('');
    }),
    '</feed>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
