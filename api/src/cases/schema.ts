// Accreditation cases over GraphQL: the case as its participants see it, and the steps of
// the procedure up to the Council (the Council's steps are in council/schema.ts).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { CaseStage, CriterionJudgement, Language, TeamRole, TeamStatus } from '../generated/prisma/enums.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { assertPageSize, builder, connectionTypeOptions } from '../graphql/builder.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { isStaff } from '../graphql/context.ts';
import { describedEnum, LanguageEnum } from '../graphql/shared-types.ts';
import { BusinessRuleError, inTransaction, userError, UserErrorRef, type UserError } from '../graphql/user-errors.ts';
import { fromIsoDate, toIsoDate } from '../shared/dates.ts';
import { visitLengthProblem } from '../shared/working-days.ts';
import { activeUserIdsWithRole } from '../db/enum-arrays.ts';
import { lockForTransaction } from '../db/locks.ts';
import { binProblem, binRuleText } from '../organizations/bin.ts';
import { proposalUserErrors, teamFormationRules, teamRecheckUserErrors } from '../experts/team-formation-data.ts';
import { assertMayReadCases, visibleCasesWhere } from './access.ts';
import { applyStep, assertMayTake, loadVisibleCase, requireSignedIn, type CaseRow } from './steps.ts';
import { availableActions, interimReportDueOn, runningStages, teamProposalProblems, transitions, unratedCriteria } from './workflow.ts';

export const CaseStageEnum = describedEnum('CaseStage', CaseStage, 'Where a case is in the accreditation procedure.', {
  APPLICATION_SUBMITTED: 'Stage 1: the organization has applied; the body decides whether to register it.',
  REGISTERED: 'Stage 1: registered for accreditation.',
  REJECTED: 'The application was not registered (the reason is recorded).',
  SELF_ASSESSMENT: 'Stage 2: the organization assesses itself against every criterion.',
  PRELIMINARY_ASSESSMENT: 'Stage 3: the self-assessment is submitted; the expert team prepares the preliminary visit.',
  PRELIMINARY_VISIT: 'Stage 3: the preliminary visit (3–5 working days) is scheduled or under way.',
  EXTERNAL_VISIT: 'Stage 4: the external visit (5–7 working days) is scheduled or under way.',
  FINAL_REPORT: 'Stage 4: the lead expert’s final report is being reviewed by the Expert Commission.',
  COUNCIL_REVIEW: 'Stage 4: the case is before the Accreditation Council.',
  DECIDED: 'The Council has decided; the decision is published by the Council secretary.',
  POST_ACCREDITATION: 'Stage 5: accredited; the organization carries out its development plan.',
  RE_ACCREDITATION_DUE: 'Stage 5: the accreditation expires soon; a new procedure is due.',
  WITHDRAWN: 'The organization withdrew its application.',
});

export const CaseActionEnum = builder.enumType('CaseAction', {
  description: 'A step of the procedure a viewer may take on a case.',
  values: Object.fromEntries(
    Object.entries(transitions).map(([action, transition]) => [action, { description: `To ${transition.label}.` }]),
  ) as { [K in keyof typeof transitions]: { description: string } },
});

const JudgementEnum = describedEnum('CriterionJudgement', CriterionJudgement, 'How well a criterion is met.', {
  EXCEEDS: 'Exceeds the criterion.',
  MEETS: 'Meets the criterion.',
  PARTIALLY_MEETS: 'Meets the criterion in part.',
  DOES_NOT_MEET: 'Does not meet the criterion.',
});

const TeamStatusEnum = describedEnum('TeamStatus', TeamStatus, 'Whether the expert team is approved.', {
  PROPOSED: 'Proposed by a coordinator; awaiting the CPM director’s order.',
  APPROVED: 'Approved by the CPM director’s order; visits can be scheduled.',
});

const TeamRoleEnum = describedEnum('TeamRole', TeamRole, 'A member’s role in the expert team.', {
  LEAD: 'Lead expert: drafts the final report.',
  MEMBER: 'Member of the team.',
});

const caseParticipant = (found: { id: string }, ctx: GraphQLContext) =>
  ctx.viewer.kind === 'user' &&
  (ctx.casesSteppedOn?.has(found.id) ||
  ctx.prisma.accreditationCase
    .findFirst({ where: { AND: [{ id: found.id }, visibleCasesWhere(ctx.viewer)] }, select: { id: true } })
    .then((row) => row !== null));

