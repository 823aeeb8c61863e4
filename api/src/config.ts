// Runtime configuration, read once from the environment. Every knob is documented in
// the README's "Configuration" table.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface AppConfig {
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder of the embedded PGlite database (ignored when databaseUrl is set). */
  dataDir: string;
  apiHost: string;
  apiPort: number;
  sitePort: number;
  logLevel: string;
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number between 0 and 65535, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(repositoryRoot, env.KZA_DATA_DIR || '.data/pglite'),
    apiHost: env.API_HOST || '127.0.0.1',
    apiPort: port('API_PORT', 4000),
    sitePort: port('SITE_PORT', 4321),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
