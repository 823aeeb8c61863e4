// Published decisions gathered from the register (each organization's `decisions`), for the
// latest-decisions page and the statistics.
import type { Decision, Organization } from './api.ts';

export interface DecisionWithOrganization {
  decision: Decision;
  organization: Organization;
}

/** Every published decision (corrected ones included), newest first: by decision date, then publication, then number. */
export function publishedDecisions(organizations: readonly Organization[]): DecisionWithOrganization[] {
  return organizations
    .flatMap((organization) =>
      organization.decisions.filter((decision) => decision.publishedAt).map((decision) => ({ decision, organization })),
    )
    .sort(
      (a, b) =>
        b.decision.decisionDate.localeCompare(a.decision.decisionDate) ||
        Date.parse(b.decision.publishedAt!) - Date.parse(a.decision.publishedAt!) ||
        b.decision.number.localeCompare(a.decision.number),
    );
}

/** Decisions in force (not replaced by a correction) per year of the decision and outcome, oldest year first. */
export function decisionsByYear(
  decisions: readonly DecisionWithOrganization[],
): { year: string; accredited: number; refused: number }[] {
  const years = new Map<string, { accredited: number; refused: number }>();
  for (const { decision } of decisions) {
    if (decision.supersededBy) continue;
    const year = decision.decisionDate.slice(0, 4);
    const entry = years.get(year) ?? { accredited: 0, refused: 0 };
    if (decision.outcome === 'ACCREDITED') entry.accredited += 1;
    else entry.refused += 1;
    years.set(year, entry);
  }
  return [...years.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([year, counts]) => ({ year, ...counts }));
}
