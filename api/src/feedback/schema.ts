// After the decision: the feedback survey (answers attributable internally, only
// aggregates public) and the organization's development plan (actions linked to the
// Council's recommendations, with due dates and progress).
import type { SurveyQuestion } from '../generated/prisma/client.ts';
import { ActionStatus, QuestionKind, SurveyAudience } from '../generated/prisma/enums.ts';
import { actorOf, appendAuditEvent } from '../audit/trail.ts';
import { AccreditationCaseRef, casePayload, idOf, runCaseStep } from '../cases/schema.ts';
import { assertMayTake, audienceUserIds, loadVisibleCase, requireSignedIn } from '../cases/steps.ts';
import { builder, publicAccess } from '../graphql/builder.ts';
import { describedEnum, LocalizedTextRef } from '../graphql/shared-types.ts';
import { BusinessRuleError, userError, type UserError } from '../graphql/user-errors.ts';
import { notifyUsers } from '../notifications/outbox.ts';
import { canViewCase } from '../cases/access.ts';
import { fromIsoDate } from '../shared/dates.ts';
import { localized } from '../shared/localized.ts';

const SurveyAudienceEnum = describedEnum('SurveyAudience', SurveyAudience, 'Who answers a survey question.', {
  ORGANIZATION: 'The accredited organization’s representatives.',
  EXPERT: 'The experts of the case’s team.',
});

const QuestionKindEnum = describedEnum('QuestionKind', QuestionKind, 'How a question is answered.', {
  SCALE: 'A number from 1 (poor) to 5 (excellent).',
  TEXT: 'Free text (never published).',
});

const ActionStatusEnum = describedEnum('DevelopmentActionStatus', ActionStatus, 'Progress of a development-plan action.', {
  PLANNED: 'Planned, not started.',
  IN_PROGRESS: 'Under way.',
  DONE: 'Completed.',
});

const SurveyQuestionRef = builder.prismaObject('SurveyQuestion', {
  description: 'A question of the feedback survey after a decision.',
  authScopes: publicAccess,
  fields: (t) => ({
    id: t.string({ description: 'Global identifier of the question.', resolve: (q) => Buffer.from(`SurveyQuestion:${q.id}`).toString('base64') }),
    audience: t.expose('audience', { type: SurveyAudienceEnum, description: 'Who answers it.' }),
    position: t.exposeInt('position', { description: 'Order within its audience’s survey.' }),
    kind: t.expose('kind', { type: QuestionKindEnum, description: 'Scale or free text.' }),
    text: t.field({ type: LocalizedTextRef, description: 'The question.', resolve: (q) => localized(q, 'text') }),
  }),
});

interface QuestionResult {
  question: SurveyQuestion;
  answers: number;
  average: number | null;
  distribution: number[];
}

const QuestionResultRef = builder.objectRef<QuestionResult>('SurveyQuestionResult').implement({
  description: 'Aggregated answers to one scale question. Individual answers are never public.',
  authScopes: publicAccess,
  fields: (t) => ({
    question: t.field({ type: SurveyQuestionRef, description: 'The question.', resolve: (r) => r.question }),
    answers: t.exposeInt('answers', { description: 'Number of answers.' }),
    average: t.exposeFloat('average', { nullable: true, description: 'Mean answer (1–5), rounded to two decimals; null with no answers.' }),
    distribution: t.exposeIntList('distribution', { description: 'Number of answers 1, 2, 3, 4 and 5, in that order.' }),
  }),
});

