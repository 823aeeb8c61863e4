// `pnpm db:migration:new <name>`: writes the next migration from the difference between
// the existing migrations and prisma/schema.prisma.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { openMigrationEngine } from '../db/migrations.ts';

const name = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (!name) {
  console.error('usage: pnpm db:migration:new <name>   (e.g. pnpm db:migration:new add_experts)');
  process.exit(2);
}
const config = loadConfig();
// An empty throw-away PGlite is enough: the engine replays the migrations in a shadow database.
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: 'memory://' });
const engine = await openMigrationEngine(db.adapterFactory);
try {
  const folder = await engine.create(name);
  console.log(folder ? `created ${folder}` : 'prisma/schema.prisma matches the migrations: nothing to create');
} finally {
  engine.close();
  await db.close();
}
// The WebAssembly schema engine leaves a timer behind that would keep the process alive for
// seconds after the work is done: a one-shot command ends here.
process.exit(process.exitCode ?? 0);