export const CriterionRatingRef = builder.prismaObject('CriterionRating', {
  description: 'The organization’s self-assessment of one criterion.',
  authScopes: (rating, ctx) => caseParticipant({ id: rating.caseId }, ctx),
  fields: (t) => ({
    criterion: t.relation('criterion', { description: 'The criterion rated.' }),
    judgement: t.expose('judgement', { type: JudgementEnum, description: 'How well the organization judges it meets the criterion.' }),
    narrative: t.exposeString('narrative', { description: 'The organization’s account of how it meets the criterion.' }),
    evidence: t.exposeString('evidence', { description: 'The evidence offered (documents, links, descriptions).' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the rating last changed.' }),
  }),
});

builder.prismaObject('ExpertTeamMember', {
  description: 'A member of a case’s expert team.',
  authScopes: (member, ctx) =>
    ctx.viewer.kind === 'user' &&
    ctx.prisma.expertTeam
      .findFirst({ where: { id: member.teamId, case: visibleCasesWhere(ctx.viewer) }, select: { id: true } })
      .then((row) => row !== null),
  fields: (t) => ({
    userId: t.string({
      description: 'Global identifier of the expert (a User).',
      resolve: (member) => Buffer.from(`User:${member.userId}`).toString('base64'),
    }),
    displayName: t.string({
      description: 'Name of the expert.',
      select: { user: { select: { displayName: true } } },
      resolve: (member) => member.user.displayName,
    }),
    role: t.expose('role', { type: TeamRoleEnum, description: 'Lead expert or member.' }),
  }),
});

/** A member as an order approved them (ExpertTeamOrder.members). */
interface OrderMember {
  userId: string;
  displayName: string;
  role: TeamRole;
}

function orderMembers(json: Prisma.JsonValue): OrderMember[] {
  return Array.isArray(json) ? (json as unknown as OrderMember[]) : [];
}

const OrderMemberRef = builder.objectRef<OrderMember>('ExpertTeamOrderMember').implement({
  description: 'A member of the expert team as an order of the CPM director approved them.',
  // Reached only through an ExpertTeamOrder, which is checked against the viewer's cases.
  authScopes: { signedIn: true },
  fields: (t) => ({
    userId: t.string({ description: 'Global identifier of the expert (a User).', resolve: (m) => encodeGlobalID('User', m.userId) }),
    displayName: t.exposeString('displayName', { description: 'Name of the expert when the order was made.' }),
    role: t.field({ type: TeamRoleEnum, description: 'Lead expert or member.', resolve: (m) => m.role }),
  }),
});

builder.prismaObject('ExpertTeamOrder', {
  description:
    'An order of the CPM director approving one composition of the expert team. A changed team needs a new order with a number of its own; the earlier orders stay here as history.',
  authScopes: (order, ctx) =>
    ctx.viewer.kind === 'user' &&
    ctx.prisma.expertTeam
      .findFirst({ where: { id: order.teamId, case: visibleCasesWhere(ctx.viewer) }, select: { id: true } })
      .then((row) => row !== null),
  fields: (t) => ({
    orderNumber: t.exposeString('orderNumber', { description: 'Number of the order.' }),
    orderDate: t.expose('orderDate', { type: 'Date', description: 'Date of the order.' }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', description: 'When the director recorded the order.' }),
    withdrawnAt: t.expose('withdrawnAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When a changed team was proposed in place of the one this order approved; null while the order is in force.',
    }),
    members: t.field({ type: [OrderMemberRef], description: 'The lead expert and the members the order approved.', resolve: (order) => orderMembers(order.members) }),
  }),
});

builder.prismaObject('ExpertTeam', {
  description: 'The expert team of a case, approved by the CPM director’s order.',
  authScopes: (team, ctx) => caseParticipant({ id: team.caseId }, ctx),
  fields: (t) => ({
    status: t.expose('status', { type: TeamStatusEnum, description: 'Proposed or approved.' }),
    orderNumber: t.exposeString('orderNumber', { nullable: true, description: 'Number of the director’s order approving the team.' }),
    orderDate: t.expose('orderDate', { type: 'Date', nullable: true, description: 'Date of the order.' }),
    assumedLastVisitDay: t.expose('assumedLastVisitDay', {
      type: 'Date',
      nullable: true,
      description: 'The last visit day the proposal was judged against: certificates must be valid through it. Approval checks every rule again against it.',
    }),
    members: t.relation('members', { description: 'The lead expert and the members.', query: { orderBy: { role: 'asc' } } }),
    history: t.relation('orders', {
      description: 'Every order that approved a composition of the team, newest first: the one in force (withdrawnAt null) and those a changed team replaced.',
      query: { orderBy: [{ withdrawnAt: { sort: 'desc', nulls: 'first' } }, { approvedAt: 'desc' }, { id: 'desc' }] },
    }),
  }),
});

export const AccreditationCaseRef = builder.prismaNode('AccreditationCase', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description:
    'One accreditation procedure of one organization. Visible to staff, to the organization’s representatives, and to the experts of its team.',
  id: { field: 'id' },
  authScopes: (found, ctx) => caseParticipant(found, ctx),
  findUnique: (id) => ({ id }),
  fields: (t) => ({
    number: t.exposeString('number', { description: 'Case number, e.g. "AC-2026-0007".' }),
    organization: t.relation('organization', { description: 'The organization being accredited.' }),
    framework: t.relation('framework', { description: 'The version of the standards the case is judged against (the one in force when it started).' }),
    stage: t.expose('stage', { type: CaseStageEnum, description: 'Where the case is in the procedure.' }),
    version: t.exposeInt('version', {
      description: 'Incremented by every change. Send it back as `expectedVersion`: a step based on an older version is refused.',
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When the application was submitted.' }),
    registeredAt: t.expose('registeredAt', { type: 'DateTime', nullable: true, description: 'When the application was registered.' }),
    rejectionReason: t.exposeString('rejectionReason', { nullable: true, description: 'Why the application was not registered.' }),
    selfAssessmentSubmittedAt: t.expose('selfAssessmentSubmittedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the self-assessment was submitted.',
    }),
    preliminaryVisitFrom: t.expose('preliminaryVisitFrom', { type: 'Date', nullable: true, description: 'First day of the preliminary visit.' }),
    preliminaryVisitTo: t.expose('preliminaryVisitTo', { type: 'Date', nullable: true, description: 'Last day of the preliminary visit.' }),
    externalVisitFrom: t.expose('externalVisitFrom', { type: 'Date', nullable: true, description: 'First day of the external visit.' }),
    externalVisitTo: t.expose('externalVisitTo', { type: 'Date', nullable: true, description: 'Last day of the external visit.' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: 'When the case ended.' }),
    team: t.relation('team', { nullable: true, description: 'The expert team, once proposed.' }),
    ratings: t.relation('ratings', { description: 'The self-assessment, one rating per criterion rated so far.' }),
    reports: t.relation('reports', {
      description: 'Reports of the case, published or not (visible to the case’s participants).',
      query: { orderBy: [{ kind: 'asc' }, { language: 'asc' }] },
    }),
    decisions: t.relation('decisions', {
      description: 'Decisions on the case: all of them for staff, only published ones for others.',
      query: (_args, ctx) => ({ where: isStaff(ctx.viewer) ? {} : { publishedAt: { not: null } }, orderBy: { createdAt: 'asc' } }),
    }),
    availableActions: t.field({
      type: [CaseActionEnum],
      description: 'The steps you may take on the case now, given its stage and your roles.',
      select: { stage: true, organizationId: true },
      resolve: (found, _args, ctx) => {
        if (ctx.viewer.kind !== 'user') return [];
        const viewer = ctx.viewer;
        const roles = viewer.roles.filter((role) => role !== 'ORGANIZATION_REPRESENTATIVE' || viewer.organizationId === found.organizationId);
        return availableActions(found.stage, roles);
      },
    }),
    interimReportDueOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'When the interim self-assessment report is due: three years after the published accreditation decision.',
      select: { decisions: { where: { publishedAt: { not: null }, outcome: 'ACCREDITED' }, select: { decisionDate: true } } },
      resolve: (found) => {
        const dates = found.decisions.map((d) => toIsoDate(d.decisionDate)).sort();
        const latest = dates.at(-1);
        return latest ? interimReportDueOn(latest) : null;
      },
    }),
  }),
});

