import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds; Node (and so Pothos and Apollo) loads the
    // CommonJS one, so tests must too, or `instanceof` checks see two graphql modules.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests share one PostgreSQL server and two cores: files run in parallel, tests in a file in order.
    maxWorkers: 2,
  },
});
