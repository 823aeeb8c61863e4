// Professional development and ratings over HTTP: activities and the yearly hours
// requirement, mentorships, the needs survey, ratings after a visit (who, when, once), and
// the development needs they feed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseStage } from '../generated/prisma/enums.ts';
import { testNow } from '../testing/fixtures.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';
import { completeIin } from './iin.ts';

const kinds = await testDatabaseKinds();
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

interface UserErrorView {
  field: string[] | null;
  code: string;
  message: string;
}

function testIin(n: number): string {
  for (let serial = n * 7; ; serial += 1) {
    const iin = completeIin(`9912310${String(serial).padStart(4, '0')}`);
    if (iin) return iin;
  }
}

describe.each(kinds)('professional development and ratings on %s', (kind) => {
  let api: TestApi;
  let coordinator: TestUser;
  let rep: TestUser;
  let otherRep: TestUser;
  let councilMember: TestUser;
  const experts: { user: TestUser; id: string; globalId: string }[] = [];
  let outsider: { id: string; globalId: string };
  let caseId = '';
  let organizationId = '';
  let expertCount = 0;

  async function createExpert(userId: string | null, name: string): Promise<{ id: string; globalId: string }> {
    expertCount += 1;
    const region = await api.db.prisma.region.findUniqueOrThrow({ where: { code: '75' } });
    const row = await api.db.prisma.expert.create({
      data: {
        userId,
        nameKk: name,
        nameRu: name,
        iin: testIin(expertCount),
        email: `dev${expertCount}@example.kz`,
        languages: ['RU'],
        levels: ['SECONDARY'],
        subjectAreas: ['physics'],
        regionId: region.id,
        city: 'Almaty',
        status: 'CERTIFIED',
        certificateNumber: `DEV-${expertCount}`,
        certificateIssuedOn: new Date('2025-01-10T00:00:00Z'),
        certificateValidUntil: new Date('2028-01-09T00:00:00Z'),
        ethicsCodeVersion: '2025.1',
        ethicsAcknowledgedAt: new Date('2025-01-05T00:00:00Z'),
      },
    });
    return { id: row.id, globalId: globalId('Expert', row.id) };
  }

  async function run<T>(user: TestUser | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = user ? await user.query<T>(query, variables) : await api.query<T>(query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    if (!result.data) throw new Error('no data');
    return result.data;
  }

  async function rate(user: TestUser, expertGlobalId: string, score: number, comment?: string) {
    const data = await run<{ expertRate: { rating: { score: number; raterRole: string; caseNumber: string } | null; userErrors: UserErrorView[] } }>(
      user,
      `mutation ($input: ExpertRateInput!) { expertRate(input: $input) { rating { score raterRole caseNumber } userErrors { field code message } } }`,
      { input: { caseId: globalId('AccreditationCase', caseId), expertId: expertGlobalId, score, comment } },
    );
    return data.expertRate;
  }

  async function setStage(stage: CaseStage) {
    await api.db.prisma.accreditationCase.update({ where: { id: caseId }, data: { stage } });
  }

  beforeAll(async () => {
    api = await startTestApi({ kind, now: testNow });
    const organization = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: '999900000022' } });
    const other = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: '999900000032' } });
    organizationId = organization.id;
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    councilMember = await createTestUser(api, { roles: ['COUNCIL_MEMBER'] });
    rep = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: organization.id });
    otherRep = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: other.id });
    for (let i = 0; i < 3; i += 1) {
      const user = await createTestUser(api, { roles: ['EXPERT'] });
      experts.push({ user, ...(await createExpert(user.id, `Эксперт развития ${i + 1}`)) });
    }
    outsider = await createExpert(null, 'Эксперт вне группы');
    const framework = await api.db.prisma.standardFramework.findUniqueOrThrow({ where: { version: 1 } });
    const created = await api.db.prisma.accreditationCase.create({
      data: {
        number: 'T-RATE-1',
        organizationId,
        frameworkId: framework.id,
        stage: 'EXTERNAL_VISIT',
        submittedAt: new Date('2026-03-01T04:00:00Z'),
        team: { create: { status: 'APPROVED', members: { create: experts.map((e, i) => ({ userId: e.user.id, role: i === 0 ? 'LEAD' : 'MEMBER' })) } } },
      },
    });
    caseId = created.id;
  });
  afterAll(() => api?.stop());
  afterEach(() => {
    delete process.env['KZA_EXPERT_YEARLY_HOURS'];
  });

  it('records activities by the expert or staff, and lists certified experts short of the yearly hours', async () => {
    const [first, second] = experts;
    if (!first || !second) throw new Error('fixture');
    const add = (user: TestUser, input: Record<string, unknown>) =>
      run<{ professionalActivityAdd: { activity: { hours: number; kind: string } | null; userErrors: UserErrorView[] } }>(
        user,
        `mutation ($input: ProfessionalActivityAddInput!) { professionalActivityAdd(input: $input) { activity { hours kind } userErrors { field code message } } }`,
        { input },
      ).then((data) => data.professionalActivityAdd);
    expect((await add(first.user, { kind: 'TRAINING', title: 'Стандарты аккредитации 2025', hours: 24, date: '2026-03-10', evidence: 'Сертификат № 15' })).userErrors).toEqual([]);
    expect((await add(coordinator, { expertId: first.globalId, kind: 'CONFERENCE', title: 'Конференция по оценке', hours: 16, date: '2026-10-02' })).activity).toEqual({ hours: 16, kind: 'CONFERENCE' });
    expect((await add(second.user, { kind: 'INTERNSHIP', title: 'Стажировка', hours: 20, date: '2026-05-05' })).userErrors).toEqual([]);
    // Last year's hours do not count for this year.
    expect((await add(second.user, { kind: 'TRAINING', title: 'Старый курс', hours: 40, date: '2025-11-05' })).userErrors).toEqual([]);
    // An expert cannot add to someone else's record; hours and dates are checked.
    expect((await add(first.user, { expertId: second.globalId, kind: 'TRAINING', title: 'X', hours: 1, date: '2026-01-01' })).userErrors[0]?.code).toBe('FORBIDDEN');
    const wrong = await add(first.user, { kind: 'TRAINING', title: ' ', hours: 0, date: '2026-12-04' });
    expect(wrong.userErrors.map((e) => e.field?.[1])).toEqual(['title', 'hours', 'date']);
    expect((await add(rep, { kind: 'TRAINING', title: 'X', hours: 1, date: '2026-01-01' })).userErrors[0]?.code).toBe('REQUIRED');

    const shortfall = async () =>
      (
        await run<{ expertsShortOfHours: { expert: { certificateNumber: string }; hours: number; requiredHours: number; shortBy: number }[] }>(
          coordinator,
          `{ expertsShortOfHours(year: 2026) { expert { certificateNumber } hours requiredHours shortBy } }`,
        )
      ).expertsShortOfHours;
    const rows = await shortfall();
    const byNumber = new Map(rows.map((row) => [row.expert.certificateNumber, row]));
    expect(byNumber.has('DEV-1')).toBe(false); // 40 hours ≥ 36
    expect(byNumber.get('DEV-2')).toEqual({ expert: { certificateNumber: 'DEV-2' }, hours: 20, requiredHours: 36, shortBy: 16 });
    expect(byNumber.get('DEV-3')).toMatchObject({ hours: 0, shortBy: 36 });
    // The seeded certified demo experts have no hours: all short.
    expect(rows.filter((row) => row.expert.certificateNumber.startsWith('DEMO-'))).toHaveLength(40);
    expect(rows.map((row) => row.hours)).toEqual([...rows.map((row) => row.hours)].sort((a, b) => a - b));
    // The requirement is configurable.
    process.env['KZA_EXPERT_YEARLY_HOURS'] = '50';
    const stricter = new Map((await shortfall()).map((row) => [row.expert.certificateNumber, row]));
    expect(stricter.get('DEV-1')).toMatchObject({ hours: 40, requiredHours: 50, shortBy: 10 });
    // Staff only.
    const denied = await experts[0]?.user.query(`{ expertsShortOfHours(year: 2026) { hours } }`);
    expect(denied?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const hours = await run<{ node: { hours: number; activities: { title: string }[] } }>(coordinator, `query ($id: ID!) { node(id: $id) { ... on Expert { hours(year: 2026) activities(year: 2026) { title } } } }`, { id: first.globalId });
    expect(hours.node).toEqual({ hours: 40, activities: [{ title: 'Конференция по оценке' }, { title: 'Стандарты аккредитации 2025' }] });
  });

  it('pairs a certified mentor with a mentee, once at a time, and ends the pair', async () => {
    const [mentor, mentee] = experts;
    if (!mentor || !mentee) throw new Error('fixture');
    const start = (user: TestUser, input: Record<string, unknown>) =>
      run<{ mentorshipStart: { mentorship: { id: string; mentor: { certificateNumber: string }; mentee: { certificateNumber: string } } | null; userErrors: UserErrorView[] } }>(
        user,
        `mutation ($input: MentorshipStartInput!) { mentorshipStart(input: $input) { mentorship { id mentor { certificateNumber } mentee { certificateNumber } } userErrors { field code message } } }`,
        { input },
      ).then((data) => data.mentorshipStart);
    expect((await start(mentor.user, { mentorId: mentor.globalId, menteeId: mentee.globalId })).userErrors[0]?.code).toBe('FORBIDDEN');
    expect((await start(coordinator, { mentorId: mentor.globalId, menteeId: mentor.globalId })).userErrors[0]?.field).toEqual(['input', 'menteeId']);
    const created = await start(coordinator, { mentorId: mentor.globalId, menteeId: mentee.globalId, startedOn: '2026-09-01' });
    expect(created.userErrors).toEqual([]);
    expect(created.mentorship).toMatchObject({ mentor: { certificateNumber: 'DEV-1' }, mentee: { certificateNumber: 'DEV-2' } });
    expect((await start(coordinator, { mentorId: mentor.globalId, menteeId: mentee.globalId })).userErrors[0]?.code).toBe('ALREADY_EXISTS');
    // A suspended expert cannot mentor.
    await api.db.prisma.expert.update({ where: { id: outsider.id }, data: { status: 'SUSPENDED' } });
    expect((await start(coordinator, { mentorId: outsider.globalId, menteeId: mentee.globalId })).userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', field: ['input', 'mentorId'] });
    await api.db.prisma.expert.update({ where: { id: outsider.id }, data: { status: 'CERTIFIED' } });

    const end = (input: Record<string, unknown>) =>
      run<{ mentorshipEnd: { mentorship: { endedOn: string | null } | null; userErrors: UserErrorView[] } }>(
        coordinator,
        `mutation ($input: MentorshipEndInput!) { mentorshipEnd(input: $input) { mentorship { endedOn } userErrors { field code message } } }`,
        { input },
      ).then((data) => data.mentorshipEnd);
    const id = created.mentorship?.id ?? '';
    expect((await end({ mentorshipId: id, endedOn: '2026-08-01' })).userErrors[0]?.field).toEqual(['input', 'endedOn']);
    expect((await end({ mentorshipId: id })).mentorship).toEqual({ endedOn: '2026-12-03' });
    expect((await end({ mentorshipId: id })).userErrors[0]?.code).toBe('GUARD_FAILED');
    const view = await run<{ node: { mentees: { endedOn: string }[] } }>(mentor.user, `query ($id: ID!) { node(id: $id) { ... on Expert { mentees { endedOn } } } }`, { id: mentor.globalId });
    expect(view.node.mentees).toEqual([{ endedOn: '2026-12-03' }]);
  });

  it('takes each expert’s needs survey and gives staff the topic counts, without names', async () => {
    const submit = (user: TestUser, input: Record<string, unknown>) =>
      run<{ expertNeedsSubmit: { response: { year: number; topics: string[] } | null; userErrors: UserErrorView[] } }>(
        user,
        `mutation ($input: ExpertNeedsSubmitInput!) { expertNeedsSubmit(input: $input) { response { year topics } userErrors { field code message } } }`,
        { input },
      ).then((data) => data.expertNeedsSubmit);
    const [a, b, c] = experts;
    if (!a || !b || !c) throw new Error('fixture');
    expect((await submit(a.user, { year: 2026, topics: ['Inclusive  education', 'Interviewing'] })).response).toEqual({ year: 2026, topics: ['inclusive education', 'interviewing'] });
    // Submitting again replaces the answer.
    expect((await submit(a.user, { year: 2026, topics: ['inclusive education', 'report writing'], comment: 'Больше практики' })).userErrors).toEqual([]);
    expect((await submit(b.user, { year: 2026, topics: ['Report writing'] })).userErrors).toEqual([]);
    expect((await submit(c.user, { year: 2026, topics: ['report writing', 'inclusive education'] })).userErrors).toEqual([]);
    expect((await submit(c.user, { year: 2030, topics: ['x'] })).userErrors[0]?.field).toEqual(['input', 'year']);
    expect((await submit(c.user, { year: 2026, topics: [] })).userErrors[0]?.field).toEqual(['input', 'topics']);
    expect((await submit(coordinator, { year: 2026, topics: ['x'] })).userErrors[0]?.code).toBe('FORBIDDEN');

    const summary = await run<{ expertNeedsSummary: { year: number; responses: number; topics: { topic: string; count: number }[] } }>(
      coordinator,
      `{ expertNeedsSummary(year: 2026) { year responses topics { topic count } } }`,
    );
    expect(summary.expertNeedsSummary).toEqual({
      year: 2026,
      responses: 3,
      topics: [
        { topic: 'report writing', count: 3 },
        { topic: 'inclusive education', count: 2 },
      ],
    });
    const denied = await a.user.query(`{ expertNeedsSummary(year: 2026) { responses } }`);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the organization and a coordinator rate each expert of the team once, after the external visit', async () => {
    const [first, second] = experts;
    if (!first || !second) throw new Error('fixture');
    const early = await rate(rep, first.globalId, 4);
    expect(early.userErrors[0]).toMatchObject({ code: 'GUARD_FAILED', field: ['input', 'caseId'] });
    expect(early.userErrors[0]?.message).toContain('EXTERNAL_VISIT');
    await setStage('FINAL_REPORT');

    expect((await rate(rep, first.globalId, 2, 'Опаздывал на собеседования')).rating).toEqual({ score: 2, raterRole: 'ORGANIZATION', caseNumber: 'T-RATE-1' });
    expect((await rate(rep, first.globalId, 5)).userErrors[0]?.code).toBe('ALREADY_EXISTS');
    expect((await rate(coordinator, first.globalId, 2)).rating).toMatchObject({ raterRole: 'COORDINATOR' });
    expect((await rate(coordinator, first.globalId, 3)).userErrors[0]?.code).toBe('ALREADY_EXISTS');
    expect((await rate(rep, second.globalId, 6)).userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'score'] });
    expect((await rate(rep, second.globalId, 0)).userErrors[0]?.field).toEqual(['input', 'score']);
    expect((await rate(rep, second.globalId, 5)).userErrors).toEqual([]);
    // Only experts of the case's team.
    expect((await rate(rep, outsider.globalId, 4)).userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'expertId'] });
    // Another organization's representative does not see the case; a Council member may not rate.
    expect((await rate(otherRep, second.globalId, 4)).userErrors[0]?.code).toBe('NOT_FOUND');
    expect((await rate(councilMember, second.globalId, 4)).userErrors[0]?.code).toBe('FORBIDDEN');
    // An expert of the team may not rate colleagues.
    expect((await rate(first.user, second.globalId, 1)).userErrors[0]?.code).toBe('FORBIDDEN');
    await setStage('POST_ACCREDITATION');
    expect((await rate(coordinator, second.globalId, 4)).userErrors).toEqual([]);

    const summary = await run<{ node: { ratingSummary: { count: number; average: number; recentAverage: number }; ratings: { score: number; comment: string | null }[] } }>(
      coordinator,
      `query ($id: ID!) { node(id: $id) { ... on Expert { ratingSummary { count average recentAverage } ratings { score comment } } } }`,
      { id: first.globalId },
    );
    expect(summary.node.ratingSummary).toEqual({ count: 2, average: 2, recentAverage: 2 });
    expect(summary.node.ratings.map((r) => r.score)).toEqual([2, 2]);
    // The expert does not see their ratings (the rater saw their own in the payload above).
    const own = await first.user.query(`query ($id: ID!) { node(id: $id) { ... on Expert { ratings { score } } } }`, { id: first.globalId });
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = await api.db.prisma.auditEvent.findMany({ where: { action: 'expert.rate' } });
    expect(events).toHaveLength(4);
  });

  it('feeds low ratings, missing hours and the survey into the development needs', async () => {
    const data = await run<{
      expertDevelopmentNeeds: {
        year: number;
        requiredHours: number;
        experts: { expert: { certificateNumber: string }; reasons: string[]; hours: number; ratings: { recentAverage: number | null }; requestedTopics: string[] }[];
        survey: { responses: number; topics: { topic: string; count: number }[] };
      };
    }>(
      coordinator,
      `{ expertDevelopmentNeeds(year: 2026) {
          year requiredHours
          experts { expert { certificateNumber } reasons hours ratings { recentAverage } requestedTopics }
          survey { responses topics { topic count } }
      } }`,
    );
    const needs = data.expertDevelopmentNeeds;
    expect(needs).toMatchObject({ year: 2026, requiredHours: 36, survey: { responses: 3 } });
    // The low-rated expert comes first, though their hours are complete.
    expect(needs.experts[0]).toEqual({
      expert: { certificateNumber: 'DEV-1' },
      reasons: ['LOW_RATINGS'],
      hours: 40,
      ratings: { recentAverage: 2 },
      requestedTopics: ['inclusive education', 'report writing'],
    });
    const byNumber = new Map(needs.experts.map((need) => [need.expert.certificateNumber, need]));
    expect(byNumber.get('DEV-2')).toMatchObject({ reasons: ['HOURS_SHORTFALL'], hours: 20, ratings: { recentAverage: 4.5 } });
    expect(byNumber.get('DEV-3')?.reasons).toEqual(['HOURS_SHORTFALL']);
    expect([...byNumber.keys()].filter((number) => number.startsWith('DEMO-'))).toHaveLength(40);
    const denied = await rep.query(`{ expertDevelopmentNeeds(year: 2026) { year } }`);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
