// Opens the configured database for a command-line tool: PGlite in the data folder when
// DATABASE_URL is unset, PostgreSQL otherwise.
import { loadConfig, type AppConfig } from '../config.ts';
import { DatabaseInUseError, openDatabase, type Database } from '../db/database.ts';

/** A folder held by another process is the user's situation, not a fault: one line, exit 1. */
export async function openConfiguredDatabase(config: AppConfig = loadConfig()): Promise<Database> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
