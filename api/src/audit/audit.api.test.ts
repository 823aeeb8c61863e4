// The audit trail over HTTP: the auditors' query and chain status (and who is refused them),
// and the public decision history built from publication events, on a seeded database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../db/seed.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';
import { appendAuditEvent, systemActor, verifyAuditChain } from './trail.ts';

const kinds = await testDatabaseKinds();

const AUDIT_QUERY = `query ($first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { sequence occurredAt actorId actorLabel action subjectType subjectId before after previousHash hash }
  }
}`;

interface AuditEventNode {
  sequence: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  previousHash: string;
  hash: string;
}

interface AuditPage {
  auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: AuditEventNode[] };
}

const TIMELINE_QUERY = `query ($bin: String!) {
  organization(bin: $bin) {
    decisionTimeline {
      occurredAt kind
      decision { id number outcome validUntil publishedAt caseNumber supersedes { number } }
      supersedes { number outcome }
    }
  }
}`;

interface TimelineEntry {
  occurredAt: string;
  kind: 'PUBLISHED' | 'CORRECTION_PUBLISHED';
  decision: { id: string; number: string; outcome: string; validUntil: string | null; publishedAt: string; caseNumber: string; supersedes: { number: string } | null };
  supersedes: { number: string; outcome: string } | null;
}

