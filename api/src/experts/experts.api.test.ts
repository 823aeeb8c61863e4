// Expert records, certification and the public register over HTTP, on every test database:
// who may change what, the IIN kept out of errors and the audit trail, optimistic
// concurrency, and the register showing only certified, valid experts and only the allowed fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

interface ExpertView {
  id: string;
  status: string;
  version: number;
  certificateNumber: string | null;
  isOnPublicRegister: boolean;
}

interface ExpertPayload {
  expert: ExpertView | null;
  userErrors: UserErrorView[];
}

interface RegisterEntry {
  name: { kk: string | null; ru: string | null; en: string | null };
  certificateNumber: string;
  validUntil: string;
  specialisations: { levels: string[]; subjectAreas: string[] };
  languages: string[];
}

const payloadFields = 'expert { id status version certificateNumber isOnPublicRegister } userErrors { field code message }';
const REGISTER_QUERY = /* GraphQL */ `
  query ($filter: CertifiedExpertFilter, $first: Int, $after: String) {
    certifiedExperts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { name { kk ru en } certificateNumber validUntil specialisations { levels subjectAreas } languages }
    }
  }
`;

/** The n-th valid IIN of a series no person has (birth date 99-12-31, century digit 0). */
function iinNumber(n: number): string {
  for (let serial = n * 7; ; serial += 1) {
    const iin = completeIin(`9912310${String(serial).padStart(4, '0')}`);
    if (iin) return iin;
  }
}

