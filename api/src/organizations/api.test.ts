// The register over HTTP, on PGlite and (when reachable) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, testDatabaseKinds, type TestApi } from '../testing/index.ts';
import { createRegisterFixture, fixtureOrganizations, testNow, type RegisterFixture } from '../testing/fixtures.ts';
import { statusesByOrganization } from './accreditation-status-sql.ts';
import { TEST_TODAY } from '../testing/fixtures.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('the register API on %s', (kind) => {
  let api: TestApi;
  let fixture: RegisterFixture;

  beforeAll(async () => {
    api = await startTestApi({ kind, seed: false, now: testNow });
    fixture = await createRegisterFixture(api.db.prisma);
  });
  afterAll(() => api?.stop());

  it('computes each organization’s status at the edges of the rule', async () => {
    const result = await api.query<{ organizations: { totalCount: number; nodes: { bin: string; accreditationStatus: string }[] } }>(
      `{ organizations(first: 100) { totalCount nodes { bin accreditationStatus } } }`,
    );
    expect(result.errors).toBeUndefined();
    const byBin = new Map(result.data?.organizations.nodes.map((node) => [node.bin, node.accreditationStatus]));
    expect(result.data?.organizations.totalCount).toBe(fixtureOrganizations.length);
    for (const spec of fixtureOrganizations) {
      expect([spec.key, byBin.get(fixture.bins.get(spec.key) ?? '')]).toEqual([spec.key, spec.expected]);
    }
  });

  it('runs the same status rule in SQL for filters and statistics', async () => {
    const sql = await statusesByOrganization(api.db.prisma, TEST_TODAY);
    for (const spec of fixtureOrganizations) {
      expect([spec.key, sql.get(fixture.organizationIds.get(spec.key) ?? '')]).toEqual([spec.key, spec.expected]);
    }
    const filtered = await api.query<{ organizations: { totalCount: number; nodes: { bin: string }[] } }>(
      `{ organizations(first: 10, filter: { status: IN_PROGRESS }) { totalCount nodes { bin } } }`,
    );
    expect(filtered.data?.organizations.nodes.map((n) => n.bin).sort()).toEqual(
      [fixture.bins.get('in-progress'), fixture.bins.get('decided-unpublished')].sort(),
    );
    expect(filtered.data?.organizations.totalCount).toBe(2);
  });

  it('gives the validity of an accreditation and the decision it rests on, never an unpublished one', async () => {
    const result = await api.query<{
      accredited: { accreditedUntil: string; latestDecision: { number: string; supersedes: { number: string } } };
      unpublished: { accreditationStatus: string; decisions: unknown[]; latestDecision: null };
    }>(
      `query ($a: String!, $u: String!) {
        accredited: organization(bin: $a) { accreditedUntil latestDecision { number supersedes { number } } }
        unpublished: organization(bin: $u) { accreditationStatus decisions { number } latestDecision { number } }
      }`,
      { a: fixture.bins.get('corrected'), u: fixture.bins.get('decided-unpublished') },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.accredited).toEqual({ accreditedUntil: '2029-02-28', latestDecision: { number: 'T-7', supersedes: { number: 'T-6' } } });
    expect(result.data?.unpublished).toEqual({ accreditationStatus: 'IN_PROGRESS', decisions: [], latestDecision: null });

    const hidden = await api.query<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, {
      id: Buffer.from(`Decision:${fixture.decisionIds.get('T-5')}`).toString('base64'),
    });
    expect(hidden.data?.node).toBeNull();
    const list = await api.query<{ decisions: { totalCount: number; nodes: { number: string }[] } }>(
      `{ decisions(first: 100, filter: { includeSuperseded: true }) { totalCount nodes { number } } }`,
    );
    expect(list.data?.decisions.nodes.map((d) => d.number)).not.toContain('T-5');
    expect(list.data?.decisions.totalCount).toBe(6);
  });

  it('keeps a corrected decision in the history, linked to its correction', async () => {
    const result = await api.query<{ organization: { decisions: { number: string; supersededBy: { number: string } | null }[] } }>(
      `query ($bin: String!) { organization(bin: $bin) { decisions { number supersededBy { number } } } }`,
      { bin: fixture.bins.get('corrected') },
    );
    expect(result.data?.organization.decisions).toEqual(
      expect.arrayContaining([
        { number: 'T-6', supersededBy: { number: 'T-7' } },
        { number: 'T-7', supersededBy: null },
      ]),
    );
  });

  it('pages with cursors and counts the whole result', async () => {
    const first = await api.query<{ organizations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { bin: string }[] } }>(
      `{ organizations(first: 3, orderBy: { field: BIN }) { totalCount pageInfo { hasNextPage endCursor } nodes { bin } } }`,
    );
    const page = first.data?.organizations;
    expect(page?.nodes).toHaveLength(3);
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const second = await api.query<{ organizations: { nodes: { bin: string }[] } }>(
      `query ($after: String) { organizations(first: 100, after: $after, orderBy: { field: BIN }) { nodes { bin } } }`,
      { after: page?.pageInfo.endCursor },
    );
    const all = [...(page?.nodes ?? []), ...(second.data?.organizations.nodes ?? [])].map((n) => n.bin);
    expect(all).toEqual([...fixture.bins.values()].sort());
  });

  it('rejects a page size outside 1..100 with an error naming the argument', async () => {
    for (const first of [0, 101]) {
      const result = await api.query(`query ($first: Int) { organizations(first: $first) { totalCount } }`, { first });
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.message).toMatch(/"first" must be between 1 and 100/);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    }
  });

  it('rejects an invalid BIN with the rule it breaks, and returns null for an unknown one', async () => {
    const invalid = await api.query(`{ organization(bin: "123456789012") { bin } }`);
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'bin', rule: 'BIN_CHECK_DIGIT' });
    const unknown = await api.query<{ organization: null }>(`{ organization(bin: "000000000010") { bin } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.organization).toBeNull();
  });

  it('filters by region, kind, language of instruction and case-insensitive search in Cyrillic', async () => {
    const result = await api.query<{
      almaty: { totalCount: number };
      colleges: { nodes: { bin: string }[] };
      search: { nodes: { bin: string }[] };
      english: { totalCount: number };
      russian: { totalCount: number };
    }>(
      `{
        almaty: organizations(filter: { regionCode: "75" }) { totalCount }
        colleges: organizations(filter: { kind: COLLEGE }) { nodes { bin } }
        search: organizations(filter: { search: "исправленное" }) { nodes { bin } }
        english: organizations(filter: { language: EN }) { totalCount }
        russian: organizations(filter: { language: RU }) { totalCount }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.almaty.totalCount).toBe(3);
    expect(result.data?.colleges.nodes.map((n) => n.bin)).toEqual([fixture.bins.get('expired-yesterday')]);
    expect(result.data?.search.nodes.map((n) => n.bin)).toEqual([fixture.bins.get('corrected')]);
    expect(result.data?.english.totalCount).toBe(0);
    expect(result.data?.russian.totalCount).toBe(fixtureOrganizations.length);
  });

  it('counts the register by region, kind and status', async () => {
    const result = await api.query<{
      registerStatistics: { asOf: string; totalOrganizations: number; byStatus: { status: string; count: number }[]; byRegion: { region: { code: string }; total: number }[] };
    }>(`{ registerStatistics { asOf totalOrganizations byStatus { status count } byRegion { region { code } total } byKind { kind count } } }`);
    const stats = result.data?.registerStatistics;
    expect(stats?.asOf).toBe(TEST_TODAY);
    expect(stats?.totalOrganizations).toBe(fixtureOrganizations.length);
    const expectedCounts = new Map<string, number>();
    for (const spec of fixtureOrganizations) expectedCounts.set(spec.expected, (expectedCounts.get(spec.expected) ?? 0) + 1);
    for (const { status, count } of stats?.byStatus ?? []) expect([status, count]).toEqual([status, expectedCounts.get(status) ?? 0]);
    expect(stats?.byRegion.map((r) => [r.region.code, r.total])).toEqual([
      ['71', 5],
      ['75', 3],
    ]);
  });

  it('refuses a query that asks for too much at once', async () => {
    const nested = 'organization { decisions { organization { decisions { organization { decisions { number } } } } } }';
    const result = await api.query(`{ organizations(first: 100) { nodes { decisions { ${nested} } } } }`);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('answers health and readiness probes', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: kind });
  });
});
