// The Accreditation Council: meetings, votes, the decision, and its publication.
// A member with a declared conflict of interest with the organization is recused and
// cannot vote; the decision is the majority of votes cast when a quorum takes part.
// A published decision is never edited: a correction is a new decision that supersedes it.
import { Prisma } from '../generated/prisma/client.ts';
import { VoteChoice } from '../generated/prisma/enums.ts';
import { actorOf, appendAuditEvent } from '../audit/trail.ts';
import { AccreditationCaseRef, casePayload, idOf, runCaseStep } from '../cases/schema.ts';
import { applyStep, assertMayTake, audienceUserIds, loadVisibleCase, requireSignedIn } from '../cases/steps.ts';
import { councilOutcome, validUntil, transitions } from '../cases/workflow.ts';
import { DecisionRef } from '../decisions/schema.ts';
import { builder } from '../graphql/builder.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { describedEnum } from '../graphql/shared-types.ts';
import { BusinessRuleError, inTransaction, userError, UserErrorRef, type UserError } from '../graphql/user-errors.ts';
import { activeUserIdsWithRole } from '../db/enum-arrays.ts';
import { lockForTransaction } from '../db/locks.ts';
import { enqueueDecisionPublished } from '../notifications/events.ts';
import { notifyUsers } from '../notifications/outbox.ts';
import { fromIsoDate, toIsoDate } from '../shared/dates.ts';

const VoteChoiceEnum = describedEnum('VoteChoice', VoteChoice, 'A Council member’s vote on a case.', {
  ACCREDIT: 'For accreditation.',
  REFUSE: 'For refusing accreditation.',
  ABSTAIN: 'Abstains; not counted in the majority.',
});

builder.prismaObject('CouncilMeetingMember', {
  description: 'A member of the Council at one meeting.',
  authScopes: { staff: true },
  fields: (t) => ({
    userId: t.string({ description: 'Global identifier of the member (a User).', resolve: (m) => Buffer.from(`User:${m.userId}`).toString('base64') }),
    displayName: t.string({
      description: 'Name of the member.',
      select: { user: { select: { displayName: true } } },
      resolve: (m) => m.user.displayName,
    }),
    present: t.exposeBoolean('present', { description: 'Whether the member takes part in the meeting.' }),
  }),
});

builder.prismaObject('CouncilVote', {
  description: 'One member’s recorded vote on one case.',
  authScopes: { staff: true },
  fields: (t) => ({
    caseNumber: t.string({ description: 'Number of the case voted on.', select: { case: { select: { number: true } } }, resolve: (v) => v.case.number }),
    voter: t.string({ description: 'Name of the member who voted.', select: { user: { select: { displayName: true } } }, resolve: (v) => v.user.displayName }),
    choice: t.expose('choice', { type: VoteChoiceEnum, description: 'The vote.' }),
    castAt: t.expose('castAt', { type: 'DateTime', description: 'When the vote was cast (or last changed).' }),
  }),
});

export const CouncilMeetingRef = builder.prismaNode('CouncilMeeting', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'A meeting of the Accreditation Council, with its members, agenda and votes. Visible to staff.',
  id: { field: 'id' },
  authScopes: { staff: true },
  fields: (t) => ({
    heldOn: t.expose('heldOn', { type: 'Date', description: 'Day of the meeting.' }),
    quorum: t.float({ description: 'Share of members that must vote for a decision, e.g. 0.6667.', resolve: (m) => Number(m.quorum) }),
    members: t.relation('members', { description: 'Members of the Council at this meeting.' }),
    agenda: t.field({
      type: [AccreditationCaseRef],
      description: 'Cases on the agenda.',
      select: (_args, _ctx, nested) => ({ agenda: { select: { case: nested(true) } } }),
      resolve: (m) => m.agenda.map((item) => item.case),
    }),
    votes: t.relation('votes', { description: 'Votes recorded so far.', query: { orderBy: { castAt: 'asc' } } }),
  }),
});

builder.queryFields((t) => ({
  councilMeetings: t.prismaField({
    type: [CouncilMeetingRef],
    authScopes: { staff: true },
    description: 'Council meetings, latest first (staff).',
    resolve: (query, _root, _args, ctx) => ctx.prisma.councilMeeting.findMany({ ...query, orderBy: { heldOn: 'desc' } }),
  }),
}));

