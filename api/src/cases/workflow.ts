// The case workflow as data and plain functions, with no I/O: which action moves a case
// from which stage to which, who may take it, and who is told. The GraphQL mutations in
// cases/schema.ts and council/schema.ts check these before they touch the database; the
// guards that need data (ratings, teams, visits, votes) are the pure functions below.
import type { CaseStage, Role, VoteChoice } from '../generated/prisma/enums.ts';

/** Who is told about a step. */
export type Audience = 'REPRESENTATIVES' | 'COORDINATORS' | 'TEAM' | 'CPM_DIRECTOR' | 'COMMISSION' | 'COUNCIL_SECRETARY';

export interface Transition {
  /** Stages the case may be at. */
  from: readonly CaseStage[];
  /** Stage after the step; null when the step does not move the case. */
  to: CaseStage | null;
  /** Roles that may take the step (any one suffices). */
  roles: readonly Role[];
  /** Plain-language name of the step, for messages and the audit trail. */
  label: string;
  notify: readonly Audience[];
}

export const transitions = {
  apply: {
    from: [],
    to: 'APPLICATION_SUBMITTED',
    roles: ['ORGANIZATION_REPRESENTATIVE', 'COORDINATOR'],
    label: 'submit an application',
    notify: ['COORDINATORS'],
  },
  register: {
    from: ['APPLICATION_SUBMITTED'],
    to: 'REGISTERED',
    roles: ['COORDINATOR'],
    label: 'register the application',
    notify: ['REPRESENTATIVES'],
  },
  reject: {
    from: ['APPLICATION_SUBMITTED'],
    to: 'REJECTED',
    roles: ['COORDINATOR'],
    label: 'reject the application',
    notify: ['REPRESENTATIVES'],
  },
  startSelfAssessment: {
    from: ['REGISTERED'],
    to: 'SELF_ASSESSMENT',
    roles: ['ORGANIZATION_REPRESENTATIVE', 'COORDINATOR'],
    label: 'start the self-assessment',
    notify: ['REPRESENTATIVES', 'COORDINATORS'],
  },
  rateCriterion: {
    from: ['SELF_ASSESSMENT'],
    to: null,
    roles: ['ORGANIZATION_REPRESENTATIVE'],
    label: 'rate a criterion',
    notify: [],
  },
  submitSelfAssessment: {
    from: ['SELF_ASSESSMENT'],
    to: 'PRELIMINARY_ASSESSMENT',
    roles: ['ORGANIZATION_REPRESENTATIVE'],
    label: 'submit the self-assessment',
    notify: ['COORDINATORS'],
  },
  // Until the external visit begins (a data guard in caseProposeTeam): a member flagged for a
  // conflict can be replaced; the changed team needs a new order before any further visit.
  proposeTeam: {
    from: ['REGISTERED', 'SELF_ASSESSMENT', 'PRELIMINARY_ASSESSMENT', 'PRELIMINARY_VISIT', 'EXTERNAL_VISIT'],
    to: null,
    roles: ['COORDINATOR'],
    label: 'propose the expert team',
    notify: ['CPM_DIRECTOR'],
  },
  approveTeam: {
    from: ['REGISTERED', 'SELF_ASSESSMENT', 'PRELIMINARY_ASSESSMENT', 'PRELIMINARY_VISIT', 'EXTERNAL_VISIT'],
    to: null,
    roles: ['CPM_DIRECTOR'],
    label: 'approve the expert team by order',
    notify: ['COORDINATORS', 'TEAM'],
  },
  schedulePreliminaryVisit: {
    from: ['PRELIMINARY_ASSESSMENT'],
    to: 'PRELIMINARY_VISIT',
    roles: ['COORDINATOR'],
    label: 'schedule the preliminary visit',
    notify: ['REPRESENTATIVES', 'TEAM'],
  },
  scheduleExternalVisit: {
    from: ['PRELIMINARY_VISIT'],
    to: 'EXTERNAL_VISIT',
    roles: ['COORDINATOR'],
    label: 'schedule the external visit',
    notify: ['REPRESENTATIVES', 'TEAM'],
  },
  submitFinalReport: {
    from: ['EXTERNAL_VISIT'],
    to: 'FINAL_REPORT',
    roles: ['EXPERT'],
    label: 'submit the final report',
    notify: ['COMMISSION', 'COORDINATORS'],
  },
  reviewFinalReport: {
    from: ['FINAL_REPORT'],
    to: null,
    roles: ['COMMISSION_MEMBER'],
    label: 'review the final report',
    notify: ['COORDINATORS', 'TEAM'],
  },
  approveFinalReport: {
    from: ['FINAL_REPORT'],
    to: 'COUNCIL_REVIEW',
    roles: ['COORDINATOR'],
    label: 'approve the final report and send the case to the Council',
    notify: ['COUNCIL_SECRETARY', 'REPRESENTATIVES'],
  },
  decide: {
    from: ['COUNCIL_REVIEW'],
    to: 'DECIDED',
    roles: ['COUNCIL_SECRETARY'],
    label: 'record the Council’s decision',
    notify: ['COORDINATORS'],
  },
  publishDecision: {
    from: ['DECIDED', 'POST_ACCREDITATION', 'RE_ACCREDITATION_DUE'],
    to: null,
    roles: ['COUNCIL_SECRETARY'],
    label: 'publish the decision',
    notify: ['REPRESENTATIVES', 'TEAM', 'COORDINATORS'],
  },
  submitFeedback: {
    from: ['DECIDED', 'POST_ACCREDITATION', 'RE_ACCREDITATION_DUE'],
    to: null,
    roles: ['ORGANIZATION_REPRESENTATIVE', 'EXPERT'],
    label: 'answer the feedback survey',
    notify: [],
  },
  planDevelopment: {
    from: ['POST_ACCREDITATION', 'RE_ACCREDITATION_DUE'],
    to: null,
    roles: ['ORGANIZATION_REPRESENTATIVE'],
    label: 'update the development plan',
    notify: ['COORDINATORS'],
  },
  submitInterimReport: {
    from: ['POST_ACCREDITATION'],
    to: null,
    roles: ['ORGANIZATION_REPRESENTATIVE'],
    label: 'submit the interim self-assessment report',
    notify: ['COORDINATORS'],
  },
} as const satisfies Record<string, Transition>;

