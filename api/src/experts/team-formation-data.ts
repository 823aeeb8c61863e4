// The database side of team formation: loads the facts the pure rules of team-formation.ts
// judge (the case, its organization, the experts with their employments, links, declared
// conflicts and other teams), and the seats of open cases that a conflict of interest now
// affects. Enum-array columns (languages, levels, roles) are only read here, never filtered
// in SQL: PGlite cannot bind them (see db/enum-arrays.ts).
import { appendAuditEvent, type AuditActor } from '../audit/trail.ts';
import { teamFormationConfig } from '../config.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { activeUserIdsWithRole } from '../db/enum-arrays.ts';
import { runningStages } from '../cases/workflow.ts';
import { userError, type UserError } from '../graphql/user-errors.ts';
import { notifyUsers } from '../notifications/outbox.ts';
import { todayInKazakhstan, toIsoDate } from '../shared/dates.ts';
import {
  checkProposal,
  conflictRules,
  conflictsOfInterest,
  defaultSubjectAreas,
  resolveLastVisitDay,
  type AssignmentFacts,
  type CaseFacts,
  type ExpertFacts,
  type HardRule,
  type OrganizationFacts,
  type Period,
  type ProposedSeat,
  type Reason,
  type TeamFormationRules,
} from './team-formation.ts';

type Db = Prisma.TransactionClient;

export function teamFormationRules(env: NodeJS.ProcessEnv = process.env): TeamFormationRules {
  return teamFormationConfig(env);
}

const iso = (date: Date | null): string | null => (date ? toIsoDate(date) : null);

interface VisitColumns {
  preliminaryVisitFrom: Date | null;
  preliminaryVisitTo: Date | null;
  externalVisitFrom: Date | null;
  externalVisitTo: Date | null;
}

export function visitsOf(row: VisitColumns): Period[] {
  const visits: Period[] = [];
  if (row.preliminaryVisitFrom && row.preliminaryVisitTo) visits.push({ from: toIsoDate(row.preliminaryVisitFrom), to: toIsoDate(row.preliminaryVisitTo) });
  if (row.externalVisitFrom && row.externalVisitTo) visits.push({ from: toIsoDate(row.externalVisitFrom), to: toIsoDate(row.externalVisitTo) });
  return visits;
}

const visitSelect = { preliminaryVisitFrom: true, preliminaryVisitTo: true, externalVisitFrom: true, externalVisitTo: true } as const;

/** The organization as the rules see it, with the organizations it was reorganised from. */
export async function loadOrganizationFacts(db: Db, organizationId: string): Promise<OrganizationFacts> {
  const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const formerIds: string[] = [];
  // A chain of reorganisations is short; the bound only guards against a cycle in bad data.
  for (let id = organization.predecessorId; id && formerIds.length < 10 && !formerIds.includes(id); ) {
    formerIds.push(id);
    id = (await db.organization.findUnique({ where: { id }, select: { predecessorId: true } }))?.predecessorId ?? null;
  }
  return {
    id: organization.id,
    formerIds,
    names: [organization.nameKk, organization.nameRu, organization.nameEn].filter((n): n is string => Boolean(n)),
    kind: organization.kind,
    level: organization.level,
    programmeType: organization.programmeType,
    languages: organization.languages,
    city: organization.city,
  };
}

export interface CaseFactsOptions {
  today: string;
  /** Day certificates must be valid through when the external visit is not scheduled. */
  lastVisitDay?: string | null;
  subjectAreas?: readonly string[] | null;
  /** A visit being scheduled, judged with the case's scheduled ones before it is saved. */
  newVisit?: Period | null;
}

export async function loadCaseFacts(db: Db, caseId: string, options: CaseFactsOptions): Promise<CaseFacts> {
  const found = await db.accreditationCase.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, organizationId: true, ...visitSelect } });
  const organization = await loadOrganizationFacts(db, found.organizationId);
  return {
    caseId: found.id,
    organization,
    today: options.today,
    lastVisitDay: resolveLastVisitDay({
      today: options.today,
      requested: options.lastVisitDay,
      preliminaryVisitTo: iso(found.preliminaryVisitTo),
      externalVisitTo: iso(found.externalVisitTo),
    }),
    visits: [...visitsOf(found), ...(options.newVisit ? [options.newVisit] : [])],
    subjectAreas: options.subjectAreas?.length ? options.subjectAreas : defaultSubjectAreas(organization),
  };
}