const MeetingCreateInput = builder.inputType('CouncilMeetingCreateInput', {
  description: 'A Council meeting: its day, members and the cases on its agenda.',
  fields: (t) => ({
    heldOn: t.field({ type: 'Date', required: true, description: 'Day of the meeting.' }),
    memberIds: t.globalIDList({ required: true, description: 'Global identifiers of the members (Users with the COUNCIL_MEMBER role).' }),
    caseIds: t.globalIDList({ required: true, description: 'Cases on the agenda (at stage COUNCIL_REVIEW).' }),
    quorum: t.float({ required: false, description: 'Share of members that must vote, from 0.5 to 1 (default two thirds).' }),
  }),
});

const VoteInput = builder.inputType('CouncilVoteCastInput', {
  description: 'A member’s vote on a case on the agenda.',
  fields: (t) => ({
    meetingId: t.globalID({ required: true, description: 'Global identifier of the meeting.' }),
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    choice: t.field({ type: VoteChoiceEnum, required: true, description: 'The vote.' }),
  }),
});

const DecideInput = builder.inputType('CaseDecideInput', {
  description: 'Records the Council’s decision on a case from the votes of a meeting. The outcome is the majority of votes cast.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expectedVersion: t.int({ required: true, description: 'The case’s `version` as you read it.' }),
    meetingId: t.globalID({ required: true, description: 'The meeting whose votes decide.' }),
    summaryKk: t.string({ required: true, description: 'The decision and its grounds, in Kazakh.' }),
    summaryRu: t.string({ required: true, description: 'The decision and its grounds, in Russian.' }),
    summaryEn: t.string({ required: false, description: 'The decision and its grounds, in English.' }),
    recommendations: t.string({ required: false, description: 'The Council’s recommendations to the organization.' }),
    validityYears: t.int({ required: false, description: 'Years of validity of an accreditation (default: the framework’s, usually 5).' }),
  }),
});

const PublishInput = builder.inputType('DecisionPublishInput', {
  description: 'The decision to publish.',
  fields: (t) => ({ decisionId: t.globalID({ required: true, description: 'Global identifier of the decision.' }) }),
});

const CorrectInput = builder.inputType('DecisionCorrectInput', {
  description: 'A correction of a published decision: a new decision that supersedes it. Publish it with decisionPublish.',
  fields: (t) => ({
    decisionId: t.globalID({ required: true, description: 'The published decision to correct.' }),
    validUntil: t.field({ type: 'Date', required: false, description: 'Corrected last day of validity (accreditations only).' }),
    summaryKk: t.string({ required: true, description: 'The corrected decision and what was corrected, in Kazakh.' }),
    summaryRu: t.string({ required: true, description: 'The corrected decision and what was corrected, in Russian.' }),
    summaryEn: t.string({ required: false, description: 'The corrected decision and what was corrected, in English.' }),
  }),
});

interface MeetingPayloadShape {
  meetingId: string | null;
  userErrors: UserError[];
}

const MeetingPayload = builder.objectRef<MeetingPayloadShape>('CouncilMeetingPayload').implement({
  description: 'Result of a change to a Council meeting.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    meeting: t.prismaField({
      type: CouncilMeetingRef,
      nullable: true,
      description: 'The meeting after the change; null when nothing changed.',
      resolve: (query, p, _args, ctx) => (p.meetingId ? ctx.prisma.councilMeeting.findUnique({ ...query, where: { id: p.meetingId } }) : null),
    }),
    userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (p) => p.userErrors }),
  }),
});

interface DecisionPayloadShape {
  decisionId: string | null;
  userErrors: UserError[];
}

const DecisionPayload = builder.objectRef<DecisionPayloadShape>('DecisionPayload').implement({
  description: 'Result of publishing or correcting a decision.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    decision: t.prismaField({
      type: DecisionRef,
      nullable: true,
      description: 'The decision after the change; null when nothing changed.',
      resolve: (query, p, _args, ctx) => (p.decisionId ? ctx.prisma.decision.findUnique({ ...query, where: { id: p.decisionId } }) : null),
    }),
    userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (p) => p.userErrors }),
  }),
});

