// GraphQL of team formation: the ranked candidates for a case's expert team with the
// reasons behind every rank and every exclusion, a suggested team, and the conflict-of-
// interest flags on teams and Council seats computed from the current records (so a
// conflict declared or recorded later shows at once). Proposing the team is caseProposeTeam
// (cases/schema.ts), which applies the same rules.
import { GraphQLError } from 'graphql';
import { tokenAllows } from '../auth/scopes.ts';
import { AccreditationCaseRef } from '../cases/schema.ts';
import { CouncilMeetingRef } from '../council/schema.ts';
import { builder } from '../graphql/builder.ts';
import { hasRole, isStaff, type GraphQLContext } from '../graphql/context.ts';
import { LanguageEnum } from '../graphql/shared-types.ts';
import { EducationLevelEnum, OrganizationKindEnum } from '../organizations/schema.ts';
import {
  conflictsAffectingOpenCases,
  conflictsOfPairs,
  loadCaseFacts,
  loadExpertFacts,
  pairKey,
  teamFormationRules,
  type AffectedSeat,
  type SeatKind,
} from './team-formation-data.ts';
import {
  hardRules,
  rankExperts,
  softGoals,
  suggestTeam,
  teamFormationCodes,
  type CaseFacts,
  type Exclusion,
  type RankedCandidate,
  type Ranking,
  type Reason,
  type TeamFormationCode,
  type TeamFormationRules,
  type TeamSuggestion,
} from './team-formation.ts';

// Coordinators form teams, the CPM director approves them, an ADMIN may look. An API token
// needs READ_CASES: the answer describes experts' employment and conflicts.
const teamFormer = (ctx: GraphQLContext) => hasRole(ctx.viewer, 'COORDINATOR', 'CPM_DIRECTOR', 'ADMIN') && tokenAllows(ctx.viewer, 'READ_CASES');
const teamFormerType = (_parent: unknown, ctx: GraphQLContext) => teamFormer(ctx);
const staffReader = (ctx: GraphQLContext) => isStaff(ctx.viewer) && tokenAllows(ctx.viewer, 'READ_CASES');
const staffType = (_parent: unknown, ctx: GraphQLContext) => staffReader(ctx);
const staffField = (_parent: unknown, _args: unknown, ctx: GraphQLContext) => staffReader(ctx);

const kindOfCode = (code: string) => (code in hardRules ? 'Hard rule, excludes an expert' : code in softGoals ? 'Soft goal, moves the score' : 'Team rule');

const TeamFormationRuleEnum = builder.enumType('TeamFormationRule', {
  description: 'A rule or goal of team formation: a hard rule excludes an expert, a soft goal moves an eligible expert’s score, a team rule concerns the team as a whole.',
  values: Object.fromEntries(Object.entries(teamFormationCodes).map(([code, text]) => [code, { description: `${kindOfCode(code)}: ${text}` }])) as {
    [K in TeamFormationCode]: { description: string };
  },
});

const SeatKindEnum = builder.enumType('ConflictSeatKind', {
  description: 'The seat a person holds in a case.',
  values: {
    TEAM_LEAD: { description: 'Lead expert of the case’s team.' },
    TEAM_MEMBER: { description: 'Member of the case’s team.' },
    COUNCIL_MEMBER: { description: 'Member of a Council meeting with the case on its agenda.' },
  } satisfies Record<SeatKind, { description: string }>,
});

const ReasonRef = builder.objectRef<Reason>('TeamFormationReason').implement({
  description: 'Why an expert ranks where they do, why they are excluded, or what a team lacks.',
  authScopes: staffType,
  fields: (t) => ({
    code: t.field({ type: TeamFormationRuleEnum, description: 'The rule or goal.', resolve: (r) => r.code }),
    message: t.exposeString('message', { description: 'Plain-language explanation with the facts behind it.' }),
    points: t.exposeInt('points', { description: 'What it adds to the score (negative lowers it); 0 for a rule that excludes.' }),
  }),
});