/** An IIN with the check digit wrong. */
function badIin(n: number): string {
  const good = iinNumber(n);
  return `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
}

describe.each(kinds)('expert records, certification and the public register on %s', (kind) => {
  let api: TestApi;
  let coordinator: TestUser;
  let admin: TestUser;
  let councilMember: TestUser;
  let expertUser: TestUser;
  let otherExpertUser: TestUser;
  let candidate: ExpertView;

  async function mutate(user: TestUser, mutation: string, inputType: string, input: Record<string, unknown>): Promise<ExpertPayload> {
    const result = await user.query<Record<string, ExpertPayload>>(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${payloadFields} } }`, { input });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const payload = result.data?.[mutation];
    if (!payload) throw new Error(`no payload for ${mutation}`);
    return payload;
  }

  const ok = (payload: ExpertPayload): ExpertView => {
    expect(payload.userErrors).toEqual([]);
    if (!payload.expert) throw new Error('no expert in the payload');
    return payload.expert;
  };

  const recordInput = (n: number, extra: Record<string, unknown> = {}) => ({
    nameKk: `Сарапшы ${n}`,
    nameRu: `Эксперт ${n}`,
    nameEn: `Expert ${n}`,
    iin: iinNumber(n),
    email: `expert${n}@example.kz`,
    phone: '+7 701 000 00 00',
    languages: ['KK', 'RU'],
    levels: ['SECONDARY'],
    subjectAreas: ['Mathematics', 'school governance'],
    regionCode: '35',
    city: 'Karaganda',
    ...extra,
  });

  async function register(filter: Record<string, unknown> = {}, first = 100, after: string | null = null) {
    const result = await api.query<{ certifiedExperts: { totalCount: number; nodes: RegisterEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      REGISTER_QUERY,
      { filter, first, after },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    if (!result.data) throw new Error('no data');
    return result.data.certifiedExperts;
  }

  beforeAll(async () => {
    api = await startTestApi({ kind, now: testNow });
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    admin = await createTestUser(api, { roles: ['ADMIN'] });
    councilMember = await createTestUser(api, { roles: ['COUNCIL_MEMBER'] });
    expertUser = await createTestUser(api, { roles: ['EXPERT'] });
    otherExpertUser = await createTestUser(api, { roles: ['EXPERT'] });
  });
  afterAll(() => api?.stop());

  it('lists the seeded certified demonstration experts on the public register, with only the allowed fields', async () => {
    const page = await register();
    expect(page.totalCount).toBe(40);
    expect(page.nodes.every((entry) => entry.certificateNumber.startsWith('DEMO-') && entry.validUntil >= '2026-12-03')).toBe(true);
    const first = page.nodes[0];
    expect(first && Object.keys(first).sort()).toEqual(['certificateNumber', 'languages', 'name', 'specialisations', 'validUntil']);
    expect(first?.name.kk && first.name.ru && first.name.en).toBeTruthy();
    // A private field cannot even be asked for.
    const probe = await api.query(`{ certifiedExperts(first: 1) { nodes { certificateNumber iin email phone } } }`);
    expect(probe.data).toBeUndefined();
    expect(probe.errors?.map((e) => e.message).join(' ')).toMatch(/Cannot query field "iin" on type "CertifiedExpert"/);
    // Pages: 1 to 100, never clamped.
    const tooMany = await api.query(`{ certifiedExperts(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Cursors walk the whole register, 15 at a time.
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const slice = await register({}, 15, after);
      seen.push(...slice.nodes.map((entry) => entry.certificateNumber));
      after = slice.pageInfo.hasNextPage ? slice.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(page.nodes.map((entry) => entry.certificateNumber));
  });

  it('filters the register by language, level, subject area, region and words of the name', async () => {
    const all = (await register()).nodes;
    for (const language of ['KK', 'RU', 'EN']) {
      const expected = all.filter((entry) => entry.languages.includes(language)).length;
      expect((await register({ language })).totalCount).toBe(expected);
    }
    for (const level of ['SECONDARY', 'TECHNICAL_VOCATIONAL', 'POST_SECONDARY']) {
      const expected = all.filter((entry) => entry.specialisations.levels.includes(level)).length;
      expect((await register({ level })).totalCount).toBe(expected);
    }
    const subject = all[0]?.specialisations.subjectAreas[0] ?? '';
    const bySubject = await register({ subjectArea: subject.toUpperCase() });
    expect(bySubject.totalCount).toBe(all.filter((entry) => entry.specialisations.subjectAreas.includes(subject)).length);
    const surname = (all[0]?.name.ru ?? '').split(' ')[0] ?? '';
    const bySearch = await register({ search: surname.toLowerCase() });
    expect(bySearch.nodes.every((entry) => entry.name.ru?.includes(surname))).toBe(true);
    expect(bySearch.totalCount).toBeGreaterThan(0);
    const regions = await api.db.prisma.expert.groupBy({ by: ['regionId'], _count: true, where: { status: 'CERTIFIED' } });
    const busiest = regions.sort((a, b) => b._count - a._count)[0];
    const region = await api.db.prisma.region.findUniqueOrThrow({ where: { id: busiest?.regionId ?? '' } });
    expect((await register({ regionCode: region.code })).totalCount).toBe(busiest?._count);
    const combined = await register({ language: 'EN', level: 'SECONDARY' });
    expect(combined.totalCount).toBe(all.filter((e) => e.languages.includes('EN') && e.specialisations.levels.includes('SECONDARY')).length);
  });

  it('lets only a COORDINATOR or an ADMIN create a record', async () => {
    const byExpert = await mutate(expertUser, 'expertCreate', 'ExpertCreateInput', recordInput(1));
    expect(byExpert.userErrors[0]?.code).toBe('FORBIDDEN');
    const byCouncil = await mutate(councilMember, 'expertCreate', 'ExpertCreateInput', recordInput(1));
    expect(byCouncil.userErrors[0]?.code).toBe('FORBIDDEN');
    const anonymous = await api.query(`mutation ($input: ExpertCreateInput!) { expertCreate(input: $input) { userErrors { code } } }`, { input: recordInput(1) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    candidate = ok(await mutate(coordinator, 'expertCreate', 'ExpertCreateInput', recordInput(1)));
    expect(candidate).toMatchObject({ status: 'CANDIDATE', version: 1, isOnPublicRegister: false });
    const stored = await api.db.prisma.expert.findUniqueOrThrow({ where: { iin: iinNumber(1) } });
    expect(stored).toMatchObject({ subjectAreas: ['mathematics', 'school-governance'], phone: '+77010000000', email: 'expert1@example.kz' });
  });

  it('refuses an invalid IIN without repeating it, anywhere in the answer', async () => {
    for (const iin of [badIin(2), '12345', `${iinNumber(2).slice(0, 6)} ${iinNumber(2).slice(6)}x`]) {
      const response = await coordinator.query<{ expertCreate: ExpertPayload }>(
        `mutation ($input: ExpertCreateInput!) { expertCreate(input: $input) { ${payloadFields} } }`,
        { input: recordInput(2, { iin }) },
      );
      const error = response.data?.expertCreate.userErrors[0];
      expect(error).toMatchObject({ field: ['input', 'iin'], code: 'INVALID' });
      expect(error?.message).toMatch(/IIN is not valid/);
      const text = JSON.stringify(response);
      expect(text).not.toContain(iin);
      expect(text).not.toContain(iin.replace(/\D/g, ''));
      expect(text).not.toContain(iinNumber(2).slice(0, 11));
    }
    // The same for expertUpdate, and for an IIN already on another record.
    const update = await mutate(coordinator, 'expertUpdate', 'ExpertUpdateInput', { expertId: candidate.id, expectedVersion: candidate.version, iin: badIin(3) });
    expect(update.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'iin'] });
    expect(JSON.stringify(update)).not.toContain(badIin(3));
    const duplicate = await mutate(coordinator, 'expertCreate', 'ExpertCreateInput', recordInput(4, { iin: iinNumber(1) }));
    expect(duplicate.userErrors[0]).toMatchObject({ code: 'ALREADY_EXISTS', field: ['input', 'iin'] });
    expect(JSON.stringify(duplicate)).not.toContain(iinNumber(1));
    // Contacts are not echoed either.
    const email = await mutate(coordinator, 'expertCreate', 'ExpertCreateInput', recordInput(5, { email: 'not-an-address', phone: '12' }));
    expect(email.userErrors.map((e) => e.field?.[1])).toEqual(['email', 'phone']);
    expect(JSON.stringify(email)).not.toContain('not-an-address');
    expect(await api.db.prisma.expert.count({ where: { iin: { in: [iinNumber(4), iinNumber(5)] } } })).toBe(0);
  });

  it('shows staff the masked IIN and only an ADMIN the full one; the public nothing of the record', async () => {
    const query = `query ($id: ID!) { node(id: $id) { ... on Expert { iinMasked email status } } }`;
    const staff = await councilMember.query<{ node: { iinMasked: string; email: string } }>(query, { id: candidate.id });
    expect(staff.data?.node).toMatchObject({ iinMasked: `********${iinNumber(1).slice(-4)}`, email: 'expert1@example.kz' });
    const full = `query ($id: ID!) { node(id: $id) { ... on Expert { iin } } }`;
    expect((await admin.query<{ node: { iin: string } }>(full, { id: candidate.id })).data?.node.iin).toBe(iinNumber(1));
    const refused = await coordinator.query(full, { id: candidate.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(refused)).not.toContain(iinNumber(1));
    const anonymous = await api.query(query, { id: candidate.id });
    expect(JSON.stringify(anonymous.data ?? {})).not.toContain('expert1@example.kz');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const otherExpert = await expertUser.query(query, { id: candidate.id });
    expect(otherExpert.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await expertUser.query(`{ experts(first: 5) { totalCount } }`);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staffList = await councilMember.query<{ experts: { totalCount: number } }>(`{ experts(first: 5, filter: { status: CANDIDATE }) { totalCount } }`);
    expect(staffList.data?.experts.totalCount).toBe(1);
  });

  it('keeps the history: employment, family links, the account and declared conflicts', async () => {
    const campus = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: '999900000012' } });
    ok(await mutate(coordinator, 'expertEmploymentAdd', 'ExpertEmploymentAddInput', { expertId: candidate.id, organizationBin: campus.bin, position: 'учитель', from: '2015-09-01', to: '2022-06-30' }));
    ok(await mutate(coordinator, 'expertEmploymentAdd', 'ExpertEmploymentAddInput', { expertId: candidate.id, employerName: 'Школа-гимназия № 5', from: '2022-09-01' }));
    const backwards = await mutate(coordinator, 'expertEmploymentAdd', 'ExpertEmploymentAddInput', { expertId: candidate.id, employerName: 'X', from: '2022-09-01', to: '2021-01-01' });
    expect(backwards.userErrors[0]).toMatchObject({ field: ['input', 'to'], code: 'INVALID' });
    ok(await mutate(coordinator, 'expertFamilyLinkAdd', 'ExpertFamilyLinkAddInput', { expertId: candidate.id, organizationBin: '999900000032', description: 'Супруга работает в школе' }));
    const again = await mutate(coordinator, 'expertFamilyLinkAdd', 'ExpertFamilyLinkAddInput', { expertId: candidate.id, organizationBin: '999900000032', description: 'Ещё раз' });
    expect(again.userErrors[0]?.code).toBe('ALREADY_EXISTS');

    const linked = ok(await mutate(coordinator, 'expertLinkUser', 'ExpertLinkUserInput', { expertId: candidate.id, expectedVersion: candidate.version, userId: globalId('User', expertUser.id) }));
    expect(linked.version).toBe(candidate.version + 1);
    candidate = linked;
    const notExpert = await mutate(coordinator, 'expertLinkUser', 'ExpertLinkUserInput', { expertId: candidate.id, expectedVersion: candidate.version, userId: globalId('User', councilMember.id) });
    expect(notExpert.userErrors[0]?.code).toBe('INVALID');
    await api.db.prisma.conflictOfInterest.create({ data: { userId: expertUser.id, organizationId: campus.id, reason: 'Taught there until 2022' } });

    const view = await coordinator.query<{
      node: { employments: { employerName: string; organization: { bin: string } | null; isCurrent: boolean }[]; familyLinks: { organization: { bin: string } }[]; declaredConflicts: { reason: string }[]; user: { id: string } };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Expert {
        employments { employerName organization { bin } isCurrent }
        familyLinks { organization { bin } }
        declaredConflicts { reason }
        user { id }
      } } }`,
      { id: candidate.id },
    );
    expect(view.errors).toBeUndefined();
    expect(view.data?.node.employments).toEqual([
      { employerName: 'Школа-гимназия № 5', organization: null, isCurrent: true },
      { employerName: campus.nameRu, organization: { bin: campus.bin }, isCurrent: false },
    ]);
    expect(view.data?.node.familyLinks).toEqual([{ organization: { bin: '999900000032' } }]);
    expect(view.data?.node.declaredConflicts).toEqual([{ reason: 'Taught there until 2022' }]);
    expect(view.data?.node.user.id).toBe(globalId('User', expertUser.id));
    // The expert reads their own record.
    const own = await expertUser.query<{ myExpertRecord: { iinMasked: string } }>(`{ myExpertRecord { iinMasked } }`);
    expect(own.data?.myExpertRecord.iinMasked).toMatch(/^\*{8}\d{4}$/);
  });

  it('walks certification with optimistic concurrency, and the register follows', async () => {
    const step = (mutation: string, inputType: string, extra: Record<string, unknown> = {}, user = coordinator) =>
      mutate(user, mutation, inputType, { expertId: candidate.id, expectedVersion: candidate.version, ...extra });
    const stale = await mutate(coordinator, 'expertStartTraining', 'ExpertCertificationStepInput', { expertId: candidate.id, expectedVersion: candidate.version - 1 });
    expect(stale.userErrors[0]).toMatchObject({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] });
    expect((await step('expertStartTraining', 'ExpertCertificationStepInput', {}, expertUser)).userErrors[0]?.code).toBe('FORBIDDEN');
    expect((await step('expertCertify', 'ExpertCertifyInput', { certificateNumber: 'KZA-1', issuedOn: '2026-12-01', validUntil: '2029-11-30' })).userErrors[0]?.code).toBe('INVALID_TRANSITION');

    candidate = ok(await step('expertStartTraining', 'ExpertCertificationStepInput'));
    candidate = ok(await step('expertRecordAssessment', 'ExpertRecordAssessmentInput', { score: 55, assessedOn: '2026-11-20' }));
    expect(candidate.status).toBe('IN_TRAINING');
    candidate = ok(await step('expertRecordAssessment', 'ExpertRecordAssessmentInput', { score: 88, passMark: 75, assessedOn: '2026-11-27' }));
    expect(candidate.status).toBe('ASSESSED');
    const noEthics = await step('expertCertify', 'ExpertCertifyInput', { certificateNumber: 'KZA-E-2026-0001', issuedOn: '2026-12-01', validUntil: '2029-11-30' });
    expect(noEthics.userErrors[0]).toMatchObject({ code: 'GUARD_FAILED' });
    expect(noEthics.userErrors[0]?.message).toContain('ethics code');

    // Another expert cannot acknowledge for them; the expert does, without knowing the version.
    const forOther = await mutate(otherExpertUser, 'expertAcknowledgeEthics', 'ExpertAcknowledgeEthicsInput', { expertId: candidate.id, version: '2025.1' });
    expect(forOther.userErrors[0]?.code).toMatch(/FORBIDDEN|REQUIRED/);
    // An acknowledgement of an older version of the code does not count: the one in force (KZA_ETHICS_CODE_VERSION, default 2025.1) does.
    candidate = ok(await mutate(expertUser, 'expertAcknowledgeEthics', 'ExpertAcknowledgeEthicsInput', { version: '2024.1' }));
    const oldEthics = await step('expertCertify', 'ExpertCertifyInput', { certificateNumber: 'KZA-E-2026-0001', issuedOn: '2026-12-01', validUntil: '2029-11-30' });
    expect(oldEthics.userErrors).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', field: null })]);
    expect(oldEthics.userErrors[0]?.message).toContain('2024.1');
    expect(oldEthics.userErrors[0]?.message).toContain('version in force, 2025.1');
    candidate = ok(await mutate(expertUser, 'expertAcknowledgeEthics', 'ExpertAcknowledgeEthicsInput', { version: '2025.1' }));

    const demoNumber = await step('expertCertify', 'ExpertCertifyInput', { certificateNumber: 'DEMO-E-1', issuedOn: '2026-12-01', validUntil: '2029-11-30' });
    expect(demoNumber.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'certificateNumber'] });
    const taken = await step('expertCertify', 'ExpertCertifyInput', { certificateNumber: 'demo-e-2025-0001', issuedOn: '2026-12-01', validUntil: '2029-11-30' });
    expect(taken.userErrors[0]?.field).toEqual(['input', 'certificateNumber']);
    candidate = ok(await step('expertCertify', 'ExpertCertifyInput', { certificateNumber: 'KZA-E-2026-0001', issuedOn: '2026-12-01', validUntil: '2029-11-30' }));
    expect(candidate).toMatchObject({ status: 'CERTIFIED', certificateNumber: 'KZA-E-2026-0001', isOnPublicRegister: true });
    const listed = await register({ search: 'KZA-E-2026' });
    expect(listed.nodes).toEqual([
      { name: { kk: 'Сарапшы 1', ru: 'Эксперт 1', en: 'Expert 1' }, certificateNumber: 'KZA-E-2026-0001', validUntil: '2029-11-30', specialisations: { levels: ['SECONDARY'], subjectAreas: ['mathematics', 'school-governance'] }, languages: ['KK', 'RU'] },
    ]);

    const noReason = await step('expertSuspend', 'ExpertSuspendInput', { reason: 'no' });
    expect(noReason.userErrors[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'reason'] });
    candidate = ok(await step('expertSuspend', 'ExpertSuspendInput', { reason: 'Did not declare a conflict of interest' }));
    expect(candidate).toMatchObject({ status: 'SUSPENDED', isOnPublicRegister: false });
    expect((await register({ search: 'KZA-E-2026' })).totalCount).toBe(0);
    const early = await step('expertExpire', 'ExpertCertificationStepInput');
    expect(early.userErrors[0]?.code).toBe('GUARD_FAILED');
    candidate = ok(await step('expertReinstate', 'ExpertCertificationStepInput'));
    // A new version of the code comes into force: renewal waits for its acknowledgement.
    process.env.KZA_ETHICS_CODE_VERSION = '2026.1';
    try {
      const unacknowledged = await step('expertRenewCertificate', 'ExpertRenewCertificateInput', { validUntil: '2030-11-30' });
      expect(unacknowledged.userErrors[0]?.message).toContain('version in force, 2026.1');
      candidate = ok(await mutate(expertUser, 'expertAcknowledgeEthics', 'ExpertAcknowledgeEthicsInput', { version: '2026.1' }));
      candidate = ok(await step('expertRenewCertificate', 'ExpertRenewCertificateInput', { validUntil: '2030-11-30' }));
    } finally {
      delete process.env.KZA_ETHICS_CODE_VERSION;
    }
    expect(candidate).toMatchObject({ status: 'CERTIFIED', certificateNumber: 'KZA-E-2026-0001' });
    expect((await register({ search: 'KZA-E-2026' })).nodes[0]?.validUntil).toBe('2030-11-30');
  });

  it('keeps experts off the register unless certified and valid today (Kazakhstan)', async () => {
    const region = await api.db.prisma.region.findUniqueOrThrow({ where: { code: '71' } });
    const base = { nameKk: 'Тест', nameRu: 'Тест', languages: ['KK' as const], levels: ['SECONDARY' as const], subjectAreas: ['physics'], regionId: region.id, city: 'Astana' };
    const rows: [string, 'CERTIFIED' | 'SUSPENDED' | 'EXPIRED' | 'ASSESSED', string | null][] = [
      ['REG-TODAY', 'CERTIFIED', '2026-12-03'],
      ['REG-LAPSED', 'CERTIFIED', '2026-12-02'],
      ['REG-SUSPENDED', 'SUSPENDED', '2028-01-01'],
      ['REG-EXPIRED', 'EXPIRED', '2026-01-01'],
      ['REG-ASSESSED', 'ASSESSED', null],
    ];
    for (const [index, [number, status, validUntil]] of rows.entries()) {
      await api.db.prisma.expert.create({
        data: { ...base, iin: iinNumber(100 + index), email: `r${index}@example.kz`, status, certificateNumber: number, certificateValidUntil: validUntil ? new Date(`${validUntil}T00:00:00Z`) : null },
      });
    }
    expect((await register({ search: 'REG-' })).nodes.map((entry) => entry.certificateNumber)).toEqual(['REG-TODAY']);
  });

  it('records every change in the audit trail without the IIN, e-mail address or phone', async () => {
    const events = await api.db.prisma.auditEvent.findMany({ where: { subjectType: 'Expert', subjectId: (await api.db.prisma.expert.findUniqueOrThrow({ where: { iin: iinNumber(1) } })).id } });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'expert.create',
        'expert.employment.add',
        'expert.familyLink.add',
        'expert.linkUser',
        'expert.certification.startTraining',
        'expert.certification.recordAssessment',
        'expert.ethics.acknowledge',
        'expert.certification.certify',
        'expert.certification.suspend',
        'expert.certification.reinstate',
        'expert.certification.renew',
      ]),
    );
    const text = JSON.stringify(events.map((event) => [event.before, event.after]));
    expect(text).not.toContain(iinNumber(1));
    expect(text).not.toContain('expert1@example.kz');
    expect(text).not.toContain('77010000000');
    const acknowledgement = events.find((event) => event.action === 'expert.ethics.acknowledge');
    expect(acknowledgement?.actorId).toBe(expertUser.id);
  });

  it('changes a record with expertUpdate, refusing a stale version and an empty change', async () => {
    const stale = await mutate(coordinator, 'expertUpdate', 'ExpertUpdateInput', { expertId: candidate.id, expectedVersion: 1, city: 'Astana' });
    expect(stale.userErrors[0]?.code).toBe('STALE_VERSION');
    const same = await mutate(coordinator, 'expertUpdate', 'ExpertUpdateInput', { expertId: candidate.id, expectedVersion: candidate.version, city: 'Karaganda' });
    expect(same.userErrors[0]?.code).toBe('INVALID');
    candidate = ok(await mutate(coordinator, 'expertUpdate', 'ExpertUpdateInput', { expertId: candidate.id, expectedVersion: candidate.version, city: 'Astana', regionCode: '71', phone: null, languages: ['KK', 'RU', 'EN'] }));
    const stored = await api.db.prisma.expert.findUniqueOrThrow({ where: { id: Buffer.from(candidate.id, 'base64').toString().split(':')[1] ?? '' }, include: { region: true } });
    expect(stored).toMatchObject({ city: 'Astana', phone: null, languages: ['KK', 'RU', 'EN'], region: { code: '71' } });
    const update = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'expert.update', subjectId: stored.id } });
    expect(update.after).toMatchObject({ city: 'Astana', phone: '(private)', regionCode: '71' });
  });
});
