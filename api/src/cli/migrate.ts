// `pnpm db:migrate`: applies prisma/migrations to the configured database.
import { migrate } from '../db/migrate.ts';
import { openConfiguredDatabase } from './open.ts';

const db = await openConfiguredDatabase();
try {
  const applied = await migrate(db);
  console.log(
    applied.length ? `applied ${applied.length} migration(s) to ${db.location}: ${applied.join(', ')}` : `${db.location} is up to date`,
  );
} finally {
  await db.close();
}
// The WebAssembly schema engine leaves a timer behind that would keep the process alive for
// seconds after the work is done: a one-shot command ends here.
process.exit(process.exitCode ?? 0);