const CaseFilter = builder.inputType('CaseFilter', {
  description: 'Narrows the list of cases. All given conditions must hold.',
  fields: (t) => ({
    stage: t.field({ type: CaseStageEnum, required: false, description: 'Only cases at this stage.' }),
    organizationBin: t.string({ required: false, description: 'Only cases of the organization with this BIN.' }),
  }),
});

builder.queryFields((t) => ({
  cases: t.prismaConnection(
    {
      type: AccreditationCaseRef,
      cursor: 'id',
      authScopes: { signedIn: true },
      description: 'The cases you may see, newest first: all for staff, your organization’s for a representative, your teams’ for an expert.',
      args: { filter: t.arg({ type: CaseFilter, required: false, description: 'Conditions the cases must meet.' }) },
      totalCount: (_parent, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.accreditationCase.count({ where: caseWhere(args.filter, ctx) });
      },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.accreditationCase.findMany({ ...query, where: caseWhere(args.filter, ctx), orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }] });
      },
    },
    ...connectionTypeOptions('cases you may see'),
  ),
  case: t.prismaField({
    type: AccreditationCaseRef,
    nullable: true,
    authScopes: { signedIn: true },
    description: 'A case by its number; null when there is none you may see.',
    args: { number: t.arg.string({ required: true, description: 'Case number, e.g. "AC-2026-0007".' }) },
    resolve: (query, _root, { number }, ctx) => {
      assertMayReadCases(ctx.viewer);
      return ctx.prisma.accreditationCase.findFirst({ ...query, where: { AND: [{ number }, visibleCasesWhere(ctx.viewer)] } });
    },
  }),
}));

function caseWhere(filter: typeof CaseFilter.$inferInput | null | undefined, ctx: GraphQLContext): Prisma.AccreditationCaseWhereInput {
  assertMayReadCases(ctx.viewer);
  const conditions: Prisma.AccreditationCaseWhereInput[] = [visibleCasesWhere(ctx.viewer)];
  if (filter?.stage) conditions.push({ stage: filter.stage });
  if (filter?.organizationBin) conditions.push({ organization: { bin: filter.organizationBin } });
  return { AND: conditions };
}

// ---- mutations -------------------------------------------------------------------

interface CasePayloadShape {
  caseId: string | null;
  userErrors: UserError[];
}

/** Every case step returns the case (as it now is) and the rules broken. */
export function casePayload(name: string, description: string) {
  return builder.objectRef<CasePayloadShape>(name).implement({
    description,
    authScopes: { signedIn: true },
    fields: (t) => ({
      case: t.prismaField({
        type: AccreditationCaseRef,
        nullable: true,
        description: 'The case after the step; null when nothing changed.',
        resolve: (query, payload, _args, ctx) => {
          if (!payload.caseId) return null;
          // The step succeeded, so the viewer was allowed to take it: they may see its result.
          if (payload.userErrors.length === 0) (ctx.casesSteppedOn ??= new Set()).add(payload.caseId);
          return ctx.prisma.accreditationCase.findUnique({ ...query, where: { id: payload.caseId } });
        },
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (p) => p.userErrors }),
    }),
  });
}

/** Runs a case step in one transaction and shapes its payload. */
export async function runCaseStep(ctx: GraphQLContext, work: (tx: Prisma.TransactionClient) => Promise<string>): Promise<CasePayloadShape> {
  const { result, userErrors } = await inTransaction(ctx, work);
  return { caseId: result, userErrors };
}

/** The database id behind a global id of the expected type, or a NOT_FOUND userError. */
export function idOf(globalId: { typename: string; id: string }, typename: string, field: string): string {
  if (globalId.typename !== typename) {
    throw new BusinessRuleError(userError(field, 'NOT_FOUND', `The id given for ${field} is not the id of a ${typename}.`));
  }
  return globalId.id;
}

const CaseStepInput = builder.inputType('CaseStepInput', {
  description: 'Identifies the case and the version you read, for a step that needs nothing else.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expectedVersion: t.int({ required: true, description: 'The case’s `version` as you read it.' }),
  }),
});

const ApplyInput = builder.inputType('CaseApplyInput', {
  description: 'An application for accreditation.',
  fields: (t) => ({
    organizationBin: t.string({ required: true, description: 'BIN of the organization applying (your own, for a representative).' }),
  }),
});

const RejectInput = builder.inputType('CaseRejectInput', {
  description: 'Refusal to register an application, with the reason.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expectedVersion: t.int({ required: true, description: 'The case’s `version` as you read it.' }),
    reason: t.string({ required: true, description: 'Why the application is not registered; sent to the organization.' }),
  }),
});

