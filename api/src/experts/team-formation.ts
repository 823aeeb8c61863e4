// Team formation for an accreditation case, as pure functions with no I/O: which experts
// may sit on the case's team (hard rules: every exclusion says why), how the others rank
// (soft goals: every score says why), whether a proposed team is admissible (individual and
// team-level rules), and a greedy suggestion. team-formation-data.ts loads the facts from
// the database; expertTeamCandidates and caseProposeTeam both decide through this file, so
// the ranking a coordinator sees and the rules a proposal must pass cannot drift apart.
import type { CertificationStatus, EducationLevel, Language, OrganizationKind, ProgrammeType } from '../generated/prisma/enums.ts';
import { fromIsoDate, toIsoDate } from '../shared/dates.ts';

// ---- facts ------------------------------------------------------------------------

/** Calendar days, both included, written YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

export interface OrganizationFacts {
  id: string;
  /** Organizations it was reorganised from: working at a predecessor is working there. */
  formerIds: readonly string[];
  /** Its names (kk, ru, en), to recognise an employment recorded by employer name only. */
  names: readonly string[];
  kind: OrganizationKind;
  level: EducationLevel;
  programmeType: ProgrammeType;
  languages: readonly Language[];
  city: string;
}

export interface CaseFacts {
  caseId: string;
  organization: OrganizationFacts;
  /** Today in Kazakhstan. */
  today: string;
  /** Certificates must be valid through this day (see resolveLastVisitDay). */
  lastVisitDay: string;
  /** The case's scheduled visits; empty while none is scheduled. */
  visits: readonly Period[];
  /** Subject areas the team should bring (see defaultSubjectAreas). */
  subjectAreas: readonly string[];
}

export interface EmploymentFacts {
  /** Set when the employer is an organization of the register. */
  organizationId: string | null;
  employerName: string;
  startedOn: string;
  /** Null while the expert still works there. */
  endedOn: string | null;
}

/** The expert's place on the team of another case. */
export interface AssignmentFacts {
  caseNumber: string;
  /** Whether that case is still running (a withdrawn or decided case occupies no future days). */
  caseOpen: boolean;
  teamApproved: boolean;
  /** Date of the director's order approving that team, if approved. */
  orderDate: string | null;
  /** That case's scheduled visits. */
  visits: readonly Period[];
}

/** The user account behind an expert: needed to sit on a team. */
export interface AccountFacts {
  userId: string;
  /** Active and holding the EXPERT role. */
  activeExpert: boolean;
}

export interface ExpertFacts {
  expertId: string;
  account: AccountFacts | null;
  name: string;
  certificateNumber: string | null;
  status: CertificationStatus;
  certificateValidUntil: string | null;
  languages: readonly Language[];
  levels: readonly EducationLevel[];
  subjectAreas: readonly string[];
  city: string;
  employments: readonly EmploymentFacts[];
  familyLinkOrganizationIds: readonly string[];
  /** Organizations the expert's user declared a conflict of interest with. */
  declaredConflictOrganizationIds: readonly string[];
  /** Teams of other cases the expert sits on. */
  assignments: readonly AssignmentFacts[];
}

export interface TeamSizeBounds {
  /** Lead included. */
  min: number;
  max: number;
}

export interface TeamFormationRules {
  teamSize: Readonly<Record<OrganizationKind, TeamSizeBounds>>;
  /** Employment at the organization ended less than this many years ago is a conflict of interest. */
  conflictLookBackYears: number;
}

// ---- rules and reasons ---------------------------------------------------------------

/** Rules that exclude an expert from the case's team. */
export const hardRules = {
  NO_EXPERT_RECORD: 'The person has no record in the register of experts.',
  NO_ACCOUNT: 'The expert has no active user account with the EXPERT role, which sitting on a team needs.',
  NOT_CERTIFIED: 'The expert is not certified (candidate, in training, assessed, suspended or expired).',
  CERTIFICATE_EXPIRES: 'The certificate is not valid through the last visit day.',
  CURRENT_EMPLOYER: 'The expert currently works for the organization.',
  WORKED_THERE: 'The expert worked for the organization within the conflict look-back period.',
  DECLARED_CONFLICT: 'The expert declared a conflict of interest with the organization.',
  FAMILY_LINK: 'A family link between the expert and the organization is recorded.',
  OVERLAPPING_VISIT: 'The expert is on another team whose visit overlaps a visit of this case.',
} as const;