export const DevelopmentActionRef = builder.prismaNode('DevelopmentAction', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'An action of the organization’s development plan, answering a recommendation of the decision.',
  id: { field: 'id' },
  authScopes: (action, ctx) => canViewCase(ctx.prisma, ctx.viewer, action.caseId),
  fields: (t) => ({
    recommendation: t.exposeString('recommendation', { description: 'The recommendation it answers.' }),
    action: t.exposeString('action', { description: 'What the organization will do.' }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'When it is due.' }),
    progress: t.exposeInt('progress', { description: 'Progress in percent (0–100).' }),
    status: t.expose('status', { type: ActionStatusEnum, description: 'Planned, in progress or done.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

builder.prismaObjectField(AccreditationCaseRef, 'developmentPlan', (t) =>
  t.relation('developmentActions', { description: 'The development plan after accreditation, by due date.', query: { orderBy: { dueOn: 'asc' } } }),
);

builder.queryFields((t) => ({
  surveyQuestions: t.prismaField({
    type: [SurveyQuestionRef],
    description: 'The active questions of the feedback survey for one audience, in order.',
    args: { audience: t.arg({ type: SurveyAudienceEnum, required: true, description: 'Organizations or experts.' }) },
    resolve: (query, _root, { audience }, ctx) =>
      ctx.prisma.surveyQuestion.findMany({ ...query, where: { audience, isActive: true }, orderBy: { position: 'asc' } }),
  }),
  surveyResults: t.field({
    type: [QuestionResultRef],
    description: 'Aggregated answers to the scale questions of the feedback survey (public; free-text answers and who answered are never shown).',
    args: { audience: t.arg({ type: SurveyAudienceEnum, required: true, description: 'Organizations or experts.' }) },
    resolve: async (_root, { audience }, ctx) => {
      const questions = await ctx.prisma.surveyQuestion.findMany({ where: { audience, kind: 'SCALE', isActive: true }, orderBy: { position: 'asc' } });
      const answers = await ctx.prisma.surveyAnswer.groupBy({
        by: ['questionId', 'scale'],
        where: { questionId: { in: questions.map((q) => q.id) }, scale: { not: null } },
        _count: { _all: true },
      });
      return questions.map((question) => {
        const distribution = [1, 2, 3, 4, 5].map(
          (value) => answers.find((a) => a.questionId === question.id && a.scale === value)?._count._all ?? 0,
        );
        const count = distribution.reduce((sum, n) => sum + n, 0);
        const total = distribution.reduce((sum, n, index) => sum + n * (index + 1), 0);
        return { question, answers: count, average: count ? Math.round((total / count) * 100) / 100 : null, distribution };
      });
    },
  }),
}));

const AnswerInput = builder.inputType('SurveyAnswerInput', {
  description: 'The answer to one question.',
  fields: (t) => ({
    questionId: t.globalID({ required: true, description: 'Global identifier of the question.' }),
    scale: t.int({ required: false, description: 'For a SCALE question: 1 to 5.' }),
    text: t.string({ required: false, description: 'For a TEXT question: the answer.' }),
  }),
});

const FeedbackInput = builder.inputType('CaseSubmitFeedbackInput', {
  description: 'Your answers to the feedback survey of a decided case (once per person and case).',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    answers: t.field({ type: [AnswerInput], required: true, description: 'One answer per question of your audience’s survey.' }),
  }),
});

const ActionAddInput = builder.inputType('DevelopmentActionAddInput', {
  description: 'A new action of the development plan.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the accredited case.' }),
    recommendation: t.string({ required: true, description: 'The recommendation of the decision it answers.' }),
    action: t.string({ required: true, description: 'What the organization will do.' }),
    dueOn: t.field({ type: 'Date', required: true, description: 'When it is due (not in the past).' }),
  }),
});

const ActionUpdateInput = builder.inputType('DevelopmentActionUpdateInput', {
  description: 'Progress on an action of the development plan.',
  fields: (t) => ({
    actionId: t.globalID({ required: true, description: 'Global identifier of the action.' }),
    progress: t.int({ required: true, description: 'Progress in percent, 0 to 100.' }),
    status: t.field({ type: ActionStatusEnum, required: true, description: 'Planned, in progress or done.' }),
  }),
});

