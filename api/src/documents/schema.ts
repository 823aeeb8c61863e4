// Documents in GraphQL: metadata and a download link. The bytes travel over plain HTTP
// (documents/routes.ts); both apply the rule in documents/access.ts.
import { encodeGlobalID } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import { DocumentKind } from '../generated/prisma/enums.ts';
import { builder } from '../graphql/builder.ts';
import { isStaff, type GraphQLContext } from '../graphql/context.ts';
import { describedEnum } from '../graphql/shared-types.ts';
import { ReportRef } from '../reports/schema.ts';
import { readsCaseDocuments, visibleDocumentsWhere } from './access.ts';

export const DOCUMENT_TYPENAME = 'Document';

/** Path of a document's download route, relative to the API's base URL. */
export function documentDownloadPath(documentId: string): string {
  // Global IDs are base64 and may hold "/" or "+": encode them for the path.
  return `/documents/${encodeURIComponent(encodeGlobalID(DOCUMENT_TYPENAME, documentId))}`;
}

export const DocumentKindEnum = describedEnum('DocumentKind', DocumentKind, 'What a document of a case is.', {
  SELF_ASSESSMENT_REPORT: 'The organization’s self-assessment report, as a file.',
  EVIDENCE: 'Evidence the organization gives for its self-assessment.',
  REPORT: 'A report of the expert team, or a file of one.',
  OTHER: 'Anything else the accreditation body files with the case.',
});

// One query per request for all documents whose visibility is in doubt (type-level scopes
// run per object; a report with ten documents must not cost ten queries).
const visibilityLoaders = new WeakMap<GraphQLContext, DataLoader<string, boolean>>();

function documentVisibility(ctx: GraphQLContext): DataLoader<string, boolean> {
  let loader = visibilityLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const visible = await ctx.prisma.document.findMany({
        where: { AND: [{ id: { in: [...ids] } }, visibleDocumentsWhere(ctx.viewer)] },
        select: { id: true },
      });
      const visibleIds = new Set(visible.map((document) => document.id));
      return ids.map((id) => visibleIds.has(id));
    });
    visibilityLoaders.set(ctx, loader);
  }
  return loader;
}

export const DocumentRef = builder.prismaNode('Document', {
  description:
    'A file of an accreditation case (self-assessment, evidence, a report), or of a methodological material. Visible to those who may see the case; public once attached to a published report or a published material. Download it from `downloadUrl`.',
  id: { field: 'id' },
  // The same rule as the download route, whichever field led here.
  authScopes: (document, ctx) => (isStaff(ctx.viewer) && readsCaseDocuments(ctx.viewer)) || documentVisibility(ctx).load(document.id),
  findUnique: (id, ctx) => ({ id, AND: [visibleDocumentsWhere(ctx.viewer)] }),
  // node(id:) answers null, not an error, for a document the viewer may not see.
  nullable: true,
  fields: (t) => ({
    kind: t.expose('kind', { type: DocumentKindEnum, description: 'What the document is.' }),
    fileName: t.exposeString('fileName', {
      description: 'File name given by the uploader, cleaned (no paths or control characters; the extension matches the content).',
    }),
    mediaType: t.exposeString('mediaType', {
      description: 'Media type detected from the content on upload (not the one the uploader claimed), e.g. application/pdf.',
    }),
    size: t.exposeInt('size', { description: 'Size in bytes.' }),
    sha256: t.exposeString('sha256', {
      description: 'SHA-256 of the content, in hexadecimal: verifies a download, and is its HTTP ETag.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was uploaded.' }),
    downloadUrl: t.string({
      description:
        'Path of the file on the API server, e.g. /documents/RG9jdW1lbnQ6Y2x4; GET it with the same credentials as this query.',
      resolve: (document) => documentDownloadPath(document.id),
    }),
  }),
});

builder.prismaObjectField(ReportRef, 'documents', (t) =>
  t.relation('documents', {
    description: 'Files attached to the report, oldest first. Public with the report once it is published.',
    query: (_args, ctx) => ({ where: visibleDocumentsWhere(ctx.viewer), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
);
