// Opens the configured database for a command-line tool: PGlite in the data folder when
// DATABASE_URL is unset, PostgreSQL otherwise.
import { loadConfig, type AppConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';

export async function openConfiguredDatabase(config: AppConfig = loadConfig()): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}
