// What the static pages derive from the API's data: sorted lists, pages, lookups.
import { plain, type Lang } from '../i18n/ui.ts';
import {
  loadOrganizations,
  loadRegionsAndStatistics,
  loadReports,
  type AccreditationStatus,
  type Organization,
} from './api.ts';
import { REGISTER_PAGE_SIZE, pageCount, sortByText } from './format.ts';

/**
 * Organizations per register page: 50, or KZA_REGISTER_PAGE_SIZE at build time (the tests
 * use a small size so that the few seeded organizations still fill several pages).
 */
export function registerPageSize(): number {
  const raw = process.env['KZA_REGISTER_PAGE_SIZE'];
  const size = raw ? Number.parseInt(raw, 10) : REGISTER_PAGE_SIZE;
  return Number.isInteger(size) && size > 0 ? size : REGISTER_PAGE_SIZE;
}

// Sorted once per language and status: every register, status and region page of a build
// reads the same list, and sorting the national register for each of them made the build
// grow with the square of its size.
const sorted = new Map<string, Promise<Organization[]>>();

/** The register in the visitor's alphabetical order of names (then BIN). */
export function sortedOrganizations(lang: Lang, status?: AccreditationStatus): Promise<Organization[]> {
  const key = `${lang}:${status ?? ''}`;
  let list = sorted.get(key);
  if (!list) {
    list = loadOrganizations().then((organizations) => {
      const chosen = status ? organizations.filter((org) => org.accreditationStatus === status) : organizations;
      return sortByText(chosen, lang, (org) => `${plain(org.name, lang)}\u0000${org.bin}`);
    });
    list.catch(() => sorted.delete(key));
    sorted.set(key, list);
  }
  return list;
}

const byRegion = new Map<string, Promise<Organization[]>>();

/** One region's organizations, in the visitor's order; worked out once per language and region. */
export function organizationsOfRegion(lang: Lang, code: string): Promise<Organization[]> {
  const key = `${lang}:${code}`;
  let list = byRegion.get(key);
  if (!list) {
    list = sortedOrganizations(lang).then((organizations) => organizations.filter((org) => org.region.code === code));
    list.catch(() => byRegion.delete(key));
    byRegion.set(key, list);
  }
  return list;
}

/** Page numbers of a list of `total` organizations: [1, 2, ...]. */
export function pageNumbers(total: number): number[] {
  return Array.from({ length: pageCount(total, registerPageSize()) }, (_, index) => index + 1);
}

/** Whether any record shown is demonstration data. */
export async function hasDemoData(): Promise<boolean> {
  const [organizations, reports] = await Promise.all([loadOrganizations(), loadReports()]);
  return (
    organizations.some((org) => org.isDemo || org.decisions.some((decision) => decision.isDemo)) ||
    reports.some((report) => report.isDemo)
  );
}

export async function placeholderBinCount(): Promise<number> {
  return (await loadOrganizations()).filter((org) => org.binIsPlaceholder).length;
}

export async function regionByCode(code: string) {
  const { regions } = await loadRegionsAndStatistics();
  return regions.find((region) => region.code === code);
}