/** Goals that raise or lower an eligible expert's score. */
export const softGoals = {
  LEVEL: 'Whether the expert assesses the organization’s level of education.',
  LANGUAGES: 'How many of the organization’s languages of instruction the expert speaks.',
  SUBJECT_AREAS: 'Subject areas of the expert that match the organization’s programme.',
  WORKLOAD: 'Assignments this year: fewer rank higher, to balance the workload.',
  SAME_CITY: 'The expert lives in the organization’s own city.',
  BUSY_BEFORE_LAST_VISIT_DAY: 'The expert has another visit before the last visit day, while this case’s visits are not scheduled yet.',
} as const;

/** Rules about the team as a whole. */
export const teamRules = {
  TEAM_SIZE: 'The team’s size (lead included) is within the bounds set for the organization’s kind.',
  ONE_LEAD: 'The team has exactly one lead expert.',
  DUPLICATE_MEMBER: 'Nobody appears twice on the team.',
  LANGUAGE_NOT_COVERED: 'Together the team speaks every language of instruction of the organization.',
  LEVEL_NOT_COVERED: 'At least one member assesses the organization’s level of education.',
} as const;

export type HardRule = keyof typeof hardRules;
export type SoftGoal = keyof typeof softGoals;
export type TeamRule = keyof typeof teamRules;
export type TeamFormationCode = HardRule | SoftGoal | TeamRule;

/** Every code with its meaning (the GraphQL enum TeamFormationRule is built from this). */
export const teamFormationCodes: Record<TeamFormationCode, string> = { ...hardRules, ...softGoals, ...teamRules };

/** Hard rules that are conflicts of interest (flagged on teams and Council seats). */
export const conflictRules: ReadonlySet<HardRule> = new Set(['CURRENT_EMPLOYER', 'WORKED_THERE', 'DECLARED_CONFLICT', 'FAMILY_LINK']);

export interface Reason<C extends TeamFormationCode = TeamFormationCode> {
  code: C;
  message: string;
  /** What it adds to the score; 0 for rules that exclude. */
  points: number;
}

/** Points of the soft goals. A score is the base plus the points of its reasons. */
export const scoring = {
  base: 100,
  levelMatch: 20,
  perLanguage: 10,
  perSubjectArea: 5,
  subjectAreaCap: 15,
  perAssignment: -10,
  sameCity: -30,
  busy: -15,
} as const;

/**
 * Subject areas that match a programme or a level, as codes of Expert.subjectAreas
 * ("computer-science"). A coordinator can name others in expertTeamCandidates.
 */
export const programmeSubjectAreas: Readonly<Record<ProgrammeType, readonly string[]>> = {
  STATE_STANDARD: [],
  SPECIALISED_GIFTED: ['mathematics', 'physics', 'chemistry', 'biology', 'computer-science'],
  INTERNATIONAL: ['english-language', 'assessment'],
};
export const levelSubjectAreas: Readonly<Record<EducationLevel, readonly string[]>> = {
  SECONDARY: [],
  TECHNICAL_VOCATIONAL: ['vocational-training'],
  POST_SECONDARY: ['vocational-training'],
};

/** The spelling rule of expert records (records.ts, normaliseSubjectArea): "Computer Science" → "computer-science". */
export const subjectAreaCode = (raw: string): string => raw.trim().toLowerCase().replace(/[\s_]+/g, '-');

export function defaultSubjectAreas(organization: Pick<OrganizationFacts, 'programmeType' | 'level'>): string[] {
  return [...new Set([...programmeSubjectAreas[organization.programmeType], ...levelSubjectAreas[organization.level]])];
}

// ---- dates ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return toIsoDate(new Date(fromIsoDate(date).getTime() + days * DAY_MS));
}

/** The same day `years` years earlier (29 February becomes 28 February). */
export function yearsBefore(date: string, years: number): string {
  fromIsoDate(date);
  const year = String(Number(date.slice(0, 4)) - years).padStart(4, '0');
  const monthDay = date.slice(4);
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return monthDay === '-02-29' && !leap(Number(year)) ? `${year}-02-28` : `${year}${monthDay}`;
}

export function overlaps(a: Period, b: Period): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Planned visits need a horizon until they are scheduled: this many days from today. */
export const DEFAULT_VISIT_HORIZON_DAYS = 60;

