// A real API over HTTP for tests: a migrated and seeded database (PGlite in memory unless
// a kind is given) behind the production server on a free port.
import type { DatabaseKind } from '../db/database.ts';
import { seedDatabase } from '../db/seed.ts';
import { startApiServer, type ApiServer } from '../server.ts';
import { createLogger } from '../shared/logger.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export interface TestApi extends ApiServer {
  db: TestDatabase;
  /** Sends a GraphQL operation and returns the parsed JSON body. */
  query<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: GraphQLErrorBody[] }>;
  stop(): Promise<void>;
}

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface TestApiOptions {
  kind?: DatabaseKind;
  /** Load prisma/seed (default true). */
  seed?: boolean;
  now?: () => Date;
  onQuery?: (sql: string) => void;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase(options.kind ?? 'pglite', { onQuery: options.onQuery });
  if (options.seed !== false) await seedDatabase(db.prisma);
  const server = await startApiServer({ db, logger: createLogger('silent'), port: 0, now: options.now });
  return {
    ...server,
    db,
    async query(query, variables) {
      const response = await fetch(server.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async stop() {
      await server.close();
      await db.destroy();
    },
  };
}