const membershipSelect = {
  team: { select: { caseId: true, status: true, orderDate: true, case: { select: { number: true, stage: true, ...visitSelect } } } },
} as const;

type MembershipRow = Prisma.ExpertTeamMemberGetPayload<{ select: typeof membershipSelect }>;

/** The user's seats on teams of cases other than `exceptCaseId` (withdrawn and rejected cases occupy nothing). */
function assignmentsOf(memberships: readonly MembershipRow[], exceptCaseId: string | null): AssignmentFacts[] {
  return memberships
    .filter((m) => m.team.caseId !== exceptCaseId && m.team.case.stage !== 'WITHDRAWN' && m.team.case.stage !== 'REJECTED')
    .map((m) => ({
      caseNumber: m.team.case.number,
      caseOpen: runningStages.includes(m.team.case.stage),
      teamApproved: m.team.status === 'APPROVED',
      orderDate: iso(m.team.orderDate),
      visits: visitsOf(m.team.case),
    }))
    .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
}

const expertInclude = {
  employments: true,
  familyLinks: { select: { organizationId: true } },
  user: { select: { id: true, isActive: true, roles: true, conflicts: { select: { organizationId: true } }, teamMemberships: { select: membershipSelect } } },
} as const satisfies Prisma.ExpertInclude;

type ExpertRow = Prisma.ExpertGetPayload<{ include: typeof expertInclude }>;

/** The name used in messages and lists: English when recorded, else Russian. */
export function expertName(row: { nameEn: string | null; nameRu: string }): string {
  return row.nameEn?.trim() || row.nameRu;
}

function expertFacts(row: ExpertRow, exceptCaseId: string | null): ExpertFacts {
  return {
    expertId: row.id,
    account: row.user ? { userId: row.user.id, activeExpert: row.user.isActive && row.user.roles.includes('EXPERT') } : null,
    name: expertName(row),
    certificateNumber: row.certificateNumber,
    status: row.status,
    certificateValidUntil: iso(row.certificateValidUntil),
    languages: row.languages,
    levels: row.levels,
    subjectAreas: row.subjectAreas,
    city: row.city,
    employments: row.employments.map((e) => ({
      organizationId: e.organizationId,
      employerName: e.employerName,
      startedOn: toIsoDate(e.startedOn),
      endedOn: iso(e.endedOn),
    })),
    familyLinkOrganizationIds: row.familyLinks.map((l) => l.organizationId),
    declaredConflictOrganizationIds: row.user?.conflicts.map((c) => c.organizationId) ?? [],
    assignments: assignmentsOf(row.user?.teamMemberships ?? [], exceptCaseId),
  };
}

/** Every expert of the register (or those of the given users), judged for the case `caseId`. */
export async function loadExpertFacts(db: Db, caseId: string | null, where: Prisma.ExpertWhereInput = {}): Promise<ExpertFacts[]> {
  const rows = await db.expert.findMany({ where, include: expertInclude, orderBy: { id: 'asc' } });
  return rows.map((row) => expertFacts(row, caseId));
}

// ---- caseProposeTeam, caseApproveTeam and visit scheduling ----------------------------------

export interface ProposalInput {
  leadUserId: string;
  memberUserIds: readonly string[];
  today: string;
  lastVisitDay?: string | null;
}

export interface TeamCheck {
  /** One userError per broken rule; empty when the team passes every rule. */
  errors: UserError[];
  /** The last visit day the team was judged against (see resolveLastVisitDay). */
  lastVisitDay: string;
}

interface SeatToCheck {
  userId: string;
  role: 'LEAD' | 'MEMBER';
  /** The input field naming the person, for a proposal; null when re-checking the team on file. */
  field: string[] | null;
}

/**
 * The one place the rules of team formation (team-formation.ts, checkProposal) turn into
 * userErrors, for a proposal and for the re-checks at approval and at each visit: each
 * person's rules first (lead, then members in order), then the team's. Conflicts of interest
 * keep their own code; the other individual rules are EXPERT_NOT_ELIGIBLE. People are named
 * by their name on the register, never by their IIN or contacts.
 */
