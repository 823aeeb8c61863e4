// The register of certified experts as the static pages show it: sorted in the visitor's
// alphabet, narrowed by working language or level, cut into pages. Files starting with "_"
// are not pages (Astro skips them).
import { plain, type Lang } from '../../../i18n/ui.ts';
import { EDUCATION_LEVELS, LANGUAGES, loadCertifiedExperts, type CertifiedExpert, type EducationLevel, type Language } from '../../../lib/api.ts';
import { sortByText } from '../../../lib/format.ts';

/** A filter is a pre-built page: /ru/experts/language/kk/, /ru/experts/level/secondary/. */
export type ExpertFilter = { kind: 'language'; value: Language } | { kind: 'level'; value: EducationLevel };

/** Expert filter pages are paths, where words are joined by hyphens: level/technical-vocational/. */
export const filterSlug = (value: string): string => value.toLowerCase().replace(/_/g, '-');

export function languageFilter(slug: string | undefined): ExpertFilter | undefined {
  const value = LANGUAGES.find((language) => filterSlug(language) === slug);
  return value ? { kind: 'language', value } : undefined;
}

export function levelFilter(slug: string | undefined): ExpertFilter | undefined {
  const value = EDUCATION_LEVELS.find((level) => filterSlug(level) === slug);
  return value ? { kind: 'level', value } : undefined;
}

/** The path of a page of the register after the language, e.g. "experts/level/secondary/2/". */
export function expertsPath(filter?: ExpertFilter, page = 1): string {
  const base = filter ? `experts/${filter.kind}/${filterSlug(filter.value)}/` : 'experts/';
  return page <= 1 ? base : `${base}${page}/`;
}

export function matchesFilter(expert: CertifiedExpert, filter?: ExpertFilter): boolean {
  if (!filter) return true;
  return filter.kind === 'language' ? expert.languages.includes(filter.value) : expert.specialisations.levels.includes(filter.value);
}

/** The experts (optionally narrowed) by name in the visitor's alphabet, then certificate number. */
export async function sortedExperts(lang: Lang, filter?: ExpertFilter): Promise<CertifiedExpert[]> {
  const experts = (await loadCertifiedExperts()).filter((expert) => matchesFilter(expert, filter));
  return sortByText(experts, lang, (expert) => `${plain(expert.name, lang)}\u0000${expert.certificateNumber}`);
}

export const isDemoCertificate = (number: string): boolean => number.startsWith('DEMO-');
