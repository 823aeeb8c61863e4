// Published decisions gathered from the register (each organization's `decisions`), for the
// latest-decisions page, the Atom feed, the open data and the statistics.
import type { Decision, Organization } from './api.ts';

export interface DecisionWithOrganization {
  decision: Decision;
  organization: Organization;
}

/**
 * Every published decision (corrected ones included), in the site's one order of decisions:
 * newest publication first, then the higher number first. By publication, not by decision date,
 * because the page, the feed and the open data tell what was published when: a decision taken
 * earlier but published today is news today. (Instants are compared as times, since the API's
 * ISO strings may carry different offsets.)
 */
export function publishedDecisions(organizations: readonly Organization[]): DecisionWithOrganization[] {
  return organizations
    .flatMap((organization) =>
      organization.decisions.filter((decision) => decision.publishedAt).map((decision) => ({ decision, organization })),
    )
    .sort(
      (a, b) =>
        Date.parse(b.decision.publishedAt!) - Date.parse(a.decision.publishedAt!) ||
        b.decision.number.localeCompare(a.decision.number),
    );
}

export interface OutcomeCounts {
  accredited: number;
  refused: number;
}

/** Decisions in force (not replaced by a correction) counted by outcome in groups, sorted by group key. */
function countOutcomes(decisions: readonly DecisionWithOrganization[], keyOf: (entry: DecisionWithOrganization) => string): [string, OutcomeCounts][] {
  const groups = new Map<string, OutcomeCounts>();
  for (const entry of decisions) {
    if (entry.decision.supersededBy) continue;
    const key = keyOf(entry);
    const counts = groups.get(key) ?? { accredited: 0, refused: 0 };
    if (entry.decision.outcome === 'ACCREDITED') counts.accredited += 1;
    else counts.refused += 1;
    groups.set(key, counts);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Decisions in force per year of the decision and outcome, oldest year first. */
export function decisionsByYear(decisions: readonly DecisionWithOrganization[]): ({ year: string } & OutcomeCounts)[] {
  return countOutcomes(decisions, ({ decision }) => decision.decisionDate.slice(0, 4)).map(([year, counts]) => ({ year, ...counts }));
}

/** Decisions in force per region (code) of the organization and outcome; regions without decisions are left out. */
export function decisionsByRegion(decisions: readonly DecisionWithOrganization[]): ({ code: string } & OutcomeCounts)[] {
  return countOutcomes(decisions, ({ organization }) => organization.region.code).map(([code, counts]) => ({ code, ...counts }));
}