/**
 * The day certificates must stay valid through: the latest of the scheduled visits' last
 * days and the requested day; while the external visit is not scheduled, at least
 * DEFAULT_VISIT_HORIZON_DAYS from today when no day is requested.
 */
export function resolveLastVisitDay(input: {
  today: string;
  requested?: string | null;
  preliminaryVisitTo?: string | null;
  externalVisitTo?: string | null;
}): string {
  const days = [input.preliminaryVisitTo, input.externalVisitTo, input.requested].filter((d): d is string => Boolean(d));
  if (!input.externalVisitTo && !input.requested) days.push(addDays(input.today, DEFAULT_VISIT_HORIZON_DAYS));
  return days.sort().at(-1) ?? input.today;
}

// ---- individual rules ------------------------------------------------------------------

const normalise = (text: string) => text.trim().toLocaleLowerCase('en').replace(/\s+/g, ' ');

function organizationIds(organization: OrganizationFacts): Set<string> {
  return new Set([organization.id, ...organization.formerIds]);
}

function isOrganizationEmployer(employment: EmploymentFacts, organization: OrganizationFacts): boolean {
  if (employment.organizationId !== null) return organizationIds(organization).has(employment.organizationId);
  // Employment recorded by name only: the employer is the organization when the names agree.
  const employer = normalise(employment.employerName);
  return organization.names.some((name) => normalise(name) === employer);
}

type ConflictFacts = Pick<ExpertFacts, 'employments' | 'familyLinkOrganizationIds' | 'declaredConflictOrganizationIds'>;

/** The expert's conflicts of interest with the organization, as of `today`. */
export function conflictsOfInterest(expert: ConflictFacts, organization: OrganizationFacts, today: string, lookBackYears: number): Reason<HardRule>[] {
  const reasons: Reason<HardRule>[] = [];
  const ids = organizationIds(organization);
  const cutoff = yearsBefore(today, lookBackYears);
  const there = expert.employments.filter((e) => isOrganizationEmployer(e, organization));
  const current = there.find((e) => e.startedOn <= today && (e.endedOn === null || e.endedOn >= today));
  if (current) {
    reasons.push(hard('CURRENT_EMPLOYER', `Currently works for the organization (${current.employerName}, since ${current.startedOn}).`));
  }
  const recent = there
    .filter((e) => e !== current && e.endedOn !== null && e.endedOn >= cutoff)
    .sort((a, b) => (b.endedOn ?? '').localeCompare(a.endedOn ?? ''))[0];
  if (recent) {
    reasons.push(hard('WORKED_THERE', `Worked for the organization until ${recent.endedOn}, within the last ${lookBackYears} years (since ${cutoff}).`));
  }
  // An employment agreed to start after today is a link already.
  const future = there.find((e) => e.startedOn > today);
  if (future && !current) reasons.push(hard('CURRENT_EMPLOYER', `Is to work for the organization from ${future.startedOn}.`));
  if (expert.declaredConflictOrganizationIds.some((id) => ids.has(id))) {
    reasons.push(hard('DECLARED_CONFLICT', 'Declared a conflict of interest with the organization.'));
  }
  if (expert.familyLinkOrganizationIds.some((id) => ids.has(id))) {
    reasons.push(hard('FAMILY_LINK', 'A family link with the organization is recorded.'));
  }
  return reasons;
}

/** Why the expert cannot sit on the case's team; empty when the expert may. */
export function hardRuleViolations(expert: ExpertFacts, facts: CaseFacts, rules: TeamFormationRules): Reason<HardRule>[] {
  const reasons: Reason<HardRule>[] = [];
  if (!expert.account) reasons.push(hard('NO_ACCOUNT', 'Has no user account; an expert needs one to sit on a team.'));
  else if (!expert.account.activeExpert) reasons.push(hard('NO_ACCOUNT', 'The user account is inactive or lacks the EXPERT role.'));
  if (expert.status !== 'CERTIFIED') {
    reasons.push(hard('NOT_CERTIFIED', `Is not certified (status ${expert.status}).`));
  } else if (!expert.certificateValidUntil || expert.certificateValidUntil < facts.lastVisitDay) {
    reasons.push(
      hard(
        'CERTIFICATE_EXPIRES',
        `The certificate is valid until ${expert.certificateValidUntil ?? '(no date)'}, not through the last visit day ${facts.lastVisitDay}.`,
      ),
    );
  }
  reasons.push(...conflictsOfInterest(expert, facts.organization, facts.today, rules.conflictLookBackYears));
  for (const visit of facts.visits) {
    const clash = busyAssignments(expert, visit)[0];
    if (clash) {
      reasons.push(
        hard('OVERLAPPING_VISIT', `Is on the ${teamWord(clash.assignment)} of case ${clash.assignment.caseNumber}, visiting ${clash.visit.from} to ${clash.visit.to}, overlapping ${visit.from} to ${visit.to}.`),
      );
    }
  }
  return reasons;
}

