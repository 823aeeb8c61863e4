import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../db/seed.ts';
import { createTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { DEMO_CERTIFICATE_PREFIX } from './certification.ts';
import { isValidIin } from './iin.ts';

describe('the seed’s demonstration experts', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
  });
  afterAll(() => db?.destroy());

  const counts = async () => ({
    experts: await db.prisma.expert.count(),
    employments: await db.prisma.expertEmployment.count(),
    familyLinks: await db.prisma.expertFamilyLink.count(),
    auditEvents: await db.prisma.auditEvent.count(),
  });

  it('loads 40 certified experts, flagged by their certificate numbers, and loads them again without change', async () => {
    const summary = await seedDatabase(db.prisma);
    expect(summary.experts).toBe(40);
    const first = await counts();
    expect(first.experts).toBe(40);
    expect(first.employments).toBeGreaterThanOrEqual(40);
    await seedDatabase(db.prisma);
    expect(await counts()).toEqual(first);
    const experts = await db.prisma.expert.findMany({ include: { employments: true } });
    expect(experts.every((e) => e.status === 'CERTIFIED' && e.certificateNumber?.startsWith(DEMO_CERTIFICATE_PREFIX) && isValidIin(e.iin))).toBe(true);
    expect(experts.some((e) => e.employments.some((job) => job.organizationId !== null))).toBe(true);
  });

  it('loads no experts without the demonstration data', async () => {
    const bare = await createTestDatabase('pglite');
    try {
      expect((await seedDatabase(bare.prisma, { demo: false })).experts).toBe(0);
      expect(await bare.prisma.expert.count()).toBe(0);
    } finally {
      await bare.destroy();
    }
  });
});
