import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests share one PostgreSQL server and two cores: files run in parallel, tests in a file in order.
    maxWorkers: 2,
  },
});
