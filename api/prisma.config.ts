// Prisma CLI configuration. Only `prisma generate` is run through the CLI: migrations go
// through the WebAssembly schema engine (src/db/migrations.ts), so no datasource URL here.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: '../prisma/schema.prisma',
  migrations: { path: '../prisma/migrations' },
});
