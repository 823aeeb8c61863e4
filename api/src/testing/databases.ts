// Real databases for tests: a throw-away PGlite in memory, and (when reachable) a fresh
// PostgreSQL database on 127.0.0.1:5432 that is dropped afterwards.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

export const testPostgresUrl = process.env.KZA_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

let reachable: Promise<boolean> | undefined;

/** Whether the test PostgreSQL server answers; the PostgreSQL variants of tests run only then. */
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

/** Database kinds to run integration tests on: PGlite always, PostgreSQL when reachable. */
export async function testDatabaseKinds(): Promise<DatabaseKind[]> {
  return (await postgresReachable()) ? ['pglite', 'postgresql'] : ['pglite'];
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends Database {
  /** Closes the connection and, for PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Apply prisma/migrations (default true). */
  migrate?: boolean;
  onQuery?: (sql: string) => void;
}

export async function createTestDatabase(kind: DatabaseKind, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  let db: Database;
  let drop = async () => {};
  if (kind === 'postgresql') {
    const name = `kza_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(testPostgresUrl);
    url.pathname = `/${name}`;
    db = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://', onQuery: options.onQuery });
    drop = () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    db = await openDatabase({ dataDir: 'memory://', onQuery: options.onQuery });
  }
  if (options.migrate !== false) await migrate(db);
  return {
    ...db,
    async destroy() {
      await db.close();
      await drop();
    },
  };
}
