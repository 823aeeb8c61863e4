import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { isValidBin } from '../organizations/bin.ts';
import { seedDatabase } from './seed.ts';

async function tableCounts(db: TestDatabase) {
  const p = db.prisma;
  return {
    regions: await p.region.count(),
    organizations: await p.organization.count(),
    standards: await p.standard.count(),
    criteria: await p.criterion.count(),
    cases: await p.accreditationCase.count(),
    decisions: await p.decision.count(),
    reports: await p.report.count(),
    sections: await p.reportSection.count(),
    supportEvents: await p.supportEvent.count(),
    materials: await p.methodologicalMaterial.count(),
  };
}

describe('the seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
  });
  afterAll(() => db?.destroy());

  it('loads the 20 regions and 21 NIS campuses, and running it again changes nothing', async () => {
    await seedDatabase(db.prisma);
    const first = await tableCounts(db);
    expect(first.regions).toBe(20);
    expect(first.organizations).toBe(21);
    expect(first.supportEvents).toBeGreaterThanOrEqual(4);
    expect(first.materials).toBeGreaterThanOrEqual(2);
    for (const version of [1, 2]) {
      const criteria = await db.prisma.criterion.count({ where: { standard: { framework: { version } } } });
      expect(criteria, `criteria of version ${version}`).toBeGreaterThanOrEqual(30);
      expect(criteria, `criteria of version ${version}`).toBeLessThanOrEqual(40);
    }
    await seedDatabase(db.prisma);
    expect(await tableCounts(db)).toEqual(first);
  });

  it('has two versions of the sample framework: version 1 retired the day before version 2 came into force', async () => {
    const frameworks = await db.prisma.standardFramework.findMany({ orderBy: { version: 'asc' } });
    expect(frameworks.map((f) => [f.version, f.status, f.isSample])).toEqual([
      [1, 'RETIRED', true],
      [2, 'ACTIVE', true],
    ]);
    const [v1, v2] = frameworks;
    expect(v1?.effectiveTo?.toISOString().slice(0, 10)).toBe('2026-08-31');
    expect(v2?.effectiveFrom?.toISOString().slice(0, 10)).toBe('2026-09-01');
    expect(v2?.effectiveTo).toBeNull();
  });

  it('keeps every demonstration case on the version in force when it started', async () => {
    const v2 = await db.prisma.standardFramework.findUniqueOrThrow({ where: { version: 2 } });
    const cases = await db.prisma.accreditationCase.findMany({ include: { framework: true } });
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const expected = v2.effectiveFrom && c.submittedAt >= v2.effectiveFrom ? 2 : 1;
      expect(c.framework.version, c.number).toBe(expected);
    }
    // Report sections point at standards of the case's own version.
    const sections = await db.prisma.reportSection.findMany({ include: { standard: true, report: { include: { case: true } } } });
    expect(sections.every((section) => section.standard.frameworkId === section.report.case.frameworkId)).toBe(true);
  });

  it('brings a database seeded when version 1 was in force up to date, keeping its cases on version 1', async () => {
    const before = await tableCounts(db);
    // The state of a database seeded before version 2 existed.
    await db.prisma.standardFramework.delete({ where: { version: 2 } });
    await db.prisma.standardFramework.update({ where: { version: 1 }, data: { status: 'ACTIVE', effectiveTo: null } });
    const v1 = await db.prisma.standardFramework.findUniqueOrThrow({ where: { version: 1 }, include: { standards: { include: { criteria: true } } } });

    await seedDatabase(db.prisma);
    expect(await tableCounts(db)).toEqual(before);
    const after = await db.prisma.standardFramework.findMany({ orderBy: { version: 'asc' }, include: { standards: { include: { criteria: true } } } });
    expect(after.map((f) => [f.version, f.status])).toEqual([
      [1, 'RETIRED'],
      [2, 'ACTIVE'],
    ]);
    // Version 1 was updated in place: same rows, so cases, ratings and report sections still point at it.
    const ids = (f: typeof v1) => f.standards.flatMap((s) => [s.id, ...s.criteria.map((c) => c.id)]).sort();
    expect(ids(after[0] ?? v1)).toEqual(ids(v1));
    expect(await db.prisma.accreditationCase.count({ where: { frameworkId: { not: v1.id } } })).toBe(0);
  });

  it('marks generated BINs as placeholders and every demonstration record as such', async () => {
    const organizations = await db.prisma.organization.findMany();
    expect(organizations.every((o) => o.binIsPlaceholder && isValidBin(o.bin))).toBe(true);
    expect(await db.prisma.accreditationCase.count({ where: { isDemo: false } })).toBe(0);
    expect(await db.prisma.decision.count({ where: { isDemo: false } })).toBe(0);
    expect(await db.prisma.report.count({ where: { isDemo: false } })).toBe(0);
    expect(await db.prisma.supportEvent.count({ where: { isDemo: false } })).toBe(0);
    expect(await db.prisma.methodologicalMaterial.count({ where: { isDemo: false } })).toBe(0);
    expect(await db.prisma.supportEvent.count({ where: { NOT: { titleEn: { startsWith: 'Demonstration:' } } } })).toBe(0);
    expect(await db.prisma.decision.count({ where: { NOT: { number: { startsWith: 'DEMO-' } } } })).toBe(0);
    const framework = await db.prisma.standardFramework.findUniqueOrThrow({ where: { version: 1 } });
    expect(framework.isSample).toBe(true);
  });

  it('names every region and campus in Kazakh, Russian and English', async () => {
    const regions = await db.prisma.region.findMany();
    const organizations = await db.prisma.organization.findMany();
    for (const row of [...regions, ...organizations]) {
      expect([row.nameKk, row.nameRu, row.nameEn].every((name) => typeof name === 'string' && name.length > 2)).toBe(true);
    }
    expect(regions.some((r) => /[әғқңөұүһі]/.test(r.nameKk))).toBe(true);
  });
});
