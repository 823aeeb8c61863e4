// Bad input of every kind gets a clear, typed answer — never an internal error or an
// HTML page with a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.ts';
import { createRegisterFixture, testNow } from '../testing/fixtures.ts';

describe('bad input', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ seed: false, now: testNow });
    await createRegisterFixture(api.db.prisma);
  });
  afterAll(() => api?.stop());

  it('names malformed pagination arguments as the caller’s error, without echoing them at length', async () => {
    for (const query of [
      `{ organizations(first: -1) { totalCount } }`,
      `{ organizations(first: 2, after: "garbage") { nodes { bin } } }`,
      `{ organizations(first: 2, after: "${'x'.repeat(5000)}") { nodes { bin } } }`,
      `{ node(id: "garbage") { id } }`,
    ]) {
      const result = await api.query(query);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message.length).toBeLessThan(260);
    }
  });

  it('answers null for an object that does not exist or is not public', async () => {
    const missing = Buffer.from('Decision:no-such-id').toString('base64');
    const result = await api.query<{ node: null; nodes: unknown[] }>(`query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`, { id: missing });
    expect(result).toEqual({ data: { node: null, nodes: [null] } });
  });

  it('bounds nodes(ids:) like a page', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => Buffer.from(`Organization:${i}`).toString('base64'));
    const result = await api.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids', rule: 'PAGE_SIZE' });
  });

  it('matches LIKE wildcards literally in searches', async () => {
    const result = await api.query<{ all: { totalCount: number }; none: { totalCount: number } }>(
      `{ all: organizations { totalCount } none: organizations(filter: { search: "%" }) { totalCount } }`,
    );
    expect(result.data?.none.totalCount).toBe(0);
    expect(result.data?.all.totalCount).toBeGreaterThan(0);
  });

  it('refuses text with a NUL character with 400', async () => {
    const response = await api.request(`{ organizations(filter: { search: "a\\u0000b" }) { totalCount } }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'NO_NUL_CHARACTER' });
  });

  it('refuses text longer than any field needs', async () => {
    const response = await api.request(`query ($q: String) { organizations(filter: { search: $q }) { totalCount } }`, { q: 'x'.repeat(20_001) });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'TEXT_TOO_LONG' });
  });

  it('answers HTTP-level errors in JSON, never with a stack trace', async () => {
    const post = (body: string) => fetch(api.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const tooLarge = await post(JSON.stringify({ query: 'x'.repeat(1_100_000) }));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const broken = await post('{ "query": ');
    expect(broken.status).toBe(400);
    expect(await broken.text()).not.toMatch(/at .*node_modules/);
    const unknown = await fetch(`${api.url}/no-such-page`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });
});
