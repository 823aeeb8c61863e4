// Dates, times, addresses of pages and sorting: small pure helpers shared by the pages.
import { LOCALES, type Lang } from '../i18n/ui.ts';
import type { AccreditationStatus, IsoDate } from './api.ts';

export const TIME_ZONE = 'Asia/Almaty';

/** The moment this build started; every static page says it was built then. */
export const BUILT_AT = new Date();

// Formatters are made once per language and options and kept: building an Intl formatter costs
// far more than formatting with one, and a national-size build formats on every page.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<Options, Made extends Intl.DateTimeFormat | Intl.NumberFormat>(
  make: new (locale: string, options: Options) => Made,
  locale: string,
  options: Options,
): Made {
  const key = `${make.name}|${locale}|${JSON.stringify(options)}`;
  let made = formatters.get(key) as Made | undefined;
  if (!made) {
    made = new make(locale, options);
    formatters.set(key, made);
  }
  return made;
}
const formatter = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => cached(Intl.DateTimeFormat, locale, options);
const numberFormatter = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => cached(Intl.NumberFormat, locale, options);

/** A `Date` scalar (YYYY-MM-DD, a calendar day) written out in the visitor's language. */
export function formatDate(value: IsoDate, lang: Lang): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!year || !month || !day) return value;
  return formatter(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A moment as the date and time in Kazakhstan (Asia/Almaty). */
export function formatDateTime(value: Date | string, lang: Lang, withSeconds = false): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return formatter(LOCALES[lang], {
    dateStyle: 'long',
    timeStyle: withSeconds ? 'medium' : 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

/**
 * From one moment to another in Kazakhstan: "10 December 2026, 10:00 – 13:00" when both are
 * on the same day there, both dates and times otherwise.
 */
export function formatDateTimeRange(start: Date | string, end: Date | string, lang: Lang): string {
  const from = typeof start === 'string' ? new Date(start) : start;
  const to = typeof end === 'string' ? new Date(end) : end;
  const endText =
    almatyDay(from) === almatyDay(to)
      ? formatter(LOCALES[lang], { timeStyle: 'short', timeZone: TIME_ZONE }).format(to)
      : formatDateTime(to, lang);
  return `${formatDateTime(from, lang)} – ${endText}`;
}

/** The calendar day of a moment in Kazakhstan, as YYYY-MM-DD. */
export function almatyDay(value: Date): IsoDate {
  return formatter('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(value);
}

/** ISO 8601 with Almaty's offset (+05:00), for <time datetime>. */
export function isoInAlmaty(value: Date): string {
  const parts = Object.fromEntries(
    formatter('en-GB', {
      timeZone: TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(value)
      .map((part) => [part.type, part.value]),
  );
  const offset = String(parts['timeZoneName'] ?? 'GMT+05:00').replace('GMT', '') || '+00:00';
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${offset}`;
}

// ---------------------------------------------------------------------------------------
// Addresses

/** The path of a page in a language; `rest` has no leading slash and ends with one (or is ''). */
export const pagePath = (lang: Lang, rest = ''): string => `/${lang}/${rest}`;

/** An API enum value as written in addresses: lower case (register/status/in_progress/, status=in_progress, language=kk). */
export const enumSlug = (value: string): string => value.toLowerCase();

export const registerPath = (page = 1): string => (page <= 1 ? 'register/' : `register/${page}/`);
export const statusPath = (status: AccreditationStatus, page = 1): string =>
  `register/status/${enumSlug(status)}/${page <= 1 ? '' : `${page}/`}`;
export const organizationPath = (bin: string): string => `organizations/${bin}/`;
export const regionPath = (code: string, page = 1): string => `regions/${code}/${page <= 1 ? '' : `${page}/`}`;
export const reportPath = (id: string): string => `reports/${reportSlug(id)}/`;
export const frameworkPath = (version: number): string => `standards/${version}/`;
export const frameworkChangesPath = (version: number): string => `standards/${version}/changes/`;
export const verifyHref = (bin: string, lang: Lang): string => `/verify/${encodeURIComponent(bin)}?lang=${lang}`;

/** A Relay global ID (base64) made safe for a URL path segment (base64url, no padding). */
export function reportSlug(id: string): string {
  return id.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Id attributes of a standard and of a criterion on a page of the standards, from their codes. */
export const standardAnchor = (code: string): string => `standard-${code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
export const criterionAnchor = (code: string): string => `criterion-${code.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** An id attribute for a decision, from its number. */
export const decisionAnchor = (number: string): string => `decision-${number.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * Where the site serves a report's attachment: named by its sha256 (so the address never
 * changes and never clashes), with the extension of its original name.
 */
export function attachmentPath(document: { sha256: string; fileName: string }): string {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(document.fileName)?.[1]?.toLowerCase();
  return `/files/${document.sha256}${extension ? `.${extension}` : ''}`;
}

/** A size in bytes, in the visitor's language (e.g. 1,2 МБ). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return numberFormatter(LOCALES[lang], { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

// ---------------------------------------------------------------------------------------
// Lists

/** Organizations on one page of the register. */
export const REGISTER_PAGE_SIZE = 50;

export function pageCount(total: number, size = REGISTER_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export function pageSlice<T>(items: readonly T[], page: number, size = REGISTER_PAGE_SIZE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** Sorts by a text key in the visitor's language's alphabetical order. */
export function sortByText<T>(items: readonly T[], lang: Lang, key: (item: T) => string): T[] {
  const collator = new Intl.Collator(LOCALES[lang], { sensitivity: 'base', numeric: true });
  // Each key once, not once per comparison (the national register has thousands of items).
  return items
    .map((item) => ({ item, text: key(item) }))
    .sort((a, b) => collator.compare(a.text, b.text))
    .map(({ item }) => item);
}
