// The API's HTTP server: GraphQL on /graphql (Apollo Server 5 on Express 5), health
// probes on /healthz and /readyz, structured request logs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { BREAK, GraphQLError, Kind, visit, type ASTNode, type DocumentNode, type GraphQLFormattedError } from 'graphql';
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
const MAX_ECHOED_MESSAGE = 200;

/**
 * Hides internal faults from clients (they are logged); business and input errors pass.
 * Errors the GraphQL layer raises about the request itself (a malformed cursor or global
 * id, a negative page size) carry no code: they are the caller's, so BAD_USER_INPUT, and
 * their message is cut short so that a huge argument is not echoed back.
 */
function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      if (!(original instanceof GraphQLError)) {
        logger.error({ err: original, path: formatted.path }, 'unexpected error in a resolver');
        return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
      if (original.extensions?.code === undefined) {
        const message = original.message.length > MAX_ECHOED_MESSAGE ? `${original.message.slice(0, MAX_ECHOED_MESSAGE)}…` : original.message;
        return { message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
      }
    }
    return formatted;
  };
}

/** Longest text any argument may hold: long enough for a self-assessment narrative. */
const MAX_TEXT_LENGTH = 20_000;

/**
 * Refuses, up front and clearly, text PostgreSQL cannot store (a NUL character) and text no
 * field needs (longer than MAX_TEXT_LENGTH), in literals and in variables alike.
 */
const refuseUnstorableText: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        // Each text with where it was given: a variable path (["$input", "name"]) or the
        // argument and input fields around a literal (["input", "name"]).
        const texts: { text: string; field: string[] }[] = [];
        collectStrings(request.variables ?? {}, [], texts);
        visit(document, {
          StringValue(node, _key, parent, _path, ancestors) {
            // `ancestors` stops above the parent, which is the input field the text is in.
            const field = [...ancestors, parent ?? []].flatMap((ancestor) =>
              !Array.isArray(ancestor) && 'kind' in ancestor && (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD) ? [ancestor.name.value] : [],
            );
            texts.push({ text: node.value, field });
          },
        });
        const refuse = (message: string, rule: string, field: string[]) =>
          new GraphQLError(`${message} (at ${field.join('.') || 'the query'})`, {
            extensions: { code: 'BAD_USER_INPUT', rule, field, argument: field[0]?.startsWith('$') ? undefined : field[0], http: { status: 400 } },
          });
        const withNul = texts.find(({ text }) => text.includes('\u0000'));
        if (withNul) throw refuse('Text may not contain the NUL character (U+0000).', 'NO_NUL_CHARACTER', withNul.field);
        const tooLong = texts.find(({ text }) => text.length > MAX_TEXT_LENGTH);
        if (tooLong) throw refuse(`Text may be at most ${MAX_TEXT_LENGTH} characters long.`, 'TEXT_TOO_LONG', tooLong.field);
      },
    };
  },
};

/** Names of the arguments and input fields around a node of the document, outermost first. */
function inputPathTo(document: DocumentNode, target: ASTNode): string[] | null {
  let found: string[] | null = null;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (node !== target) return undefined;
      found = [...ancestors, parent ?? []].flatMap((each) =>
        !Array.isArray(each) && 'kind' in each && (each.kind === Kind.ARGUMENT || each.kind === Kind.OBJECT_FIELD) ? [each.name.value] : [],
      );
      return BREAK;
    },
  });
  return found;
}

/**
 * A scalar that refuses a value (a Date or DateTime) knows its rule but not where the value
 * was given: name the argument and input fields (a literal) or the variable path.
 */
const nameRefusedValues: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, document }) {
        for (const error of errors) {
          const node = error.nodes?.[0];
          if (typeof error.extensions.rule !== 'string' || !node || error.extensions.field) continue;
          if (node.kind === Kind.VARIABLE_DEFINITION) {
            const inside = /got invalid value .* at "([^"]+)"; /.exec(error.message)?.[1];
            error.extensions.field = inside ? [`$${inside.split('.')[0]}`, ...inside.split('.').slice(1)] : [`$${node.variable.name.value}`];
          } else if (document) {
            const field = inputPathTo(document, node);
            if (field?.length) Object.assign(error.extensions, { argument: field[0], field, code: 'BAD_USER_INPUT' });
          }
        }
      },
    };
  },
};

function collectStrings(value: unknown, path: string[], into: { text: string; field: string[] }[]): void {
  if (typeof value === 'string') into.push({ text: value, field: path });
  else if (Array.isArray(value)) value.forEach((item, index) => collectStrings(item, [...path, String(index)], into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) collectStrings(item, path.length === 0 ? [`$${key}`] : [...path, key], into);
  }
}

function jsonError(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
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
    // The process owns its signals: Apollo's own handler would re-raise SIGINT and kill the
    // process before the embedded database is closed.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), refuseUnstorableText, nameRefusedValues],
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
      onRegisterChanged: options.onRegisterChanged,
    }),
  );

  // Anything else is not here; errors of the HTTP layer (a body too large or not JSON)
  // answer in JSON like the API, never with Express's HTML page and stack trace.
  app.use((_req: express.Request, res: express.Response) => jsonError(res, 404, 'NOT_FOUND', 'No such address.'));
  app.use((error: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error.type === 'entity.too.large') jsonError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 1 MB.');
    else if (error.type === 'entity.parse.failed') jsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    else if (error.status && error.status >= 400 && error.status < 500) jsonError(res, error.status, 'BAD_REQUEST', 'The request is malformed.');
    else {
      logger.error({ err: error }, 'unexpected error in the HTTP layer');
      jsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
  });

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