async function teamRuleCheck(
  db: Db,
  caseId: string,
  people: readonly SeatToCheck[],
  options: CaseFactsOptions,
  rules: TeamFormationRules,
  wording: { seat: (name: string, reason: Reason<HardRule>) => { message: string; field?: string[] | null }; team: string },
): Promise<TeamCheck> {
  const facts = await loadCaseFacts(db, caseId, options);
  const userIds = people.map((p) => p.userId);
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } });
  const experts = await loadExpertFacts(db, caseId, { userId: { in: userIds } });
  const seats: ProposedSeat[] = people.map((person) => {
    const expert = experts.find((e) => e.account?.userId === person.userId) ?? null;
    return {
      personId: person.userId,
      name: expert?.name ?? users.find((u) => u.id === person.userId)?.displayName ?? 'Unknown person',
      expert,
      role: person.role,
    };
  });
  const fieldOf = new Map(people.map((p) => [p.userId, p.field]));
  const check = checkProposal(seats, facts, rules);
  const errors: UserError[] = [];
  for (const { seat, reasons } of check.seats) {
    for (const reason of reasons) {
      const worded = wording.seat(seat.name, reason);
      errors.push({
        field: worded.field !== undefined ? worded.field : (fieldOf.get(seat.personId) ?? null),
        code: conflictRules.has(reason.code) ? 'CONFLICT_OF_INTEREST' : 'EXPERT_NOT_ELIGIBLE',
        message: worded.message,
      });
    }
  }
  for (const reason of check.team) {
    errors.push(userError(people.some((p) => p.field) ? 'memberIds' : null, 'TEAM_COMPOSITION', `${wording.team} rule ${reason.code}: ${reason.message}`));
  }
  return { errors, lastVisitDay: facts.lastVisitDay };
}

/** The userErrors of a proposed team (caseProposeTeam has refused duplicates already, so a user id names one input field). */
export async function proposalUserErrors(db: Db, caseId: string, proposal: ProposalInput, rules: TeamFormationRules): Promise<TeamCheck> {
  const people: SeatToCheck[] = [
    { userId: proposal.leadUserId, role: 'LEAD', field: ['input', 'leadExpertId'] },
    ...proposal.memberUserIds.map((userId, index) => ({ userId, role: 'MEMBER' as const, field: ['input', 'memberIds', String(index)] })),
  ];
  return teamRuleCheck(db, caseId, people, { today: proposal.today, lastVisitDay: proposal.lastVisitDay }, rules, {
    seat: (name, reason) => ({ message: `${name} cannot sit on the team (rule ${reason.code}): ${reason.message}` }),
    team: 'The team breaks',
  });
}

/**
 * The case's team on file judged again by every rule, as of `today`: at approval against the
 * proposal's last visit day, when scheduling a visit against that visit's last day (with the
 * visit counted among the case's visits). A member suspended, expired or newly conflicted
 * since the proposal is named with the rule.
 */
export async function teamRecheckUserErrors(
  db: Db,
  caseId: string,
  options: { today: string; lastVisitDay: string | null; newVisit?: Period | null; step: string },
  rules: TeamFormationRules,
): Promise<UserError[]> {
  const members = await db.expertTeamMember.findMany({ where: { team: { caseId } }, select: { userId: true, role: true } });
  // The lead first, then the members, in a stable order.
  const people: SeatToCheck[] = members
    .sort((a, b) => (a.role === b.role ? a.userId.localeCompare(b.userId) : a.role === 'LEAD' ? -1 : 1))
    .map((m) => ({ userId: m.userId, role: m.role, field: null }));
  const { errors } = await teamRuleCheck(db, caseId, people, { today: options.today, lastVisitDay: options.lastVisitDay, newVisit: options.newVisit }, rules, {
    seat: (name, reason) =>
      reason.code === 'OVERLAPPING_VISIT'
        ? { message: `The team cannot ${options.step}: ${name} breaks rule ${reason.code}: ${reason.message} Choose days that do not overlap.`, field: ['input', 'from'] }
        : { message: `The team cannot ${options.step}: ${name} breaks rule ${reason.code}: ${reason.message} Propose a changed team; it needs a new order.` },
    team: `The team cannot ${options.step}: it breaks`,
  });
  return errors;
}

