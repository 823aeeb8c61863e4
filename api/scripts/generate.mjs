// Runs `prisma generate` (Prisma client + Pothos types) without Prisma's native schema
// engine, which is downloaded from outside the npm registry: generate never uses it,
// so PRISMA_SCHEMA_ENGINE_BINARY points at a stub that only exists to satisfy the CLI.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const stubDir = join(tmpdir(), 'kza-prisma');
const stub = join(stubDir, 'schema-engine-unavailable');
mkdirSync(stubDir, { recursive: true });
writeFileSync(stub, '#!/bin/sh\necho "the native schema engine is not used by this project" >&2\nexit 1\n');
chmodSync(stub, 0o755);

const result = spawnSync('prisma', ['generate', '--no-hints'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
  shell: false,
});
process.exit(result.status ?? 1);