export type CaseAction = keyof typeof transitions;

export type TransitionProblem =
  | { code: 'FORBIDDEN'; message: string }
  | { code: 'INVALID_TRANSITION'; message: string };

/** Why `roles` may not take `action` on a case at `stage`, or null when they may. */
export function transitionProblem(action: CaseAction, stage: CaseStage | null, roles: readonly Role[]): TransitionProblem | null {
  const transition: Transition = transitions[action];
  if (!transition.roles.some((role) => roles.includes(role))) {
    return {
      code: 'FORBIDDEN',
      message: `Only ${transition.roles.join(' or ')} may ${transition.label}.`,
    };
  }
  if (stage !== null && !transition.from.includes(stage)) {
    return {
      code: 'INVALID_TRANSITION',
      message: `You cannot ${transition.label} while the case is at stage ${stage}; it must be at ${transition.from.join(' or ')}.`,
    };
  }
  return null;
}

/** The actions `roles` may take on a case at `stage` (for `AccreditationCase.availableActions`). */
export function availableActions(stage: CaseStage, roles: readonly Role[]): CaseAction[] {
  return (Object.keys(transitions) as CaseAction[]).filter(
    (action) => action !== 'apply' && transitionProblem(action, stage, roles) === null,
  );
}

/** Stages at which a case is still running (a new application must wait). */
export const runningStages: readonly CaseStage[] = [
  'APPLICATION_SUBMITTED',
  'REGISTERED',
  'SELF_ASSESSMENT',
  'PRELIMINARY_ASSESSMENT',
  'PRELIMINARY_VISIT',
  'EXTERNAL_VISIT',
  'FINAL_REPORT',
  'COUNCIL_REVIEW',
];

// ---- guards --------------------------------------------------------------------

export interface RatingFacts {
  criterionId: string;
  narrative: string;
  evidence: string;
}

/** Codes of criteria of the framework not yet rated with a narrative and evidence. */
export function unratedCriteria(criteria: readonly { id: string; code: string }[], ratings: readonly RatingFacts[]): string[] {
  const complete = new Set(
    ratings.filter((r) => r.narrative.trim() !== '' && r.evidence.trim() !== '').map((r) => r.criterionId),
  );
  return criteria.filter((criterion) => !complete.has(criterion.id)).map((criterion) => criterion.code);
}

export interface TeamProposal {
  leadUserId: string;
  memberUserIds: readonly string[];
}

/** Problems with a proposed team: exactly one lead, no duplicates, at least two people. */
export function teamProposalProblems(proposal: TeamProposal): string[] {
  const problems: string[] = [];
  const everyone = [proposal.leadUserId, ...proposal.memberUserIds];
  if (new Set(everyone).size !== everyone.length) problems.push('A person appears more than once in the team.');
  if (everyone.length < 2) problems.push('A team has a lead expert and at least one member.');
  return problems;
}

export interface CouncilTally {
  /** Members of the meeting. */
  members: number;
  /** Members present and not recused. */
  eligible: number;
  votes: readonly VoteChoice[];
  /** Share of members that must take part, e.g. 2/3. */
  quorum: number;
}

export type CouncilOutcome =
  | { decided: true; outcome: 'ACCREDITED' | 'REFUSED'; votesFor: number; votesAgainst: number; abstentions: number }
  | { decided: false; reason: string };

/** The Council decides by the majority of votes cast, when a quorum takes part. */
export function councilOutcome(tally: CouncilTally): CouncilOutcome {
  const needed = Math.ceil(tally.quorum * tally.members - 1e-9);
  const votesFor = tally.votes.filter((v) => v === 'ACCREDIT').length;
  const votesAgainst = tally.votes.filter((v) => v === 'REFUSE').length;
  const abstentions = tally.votes.filter((v) => v === 'ABSTAIN').length;
  if (tally.votes.length < needed) {
    return {
      decided: false,
      reason: `No quorum: ${tally.votes.length} of ${tally.members} members voted, ${needed} must take part.`,
    };
  }
  if (votesFor === votesAgainst) {
    return { decided: false, reason: `No majority: ${votesFor} for and ${votesAgainst} against. The Council must vote again.` };
  }
  return { decided: true, outcome: votesFor > votesAgainst ? 'ACCREDITED' : 'REFUSED', votesFor, votesAgainst, abstentions };
}

/** Last day of validity: `years` after the first day, minus one day (YYYY-MM-DD). */
export function validUntil(validFrom: string, years: number): string {
  const date = new Date(`${validFrom}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The interim self-assessment report is due three years after the decision. */
export function interimReportDueOn(decisionDate: string): string {
  const date = new Date(`${decisionDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 3);
  return date.toISOString().slice(0, 10);
}
