// `pnpm import:organizations <file.csv> [--dry-run]`: loads the ministry's list of schools
// and colleges (format: docs/organizations-csv.md). Exit codes: 0 imported, 1 the file has
// invalid rows or the database refused it (nothing written), 2 wrong usage or no such file.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { importOrganizations, type ImportRowError } from '../organizations/import.ts';

const USAGE = `usage: pnpm import:organizations <file.csv> [--dry-run]

Creates or updates schools and colleges by BIN from a CSV file (UTF-8, ';' or ','
separated, header row required). The file is imported whole or not at all.
  --dry-run   check the file and count what would change, write nothing
Format: docs/organizations-csv.md`;

function usageError(problem?: string): never {
  if (problem) console.error(`${problem}\n`);
  console.error(USAGE);
  process.exit(2);
}

function formatErrors(errors: readonly ImportRowError[]): string[] {
  const cells = errors.map((error) => [error.row === 0 ? 'file' : `row ${error.row}`, error.column || '-', error.rule, error.message]);
  const widths = [0, 1, 2].map((index) => Math.max(...cells.map((row) => (row[index] ?? '').length)));
  return cells.map((row) => row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd());
}

const args = process.argv.slice(2);
const unknownFlag = args.find((arg) => arg.startsWith('-') && arg !== '--dry-run');
if (unknownFlag) usageError(`unknown option ${unknownFlag}`);
const files = args.filter((arg) => !arg.startsWith('-'));
if (files.length !== 1 || !files[0]) usageError(files.length > 1 ? 'give exactly one file' : undefined);
const dryRun = args.includes('--dry-run');

// pnpm runs the script inside api/; INIT_CWD is where pnpm started (the repository root
// for the root script), so relative paths mean what the usage examples show.
const path = resolve(process.env.INIT_CWD ?? process.cwd(), files[0]);
let input: Buffer;
try {
  input = await readFile(path);
} catch (error) {
  const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
  usageError(`cannot read ${path}: ${reason}`);
}

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(db, (message) => console.error(message));
  const result = await importOrganizations(db.prisma, input, { dryRun });
  const name = basename(path);
  if (result.ok) {
    const verb = dryRun ? 'would be ' : '';
    console.log(
      `${name}: ${result.rows} rows: ${result.created} ${verb}created, ${result.updated} ${verb}updated, ${result.unchanged} unchanged` +
        (result.predecessorLinks > 0 ? `; ${result.predecessorLinks} predecessor links ${verb}set or cleared` : '') +
        (dryRun ? ' (dry run, nothing written)' : ''),
    );
  } else {
    const rows = new Set(result.errors.filter((error) => error.row > 0).map((error) => error.row)).size;
    const problems = result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`;
    const where = rows > 1 ? ` in ${rows} rows` : '';
    console.error(`${name}: ${problems}${where}, nothing was imported`);
    for (const line of formatErrors(result.errors)) console.error(line);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
// The WebAssembly schema engine leaves a timer behind that would keep the process alive for
// seconds after the work is done: a one-shot command ends here.
process.exit(process.exitCode ?? 0);
