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
    expect(first.criteria).toBeGreaterThanOrEqual(30);
    expect(first.criteria).toBeLessThanOrEqual(40);
    await seedDatabase(db.prisma);
    expect(await tableCounts(db)).toEqual(first);
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