/** The expert's visits for other open cases that overlap `period`. */
export function busyAssignments(expert: Pick<ExpertFacts, 'assignments'>, period: Period): { assignment: AssignmentFacts; visit: Period }[] {
  return expert.assignments
    .filter((a) => a.caseOpen)
    .flatMap((assignment) => assignment.visits.filter((visit) => overlaps(visit, period)).map((visit) => ({ assignment, visit })))
    .sort((a, b) => a.visit.from.localeCompare(b.visit.from) || a.assignment.caseNumber.localeCompare(b.assignment.caseNumber));
}

/** Teams of other cases that count towards this year's workload. */
export function assignmentsInYear(assignments: readonly AssignmentFacts[], year: string): number {
  return assignments.filter(
    (a) =>
      a.visits.some((v) => v.from.startsWith(year) || v.to.startsWith(year)) ||
      (a.orderDate?.startsWith(year) ?? false) ||
      // A running case whose visits are not scheduled yet will take days this year.
      (a.caseOpen && a.visits.length === 0),
  ).length;
}

// ---- soft goals ------------------------------------------------------------------------

export function softGoalReasons(expert: ExpertFacts, facts: CaseFacts): Reason<SoftGoal>[] {
  const { organization } = facts;
  const reasons: Reason<SoftGoal>[] = [];
  reasons.push(
    expert.levels.includes(organization.level)
      ? soft('LEVEL', `Assesses ${organization.level} education, the organization’s level.`, scoring.levelMatch)
      : soft('LEVEL', `Does not assess ${organization.level} education, the organization’s level.`, 0),
  );
  const spoken = organization.languages.filter((l) => expert.languages.includes(l));
  reasons.push(
    soft(
      'LANGUAGES',
      `Speaks ${spoken.length} of the ${organization.languages.length} languages of instruction${spoken.length ? ` (${spoken.join(', ')})` : ''}.`,
      spoken.length * scoring.perLanguage,
    ),
  );
  const wanted = new Set(facts.subjectAreas.map(subjectAreaCode));
  const matching = expert.subjectAreas.filter((area) => wanted.has(subjectAreaCode(area)));
  if (matching.length) {
    reasons.push(
      soft('SUBJECT_AREAS', `Subject areas matching the programme: ${matching.join(', ')}.`, Math.min(scoring.subjectAreaCap, matching.length * scoring.perSubjectArea)),
    );
  }
  const year = facts.today.slice(0, 4);
  const workload = assignmentsInYear(expert.assignments, year);
  reasons.push(soft('WORKLOAD', `${workload} other team assignment${workload === 1 ? '' : 's'} in ${year}.`, workload * scoring.perAssignment));
  if (normalise(expert.city) === normalise(organization.city)) {
    reasons.push(soft('SAME_CITY', `Lives in ${organization.city}, the organization’s own city.`, scoring.sameCity));
  }
  if (facts.visits.length === 0) {
    const clash = busyAssignments(expert, { from: facts.today, to: facts.lastVisitDay })[0];
    if (clash) {
      reasons.push(
        soft(
          'BUSY_BEFORE_LAST_VISIT_DAY',
          `Visits for case ${clash.assignment.caseNumber} (${teamWord(clash.assignment)}) from ${clash.visit.from} to ${clash.visit.to}; this case’s visits are not scheduled yet.`,
          scoring.busy,
        ),
      );
    }
  }
  return reasons;
}

// ---- ranking ---------------------------------------------------------------------------

export interface RankedCandidate {
  /** 1 for the best. */
  rank: number;
  expert: ExpertFacts;
  score: number;
  reasons: Reason<SoftGoal>[];
  assignmentsThisYear: number;
}