// ---- conflicts declared after the team or the Council was formed ---------------------------

export type SeatKind = 'TEAM_LEAD' | 'TEAM_MEMBER' | 'COUNCIL_MEMBER';

export interface AffectedSeat {
  caseId: string;
  caseNumber: string;
  organizationId: string;
  kind: SeatKind;
  userId: string;
  name: string;
  /** Set for a team seat. */
  teamStatus: 'PROPOSED' | 'APPROVED' | null;
  /** Set for a Council seat. */
  meetingId: string | null;
  reasons: Reason<HardRule>[];
}

type SeatDraft = Omit<AffectedSeat, 'reasons'>;

/** Conflicts of interest of each (user, organization) pair, from the current records. */
export async function conflictsOfPairs(
  db: Db,
  pairs: readonly { userId: string; organizationId: string }[],
  today: string,
  rules: TeamFormationRules,
): Promise<Map<string, Reason<HardRule>[]>> {
  const userIds = [...new Set(pairs.map((p) => p.userId))];
  const organizationIds = [...new Set(pairs.map((p) => p.organizationId))];
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: {
      id: true,
      conflicts: { select: { organizationId: true } },
      expert: { select: { employments: true, familyLinks: { select: { organizationId: true } } } },
    },
  });
  const organizations = new Map<string, OrganizationFacts>();
  for (const id of organizationIds) organizations.set(id, await loadOrganizationFacts(db, id));
  const result = new Map<string, Reason<HardRule>[]>();
  for (const { userId, organizationId } of pairs) {
    const user = users.find((u) => u.id === userId);
    const organization = organizations.get(organizationId);
    if (!user || !organization) continue;
    const reasons = conflictsOfInterest(
      {
        declaredConflictOrganizationIds: user.conflicts.map((c) => c.organizationId),
        familyLinkOrganizationIds: user.expert?.familyLinks.map((l) => l.organizationId) ?? [],
        employments:
          user.expert?.employments.map((e) => ({ organizationId: e.organizationId, employerName: e.employerName, startedOn: toIsoDate(e.startedOn), endedOn: iso(e.endedOn) })) ?? [],
      },
      organization,
      today,
      rules.conflictLookBackYears,
    );
    result.set(pairKey(userId, organizationId), reasons);
  }
  return result;
}

export const pairKey = (userId: string, organizationId: string) => `${userId}|${organizationId}`;

const seatOrder: Record<SeatKind, number> = { TEAM_LEAD: 0, TEAM_MEMBER: 1, COUNCIL_MEMBER: 2 };

/** Team and Council seats of running cases, optionally only one person's or one organization's. */
async function openSeats(db: Db, filter: { userId?: string; organizationIds?: readonly string[] } = {}): Promise<SeatDraft[]> {
  const caseWhere: Prisma.AccreditationCaseWhereInput = {
    stage: { in: [...runningStages] },
    ...(filter.organizationIds ? { organizationId: { in: [...filter.organizationIds] } } : {}),
  };
  const userWhere = filter.userId ? { userId: filter.userId } : {};
  const teamSeats = await db.expertTeamMember.findMany({
    where: { ...userWhere, team: { case: caseWhere } },
    select: {
      userId: true,
      role: true,
      user: { select: { displayName: true } },
      team: { select: { status: true, case: { select: { id: true, number: true, organizationId: true } } } },
    },
  });
  const councilSeats = await db.councilMeetingMember.findMany({
    where: { ...userWhere, meeting: { agenda: { some: { case: caseWhere } } } },
    select: {
      userId: true,
      meetingId: true,
      user: { select: { displayName: true } },
      meeting: { select: { agenda: { where: { case: caseWhere }, select: { case: { select: { id: true, number: true, organizationId: true } } } } } },
    },
  });
  const seats: SeatDraft[] = [
    ...teamSeats.map((s) => ({
      caseId: s.team.case.id,
      caseNumber: s.team.case.number,
      organizationId: s.team.case.organizationId,
      kind: (s.role === 'LEAD' ? 'TEAM_LEAD' : 'TEAM_MEMBER') as SeatKind,
      userId: s.userId,
      name: s.user.displayName,
      teamStatus: s.team.status,
      meetingId: null,
    })),
    ...councilSeats.flatMap((s) =>
      s.meeting.agenda.map((item) => ({
        caseId: item.case.id,
        caseNumber: item.case.number,
        organizationId: item.case.organizationId,
        kind: 'COUNCIL_MEMBER' as SeatKind,
        userId: s.userId,
        name: s.user.displayName,
        teamStatus: null,
        meetingId: s.meetingId,
      })),
    ),
  ];
  return seats.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber) || seatOrder[a.kind] - seatOrder[b.kind] || a.name.localeCompare(b.name));
}

