// `pnpm db:seed [--no-demo]`: loads prisma/seed into the configured database (idempotent).
import { migrate } from '../db/migrate.ts';
import { seedDatabase } from '../db/seed.ts';
import { openConfiguredDatabase } from './open.ts';

const db = await openConfiguredDatabase();
try {
  await migrate(db);
  const summary = await seedDatabase(db.prisma, { demo: !process.argv.includes('--no-demo') });
  console.log(
    `seeded ${db.location}: ${summary.regions} regions, ${summary.organizations} organizations, ` +
      `${summary.criteria} criteria, ${summary.cases} demonstration cases, ${summary.decisions} decisions, ${summary.reports} reports, ` +
      `${summary.supportEvents} demonstration events, ${summary.materials} materials`,
  );
} finally {
  await db.close();
}
// The WebAssembly schema engine leaves a timer behind that would keep the process alive for
// seconds after the work is done: a one-shot command ends here.
process.exit(process.exitCode ?? 0);