describe.each(kinds)('the audit trail over GraphQL on %s', (kind) => {
  let api: TestApi;
  const statements: string[] = [];
  let admin: TestUser;
  let director: TestUser;
  let coordinator: TestUser;

  beforeAll(async () => {
    api = await startTestApi({ kind, onQuery: (sql) => statements.push(sql) });
    admin = await createTestUser(api, { roles: ['ADMIN'] });
    director = await createTestUser(api, { roles: ['CPM_DIRECTOR'] });
    coordinator = await createTestUser(api, { roles: ['COORDINATOR', 'COUNCIL_SECRETARY'] });
  });
  afterAll(() => api?.stop());

  /** The database facts of a seeded demo decision. */
  const demoDecision = (number: string) =>
    api.db.prisma.decision.findUniqueOrThrow({ where: { number }, include: { organization: { select: { bin: true } } } });

  it('refuses the trail and the chain status to the public and to a coordinator', async () => {
    for (const token of [undefined, coordinator.token]) {
      const events = await api.query<AuditPage>(AUDIT_QUERY, { first: 5 }, { token });
      expect(events.data ?? null).toBeNull();
      expect(events.errors?.length).toBeGreaterThan(0);
      const status = await api.query(`{ auditChainStatus { ok } }`, {}, { token });
      expect(status.data ?? null).toBeNull();
      expect(status.errors?.length).toBeGreaterThan(0);
    }
  });

  it('gives an ADMIN and the CPM director the events newest first, in pages, with the chain status', async () => {
    for (const user of [admin, director]) {
      const first = await user.query<AuditPage>(AUDIT_QUERY, { first: 3 });
      expect(first.errors).toBeUndefined();
      const page = first.data!.auditEvents;
      expect(page.totalCount).toBeGreaterThanOrEqual(12);
      expect(page.nodes).toHaveLength(3);
      const sequences = page.nodes.map((node) => BigInt(node.sequence));
      expect([...sequences].sort((a, b) => (a > b ? -1 : 1))).toEqual(sequences);
      // Each event links to the one before it, which the next page starts with.
      expect(page.nodes[0]!.previousHash).toBe(page.nodes[1]!.hash);
      const next = await user.query<AuditPage>(AUDIT_QUERY, { first: 3, after: page.pageInfo.endCursor });
      expect(BigInt(next.data!.auditEvents.nodes[0]!.sequence)).toBeLessThan(sequences[2]!);
      expect(page.nodes[2]!.previousHash).toBe(next.data!.auditEvents.nodes[0]!.hash);

      const status = await user.query<{ auditChainStatus: { ok: boolean; events: number; lastHash: string | null; brokenAtSequence: string | null; reason: string | null } }>(
        `{ auditChainStatus { ok events lastHash brokenAtSequence reason } }`,
      );
      expect(status.data?.auditChainStatus).toEqual({ ok: true, events: page.totalCount, lastHash: page.nodes[0]!.hash, brokenAtSequence: null, reason: null });
    }
  });

  it('filters by subject (global or database id), action and time', async () => {
    const decision = await demoDecision('DEMO-D-2024-002');
    const listed = await api.query<{ decisions: { nodes: { id: string; number: string }[] } }>(
      `{ decisions(first: 100, filter: { includeSuperseded: true }) { nodes { id number } } }`,
    );
    const globalId = listed.data!.decisions.nodes.find((node) => node.number === decision.number)!.id;
    for (const subjectId of [globalId, decision.id]) {
      const result = await admin.query<AuditPage>(AUDIT_QUERY, { filter: { subjectType: 'Decision', subjectId } });
      expect(result.data?.auditEvents.nodes).toEqual([
        expect.objectContaining({
          action: 'decision.publish-correction',
          actorId: null,
          actorLabel: 'system',
          subjectId: decision.id,
          occurredAt: decision.publishedAt!.toISOString(),
          before: { publishedAt: null },
          after: expect.objectContaining({ outcome: 'ACCREDITED', supersedes: 'DEMO-D-2024-001' }),
        }),
      ]);
    }
    const byAction = await admin.query<AuditPage>(AUDIT_QUERY, { first: 100, filter: { action: 'decision.publish' } });
    expect(byAction.data?.auditEvents.nodes.every((node) => node.action === 'decision.publish')).toBe(true);
    const inWindow = await admin.query<AuditPage>(AUDIT_QUERY, {
      first: 100,
      filter: { from: '2024-05-29T10:00:00Z', to: '2024-06-03T10:00:00Z' },
    });
    expect(inWindow.data?.auditEvents.nodes.map((node) => node.occurredAt)).toEqual(['2024-06-03T10:00:00.000Z', '2024-05-29T10:00:00.000Z']);
  });

  it('lets an API token read the trail only with READ_CASES, and filters by actor', async () => {
    const create = async (scopes: string[]) => {
      const created = await admin.query<{ apiTokenCreate: { token: string | null } }>(
        `mutation ($scopes: [ApiTokenScope!]!) { apiTokenCreate(input: { name: "Audit export", scopes: $scopes }) { token } }`,
        { scopes },
      );
      return created.data?.apiTokenCreate.token ?? '';
    };
    const registerOnly = await create(['READ_REGISTER']);
    expect((await api.query<AuditPage>(AUDIT_QUERY, { first: 1 }, { token: registerOnly })).data ?? null).toBeNull();
    const withCases = await create(['READ_CASES']);
    const allowed = await api.query<AuditPage>(AUDIT_QUERY, { first: 1 }, { token: withCases });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.auditEvents.nodes).toHaveLength(1);
    // The two tokens were recorded as the admin's doing.
    const byActor = await admin.query<AuditPage>(AUDIT_QUERY, { filter: { actorId: admin.id } });
    expect(byActor.data?.auditEvents.nodes.map((node) => node.action)).toEqual(['apiToken.create', 'apiToken.create']);
  });

  it('shows a published decision and its correction in the public decision history, from the trail', async () => {
    const original = await demoDecision('DEMO-D-2024-001');
    const correction = await demoDecision('DEMO-D-2024-002');
    const result = await api.query<{ organization: { decisionTimeline: TimelineEntry[] } }>(TIMELINE_QUERY, { bin: correction.organization.bin });
    expect(result.errors).toBeUndefined();
    expect(result.data?.organization.decisionTimeline).toEqual([
      {
        occurredAt: correction.publishedAt!.toISOString(),
        kind: 'CORRECTION_PUBLISHED',
        decision: expect.objectContaining({ number: 'DEMO-D-2024-002', supersedes: { number: 'DEMO-D-2024-001' } }),
        supersedes: { number: 'DEMO-D-2024-001', outcome: original.outcome },
      },
      {
        occurredAt: original.publishedAt!.toISOString(),
        kind: 'PUBLISHED',
        decision: expect.objectContaining({ number: 'DEMO-D-2024-001', supersedes: null }),
        supersedes: null,
      },
    ]);
  });

  it('leaves an unpublished decision out of the history, even when the trail names it', async () => {
    const unpublished = await demoDecision('DEMO-D-2026-001');
    expect(unpublished.publishedAt).toBeNull();
    // A stray publication event about it must not make it public.
    await api.db.prisma.$transaction((tx) =>
      appendAuditEvent(tx, { actor: systemActor, action: 'decision.publish', subjectType: 'Decision', subjectId: unpublished.id, after: { note: 'test' } }),
    );
    const result = await api.query<{ organization: { decisionTimeline: TimelineEntry[] } }>(TIMELINE_QUERY, { bin: unpublished.organization.bin });
    expect(result.errors).toBeUndefined();
    const numbers = result.data!.organization.decisionTimeline.map((entry) => entry.decision.number);
    expect(numbers).not.toContain('DEMO-D-2026-001');
    const published = await api.db.prisma.decision.count({ where: { organizationId: unpublished.organizationId, publishedAt: { not: null } } });
    expect(numbers).toHaveLength(published);
  });

  it('costs the same number of SQL statements for 2 organizations as for the whole register', async () => {
    const pageQuery = `query ($first: Int!) {
      organizations(first: $first, orderBy: { field: BIN }) {
        nodes {
          bin accreditationStatus
          latestDecision { number }
          decisionTimeline {
            occurredAt kind
            decision { number outcome validFrom validUntil caseNumber frameworkVersion summary { ru } supersedes { number } supersededBy { number } }
            supersedes { number caseNumber }
          }
        }
      }
    }`;
    const count = async (first: number) => {
      statements.length = 0;
      const result = await api.query<{ organizations: { nodes: { decisionTimeline: TimelineEntry[] }[] } }>(pageQuery, { first });
      expect(result.errors).toBeUndefined();
      return { statements: statements.length, entries: result.data!.organizations.nodes.flatMap((node) => node.decisionTimeline).length };
    };
    const all = await count(100);
    expect(all.entries).toBeGreaterThanOrEqual(12);
    // The shortest start of the register that holds two organizations with history, one of
    // them with a correction: every kind of query the page makes, for fewer organizations.
    const bins = (await api.db.prisma.organization.findMany({ orderBy: { bin: 'asc' }, select: { bin: true } })).map((row) => row.bin);
    const withHistory = await api.db.prisma.organization.findMany({
      where: { decisions: { some: { publishedAt: { not: null } } } },
      orderBy: { bin: 'asc' },
      select: { bin: true },
    });
    const corrected = (await demoDecision('DEMO-D-2024-002')).organization.bin;
    const prefix = Math.max(bins.indexOf(withHistory[1]!.bin), bins.indexOf(corrected)) + 1;
    expect(prefix).toBeLessThan(bins.length);
    const some = await count(prefix);
    expect(some.entries).toBeGreaterThanOrEqual(2);
    expect(all.statements).toBe(some.statements);
    expect(all.statements).toBeLessThanOrEqual(12);
  });

  it('keeps the chain intact and adds no events when the seed runs again', async () => {
    const before = await api.db.prisma.auditEvent.count();
    await seedDatabase(api.db.prisma);
    expect(await api.db.prisma.auditEvent.count()).toBe(before);
    expect(await verifyAuditChain(api.db.prisma)).toMatchObject({ ok: true, events: before });
  });
});
