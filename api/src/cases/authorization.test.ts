// The authorisation matrix: every step of a case tried by every role (and by the public),
// on a case each of them can see. Roles the workflow does not name are refused, always.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStage, Role } from '../generated/prisma/enums.ts';
import { createTestExpert } from '../experts/team-formation-testing.ts';
import { createTestUser, startTestApi, type TestApi, type TestUser } from '../testing/index.ts';
import { transitions, type CaseAction } from './workflow.ts';

const BIN = '999900000062'; // a seeded campus without cases
const allRoles: Role[] = [
  'ORGANIZATION_REPRESENTATIVE',
  'EXPERT',
  'COORDINATOR',
  'COMMISSION_MEMBER',
  'COUNCIL_MEMBER',
  'COUNCIL_SECRETARY',
  'CPM_DIRECTOR',
  'ADMIN',
];
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

interface Ids {
  caseId: string;
  version: number;
  userId: string;
  councilMemberId: string;
  decisionId: string;
  publishedDecisionId: string;
  meetingId: string;
  actionId: string;
}

interface Operation {
  /** The workflow step; the roles allowed are the workflow's. */
  action?: CaseAction;
  /** For an operation outside the workflow table: the roles allowed. */
  allowed?: readonly Role[];
  stage: CaseStage;
  mutation: string;
  inputType: string;
  input: (ids: Ids) => Record<string, unknown>;
}

const allowedRoles = (operation: Operation): readonly Role[] => operation.allowed ?? (operation.action ? transitions[operation.action].roles : []);

