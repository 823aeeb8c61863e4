// The public accreditation status of an organization, computed from its published
// decisions and open cases on a given day. Pure: no I/O, the day is a parameter.
// The register's status filter and statistics run the same rule in SQL
// (accreditation-status-sql.ts); a test checks the two agree.
import type { CaseStage, DecisionOutcome } from '../generated/prisma/enums.ts';

export const accreditationStatuses = ['ACCREDITED', 'EXPIRED', 'REFUSED', 'IN_PROGRESS', 'NOT_ACCREDITED'] as const;
export type AccreditationStatus = (typeof accreditationStatuses)[number];

/**
 * Stages in which a case is publicly "in progress": registered for accreditation and not
 * yet ended by a published decision. An application that is not yet registered is not
 * public; a rejected or withdrawn case has ended.
 */
export const openCaseStages: readonly CaseStage[] = [
  'REGISTERED',
  'SELF_ASSESSMENT',
  'PRELIMINARY_ASSESSMENT',
  'PRELIMINARY_VISIT',
  'EXTERNAL_VISIT',
  'FINAL_REPORT',
  'COUNCIL_REVIEW',
  'DECIDED',
];

export interface DecisionFacts {
  id: string;
  caseId: string;
  outcome: DecisionOutcome;
  /** YYYY-MM-DD */
  decisionDate: string;
  /** YYYY-MM-DD, inclusive */
  validUntil: string | null;
  publishedAt: Date | null;
  /** The decision this one corrects. */
  supersedesId: string | null;
}

export interface CaseFacts {
  id: string;
  stage: CaseStage;
}

export interface AccreditationStanding {
  status: AccreditationStatus;
  /** Last day of validity for ACCREDITED and EXPIRED. */
  validUntil: string | null;
  /** The decision the status rests on, if any. */
  decisionId: string | null;
}

/** Published decisions that no published correction replaces, newest first. */
export function effectiveDecisions<T extends DecisionFacts>(decisions: readonly T[]): T[] {
  const published = decisions.filter((decision) => decision.publishedAt !== null);
  const corrected = new Set(published.map((decision) => decision.supersedesId).filter((id) => id !== null));
  return published
    .filter((decision) => !corrected.has(decision.id))
    .sort(
      (a, b) =>
        b.decisionDate.localeCompare(a.decisionDate) ||
        (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0),
    );
}

export function accreditationStanding(input: {
  decisions: readonly DecisionFacts[];
  cases: readonly CaseFacts[];
  /** YYYY-MM-DD in Kazakhstan */
  today: string;
}): AccreditationStanding {
  const [latest] = effectiveDecisions(input.decisions);
  const decidedCases = new Set(
    input.decisions.filter((decision) => decision.publishedAt !== null).map((decision) => decision.caseId),
  );
  const hasOpenCase = input.cases.some((c) => openCaseStages.includes(c.stage) && !decidedCases.has(c.id));

  if (latest?.outcome === 'ACCREDITED' && latest.validUntil !== null && latest.validUntil >= input.today) {
    return { status: 'ACCREDITED', validUntil: latest.validUntil, decisionId: latest.id };
  }
  if (hasOpenCase) return { status: 'IN_PROGRESS', validUntil: null, decisionId: latest?.id ?? null };
  if (latest?.outcome === 'ACCREDITED') {
    return { status: 'EXPIRED', validUntil: latest.validUntil, decisionId: latest.id };
  }
  if (latest?.outcome === 'REFUSED') return { status: 'REFUSED', validUntil: null, decisionId: latest.id };
  return { status: 'NOT_ACCREDITED', validUntil: null, decisionId: null };
}