const CandidateRef = builder.objectRef<RankedCandidate>('ExpertTeamCandidate').implement({
  description: 'An expert who may sit on the case’s team, with the score that ranks them and the reasons behind it.',
  authScopes: teamFormerType,
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Position in the ranking, 1 for the best.' }),
    expertId: t.globalID({ description: 'Global identifier of the expert record.', resolve: (c) => ({ type: 'Expert', id: c.expert.expertId }) }),
    userId: t.globalID({
      description: 'Global identifier of the expert’s user account: pass it to caseProposeTeam.',
      // Eligible experts always have an account (rule NO_ACCOUNT).
      resolve: (c) => ({ type: 'User', id: c.expert.account?.userId ?? '' }),
    }),
    name: t.string({ description: 'Name of the expert (English when recorded, else Russian).', resolve: (c) => c.expert.name }),
    certificateNumber: t.string({ nullable: true, description: 'Number of the expert’s certificate.', resolve: (c) => c.expert.certificateNumber }),
    certificateValidUntil: t.field({ type: 'Date', description: 'Last day the certificate is valid.', resolve: (c) => c.expert.certificateValidUntil ?? '' }),
    languages: t.field({ type: [LanguageEnum], description: 'Languages the expert works in.', resolve: (c) => [...c.expert.languages] }),
    levels: t.field({ type: [EducationLevelEnum], description: 'Levels of education the expert assesses.', resolve: (c) => [...c.expert.levels] }),
    subjectAreas: t.stringList({ description: 'Subject areas of the expert.', resolve: (c) => [...c.expert.subjectAreas] }),
    city: t.string({ description: 'City the expert lives in.', resolve: (c) => c.expert.city }),
    assignmentsThisYear: t.exposeInt('assignmentsThisYear', { description: 'Teams of other cases the expert sits on this year.' }),
    score: t.exposeInt('score', { description: 'Score: 100 plus the points of the reasons. Higher ranks first; ties go by certificate number.' }),
    reasons: t.field({ type: [ReasonRef], description: 'The soft goals behind the score.', resolve: (c) => c.reasons }),
  }),
});

const ExclusionRef = builder.objectRef<Exclusion>('ExcludedExpert').implement({
  description: 'An expert who may not sit on the case’s team, with every hard rule they break.',
  authScopes: teamFormerType,
  fields: (t) => ({
    expertId: t.globalID({ description: 'Global identifier of the expert record.', resolve: (e) => ({ type: 'Expert', id: e.expert.expertId }) }),
    name: t.string({ description: 'Name of the expert (English when recorded, else Russian).', resolve: (e) => e.expert.name }),
    certificateNumber: t.string({ nullable: true, description: 'Number of the certificate, if one was ever issued.', resolve: (e) => e.expert.certificateNumber }),
    reasons: t.field({ type: [ReasonRef], description: 'The hard rules broken.', resolve: (e) => e.reasons }),
  }),
});

const SuggestionRef = builder.objectRef<TeamSuggestion>('SuggestedExpertTeam').implement({
  description:
    'A team suggested greedily: the best-ranked candidate who assesses the organization’s level leads; members are added for the languages and level still uncovered, then by rank up to the minimum size.',
  authScopes: teamFormerType,
  fields: (t) => ({
    lead: t.field({ type: CandidateRef, nullable: true, description: 'The suggested lead expert; null when nobody is eligible.', resolve: (s) => s.lead }),
    members: t.field({ type: [CandidateRef], description: 'The suggested members, in the order chosen.', resolve: (s) => s.members }),
    uncovered: t.field({
      type: [ReasonRef],
      description: 'Requirements the suggestion cannot meet with the eligible experts; empty when the suggestion passes every team rule.',
      resolve: (s) => s.uncovered,
    }),
  }),
});

interface CandidatesResult {
  facts: CaseFacts;
  rules: TeamFormationRules;
  ranking: Ranking;
  suggestion: TeamSuggestion;
}

const RequirementsRef = builder.objectRef<CandidatesResult>('ExpertTeamRequirements').implement({
  description: 'What the case’s team must satisfy, as the rules were applied.',
  authScopes: teamFormerType,
  fields: (t) => ({
    organizationKind: t.field({ type: OrganizationKindEnum, description: 'Kind of the organization (sets the team size).', resolve: (r) => r.facts.organization.kind }),
    minSize: t.int({ description: 'Fewest experts on the team, lead included.', resolve: (r) => r.rules.teamSize[r.facts.organization.kind].min }),
    maxSize: t.int({ description: 'Most experts on the team, lead included.', resolve: (r) => r.rules.teamSize[r.facts.organization.kind].max }),
    languages: t.field({ type: [LanguageEnum], description: 'Languages of instruction the team must cover together.', resolve: (r) => [...r.facts.organization.languages] }),
    level: t.field({ type: EducationLevelEnum, description: 'Level of education at least one member must assess.', resolve: (r) => r.facts.organization.level }),
    lastVisitDay: t.field({ type: 'Date', description: 'Certificates must be valid through this day.', resolve: (r) => r.facts.lastVisitDay }),
    subjectAreas: t.stringList({ description: 'Subject areas that raise a candidate’s score.', resolve: (r) => [...r.facts.subjectAreas] }),
    conflictLookBackYears: t.int({ description: 'Employment at the organization within this many years is a conflict of interest.', resolve: (r) => r.rules.conflictLookBackYears }),
  }),
});