const RateInput = builder.inputType('CaseRateCriterionInput', {
  description: 'The organization’s self-assessment of one criterion.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    criterionCode: t.string({ required: true, description: 'Code of a criterion of the case’s framework, e.g. "A.1".' }),
    judgement: t.field({ type: JudgementEnum, required: true, description: 'How well the criterion is met.' }),
    narrative: t.string({ required: true, description: 'How the organization meets the criterion.' }),
    evidence: t.string({ required: true, description: 'The evidence: document names, links, descriptions.' }),
    expectedVersion: t.int({
      required: false,
      description:
        'The case’s `version` as you read it. Optional here, since one person rates many criteria in a row: when given, a rating based on an older version is refused. Every rating increments the version.',
    }),
  }),
});

const ProposeTeamInput = builder.inputType('CaseProposeTeamInput', {
  description: 'The expert team a coordinator proposes. Changing an approved team needs a new order.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expectedVersion: t.int({ required: true, description: 'The case’s `version` as you read it.' }),
    leadExpertId: t.globalID({
      required: true,
      description: 'Global identifier of the lead expert: a User with the EXPERT role and a certified expert record (`userId` in expertTeamCandidates).',
    }),
    memberIds: t.globalIDList({ required: true, description: 'Global identifiers of the other members (Users, as for the lead).' }),
    lastVisitDay: t.field({
      type: 'Date',
      required: false,
      description:
        'Certificates must be valid through this day; as in expertTeamCandidates, default the scheduled external visit’s last day, or 60 days from today while it is not scheduled.',
    }),
  }),
});

const ApproveTeamInput = builder.inputType('CaseApproveTeamInput', {
  description: 'The CPM director’s order approving the proposed team.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expectedVersion: t.int({ required: true, description: 'The case’s `version` as you read it.' }),
    orderNumber: t.string({ required: true, description: 'Number of the order.' }),
    orderDate: t.field({ type: 'Date', required: true, description: 'Date of the order.' }),
  }),
});

const ScheduleVisitInput = builder.inputType('CaseScheduleVisitInput', {
  description: 'Dates of a visit, counted in Kazakhstan’s working days (first and last day included).',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expectedVersion: t.int({ required: true, description: 'The case’s `version` as you read it.' }),
    from: t.field({ type: 'Date', required: true, description: 'First day of the visit (a working day).' }),
    to: t.field({ type: 'Date', required: true, description: 'Last day of the visit (a working day).' }),
  }),
});

export const ReportSectionInput = builder.inputType('ReportSectionInput', {
  description: 'The part of a report (the final report, the interim self-assessment report) about one standard.',
  fields: (t) => ({
    standardCode: t.string({ required: true, description: 'Code of the standard, e.g. "A".' }),
    findings: t.string({ required: true, description: 'What the team found against the standard.' }),
    strengths: t.string({ required: false, description: 'Strengths noted.' }),
    recommendations: t.string({ required: false, description: 'Recommendations.' }),
  }),
});

/** A section with findings for every standard of the framework, and none for a standard it does not have. */
export function reportSectionErrors(
  standards: readonly { code: string }[],
  sections: readonly (typeof ReportSectionInput.$inferInput)[],
): { byCode: Map<string, typeof ReportSectionInput.$inferInput>; errors: UserError[] } {
  const errors: UserError[] = [];
  const byCode = new Map(sections.map((section) => [section.standardCode.trim(), section]));
  const missing = standards.filter((s) => !byCode.get(s.code)?.findings.trim()).map((s) => s.code);
  if (missing.length) errors.push(userError('sections', 'GUARD_FAILED', `A finding is needed for every standard; missing: ${missing.join(', ')}.`));
  const unknown = [...byCode.keys()].filter((code) => !standards.some((s) => s.code === code));
  if (unknown.length) errors.push(userError('sections', 'INVALID', `The framework has no standard ${unknown.join(', ')}.`));
  return { byCode, errors };
}

const FinalReportInput = builder.inputType('CaseSubmitFinalReportInput', {
  description: 'The lead expert’s final external-assessment report: a finding per standard, strengths and recommendations.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expectedVersion: t.int({ required: true, description: 'The case’s `version` as you read it.' }),
    language: t.field({ type: LanguageEnum, required: true, description: 'The language the report is written in.' }),
    title: t.string({ required: true, description: 'Title of the report.' }),
    summary: t.string({ required: true, description: 'Summary of the findings.' }),
    strengths: t.string({ required: true, description: 'The organization’s main strengths.' }),
    recommendations: t.string({ required: true, description: 'The team’s recommendations.' }),
    sections: t.field({ type: [ReportSectionInput], required: true, description: 'One section per standard of the case’s framework.' }),
  }),
});

const payloads = {
  apply: casePayload('CaseApplyPayload', 'Result of caseApply.'),
  register: casePayload('CaseRegisterPayload', 'Result of caseRegister.'),
  reject: casePayload('CaseRejectPayload', 'Result of caseReject.'),
  startSelfAssessment: casePayload('CaseStartSelfAssessmentPayload', 'Result of caseStartSelfAssessment.'),
  rateCriterion: casePayload('CaseRateCriterionPayload', 'Result of caseRateCriterion.'),
  submitSelfAssessment: casePayload('CaseSubmitSelfAssessmentPayload', 'Result of caseSubmitSelfAssessment.'),
  proposeTeam: casePayload('CaseProposeTeamPayload', 'Result of caseProposeTeam.'),
  approveTeam: casePayload('CaseApproveTeamPayload', 'Result of caseApproveTeam.'),
  schedulePreliminaryVisit: casePayload('CaseSchedulePreliminaryVisitPayload', 'Result of caseSchedulePreliminaryVisit.'),
  scheduleExternalVisit: casePayload('CaseScheduleExternalVisitPayload', 'Result of caseScheduleExternalVisit.'),
  submitFinalReport: casePayload('CaseSubmitFinalReportPayload', 'Result of caseSubmitFinalReport.'),
  reviewFinalReport: casePayload('CaseReviewFinalReportPayload', 'Result of caseReviewFinalReport.'),
  approveFinalReport: casePayload('CaseApproveFinalReportPayload', 'Result of caseApproveFinalReport.'),
};

