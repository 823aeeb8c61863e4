// The full-text search index (/pagefind/): written by Pagefind from the built HTML once
// `astro build` has written the static pages (scripts/build.ts). Only pages that mark their content with
// data-pagefind-body (organizations, reports, standards) are indexed, and Pagefind splits the
// index by <html lang>, so each language (kk, ru, en) gets its own and a visitor searches theirs.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

/** Where the search page loads Pagefind from: the index is written there, under the client folder. */
export const PAGEFIND_DIR = 'pagefind';

/** Files read and handed to Pagefind at once. */
const CONCURRENCY = 16;

/**
 * The built HTML is compressed (no whitespace between tags), and Pagefind joins the text of
 * adjacent cells and labels: "<dt>City</dt><dd>Astana</dd>" would be indexed as "CityAstana"
 * and not be found by "Astana". A space after these closing tags keeps the words apart.
 */
export function separateWords(html: string): string {
  return html.replace(/<\/(dt|dd|td|th|li|span|caption|summary|label)>/gi, '$& ');
}

/**
 * What Pagefind needs of a page: its language (<html lang>), its title and its <main>, which
 * holds data-pagefind-body and the page's meta and filters. Leaving out the header, menus
 * and footer makes indexing a national-size register about a quarter faster.
 */
export function indexedPart(html: string): string {
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (!lang || start === -1 || end === -1) return html;
  const title = /<title>[\s\S]*?<\/title>/.exec(html)?.[0] ?? '';
  return `<!doctype html><html lang="${lang}"><head>${title}</head><body>${html.slice(start, end + '</main>'.length)}</body></html>`;
}

/**
 * Writes the Pagefind index of a built site's client folder into <client>/pagefind/. Run by
 * scripts/build.ts after `astro build` has exited, in a process of its own: a national-size
 * register takes about 0.9 GB to build and 1.6 GB to index, and apart their peaks do not add up.
 */
export async function writeSearchIndex(site: string): Promise<{ indexed: number; outputPath: string }> {
  const files = (await readdir(site, { recursive: true })).filter((file) => file.endsWith('.html'));
  const { index, errors } = await createIndex();
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let indexed = 0;
    for (let start = 0; start < files.length; start += CONCURRENCY) {
      await Promise.all(
        files.slice(start, start + CONCURRENCY).map(async (file) => {
          const html = await readFile(join(site, file), 'utf8');
          // Pagefind would drop the unmarked pages anyway; skipping them saves the work.
          if (!html.includes('data-pagefind-body')) return;
          const added = await index.addHTMLFile({ sourcePath: file, content: separateWords(indexedPart(html)) });
          if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
          indexed += 1;
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: join(site, PAGEFIND_DIR) });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { indexed, outputPath: written.outputPath };
  } finally {
    await close();
  }
}
