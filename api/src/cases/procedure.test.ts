// A whole accreditation case over HTTP, each step taken by the role allowed to take it,
// from the application to a published decision and the development plan; every guard
// broken once on the way; concurrent coordinators; the audit trail at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/trail.ts';
import { createTestExpert } from '../experts/team-formation-testing.ts';
import { notificationKinds, runScheduledJobs } from '../jobs/scheduler.ts';
import { createLogger } from '../shared/logger.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';

const kinds = await testDatabaseKinds();

const BIN = '999900000022'; // NIS Astana (IB): no case in the seed data
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

interface CaseView {
  id: string;
  number: string;
  stage: string;
  version: number;
}

interface StepResult {
  case: CaseView | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

const caseFields = 'case { id number stage version } userErrors { field code message }';

describe.each(kinds)('the accreditation procedure on %s', (kind) => {
  let api: TestApi;
  let clock = new Date('2026-12-03T06:00:00Z'); // a Thursday, Astana morning
  let rep: TestUser;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;
  let director: TestUser;
  let lead: TestUser;
  let member: TestUser;
  let conflicted: TestUser;
  let commission: TestUser;
  let secretary: TestUser;
  let council: TestUser[];
  let current: CaseView;

  async function step(user: TestUser, mutation: string, input: Record<string, unknown>): Promise<StepResult> {
    const result = await user.query<Record<string, StepResult>>(
      `mutation ($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { ${caseFields} } }`,
      { input },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const payload = result.data?.[mutation];
    if (!payload) throw new Error(`no payload for ${mutation}`);
    if (payload.case) current = payload.case;
    return payload;
  }

  function inputTypeOf(mutation: string): string {
    const explicit: Record<string, string> = {
      caseRegister: 'CaseStepInput',
      caseStartSelfAssessment: 'CaseStepInput',
      caseSubmitSelfAssessment: 'CaseStepInput',
      caseReviewFinalReport: 'CaseStepInput',
      caseApproveFinalReport: 'CaseStepInput',
      caseSchedulePreliminaryVisit: 'CaseScheduleVisitInput',
      caseScheduleExternalVisit: 'CaseScheduleVisitInput',
    };
    return explicit[mutation] ?? `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
  }

  const ok = (result: StepResult) => {
    expect(result.userErrors).toEqual([]);
    return result;
  };

  const versioned = (extra: Record<string, unknown> = {}) => ({ caseId: current.id, expectedVersion: current.version, ...extra });

  beforeAll(async () => {
    // The clock moves on by weeks, then years (the interim report): tokens must outlive the whole procedure.
    api = await startTestApi({ kind, now: () => clock, auth: { accessTokenTtlSeconds: 5 * 365 * 24 * 3600 } });
    const organization = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: BIN } });
    rep = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: organization.id });
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    otherCoordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    director = await createTestUser(api, { roles: ['CPM_DIRECTOR'] });
    lead = await createTestUser(api, { roles: ['EXPERT'] });
    member = await createTestUser(api, { roles: ['EXPERT'] });
    conflicted = await createTestUser(api, { roles: ['EXPERT'] });
    // Certified expert records (KK, RU, EN; secondary level): caseProposeTeam refuses people without one.
    for (const expert of [lead, member, conflicted]) await createTestExpert(api.db.prisma, { userId: expert.id, name: expert.displayName });
    commission = await createTestUser(api, { roles: ['COMMISSION_MEMBER'] });
    secretary = await createTestUser(api, { roles: ['COUNCIL_SECRETARY'] });
    council = [];
    for (let i = 0; i < 4; i += 1) council.push(await createTestUser(api, { roles: ['COUNCIL_MEMBER'] }));
    // One expert and one Council member have declared a link with the organization.
    for (const person of [conflicted, council[3]]) {
      await api.db.prisma.conflictOfInterest.create({
        data: { userId: person?.id ?? '', organizationId: organization.id, reason: 'worked there until 2025' },
      });
    }
  });
  afterAll(() => api?.stop());

  it('takes an application to registration, refusing the wrong roles', async () => {
    ok(await step(rep, 'caseApply', { organizationBin: BIN }));
    expect(current).toMatchObject({ stage: 'APPLICATION_SUBMITTED', version: 1 });
    expect(current.number).toMatch(/^AC-2026-\d{4}$/);
    // Applied for after version 2 came into force (1 September 2026): the case is fixed to it.
    const applied = await api.db.prisma.accreditationCase.findUniqueOrThrow({ where: { number: current.number }, include: { framework: true } });
    expect(applied.framework).toMatchObject({ version: 2, status: 'ACTIVE' });

    const twice = await step(rep, 'caseApply', { organizationBin: BIN });
    expect(twice.userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', field: ['input', 'organizationBin'] });

    // A rejection needs its reason: a short one is refused and changes nothing.
    const unreasoned = await step(coordinator, 'caseReject', versioned({ reason: '  no  ' }));
    expect(unreasoned.userErrors).toEqual([{ field: ['input', 'reason'], code: 'REQUIRED', message: expect.stringMatching(/reason/) }]);
    expect(unreasoned.case).toBeNull();
    expect(await api.db.prisma.accreditationCase.findUniqueOrThrow({ where: { number: current.number } })).toMatchObject({
      stage: 'APPLICATION_SUBMITTED',
      version: current.version,
      rejectionReason: null,
    });

    const byRep = await step(rep, 'caseRegister', versioned());
    expect(byRep.userErrors[0]?.code).toBe('FORBIDDEN');

    ok(await step(coordinator, 'caseRegister', versioned()));
    expect(current.stage).toBe('REGISTERED');
  });

  it('lets exactly one of several coordinators acting at once win; every other is told the newer version', async () => {
    const stale = current.version;
    const actors = [coordinator, otherCoordinator, coordinator, otherCoordinator, coordinator];
    const results = await Promise.all(actors.map((actor) => step(actor, 'caseStartSelfAssessment', { caseId: current.id, expectedVersion: stale })));
    const winners = results.filter((r) => r.userErrors.length === 0);
    const losers = results.filter((r) => r.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(actors.length - 1);
    for (const loser of losers) {
      // Never INVALID_TRANSITION: the version is checked before the stage, and again when writing.
      expect(loser.userErrors).toEqual([{ field: ['input', 'expectedVersion'], code: 'STALE_VERSION', message: expect.stringContaining(`version ${stale + 1}`) }]);
      expect(loser.case).toBeNull();
    }
    const fresh = await api.db.prisma.accreditationCase.findUniqueOrThrow({ where: { number: current.number } });
    expect(fresh).toMatchObject({ stage: 'SELF_ASSESSMENT', version: stale + 1 });
    current = { ...current, stage: fresh.stage, version: fresh.version };
    const audited = await api.db.prisma.auditEvent.count({ where: { subjectId: fresh.id, action: 'case.startSelfAssessment' } });
    expect(audited).toBe(1);

    const late = await step(coordinator, 'caseStartSelfAssessment', { caseId: current.id, expectedVersion: stale });
    expect(late.userErrors[0]).toMatchObject({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] });
    expect(late.userErrors[0]?.message).toContain(`version ${stale + 1}`);
  });

  it('refuses a self-assessment until every criterion is rated with a narrative and evidence', async () => {
    // The case is judged against the version in force when it was applied for.
    const criteria = await api.db.prisma.criterion.findMany({ where: { standard: { framework: { cases: { some: { number: current.number } } } } }, orderBy: { code: 'asc' } });
    const first = criteria[0];
    if (!first) throw new Error('no criteria');
    const empty = await step(rep, 'caseRateCriterion', { caseId: current.id, criterionCode: first.code, judgement: 'MEETS', narrative: ' ', evidence: '' });
    expect(empty.userErrors.map((e) => e.code)).toEqual(['REQUIRED', 'REQUIRED']);
    // A rating is a change like any other: it moves the version on and is audited.
    const before = current.version;
    ok(await step(rep, 'caseRateCriterion', { caseId: current.id, criterionCode: first.code, judgement: 'PARTIALLY_MEETS', narrative: 'Draft', evidence: 'Draft evidence', expectedVersion: before }));
    expect(current.version).toBe(before + 1);
    const rated = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'case.rateCriterion' }, orderBy: { sequence: 'desc' } });
    expect(rated).toMatchObject({ actorId: rep.id, before: { version: before }, after: { version: before + 1, criterionCode: first.code, judgement: 'PARTIALLY_MEETS', previousJudgement: null } });
    const staleRating = await step(rep, 'caseRateCriterion', { caseId: current.id, criterionCode: first.code, judgement: 'MEETS', narrative: 'n', evidence: 'e', expectedVersion: before });
    expect(staleRating.userErrors[0]).toMatchObject({ code: 'STALE_VERSION', message: expect.stringContaining(`version ${before + 1}`) });
    // Two representatives rating different criteria at once, neither sending a version: each is taken.
    const organization = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: BIN } });
    const colleague = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: organization.id });
    const atOnce = criteria.slice(1, 5);
    const versionBefore = current.version;
    const parallel = await Promise.all(
      atOnce.map((criterion, index) =>
        step(index % 2 ? colleague : rep, 'caseRateCriterion', { caseId: current.id, criterionCode: criterion.code, judgement: 'MEETS', narrative: 'At once', evidence: 'Minutes' }),
      ),
    );
    expect(parallel.map((result) => result.userErrors)).toEqual(atOnce.map(() => []));
    const afterParallel = await api.db.prisma.accreditationCase.findUniqueOrThrow({ where: { number: current.number }, select: { version: true } });
    expect(afterParallel.version).toBe(versionBefore + atOnce.length);
    current = { ...current, version: afterParallel.version };
    for (const criterion of criteria.slice(0, -1)) {
      ok(await step(rep, 'caseRateCriterion', { caseId: current.id, criterionCode: criterion.code, judgement: 'MEETS', narrative: `How we meet ${criterion.code}`, evidence: 'Policy, minutes, survey results' }));
    }
    const early = await step(rep, 'caseSubmitSelfAssessment', versioned());
    expect(early.userErrors[0]?.code).toBe('GUARD_FAILED');
    expect(early.userErrors[0]?.message).toContain(criteria.at(-1)?.code ?? '?');
    const last = criteria.at(-1);
    ok(await step(rep, 'caseRateCriterion', { caseId: current.id, criterionCode: last?.code, judgement: 'EXCEEDS', narrative: 'Our account', evidence: 'Our evidence' }));
    ok(await step(rep, 'caseSubmitSelfAssessment', versioned()));
    expect(current.stage).toBe('PRELIMINARY_ASSESSMENT');
  });

  it('forms the team without conflicts of interest and schedules visits only after the director’s order', async () => {
    const conflictedTeam = await step(coordinator, 'caseProposeTeam', versioned({ leadExpertId: globalId('User', lead.id), memberIds: [globalId('User', conflicted.id)] }));
    expect(conflictedTeam.userErrors[0]?.code).toBe('CONFLICT_OF_INTEREST');

    ok(await step(coordinator, 'caseProposeTeam', versioned({ leadExpertId: globalId('User', lead.id), memberIds: [globalId('User', member.id)] })));
    const tooSoon = await step(coordinator, 'caseSchedulePreliminaryVisit', versioned({ from: '2026-12-07', to: '2026-12-09' }));
    expect(tooSoon.userErrors[0]?.message).toMatch(/approved by the CPM director/);

    const notDirector = await step(coordinator, 'caseApproveTeam', versioned({ orderNumber: '15-П', orderDate: '2026-12-03' }));
    expect(notDirector.userErrors[0]?.code).toBe('FORBIDDEN');
    ok(await step(director, 'caseApproveTeam', versioned({ orderNumber: '15-П', orderDate: '2026-12-03' })));

    const sixDays = await step(coordinator, 'caseSchedulePreliminaryVisit', versioned({ from: '2026-12-07', to: '2026-12-14' }));
    expect(sixDays.userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', field: ['input', 'to'] });
    expect(sixDays.userErrors[0]?.message).toMatch(/3 and 5 working days/);
    ok(await step(coordinator, 'caseSchedulePreliminaryVisit', versioned({ from: '2026-12-07', to: '2026-12-09' })));

    // 2027-01-04 is a moved day off and 7 January is Orthodox Christmas: 11–15 January is five working days.
    const overlapping = await step(coordinator, 'caseScheduleExternalVisit', versioned({ from: '2026-12-09', to: '2026-12-17' }));
    expect(overlapping.userErrors[0]?.message).toMatch(/after the preliminary visit/);
    const tooShort = await step(coordinator, 'caseScheduleExternalVisit', versioned({ from: '2027-01-11', to: '2027-01-14' }));
    expect(tooShort.userErrors[0]?.message).toMatch(/5 and 7 working days/);
    ok(await step(coordinator, 'caseScheduleExternalVisit', versioned({ from: '2027-01-11', to: '2027-01-15' })));
    expect(current.stage).toBe('EXTERNAL_VISIT');
  });

  it('takes the lead expert’s final report through review and approval to the Council', async () => {
    const standards = await api.db.prisma.standard.findMany({ where: { framework: { cases: { some: { number: current.number } } } }, orderBy: { position: 'asc' } });
    const sections = standards.map((s) => ({ standardCode: s.code, findings: `Findings on ${s.code}.`, strengths: 'Strong.', recommendations: 'Keep going.' }));
    const report = { language: 'RU', title: 'Итоговый отчёт', summary: 'Итог.', strengths: 'Сильные стороны.', recommendations: 'Рекомендации.' };

    const beforeVisit = await step(lead, 'caseSubmitFinalReport', versioned({ ...report, sections }));
    expect(beforeVisit.userErrors[0]?.message).toMatch(/external visit has begun/);
    clock = new Date('2027-01-15T10:00:00Z');
    const notLead = await step(member, 'caseSubmitFinalReport', versioned({ ...report, sections }));
    expect(notLead.userErrors[0]?.code).toBe('FORBIDDEN');
    const missing = await step(lead, 'caseSubmitFinalReport', versioned({ ...report, sections: sections.slice(1) }));
    expect(missing.userErrors[0]?.message).toContain(`missing: ${standards[0]?.code}`);
    ok(await step(lead, 'caseSubmitFinalReport', versioned({ ...report, sections })));

    const unreviewed = await step(coordinator, 'caseApproveFinalReport', versioned());
    expect(unreviewed.userErrors[0]?.message).toMatch(/reviewed by the Expert Commission/);
    ok(await step(commission, 'caseReviewFinalReport', versioned()));
    ok(await step(coordinator, 'caseApproveFinalReport', versioned()));
    expect(current.stage).toBe('COUNCIL_REVIEW');
  });

  it('decides by the majority of votes cast with a quorum, without the recused member, and publishes', async () => {
    clock = new Date('2027-01-20T05:00:00Z');
    const created = await secretary.query<{ councilMeetingCreate: { meeting: { id: string } | null; userErrors: unknown[] } }>(
      `mutation ($input: CouncilMeetingCreateInput!) { councilMeetingCreate(input: $input) { meeting { id } userErrors { code message } } }`,
      { input: { heldOn: '2027-01-20', memberIds: council.map((m) => globalId('User', m.id)), caseIds: [current.id] } },
    );
    expect(created.data?.councilMeetingCreate.userErrors).toEqual([]);
    const meetingId = created.data?.councilMeetingCreate.meeting?.id ?? '';
    const vote = (user: TestUser, choice: string) =>
      user.query<{ councilVoteCast: { userErrors: { code: string }[] } }>(
        `mutation ($input: CouncilVoteCastInput!) { councilVoteCast(input: $input) { userErrors { code message } } }`,
        { input: { meetingId, caseId: current.id, choice } },
      );
    const [m0, m1, m2, m3] = council as [TestUser, TestUser, TestUser, TestUser];
    expect((await vote(m3, 'REFUSE')).data?.councilVoteCast.userErrors[0]?.code).toBe('CONFLICT_OF_INTEREST');
    expect((await vote(m0, 'ACCREDIT')).data?.councilVoteCast.userErrors).toEqual([]);

    const decide = () =>
      step(secretary, 'caseDecide', versioned({ meetingId, summaryKk: 'Аккредиттелсін.', summaryRu: 'Аккредитовать.', recommendations: 'Развивать партнёрства.' }));
    const noQuorum = await decide();
    expect(noQuorum.userErrors[0]?.message).toMatch(/No quorum: 1 of 4/);
    expect((await vote(m1, 'REFUSE')).data?.councilVoteCast.userErrors).toEqual([]);
    expect((await vote(m2, 'ACCREDIT')).data?.councilVoteCast.userErrors).toEqual([]);
    ok(await decide());
    expect(current.stage).toBe('DECIDED');

    const decision = await api.db.prisma.decision.findFirstOrThrow({ where: { caseId: (await api.db.prisma.accreditationCase.findUniqueOrThrow({ where: { number: current.number } })).id } });
    expect(decision).toMatchObject({ outcome: 'ACCREDITED', votesFor: 2, votesAgainst: 1, publishedAt: null });
    expect(decision.validUntil?.toISOString().slice(0, 10)).toBe('2032-01-19');

    const hidden = await api.query<{ organization: { accreditationStatus: string; decisions: unknown[] } }>(
      `{ organization(bin: "${BIN}") { accreditationStatus decisions { number } } }`,
    );
    expect(hidden.data?.organization).toEqual({ accreditationStatus: 'IN_PROGRESS', decisions: [] });

    const publish = (user: TestUser) =>
      user.query<{ decisionPublish: { decision: { number: string; publishedAt: string } | null; userErrors: { code: string }[] } }>(
        `mutation ($input: DecisionPublishInput!) { decisionPublish(input: $input) { decision { number publishedAt } userErrors { code message } } }`,
        { input: { decisionId: globalId('Decision', decision.id) } },
      );
    const admin = await createTestUser(api, { roles: ['ADMIN'] });
    const hook = await admin.query<{ webhookCreate: { userErrors: unknown[] } }>(
      `mutation { webhookCreate(input: { url: "http://127.0.0.1:9/hook", events: [DECISION_PUBLISHED] }) { userErrors { code message } } }`,
    );
    expect(hook.data?.webhookCreate.userErrors).toEqual([]);
    expect((await publish(coordinator)).data?.decisionPublish.userErrors[0]?.code).toBe('FORBIDDEN');
    expect((await publish(secretary)).data?.decisionPublish.userErrors).toEqual([]);
    expect((await publish(secretary)).data?.decisionPublish.userErrors[0]?.code).toBe('GUARD_FAILED');

    const visible = await api.query<{ organization: { accreditationStatus: string; accreditedUntil: string; reports: { title: string }[] } }>(
      `{ organization(bin: "${BIN}") { accreditationStatus accreditedUntil reports { title } } }`,
    );
    expect(visible.data?.organization).toMatchObject({ accreditationStatus: 'ACCREDITED', accreditedUntil: '2032-01-19', reports: [{ title: 'Итоговый отчёт' }] });

    const outbox = await api.db.prisma.outboxMessage.count({ where: { payload: { path: ['kind'], equals: 'decision.published' } } });
    expect(outbox).toBeGreaterThanOrEqual(3); // the representative, the two experts, the coordinators
    const webhookCalls = await api.db.prisma.outboxMessage.findMany({ where: { channel: 'WEBHOOK' } });
    expect(webhookCalls).toHaveLength(1);
    expect(webhookCalls[0]?.payload).toMatchObject({ type: 'decision.published' });
  });

  it('corrects a published decision only by a new decision that supersedes it, both kept in the history', async () => {
    const caseRow = await api.db.prisma.accreditationCase.findUniqueOrThrow({ where: { number: current.number } });
    const original = await api.db.prisma.decision.findFirstOrThrow({ where: { caseId: caseRow.id, supersedesId: null } });
    const CORRECT = `mutation ($input: DecisionCorrectInput!) { decisionCorrect(input: $input) { decision { number validUntil publishedAt supersedes { number } } userErrors { field code message } } }`;
    type Corrected = { decisionCorrect: { decision: { number: string; validUntil: string; publishedAt: string | null; supersedes: { number: string } } | null; userErrors: { field: string[] | null; code: string; message: string }[] } };
    const correction = { decisionId: globalId('Decision', original.id), validUntil: '2031-12-31', summaryKk: 'Мерзімі түзетілді.', summaryRu: 'Исправлен срок действия.' };

    for (const notSecretary of [coordinator, rep, council[0] as TestUser]) {
      const denied = await notSecretary.query<Corrected>(CORRECT, { input: correction });
      expect(denied.data?.decisionCorrect).toMatchObject({ decision: null, userErrors: [{ code: 'FORBIDDEN' }] });
    }
    const noSummary = await secretary.query<Corrected>(CORRECT, { input: { ...correction, summaryRu: ' ' } });
    expect(noSummary.data?.decisionCorrect.userErrors).toEqual([{ field: ['input', 'summaryRu'], code: 'REQUIRED', message: expect.any(String) }]);
    expect(await api.db.prisma.decision.count({ where: { caseId: caseRow.id } })).toBe(1);

    const done = await secretary.query<Corrected>(CORRECT, { input: correction });
    expect(done.data?.decisionCorrect.userErrors).toEqual([]);
    expect(done.data?.decisionCorrect.decision).toEqual({ number: `${original.number}-C1`, validUntil: '2031-12-31', publishedAt: null, supersedes: { number: original.number } });
    // The original is never edited.
    expect(await api.db.prisma.decision.findUniqueOrThrow({ where: { id: original.id } })).toEqual(original);
    const twice = await secretary.query<Corrected>(CORRECT, { input: correction });
    expect(twice.data?.decisionCorrect.userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', message: expect.stringContaining(`${original.number}-C1`) });
    const correctionRow = await api.db.prisma.decision.findUniqueOrThrow({ where: { number: `${original.number}-C1` } });
    const ofUnpublished = await secretary.query<Corrected>(CORRECT, { input: { ...correction, decisionId: globalId('Decision', correctionRow.id) } });
    expect(ofUnpublished.data?.decisionCorrect.userErrors[0]?.code).toBe('GUARD_FAILED');

    const published = await secretary.query<{ decisionPublish: { userErrors: unknown[] } }>(
      `mutation ($input: DecisionPublishInput!) { decisionPublish(input: $input) { userErrors { code message } } }`,
      { input: { decisionId: globalId('Decision', correctionRow.id) } },
    );
    expect(published.data?.decisionPublish.userErrors).toEqual([]);
    const history = await api.query<{ organization: { accreditedUntil: string; decisions: { number: string; supersedes: { number: string } | null; supersededBy: { number: string } | null }[] } }>(
      `{ organization(bin: "${BIN}") { accreditedUntil decisions { number supersedes { number } supersededBy { number } } } }`,
    );
    expect(history.data?.organization.accreditedUntil).toBe('2031-12-31');
    expect(history.data?.organization.decisions).toEqual(
      expect.arrayContaining([
        { number: original.number, supersedes: null, supersededBy: { number: correctionRow.number } },
        { number: correctionRow.number, supersedes: { number: original.number }, supersededBy: null },
      ]),
    );
    const audited = await api.db.prisma.auditEvent.findMany({ where: { subjectId: correctionRow.id } });
    expect(audited.map((e) => e.action).sort()).toEqual(['decision.correct', 'decision.publish-correction']);
  });

  it('collects feedback once and keeps a development plan after accreditation', async () => {
    const questions = await rep.query<{ surveyQuestions: { id: string; kind: string }[] }>(`{ surveyQuestions(audience: ORGANIZATION) { id kind } }`);
    const answers = (questions.data?.surveyQuestions ?? []).map((q) => (q.kind === 'SCALE' ? { questionId: q.id, scale: 4 } : { questionId: q.id, text: 'Clearer deadlines.' }));
    ok(await step(rep, 'caseSubmitFeedback', { caseId: current.id, answers }));
    const again = await step(rep, 'caseSubmitFeedback', { caseId: current.id, answers });
    expect(again.userErrors[0]?.code).toBe('ALREADY_EXISTS');
    const results = await api.query<{ surveyResults: { answers: number; average: number }[] }>(`{ surveyResults(audience: ORGANIZATION) { answers average } }`);
    expect(results.data?.surveyResults[0]).toEqual({ answers: 1, average: 4 });

    const past = await step(rep, 'developmentActionAdd', { caseId: current.id, recommendation: 'Развивать партнёрства.', action: 'Sign two agreements', dueOn: '2026-01-01' });
    expect(past.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'dueOn'] });
    ok(await step(rep, 'developmentActionAdd', { caseId: current.id, recommendation: 'Развивать партнёрства.', action: 'Sign two agreements', dueOn: '2027-09-01' }));
    const plan = await rep.query<{ case: { stage: string; interimReportDueOn: string; developmentPlan: { action: string; dueOn: string }[] } }>(
      `{ case(number: "${current.number}") { stage interimReportDueOn developmentPlan { action dueOn } } }`,
    );
    expect(plan.data?.case).toEqual({ stage: 'POST_ACCREDITATION', interimReportDueOn: '2030-01-20', developmentPlan: [{ action: 'Sign two agreements', dueOn: '2027-09-01' }] });
  });

  it('takes the interim self-assessment report from the representative, and then sends no reminder for it', async () => {
    const caseRow = await api.db.prisma.accreditationCase.findUniqueOrThrow({ where: { number: current.number } });
    current = { ...current, version: caseRow.version };
    // One section per standard of the case's own version of the standards.
    const standards = await api.db.prisma.standard.findMany({ where: { frameworkId: caseRow.frameworkId }, orderBy: { position: 'asc' } });
    const sections = standards.map((s) => ({ standardCode: s.code, findings: `Progress on ${s.code}.`, strengths: 'Partnerships.', recommendations: 'More.' }));
    const report = { language: 'KK', title: 'Аралық есеп', summary: 'Үш жылдағы даму.' };
    // Within the reminder window (60 days before 2030-01-20), on a Thursday.
    clock = new Date('2029-12-06T05:00:00Z');

    const byCoordinator = await step(coordinator, 'caseSubmitInterimReport', versioned({ ...report, sections }));
    expect(byCoordinator.userErrors[0]?.code).toBe('FORBIDDEN');
    const missing = await step(rep, 'caseSubmitInterimReport', versioned({ ...report, sections: sections.slice(1) }));
    expect(missing.userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', field: ['input', 'sections'], message: expect.stringContaining(standards[0]?.code ?? '?') });
    const before = current.version;
    ok(await step(rep, 'caseSubmitInterimReport', versioned({ ...report, sections })));
    expect(current).toMatchObject({ stage: 'POST_ACCREDITATION', version: before + 1 });
    const again = await step(rep, 'caseSubmitInterimReport', versioned({ ...report, sections }));
    expect(again.userErrors[0]).toMatchObject({ code: 'ALREADY_EXISTS', field: ['input', 'language'] });

    const saved = await api.db.prisma.report.findFirstOrThrow({ where: { caseId: caseRow.id, kind: 'INTERIM' }, include: { sections: true } });
    expect(saved).toMatchObject({ language: 'KK', status: 'SUBMITTED', authorId: rep.id, publishedAt: null });
    expect(saved.sections).toHaveLength(standards.length);
    const audited = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'case.submitInterimReport', subjectId: caseRow.id } });
    expect(audited).toMatchObject({ actorId: rep.id, after: { reportId: saved.id, language: 'KK', version: before + 1 } });
    const told = await api.db.prisma.notification.findMany({ where: { caseId: caseRow.id, kind: 'case.submitInterimReport' }, select: { userId: true } });
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([coordinator.id, otherCoordinator.id]));

    // The scheduled job, run inside the reminder window, now leaves this case alone.
    await runScheduledJobs({ prisma: api.db.prisma, logger: createLogger('silent'), now: clock });
    expect(await api.db.prisma.notification.count({ where: { caseId: caseRow.id, kind: notificationKinds.interimReportDue } })).toBe(0);
  });

  it('shows a case only to those allowed to see it', async () => {
    const stranger = await createTestUser(api, { roles: ['EXPERT'] });
    const query = `{ case(number: "${current.number}") { number } }`;
    expect((await stranger.query<{ case: unknown }>(query)).data?.case).toBeNull();
    expect((await member.query<{ case: { number: string } }>(query)).data?.case?.number).toBe(current.number);
    expect((await api.query(query)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('takes parallel applications of different organizations with distinct numbers, and one per organization', async () => {
    const procedureCase = current;
    const free = await api.db.prisma.organization.findMany({ where: { bin: { not: BIN }, cases: { none: {} } }, orderBy: { bin: 'asc' }, take: 5 });
    expect(free).toHaveLength(5);
    const applied = await Promise.all(free.slice(0, 4).map((o) => step(coordinator, 'caseApply', { organizationBin: o.bin })));
    expect(applied.map((r) => r.userErrors)).toEqual([[], [], [], []]);
    const numbers = applied.map((r) => r.case?.number);
    expect(new Set(numbers).size).toBe(4);
    for (const number of numbers) expect(number).toMatch(/^AC-\d{4}-\d{4}$/);

    // The same organization four times at once: one application, three plain refusals.
    const same = free[4]?.bin ?? '';
    const twice = await Promise.all([coordinator, otherCoordinator, coordinator, otherCoordinator].map((u) => step(u, 'caseApply', { organizationBin: same })));
    expect(twice.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    for (const refused of twice.filter((r) => r.userErrors.length > 0)) {
      expect(refused.userErrors).toEqual([{ field: ['input', 'organizationBin'], code: 'GUARD_FAILED', message: expect.stringMatching(/already has a case under way/) }]);
    }
    expect(await api.db.prisma.accreditationCase.count({ where: { organization: { bin: same } } })).toBe(1);
    current = procedureCase;
  });

  it('records every step in an audit chain that verifies', async () => {
    const events = await api.db.prisma.auditEvent.findMany({ where: { subjectType: 'AccreditationCase' }, orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.apply', 'case.register', 'case.startSelfAssessment', 'case.submitSelfAssessment', 'case.approveTeam', 'case.decide']),
    );
    expect(await verifyAuditChain(api.db.prisma)).toMatchObject({ ok: true });
  });
});
