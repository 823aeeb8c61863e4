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
import { createRequestContext } from './auth/request-context.ts';
import { createAuthService, type AuthService } from './auth/service.ts';
import { loadAuthSettings } from './auth/settings.ts';
import { resolveViewer } from './auth/viewer.ts';
import { loadConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { documentsRouter } from './documents/routes.ts';
import { DocumentStorage } from './documents/storage.ts';
import type { GraphQLContext } from './graphql/context.ts';
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
  /** Called after a publication is committed; `pnpm start` rebuilds the site then. */
  onRegisterChanged?: () => void;
  /** Clock for "today" in accreditation statuses; tests pin it. */
  now?: () => Date;
  /** Sign-in settings and limiters; from the environment (KZA_JWT_SECRET, ...) when omitted. */
  auth?: AuthService;
  /** Document folder and upload limit; from the environment (KZA_DOCUMENTS_DIR, KZA_MAX_UPLOAD_BYTES) when omitted. */
  documents?: { dir: string; maxUploadBytes: number };
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
  const auth = options.auth ?? createAuthService(loadAuthSettings());
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
    // The viewer comes from the Authorization header; a bad token answers 401 (auth/viewer.ts).
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ ...(await createRequestContext(db.prisma, auth, req, now())), registerChanged: options.onRegisterChanged }),
    }),
  );

  // Upload and download of case documents (documents/routes.ts), beside GraphQL.
  const config = loadConfig();
  const documents = options.documents ?? { dir: config.documentsDir, maxUploadBytes: config.maxUploadBytes };
  app.use(
    '/documents',
    documentsRouter({
      prisma: db.prisma,
      storage: new DocumentStorage(documents.dir),
      maxUploadBytes: documents.maxUploadBytes,
      resolveViewer: (req) => resolveViewer(db.prisma, req.headers.authorization, now(), auth),
      logger,
      now,
    }),
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
