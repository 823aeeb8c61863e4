// Team formation over HTTP on real databases: expertTeamCandidates ranks a seeded pool of
// 200 experts plus a few written for the case; caseProposeTeam refuses every hard rule it
// is shown; a conflict declared after the team and the Council were formed flags their
// seats, tells the coordinators and the Council secretary, and is audited; a visit cannot be
// scheduled on days a member visits for another case, nor with a member conflicted since.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/trail.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { fromIsoDate } from '../shared/dates.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';
import { demoExpertPool } from './demo-pool.ts';
import { createTestExpert } from './team-formation-testing.ts';

const kinds = await testDatabaseKinds();

const TODAY = '2026-12-03';
const BIN = '999900000062'; // NIS Taldykorgan: no case in the seed data
const COUNCIL_BIN = '999900000072'; // NIS Oral
const OTHER_BIN = '999900000111'; // NIS Almaty
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

interface Reason {
  code: string;
  message: string;
  points: number;
}

interface Candidate {
  rank: number;
  expertId: string;
  userId: string;
  name: string;
  score: number;
  city: string;
  reasons: Reason[];
}

interface CandidatesData {
  expertTeamCandidates: {
    requirements: Record<string, unknown>;
    candidates: Candidate[];
    exclusions: { expertId: string; name: string; reasons: Reason[] }[];
    suggestedTeam: { lead: { userId: string } | null; members: { userId: string }[]; uncovered: Reason[] };
  } | null;
}

const CANDIDATES = `query ($caseId: ID!, $lastVisitDay: Date) {
  expertTeamCandidates(caseId: $caseId, lastVisitDay: $lastVisitDay) {
    requirements { organizationKind minSize maxSize languages level lastVisitDay conflictLookBackYears subjectAreas }
    candidates { rank expertId userId name score city reasons { code message points } }
    exclusions { expertId name reasons { code message points } }
    suggestedTeam { lead { userId } members { userId } uncovered { code message points } }
  }
}`;