export interface Exclusion {
  expert: ExpertFacts;
  reasons: Reason<HardRule>[];
}

export interface Ranking {
  candidates: RankedCandidate[];
  exclusions: Exclusion[];
}

/** Deterministic order: score (highest first), then certificate number, then id. */
function compareCandidates(a: Omit<RankedCandidate, 'rank'>, b: Omit<RankedCandidate, 'rank'>): number {
  return b.score - a.score || compareNullable(a.expert.certificateNumber, b.expert.certificateNumber) || compareText(a.expert.expertId, b.expert.expertId);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compareNullable = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : compareText(a, b));

/** Every expert lands in exactly one list: ranked with the reasons for the score, or excluded with the rules broken. */
export function rankExperts(experts: readonly ExpertFacts[], facts: CaseFacts, rules: TeamFormationRules): Ranking {
  const unranked: Omit<RankedCandidate, 'rank'>[] = [];
  const exclusions: Exclusion[] = [];
  for (const expert of experts) {
    const violations = hardRuleViolations(expert, facts, rules);
    if (violations.length) {
      exclusions.push({ expert, reasons: violations });
      continue;
    }
    const reasons = softGoalReasons(expert, facts);
    const score = scoring.base + reasons.reduce((sum, r) => sum + r.points, 0);
    unranked.push({ expert, score, reasons, assignmentsThisYear: assignmentsInYear(expert.assignments, facts.today.slice(0, 4)) });
  }
  const candidates = unranked.sort(compareCandidates).map((c, index) => ({ ...c, rank: index + 1 }));
  exclusions.sort((a, b) => compareText(a.expert.name, b.expert.name) || compareText(a.expert.expertId, b.expert.expertId));
  return { candidates, exclusions };
}

// ---- the team --------------------------------------------------------------------------

/** A seat of a proposed team; `personId` is whatever identifies the person (a user id). */
export interface TeamSeat {
  personId: string;
  name: string;
  languages: readonly Language[];
  levels: readonly EducationLevel[];
  role: 'LEAD' | 'MEMBER';
}

/** Team-level rules broken by `team`; empty when the team is admissible as a whole. */
export function teamCompositionProblems(team: readonly TeamSeat[], organization: OrganizationFacts, rules: TeamFormationRules): Reason<TeamRule>[] {
  const problems: Reason<TeamRule>[] = [];
  const bounds = rules.teamSize[organization.kind];
  const seen = new Set<string>();
  for (const seat of team) {
    if (seen.has(seat.personId)) problems.push(teamProblem('DUPLICATE_MEMBER', `${seat.name} appears more than once on the team.`));
    seen.add(seat.personId);
  }
  if (team.length < bounds.min || team.length > bounds.max) {
    problems.push(
      teamProblem('TEAM_SIZE', `A team for a ${organization.kind} has ${bounds.min} to ${bounds.max} experts, lead included; this one has ${team.length}.`),
    );
  }
  const leads = team.filter((seat) => seat.role === 'LEAD').length;
  if (leads !== 1) problems.push(teamProblem('ONE_LEAD', `A team has exactly one lead expert; this one has ${leads}.`));
  problems.push(...coverageProblems(team, organization));
  return problems;
}

function coverageProblems(experts: readonly Pick<ExpertFacts, 'languages' | 'levels'>[], organization: OrganizationFacts): Reason<TeamRule>[] {
  const problems: Reason<TeamRule>[] = [];
  const missing = organization.languages.filter((language) => !experts.some((e) => e.languages.includes(language)));
  if (missing.length) {
    problems.push(teamProblem('LANGUAGE_NOT_COVERED', `Nobody on the team speaks ${missing.join(', ')}, a language of instruction of the organization.`));
  }
  if (!experts.some((e) => e.levels.includes(organization.level))) {
    problems.push(teamProblem('LEVEL_NOT_COVERED', `Nobody on the team assesses ${organization.level} education, the organization’s level.`));
  }
  return problems;
}

/** A person proposed for the team, with their expert record (null when they have none). */
export interface ProposedSeat {
  personId: string;
  name: string;
  expert: ExpertFacts | null;
  role: 'LEAD' | 'MEMBER';
}