const decidePayload = casePayload('CaseDecidePayload', 'Result of caseDecide.');

function requireRole(ctx: GraphQLContext, role: 'COUNCIL_SECRETARY' | 'COUNCIL_MEMBER', what: string) {
  const viewer = requireSignedIn(ctx);
  if (!viewer.roles.includes(role)) throw new BusinessRuleError(userError(null, 'FORBIDDEN', `Only ${role} may ${what}.`));
  return viewer;
}

/** The next decision number of the year, under a lock so that parallel decisions get distinct numbers. */
async function nextDecisionNumber(tx: Prisma.TransactionClient, year: number): Promise<string> {
  await lockForTransaction(tx, 'decisionNumber');
  const prefix = `AC-D-${year}-`;
  const last = await tx.decision.findFirst({ where: { number: { startsWith: prefix } }, orderBy: { number: 'desc' }, select: { number: true } });
  return `${prefix}${String(last ? Number(last.number.slice(prefix.length)) + 1 : 1).padStart(4, '0')}`;
}

/** Members of the meeting who are not recused for the organization (no declared conflict). */
async function recusedUserIds(tx: Prisma.TransactionClient, memberIds: string[], organizationId: string): Promise<Set<string>> {
  const conflicts = await tx.conflictOfInterest.findMany({ where: { userId: { in: memberIds }, organizationId }, select: { userId: true } });
  return new Set(conflicts.map((c) => c.userId));
}

