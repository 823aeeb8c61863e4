// Brings a database to the schema of prisma/migrations.
import type { Database } from './database.ts';
import { openMigrationEngine } from './migrations.ts';

export async function migrate(db: Database, log: (message: string) => void = () => {}): Promise<string[]> {
  const engine = await openMigrationEngine(db.adapterFactory);
  try {
    const applied = await engine.apply();
    for (const name of applied) log(`applied migration ${name}`);
    return applied;
  } finally {
    engine.close();
  }
}
