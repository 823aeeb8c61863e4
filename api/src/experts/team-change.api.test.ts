// The rules of team formation hold after the proposal too, over HTTP on real databases: the
// CPM director's approval and each visit check every rule again (a member suspended, expired
// or conflicted since is named with the rule), and a flagged member is replaced by a changed
// team, which needs a new order with a number of its own before any further visit. The
// earlier composition and its order stay in ExpertTeam.history. The team's size follows the
// bounds set for the organization's kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/trail.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { testBin } from '../testing/fixtures.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';
import { createTestExpert } from './team-formation-testing.ts';

const kinds = await testDatabaseKinds();
const BIN = '999900000062'; // NIS Taldykorgan: no case in the seed data
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

interface UserErrorView {
  field: string[] | null;
  code: string;
  message: string;
}

interface StepResult {
  case: { version: number; stage: string; team: { status: string; orderNumber: string | null } | null } | null;
  userErrors: UserErrorView[];
}

const CASE_FIELDS = 'case { version stage team { status orderNumber } } userErrors { field code message }';

describe.each(kinds)('changing an approved expert team on %s', (kind) => {
  let api: TestApi;
  let prisma: PrismaClient;
  let today = '2026-12-03';
  let coordinator: TestUser;
  let director: TestUser;
  let lead: TestUser;
  let member: TestUser;
  let expiring: TestUser;
  let suspended: TestUser;
  let replacement: TestUser;
  let suspendedExpertId = '';
  let caseGlobalId = '';
  let version = 1;

  beforeAll(async () => {
    api = await startTestApi({ kind, now: () => new Date(`${today}T06:00:00Z`) });
    prisma = api.db.prisma;
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    director = await createTestUser(api, { roles: ['CPM_DIRECTOR'] });
    lead = await createTestUser(api, { displayName: 'Aruzhan Lead' });
    member = await createTestUser(api, { displayName: 'Bolat Member' });
    expiring = await createTestUser(api, { displayName: 'Erlan Expiring' });
    suspended = await createTestUser(api, { displayName: 'Dana Suspended' });
    replacement = await createTestUser(api, { displayName: 'Gulnar Replacement' });
    await createTestExpert(prisma, { userId: lead.id, name: 'Aruzhan Lead' });
    await createTestExpert(prisma, { userId: member.id, name: 'Bolat Member' });
    await createTestExpert(prisma, { userId: expiring.id, name: 'Erlan Expiring', certificateValidUntil: '2027-01-20' });
    suspendedExpertId = (await createTestExpert(prisma, { userId: suspended.id, name: 'Dana Suspended' })).id;
    await createTestExpert(prisma, { userId: replacement.id, name: 'Gulnar Replacement' });
    const organization = await prisma.organization.findUniqueOrThrow({ where: { bin: BIN } });
    const framework = await prisma.standardFramework.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    const created = await prisma.accreditationCase.create({
      data: {
        number: 'AC-TC-0001',
        organizationId: organization.id,
        frameworkId: framework.id,
        submittedAt: new Date('2026-11-02T04:00:00Z'),
        registeredAt: new Date('2026-11-03T04:00:00Z'),
        stage: 'PRELIMINARY_ASSESSMENT',
      },
    });
    caseGlobalId = globalId('AccreditationCase', created.id);
    version = created.version;
  });
  afterAll(() => api?.stop());

  async function step(user: TestUser, mutation: string, inputType: string, input: Record<string, unknown>): Promise<StepResult> {
    const result = await user.query<Record<string, StepResult>>(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${CASE_FIELDS} } }`, {
      input: { caseId: caseGlobalId, expectedVersion: version, ...input },
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const payload = result.data?.[mutation];
    if (!payload) throw new Error(`no payload for ${mutation}`);
    if (payload.case) version = payload.case.version;
    return payload;
  }

  const propose = (leadUser: TestUser, members: TestUser[], extra: Record<string, unknown> = {}) =>
    step(coordinator, 'caseProposeTeam', 'CaseProposeTeamInput', {
      leadExpertId: globalId('User', leadUser.id),
      memberIds: members.map((m) => globalId('User', m.id)),
      ...extra,
    });
  const approve = (orderNumber: string) => step(director, 'caseApproveTeam', 'CaseApproveTeamInput', { orderNumber, orderDate: today });
  const schedule = (visit: 'Preliminary' | 'External', from: string, to: string) =>
    step(coordinator, `caseSchedule${visit}Visit`, 'CaseScheduleVisitInput', { from, to });

  it('checks every rule again at approval: a member suspended since the proposal blocks it, by name and rule', async () => {
    expect((await propose(lead, [suspended])).userErrors).toEqual([]);
    const suspension = await coordinator.query<{ expertSuspend: { userErrors: unknown[] } }>(
      `mutation ($input: ExpertSuspendInput!) { expertSuspend(input: $input) { userErrors { code } } }`,
      { input: { expertId: globalId('Expert', suspendedExpertId), expectedVersion: 1, reason: 'Breach of confidentiality during a visit' } },
    );
    expect(suspension.data?.expertSuspend.userErrors).toEqual([]);

    const refused = await approve('10-П');
    expect(refused.case).toBeNull();
    expect(refused.userErrors).toEqual([
      {
        field: null,
        code: 'EXPERT_NOT_ELIGIBLE',
        message: 'The team cannot be approved: Dana Suspended breaks rule NOT_CERTIFIED: Is not certified (status SUSPENDED). Propose a changed team; it needs a new order.',
      },
    ]);
    const team = await prisma.expertTeam.findFirstOrThrow({ where: { case: { number: 'AC-TC-0001' } } });
    expect(team).toMatchObject({ status: 'PROPOSED', orderNumber: null });
    expect(await prisma.expertTeamOrder.count()).toBe(0);
  });

  it('approves, schedules, refuses a visit after a conflict and an expiring certificate, takes a changed team by a new order only, and keeps the history', async () => {
    // The proposal is judged against its last visit day, 2027-01-15: Erlan's certificate lasts until 2027-01-20.
    const proposed = await propose(lead, [member, expiring], { lastVisitDay: '2027-01-15' });
    expect(proposed.userErrors).toEqual([]);
    expect((await approve('10-П')).case?.team).toEqual({ status: 'APPROVED', orderNumber: '10-П' });
    expect((await schedule('Preliminary', '2026-12-21', '2026-12-23')).case?.stage).toBe('PRELIMINARY_VISIT');

    const DECLARE = `mutation { conflictOfInterestDeclare(input: { organizationBin: "${BIN}", reason: "My sister was appointed deputy director." }) { userErrors { code } } }`;
    expect((await member.query<{ conflictOfInterestDeclare: { userErrors: unknown[] } }>(DECLARE)).data?.conflictOfInterestDeclare.userErrors).toEqual([]);

    // The external visit ends after Erlan's certificate does, and Bolat is now conflicted: both named, nothing scheduled.
    const blocked = await schedule('External', '2027-01-19', '2027-01-27');
    expect(blocked.case).toBeNull();
    expect(blocked.userErrors.map((e) => e.code).sort()).toEqual(['CONFLICT_OF_INTEREST', 'EXPERT_NOT_ELIGIBLE']);
    const byName = (name: string) => blocked.userErrors.find((e) => e.message.includes(name))?.message ?? '';
    expect(byName('Bolat Member')).toContain('rule DECLARED_CONFLICT');
    expect(byName('Erlan Expiring')).toContain('rule CERTIFICATE_EXPIRES');
    expect(byName('Erlan Expiring')).toContain('valid until 2027-01-20, not through the last visit day 2027-01-27');
    for (const error of blocked.userErrors) expect(error.message).not.toMatch(/\d{12}|@/);

    // The coordinator replaces them during the preliminary visit stage: the approval is withdrawn.
    const changed = await propose(lead, [replacement]);
    expect(changed.userErrors).toEqual([]);
    expect(changed.case).toMatchObject({ stage: 'PRELIMINARY_VISIT', team: { status: 'PROPOSED', orderNumber: null } });
    const early = await schedule('External', '2027-01-19', '2027-01-27');
    expect(early.userErrors[0]?.message).toContain('approved by the CPM director’s order');

    const sameOrder = await approve('10-П');
    expect(sameOrder.case).toBeNull();
    expect(sameOrder.userErrors).toEqual([
      {
        field: ['input', 'orderNumber'],
        code: 'ALREADY_EXISTS',
        message: 'Order 10-П (2026-12-03) approved an earlier composition of this team; a changed team needs a new order with its own number.',
      },
    ]);
    expect((await approve('11-П')).case?.team).toEqual({ status: 'APPROVED', orderNumber: '11-П' });
    expect((await schedule('External', '2027-01-19', '2027-01-27')).case?.stage).toBe('EXTERNAL_VISIT');

    const HISTORY = `{ case(number: "AC-TC-0001") { team { assumedLastVisitDay history { orderNumber orderDate withdrawnAt members { displayName role } } } } }`;
    const read = await coordinator.query<{
      case: { team: { assumedLastVisitDay: string; history: { orderNumber: string; orderDate: string; withdrawnAt: string | null; members: { displayName: string; role: string }[] }[] } };
    }>(HISTORY);
    expect(read.errors, JSON.stringify(read.errors)).toBeUndefined();
    const history = read.data?.case.team.history ?? [];
    expect(history.map((order) => [order.orderNumber, order.withdrawnAt === null])).toEqual([
      ['11-П', true],
      ['10-П', false],
    ]);
    expect(history[0]?.members).toEqual([
      { displayName: 'Aruzhan Lead', role: 'LEAD' },
      { displayName: 'Gulnar Replacement', role: 'MEMBER' },
    ]);
    expect(history[1]?.members).toEqual([
      { displayName: 'Aruzhan Lead', role: 'LEAD' },
      { displayName: 'Bolat Member', role: 'MEMBER' },
      { displayName: 'Erlan Expiring', role: 'MEMBER' },
    ]);
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'case.proposeTeam' }, orderBy: { sequence: 'desc' } });
    expect(audit?.after).toMatchObject({ previousOrder: '10-П', members: [replacement.id] });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  it('refuses a changed team once the external visit has begun', async () => {
    today = '2027-01-19';
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] }); // a token for the new day
    const late = await propose(lead, [member]);
    expect(late.case).toBeNull();
    expect(late.userErrors).toEqual([
      { field: null, code: 'GUARD_FAILED', message: 'The external visit began on 2027-01-19; the team can be changed only before it begins.' },
    ]);
  });

  it('enforces the team size set for the organization’s kind (KZA_TEAM_SIZE_SCHOOL, KZA_TEAM_SIZE_COLLEGE)', async () => {
    const region = await prisma.region.findUniqueOrThrow({ where: { code: '35' } });
    const framework = await prisma.standardFramework.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    const school = await prisma.organization.findUniqueOrThrow({ where: { bin: '999900000072' } });
    const college = await prisma.organization.create({
      data: { bin: testBin(901), nameKk: 'Қарағанды колледжі', nameRu: 'Карагандинский колледж', kind: 'COLLEGE', level: 'TECHNICAL_VOCATIONAL', languages: ['KK', 'RU'], regionId: region.id, city: 'Temirtau' },
    });
    const experts: TestUser[] = [];
    for (let n = 1; n <= 5; n += 1) {
      const user = await createTestUser(api, { displayName: `Sized Expert ${n}` });
      await createTestExpert(prisma, { userId: user.id, name: `Sized Expert ${n}`, levels: ['SECONDARY', 'TECHNICAL_VOCATIONAL'] });
      experts.push(user);
    }
    const cases = new Map<string, { id: string; version: number }>();
    for (const [number, organizationId] of [['AC-TC-SCHOOL', school.id], ['AC-TC-COLLEGE', college.id]] as const) {
      const created = await prisma.accreditationCase.create({
        data: { number, organizationId, frameworkId: framework.id, submittedAt: new Date('2027-01-04T04:00:00Z'), stage: 'REGISTERED' },
      });
      cases.set(number, { id: globalId('AccreditationCase', created.id), version: created.version });
    }
    const proposeSized = async (number: string, size: number) => {
      const found = cases.get(number);
      if (!found) throw new Error(number);
      const [first, ...rest] = experts.slice(0, size);
      if (!first) throw new Error('no lead');
      const result = await coordinator.query<{ caseProposeTeam: StepResult }>(
        `mutation ($input: CaseProposeTeamInput!) { caseProposeTeam(input: $input) { ${CASE_FIELDS} } }`,
        { input: { caseId: found.id, expectedVersion: found.version, leadExpertId: globalId('User', first.id), memberIds: rest.map((m) => globalId('User', m.id)) } },
      );
      const payload = result.data?.caseProposeTeam;
      if (!payload) throw new Error(JSON.stringify(result.errors));
      if (payload.case) found.version = payload.case.version;
      return payload.userErrors.map((e) => `${e.code}: ${e.message}`);
    };

    process.env.KZA_TEAM_SIZE_SCHOOL = '2-3';
    process.env.KZA_TEAM_SIZE_COLLEGE = '4-4';
    try {
      // Four is too many for a school and three too few for a college; five too many for both.
      expect(await proposeSized('AC-TC-SCHOOL', 4)).toEqual(['TEAM_COMPOSITION: The team breaks rule TEAM_SIZE: A team for a SCHOOL has 2 to 3 experts, lead included; this one has 4.']);
      expect(await proposeSized('AC-TC-COLLEGE', 3)).toEqual(['TEAM_COMPOSITION: The team breaks rule TEAM_SIZE: A team for a COLLEGE has 4 to 4 experts, lead included; this one has 3.']);
      expect(await proposeSized('AC-TC-COLLEGE', 5)).toEqual(['TEAM_COMPOSITION: The team breaks rule TEAM_SIZE: A team for a COLLEGE has 4 to 4 experts, lead included; this one has 5.']);
      expect(await proposeSized('AC-TC-SCHOOL', 3)).toEqual([]);
      expect(await proposeSized('AC-TC-COLLEGE', 4)).toEqual([]);
    } finally {
      delete process.env.KZA_TEAM_SIZE_SCHOOL;
      delete process.env.KZA_TEAM_SIZE_COLLEGE;
    }
  });
});
