// The register filter (/{lang}/register/filter?region=…&kind=…&level=…&status=…&language=…&q=…):
// reading and checking its query parameters, and writing its addresses. Pure functions, no I/O.
import { KIND_LABELS, type Lang } from '../i18n/ui.ts';
import {
  ACCREDITATION_STATUSES,
  EDUCATION_LEVELS,
  LANGUAGES,
  type AccreditationStatus,
  type CursorPosition,
  type EducationLevel,
  type Language,
  type OrganizationFilter,
  type OrganizationKind,
  type OrganizationOrderField,
} from './api.ts';
import { enumSlug } from './format.ts';

export const ORGANIZATION_KINDS = Object.keys(KIND_LABELS) as OrganizationKind[];

/** The longest text search accepted (the API would take more; nobody types more). */
export const MAX_SEARCH_LENGTH = 100;

/** What a visitor chose; an absent field is not filtered on. */
export interface FilterValues {
  region?: string;
  kind?: OrganizationKind;
  level?: EducationLevel;
  status?: AccreditationStatus;
  language?: Language;
  q?: string;
}

export type FilterParam = keyof FilterValues;
/** The parameters in the order of the form (and of every address written). */
export const FILTER_PARAMS: readonly FilterParam[] = ['region', 'kind', 'level', 'status', 'language', 'q'];

export interface ParamProblem {
  param: FilterParam | 'after' | 'before';
  value: string;
}

export interface ParsedFilter {
  values: FilterValues;
  position: CursorPosition;
  problems: ParamProblem[];
}

function fromSlug<T extends string>(allowed: readonly T[], raw: string): T | undefined {
  return allowed.find((value) => enumSlug(value) === raw.toLowerCase());
}

/** Relay cursors are base64: anything else is refused before it reaches the API. */
const CURSOR = /^[A-Za-z0-9+/=_-]{1,200}$/;

/** Reads the filter from an address's query. Empty parameters mean "any"; unknown ones are ignored. */
export function parseFilter(params: URLSearchParams): ParsedFilter {
  const values: FilterValues = {};
  const problems: ParamProblem[] = [];
  const read = (name: string): string => (params.get(name) ?? '').trim();

  const region = read('region');
  if (region) {
    if (/^\d{2}$/.test(region)) values.region = region;
    else problems.push({ param: 'region', value: region });
  }
  const enums = [
    ['kind', ORGANIZATION_KINDS],
    ['level', EDUCATION_LEVELS],
    ['status', ACCREDITATION_STATUSES],
    ['language', LANGUAGES],
  ] as const;
  for (const [param, allowed] of enums) {
    const raw = read(param);
    if (!raw) continue;
    const value = fromSlug<string>(allowed, raw);
    if (value) Object.assign(values, { [param]: value });
    else problems.push({ param, value: raw });
  }
  const q = read('q').replace(/\s+/g, ' ');
  if (q) {
    if (q.length <= MAX_SEARCH_LENGTH && !q.includes('\u0000')) values.q = q;
    else problems.push({ param: 'q', value: `${q.slice(0, 40)}…` });
  }

  let position: CursorPosition = {};
  const after = read('after');
  const before = read('before');
  if (after && !CURSOR.test(after)) problems.push({ param: 'after', value: after.slice(0, 40) });
  else if (before && !CURSOR.test(before)) problems.push({ param: 'before', value: before.slice(0, 40) });
  else if (after) position = { after };
  else if (before) position = { before };
  return { values, position, problems };
}

/** The filter as the API's `OrganizationFilter`. */
export function apiFilter(values: FilterValues): OrganizationFilter {
  const filter: OrganizationFilter = {};
  if (values.region) filter.regionCode = values.region;
  if (values.kind) filter.kind = values.kind;
  if (values.level) filter.level = values.level;
  if (values.status) filter.status = values.status;
  if (values.language) filter.language = values.language;
  if (values.q) filter.search = values.q;
  return filter;
}

/** Results are sorted by name in the visitor's language. */
export const orderFor = (lang: Lang): OrganizationOrderField => (lang === 'kk' ? 'NAME_KK' : lang === 'ru' ? 'NAME_RU' : 'NAME_EN');

/** The filter route's path in a language. */
export const filterAction = (lang: Lang): string => `/${lang}/register/filter`;

/** The address of a filter (and a page of it), parameters in form order, empty ones left out. */
export function filterHref(lang: Lang, values: FilterValues, position: CursorPosition = {}): string {
  const query = new URLSearchParams();
  for (const param of FILTER_PARAMS) {
    const value = values[param];
    if (value) query.set(param, param === 'region' || param === 'q' ? value : enumSlug(value));
  }
  if ('after' in position) query.set('after', position.after);
  if ('before' in position) query.set('before', position.before);
  const text = query.toString();
  return text ? `${filterAction(lang)}?${text}` : filterAction(lang);
}

/** The same filter without one of its parameters (the "remove" link of an applied filter). */
export function without(values: FilterValues, param: FilterParam): FilterValues {
  const rest = { ...values };
  delete rest[param];
  return rest;
}
