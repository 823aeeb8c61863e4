// An API token acts with at most its scopes AND its owner's roles, on cases too: reading
// cases needs READ_CASES, taking a step needs WRITE_CASES. Over HTTP, on each database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';

const kinds = await testDatabaseKinds();
const BIN = '999900000022'; // a seeded campus without cases
const APPLY = `mutation ($input: CaseApplyInput!) { caseApply(input: $input) { case { id number version } userErrors { field code message } } }`;
const REGISTER = `mutation ($input: CaseStepInput!) { caseRegister(input: $input) { case { stage } userErrors { code message } } }`;
const CASES = `{ cases { totalCount nodes { number } } }`;

interface ApplyResult {
  caseApply: { case: { id: string; number: string; version: number } | null; userErrors: { field: string[] | null; code: string; message: string }[] };
}

describe.each(kinds)('API-token scopes on cases on %s', (kind) => {
  let api: TestApi;
  let coordinator: TestUser;
  const tokenWith = async (scopes: string[]) => {
    const created = await coordinator.query<{ apiTokenCreate: { token: string } }>(
      `mutation ($scopes: [ApiTokenScope!]!) { apiTokenCreate(input: { name: "Case tool", scopes: $scopes }) { token } }`,
      { scopes },
    );
    return created.data?.apiTokenCreate.token ?? '';
  };

  beforeAll(async () => {
    api = await startTestApi({ kind });
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
  });
  afterAll(() => api?.stop());

  it('refuses a READ_REGISTER-only token every case step and every case read, naming the missing scope', async () => {
    // A case exists, so an empty answer would be a leak-free but silent denial: we want an explicit one.
    const seeded = await api.db.prisma.accreditationCase.count();
    expect(seeded).toBeGreaterThan(0);
    const token = await tokenWith(['READ_REGISTER']);

    const applied = await api.query<ApplyResult>(APPLY, { input: { organizationBin: BIN } }, { token });
    expect(applied.data?.caseApply.case).toBeNull();
    expect(applied.data?.caseApply.userErrors).toEqual([{ field: null, code: 'FORBIDDEN', message: expect.stringContaining('WRITE_CASES') }]);
    expect(await api.db.prisma.accreditationCase.count({ where: { organization: { bin: BIN } } })).toBe(0);

    // A case the owner (signed in) applied for: the token may still not take its next step.
    const bySession = await coordinator.query<ApplyResult>(APPLY, { input: { organizationBin: '999900000072' } });
    const open = bySession.data?.caseApply.case;
    expect(open?.version).toBe(1);
    const registered = await api.query<{ caseRegister: { userErrors: { code: string; message: string }[] } }>(
      REGISTER,
      { input: { caseId: open?.id, expectedVersion: 1 } },
      { token },
    );
    expect(registered.data?.caseRegister.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('WRITE_CASES') });
    expect((await api.db.prisma.accreditationCase.findUniqueOrThrow({ where: { number: open?.number } })).stage).toBe('APPLICATION_SUBMITTED');

    const listed = await api.query(CASES, {}, { token });
    expect(listed.data).toBeNull();
    expect(listed.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', scope: 'READ_CASES' }, message: expect.stringContaining('READ_CASES') });
    const one = await api.query(`{ case(number: "${(await api.db.prisma.accreditationCase.findFirstOrThrow()).number}") { number } }`, {}, { token });
    expect(one.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Through node(id:) the case is simply not there for this token.
    const anyId = Buffer.from(`AccreditationCase:${(await api.db.prisma.accreditationCase.findFirstOrThrow()).id}`).toString('base64');
    const node = await api.query<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: anyId }, { token });
    expect(node.data?.node).toBeNull();
  });

  it('lets a token with READ_CASES and WRITE_CASES act as its owner’s roles allow, and read the cases', async () => {
    const token = await tokenWith(['READ_CASES', 'WRITE_CASES']);
    const applied = await api.query<ApplyResult>(APPLY, { input: { organizationBin: BIN } }, { token });
    expect(applied.data?.caseApply.userErrors).toEqual([]);
    const created = applied.data?.caseApply.case;
    expect(created?.version).toBe(1);
    const registered = await api.query<{ caseRegister: { case: { stage: string }; userErrors: unknown[] } }>(
      REGISTER,
      { input: { caseId: created?.id, expectedVersion: 1 } },
      { token },
    );
    expect(registered.data?.caseRegister).toEqual({ case: { stage: 'REGISTERED' }, userErrors: [] });

    const listed = await api.query<{ cases: { totalCount: number; nodes: { number: string }[] } }>(CASES, {}, { token });
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.cases.nodes.map((c) => c.number)).toContain(created?.number);

    // The scopes never widen the roles: a representative's token still cannot register.
    const organization = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: BIN } });
    const rep = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: organization.id });
    const repToken = (
      await rep.query<{ apiTokenCreate: { token: string } }>(`mutation { apiTokenCreate(input: { name: "School tool", scopes: [READ_CASES, WRITE_CASES] }) { token } }`)
    ).data?.apiTokenCreate.token;
    const byRep = await api.query<{ caseStartSelfAssessment: { userErrors: { code: string }[] } }>(
      `mutation ($input: CaseStepInput!) { caseStartSelfAssessment(input: $input) { userErrors { code } } }`,
      { input: { caseId: created?.id, expectedVersion: 2 } },
      { token: repToken },
    );
    expect(byRep.data?.caseStartSelfAssessment.userErrors).toEqual([]);
    const tooFar = await api.query<{ caseRegister: { userErrors: { code: string }[] } }>(REGISTER, { input: { caseId: created?.id, expectedVersion: 3 } }, { token: repToken });
    expect(tooFar.data?.caseRegister.userErrors[0]?.code).toBe('FORBIDDEN');
  });

  it('lets a WRITE_CASES-only token take steps and see each step’s result, but not read the cases', async () => {
    const token = await tokenWith(['WRITE_CASES']);
    const organization = await api.db.prisma.organization.findUniqueOrThrow({ where: { bin: '999900000062' } });
    const applied = await api.query<ApplyResult>(APPLY, { input: { organizationBin: organization.bin } }, { token });
    // The step succeeded, so its payload shows the case: no FORBIDDEN that would make a client retry.
    expect(applied.errors).toBeUndefined();
    expect(applied.data?.caseApply).toMatchObject({ case: { version: 1 }, userErrors: [] });
    expect(await api.db.prisma.accreditationCase.count({ where: { organizationId: organization.id } })).toBe(1);
    const registered = await api.query<{ caseRegister: { case: { stage: string } | null; userErrors: unknown[] } }>(
      REGISTER,
      { input: { caseId: applied.data?.caseApply.case?.id, expectedVersion: 1 } },
      { token },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.caseRegister).toEqual({ case: { stage: 'REGISTERED' }, userErrors: [] });
    // A refused step shows nothing, and reading stays closed.
    const again = await api.query<{ caseRegister: { case: unknown; userErrors: { code: string }[] } }>(
      REGISTER,
      { input: { caseId: applied.data?.caseApply.case?.id, expectedVersion: 2 } },
      { token },
    );
    expect(again.data?.caseRegister.case).toBeNull();
    expect(again.data?.caseRegister.userErrors[0]?.code).toBeDefined();
    const listed = await api.query(CASES, {}, { token });
    expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const node = await api.query<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: applied.data?.caseApply.case?.id }, { token });
    expect(node.data?.node).toBeNull();
  });
});
