// Ratings of experts after a visit: who may rate, when, and the averages that feed the
// development needs. Pure rules; the mutation in mutations.ts loads the data.
import type { CaseStage, RaterRole } from '../generated/prisma/enums.ts';
import type { SignedInViewer } from '../graphql/context.ts';
import { todayInKazakhstan } from '../shared/dates.ts';

/** A case can be rated once the external visit is over: from the final report on. */
export const RATEABLE_STAGES: readonly CaseStage[] = ['FINAL_REPORT', 'COUNCIL_REVIEW', 'DECIDED', 'POST_ACCREDITATION', 'RE_ACCREDITATION_DUE'];

/** Average over the last 12 months below which an expert's development needs are flagged. */
export const LOW_RATING_THRESHOLD = 3;
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

/**
 * The role the viewer rates in: the organization (its representative) or the body (a
 * coordinator). Null when the viewer may not rate experts of this organization's case.
 */
export function raterRoleOf(viewer: SignedInViewer, caseOrganizationId: string): RaterRole | null {
  if (viewer.roles.includes('ORGANIZATION_REPRESENTATIVE') && viewer.organizationId === caseOrganizationId) return 'ORGANIZATION';
  if (viewer.roles.includes('COORDINATOR')) return 'COORDINATOR';
  return null;
}

export interface RatingSummary {
  count: number;
  average: number | null;
  recentCount: number;
  recentAverage: number | null;
}

const mean = (scores: readonly number[]): number | null =>
  scores.length ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 100) / 100 : null;

/** The day a year before `today` (YYYY-MM-DD); 29 February falls back to 28 February. */
export function yearBefore(today: string): string {
  const year = Number(today.slice(0, 4)) - 1;
  const monthDay = today.slice(5) === '02-29' ? '02-28' : today.slice(5);
  return `${year}-${monthDay}`;
}

/** Counts and averages (two decimals) of all ratings and of those of the last 12 months. */
export function summariseRatings(ratings: readonly { score: number; createdAt: Date }[], today: string): RatingSummary {
  const since = yearBefore(today);
  const recent = ratings.filter((rating) => todayInKazakhstan(rating.createdAt) > since).map((rating) => rating.score);
  return {
    count: ratings.length,
    average: mean(ratings.map((rating) => rating.score)),
    recentCount: recent.length,
    recentAverage: mean(recent),
  };
}

export function hasLowRatings(summary: RatingSummary): boolean {
  return summary.recentAverage !== null && summary.recentAverage < LOW_RATING_THRESHOLD;
}