const CandidatesRef = builder.objectRef<CandidatesResult>('ExpertTeamCandidates').implement({
  description: 'Every expert of the register judged for one case’s team: ranked candidates, exclusions with reasons, and a suggested team.',
  authScopes: teamFormerType,
  fields: (t) => ({
    case: t.prismaField({
      type: AccreditationCaseRef,
      description: 'The case.',
      resolve: (query, r, _args, ctx) => ctx.prisma.accreditationCase.findUniqueOrThrow({ ...query, where: { id: r.facts.caseId } }),
    }),
    requirements: t.field({ type: RequirementsRef, description: 'What the team must satisfy.', resolve: (r) => r }),
    candidates: t.field({ type: [CandidateRef], description: 'Experts who may sit on the team, best first.', resolve: (r) => r.ranking.candidates }),
    exclusions: t.field({ type: [ExclusionRef], description: 'Experts who may not, by name, each with the rules broken.', resolve: (r) => r.ranking.exclusions }),
    suggestedTeam: t.field({ type: SuggestionRef, description: 'A suggested team from the candidates.', resolve: (r) => r.suggestion }),
  }),
});

const ConflictFlagRef = builder.objectRef<AffectedSeat>('ConflictFlag').implement({
  description:
    'A seat in a case (team or Council) whose holder has a conflict of interest with the case’s organization, from the current records: a conflict declared or recorded after the seat was given shows here at once.',
  authScopes: staffType,
  fields: (t) => ({
    seat: t.field({ type: SeatKindEnum, description: 'The seat held.', resolve: (s) => s.kind }),
    userId: t.globalID({ description: 'Global identifier of the person (a User).', resolve: (s) => ({ type: 'User', id: s.userId }) }),
    name: t.exposeString('name', { description: 'Name of the person.' }),
    caseNumber: t.exposeString('caseNumber', { description: 'Number of the case.' }),
    case: t.prismaField({
      type: AccreditationCaseRef,
      description: 'The case.',
      resolve: (query, s, _args, ctx) => ctx.prisma.accreditationCase.findUniqueOrThrow({ ...query, where: { id: s.caseId } }),
    }),
    teamApproved: t.boolean({
      nullable: true,
      description: 'For a team seat, whether the team is approved by order (replacing a member then needs a new order); null for a Council seat.',
      resolve: (s) => (s.teamStatus === null ? null : s.teamStatus === 'APPROVED'),
    }),
    meeting: t.prismaField({
      type: CouncilMeetingRef,
      nullable: true,
      description: 'For a Council seat, the meeting; null for a team seat.',
      resolve: (query, s, _args, ctx) => (s.meetingId ? ctx.prisma.councilMeeting.findUnique({ ...query, where: { id: s.meetingId } }) : null),
    }),
    reasons: t.field({ type: [ReasonRef], description: 'The conflicts of interest found.', resolve: (s) => s.reasons }),
  }),
});

