// A real API over HTTP for tests: a migrated and seeded database (PGlite in memory unless
// a kind is given) behind the production server on a free port.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createAuthService, type AuthService } from '../auth/service.ts';
import type { AuthSettings } from '../auth/settings.ts';
import { createTestUser, testAuthSettings } from '../auth/test-users.ts';
import type { DatabaseKind } from '../db/database.ts';
import { seedDatabase } from '../db/seed.ts';
import { DocumentStorage } from '../documents/storage.ts';
import type { DocumentKind } from '../generated/prisma/enums.ts';
import { startApiServer, type ApiServer } from '../server.ts';
import { createLogger, type Logger } from '../shared/logger.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export { createTestUser, TEST_PASSWORD, type TestUser, type TestUserOptions } from '../auth/test-users.ts';

export interface QueryOptions {
  /** Sent as `Authorization: Bearer <token>` (an access token or an API token). */
  token?: string;
  /** Extra request headers, e.g. a malformed Authorization header. */
  headers?: Record<string, string>;
}

export interface TestApi extends ApiServer {
  db: TestDatabase;
  /** Sends a GraphQL operation and returns the parsed JSON body (as the public unless a token is given). */
  query<T = unknown>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<{ data?: T; errors?: GraphQLErrorBody[] }>;
  /** Like query, with the HTTP status and headers (e.g. to see a 401). */
  request<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<{ status: number; headers: Headers; body: { data?: T; errors?: GraphQLErrorBody[] } }>;
  /** The server's auth settings and limiters (createTestUser signs tokens with them). */
  auth: AuthService;
  /** The server's clock. */
  now(): Date;
  /** Folder of the server's document storage (a fresh temporary folder unless given). */
  documentsDir: string;
  /**
   * Files a document with a report (by database id), as the lead expert would have before
   * publication: the content goes to the server's storage, the record to the database.
   */
  attachToReport(reportId: string, file: { fileName: string; mediaType: string; content: Uint8Array; kind?: DocumentKind }): Promise<{ id: string; sha256: string }>;
  /**
   * Makes a file the document of a methodological material (by database id), as an upload
   * with materialId does: the content to storage, the record attached, any link removed.
   */
  attachToMaterial(materialId: string, file: { fileName: string; mediaType: string; content: Uint8Array }): Promise<{ id: string; sha256: string }>;
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
  /** Overrides of the test auth settings (a random JWT secret, cheap password hashing). */
  auth?: Partial<AuthSettings>;
  /** Folder of the document storage; by default a temporary folder removed by stop(). */
  documentsDir?: string;
  /** Largest upload accepted, in bytes (default 25 MiB, as in production). */
  maxUploadBytes?: number;
  /** The server's rebuild hook (pnpm start rebuilds the site when it is called). */
  onRegisterChanged?: () => void;
  /** The server's logger (silent unless KZA_TEST_LOG_LEVEL is set). */
  logger?: Logger;
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const db = await createTestDatabase(options.kind ?? 'pglite', { onQuery: options.onQuery });
  const now = options.now ?? (() => new Date());
  // Demonstration events are dated from the server's clock, so "upcoming" holds for it.
  if (options.seed !== false) await seedDatabase(db.prisma, { now: now() });
  const auth = createAuthService(testAuthSettings(options.auth));
  const ownDocumentsDir = options.documentsDir === undefined;
  const documentsDir = options.documentsDir ?? (await mkdtemp(join(tmpdir(), 'kza-documents-')));
  const server = await startApiServer({
    db,
    logger: options.logger ?? createLogger(process.env.KZA_TEST_LOG_LEVEL ?? 'silent'),
    port: 0,
    now,
    auth,
    onRegisterChanged: options.onRegisterChanged,
    documents: { dir: documentsDir, maxUploadBytes: options.maxUploadBytes ?? 25 * 1024 * 1024 },
  });
  const storage = new DocumentStorage(documentsDir);
  const request = async (query: string, variables?: Record<string, unknown>, queryOptions: QueryOptions = {}) => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(queryOptions.token ? { authorization: `Bearer ${queryOptions.token}` } : {}),
        ...queryOptions.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const testApi: TestApi = {
    ...server,
    db,
    auth,
    now,
    request,
    async query(query, variables, queryOptions) {
      return (await request(query, variables, queryOptions)).body;
    },
    documentsDir,
    async attachToReport(reportId, file) {
      const report = await db.prisma.report.findUniqueOrThrow({ where: { id: reportId }, select: { caseId: true } });
      const uploader = await createTestUser(testApi, { roles: ['EXPERT'] });
      const staged = await storage.stage(Readable.from([Buffer.from(file.content)]));
      await staged.commit();
      const document = await db.prisma.document.create({
        data: {
          caseId: report.caseId,
          reportId,
          kind: file.kind ?? 'REPORT',
          fileName: file.fileName,
          mediaType: file.mediaType,
          size: staged.size,
          sha256: staged.sha256,
          uploadedById: uploader.id,
        },
        select: { id: true, sha256: true },
      });
      return document;
    },
    async attachToMaterial(materialId, file) {
      const uploader = await createTestUser(testApi, { roles: ['COORDINATOR'] });
      const staged = await storage.stage(Readable.from([Buffer.from(file.content)]));
      await staged.commit();
      const document = await db.prisma.document.create({
        data: { kind: 'OTHER', fileName: file.fileName, mediaType: file.mediaType, size: staged.size, sha256: staged.sha256, uploadedById: uploader.id },
        select: { id: true, sha256: true },
      });
      await db.prisma.methodologicalMaterial.update({
        where: { id: materialId },
        data: { documentId: document.id, externalUrl: null, version: { increment: 1 } },
      });
      return document;
    },
    async stop() {
      await server.close();
      await db.destroy();
      if (ownDocumentsDir) await rm(documentsDir, { recursive: true, force: true });
    },
  };
  return testApi;
}