interface StepResult {
  case: { id: string; version: number } | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

/** 200 demonstration experts, nine in ten with an EXPERT account, inserted in a few statements. */
async function insertPool(prisma: PrismaClient): Promise<number> {
  const pool = demoExpertPool(200, 4242, { asOf: TODAY });
  const regions = new Map((await prisma.region.findMany()).map((r) => [r.code, r.id]));
  const organizations = new Map((await prisma.organization.findMany({ select: { id: true, bin: true } })).map((o) => [o.bin, o.id]));
  const withAccount = pool.map((_e, index) => index % 10 !== 0);
  await prisma.user.createMany({
    data: pool.flatMap((e, index) =>
      withAccount[index] ? [{ id: `pool-user-${index}`, email: e.email, displayName: e.nameEn, passwordHash: 'not-a-hash', roles: ['EXPERT' as const] }] : [],
    ),
  });
  await prisma.expert.createMany({
    data: pool.map((e, index) => ({
      id: `pool-expert-${index}`,
      userId: withAccount[index] ? `pool-user-${index}` : null,
      nameKk: e.nameKk,
      nameRu: e.nameRu,
      nameEn: e.nameEn,
      iin: e.iin,
      email: e.email,
      languages: e.languages,
      levels: e.levels,
      subjectAreas: e.subjectAreas,
      regionId: regions.get(e.regionCode) ?? '',
      city: e.city,
      status: e.status,
      certificateNumber: e.certificateNumber,
      certificateValidUntil: e.certificateValidUntil ? fromIsoDate(e.certificateValidUntil) : null,
    })),
  });
  await prisma.expertEmployment.createMany({
    data: pool.flatMap((e, index) =>
      e.employments.map((job) => ({
        expertId: `pool-expert-${index}`,
        organizationId: job.organizationBin ? (organizations.get(job.organizationBin) ?? null) : null,
        employerName: job.employerName,
        startedOn: fromIsoDate(job.startedOn),
        endedOn: job.endedOn ? fromIsoDate(job.endedOn) : null,
      })),
    ),
  });
  await prisma.expertFamilyLink.createMany({
    data: pool.flatMap((e, index) =>
      e.familyLinks.map((link) => ({ expertId: `pool-expert-${index}`, organizationId: organizations.get(link.organizationBin) ?? '', description: link.description })),
    ),
  });
  return pool.length;
}

describe.each(kinds)('team formation on %s', (kind) => {
  let api: TestApi;
  let prisma: PrismaClient;
  let coordinator: TestUser;
  let director: TestUser;
  let representative: TestUser;
  let secretary: TestUser;
  let councilMember: TestUser;
  let lead: TestUser;
  let member: TestUser;
  let twin: TestUser;
  let former: TestUser;
  let expiring: TestUser;
  let noRecord: TestUser;
  let organizationId = '';
  let caseId = '';
  let caseGlobalId = '';
  let version = 1;

  async function propose(lead: TestUser, members: TestUser[], extra: Record<string, unknown> = {}): Promise<StepResult> {
    const result = await coordinator.query<{ caseProposeTeam: StepResult }>(
      `mutation ($input: CaseProposeTeamInput!) { caseProposeTeam(input: $input) { case { id version } userErrors { field code message } } }`,
      { input: { caseId: caseGlobalId, expectedVersion: version, leadExpertId: globalId('User', lead.id), memberIds: members.map((m) => globalId('User', m.id)), ...extra } },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const payload = result.data?.caseProposeTeam;
    if (!payload) throw new Error('no payload');
    if (payload.case) version = payload.case.version;
    return payload;
  }

  beforeAll(async () => {
    api = await startTestApi({ kind, now: () => new Date(`${TODAY}T06:00:00Z`) });
    prisma = api.db.prisma;
    const organization = await prisma.organization.findUniqueOrThrow({ where: { bin: BIN } });
    organizationId = organization.id;
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    director = await createTestUser(api, { roles: ['CPM_DIRECTOR'] });
    representative = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId });
    secretary = await createTestUser(api, { roles: ['COUNCIL_SECRETARY'] });
    councilMember = await createTestUser(api, { roles: ['COUNCIL_MEMBER'] });
    lead = await createTestUser(api, { displayName: 'Aruzhan Lead' });
    member = await createTestUser(api, { displayName: 'Bolat Member' });
    twin = await createTestUser(api, { displayName: 'Bolat Twin' });
    former = await createTestUser(api, { displayName: 'Dana Former' });
    expiring = await createTestUser(api, { displayName: 'Erlan Expiring' });
    noRecord = await createTestUser(api, { displayName: 'Farida Unregistered' });
    await insertPool(prisma);
    await createTestExpert(prisma, { userId: lead.id, name: 'Aruzhan Lead', languages: ['KK', 'RU', 'EN'], subjectAreas: ['mathematics', 'physics'] });
    // Twins but for the city: the second lives in the organization's own city.
    await createTestExpert(prisma, { userId: member.id, name: 'Bolat Member', languages: ['KK', 'RU'], regionCode: '55', city: 'Pavlodar' });
    await createTestExpert(prisma, { userId: twin.id, name: 'Bolat Twin', languages: ['KK', 'RU'], regionCode: '33', city: 'Taldykorgan' });
    await createTestExpert(prisma, {
      userId: former.id,
      name: 'Dana Former',
      employments: [{ organizationId, employerName: organization.nameRu, startedOn: '2016-09-01', endedOn: '2025-06-30' }],
    });
    await createTestExpert(prisma, { userId: expiring.id, name: 'Erlan Expiring', certificateValidUntil: '2027-02-15' });
    const framework = await prisma.standardFramework.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    const created = await prisma.accreditationCase.create({
      data: { number: 'AC-TF-0001', organizationId, frameworkId: framework.id, submittedAt: new Date(`${TODAY}T04:00:00Z`), registeredAt: new Date(`${TODAY}T05:00:00Z`), stage: 'REGISTERED' },
    });
    caseId = created.id;
    caseGlobalId = globalId('AccreditationCase', caseId);
    version = created.version;
  });
  afterAll(() => api?.stop());

  it('judges every expert for the case: ranked with reasons, excluded with the rules broken, and a suggested team', async () => {
    const result = await coordinator.query<CandidatesData>(CANDIDATES, { caseId: caseGlobalId });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const answer = result.data?.expertTeamCandidates;
    if (!answer) throw new Error('no answer');
    expect(answer.requirements).toEqual({
      organizationKind: 'SCHOOL',
      minSize: 2,
      maxSize: 5,
      languages: ['KK', 'RU', 'EN'],
      level: 'SECONDARY',
      lastVisitDay: '2027-02-01', // 60 days from today: no visit is scheduled yet
      conflictLookBackYears: 3,
      subjectAreas: ['mathematics', 'physics', 'chemistry', 'biology', 'computer-science'],
    });

    const everyone = await prisma.expert.count();
    expect(everyone).toBeGreaterThanOrEqual(205);
    expect(answer.candidates.length + answer.exclusions.length).toBe(everyone);
    expect(new Set([...answer.candidates, ...answer.exclusions].map((e) => e.expertId)).size).toBe(everyone);
    expect(answer.candidates.length).toBeGreaterThan(80);
    for (const exclusion of answer.exclusions) expect(exclusion.reasons.length).toBeGreaterThan(0);
    const poolWithoutAccount = answer.exclusions.find((e) => e.expertId === globalId('Expert', 'pool-expert-0'));
    expect(poolWithoutAccount?.reasons.map((r) => r.code)).toContain('NO_ACCOUNT');

    const dana = answer.exclusions.find((e) => e.name === 'Dana Former');
    expect(dana?.reasons.map((r) => r.code)).toEqual(['WORKED_THERE']);
    expect(dana?.reasons[0]?.message).toContain('2025-06-30');

    answer.candidates.forEach((c, index) => {
      expect(c.rank).toBe(index + 1);
      expect(c.score).toBe(100 + c.reasons.reduce((sum, r) => sum + r.points, 0));
      if (index > 0) expect(c.score).toBeLessThanOrEqual(answer.candidates[index - 1]?.score ?? Infinity);
    });
    const bolat = answer.candidates.find((c) => c.name === 'Bolat Member');
    const bolatTwin = answer.candidates.find((c) => c.name === 'Bolat Twin');
    if (!bolat || !bolatTwin) throw new Error('the twins are not candidates');
    expect(bolatTwin.rank).toBeGreaterThan(bolat.rank);
    expect(bolat.score - bolatTwin.score).toBe(30);
    expect(bolatTwin.reasons.find((r) => r.code === 'SAME_CITY')).toMatchObject({ points: -30 });
    expect(bolat.userId).toBe(globalId('User', member.id));

    const suggested = answer.suggestedTeam;
    expect(suggested.uncovered).toEqual([]);
    expect(suggested.lead).not.toBeNull();
    const candidateUsers = new Set(answer.candidates.map((c) => c.userId));
    for (const person of [suggested.lead, ...suggested.members]) expect(candidateUsers.has(person?.userId ?? '')).toBe(true);
    expect(1 + suggested.members.length).toBeGreaterThanOrEqual(2);
  });

  it('needs certificates valid through the last visit day asked for, and only lets staff who form teams ask', async () => {
    const later = await coordinator.query<CandidatesData>(CANDIDATES, { caseId: caseGlobalId, lastVisitDay: '2027-03-01' });
    expect(later.data?.expertTeamCandidates?.requirements.lastVisitDay).toBe('2027-03-01');
    const erlan = later.data?.expertTeamCandidates?.exclusions.find((e) => e.name === 'Erlan Expiring');
    expect(erlan?.reasons.map((r) => r.code)).toEqual(['CERTIFICATE_EXPIRES']);
    expect(erlan?.reasons[0]?.message).toContain('2027-02-15');

    const past = await coordinator.query<CandidatesData>(CANDIDATES, { caseId: caseGlobalId, lastVisitDay: '2026-01-01' });
    expect(past.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const asDirector = await director.query<CandidatesData>(CANDIDATES, { caseId: caseGlobalId });
    expect(asDirector.data?.expertTeamCandidates?.candidates.length).toBeGreaterThan(0);
    for (const outsider of [representative, lead, councilMember]) {
      const denied = await outsider.query<CandidatesData>(CANDIDATES, { caseId: caseGlobalId });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await api.query<CandidatesData>(CANDIDATES, { caseId: caseGlobalId });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await coordinator.query<CandidatesData>(CANDIDATES, { caseId: globalId('AccreditationCase', 'no-such-case') });
    expect(unknown.data?.expertTeamCandidates).toBeNull();
  });

  it('refuses a proposed team that breaks a hard rule, naming the expert and the rule, and takes one that breaks none', async () => {
    const conflicted = await propose(lead, [former]);
    expect(conflicted.case).toBeNull();
    expect(conflicted.userErrors).toHaveLength(1);
    expect(conflicted.userErrors[0]).toMatchObject({ code: 'CONFLICT_OF_INTEREST', field: ['input', 'memberIds', '0'] });
    expect(conflicted.userErrors[0]?.message).toMatch(/^Dana Former cannot sit on the team \(rule WORKED_THERE\): Worked for the organization until 2025-06-30/);

    const unregistered = await propose(lead, [noRecord]);
    expect(unregistered.userErrors).toEqual([
      {
        field: ['input', 'memberIds', '0'],
        code: 'EXPERT_NOT_ELIGIBLE',
        message: 'Farida Unregistered cannot sit on the team (rule NO_EXPERT_RECORD): Has no record in the register of certified experts, so cannot sit on a team.',
      },
    ]);

    const noEnglish = await propose(member, [twin]);
    expect(noEnglish.userErrors.map((e) => e.code)).toEqual(['TEAM_COMPOSITION']);
    expect(noEnglish.userErrors[0]?.message).toContain('LANGUAGE_NOT_COVERED');
    expect(noEnglish.userErrors[0]?.message).toContain('EN');

    const expired = await propose(lead, [expiring], { lastVisitDay: '2027-03-01' });
    expect(expired.userErrors[0]).toMatchObject({ code: 'EXPERT_NOT_ELIGIBLE', field: ['input', 'memberIds', '0'] });
    expect(expired.userErrors[0]?.message).toContain('CERTIFICATE_EXPIRES');

    const team = await propose(lead, [member]);
    expect(team.userErrors).toEqual([]);
    const approved = await director.query<{ caseApproveTeam: StepResult }>(
      `mutation ($input: CaseApproveTeamInput!) { caseApproveTeam(input: $input) { case { id version } userErrors { code message } } }`,
      { input: { caseId: caseGlobalId, expectedVersion: version, orderNumber: '21-П', orderDate: TODAY } },
    );
    expect(approved.data?.caseApproveTeam.userErrors).toEqual([]);
    version = approved.data?.caseApproveTeam.case?.version ?? version;
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'case.proposeTeam', subjectId: caseId }, orderBy: { sequence: 'desc' } });
    expect(audit?.after).toMatchObject({ lead: lead.id, members: [member.id], lastVisitDay: null });
  });