const feedbackPayload = casePayload('CaseSubmitFeedbackPayload', 'Result of caseSubmitFeedback.');
const actionPayload = casePayload('DevelopmentActionPayload', 'Result of a change to the development plan; `case.developmentPlan` shows the plan.');

builder.mutationFields((t) => ({
  caseSubmitFeedback: t.field({
    type: feedbackPayload,
    authScopes: { signedIn: true },
    description:
      'Answers the feedback survey after the decision is published: a representative for the organization, an expert of the team for the experts. Answers stay attributable internally; only aggregates are public.',
    args: { input: t.arg({ type: FeedbackInput, required: true, description: 'The answers.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('submitFeedback', viewer, found);
        if ((await tx.decision.count({ where: { caseId: found.id, publishedAt: { not: null } } })) === 0) {
          throw new BusinessRuleError(userError('caseId', 'GUARD_FAILED', 'Feedback is collected once the decision is published.'));
        }
        const onTeam = found.team?.members.some((m) => m.userId === viewer.userId) ?? false;
        const isRepresentative = viewer.roles.includes('ORGANIZATION_REPRESENTATIVE') && viewer.organizationId === found.organizationId;
        const audience: SurveyAudience | null = isRepresentative ? 'ORGANIZATION' : onTeam ? 'EXPERT' : null;
        if (!audience) throw new BusinessRuleError(userError('caseId', 'FORBIDDEN', 'Only the organization’s representatives and the team’s experts answer this survey.'));
        if (await tx.surveyResponse.findUnique({ where: { caseId_userId: { caseId: found.id, userId: viewer.userId } } })) {
          throw new BusinessRuleError(userError('caseId', 'ALREADY_EXISTS', 'You have already answered the survey for this case.'));
        }
        const questions = await tx.surveyQuestion.findMany({ where: { audience, isActive: true } });
        const errors: UserError[] = [];
        const answers = input.answers.map((answer, index) => {
          const question = questions.find((q) => q.id === idOf(answer.questionId, 'SurveyQuestion', `answers.${index}.questionId`));
          if (!question) {
            errors.push(userError(['input', 'answers', String(index), 'questionId'], 'INVALID', 'This question is not in your survey.'));
            return null;
          }
          if (question.kind === 'SCALE' && (answer.scale === null || answer.scale === undefined || answer.scale < 1 || answer.scale > 5)) {
            errors.push(userError(['input', 'answers', String(index), 'scale'], 'INVALID', 'A scale answer is a whole number from 1 to 5.'));
          }
          if (question.kind === 'TEXT' && !answer.text?.trim()) {
            errors.push(userError(['input', 'answers', String(index), 'text'], 'REQUIRED', 'A text question needs a text answer.'));
          }
          return { questionId: question.id, scale: question.kind === 'SCALE' ? answer.scale ?? null : null, text: question.kind === 'TEXT' ? answer.text?.trim() ?? null : null };
        });
        const answered = new Set(answers.flatMap((a) => (a ? [a.questionId] : [])));
        const unanswered = questions.filter((q) => !answered.has(q.id)).map((q) => q.position);
        if (unanswered.length) errors.push(userError('answers', 'REQUIRED', `Answer every question; missing question(s) ${unanswered.join(', ')}.`));
        if (answered.size !== input.answers.length) errors.push(userError('answers', 'INVALID', 'Answer each question once.'));
        if (errors.length) throw new BusinessRuleError(errors);
        await tx.surveyResponse.create({
          data: {
            caseId: found.id,
            userId: viewer.userId,
            audience,
            submittedAt: ctx.now,
            answers: { create: answers.flatMap((a) => (a ? [a] : [])) },
          },
        });
        await appendAuditEvent(
          tx,
          { actor: actorOf(ctx.viewer), action: 'case.feedback', subjectType: 'AccreditationCase', subjectId: found.id, after: { audience } },
          ctx.now,
        );
        return found.id;
      }),
  }),

  developmentActionAdd: t.field({
    type: actionPayload,
    authScopes: { signedIn: true },
    description: 'Adds an action to the development plan of an accredited case (representative).',
    args: { input: t.arg({ type: ActionAddInput, required: true, description: 'The action.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const found = await loadVisibleCase(tx, viewer, idOf(input.caseId, 'AccreditationCase', 'caseId'));
        assertMayTake('planDevelopment', viewer, found);
        const decision = await tx.decision.findFirst({
          where: { caseId: found.id, outcome: 'ACCREDITED', publishedAt: { not: null }, supersededBy: { is: null } },
          orderBy: { publishedAt: 'desc' },
        });
        if (!decision) throw new BusinessRuleError(userError('caseId', 'GUARD_FAILED', 'A development plan follows a published accreditation.'));
        const errors: UserError[] = [];
        if (!input.recommendation.trim()) errors.push(userError('recommendation', 'REQUIRED', 'Name the recommendation the action answers.'));
        if (!input.action.trim()) errors.push(userError('action', 'REQUIRED', 'Describe the action.'));
        if (input.dueOn < ctx.today) errors.push(userError('dueOn', 'INVALID', `The due date cannot be in the past (today is ${ctx.today}).`));
        if (errors.length) throw new BusinessRuleError(errors);
        const created = await tx.developmentAction.create({
          data: { caseId: found.id, decisionId: decision.id, recommendation: input.recommendation.trim(), action: input.action.trim(), dueOn: fromIsoDate(input.dueOn) },
        });
        await appendAuditEvent(
          tx,
          { actor: actorOf(ctx.viewer), action: 'development-action.add', subjectType: 'DevelopmentAction', subjectId: created.id, after: { caseId: found.id, action: created.action, dueOn: input.dueOn } },
          ctx.now,
        );
        await notifyUsers(tx, {
          userIds: await audienceUserIds(tx, found, ['COORDINATORS']),
          kind: 'development-plan.changed',
          subject: `Case ${found.number}: development plan updated`,
          body: `${found.organization.nameRu} added an action due ${input.dueOn}: ${created.action}`,
          caseId: found.id,
        });
        return found.id;
      }),
  }),

  developmentActionUpdate: t.field({
    type: actionPayload,
    authScopes: { signedIn: true },
    description: 'Records progress on an action of the development plan (representative).',
    args: { input: t.arg({ type: ActionUpdateInput, required: true, description: 'The progress.' }) },
    resolve: (_root, { input }, ctx) =>
      runCaseStep(ctx, async (tx) => {
        const viewer = requireSignedIn(ctx);
        const action = await tx.developmentAction.findUnique({ where: { id: idOf(input.actionId, 'DevelopmentAction', 'actionId') } });
        if (!action) throw new BusinessRuleError(userError('actionId', 'NOT_FOUND', 'No action with this id.'));
        const found = await loadVisibleCase(tx, viewer, action.caseId);
        assertMayTake('planDevelopment', viewer, found);
        const errors: UserError[] = [];
        if (input.progress < 0 || input.progress > 100) errors.push(userError('progress', 'INVALID', 'Progress is a percentage from 0 to 100.'));
        if (input.status === 'DONE' && input.progress !== 100) errors.push(userError('progress', 'INVALID', 'A done action has progress 100.'));
        if (errors.length) throw new BusinessRuleError(errors);
        await tx.developmentAction.update({ where: { id: action.id }, data: { progress: input.progress, status: input.status } });
        await appendAuditEvent(
          tx,
          {
            actor: actorOf(ctx.viewer),
            action: 'development-action.update',
            subjectType: 'DevelopmentAction',
            subjectId: action.id,
            before: { progress: action.progress, status: action.status },
            after: { progress: input.progress, status: input.status },
          },
          ctx.now,
        );
        return found.id;
      }),
  }),
}));
