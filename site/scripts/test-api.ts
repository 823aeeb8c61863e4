// Starts the real API over a seeded in-memory database, for working on the site locally:
//   pnpm --filter @kza/site run api:test      (prints KZA_API_URL; Ctrl-C stops it)
import { startTestApi } from '@kza/api/testing';

const api = await startTestApi();
console.log(`KZA_API_URL=${api.graphqlUrl}`);
const stop = async () => {
  await api.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
