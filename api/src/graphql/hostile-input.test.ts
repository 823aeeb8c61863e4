// What a hostile tester tried against the API: crafted cursors, lax dates, paging arguments
// and text limits whose errors named nothing, one garbage id failing a whole `nodes` query.
// Each gets a BAD_USER_INPUT that names the argument and the rule. Over HTTP, on each database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';
import { testNow } from '../testing/fixtures.ts';

const kinds = await testDatabaseKinds();
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Every connection of the API, with what a page of it needs. */
const connections = ['organizations', 'decisions', 'reports', 'supportEvents', 'methodologicalMaterials', 'certifiedExperts', 'cases', 'experts', 'users', 'auditEvents', 'myNotifications'];

describe.each(kinds)('hostile input on %s', (kind) => {
  let api: TestApi;
  let admin: TestUser;
  beforeAll(async () => {
    api = await startTestApi({ kind, now: testNow });
    admin = await createTestUser(api, { roles: ['ADMIN'] });
  });
  afterAll(() => api?.stop());

  it('refuses crafted cursors on every connection as the caller’s error, naming the argument and the rule', async () => {
    const crafted = [b64('GPC:N:abc'), b64('GPC:D:xx'), b64('GPC:J:{"a":1}'), b64('GPC:S:abc'), 'garbage', 'x'.repeat(5000)];
    for (const field of connections) {
      const plain = await admin.query(`{ ${field}(first: 1) { edges { cursor } } }`);
      expect(plain.errors, field).toBeUndefined();
      for (const cursor of crafted) {
        for (const argument of ['after', 'before']) {
          const size = argument === 'after' ? 'first' : 'last';
          const result = await admin.query(`query ($c: String) { ${field}(${size}: 2, ${argument}: $c) { edges { cursor } } }`, { c: cursor });
          expect(result.errors?.[0]?.extensions, `${field} ${argument} ${cursor.slice(0, 20)}`).toMatchObject({
            code: 'BAD_USER_INPUT',
            argument,
            rule: 'CURSOR_FORMAT',
          });
          expect(result.errors?.[0]?.message.length).toBeLessThan(260);
        }
      }
    }
    // Anonymously too: the public register is where a stranger starts.
    const anonymous = await api.query(`{ organizations(after: "${b64('GPC:N:abc')}") { edges { cursor } } }`);
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after', rule: 'CURSOR_FORMAT' });
  });

  it('pages with its own cursors and refuses a cursor of another list or another order', async () => {
    type Page = { organizations: { nodes: { bin: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const page = `query ($after: String, $field: OrganizationOrderField!) {
      organizations(first: 3, after: $after, orderBy: { field: $field }) { nodes { bin } pageInfo { endCursor hasNextPage } } }`;
    const first = await api.query<Page>(page, { field: 'NAME_RU' });
    const second = await api.query<Page>(page, { field: 'NAME_RU', after: first.data?.organizations.pageInfo.endCursor });
    const both = await api.query<{ organizations: { nodes: { bin: string }[] } }>(
      `{ organizations(first: 6, orderBy: { field: NAME_RU }) { nodes { bin } } }`,
    );
    expect([...(first.data?.organizations.nodes ?? []), ...(second.data?.organizations.nodes ?? [])]).toEqual(both.data?.organizations.nodes);

    const otherOrder = await api.query<Page>(page, { field: 'NAME_KK', after: first.data?.organizations.pageInfo.endCursor });
    expect(otherOrder.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after', rule: 'CURSOR_MISMATCH' });

    const events = await api.query<{ supportEvents: { pageInfo: { endCursor: string } } }>(`{ supportEvents(first: 1) { pageInfo { endCursor } } }`);
    const otherList = await api.query(`query ($c: String) { organizations(after: $c) { nodes { bin } } }`, { c: events.data?.supportEvents.pageInfo.endCursor });
    expect(otherList.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after', rule: 'CURSOR_MISMATCH' });

    // The audit trail's cursor is a number: its own cursors page, text in its place is refused.
    type Trail = { auditEvents: { nodes: { sequence: string }[]; pageInfo: { endCursor: string } } };
    const trail = await admin.query<Trail>(`{ auditEvents(first: 1) { nodes { sequence } pageInfo { endCursor } } }`);
    const next = await admin.query<Trail>(`query ($c: String) { auditEvents(first: 1, after: $c) { nodes { sequence } pageInfo { endCursor } } }`, {
      c: trail.data?.auditEvents.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    expect(BigInt(next.data?.auditEvents.nodes[0]?.sequence ?? '0')).toBeLessThan(BigInt(trail.data?.auditEvents.nodes[0]?.sequence ?? '0'));
  });

  it('names the argument and the rule of a page size out of range on every connection', async () => {
    for (const field of connections) {
      for (const [argument, value] of [['first', -1], ['first', 0], ['last', -1], ['first', 101]] as const) {
        const result = await admin.query(`{ ${field}(${argument}: ${value}) { totalCount } }`);
        expect(result.errors?.[0]?.extensions, `${field} ${argument}: ${value}`).toMatchObject({ code: 'BAD_USER_INPUT', argument, rule: 'PAGE_SIZE', min: 1, max: 100 });
      }
    }
  });

  it('takes a DateTime only in ISO 8601 with an offset, and a Date only as a real calendar day', async () => {
    const trail = `query ($from: DateTime) { auditEvents(filter: { from: $from }) { totalCount } }`;
    for (const from of ['1', '2027-01-10T10:00:00', '2027-01-10', '2027-02-30T10:00:00Z', '2027-01-10T24:00:00Z', 'next Tuesday']) {
      const result = await admin.query(trail, { from });
      expect(result.errors?.[0]?.extensions, from).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DATE_TIME_FORMAT', field: ['$from'] });
    }
    for (const from of ['2027-01-10T10:00:00Z', '2027-01-10T15:00:00+05:00', '2027-01-10T10:00Z', '2027-01-10T10:00:00.123456Z']) {
      expect((await admin.query(trail, { from })).errors, from).toBeUndefined();
    }
    // The same moment, however its offset is written.
    const count = async (from: string) => (await admin.query<{ auditEvents: { totalCount: number } }>(trail, { from })).data?.auditEvents.totalCount;
    expect(await count('2026-12-03T07:00:00Z')).toBe(await count('2026-12-03T12:00:00+05:00'));

    const literal = await admin.query(`{ auditEvents(filter: { from: "2027-01-10T10:00:00" }) { totalCount } }`);
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DATE_TIME_FORMAT', argument: 'filter', field: ['filter', 'from'] });
    const day = await admin.query(`mutation { councilMeetingCreate(input: { heldOn: "2027-02-30", memberIds: [], caseIds: [] }) { userErrors { code } } }`);
    expect(day.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DATE_FORMAT', argument: 'input', field: ['input', 'heldOn'] });
    const nested = await admin.query(`mutation ($input: CouncilMeetingCreateInput!) { councilMeetingCreate(input: $input) { userErrors { code } } }`, {
      input: { heldOn: '10.01.2027', memberIds: [], caseIds: [] },
    });
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DATE_FORMAT', field: ['$input', 'heldOn'] });
  });

  it('names where text too long or with a NUL character was given', async () => {
    const nul = await api.request(`{ organizations(filter: { search: "a\\u0000b" }) { totalCount } }`);
    expect(nul.status).toBe(400);
    expect(nul.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NO_NUL_CHARACTER', argument: 'filter', field: ['filter', 'search'] });
    const long = await api.request(`query ($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }`, { f: { search: 'x'.repeat(20_001) } });
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TEXT_TOO_LONG', field: ['$f', 'search'] });
  });

  it('answers null in place of a garbage id in nodes(ids:) and the objects for the others', async () => {
    const organization = await api.query<{ organizations: { nodes: { id: string }[] } }>(`{ organizations(first: 1) { nodes { id } } }`);
    const real = organization.data?.organizations.nodes[0]?.id;
    const ids = ['garbage', real, b64('NoSuchType:1'), b64('Query:1'), b64('Organization:no-such-id'), '%%%'];
    const result = await api.query<{ nodes: ({ id: string } | null)[] }>(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(result).toEqual({ data: { nodes: [null, { id: real }, null, null, null, null] } });
  });
});
