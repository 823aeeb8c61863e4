// /sitemap.xml: every static page the build wrote, each with its hreflang alternates
// (kk, ru, en and x-default). Written after the build (astro:build:done), from the list of
// pages Astro actually rendered, so no page is missed or invented.
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

const LANGS = ['kk', 'ru', 'en'] as const;

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Builds the sitemap from page paths such as "ru/register/2/" or "" (the root). */
export function sitemapXml(origin: string, pathnames: readonly string[]): string {
  const pages = new Set(
    pathnames
      .map((pathname) => `/${pathname}`.replace(/\/+/g, '/').replace(/([^/])$/, '$1/'))
      // Only HTML pages: not 404, not the open-data files or feeds.
      .filter((path) => path !== '/404/' && !/\.[a-z]+\/$/.test(path)),
  );
  const url = (path: string) => escapeXml(origin + path);
  const entries = [...pages].sort().map((path) => {
    const match = /^\/(kk|ru|en)\/(.*)$/.exec(path);
    const rest = match?.[2] ?? null;
    const alternates =
      rest === null
        ? []
        : LANGS.filter((lang) => pages.has(`/${lang}/${rest}`))
            .map((lang) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${url(`/${lang}/${rest}`)}"/>`)
            .concat(`<xhtml:link rel="alternate" hreflang="x-default" href="${url(rest === '' ? '/' : `/kk/${rest}`)}"/>`);
    return `<url><loc>${url(path)}</loc>${alternates.join('')}</url>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    entries.join('\n') +
    '\n</urlset>\n'
  );
}

export function sitemap(): AstroIntegration {
  let origin = 'http://localhost:4321';
  return {
    name: 'kza:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) origin = config.site.replace(/\/+$/, '');
      },
      'astro:build:done': async ({ pages, dir }) => {
        await writeFile(new URL('sitemap.xml', dir), sitemapXml(origin, pages.map((page) => page.pathname)), 'utf8');
      },
    },
  };
}
