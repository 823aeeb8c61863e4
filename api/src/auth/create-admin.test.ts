// The first administrator: the domain function on both database kinds, and the command
// itself end to end (on PostgreSQL when reachable, else on a PGlite folder).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { createTestDatabase, postgresReachable, testDatabaseKinds, testPostgresUrl } from '../testing/index.ts';
import { createAdmin } from './admin.ts';
import { testPasswordHashing, verifyPassword } from './passwords.ts';

const run = promisify(execFile);
const kinds = await testDatabaseKinds();
const apiDir = join(import.meta.dirname, '..', '..');

describe.each(kinds)('createAdmin on %s', (kind) => {
  it('creates an ADMIN once, audited, and refuses the same e-mail or a weak password', async () => {
    const db = await createTestDatabase(kind);
    try {
      const input = { email: 'Root@Example.kz', displayName: 'Root', password: 'a long enough password' };
      const created = await createAdmin(db.prisma, input, { hashing: testPasswordHashing });
      expect(created.ok).toBe(true);
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'root@example.kz' } });
      expect(user.roles).toEqual(['ADMIN']);
      expect(await verifyPassword(user.passwordHash, input.password)).toBe(true);
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: user.id } });
      expect(audit).toMatchObject({ action: 'user.create', actorId: null, actorLabel: 'command line (user:create-admin)' });

      expect(await createAdmin(db.prisma, input, { hashing: testPasswordHashing })).toMatchObject({ ok: false, errors: [{ code: 'ALREADY_EXISTS' }] });
      expect(await createAdmin(db.prisma, { ...input, email: 'two@example.kz', password: 'short' })).toMatchObject({
        ok: false,
        errors: [{ code: 'INVALID', field: ['input', 'password'] }],
      });
      expect(await db.prisma.user.count()).toBe(1);
    } finally {
      await db.destroy();
    }
  });
});

/** Where the command writes: a fresh PostgreSQL database when reachable (quicker), else a PGlite folder. */
async function scratchDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kza-admin-'));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  if (!(await postgresReachable())) {
    const dataDir = join(dir, 'pglite');
    return { env: { DATABASE_URL: '', KZA_DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }), drop: removeDir };
  }
  const name = `kza_test_admin_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: testPostgresUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    env: { DATABASE_URL: databaseUrl, KZA_DATA_DIR: join(dir, 'pglite') },
    open: () => openDatabase({ databaseUrl, dataDir: join(dir, 'pglite') }),
    drop: async () => {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await removeDir();
    },
  };
}

describe('pnpm user:create-admin', () => {
  it('creates the admin from KZA_ADMIN_PASSWORD, then refuses the same e-mail with exit code 1', async () => {
    const scratch = await scratchDatabase();
    const env = { ...process.env, ...scratch.env, KZA_ADMIN_PASSWORD: 'a long enough password' };
    const tsx = join(apiDir, 'node_modules', '.bin', 'tsx');
    const createAdminCommand = (...args: string[]) =>
      run(tsx, ['src/cli/create-admin.ts', ...args], { cwd: apiDir, env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    try {
      expect(await createAdminCommand('--email', 'x@example.kz')).toMatchObject({ code: 2, stderr: expect.stringMatching(/give --name/) });
      const first = await createAdminCommand('--email', 'root@example.kz', '--name', 'Root');
      expect(first.stdout).toMatch(/created ADMIN root@example.kz/);
      const second = await createAdminCommand('--email', 'Root@Example.kz', '--name', 'Root again');
      expect(second).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists/) });

      const db = await scratch.open();
      try {
        expect(await db.prisma.user.findMany({ select: { email: true, roles: true } })).toEqual([{ email: 'root@example.kz', roles: ['ADMIN'] }]);
      } finally {
        await db.close();
      }
    } finally {
      await scratch.drop();
    }
  });
});