builder.mutationFields((t) => ({
  councilMeetingCreate: t.field({
    type: MeetingPayload,
    authScopes: { signedIn: true },
    description: 'Convenes a Council meeting with its members and agenda (Council secretary).',
    args: { input: t.arg({ type: MeetingCreateInput, required: true, description: 'The meeting.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await inTransaction(ctx, async (tx) => {
        requireRole(ctx, 'COUNCIL_SECRETARY', 'convene a Council meeting');
        const memberIds = [...new Set(input.memberIds.map((id) => idOf(id, 'User', 'memberIds')))];
        const caseIds = [...new Set(input.caseIds.map((id) => idOf(id, 'AccreditationCase', 'caseIds')))];
        const quorum = input.quorum ?? 2 / 3;
        const errors: UserError[] = [];
        if (quorum < 0.5 || quorum > 1) errors.push(userError('quorum', 'INVALID', 'The quorum is a share of members from 0.5 to 1.'));
        const members = await activeUserIdsWithRole(tx, 'COUNCIL_MEMBER', { amongIds: memberIds });
        if (memberIds.length === 0 || members.length !== memberIds.length) {
          errors.push(userError('memberIds', 'INVALID', 'Every member must be an active user with the COUNCIL_MEMBER role, and there must be at least one.'));
        }
        const ready = await tx.accreditationCase.count({ where: { id: { in: caseIds }, stage: 'COUNCIL_REVIEW' } });
        if (caseIds.length === 0 || ready !== caseIds.length) {
          errors.push(userError('caseIds', 'GUARD_FAILED', 'Every case on the agenda must be at stage COUNCIL_REVIEW.'));
        }
        if (errors.length) throw new BusinessRuleError(errors);
        const meeting = await tx.councilMeeting.create({
          data: {
            heldOn: fromIsoDate(input.heldOn),
            quorum: new Prisma.Decimal(quorum.toFixed(4)),
            members: { create: memberIds.map((userId) => ({ userId })) },
            agenda: { create: caseIds.map((caseId) => ({ caseId })) },
          },
        });
        await appendAuditEvent(
          tx,
          {
            actor: actorOf(ctx.viewer),
            action: 'council.meeting.create',
            subjectType: 'CouncilMeeting',
            subjectId: meeting.id,
            after: { heldOn: input.heldOn, memberIds, caseIds, quorum },
          },
          ctx.now,
        );
        await notifyUsers(tx, {
          userIds: memberIds,
          kind: 'council.meeting',
          subject: `Accreditation Council meeting on ${input.heldOn}`,
          body: `You are a member of the Council meeting on ${input.heldOn}; ${caseIds.length} case(s) on the agenda.`,
        });
        return meeting.id;
      });
      return { meetingId: result, userErrors };
    },
  }),

  councilVoteCast: t.field({
    type: MeetingPayload,
    authScopes: { signedIn: true },
    description:
      'Records your vote on a case on the agenda of a meeting you sit on (Council member). A member with a declared conflict of interest with the organization is recused and cannot vote. A vote can be changed until the decision is recorded.',
    args: { input: t.arg({ type: VoteInput, required: true, description: 'The vote.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await inTransaction(ctx, async (tx) => {
        const viewer = requireRole(ctx, 'COUNCIL_MEMBER', 'vote in the Council');
        const meetingId = idOf(input.meetingId, 'CouncilMeeting', 'meetingId');
        const caseId = idOf(input.caseId, 'AccreditationCase', 'caseId');
        const seat = await tx.councilMeetingMember.findUnique({ where: { meetingId_userId: { meetingId, userId: viewer.userId } } });
        if (!seat) throw new BusinessRuleError(userError('meetingId', 'FORBIDDEN', 'You are not a member of this meeting.'));
        const item = await tx.councilAgendaItem.findUnique({ where: { meetingId_caseId: { meetingId, caseId } }, include: { case: true } });
        if (!item) throw new BusinessRuleError(userError('caseId', 'NOT_FOUND', 'The case is not on the agenda of this meeting.'));
        if (item.case.stage !== 'COUNCIL_REVIEW') {
          throw new BusinessRuleError(userError('caseId', 'INVALID_TRANSITION', `The case is at stage ${item.case.stage}; votes are taken at COUNCIL_REVIEW only.`));
        }
        if ((await recusedUserIds(tx, [viewer.userId], item.case.organizationId)).size > 0) {
          throw new BusinessRuleError(
            userError(null, 'CONFLICT_OF_INTEREST', 'You have declared a conflict of interest with this organization: you are recused and cannot vote on its case.'),
          );
        }
        const previous = await tx.councilVote.findUnique({ where: { meetingId_caseId_userId: { meetingId, caseId, userId: viewer.userId } } });
        await tx.councilVote.upsert({
          where: { meetingId_caseId_userId: { meetingId, caseId, userId: viewer.userId } },
          create: { meetingId, caseId, userId: viewer.userId, choice: input.choice, castAt: ctx.now },
          update: { choice: input.choice, castAt: ctx.now },
        });
        await appendAuditEvent(
          tx,
          {
            actor: actorOf(ctx.viewer),
            action: 'council.vote',
            subjectType: 'AccreditationCase',
            subjectId: caseId,
            before: previous ? { choice: previous.choice } : null,
            after: { meetingId, choice: input.choice },
          },
          ctx.now,
        );
        return meetingId;
      });
      return { meetingId: result, userErrors };
    },
  }),

  caseDecide: t.field({
    type: decidePayload,
    authScopes: { signedIn: true },
    description:
      'Records the Council’s decision from the votes of a meeting: the majority of votes cast, when the quorum voted (Council secretary). The decision is published separately.',
    args: { input: t.arg({ type: DecideInput, required: true, description: 'The decision.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('decide', viewer, found, input.expectedVersion);
        const meetingId = idOf(input.meetingId, 'CouncilMeeting', 'meetingId');
        const meeting = await tx.councilMeeting.findUnique({ where: { id: meetingId }, include: { members: true, agenda: true } });
        if (!meeting || !meeting.agenda.some((item) => item.caseId === found.id)) {
          throw new BusinessRuleError(userError('meetingId', 'NOT_FOUND', 'The case is not on the agenda of this meeting.'));
        }
        const memberIds = meeting.members.map((m) => m.userId);
        const recused = await recusedUserIds(tx, memberIds, found.organizationId);
        const votes = await tx.councilVote.findMany({ where: { meetingId, caseId: found.id, userId: { notIn: [...recused] } } });
        const tally = councilOutcome({
          members: memberIds.length,
          eligible: meeting.members.filter((m) => m.present && !recused.has(m.userId)).length,
          votes: votes.map((v) => v.choice),
          quorum: Number(meeting.quorum),
        });
        if (!tally.decided) throw new BusinessRuleError(userError('meetingId', 'GUARD_FAILED', tally.reason));
        const errors: UserError[] = [];
        if (!input.summaryKk.trim()) errors.push(userError('summaryKk', 'REQUIRED', 'The decision needs its summary in Kazakh.'));
        if (!input.summaryRu.trim()) errors.push(userError('summaryRu', 'REQUIRED', 'The decision needs its summary in Russian.'));
        const framework = await tx.standardFramework.findUniqueOrThrow({ where: { id: found.frameworkId } });
        const years = input.validityYears ?? framework.validityYears;
        if (years < 1 || years > 10) errors.push(userError('validityYears', 'INVALID', 'Validity is from 1 to 10 years.'));
        if (errors.length) throw new BusinessRuleError(errors);
        const decisionDate = toIsoDate(meeting.heldOn);
        const accredited = tally.outcome === 'ACCREDITED';
        const decision = await tx.decision.create({
          data: {
            number: await nextDecisionNumber(tx, Number(decisionDate.slice(0, 4))),
            caseId: found.id,
            organizationId: found.organizationId,
            outcome: tally.outcome,
            decisionDate: meeting.heldOn,
            validFrom: accredited ? meeting.heldOn : null,
            validUntil: accredited ? fromIsoDate(validUntil(decisionDate, years)) : null,
            summaryKk: input.summaryKk.trim(),
            summaryRu: input.summaryRu.trim(),
            summaryEn: input.summaryEn?.trim() || null,
            recommendations: input.recommendations?.trim() || null,
            meetingId,
            votesFor: tally.votesFor,
            votesAgainst: tally.votesAgainst,
            abstentions: tally.abstentions,
          },
        });
        await applyStep(tx, ctx, found, input.expectedVersion, {
          action: 'decide',
          details: { decisionId: decision.id, outcome: tally.outcome, votesFor: tally.votesFor, votesAgainst: tally.votesAgainst, abstentions: tally.abstentions },
        });
        return found.id;
      }),
  }),

  decisionPublish: t.field({
    type: DecisionPayload,
    authScopes: { signedIn: true },
    description:
      'Publishes a decision on the register with the case’s approved final report(s) (Council secretary). Publishing tells the organization, the team and webhook subscribers; an accredited case moves to POST_ACCREDITATION.',
    args: { input: t.arg({ type: PublishInput, required: true, description: 'The decision.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await inTransaction(ctx, async (tx) => {
        const viewer = requireRole(ctx, 'COUNCIL_SECRETARY', 'publish decisions');
        const decisionId = idOf(input.decisionId, 'Decision', 'decisionId');
        const decision = await tx.decision.findUnique({ where: { id: decisionId }, include: { case: true, organization: true, supersedes: true } });
        if (!decision) throw new BusinessRuleError(userError('decisionId', 'NOT_FOUND', 'No decision with this id.'));
        // Concurrent publishers: only the one that flips publishedAt from null goes on.
        const flipped = await tx.decision.updateMany({ where: { id: decision.id, publishedAt: null }, data: { publishedAt: ctx.now, publishedById: viewer.userId } });
        if (flipped.count === 0) throw new BusinessRuleError(userError('decisionId', 'GUARD_FAILED', 'The decision is already published; a published decision is never edited. Correct it with decisionCorrect.'));
        const found = await loadVisibleCase(tx, viewer, decision.caseId);
        assertMayTake('publishDecision', viewer, found);
        await tx.report.updateMany({ where: { caseId: found.id, kind: 'EXTERNAL_FINAL', status: 'APPROVED', publishedAt: null }, data: { publishedAt: ctx.now } });
        const isCorrection = decision.supersedesId !== null;
        const nextStage = decision.outcome === 'ACCREDITED' && found.stage === 'DECIDED' ? 'POST_ACCREDITATION' : found.stage;
        await tx.accreditationCase.update({
          where: { id: found.id },
          data: { stage: nextStage, version: { increment: 1 }, ...(decision.outcome === 'REFUSED' ? { closedAt: ctx.now } : {}) },
        });
        await appendAuditEvent(
          tx,
          {
            actor: actorOf(ctx.viewer),
            action: isCorrection ? 'decision.publish-correction' : 'decision.publish',
            subjectType: 'Decision',
            subjectId: decision.id,
            before: { publishedAt: null, caseStage: found.stage },
            after: { publishedAt: ctx.now.toISOString(), caseStage: nextStage, outcome: decision.outcome, supersedes: decision.supersedes?.number ?? null },
          },
          ctx.now,
        );
        const recipients = await audienceUserIds(tx, found, transitions.publishDecision.notify);
        await notifyUsers(tx, {
          userIds: recipients,
          kind: 'decision.published',
          subject: `Decision ${decision.number} published`,
          body: `The Accreditation Council’s decision on ${decision.organization.nameRu} (${decision.outcome}) is published on the register.`,
          caseId: found.id,
        });
        await enqueueDecisionPublished(tx, decision.id);
        return decision.id;
      });
      // Only after the commit: the site is rebuilt from what the public API now shows.
      if (result) ctx.registerChanged?.();
      return { decisionId: result, userErrors };
    },
  }),

  decisionCorrect: t.field({
    type: DecisionPayload,
    authScopes: { signedIn: true },
    description:
      'Corrects a published decision by a new decision that supersedes it; both stay in the history (Council secretary). The correction is published with decisionPublish.',
    args: { input: t.arg({ type: CorrectInput, required: true, description: 'The correction.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await inTransaction(ctx, async (tx) => {
        requireRole(ctx, 'COUNCIL_SECRETARY', 'correct decisions');
        const decisionId = idOf(input.decisionId, 'Decision', 'decisionId');
        // Two secretaries correcting at once: the second sees the first's correction and is told so.
        await lockForTransaction(tx, 'decisionNumber');
        const original = await tx.decision.findUnique({ where: { id: decisionId }, include: { supersededBy: true } });
        if (!original) throw new BusinessRuleError(userError('decisionId', 'NOT_FOUND', 'No decision with this id.'));
        if (!original.publishedAt) throw new BusinessRuleError(userError('decisionId', 'GUARD_FAILED', 'An unpublished decision is not corrected: the Council decides again.'));
        if (original.supersededBy) throw new BusinessRuleError(userError('decisionId', 'GUARD_FAILED', `The decision is already corrected by ${original.supersededBy.number}; correct that one.`));
        const errors: UserError[] = [];
        if (input.validUntil && original.outcome !== 'ACCREDITED') errors.push(userError('validUntil', 'INVALID', 'A refusal has no validity to correct.'));
        if (input.validUntil && original.validFrom && input.validUntil < toIsoDate(original.validFrom)) {
          errors.push(userError('validUntil', 'INVALID', 'The last day of validity cannot be before its first day.'));
        }
        if (!input.summaryKk.trim()) errors.push(userError('summaryKk', 'REQUIRED', 'Say in Kazakh what was corrected.'));
        if (!input.summaryRu.trim()) errors.push(userError('summaryRu', 'REQUIRED', 'Say in Russian what was corrected.'));
        if (errors.length) throw new BusinessRuleError(errors);
        const correction = await tx.decision.create({
          data: {
            number: `${original.number}-C${(await tx.decision.count({ where: { number: { startsWith: `${original.number}-C` } } })) + 1}`,
            caseId: original.caseId,
            organizationId: original.organizationId,
            outcome: original.outcome,
            decisionDate: original.decisionDate,
            validFrom: original.validFrom,
            validUntil: input.validUntil ? fromIsoDate(input.validUntil) : original.validUntil,
            summaryKk: input.summaryKk.trim(),
            summaryRu: input.summaryRu.trim(),
            summaryEn: input.summaryEn?.trim() || null,
            recommendations: original.recommendations,
            meetingId: original.meetingId,
            votesFor: original.votesFor,
            votesAgainst: original.votesAgainst,
            abstentions: original.abstentions,
            supersedesId: original.id,
          },
        });
        await appendAuditEvent(
          tx,
          {
            actor: actorOf(ctx.viewer),
            action: 'decision.correct',
            subjectType: 'Decision',
            subjectId: correction.id,
            before: { decision: original.number, validUntil: original.validUntil ? toIsoDate(original.validUntil) : null },
            after: { decision: correction.number, validUntil: correction.validUntil ? toIsoDate(correction.validUntil) : null },
          },
          ctx.now,
        );
        return correction.id;
      });
      return { decisionId: result, userErrors };
    },
  }),
}));

