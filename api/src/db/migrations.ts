// Migrations through Prisma's WebAssembly schema engine. Prisma's native schema engine
// is downloaded from outside the npm registry, which our networks cannot reach; the
// WebAssembly build ships inside an npm package and talks to the database through the
// same driver adapter as the client. Layout and history table (`_prisma_migrations`)
// are Prisma's own, so `prisma migrate deploy` stays compatible.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';
import { repositoryRoot } from '../config.ts';

export const schemaPath = join(repositoryRoot, 'prisma', 'schema.prisma');
export const migrationsDir = join(repositoryRoot, 'prisma', 'migrations');

const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

/** Instantiates the engine's WebAssembly module once per process. */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = readFileSync(join(dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': engineBindings });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    engineBindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return wasmReady;
}

function readSchema(): { path: string; content: string } {
  return { path: schemaPath, content: readFileSync(schemaPath, 'utf8') };
}

/** Reads prisma/migrations as the engine expects it (Prisma's standard layout). */
export function readMigrations(dir = migrationsDir): MigrationList {
  const directories = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = join(dir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

export interface MigrationEngine {
  /** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
  apply(): Promise<string[]>;
  /** SQL that would take a database built by the migrations to prisma/schema.prisma ('' when none). */
  driftFromSchema(): Promise<string>;
  /** SQL that would take the live database to prisma/schema.prisma ('' when none). */
  liveDriftFromSchema(): Promise<string>;
  /** Writes prisma/migrations/<timestamp>_<name>/migration.sql; returns its folder, or null when nothing changed. */
  create(name: string): Promise<string | null>;
  close(): void;
}

export async function openMigrationEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void = () => {},
): Promise<MigrationEngine> {
  await loadWasm();
  const schema = readSchema();
  const engine: SchemaEngine = await engineBindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  const diff = async (from: Parameters<SchemaEngine['diff']>[0]['from']) => {
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [readSchema()] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = (result.stdout ?? '').trim();
    return sql === '-- This is an empty migration.' ? '' : sql;
  };
  return {
    async apply() {
      const output = await engine.applyMigrations({ migrationsList: readMigrations(), filters: noFilter });
      return output.appliedMigrationNames;
    },
    driftFromSchema: () => diff({ tag: 'migrations', ...readMigrations() }),
    liveDriftFromSchema: () => diff({ tag: 'schemaDatasource', files: [readSchema()], configDir: repositoryRoot }),
    async create(name: string) {
      const slug = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '');
      if (!slug) throw new Error('A migration needs a name made of letters or digits, e.g. "add_experts"');
      // The engine's createMigration needs a shadow-database factory the WebAssembly build
      // lacks for PostgreSQL; a diff from the migration history to the schema is the same SQL.
      const script = await diff({ tag: 'migrations', ...readMigrations() });
      if (!script) return null;
      const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
      const folder = join(migrationsDir, `${stamp}_${slug}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'migration.sql'), `${script}\n`);
      return folder;
    },
    close: () => engine.free(),
  };
}