export interface ProposalCheck {
  /** Per seat, the hard rules its person breaks (only seats that break any), in the order given. */
  seats: { seat: ProposedSeat; reasons: Reason<HardRule>[] }[];
  team: Reason<TeamRule>[];
}

/** Every rule a proposed team breaks: each seat's hard rules, then the team-level rules. */
export function checkProposal(seats: readonly ProposedSeat[], facts: CaseFacts, rules: TeamFormationRules): ProposalCheck {
  const broken = seats
    .map((seat) => ({
      seat,
      reasons: seat.expert
        ? hardRuleViolations(seat.expert, facts, rules)
        : [hard('NO_EXPERT_RECORD', 'Has no record in the register of certified experts, so cannot sit on a team.')],
    }))
    .filter((entry) => entry.reasons.length > 0);
  const team = seats.map((seat) => ({
    personId: seat.personId,
    name: seat.name,
    languages: seat.expert?.languages ?? [],
    levels: seat.expert?.levels ?? [],
    role: seat.role,
  }));
  const problems = teamCompositionProblems(team, facts.organization, rules);
  // Without everyone's record the team's languages and level are unknown, not missing: no noise about them.
  const unknown = seats.some((seat) => seat.expert === null);
  return { seats: broken, team: unknown ? problems.filter((p) => p.code !== 'LANGUAGE_NOT_COVERED' && p.code !== 'LEVEL_NOT_COVERED') : problems };
}

export interface TeamSuggestion {
  lead: RankedCandidate | null;
  members: RankedCandidate[];
  /** Requirements the suggestion leaves unmet, e.g. no eligible expert speaks a language. */
  uncovered: Reason<TeamRule>[];
}

/**
 * A greedy team: the best-ranked candidate who assesses the organization's level leads (the
 * best overall when nobody does); members are added one at a time, each the candidate that
 * covers the most still-uncovered requirements (rank breaks ties), then the best-ranked
 * fill the team up to its minimum size.
 */
export function suggestTeam(candidates: readonly RankedCandidate[], facts: CaseFacts, rules: TeamFormationRules): TeamSuggestion {
  const { organization } = facts;
  const bounds = rules.teamSize[organization.kind];
  const lead = candidates.find((c) => c.expert.levels.includes(organization.level)) ?? candidates[0] ?? null;
  if (!lead) {
    return { lead: null, members: [], uncovered: [...coverageProblems([], organization), sizeShortfall(0, bounds, organization)] };
  }
  const team: RankedCandidate[] = [lead];
  const remaining = () => candidates.filter((c) => !team.includes(c));
  const gain = (c: RankedCandidate) => {
    const languages = organization.languages.filter((l) => !team.some((m) => m.expert.languages.includes(l)) && c.expert.languages.includes(l)).length;
    const level = !team.some((m) => m.expert.levels.includes(organization.level)) && c.expert.levels.includes(organization.level) ? 1 : 0;
    return languages + level;
  };
  while (team.length < bounds.max) {
    let best: RankedCandidate | null = null;
    let bestGain = 0;
    for (const candidate of remaining()) {
      const g = gain(candidate);
      if (g > bestGain) [best, bestGain] = [candidate, g];
    }
    if (!best) break;
    team.push(best);
  }
  for (const candidate of remaining()) {
    if (team.length >= bounds.min) break;
    team.push(candidate);
  }
  const uncovered = coverageProblems(team.map((m) => m.expert), organization);
  if (team.length < bounds.min) uncovered.push(sizeShortfall(team.length, bounds, organization));
  return { lead, members: team.slice(1), uncovered };
}

function sizeShortfall(size: number, bounds: TeamSizeBounds, organization: OrganizationFacts): Reason<TeamRule> {
  return teamProblem('TEAM_SIZE', `A team for a ${organization.kind} needs at least ${bounds.min} experts; only ${size} eligible expert${size === 1 ? ' is' : 's are'} available.`);
}

// ---- helpers ---------------------------------------------------------------------------

const teamWord = (assignment: AssignmentFacts) => (assignment.teamApproved ? 'approved team' : 'proposed team');

function hard(code: HardRule, message: string): Reason<HardRule> {
  return { code, message, points: 0 };
}

function soft(code: SoftGoal, message: string, points: number): Reason<SoftGoal> {
  return { code, message, points };
}

function teamProblem(code: TeamRule, message: string): Reason<TeamRule> {
  return { code, message, points: 0 };
}