  it('flags a conflict declared later on the team and the Council seat, tells the coordinators and the secretary, and audits it', async () => {
    const FLAGS = `query ($number: String!) { case(number: $number) { team { status conflictFlags { seat name caseNumber teamApproved reasons { code message } } } } }`;
    const before = await coordinator.query<{ case: { team: { conflictFlags: unknown[] } } }>(FLAGS, { number: 'AC-TF-0001' });
    expect(before.data?.case.team.conflictFlags).toEqual([]);

    // A Council meeting with a case of another organization on its agenda.
    const councilOrganization = await prisma.organization.findUniqueOrThrow({ where: { bin: COUNCIL_BIN } });
    const framework = await prisma.standardFramework.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    const reviewed = await prisma.accreditationCase.create({
      data: { number: 'AC-TF-0002', organizationId: councilOrganization.id, frameworkId: framework.id, submittedAt: new Date('2026-03-01T04:00:00Z'), stage: 'COUNCIL_REVIEW' },
    });
    await prisma.councilMeeting.create({
      data: { heldOn: fromIsoDate('2026-12-10'), members: { create: [{ userId: councilMember.id }] }, agenda: { create: [{ caseId: reviewed.id }] } },
    });

    const DECLARE = `mutation ($bin: String!) { conflictOfInterestDeclare(input: { organizationBin: $bin, reason: "My brother teaches there." }) { conflictOfInterest { id } userErrors { code message } } }`;
    const declared = await member.query<{ conflictOfInterestDeclare: { userErrors: unknown[] } }>(DECLARE, { bin: BIN });
    expect(declared.data?.conflictOfInterestDeclare.userErrors).toEqual([]);
    const recused = await councilMember.query<{ conflictOfInterestDeclare: { userErrors: unknown[] } }>(DECLARE, { bin: COUNCIL_BIN });
    expect(recused.data?.conflictOfInterestDeclare.userErrors).toEqual([]);

    const after = await coordinator.query<{ case: { team: { status: string; conflictFlags: { seat: string; name: string; teamApproved: boolean; reasons: Reason[] }[] } } }>(FLAGS, {
      number: 'AC-TF-0001',
    });
    expect(after.data?.case.team.status).toBe('APPROVED');
    expect(after.data?.case.team.conflictFlags).toEqual([
      {
        seat: 'TEAM_MEMBER',
        name: 'Bolat Member',
        caseNumber: 'AC-TF-0001',
        teamApproved: true,
        reasons: [{ code: 'DECLARED_CONFLICT', message: 'Declared a conflict of interest with the organization.' }],
      },
    ]);

    const COUNCIL = `{ councilMeetings { members { displayName conflictFlags { seat caseNumber reasons { code } } } } }`;
    const council = await secretary.query<{ councilMeetings: { members: { displayName: string; conflictFlags: unknown[] }[] }[] }>(COUNCIL);
    const seat = council.data?.councilMeetings.flatMap((m) => m.members).find((m) => m.displayName === councilMember.displayName);
    expect(seat?.conflictFlags).toEqual([{ seat: 'COUNCIL_MEMBER', caseNumber: 'AC-TF-0002', reasons: [{ code: 'DECLARED_CONFLICT' }] }]);

    const OPEN = `{ conflictsAffectingOpenCases { seat name caseNumber case { number } meeting { heldOn } reasons { code } } }`;
    const open = await director.query<{ conflictsAffectingOpenCases: unknown[] }>(OPEN);
    expect(open.data?.conflictsAffectingOpenCases).toEqual([
      { seat: 'TEAM_MEMBER', name: 'Bolat Member', caseNumber: 'AC-TF-0001', case: { number: 'AC-TF-0001' }, meeting: null, reasons: [{ code: 'DECLARED_CONFLICT' }] },
      { seat: 'COUNCIL_MEMBER', name: councilMember.displayName, caseNumber: 'AC-TF-0002', case: { number: 'AC-TF-0002' }, meeting: { heldOn: '2026-12-10' }, reasons: [{ code: 'DECLARED_CONFLICT' }] },
    ]);
    const hidden = await representative.query(`{ conflictsAffectingOpenCases { name } }`);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const notices = await prisma.notification.findMany({ where: { kind: 'conflictOfInterest.seatsFlagged' }, orderBy: { createdAt: 'asc' } });
    const told = (caseNumber: string) => new Set(notices.filter((n) => n.subject.includes(caseNumber)).map((n) => n.userId));
    expect(told('AC-TF-0001')).toEqual(new Set([coordinator.id]));
    expect(told('AC-TF-0002')).toEqual(new Set([coordinator.id, secretary.id]));
    expect(notices.every((n) => !n.body.includes('brother'))).toBe(true);
    expect(notices.find((n) => n.subject.includes('AC-TF-0001'))?.body).toContain('approved expert team');
    const flagged = await prisma.auditEvent.findMany({ where: { action: 'conflictOfInterest.flagSeats' }, orderBy: { sequence: 'asc' } });
    expect(flagged.map((e) => e.after)).toEqual([
      expect.objectContaining({ userId: member.id, seats: [expect.objectContaining({ caseNumber: 'AC-TF-0001', kind: 'TEAM_MEMBER', rules: ['DECLARED_CONFLICT'] })] }),
      expect.objectContaining({ userId: councilMember.id, seats: [expect.objectContaining({ caseNumber: 'AC-TF-0002', kind: 'COUNCIL_MEMBER' })] }),
    ]);

    // A family link recorded later, outside any declaration, shows at once too.
    const leadExpert = await prisma.expert.findUniqueOrThrow({ where: { userId: lead.id } });
    await prisma.expertFamilyLink.create({ data: { expertId: leadExpert.id, organizationId, description: 'Sister is the deputy director' } });
    const withLink = await coordinator.query<{ case: { team: { conflictFlags: { seat: string; reasons: Reason[] }[] } } }>(FLAGS, { number: 'AC-TF-0001' });
    expect(withLink.data?.case.team.conflictFlags.map((f) => [f.seat, f.reasons.map((r) => r.code)])).toEqual([
      ['TEAM_LEAD', ['FAMILY_LINK']],
      ['TEAM_MEMBER', ['DECLARED_CONFLICT']],
    ]);
    await prisma.expertFamilyLink.deleteMany({ where: { expertId: leadExpert.id } });

    const forExpert = await lead.query(FLAGS, { number: 'AC-TF-0001' });
    expect(forExpert.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  it('refuses a visit on days a member of the team visits for another case', async () => {
    const other = await prisma.organization.findUniqueOrThrow({ where: { bin: OTHER_BIN } });
    const framework = await prisma.standardFramework.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    await prisma.accreditationCase.create({
      data: {
        number: 'AC-TF-0003',
        organizationId: other.id,
        frameworkId: framework.id,
        submittedAt: new Date('2026-06-01T04:00:00Z'),
        stage: 'PRELIMINARY_VISIT',
        preliminaryVisitFrom: fromIsoDate('2026-12-08'),
        preliminaryVisitTo: fromIsoDate('2026-12-10'),
        team: { create: { status: 'APPROVED', orderNumber: '20-П', orderDate: fromIsoDate('2026-11-20'), members: { create: [{ userId: lead.id, role: 'LEAD' }] } } },
      },
    });
    const moved = await prisma.accreditationCase.update({ where: { id: caseId }, data: { stage: 'PRELIMINARY_ASSESSMENT' } });
    const SCHEDULE = `mutation ($input: CaseScheduleVisitInput!) { caseSchedulePreliminaryVisit(input: $input) { case { stage } userErrors { field code message } } }`;
    const clash = await coordinator.query<{ caseSchedulePreliminaryVisit: StepResult }>(SCHEDULE, {
      input: { caseId: caseGlobalId, expectedVersion: moved.version, from: '2026-12-09', to: '2026-12-11' },
    });
    // Every rule is checked again for the visit: the lead's other visit, and the conflict Bolat declared after the approval.
    expect(clash.data?.caseSchedulePreliminaryVisit.userErrors).toEqual([
      {
        field: ['input', 'from'],
        code: 'EXPERT_NOT_ELIGIBLE',
        message:
          'The team cannot make this visit: Aruzhan Lead breaks rule OVERLAPPING_VISIT: Is on the approved team of case AC-TF-0003, visiting 2026-12-08 to 2026-12-10, overlapping 2026-12-09 to 2026-12-11. Choose days that do not overlap.',
      },
      {
        field: null,
        code: 'CONFLICT_OF_INTEREST',
        message:
          'The team cannot make this visit: Bolat Member breaks rule DECLARED_CONFLICT: Declared a conflict of interest with the organization. Propose a changed team; it needs a new order.',
      },
    ]);
    const free = await coordinator.query<{ caseSchedulePreliminaryVisit: StepResult }>(SCHEDULE, {
      input: { caseId: caseGlobalId, expectedVersion: moved.version, from: '2026-12-21', to: '2026-12-23' },
    });
    expect(free.data?.caseSchedulePreliminaryVisit.userErrors.map((e) => e.code)).toEqual(['CONFLICT_OF_INTEREST']);
    expect(free.data?.caseSchedulePreliminaryVisit.case).toBeNull();

    // The other case's visit now also weighs on the lead's workload this year.
    const ranked = await coordinator.query<CandidatesData>(CANDIDATES, { caseId: caseGlobalId });
    const aruzhan = ranked.data?.expertTeamCandidates?.candidates.find((c) => c.name === 'Aruzhan Lead');
    expect(aruzhan?.reasons.find((r) => r.code === 'WORKLOAD')).toMatchObject({ points: -10 });
  });
});
