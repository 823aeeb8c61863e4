// A page of the register costs a constant number of SQL statements, however many
// organizations it holds (no N+1 queries).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.ts';
import { createRegisterFixture, testBin, testNow } from '../testing/fixtures.ts';

const pageQuery = `query ($first: Int!) {
  organizations(first: $first) {
    totalCount
    nodes {
      bin name { kk ru en } accreditationStatus accreditedUntil
      region { code name { ru } }
      latestDecision { number outcome validUntil }
      reports { title language }
    }
  }
}`;

describe('the cost of a page of the register', () => {
  let api: TestApi;
  const statements: string[] = [];

  beforeAll(async () => {
    api = await startTestApi({ seed: false, now: testNow, onQuery: (sql) => statements.push(sql) });
    const fixture = await createRegisterFixture(api.db.prisma);
    const prisma = api.db.prisma;
    const region = await prisma.region.findUniqueOrThrow({ where: { code: '71' } });
    // 120 more organizations, each with a case, a published decision and a published report.
    for (let i = 0; i < 120; i += 1) {
      const organization = await prisma.organization.create({
        data: {
          bin: testBin(100 + i),
          nameKk: `Мектеп ${i}`,
          nameRu: `Школа ${i}`,
          kind: 'SCHOOL',
          level: 'SECONDARY',
          languages: ['KK'],
          regionId: region.id,
          city: 'Astana',
          cases: {
            create: {
              number: `COST-${i}`,
              frameworkId: fixture.frameworkId,
              stage: 'POST_ACCREDITATION',
              submittedAt: new Date('2024-01-01T00:00:00Z'),
            },
          },
        },
        include: { cases: true },
      });
      const caseId = organization.cases[0]?.id ?? '';
      await prisma.decision.create({
        data: {
          number: `COST-D-${i}`,
          caseId,
          organizationId: organization.id,
          outcome: 'ACCREDITED',
          decisionDate: new Date('2025-01-10T00:00:00Z'),
          validFrom: new Date('2025-01-10T00:00:00Z'),
          validUntil: new Date('2030-01-09T00:00:00Z'),
          publishedAt: new Date('2025-01-15T00:00:00Z'),
        },
      });
      await prisma.report.create({
        data: { caseId, organizationId: organization.id, kind: 'EXTERNAL_FINAL', language: 'RU', title: `Отчёт ${i}`, publishedAt: new Date('2025-01-15T00:00:00Z') },
      });
    }
  });
  afterAll(() => api?.stop());

  async function statementsFor(first: number): Promise<number> {
    statements.length = 0;
    const result = await api.query<{ organizations: { nodes: unknown[] } }>(pageQuery, { first });
    expect(result.errors).toBeUndefined();
    expect(result.data?.organizations.nodes).toHaveLength(first);
    return statements.length;
  }

  it('is the same for 100 organizations as for 2, and small', async () => {
    const forTwo = await statementsFor(2);
    const forHundred = await statementsFor(100);
    expect(forHundred).toBe(forTwo);
    expect(forHundred).toBeLessThanOrEqual(10);
  });
});
