// The API's HTTP server: GraphQL on /graphql (Apollo Server 5 on Express 5), health
// probes on /healthz and /readyz, structured request logs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { Database } from './db/database.ts';
import { createContext, type GraphQLContext } from './graphql/context.ts';
import { schema } from './graphql/schema.ts';
import type { Logger } from './shared/logger.ts';

export interface ApiServer {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  graphqlUrl: string;
  httpServer: Server;
  close(): Promise<void>;
}

export interface ApiServerOptions {
  db: Database;
  logger: Logger;
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  /** Clock for "today" in accreditation statuses; tests pin it. */
  now?: () => Date;
}

const READINESS_TIMEOUT_MS = 2000;

/** Hides internal faults from clients (they are logged); business and input errors pass. */
function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      if (!(original instanceof GraphQLError)) {
        logger.error({ err: original, path: formatted.path }, 'unexpected error in a resolver');
        return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
    }
    return formatted;
  };
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { db, logger } = options;
  const now = options.now ?? (() => new Date());
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(logger),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await Promise.race([
        db.prisma.$queryRaw`SELECT 1`,
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer in time')), READINESS_TIMEOUT_MS)),
      ]);
      res.json({ status: 'ready', database: db.kind });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: db.kind, reason: 'database unreachable' });
    }
  });

  app.use(
    '/graphql',
    cors(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => createContext(db.prisma, now()) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    httpServer,
    close: () => apollo.stop(),
  };
}
