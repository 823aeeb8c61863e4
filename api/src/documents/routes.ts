// Document upload and download over plain HTTP beside GraphQL (files do not belong in
// JSON):
//   POST /documents       multipart/form-data: caseId, kind, optional reportId, then file;
//                         or materialId, optional kind (OTHER), then file: the file of a
//                         methodological material (COORDINATOR or ADMIN), replacing the
//                         material's earlier document or external link
//   GET  /documents/:id   the file, for whoever may see it (documents/access.ts)
import { pipeline } from 'node:stream/promises';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import cors from 'cors';
import { GraphQLError } from 'graphql';
import express, { type Request, type Response, type Router } from 'express';
import { casesOfRolesWhere } from '../cases/access.ts';
import { appendAuditEvent, actorOf } from '../audit/trail.ts';
import { tokenAllows } from '../auth/scopes.ts';
import type { MethodologicalMaterial, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { DocumentKind } from '../generated/prisma/enums.ts';
import { isStaff, type SignedInViewer, type Viewer } from '../graphql/context.ts';
import type { Logger } from '../shared/logger.ts';
import { uploadPermission, visibleDocumentsWhere } from './access.ts';
import { acceptedTypesDescription, detectDocumentType } from './content-type.ts';
import { contentDisposition, sanitiseFileName } from './file-names.ts';
import { discardRestOfBody, HttpError, sendError } from './http-errors.ts';
import { receiveUpload, tooLarge } from './multipart.ts';
import { mayManageSupport } from '../support/schema.ts';
import { DOCUMENT_TYPENAME, documentDownloadPath } from './schema.ts';
import type { DocumentStorage } from './storage.ts';

/** Works out who is asking from the request (its Authorization header); public when anonymous. */
export type ViewerResolver = (req: Request) => Promise<Viewer>;

export interface DocumentRoutesOptions {
  prisma: PrismaClient;
  storage: DocumentStorage;
  /** Largest file accepted, in bytes. */
  maxUploadBytes: number;
  resolveViewer: ViewerResolver;
  logger: Logger;
  now?: () => Date;
  /** Called after a change the public register shows (a published material's new file). */
  onRegisterChanged?: () => void;
}

/** Global ID type names of the objects an upload refers to. */
const CASE_TYPENAME = 'AccreditationCase';
const REPORT_TYPENAME = 'Report';
const MATERIAL_TYPENAME = 'MethodologicalMaterial';

/** Room for the form fields and part headers around the file in a multipart body. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** How long a refused upload may go on sending before its connection is closed. */
const LINGER_MS = 10_000;

/** Public documents may sit in shared caches; the content behind an id never changes. */
const PUBLIC_CACHE = 'public, max-age=300';
const PRIVATE_CACHE = 'private, no-cache';

export interface UploadResult {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

export function documentsRouter(options: DocumentRoutesOptions): Router {
  const { prisma, storage, maxUploadBytes, logger } = options;
  const now = options.now ?? (() => new Date());
  const router = express.Router();
  // Bearer tokens, not cookies, carry credentials: any origin may call, as for /graphql.
  router.use(cors({ exposedHeaders: ['Content-Disposition', 'ETag', 'Location'] }));

  const viewerOf = async (req: Request): Promise<Viewer> => {
    try {
      return await options.resolveViewer(req);
    } catch (error) {
      // Credentials that do not hold are the client's 401; anything else is our fault.
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
        throw new HttpError(401, 'UNAUTHENTICATED', error.message);
      }
      throw error;
    }
  };

  const fault = (req: Request, res: Response, error: unknown) => {
    if (!(error instanceof HttpError)) logger.error({ err: error, method: req.method, url: req.originalUrl }, 'document route failed');
    if (res.headersSent) {
      res.destroy(); // mid-download: the client must not take a truncated file for a whole one
      return;
    }
    discardRestOfBody(req, res, maxUploadBytes + MULTIPART_OVERHEAD_BYTES, LINGER_MS);
    sendError(res, error instanceof HttpError ? error : new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'));
  };

  router.post('/', async (req, res) => {
    try {
      const viewer = await viewerOf(req);
      if (viewer.kind !== 'user') throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in to upload documents.');
      if (!tokenAllows(viewer, 'WRITE_CASES')) {
        throw new HttpError(403, 'FORBIDDEN', 'This API token lacks the WRITE_CASES scope needed to upload documents.');
      }
      if (!req.is('multipart/form-data')) {
        throw new HttpError(415, 'MULTIPART_REQUIRED', 'Send the document as multipart/form-data.');
      }
      const declared = Number(req.headers['content-length']);
      if (declared > maxUploadBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge(maxUploadBytes);

      const received = await receiveUpload(req, storage, maxUploadBytes, async (fields) => {
        const input = parseUploadFields(fields);
        await authoriseUpload(prisma, viewer, input);
        return input;
      });
      const { staged, accepted: input } = received;
      try {
        if (staged.size === 0) throw new HttpError(400, 'EMPTY_FILE', 'The file is empty.');
        const type = await detectDocumentType(staged.path, received.clientFileName);
        if (!type.accepted) {
          throw new HttpError(
            415,
            'UNSUPPORTED_FILE_TYPE',
            `The file's content is ${type.detected}, which is not accepted. Accepted: ${acceptedTypesDescription}.`,
            { detectedType: type.detected },
          );
        }
        const fileName = sanitiseFileName(received.clientFileName, type.extensions);
        // The content first: a row must never point at a missing file (an unreferenced
        // file, should the transaction fail, costs only disk space).
        await staged.commit();
        const at = now();
        const { document, publicChange } = await prisma.$transaction(async (tx) => {
          // Again, inside the transaction: a long upload leaves time for roles or teams to change.
          const material = await authoriseUpload(tx, viewer, input);
          const created = await tx.document.create({
            data: {
              caseId: input.target === 'case' ? input.caseId : null,
              reportId: input.target === 'case' ? input.reportId : null,
              kind: input.kind,
              fileName,
              mediaType: type.mediaType,
              size: staged.size,
              sha256: staged.sha256,
              uploadedById: viewer.userId,
              createdAt: at,
            },
          });
          await appendAuditEvent(
            tx,
            {
              actor: actorOf(viewer),
              action: 'document.upload',
              subjectType: 'Document',
              subjectId: created.id,
              after: {
                caseId: created.caseId,
                reportId: created.reportId,
                materialId: material?.id ?? null,
                kind: created.kind,
                fileName: created.fileName,
                mediaType: created.mediaType,
                size: created.size,
                sha256: created.sha256,
              },
            },
            at,
          );
          if (material) {
            // The material becomes this file: an earlier file or link is replaced (the audit keeps it).
            const saved = await tx.methodologicalMaterial.update({
              where: { id: material.id },
              data: { documentId: created.id, externalUrl: null, version: { increment: 1 } },
            });
            await appendAuditEvent(
              tx,
              {
                actor: actorOf(viewer),
                action: 'methodological-material.attach-document',
                subjectType: 'MethodologicalMaterial',
                subjectId: material.id,
                before: { documentId: material.documentId, externalUrl: material.externalUrl, version: material.version },
                after: { documentId: saved.documentId, externalUrl: saved.externalUrl, version: saved.version },
              },
              at,
            );
          }
          return { document: created, publicChange: material?.publishedAt != null };
        });
        if (publicChange) options.onRegisterChanged?.();
        const body: UploadResult = {
          id: encodeGlobalID(DOCUMENT_TYPENAME, document.id),
          sha256: document.sha256,
          size: document.size,
          mediaType: document.mediaType,
          fileName: document.fileName,
        };
        res.status(201).location(documentDownloadPath(document.id)).json(body);
      } finally {
        await staged.discard();
      }
    } catch (error) {
      fault(req, res, error);
    }
  });

  router.get('/:id', async (req, res) => {
    try {
      const viewer = await viewerOf(req);
      // The answer depends on who asks: no shared cache may give one viewer's answer to another.
      res.setHeader('Vary', 'Authorization');
      const id = databaseIdFrom(req.params.id, DOCUMENT_TYPENAME);
      const document = id
        ? await prisma.document.findFirst({
            where: { AND: [{ id }, visibleDocumentsWhere(viewer)] },
            select: {
              fileName: true,
              mediaType: true,
              size: true,
              sha256: true,
              report: { select: { publishedAt: true } },
              material: { select: { publishedAt: true } },
            },
          })
        : null;
      // Not found and not allowed look the same, so a document's existence does not leak.
      if (!document) throw new HttpError(404, 'NOT_FOUND', 'No document with this id exists, or you may not see it.');

      const etag = `"${document.sha256}"`;
      // Set on 200 and 304 only: an error must not be cached as the document.
      const validators = () => {
        res.setHeader('ETag', etag);
        res.setHeader('Cache-Control', document.report?.publishedAt || document.material?.publishedAt ? PUBLIC_CACHE : PRIVATE_CACHE);
      };
      if (etagMatches(req.headers['if-none-match'], etag)) {
        validators();
        res.status(304).end();
        return;
      }
      const content = await storage.read(document.sha256);
      if (!content || content.size !== document.size) {
        content?.stream.destroy();
        throw new Error(`the stored content of document ${id} is ${content ? 'of the wrong size' : 'missing'}`);
      }
      validators();
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Type', document.mediaType);
      res.setHeader('Content-Length', String(content.size));
      res.setHeader('Content-Disposition', contentDisposition(document.fileName));
      res.status(200);
      if (req.method === 'HEAD') {
        content.stream.destroy();
        res.end();
        return;
      }
      await pipeline(content.stream, res);
    } catch (error) {
      // A client that hangs up mid-download is not a fault of ours.
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      fault(req, res, error);
    }
  });

  return router;
}

/** What an upload is for: a case (and perhaps one of its reports), or a methodological material. */
type UploadInput =
  | { target: 'case'; caseId: string; kind: DocumentKind; reportId: string | null }
  | { target: 'material'; materialId: string; kind: DocumentKind };

const documentKinds = new Set<string>(Object.values(DocumentKind));

/** The kind of a material's file: not a document of a case. */
const MATERIAL_DOCUMENT_KIND: DocumentKind = 'OTHER';

function parseUploadFields(fields: ReadonlyMap<string, string>): UploadInput {
  const rawCaseId = fields.get('caseId')?.trim();
  const rawMaterialId = fields.get('materialId')?.trim();
  if (rawCaseId && rawMaterialId) {
    throw new HttpError(400, 'INVALID_FIELD', 'Send "caseId" or "materialId", not both.', { field: 'materialId' });
  }
  const kind = fields.get('kind')?.trim();
  if (kind && !documentKinds.has(kind)) {
    throw new HttpError(400, 'INVALID_FIELD', `"kind" must be one of ${[...documentKinds].join(', ')}.`, { field: 'kind' });
  }

  if (rawMaterialId) {
    const materialId = databaseIdFrom(rawMaterialId, MATERIAL_TYPENAME);
    if (!materialId) throw new HttpError(400, 'INVALID_FIELD', '"materialId" is not the identifier of a methodological material.', { field: 'materialId' });
    if (kind && kind !== MATERIAL_DOCUMENT_KIND) {
      throw new HttpError(400, 'INVALID_FIELD', `A material's document is of kind ${MATERIAL_DOCUMENT_KIND}.`, { field: 'kind' });
    }
    if (fields.get('reportId')?.trim()) {
      throw new HttpError(400, 'INVALID_FIELD', 'A material\'s document belongs to no report: leave out "reportId".', { field: 'reportId' });
    }
    return { target: 'material', materialId, kind: MATERIAL_DOCUMENT_KIND };
  }

  if (!rawCaseId) {
    throw new HttpError(400, 'FIELD_REQUIRED', 'Send the field "caseId" or "materialId" (before the file).', { field: 'caseId' });
  }
  const caseId = databaseIdFrom(rawCaseId, CASE_TYPENAME);
  if (!caseId) throw new HttpError(400, 'INVALID_FIELD', '"caseId" is not the identifier of a case.', { field: 'caseId' });
  if (!kind) throw new HttpError(400, 'FIELD_REQUIRED', 'Send the field "kind" (before the file).', { field: 'kind' });

  const rawReportId = fields.get('reportId')?.trim();
  const reportId = rawReportId ? databaseIdFrom(rawReportId, REPORT_TYPENAME) : null;
  if (rawReportId && !reportId) {
    throw new HttpError(400, 'INVALID_FIELD', '"reportId" is not the identifier of a report.', { field: 'reportId' });
  }
  return { target: 'case', caseId, kind: kind as DocumentKind, reportId };
}

/** The material a material upload is for (null for a case upload); throws the HTTP error that refuses the upload, if any. */
async function authoriseUpload(
  db: Prisma.TransactionClient,
  viewer: SignedInViewer,
  input: UploadInput,
): Promise<Pick<MethodologicalMaterial, 'id' | 'documentId' | 'externalUrl' | 'publishedAt' | 'version'> | null> {
  if (input.target === 'material') {
    if (!mayManageSupport(viewer)) {
      throw new HttpError(403, 'FORBIDDEN', 'Only coordinators and administrators upload documents of methodological materials.', { field: 'materialId' });
    }
    const material = await db.methodologicalMaterial.findUnique({
      where: { id: input.materialId },
      select: { id: true, documentId: true, externalUrl: true, publishedAt: true, version: true },
    });
    if (!material) throw new HttpError(404, 'MATERIAL_NOT_FOUND', 'No methodological material has this id.', { field: 'materialId' });
    return material;
  }
  // The case rule of the steps (cases/steps.ts), not of reading: the WRITE_CASES scope is
  // checked already, and a write-only token may upload to a case its owner's roles allow.
  const found = await db.accreditationCase.findFirst({
    where: { AND: [{ id: input.caseId }, casesOfRolesWhere(viewer)] },
    select: { organizationId: true, team: { select: { members: { where: { userId: viewer.userId }, select: { id: true } } } } },
  });
  if (!found) {
    // Staff see every case, so for them it does not exist; others learn only that they may not.
    throw isStaff(viewer)
      ? new HttpError(404, 'CASE_NOT_FOUND', 'No case has this id.', { field: 'caseId' })
      : new HttpError(403, 'FORBIDDEN', 'You may not upload documents to this case.', { field: 'caseId' });
  }
  const report = input.reportId
    ? await db.report.findFirst({ where: { id: input.reportId, caseId: input.caseId }, select: { kind: true, publishedAt: true } })
    : null;
  if (input.reportId && !report) {
    throw new HttpError(400, 'INVALID_FIELD', 'The case has no report with this "reportId".', { field: 'reportId' });
  }
  const permission = uploadPermission(viewer, input.kind, {
    organizationId: found.organizationId,
    viewerIsOnTeam: (found.team?.members.length ?? 0) > 0,
    report,
  });
  if (!permission.allowed) throw new HttpError(403, 'FORBIDDEN', permission.reason);
  return null;
}

/** A database id, or the Relay global ID of an object of this type. Null when it is neither. */
export function databaseIdFrom(raw: string, typename: string): string | null {
  try {
    const decoded = decodeGlobalID(raw);
    // A global ID of another type is not an id of this one.
    return decoded.typename === typename ? decoded.id : null;
  } catch {
    // Not a global ID: a database id, then.
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : null;
}

/** If-None-Match against our strong ETag, by the weak comparison RFC 9110 prescribes for it. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}