const operations: Operation[] = [
  { action: 'register', stage: 'APPLICATION_SUBMITTED', mutation: 'caseRegister', inputType: 'CaseStepInput', input: (i) => ({ caseId: i.caseId, expectedVersion: i.version }) },
  { action: 'reject', stage: 'APPLICATION_SUBMITTED', mutation: 'caseReject', inputType: 'CaseRejectInput', input: (i) => ({ caseId: i.caseId, expectedVersion: i.version, reason: 'Incomplete application file' }) },
  { action: 'startSelfAssessment', stage: 'REGISTERED', mutation: 'caseStartSelfAssessment', inputType: 'CaseStepInput', input: (i) => ({ caseId: i.caseId, expectedVersion: i.version }) },
  {
    action: 'rateCriterion',
    stage: 'SELF_ASSESSMENT',
    mutation: 'caseRateCriterion',
    inputType: 'CaseRateCriterionInput',
    input: (i) => ({ caseId: i.caseId, criterionCode: 'A.1', judgement: 'MEETS', narrative: 'n', evidence: 'e' }),
  },
  { action: 'submitSelfAssessment', stage: 'SELF_ASSESSMENT', mutation: 'caseSubmitSelfAssessment', inputType: 'CaseStepInput', input: (i) => ({ caseId: i.caseId, expectedVersion: i.version }) },
  {
    action: 'proposeTeam',
    stage: 'PRELIMINARY_ASSESSMENT',
    mutation: 'caseProposeTeam',
    inputType: 'CaseProposeTeamInput',
    input: (i) => ({ caseId: i.caseId, expectedVersion: i.version, leadExpertId: globalId('User', i.userId), memberIds: [] }),
  },
  {
    action: 'approveTeam',
    stage: 'PRELIMINARY_ASSESSMENT',
    mutation: 'caseApproveTeam',
    inputType: 'CaseApproveTeamInput',
    input: (i) => ({ caseId: i.caseId, expectedVersion: i.version, orderNumber: '1', orderDate: '2026-12-01' }),
  },
  {
    action: 'schedulePreliminaryVisit',
    stage: 'PRELIMINARY_ASSESSMENT',
    mutation: 'caseSchedulePreliminaryVisit',
    inputType: 'CaseScheduleVisitInput',
    input: (i) => ({ caseId: i.caseId, expectedVersion: i.version, from: '2026-12-07', to: '2026-12-09' }),
  },
  {
    action: 'scheduleExternalVisit',
    stage: 'PRELIMINARY_VISIT',
    mutation: 'caseScheduleExternalVisit',
    inputType: 'CaseScheduleVisitInput',
    input: (i) => ({ caseId: i.caseId, expectedVersion: i.version, from: '2027-01-11', to: '2027-01-15' }),
  },
  {
    action: 'submitFinalReport',
    stage: 'EXTERNAL_VISIT',
    mutation: 'caseSubmitFinalReport',
    inputType: 'CaseSubmitFinalReportInput',
    input: (i) => ({ caseId: i.caseId, expectedVersion: i.version, language: 'RU', title: 't', summary: 's', strengths: 's', recommendations: 'r', sections: [] }),
  },
  { action: 'reviewFinalReport', stage: 'FINAL_REPORT', mutation: 'caseReviewFinalReport', inputType: 'CaseStepInput', input: (i) => ({ caseId: i.caseId, expectedVersion: i.version }) },
  { action: 'approveFinalReport', stage: 'FINAL_REPORT', mutation: 'caseApproveFinalReport', inputType: 'CaseStepInput', input: (i) => ({ caseId: i.caseId, expectedVersion: i.version }) },
  {
    action: 'decide',
    stage: 'COUNCIL_REVIEW',
    mutation: 'caseDecide',
    inputType: 'CaseDecideInput',
    input: (i) => ({ caseId: i.caseId, expectedVersion: i.version, meetingId: i.meetingId, summaryKk: 'k', summaryRu: 'r' }),
  },
  { action: 'publishDecision', stage: 'DECIDED', mutation: 'decisionPublish', inputType: 'DecisionPublishInput', input: (i) => ({ decisionId: i.decisionId }) },
  {
    action: 'planDevelopment',
    stage: 'POST_ACCREDITATION',
    mutation: 'developmentActionAdd',
    inputType: 'DevelopmentActionAddInput',
    input: (i) => ({ caseId: i.caseId, recommendation: 'r', action: 'a', dueOn: '2027-06-01' }),
  },
  {
    action: 'planDevelopment',
    stage: 'POST_ACCREDITATION',
    mutation: 'developmentActionUpdate',
    inputType: 'DevelopmentActionUpdateInput',
    input: (i) => ({ actionId: i.actionId, progress: 50, status: 'IN_PROGRESS' }),
  },
  { action: 'submitFeedback', stage: 'POST_ACCREDITATION', mutation: 'caseSubmitFeedback', inputType: 'CaseSubmitFeedbackInput', input: (i) => ({ caseId: i.caseId, answers: [] }) },
  {
    action: 'submitInterimReport',
    stage: 'POST_ACCREDITATION',
    mutation: 'caseSubmitInterimReport',
    inputType: 'CaseSubmitInterimReportInput',
    input: (i) => ({ caseId: i.caseId, expectedVersion: i.version, language: 'RU', title: 't', summary: 's', sections: [] }),
  },
  // Outside the workflow table: who may apply, convene, vote and correct.
  { action: 'apply', stage: 'POST_ACCREDITATION', mutation: 'caseApply', inputType: 'CaseApplyInput', input: () => ({ organizationBin: BIN }) },
  {
    allowed: ['COUNCIL_SECRETARY'],
    stage: 'COUNCIL_REVIEW',
    mutation: 'councilMeetingCreate',
    inputType: 'CouncilMeetingCreateInput',
    input: (i) => ({ heldOn: '2026-12-10', memberIds: [globalId('User', i.councilMemberId)], caseIds: [i.caseId] }),
  },
  {
    allowed: ['COUNCIL_MEMBER'],
    stage: 'COUNCIL_REVIEW',
    mutation: 'councilVoteCast',
    inputType: 'CouncilVoteCastInput',
    input: (i) => ({ meetingId: i.meetingId, caseId: i.caseId, choice: 'ABSTAIN' }),
  },
  {
    allowed: ['COUNCIL_SECRETARY'],
    stage: 'POST_ACCREDITATION',
    mutation: 'decisionCorrect',
    inputType: 'DecisionCorrectInput',
    input: (i) => ({ decisionId: i.publishedDecisionId, summaryKk: 'k', summaryRu: 'r' }),
  },
];

