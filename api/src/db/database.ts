// One code path above the driver adapter: PGlite (embedded, the default) or PostgreSQL.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** The adapter factory, shared with the schema engine for migrations. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Human-readable location, for logs (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Called with every SQL statement Prisma sends; used by tests that count statements. */
  onQuery?: (sql: string) => void;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql://(unparseable url)';
  }
}

// The schema engine's introspection reads catalog columns of PostgreSQL's internal "char"
// type (OID 18), which @prisma/adapter-pg cannot map and the engine wants as Character.
// The client reports such a column as text with a marked name, and the adapter wrapper
// below turns the mark back into the Character column type.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_COLUMN_MARK = '\u0000char';

function markCharColumns(result: pg.QueryResult | undefined): void {
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      field.name += CHAR_COLUMN_MARK;
    }
  }
}

class CatalogFriendlyClient extends pg.Client {
  override query(...args: unknown[]): never {
    // pg-pool calls with a trailing callback, direct callers get a promise.
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: Error | null, result: pg.QueryResult) => {
        if (!error) markCharColumns(result);
        callback(error, result);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.then((value: pg.QueryResult) => {
        markCharColumns(value);
        return value;
      }) as never;
    }
    return result as never;
  }
}

function restoreCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    result.columnNames = result.columnNames.map((name, index) => {
      if (!name.endsWith(CHAR_COLUMN_MARK)) return name;
      result.columnTypes[index] = ColumnTypeEnum.Character;
      return name.slice(0, -CHAR_COLUMN_MARK.length);
    });
    return result;
  };
  return queryable;
}

async function withCharColumns(adapterPromise: Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
  const adapter = restoreCharColumns(await adapterPromise);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => restoreCharColumns(await startTransaction(isolationLevel));
  return adapter;
}

/**
 * PrismaPg, with a shadow database (used by the schema engine to replay migrations) that
 * is dropped only after its connections are closed: the stock adapter drops it first and
 * fails with "database is being accessed by other users".
 */
function postgresAdapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const connection = { ...parseIntoClientConfig(databaseUrl), Client: CatalogFriendlyClient };
  const main = new PrismaPg({ ...connection, max: 10 });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => withCharColumns(main.connect()),
    async connectToShadowDb() {
      const admin = await main.connect();
      const name = `kza_shadow_${randomUUID().replaceAll('-', '')}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = await withCharColumns(new PrismaPg({ ...connection, database: name, max: 2 }).connect());
      const closeShadow = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await closeShadow();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}

/**
 * PGlite is a single-process database: two processes on one folder would each see a stale
 * copy and could corrupt it. A lock file beside the folder names the process holding it.
 */
/** The embedded database's folder is held by another running process. */
export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

function lockDataDir(dataDir: string): void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (holder && holder !== process.pid && processIsAlive(holder)) {
        throw new DatabaseInUseError(
          `The embedded database ${dataDir} is in use by process ${holder} (is \`pnpm start\` running?). ` +
            'Stop that process first, or use PostgreSQL (DATABASE_URL) to share one database between processes.',
          { cause: error },
        );
      }
      rmSync(lockPath, { force: true }); // left behind by a process that no longer runs
    }
  }
}

function unlockDataDir(dataDir: string): void {
  const lockPath = `${dataDir}.lock`;
  if (existsSync(lockPath) && readFileSync(lockPath, 'utf8') === String(process.pid)) rmSync(lockPath, { force: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const log = options.onQuery ? ([{ emit: 'event', level: 'query' }] as const) : undefined;
  if (options.databaseUrl) {
    const adapterFactory = postgresAdapterFactory(options.databaseUrl);
    const prisma = new PrismaClient({ adapter: adapterFactory, log: log ? [...log] : [] });
    if (options.onQuery) {
      const onQuery = options.onQuery;
      prisma.$on('query' as never, (event: { query: string }) => onQuery(event.query));
    }
    return {
      kind: 'postgresql',
      prisma,
      adapterFactory,
      location: redact(options.databaseUrl),
      close: () => prisma.$disconnect(),
    };
  }
  // "memory://" gives a throw-away database (tests); anything else is a folder on disk.
  const onDisk = !options.dataDir.startsWith('memory://');
  if (onDisk) {
    mkdirSync(options.dataDir, { recursive: true });
    lockDataDir(options.dataDir);
  }
  const client = await PGlite.create({ dataDir: options.dataDir });
  const adapterFactory = new PrismaPGlite(client);
  const prisma = new PrismaClient({ adapter: adapterFactory, log: log ? [...log] : [] });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    prisma.$on('query' as never, (event: { query: string }) => onQuery(event.query));
  }
  return {
    kind: 'pglite',
    prisma,
    adapterFactory,
    location: options.dataDir,
    close: async () => {
      await prisma.$disconnect();
      await client.close();
      if (onDisk) unlockDataDir(options.dataDir);
    },
  };
}
