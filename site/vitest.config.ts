import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// The tests start the real API (@kza/api/testing) in this process. Like the API's own
// tests, load graphql's CommonJS build (the one Apollo and Pothos use), resolved from the
// api package, so that only one copy of graphql is in play.
const requireFromApi = createRequire(new URL('../api/package.json', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: requireFromApi.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One build and one browser for the file; its tests run in order.
    fileParallelism: false,
  },
});
