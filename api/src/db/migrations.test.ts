import { afterEach, describe, expect, it } from 'vitest';
import { openMigrationEngine } from './migrations.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/databases.ts';

const kinds = await testDatabaseKinds();

describe.each(kinds)('migrations on %s', (kind) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it('produce exactly prisma/schema.prisma: no drift from history, none on the live database', async () => {
    db = await createTestDatabase(kind);
    const engine = await openMigrationEngine(db.adapterFactory);
    try {
      expect(await engine.driftFromSchema()).toBe('');
      expect(await engine.liveDriftFromSchema()).toBe('');
      expect(await engine.apply()).toEqual([]);
    } finally {
      engine.close();
    }
  });

  it('notices a live database that no longer matches the schema', async () => {
    db = await createTestDatabase(kind);
    await db.prisma.$executeRawUnsafe('ALTER TABLE "region" ADD COLUMN "stray" text');
    const engine = await openMigrationEngine(db.adapterFactory);
    try {
      expect(await engine.liveDriftFromSchema()).toMatch(/stray/);
    } finally {
      engine.close();
    }
  });

  it('record history in _prisma_migrations, as prisma migrate deploy does', async () => {
    db = await createTestDatabase(kind);
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      'SELECT migration_name, finished_at FROM _prisma_migrations',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it('enforce the BIN check digit in the database too', async () => {
    db = await createTestDatabase(kind);
    const [row] = await db.prisma.$queryRawUnsafe<{ good: boolean; bad: boolean; short: boolean }[]>(
      `SELECT kza_bin_is_valid('000000000010') AS good, kza_bin_is_valid('000000000011') AS bad, kza_bin_is_valid('12345') AS short`,
    );
    expect(row).toEqual({ good: true, bad: false, short: false });
  });
});