const signedIn = { signedIn: true } as const;

/** The next number of the year; call only under the caseApplication lock. */
async function nextCaseNumber(tx: Prisma.TransactionClient, year: number): Promise<string> {
  const prefix = `AC-${year}-`;
  const last = await tx.accreditationCase.findFirst({ where: { number: { startsWith: prefix } }, orderBy: { number: 'desc' }, select: { number: true } });
  const next = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, '0')}`;
}

function assertTeamApproved(found: CaseRow): void {
  if (found.team?.status !== 'APPROVED') {
    throw new BusinessRuleError(
      userError(null, 'GUARD_FAILED', 'Visits can be scheduled only once the expert team is approved by the CPM director’s order.'),
    );
  }
}

function assertVisit(kind: 'PRELIMINARY' | 'EXTERNAL', from: string, to: string, today: string): void {
  if (from < today) throw new BusinessRuleError(userError('from', 'GUARD_FAILED', `A visit cannot start in the past (today is ${today}).`));
  let problem: string | null;
  try {
    problem = visitLengthProblem(kind, from, to);
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem) throw new BusinessRuleError(userError('to', 'GUARD_FAILED', problem));
}

/** No member of the team is on another visit on any of these days (a team rule checked when the days are known). */
/**
 * Every rule of team formation, checked again for the team on file when a visit is scheduled:
 * certificates valid through this visit's last day, no conflict of interest, no member on
 * another visit on these days, the languages and the level covered.
 */
async function assertTeamStillEligible(tx: Prisma.TransactionClient, ctx: GraphQLContext, caseId: string, visit: { from: string; to: string }, step: string): Promise<void> {
  const errors = await teamRecheckUserErrors(tx, caseId, { today: ctx.today, lastVisitDay: visit.to, newVisit: visit, step }, teamFormationRules());
  if (errors.length) throw new BusinessRuleError(errors);
}

/** A changed team may be proposed until the external visit begins. */
function assertTeamMayChange(found: CaseRow, today: string): void {
  const externalStart = found.externalVisitFrom ? toIsoDate(found.externalVisitFrom) : null;
  if (externalStart && externalStart <= today) {
    throw new BusinessRuleError(
      userError(null, 'GUARD_FAILED', `The external visit began on ${externalStart}; the team can be changed only before it begins.`),
    );
  }
}

builder.mutationFields((t) => ({
  caseApply: t.field({
    type: payloads.apply,
    authScopes: signedIn,
    description:
      'Submits an application for accreditation. The case is judged against the standards framework in force today. A representative applies for their own organization; a coordinator may apply on its behalf.',
    args: { input: t.arg({ type: ApplyInput, required: true, description: 'The application.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const bin = input.organizationBin.trim();
        const binRule = binProblem(bin);
        if (binRule) throw new BusinessRuleError(userError('organizationBin', 'INVALID', `The value is not a valid BIN: ${binRuleText[binRule]}.`));
        const organization = await tx.organization.findUnique({ where: { bin } });
        if (!organization) throw new BusinessRuleError(userError('organizationBin', 'NOT_FOUND', 'The register has no organization with this BIN.'));
        // A new case has no stage yet: only the role matters.
        assertMayTake('apply', viewer, { stage: null, organizationId: organization.id });
        // One application at a time: the check below and the next number then both see every
        // application committed before, so parallel applications neither crash nor double up.
        await lockForTransaction(tx, 'caseApplication');
        const running = await tx.accreditationCase.findFirst({
          where: { organizationId: organization.id, stage: { in: [...runningStages] } },
          select: { number: true },
        });
        if (running) {
          throw new BusinessRuleError(
            userError('organizationBin', 'GUARD_FAILED', `The organization already has a case under way (${running.number}); one case at a time.`),
          );
        }
        const framework = await tx.standardFramework.findFirst({ where: { status: 'ACTIVE' }, orderBy: { version: 'desc' } });
        if (!framework) throw new BusinessRuleError(userError(null, 'GUARD_FAILED', 'No standards framework is in force; applications cannot be taken.'));
        const created = await tx.accreditationCase.create({
          data: {
            number: await nextCaseNumber(tx, Number(ctx.today.slice(0, 4))),
            organizationId: organization.id,
            frameworkId: framework.id,
            stage: 'APPLICATION_SUBMITTED',
            submittedAt: ctx.now,
            submittedById: viewer.userId,
            version: 0,
          },
          include: { organization: true, team: { include: { members: true } } },
        });
        // Version 0 → 1 through the common step, so the application is audited and announced like any step.
        await applyStep(tx, ctx, created, 0, { action: 'apply', details: { frameworkVersion: framework.version } });
        return created.id;
      }),
  }),

  caseRegister: t.field({
    type: payloads.register,
    authScopes: signedIn,
    description: 'Registers an application for accreditation (coordinator).',
    args: { input: t.arg({ type: CaseStepInput, required: true, description: 'The case.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('register', viewer, found, input.expectedVersion);
        await applyStep(tx, ctx, found, input.expectedVersion, { action: 'register', data: { registeredAt: ctx.now } });
        return found.id;
      }),
  }),

  caseReject: t.field({
    type: payloads.reject,
    authScopes: signedIn,
    description: 'Refuses to register an application, with the reason (coordinator).',
    args: { input: t.arg({ type: RejectInput, required: true, description: 'The case and the reason.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('reject', viewer, found, input.expectedVersion);
        const reason = input.reason.trim();
        if (reason.length < 10) throw new BusinessRuleError(userError('reason', 'REQUIRED', 'Give the reason for the rejection (at least 10 characters).'));
        await applyStep(tx, ctx, found, input.expectedVersion, {
          action: 'reject',
          data: { rejectionReason: reason, closedAt: ctx.now },
          details: { reason },
          message: `Reason: ${reason}`,
        });
        return found.id;
      }),
  }),

  caseStartSelfAssessment: t.field({
    type: payloads.startSelfAssessment,
    authScopes: signedIn,
    description: 'Starts the self-assessment (stage 2).',
    args: { input: t.arg({ type: CaseStepInput, required: true, description: 'The case.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('startSelfAssessment', viewer, found, input.expectedVersion);
        await applyStep(tx, ctx, found, input.expectedVersion, { action: 'startSelfAssessment' });
        return found.id;
      }),
  }),

  caseRateCriterion: t.field({
    type: payloads.rateCriterion,
    authScopes: signedIn,
    description:
      'Records (or replaces) the self-assessment of one criterion: a judgement, a narrative and the evidence (representative, during the self-assessment).',
    args: { input: t.arg({ type: RateInput, required: true, description: 'The rating.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('rateCriterion', viewer, found, input.expectedVersion ?? undefined);
        const criterion = await tx.criterion.findFirst({ where: { code: input.criterionCode.trim(), standard: { frameworkId: found.frameworkId } } });
        if (!criterion) {
          throw new BusinessRuleError(userError('criterionCode', 'NOT_FOUND', `The case’s framework has no criterion "${input.criterionCode}".`));
        }
        const errors: UserError[] = [];
        if (!input.narrative.trim()) errors.push(userError('narrative', 'REQUIRED', 'Describe how the organization meets the criterion.'));
        if (!input.evidence.trim()) errors.push(userError('evidence', 'REQUIRED', 'Name the evidence for the criterion.'));
        if (errors.length) throw new BusinessRuleError(errors);
        const data = { judgement: input.judgement, narrative: input.narrative.trim(), evidence: input.evidence.trim() };
        const key = { caseId_criterionId: { caseId: found.id, criterionId: criterion.id } };
        const previous = await tx.criterionRating.findUnique({ where: key, select: { judgement: true } });
        await tx.criterionRating.upsert({ where: key, create: { caseId: found.id, criterionId: criterion.id, ...data }, update: data });
        // Through the common step: the version moves on and the rating is audited like any change.
        await applyStep(tx, ctx, found, input.expectedVersion ?? null, {
          action: 'rateCriterion',
          details: { criterionCode: criterion.code, judgement: data.judgement, previousJudgement: previous?.judgement ?? null },
        });
        return found.id;
      }),
  }),

  caseSubmitSelfAssessment: t.field({
    type: payloads.submitSelfAssessment,
    authScopes: signedIn,
    description: 'Submits the self-assessment once every criterion of the framework is rated with a narrative and evidence (representative).',
    args: { input: t.arg({ type: CaseStepInput, required: true, description: 'The case.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('submitSelfAssessment', viewer, found, input.expectedVersion);
        const criteria = await tx.criterion.findMany({ where: { standard: { frameworkId: found.frameworkId } }, select: { id: true, code: true }, orderBy: { code: 'asc' } });
        const ratings = await tx.criterionRating.findMany({ where: { caseId: found.id } });
        const missing = unratedCriteria(criteria, ratings);
        if (missing.length) {
          throw new BusinessRuleError(
            userError(null, 'GUARD_FAILED', `Every criterion must be rated with a narrative and evidence first; missing: ${missing.join(', ')}.`),
          );
        }
        await applyStep(tx, ctx, found, input.expectedVersion, { action: 'submitSelfAssessment', data: { selfAssessmentSubmittedAt: ctx.now } });
        return found.id;
      }),
  }),

  caseProposeTeam: t.field({
    type: payloads.proposeTeam,
    authScopes: signedIn,
    description:
      'Proposes the expert team, or a changed team until the external visit begins (coordinator). Every member must pass the hard rules of team formation (certified through the last visit day, no conflict of interest with the organization, no overlapping visit) and the team must be within its size with one lead, covering the organization’s languages and level; see expertTeamCandidates. The CPM director approves it by order; changing an approved team withdraws the approval (its order stays in ExpertTeam.history) until a new order, and no visit can be scheduled meanwhile.',
    args: { input: t.arg({ type: ProposeTeamInput, required: true, description: 'The team.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('proposeTeam', viewer, found, input.expectedVersion);
        assertTeamMayChange(found, ctx.today);
        const leadUserId = idOf(input.leadExpertId, 'User', 'leadExpertId');
        const memberUserIds = input.memberIds.map((id) => idOf(id, 'User', 'memberIds'));
        const problems = teamProposalProblems({ leadUserId, memberUserIds });
        if (problems.length) throw new BusinessRuleError(problems.map((p) => userError('memberIds', 'INVALID', p)));
        const everyone = [leadUserId, ...memberUserIds];
        const experts = await activeUserIdsWithRole(tx, 'EXPERT', { amongIds: everyone });
        if (experts.length !== everyone.length) {
          throw new BusinessRuleError(userError('memberIds', 'INVALID', 'Every member of the team must be an active user with the EXPERT role.'));
        }
        if (input.lastVisitDay && input.lastVisitDay < ctx.today) {
          throw new BusinessRuleError(userError('lastVisitDay', 'INVALID', `The last visit day cannot be in the past (today is ${ctx.today}).`));
        }
        // The hard rules of team formation (experts/team-formation.ts), as expertTeamCandidates applies them.
        const { errors: ruleErrors, lastVisitDay } = await proposalUserErrors(
          tx,
          found.id,
          { leadUserId, memberUserIds, today: ctx.today, lastVisitDay: input.lastVisitDay },
          teamFormationRules(),
        );
        if (ruleErrors.length) throw new BusinessRuleError(ruleErrors);
        const assumedLastVisitDay = fromIsoDate(lastVisitDay);
        const team = await tx.expertTeam.upsert({
          where: { caseId: found.id },
          create: { caseId: found.id, status: 'PROPOSED', assumedLastVisitDay },
          update: { status: 'PROPOSED', orderNumber: null, orderDate: null, approvedAt: null, approvedById: null, assumedLastVisitDay },
        });
        // The order in force stays in the history, withdrawn: the changed team needs a new one.
        await tx.expertTeamOrder.updateMany({ where: { teamId: team.id, withdrawnAt: null }, data: { withdrawnAt: ctx.now } });
        await tx.expertTeamMember.deleteMany({ where: { teamId: team.id } });
        await tx.expertTeamMember.createMany({
          data: everyone.map((userId) => ({ teamId: team.id, userId, role: userId === leadUserId ? 'LEAD' : 'MEMBER' })),
        });
        await applyStep(tx, ctx, found, input.expectedVersion, {
          action: 'proposeTeam',
          details: {
            lead: leadUserId,
            members: memberUserIds,
            lastVisitDay: input.lastVisitDay ?? null,
            assumedLastVisitDay: lastVisitDay,
            previousOrder: found.team?.orderNumber ?? null,
            previousMembers: found.team?.members.map((m) => ({ userId: m.userId, role: m.role })) ?? [],
          },
        });
        return found.id;
      }),
  }),

  caseApproveTeam: t.field({
    type: payloads.approveTeam,
    authScopes: signedIn,
    description:
      'Approves the proposed expert team by order, recording its number and date (CPM director). Every rule of team formation is checked again, against the proposal’s last visit day; a changed team needs an order number no earlier order of the case used.',
    args: { input: t.arg({ type: ApproveTeamInput, required: true, description: 'The order.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('approveTeam', viewer, found, input.expectedVersion);
        if (!found.team || found.team.status !== 'PROPOSED') {
          throw new BusinessRuleError(userError(null, 'GUARD_FAILED', 'There is no proposed team to approve.'));
        }
        const orderNumber = input.orderNumber.trim();
        if (!orderNumber) throw new BusinessRuleError(userError('orderNumber', 'REQUIRED', 'Give the number of the order.'));
        if (input.orderDate > ctx.today) throw new BusinessRuleError(userError('orderDate', 'INVALID', 'An order cannot be dated in the future.'));
        const earlier = await tx.expertTeamOrder.findFirst({ where: { teamId: found.team.id, orderNumber }, select: { orderDate: true } });
        if (earlier) {
          throw new BusinessRuleError(
            userError(
              'orderNumber',
              'ALREADY_EXISTS',
              `Order ${orderNumber} (${toIsoDate(earlier.orderDate)}) approved an earlier composition of this team; a changed team needs a new order with its own number.`,
            ),
          );
        }
        // Every rule again, as of today: a member may have been suspended, expired or declared a conflict since the proposal.
        const ruleErrors = await teamRecheckUserErrors(
          tx,
          found.id,
          { today: ctx.today, lastVisitDay: found.team.assumedLastVisitDay ? toIsoDate(found.team.assumedLastVisitDay) : null, step: 'be approved' },
          teamFormationRules(),
        );
        if (ruleErrors.length) throw new BusinessRuleError(ruleErrors);
        await tx.expertTeam.update({
          where: { id: found.team.id },
          data: { status: 'APPROVED', orderNumber, orderDate: fromIsoDate(input.orderDate), approvedAt: ctx.now, approvedById: viewer.userId },
        });
        const members = await tx.expertTeamMember.findMany({
          where: { teamId: found.team.id },
          select: { userId: true, role: true, user: { select: { displayName: true } } },
          orderBy: [{ role: 'asc' }, { user: { displayName: 'asc' } }],
        });
        await tx.expertTeamOrder.create({
          data: {
            teamId: found.team.id,
            orderNumber,
            orderDate: fromIsoDate(input.orderDate),
            approvedAt: ctx.now,
            approvedById: viewer.userId,
            members: members.map((m) => ({ userId: m.userId, displayName: m.user.displayName, role: m.role })),
          },
        });
        await applyStep(tx, ctx, found, input.expectedVersion, { action: 'approveTeam', details: { orderNumber, orderDate: input.orderDate } });
        return found.id;
      }),
  }),

  caseSchedulePreliminaryVisit: t.field({
    type: payloads.schedulePreliminaryVisit,
    authScopes: signedIn,
    description: 'Schedules the preliminary visit: 3–5 working days, once the team is approved (coordinator). Every rule of team formation is checked again for this visit: certificates valid through its last day, no conflict of interest, no member visiting for another case on these days, the languages and level covered.',
    args: { input: t.arg({ type: ScheduleVisitInput, required: true, description: 'The visit.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('schedulePreliminaryVisit', viewer, found, input.expectedVersion);
        assertTeamApproved(found);
        assertVisit('PRELIMINARY', input.from, input.to, ctx.today);
        await assertTeamStillEligible(tx, ctx, found.id, { from: input.from, to: input.to }, 'make this visit');
        await applyStep(tx, ctx, found, input.expectedVersion, {
          action: 'schedulePreliminaryVisit',
          data: { preliminaryVisitFrom: fromIsoDate(input.from), preliminaryVisitTo: fromIsoDate(input.to) },
          details: { from: input.from, to: input.to },
          message: `Preliminary visit: ${input.from} to ${input.to}.`,
        });
        return found.id;
      }),
  }),

  caseScheduleExternalVisit: t.field({
    type: payloads.scheduleExternalVisit,
    authScopes: signedIn,
    description: 'Schedules the external visit: 5–7 working days, after the preliminary visit (coordinator). Every rule of team formation is checked again for this visit: certificates valid through its last day, no conflict of interest, no member visiting for another case on these days, the languages and level covered.',
    args: { input: t.arg({ type: ScheduleVisitInput, required: true, description: 'The visit.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('scheduleExternalVisit', viewer, found, input.expectedVersion);
        assertTeamApproved(found);
        const preliminaryEnd = found.preliminaryVisitTo ? toIsoDate(found.preliminaryVisitTo) : null;
        if (preliminaryEnd && input.from <= preliminaryEnd) {
          throw new BusinessRuleError(userError('from', 'GUARD_FAILED', `The external visit must start after the preliminary visit ends (${preliminaryEnd}).`));
        }
        assertVisit('EXTERNAL', input.from, input.to, ctx.today);
        await assertTeamStillEligible(tx, ctx, found.id, { from: input.from, to: input.to }, 'make this visit');
        await applyStep(tx, ctx, found, input.expectedVersion, {
          action: 'scheduleExternalVisit',
          data: { externalVisitFrom: fromIsoDate(input.from), externalVisitTo: fromIsoDate(input.to) },
          details: { from: input.from, to: input.to },
          message: `External visit: ${input.from} to ${input.to}.`,
        });
        return found.id;
      }),
  }),

  caseSubmitFinalReport: t.field({
    type: payloads.submitFinalReport,
    authScopes: signedIn,
    description:
      'Submits the final external-assessment report, with a finding for every standard, strengths and recommendations (the team’s lead expert, once the external visit has begun).',
    args: { input: t.arg({ type: FinalReportInput, required: true, description: 'The report.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('submitFinalReport', viewer, found, input.expectedVersion);
        if (found.team?.status !== 'APPROVED') {
          throw new BusinessRuleError(userError(null, 'GUARD_FAILED', 'The team was changed: the CPM director’s new order must approve it before the final report.'));
        }
        const lead = found.team?.members.find((member) => member.role === 'LEAD');
        if (!lead || lead.userId !== viewer.userId) {
          throw new BusinessRuleError(userError(null, 'FORBIDDEN', 'Only the lead expert of the case’s team may submit the final report.'));
        }
        const visitStart = found.externalVisitFrom ? toIsoDate(found.externalVisitFrom) : null;
        if (!visitStart || ctx.today < visitStart) {
          throw new BusinessRuleError(userError(null, 'GUARD_FAILED', 'The final report is written once the external visit has begun.'));
        }
        const standards = await tx.standard.findMany({ where: { frameworkId: found.frameworkId }, orderBy: { position: 'asc' } });
        const errors: UserError[] = [];
        for (const key of ['title', 'summary', 'strengths', 'recommendations'] as const) {
          if (!input[key].trim()) errors.push(userError(key, 'REQUIRED', `The report needs ${key}.`));
        }
        const { byCode, errors: sectionErrors } = reportSectionErrors(standards, input.sections);
        errors.push(...sectionErrors);
        if (errors.length) throw new BusinessRuleError(errors);
        const language: Language = input.language;
        const existing = await tx.report.findUnique({ where: { caseId_kind_language: { caseId: found.id, kind: 'EXTERNAL_FINAL', language } } });
        if (existing?.publishedAt) throw new BusinessRuleError(userError('language', 'GUARD_FAILED', 'A published report is never edited.'));
        const data = {
          title: input.title.trim(),
          summary: input.summary.trim(),
          strengths: input.strengths.trim(),
          recommendations: input.recommendations.trim(),
          status: 'SUBMITTED' as const,
          authorId: viewer.userId,
          organizationId: found.organizationId,
        };
        const report = await tx.report.upsert({
          where: { caseId_kind_language: { caseId: found.id, kind: 'EXTERNAL_FINAL', language } },
          create: { caseId: found.id, kind: 'EXTERNAL_FINAL', language, ...data },
          update: data,
        });
        await tx.reportSection.deleteMany({ where: { reportId: report.id } });
        await tx.reportSection.createMany({
          data: standards.map((standard, index) => {
            const section = byCode.get(standard.code);
            return {
              reportId: report.id,
              standardId: standard.id,
              position: index + 1,
              findings: section?.findings.trim() ?? '',
              strengths: section?.strengths?.trim() || null,
              recommendations: section?.recommendations?.trim() || null,
            };
          }),
        });
        await applyStep(tx, ctx, found, input.expectedVersion, { action: 'submitFinalReport', details: { reportId: report.id, language } });
        return found.id;
      }),
  }),

  caseReviewFinalReport: t.field({
    type: payloads.reviewFinalReport,
    authScopes: signedIn,
    description: 'Records the Expert Commission’s review of the submitted final report (commission member).',
    args: { input: t.arg({ type: CaseStepInput, required: true, description: 'The case.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('reviewFinalReport', viewer, found, input.expectedVersion);
        const reviewed = await tx.report.updateMany({
          where: { caseId: found.id, kind: 'EXTERNAL_FINAL', status: 'SUBMITTED' },
          data: { status: 'REVIEWED', reviewedAt: ctx.now },
        });
        if (reviewed.count === 0) throw new BusinessRuleError(userError(null, 'GUARD_FAILED', 'There is no submitted final report to review.'));
        await applyStep(tx, ctx, found, input.expectedVersion, { action: 'reviewFinalReport' });
        return found.id;
      }),
  }),

  caseApproveFinalReport: t.field({
    type: payloads.approveFinalReport,
    authScopes: signedIn,
    description: 'Approves the reviewed final report and puts the case before the Accreditation Council (coordinator).',
    args: { input: t.arg({ type: CaseStepInput, required: true, description: 'The case.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('approveFinalReport', viewer, found, input.expectedVersion);
        const pending = await tx.report.count({ where: { caseId: found.id, kind: 'EXTERNAL_FINAL', status: { not: 'REVIEWED' } } });
        const reviewed = await tx.report.count({ where: { caseId: found.id, kind: 'EXTERNAL_FINAL', status: 'REVIEWED' } });
        if (reviewed === 0 || pending > 0) {
          throw new BusinessRuleError(userError(null, 'GUARD_FAILED', 'The final report must be reviewed by the Expert Commission before it is approved.'));
        }
        await tx.report.updateMany({ where: { caseId: found.id, kind: 'EXTERNAL_FINAL' }, data: { status: 'APPROVED', approvedAt: ctx.now } });
        await applyStep(tx, ctx, found, input.expectedVersion, { action: 'approveFinalReport' });
        return found.id;
      }),
  }),
}));