/** Seats of running cases whose holder now has a conflict of interest with the case's organization. */
export async function conflictsAffectingOpenCases(
  db: Db,
  today: string,
  rules: TeamFormationRules,
  filter: { userId?: string; organizationIds?: readonly string[] } = {},
): Promise<AffectedSeat[]> {
  const seats = await openSeats(db, filter);
  const conflicts = await conflictsOfPairs(db, seats, today, rules);
  return seats
    .map((seat) => ({ ...seat, reasons: conflicts.get(pairKey(seat.userId, seat.organizationId)) ?? [] }))
    .filter((seat) => seat.reasons.length > 0);
}

/**
 * Called in the transaction that records a declaration: the person's seats on teams and
 * the Council for running cases of the organization (or of its successors) are flagged to
 * the coordinators (and the Council secretaries when a Council seat is affected), and the
 * flagging is audited. The declaration's own text stays out of the messages: it is personal.
 */
export async function flagSeatsAffectedByDeclaration(
  db: Db,
  declaration: { conflictId: string; userId: string; organizationId: string },
  options: { actor: AuditActor; now: Date },
): Promise<AffectedSeat[]> {
  const successors = await db.organization.findMany({ where: { predecessorId: declaration.organizationId }, select: { id: true } });
  const organizationIds = [declaration.organizationId, ...successors.map((s) => s.id)];
  const today = todayInKazakhstan(options.now);
  const seats = await conflictsAffectingOpenCases(db, today, teamFormationRules(), { userId: declaration.userId, organizationIds });
  if (seats.length === 0) return seats;
  const recipients = await activeUserIdsWithRole(db, 'COORDINATOR');
  if (seats.some((seat) => seat.kind === 'COUNCIL_MEMBER')) recipients.push(...(await activeUserIdsWithRole(db, 'COUNCIL_SECRETARY')));
  for (const caseId of [...new Set(seats.map((s) => s.caseId))]) {
    const ofCase = seats.filter((s) => s.caseId === caseId);
    const caseNumber = ofCase[0]?.caseNumber ?? '';
    const lines = ofCase.map((seat) =>
      seat.kind === 'COUNCIL_MEMBER'
        ? '- a seat on the Council meeting that decides it: they are recused from voting on it;'
        : `- ${seat.kind === 'TEAM_LEAD' ? 'the lead' : 'a member'} of its ${seat.teamStatus === 'APPROVED' ? 'approved' : 'proposed'} expert team: propose a new team (an approved one needs a new order);`,
    );
    await notifyUsers(db, {
      userIds: recipients,
      kind: 'conflictOfInterest.seatsFlagged',
      caseId,
      subject: `Conflict of interest declared on case ${caseNumber}`,
      body: `${ofCase[0]?.name ?? 'A person'} has declared a conflict of interest with the organization of case ${caseNumber} and holds:\n${lines.join('\n')}`,
    });
  }
  await appendAuditEvent(
    db,
    {
      actor: options.actor,
      action: 'conflictOfInterest.flagSeats',
      subjectType: 'ConflictOfInterest',
      subjectId: declaration.conflictId,
      after: {
        userId: declaration.userId,
        seats: seats.map((s) => ({ caseNumber: s.caseNumber, kind: s.kind, meetingId: s.meetingId, rules: s.reasons.map((r) => r.code) })),
        notified: [...new Set(recipients)].length,
      },
    },
    options.now,
  );
  return seats;
}
