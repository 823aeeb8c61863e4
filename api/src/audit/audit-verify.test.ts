// `pnpm audit:verify` end to end: the command in a child process on a PGlite folder, intact,
// then tampered with.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { appendSampleEvents } from './testing.ts';

const run = promisify(execFile);
const apiDir = join(import.meta.dirname, '..', '..');
const tsx = join(apiDir, 'node_modules', '.bin', 'tsx');

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('pnpm audit:verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kza-audit-'));
  const dataDir = join(dir, 'pglite');
  let sequences: bigint[] = [];
  let lastHash = '';

  /** The database is opened only between commands: PGlite allows one process per folder. */
  async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
    const db = await openDatabase({ dataDir });
    try {
      return await work(db);
    } finally {
      await db.close();
    }
  }

  async function verify(...args: string[]): Promise<CommandResult> {
    const env = { ...process.env, DATABASE_URL: '', KZA_DATA_DIR: dataDir };
    try {
      const { stdout, stderr } = await run(tsx, ['src/cli/audit-verify.ts', ...args], { cwd: apiDir, env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  beforeAll(async () => {
    await withDatabase(async (db) => {
      await migrate(db);
      sequences = await appendSampleEvents(db.prisma, 5);
      lastHash = (await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { sequence: 'desc' } })).hash;
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an intact chain with its last hash and exits 0, with or without a matching anchor', async () => {
    const intact = await verify();
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain(`audit chain intact: 5 events, last hash ${lastHash}`);
    expect(await verify('--anchor', lastHash)).toMatchObject({ code: 0 });
    expect(await verify('--anchor', 'not-a-hash')).toMatchObject({ code: 2, stderr: expect.stringMatching(/64 hexadecimal digits/) });
  });

  it('names the first broken event and exits 1 once a row is edited in SQL', async () => {
    const edited = sequences[2] ?? -1n;
    await withDatabase((db) => db.prisma.$executeRawUnsafe(`UPDATE audit_event SET actor_label = 'someone else' WHERE sequence = ${edited}`));
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`BROKEN at event ${edited} (case.step on AccreditationCase case-2)`);
    expect(broken.stderr).toMatch(/does not match its hash/);
    expect(broken.stdout).not.toContain('intact');
  });

  it('exits 1 when an anchor kept earlier is no longer in the trail (its newest events removed)', async () => {
    await withDatabase(async (db) => {
      // Undo the edit of the test before, by removing every event from it on: a truncated chain.
      await db.prisma.$executeRawUnsafe(`DELETE FROM audit_event WHERE sequence >= ${sequences[2] ?? -1n}`);
    });
    expect(await verify()).toMatchObject({ code: 0, stdout: expect.stringContaining('intact: 2 events') });
    const anchored = await verify('--anchor', lastHash);
    expect(anchored.code).toBe(1);
    expect(anchored.stderr).toMatch(/anchor .* is not in it/);
  });
});
