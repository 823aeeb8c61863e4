// The script of the search page (/{lang}/search/), the only script the site ships. It runs the
// full-text search in the browser with Pagefind's JS API and lists the results itself: a count
// in a live region, then each result's title (linked), type and excerpt. Pagefind is loaded
// from /pagefind/pagefind.js at run time, on the first search: the file is written after the
// build, so it must not be bundled, and a visitor who does not search never downloads it.
// Pagefind picks the index of the page's <html lang>, so results are in the visitor's language.

/** The words shown by the script, in the page's language (from src/i18n/ui.ts, via data-labels). */
export interface SearchLabels {
  /** "Results: {n}" */
  count: string;
  /** "Nothing found for “{q}”…" */
  none: string;
  searching: string;
  failed: string;
  types: Record<'organization' | 'report' | 'standard', string>;
  /** Status labels by slug (accredited, in_progress, …). */
  statuses: Record<string, string>;
}

/** The part of Pagefind's JS API this page uses (pagefind_web_js/types/index.d.ts). */
interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindFragment>;
}
interface Pagefind {
  search: (term: string) => Promise<{ results: PagefindResult[] } | null>;
}

/** Outside the bundle, on purpose (see above): an absolute URL that Vite leaves alone. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
/** Results shown at a time; "Show more" adds as many again. */
const STEP = 10;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).catch((error: unknown) => {
    pagefind = undefined;
    throw error;
  });
  return pagefind;
}

const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));

/** Pagefind's excerpt is HTML with <mark> around the matched words: keep only text and marks. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const body = new DOMParser().parseFromString(excerpt, 'text/html').body;
  for (const node of body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(node.textContent ?? '');
    }
  }
}

function resultItem(data: PagefindFragment, labels: SearchLabels): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  // A report's title is in the report's language, which may not be the page's.
  const titleLang = data.meta['titleLang'];
  if (titleLang && titleLang !== document.documentElement.lang) link.lang = titleLang;
  heading.append(link);
  const type = data.meta['type'];
  const about = document.createElement('p');
  about.className = 'search-type';
  const status = data.filters['status']?.[0];
  about.textContent = [
    type === 'organization' || type === 'report' || type === 'standard' ? labels.types[type] : undefined,
    status ? labels.statuses[status] : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  appendExcerpt(excerpt, data.excerpt);
  item.append(heading, about, excerpt);
  return item;
}

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('form.search-form');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = document.getElementById('search-status');
  const section = document.getElementById('search-results');
  const list = document.getElementById('search-list');
  const more = document.getElementById('search-more');
  if (!form || !input || !status || !section || !list || !(more instanceof HTMLButtonElement)) return;
  const labels = JSON.parse(section.dataset['labels'] ?? '{}') as SearchLabels;

  let results: PagefindResult[] = [];
  let shown = 0;
  /** Counts searches, so that a slow earlier search never overwrites a later one. */
  let generation = 0;

  async function showMore(focusFirst: boolean): Promise<void> {
    const current = generation;
    const batch = results.slice(shown, shown + STEP);
    const fragments = await Promise.all(batch.map((result) => result.data()));
    if (current !== generation) return;
    const items = fragments.map((data) => resultItem(data, labels));
    list!.append(...items);
    shown += batch.length;
    more!.hidden = shown >= results.length;
    // Keyboard users continue at the first new result.
    if (focusFirst) items[0]?.querySelector('a')?.focus();
  }

  async function run(term: string): Promise<void> {
    const current = ++generation;
    status!.textContent = labels.searching;
    try {
      const search = await (await loadPagefind()).search(term);
      if (current !== generation || !search) return;
      results = search.results;
      shown = 0;
      list!.replaceChildren();
      await showMore(false);
      if (current !== generation) return;
      section!.hidden = results.length === 0;
      status!.textContent = results.length === 0 ? fill(labels.none, { q: term }) : fill(labels.count, { n: results.length });
    } catch (error) {
      if (current !== generation) return;
      console.error(error);
      section!.hidden = true;
      status!.textContent = labels.failed;
    }
  }

  form.addEventListener('submit', (event) => {
    const term = input.value.trim();
    if (!term) return;
    event.preventDefault();
    // The address keeps the search, so it can be shared or reloaded.
    history.replaceState(null, '', `?q=${encodeURIComponent(term)}`);
    void run(term);
  });
  more.addEventListener('click', () => void showMore(true));

  const initial = new URLSearchParams(location.search).get('q')?.trim();
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
