// Accounts over HTTP, on PGlite and (when reachable) PostgreSQL: sign-in, access and API
// tokens, 401s, user administration, conflicts of interest, the audit trail.
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/trail.ts';
import { testBin } from '../testing/fixtures.ts';
import { createTestUser, startTestApi, testDatabaseKinds, TEST_PASSWORD, type TestApi, type TestUser } from '../testing/index.ts';
import { userIdsWithRole } from './users.ts';

const kinds = await testDatabaseKinds();

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(input: { email: $email, password: $password }) {
    accessToken expiresAt user { email roles } userErrors { field code message }
  }
}`;

const VIEWER = `{ viewer { id email displayName roles isActive organization { bin } } }`;

interface SignInData {
  signIn: {
    accessToken: string | null;
    expiresAt: string | null;
    user: { email: string; roles: string[] } | null;
    userErrors: { field: string[] | null; code: string; message: string }[];
  };
}

const START = new Date('2026-12-03T07:00:00.000Z');

describe.each(kinds)('accounts and tokens on %s', (kind) => {
  let api: TestApi;
  let clock = START;
  let admin: TestUser;
  let organizationBin: string;
  let organizationId: string;

  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  beforeAll(async () => {
    api = await startTestApi({ kind, seed: false, now: () => clock });
    const region = await api.db.prisma.region.create({
      data: { code: '71', kind: 'CITY', nameKk: 'Астана', nameRu: 'Астана', nameEn: 'Astana', centre: 'Astana' },
    });
    organizationBin = testBin(1);
    organizationId = (
      await api.db.prisma.organization.create({
        data: { bin: organizationBin, nameKk: 'Мектеп', nameRu: 'Школа', kind: 'SCHOOL', level: 'SECONDARY', regionId: region.id, city: 'Astana' },
      })
    ).id;
    admin = await createTestUser(api, { roles: ['ADMIN'], displayName: 'Admin' });
  });
  afterAll(() => api?.stop());

  const signIn = (email: string, password: string) => api.query<SignInData>(SIGN_IN, { email, password });

  it('signs in with e-mail (any case) and password, and the token identifies the user', async () => {
    const user = await createTestUser(api, { roles: ['COORDINATOR'] });
    const result = await signIn(`  ${user.email.toUpperCase()} `, TEST_PASSWORD);
    expect(result.errors).toBeUndefined();
    const payload = result.data?.signIn;
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.user).toEqual({ email: user.email, roles: ['COORDINATOR'] });
    expect(payload?.expiresAt).toBe(new Date(clock.getTime() + 3600_000).toISOString());
    const me = await api.query<{ viewer: { email: string; roles: string[] } }>(VIEWER, {}, { token: payload?.accessToken ?? '' });
    expect(me.data?.viewer).toMatchObject({ email: user.email, roles: ['COORDINATOR'] });
    expect((await api.query<{ viewer: null }>(VIEWER)).data?.viewer).toBeNull();
  });

  it('gives the same error for an unknown e-mail and a wrong password, and none to a deactivated user', async () => {
    const user = await createTestUser(api, { roles: ['EXPERT'] });
    const inactive = await createTestUser(api, { roles: ['EXPERT'], isActive: false });
    const wrongPassword = (await signIn(user.email, 'not the password at all')).data?.signIn;
    const unknownEmail = (await signIn('nobody@test.kza.kz', 'not the password at all')).data?.signIn;
    const deactivated = (await signIn(inactive.email, TEST_PASSWORD)).data?.signIn;
    expect(wrongPassword).toEqual({
      accessToken: null,
      expiresAt: null,
      user: null,
      userErrors: [{ field: null, code: 'INVALID_CREDENTIALS', message: expect.any(String) }],
    });
    expect(unknownEmail).toEqual(wrongPassword);
    expect(deactivated).toEqual(wrongPassword);
  });

  it('answers 401 UNAUTHENTICATED to an expired, tampered, foreign or malformed token, never serving it as public', async () => {
    const user = await createTestUser(api, { roles: ['EXPERT'] });
    const other = await createTestUser(api, { roles: ['ADMIN'] });
    const [header, payload, signature] = user.token.split('.') as [string, string, string];

    // Same signature over a payload claiming to be another user.
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: other.id })).toString('base64url');
    const foreignSecret = new TextEncoder().encode('a-secret-that-is-not-the-servers-secret-at-all');
    const foreign = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('kza').setSubject(user.id).setIssuedAt().setExpirationTime('1h').sign(foreignSecret);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const flipped = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;

    const cases: [string, Record<string, string>][] = [
      ['tampered payload', { authorization: `Bearer ${header}.${forged}.${signature}` }],
      ['tampered signature', { authorization: `Bearer ${flipped}` }],
      ['signed with another secret', { authorization: `Bearer ${foreign}` }],
      ['alg none', { authorization: `Bearer ${unsigned}` }],
      ['garbage', { authorization: 'Bearer not-a-token' }],
      ['unknown API token', { authorization: `Bearer kza_00000000_${'0'.repeat(64)}` }],
      ['malformed API token', { authorization: 'Bearer kza_short' }],
      ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['no token after Bearer', { authorization: 'Bearer' }],
    ];
    for (const [name, headers] of cases) {
      const response = await api.request(VIEWER, {}, { headers });
      expect([name, response.status]).toEqual([name, 401]);
      expect([name, response.body.errors?.[0]?.extensions?.code]).toEqual([name, 'UNAUTHENTICATED']);
      expect(response.body.data).toBeUndefined();
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }

    expect((await api.request(VIEWER, {}, { token: user.token })).status).toBe(200);
    const signedIn = (await signIn(user.email, TEST_PASSWORD)).data?.signIn.accessToken ?? '';
    advance(3600_000 + 1000);
    try {
      for (const token of [user.token, signedIn]) {
        const expired = await api.request(VIEWER, {}, { token });
        expect(expired.status).toBe(401);
        expect(expired.body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/expired/) });
      }
    } finally {
      clock = START;
    }
  });

  it('creates an API token shown once and stored hashed, which acts as its owner within its scopes and records its use', async () => {
    const owner = await createTestUser(api, { roles: ['COORDINATOR'] });
    const created = await owner.query<{
      apiTokenCreate: { token: string; apiToken: { id: string; name: string; prefix: string; scopes: string[]; lastUsedAt: null; revokedAt: null }; userErrors: unknown[] };
    }>(
      `mutation { apiTokenCreate(input: { name: "Ministry import", scopes: [READ_CASES, READ_REGISTER, READ_CASES] }) {
        token apiToken { id name prefix scopes lastUsedAt revokedAt } userErrors { field code message } } }`,
    );
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data?.apiTokenCreate ?? { token: '', apiToken: null };
    expect(token).toMatch(/^kza_[0-9a-f]{8}_[0-9a-f]{64}$/);
    expect(apiToken).toMatchObject({ name: 'Ministry import', scopes: ['READ_CASES', 'READ_REGISTER'], lastUsedAt: null, revokedAt: null });
    expect(token.startsWith(`kza_${apiToken?.prefix}_`)).toBe(true);

    const row = await api.db.prisma.apiToken.findFirstOrThrow({ where: { userId: owner.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token.slice(13));

    const asToken = await api.query<{ viewer: { email: string; roles: string[] } }>(VIEWER, {}, { token });
    expect(asToken.data?.viewer).toMatchObject({ email: owner.email, roles: ['COORDINATOR'] });
    const used = await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(used.lastUsedAt?.toISOString()).toBe(clock.toISOString());

    // Within a minute: no write. After it: recorded again.
    advance(30_000);
    await api.query(VIEWER, {}, { token });
    expect((await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt?.toISOString()).toBe(used.lastUsedAt?.toISOString());
    advance(31_000);
    await api.query(VIEWER, {}, { token });
    expect((await api.db.prisma.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt?.toISOString()).toBe(clock.toISOString());
    clock = START;

    const listed = await owner.query<{ myApiTokens: { name: string; prefix: string }[] }>(`{ myApiTokens { name prefix lastUsedAt } }`);
    expect(listed.data?.myApiTokens).toHaveLength(1);

    // An API token cannot mint more tokens or manage accounts.
    const minted = await api.query(`mutation { apiTokenCreate(input: { name: "x", scopes: [READ_CASES] }) { token } }`, {}, { token });
    expect(minted.errors?.[0]?.message).toMatch(/Not authorized/);
    expect(await api.db.prisma.apiToken.count({ where: { userId: owner.id } })).toBe(1);
  });

  it('stops a revoked API token at once, and refuses to revoke someone else’s', async () => {
    const owner = await createTestUser(api, { roles: ['EXPERT'] });
    const stranger = await createTestUser(api, { roles: ['EXPERT'] });
    const created = await owner.query<{ apiTokenCreate: { token: string; apiToken: { id: string } } }>(
      `mutation { apiTokenCreate(input: { name: "CI", scopes: [READ_REGISTER] }) { token apiToken { id } } }`,
    );
    const { token, apiToken } = created.data?.apiTokenCreate ?? { token: '', apiToken: { id: '' } };
    expect((await api.request(VIEWER, {}, { token })).status).toBe(200);

    const REVOKE = `mutation ($id: ID!) { apiTokenRevoke(input: { apiTokenId: $id }) { apiToken { revokedAt } userErrors { code } } }`;
    const denied = await stranger.query<{ apiTokenRevoke: { apiToken: null; userErrors: { code: string }[] } }>(REVOKE, { id: apiToken.id });
    expect(denied.data?.apiTokenRevoke).toEqual({ apiToken: null, userErrors: [{ code: 'NOT_FOUND' }] });
    expect((await api.request(VIEWER, {}, { token })).status).toBe(200);

    const revoked = await owner.query<{ apiTokenRevoke: { apiToken: { revokedAt: string }; userErrors: unknown[] } }>(REVOKE, { id: apiToken.id });
    expect(revoked.data?.apiTokenRevoke).toEqual({ apiToken: { revokedAt: clock.toISOString() }, userErrors: [] });
    const after = await api.request(VIEWER, {}, { token });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only an ADMIN create users, with the rules of a new account', async () => {
    const USER_CREATE = `mutation ($input: UserCreateInput!) {
      userCreate(input: $input) { user { email displayName roles organization { bin } } userErrors { field code message } }
    }`;
    const input = { email: 'New.Expert@Example.kz', displayName: 'New Expert', password: 'a long enough password', roles: ['EXPERT'] };
    const coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    for (const result of [await coordinator.query(USER_CREATE, { input }), await api.query(USER_CREATE, { input })]) {
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Not authorized/), path: ['userCreate'] });
    }
    expect(await api.db.prisma.user.count({ where: { email: 'new.expert@example.kz' } })).toBe(0);

    const created = await admin.query<{ userCreate: { user: unknown; userErrors: unknown[] } }>(USER_CREATE, { input });
    expect(created.data?.userCreate).toEqual({
      user: { email: 'new.expert@example.kz', displayName: 'New Expert', roles: ['EXPERT'], organization: null },
      userErrors: [],
    });
    const signedIn = await signIn('new.expert@example.kz', 'a long enough password');
    expect(signedIn.data?.signIn.userErrors).toEqual([]);

    const codes = async (overrides: Record<string, unknown>) => {
      const result = await admin.query<{ userCreate: { user: null; userErrors: { field: string[]; code: string }[] } }>(USER_CREATE, {
        input: { ...input, email: 'other@example.kz', ...overrides },
      });
      expect(result.data?.userCreate.user).toBeNull();
      return result.data?.userCreate.userErrors.map((error) => `${error.field.join('.')}:${error.code}`);
    };
    expect(await codes({ email: 'NEW.EXPERT@example.kz' })).toEqual(['input.email:ALREADY_EXISTS']);
    expect(await codes({ password: 'too short' })).toEqual(['input.password:INVALID']);
    expect(await codes({ password: 'other@example.kz' })).toEqual(['input.password:INVALID']);
    expect(await codes({ email: 'not an address', displayName: ' ', roles: [] })).toEqual([
      'input.email:INVALID',
      'input.displayName:REQUIRED',
      'input.roles:REQUIRED',
    ]);
    expect(await codes({ roles: ['ORGANIZATION_REPRESENTATIVE'] })).toEqual(['input.organizationBin:REQUIRED']);
    expect(await codes({ organizationBin: organizationBin })).toEqual(['input.organizationBin:INVALID']);
    expect(await codes({ roles: ['ORGANIZATION_REPRESENTATIVE'], organizationBin: testBin(2) })).toEqual(['input.organizationBin:NOT_FOUND']);

    const representative = await admin.query<{ userCreate: { user: { organization: { bin: string } } } }>(USER_CREATE, {
      input: { ...input, email: 'rep@example.kz', roles: ['ORGANIZATION_REPRESENTATIVE'], organizationBin },
    });
    expect(representative.data?.userCreate.user.organization).toEqual({ bin: organizationBin });
  });

  it('applies a role change and a deactivation to the next request, without a new token', async () => {
    const person = await createTestUser(api, { roles: ['EXPERT'] });
    const personId = (await person.query<{ viewer: { id: string } }>(VIEWER)).data?.viewer.id ?? '';
    const USERS = `{ users(first: 5) { totalCount } }`;
    expect((await person.query(USERS)).errors?.[0]?.message).toMatch(/Not authorized/);

    const update = await admin.query<{ userUpdateRoles: { user: { roles: string[] }; userErrors: unknown[] } }>(
      `mutation ($id: ID!) { userUpdateRoles(input: { userId: $id, roles: [EXPERT, ADMIN] }) { user { roles } userErrors { code } } }`,
      { id: personId },
    );
    expect(update.data?.userUpdateRoles).toEqual({ user: { roles: ['EXPERT', 'ADMIN'] }, userErrors: [] });
    const asAdmin = await person.query<{ users: { nodes: { id: string }[] } }>(`{ users(first: 100, role: ADMIN) { nodes { id } } }`);
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data?.users.nodes.map((node) => node.id)).toContain(personId);

    const deactivated = await admin.query<{ userDeactivate: { user: { isActive: boolean }; userErrors: unknown[] } }>(
      `mutation ($id: ID!) { userDeactivate(input: { userId: $id }) { user { isActive } userErrors { code } } }`,
      { id: personId },
    );
    expect(deactivated.data?.userDeactivate).toEqual({ user: { isActive: false }, userErrors: [] });
    expect((await api.request(VIEWER, {}, { token: person.token })).status).toBe(401);
  });

  it('keeps at least one active ADMIN', async () => {
    // Leave `admin` as the only active ADMIN.
    const others = (await userIdsWithRole(api.db.prisma, 'ADMIN', { activeOnly: true })).filter((id) => id !== admin.id);
    await api.db.prisma.user.updateMany({ where: { id: { in: others } }, data: { isActive: false } });
    const id = (await admin.query<{ viewer: { id: string } }>(VIEWER)).data?.viewer.id;
    const demote = await admin.query<{ userUpdateRoles: { user: null; userErrors: { code: string; message: string }[] } }>(
      `mutation ($id: ID!) { userUpdateRoles(input: { userId: $id, roles: [COORDINATOR] }) { user { roles } userErrors { code message } } }`,
      { id },
    );
    expect(demote.data?.userUpdateRoles).toEqual({ user: null, userErrors: [{ code: 'INVALID', message: expect.stringMatching(/last active ADMIN/) }] });
    const deactivate = await admin.query<{ userDeactivate: { userErrors: { code: string }[] } }>(
      `mutation ($id: ID!) { userDeactivate(input: { userId: $id }) { userErrors { code } } }`,
      { id },
    );
    expect(deactivate.data?.userDeactivate.userErrors).toEqual([{ code: 'INVALID' }]);
    expect(await api.db.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ roles: ['ADMIN'], isActive: true });
  });

  it('records a declared conflict of interest once', async () => {
    const member = await createTestUser(api, { roles: ['COUNCIL_MEMBER'] });
    const DECLARE = `mutation ($bin: String!) {
      conflictOfInterestDeclare(input: { organizationBin: $bin, reason: "My sister is its director." }) {
        conflictOfInterest { organization { bin } reason declaredAt } userErrors { field code }
      }
    }`;
    const declared = await member.query<{ conflictOfInterestDeclare: unknown }>(DECLARE, { bin: organizationBin });
    expect(declared.data?.conflictOfInterestDeclare).toEqual({
      conflictOfInterest: { organization: { bin: organizationBin }, reason: 'My sister is its director.', declaredAt: clock.toISOString() },
      userErrors: [],
    });
    const again = await member.query<{ conflictOfInterestDeclare: unknown }>(DECLARE, { bin: organizationBin });
    expect(again.data?.conflictOfInterestDeclare).toEqual({
      conflictOfInterest: null,
      userErrors: [{ field: ['input', 'organizationBin'], code: 'ALREADY_EXISTS' }],
    });
    const mine = await member.query<{ myConflictsOfInterest: { organization: { bin: string } }[] }>(`{ myConflictsOfInterest { organization { bin } } }`);
    expect(mine.data?.myConflictsOfInterest).toEqual([{ organization: { bin: organizationBin } }]);
    expect((await api.query(`{ myConflictsOfInterest { reason } }`)).errors?.[0]?.message).toMatch(/Not authorized/);
  });

  it('lets a representative created by the helper act for their organization', async () => {
    const representative = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId });
    const me = await representative.query<{ viewer: { organization: { bin: string } } }>(VIEWER);
    expect(me.data?.viewer.organization).toEqual({ bin: organizationBin });
    expect(representative.viewer).toMatchObject({ kind: 'user', organizationId, roles: ['ORGANIZATION_REPRESENTATIVE'], via: 'session' });
  });

  it('rate-limits sign-in attempts per e-mail address and client', async () => {
    const user = await createTestUser(api, { roles: ['EXPERT'] });
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const result = await signIn(user.email, 'wrong password number ' + attempt);
      expect(result.data?.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
    }
    const limited = await signIn(user.email, TEST_PASSWORD);
    expect(limited.data?.signIn).toMatchObject({ accessToken: null, userErrors: [{ code: 'RATE_LIMITED' }] });
    // Another address from the same client is not affected.
    const other = await createTestUser(api, { roles: ['EXPERT'] });
    expect((await signIn(other.email, TEST_PASSWORD)).data?.signIn.userErrors).toEqual([]);
    // The window passes.
    advance(15 * 60_000 + 1);
    try {
      expect((await signIn(user.email, TEST_PASSWORD)).data?.signIn.userErrors).toEqual([]);
    } finally {
      clock = START;
    }
  });

  it('rate-limits failed sign-ins per client over all addresses, not successful ones', async () => {
    const user = await createTestUser(api, { roles: ['EXPERT'] });
    clock = new Date(START.getTime() + 24 * 3600_000); // a fresh window
    try {
      for (let attempt = 1; attempt <= 5; attempt += 1) expect((await signIn(user.email, TEST_PASSWORD)).data?.signIn.userErrors).toEqual([]);
      for (let attempt = 1; attempt <= 100; attempt += 1) {
        const result = await signIn(`sprayed${attempt}@test.kza.kz`, 'a guessed password');
        expect(result.data?.signIn.userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
      }
      expect((await signIn(user.email, TEST_PASSWORD)).data?.signIn.userErrors).toEqual([expect.objectContaining({ code: 'RATE_LIMITED' })]);
    } finally {
      clock = START;
    }
  });

  it('audits every change in the chain, without password hashes or tokens', async () => {
    const events = await api.db.prisma.auditEvent.findMany({ orderBy: { sequence: 'asc' } });
    const actions = new Set(events.map((event) => event.action));
    for (const action of ['user.create', 'user.updateRoles', 'user.deactivate', 'apiToken.create', 'apiToken.revoke', 'conflictOfInterest.declare']) {
      expect(actions).toContain(action);
    }
    const created = events.find((event) => event.action === 'user.create');
    expect(created).toMatchObject({ actorId: admin.id, actorLabel: 'Admin', subjectType: 'User' });
    expect(created?.after).toMatchObject({ email: 'new.expert@example.kz', roles: ['EXPERT'], isActive: true });
    const text = JSON.stringify(events.map((event) => [event.before, event.after]));
    expect(text).not.toMatch(/argon2|passwordHash|tokenHash|kza_[0-9a-f]{8}_/);
    expect(await verifyAuditChain(api.db.prisma)).toMatchObject({ ok: true });
  });
});