describe('the authorisation matrix of the procedure', () => {
  let api: TestApi;
  let caseId = '';
  let decisionId = '';
  let meetingId = '';
  let publishedDecisionId = '';
  let actionId = '';
  const people = new Map<Role, TestUser>();

  beforeAll(async () => {
    api = await startTestApi({ now: () => new Date('2026-12-03T06:00:00Z') });
    const prisma = api.db.prisma;
    const organization = await prisma.organization.findUniqueOrThrow({ where: { bin: BIN } });
    for (const role of allRoles) {
      people.set(role, await createTestUser(api, { roles: [role], organizationId: role === 'ORGANIZATION_REPRESENTATIVE' ? organization.id : null }));
    }
    // The expert is certified: team steps then fail only for their own rules, never for a missing record.
    await createTestExpert(prisma, { userId: people.get('EXPERT')?.id ?? null });
    const framework = await prisma.standardFramework.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    const created = await prisma.accreditationCase.create({
      data: { number: 'AC-MATRIX-1', organizationId: organization.id, frameworkId: framework.id, submittedAt: new Date(), stage: 'APPLICATION_SUBMITTED' },
    });
    caseId = created.id;
    // The expert leads the team, so the case is visible to every role that could act on it.
    await prisma.expertTeam.create({
      data: { caseId, status: 'APPROVED', orderNumber: '1', members: { create: [{ userId: people.get('EXPERT')?.id ?? '', role: 'LEAD' }] } },
    });
    const meeting = await prisma.councilMeeting.create({
      data: { heldOn: new Date('2026-12-03T00:00:00Z'), members: { create: [{ userId: people.get('COUNCIL_MEMBER')?.id ?? '' }] }, agenda: { create: [{ caseId }] } },
    });
    meetingId = meeting.id;
    const decision = await prisma.decision.create({
      data: { number: 'AC-D-MATRIX-1', caseId, organizationId: organization.id, outcome: 'REFUSED', decisionDate: new Date('2026-12-03T00:00:00Z') },
    });
    decisionId = decision.id;
    const published = await prisma.decision.create({
      data: {
        number: 'AC-D-MATRIX-P',
        caseId,
        organizationId: organization.id,
        outcome: 'ACCREDITED',
        decisionDate: new Date('2026-12-01T00:00:00Z'),
        validFrom: new Date('2026-12-01T00:00:00Z'),
        validUntil: new Date('2031-11-30T00:00:00Z'),
        publishedAt: new Date('2026-12-02T00:00:00Z'),
      },
    });
    publishedDecisionId = published.id;
    const action = await prisma.developmentAction.create({
      data: { caseId, decisionId: published.id, recommendation: 'r', action: 'a', dueOn: new Date('2027-06-01T00:00:00Z') },
    });
    actionId = action.id;
  });
  afterAll(() => api?.stop());

  for (const operation of operations) {
    it(`${operation.mutation}: only ${allowedRoles(operation).join(', ')}`, async () => {
      for (const role of [...allRoles, null]) {
        // Each attempt starts from the stage the step needs, so only the role decides.
        const current = await api.db.prisma.accreditationCase.update({ where: { id: caseId }, data: { stage: operation.stage } });
        const input = operation.input({
          caseId: globalId('AccreditationCase', caseId),
          version: current.version,
          userId: people.get('EXPERT')?.id ?? '',
          councilMemberId: people.get('COUNCIL_MEMBER')?.id ?? '',
          decisionId: globalId('Decision', decisionId),
          publishedDecisionId: globalId('Decision', publishedDecisionId),
          meetingId: globalId('CouncilMeeting', meetingId),
          actionId: globalId('DevelopmentAction', actionId),
        });
        const query = `mutation ($input: ${operation.inputType}!) { ${operation.mutation}(input: $input) { userErrors { code message } } }`;
        const user = role ? people.get(role) : undefined;
        const result = await api.query<Record<string, { userErrors: { code: string }[] }>>(query, { input }, user ? { token: user.token } : {});
        const allowed = role !== null && allowedRoles(operation).includes(role);
        const codes = result.data?.[operation.mutation]?.userErrors.map((e) => e.code) ?? [];
        const denied = result.errors !== undefined || codes.includes('FORBIDDEN') || codes.includes('NOT_FOUND');
        expect([operation.mutation, role ?? 'public', denied]).toEqual([operation.mutation, role ?? 'public', !allowed]);
      }
    });
  }

  it('case and cases: every role that concerns the case reads it, the public and scope-less tokens never', async () => {
    const READ = `{ case(number: "AC-MATRIX-1") { number } cases(filter: { organizationBin: "${BIN}" }) { nodes { number } } }`;
    for (const role of [...allRoles, null]) {
      const user = role ? people.get(role) : undefined;
      const result = await api.query<{ case: { number: string } | null; cases: { nodes: { number: string }[] } }>(READ, {}, user ? { token: user.token } : {});
      if (role === null) {
        expect(result.data ?? null).toBeNull();
        expect(result.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
        continue;
      }
      // Staff see every case; the representative their organization's; the expert their team's.
      expect([role, result.errors, result.data?.case?.number, result.data?.cases.nodes.map((c) => c.number)]).toEqual([
        role,
        undefined,
        'AC-MATRIX-1',
        expect.arrayContaining(['AC-MATRIX-1']),
      ]);
      // The same person through an API token without READ_CASES reads no case, and is told why.
      const created = await user?.query<{ apiTokenCreate: { token: string } }>(`mutation { apiTokenCreate(input: { name: "Register only", scopes: [READ_REGISTER] }) { token } }`);
      const token = created?.data?.apiTokenCreate.token ?? '';
      const scoped = await api.query(READ, {}, { token });
      expect([role, scoped.data ?? null, scoped.errors?.[0]?.extensions?.code]).toEqual([role, null, 'FORBIDDEN']);
    }
  });

  it('refuses a representative of another organization, and experts not on the team, every step', async () => {
    const other = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: '999900000072' } });
    const outsiders = [
      await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: other.id }),
      await createTestUser(api, { roles: ['EXPERT'] }),
    ];
    for (const outsider of outsiders) {
      const seen = await outsider.query<{ case: unknown; cases: { totalCount: number } }>(`{ case(number: "AC-MATRIX-1") { number } cases { totalCount } }`);
      expect(seen.data).toEqual({ case: null, cases: { totalCount: 0 } });
      await api.db.prisma.accreditationCase.update({ where: { id: caseId }, data: { stage: 'SELF_ASSESSMENT' } });
      const result = await outsider.query<{ caseRateCriterion: { userErrors: { code: string }[] } }>(
        `mutation ($input: CaseRateCriterionInput!) { caseRateCriterion(input: $input) { userErrors { code } } }`,
        { input: { caseId: globalId('AccreditationCase', caseId), criterionCode: 'A.1', judgement: 'MEETS', narrative: 'n', evidence: 'e' } },
      );
      expect(result.data?.caseRateCriterion.userErrors[0]?.code).toBe('NOT_FOUND');
    }
  });

  it('hides unpublished decisions from everyone but staff, and cases from the public', async () => {
    const organization = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: BIN } });
    await api.db.prisma.decision.create({
      data: { number: 'AC-D-MATRIX-2', caseId, organizationId: organization.id, outcome: 'REFUSED', decisionDate: new Date('2026-12-03T00:00:00Z') },
    });
    const query = `{ case(number: "AC-MATRIX-1") { decisions { number } } }`;
    const asRep = await people.get('ORGANIZATION_REPRESENTATIVE')?.query<{ case: { decisions: { number: string }[] } }>(query);
    expect(asRep?.data?.case.decisions.map((d) => d.number)).not.toContain('AC-D-MATRIX-2');
    const asCoordinator = await people.get('COORDINATOR')?.query<{ case: { decisions: { number: string }[] } }>(query);
    expect(asCoordinator?.data?.case.decisions.map((d) => d.number)).toContain('AC-D-MATRIX-2');
    const asPublic = await api.query(query);
    expect(asPublic.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
