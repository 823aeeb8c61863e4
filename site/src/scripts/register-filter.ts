// Progressive enhancement of the register filter form (components/FilterForm.astro). Without
// this script the form is submitted and the filter route renders the results. With it, a
// changed choice fetches the same route's HTML and swaps only the results region: the form
// (and the keyboard focus in it) stays, the address follows (history.pushState, so the back
// button and bookmarks work), and the new count is announced in an aria-live region.

const RESULTS = '[data-filter-results]';

export function enhanceRegisterFilter(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-filter-form]');
  const live = form?.querySelector<HTMLElement>('[data-filter-live]');
  if (!form || !live || !document.querySelector(RESULTS) || !window.fetch || !window.DOMParser) return;

  let controller: AbortController | undefined;
  let shown = withoutHash(location.href);

  /** The address the form would submit to, with empty choices left out. */
  const formAddress = (): string => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim()) query.set(name, value.trim());
    }
    const text = query.toString();
    return text ? `${form.action}?${text}` : form.action;
  };

  /** Copies the choices of a rendered form (after the back button or a "remove" link). */
  const syncForm = (from: HTMLFormElement | null): void => {
    if (!from) return;
    for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input[name]')) {
      const source = from.elements.namedItem(field.name);
      if (source instanceof HTMLSelectElement || source instanceof HTMLInputElement) field.value = source.value;
    }
  };

  async function show(url: string, options: { push: boolean; sync: boolean; focusResults: boolean }): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    const current = document.querySelector<HTMLElement>(RESULTS);
    current?.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.querySelector<HTMLElement>(RESULTS);
      if (!fresh || !current) {
        location.assign(url);
        return;
      }
      current.replaceWith(document.adoptNode(fresh));
      document.title = page.title;
      const heading = document.querySelector('h1');
      const freshHeading = page.querySelector('h1');
      if (heading && freshHeading) heading.textContent = freshHeading.textContent;
      if (options.sync) syncForm(page.querySelector<HTMLFormElement>('form[data-filter-form]'));
      if (options.push) history.pushState({ registerFilter: true }, '', url);
      shown = withoutHash(url);
      const said = fresh.querySelector('[data-count]') ?? fresh.querySelector('.notice');
      live!.textContent = said?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (options.focusResults) fresh.focus();
    } catch (error) {
      // A newer choice replaced this one; anything else: let the browser load the page itself.
      if (!(error instanceof DOMException && error.name === 'AbortError')) location.assign(url);
    }
  }

  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) void show(formAddress(), { push: true, sync: false, focusResults: false });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show(formAddress(), { push: true, sync: false, focusResults: false });
  });
  // Links inside the results (next page, remove a filter) update in place too; focus then
  // moves to the results, since the link itself is gone.
  document.addEventListener('click', (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-filter-link]') : null;
    if (!link) return;
    event.preventDefault();
    void show(link.href, { push: true, sync: true, focusResults: true });
  });
  window.addEventListener('popstate', () => {
    // The skip link (#main) changes only the fragment: nothing to load.
    if (withoutHash(location.href) === shown) return;
    void show(location.href, { push: false, sync: true, focusResults: false });
  });
}

function withoutHash(url: string): string {
  return url.split('#')[0] ?? url;
}