builder.queryFields((t) => ({
  expertTeamCandidates: t.field({
    type: CandidatesRef,
    nullable: true,
    authScopes: (_root, _args, ctx) => teamFormer(ctx),
    description:
      'Every expert of the register judged for the team of a case: the eligible ones ranked (score with its reasons: workload this year, the organization’s own city, level, languages, subject areas), the others with every hard rule they break, and a suggested team. Coordinators, the CPM director and ADMINs; null when there is no such case.',
    args: {
      caseId: t.arg.globalID({ required: true, description: 'Global identifier of the case.' }),
      lastVisitDay: t.arg({
        type: 'Date',
        required: false,
        description:
          'Certificates must be valid through this day. Default: the scheduled external visit’s last day, or, while it is not scheduled, 60 days from today. A scheduled visit’s last day always counts.',
      }),
      subjectAreas: t.arg.stringList({
        required: false,
        description: 'Subject areas that raise a candidate’s score (codes such as "mathematics"); default: those of the organization’s programme and level.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.caseId.typename !== 'AccreditationCase') return null;
      const found = await ctx.prisma.accreditationCase.findUnique({ where: { id: args.caseId.id }, select: { id: true } });
      if (!found) return null;
      if (args.lastVisitDay && args.lastVisitDay < ctx.today) {
        throw new GraphQLError(`lastVisitDay ${args.lastVisitDay} is in the past (today is ${ctx.today}).`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'lastVisitDay' },
        });
      }
      const rules = teamFormationRules();
      const facts = await loadCaseFacts(ctx.prisma, found.id, { today: ctx.today, lastVisitDay: args.lastVisitDay, subjectAreas: args.subjectAreas });
      const ranking = rankExperts(await loadExpertFacts(ctx.prisma, found.id), facts, rules);
      return { facts, rules, ranking, suggestion: suggestTeam(ranking.candidates, facts, rules) };
    },
  }),

  conflictsAffectingOpenCases: t.field({
    type: [ConflictFlagRef],
    authScopes: staffField,
    description:
      'Seats on the teams and Council meetings of running cases whose holders now have a conflict of interest with the case’s organization (declared, a family link, or employment), by case number. Staff.',
    resolve: (_root, _args, ctx) => conflictsAffectingOpenCases(ctx.prisma, ctx.today, teamFormationRules()),
  }),
}));

builder.prismaObjectField('ExpertTeam', 'conflictFlags', (t) =>
  t.field({
    type: [ConflictFlagRef],
    authScopes: staffField,
    description: 'Members who now have a conflict of interest with the case’s organization, from the current records. Staff.',
    select: { caseId: true, status: true, case: { select: { number: true, organizationId: true } } },
    resolve: async (team, _args, ctx) => {
      const members = await ctx.prisma.expertTeamMember.findMany({
        where: { team: { caseId: team.caseId } },
        select: { userId: true, role: true, user: { select: { displayName: true } } },
        orderBy: [{ role: 'asc' }, { userId: 'asc' }],
      });
      const organizationId = team.case.organizationId;
      const conflicts = await conflictsOfPairs(ctx.prisma, members.map((m) => ({ userId: m.userId, organizationId })), ctx.today, teamFormationRules());
      return members
        .map((m) => ({
          caseId: team.caseId,
          caseNumber: team.case.number,
          organizationId,
          kind: (m.role === 'LEAD' ? 'TEAM_LEAD' : 'TEAM_MEMBER') as SeatKind,
          userId: m.userId,
          name: m.user.displayName,
          teamStatus: team.status,
          meetingId: null,
          reasons: conflicts.get(pairKey(m.userId, organizationId)) ?? [],
        }))
        .filter((seat) => seat.reasons.length > 0);
    },
  }),
);

builder.prismaObjectField('CouncilMeetingMember', 'conflictFlags', (t) =>
  t.field({
    type: [ConflictFlagRef],
    authScopes: staffField,
    description: 'Cases on the meeting’s agenda whose organization the member now has a conflict of interest with (they are recused from a declared one).',
    select: { meetingId: true, userId: true, user: { select: { displayName: true } } },
    resolve: async (member, _args, ctx) => {
      const agenda = await ctx.prisma.councilAgendaItem.findMany({
        where: { meetingId: member.meetingId },
        select: { case: { select: { id: true, number: true, organizationId: true } } },
        orderBy: { case: { number: 'asc' } },
      });
      const pairs = agenda.map((item) => ({ userId: member.userId, organizationId: item.case.organizationId }));
      const conflicts = await conflictsOfPairs(ctx.prisma, pairs, ctx.today, teamFormationRules());
      return agenda
        .map((item) => ({
          caseId: item.case.id,
          caseNumber: item.case.number,
          organizationId: item.case.organizationId,
          kind: 'COUNCIL_MEMBER' as SeatKind,
          userId: member.userId,
          name: member.user.displayName,
          teamStatus: null,
          meetingId: member.meetingId,
          reasons: conflicts.get(pairKey(member.userId, item.case.organizationId)) ?? [],
        }))
        .filter((seat) => seat.reasons.length > 0);
    },
  }),
);
