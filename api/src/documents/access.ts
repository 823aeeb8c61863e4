// Who may see and who may upload a document. Seeing follows the case (cases/access.ts),
// with one widening: a document attached to a published report or to a published
// methodological material is public, like the report or the material.
import { tokenAllows } from '../auth/scopes.ts';
import { visibleCasesWhere } from '../cases/access.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { DocumentKind, ReportKind } from '../generated/prisma/enums.ts';
import { hasRole, isStaff, type SignedInViewer, type Viewer } from '../graphql/context.ts';

/** Documents anyone may read: those attached to a published report or a published material. */
export const publicDocumentsWhere = {
  OR: [{ report: { is: { publishedAt: { not: null } } } }, { material: { is: { publishedAt: { not: null } } } }],
} satisfies Prisma.DocumentWhereInput;

/**
 * Whether the viewer reads case documents with their owner's rights: a session always, an
 * API token only with the READ_CASES scope (without it, it reads what the public reads).
 */
export function readsCaseDocuments(viewer: Viewer): boolean {
  return tokenAllows(viewer, 'READ_CASES');
}

/** A Prisma filter selecting exactly the documents the viewer may see. */
export function visibleDocumentsWhere(viewer: Viewer): Prisma.DocumentWhereInput {
  if (!readsCaseDocuments(viewer)) return publicDocumentsWhere;
  if (isStaff(viewer)) return {};
  return { OR: [publicDocumentsWhere, { case: { is: visibleCasesWhere(viewer) } }] };
}

/** Kinds an organization's representative uploads: its own material. */
const representativeKinds: readonly DocumentKind[] = ['SELF_ASSESSMENT_REPORT', 'EVIDENCE'];
/** Reports the organization writes (see the procedure's stages 2, 3 and 5). */
const organizationReports: readonly ReportKind[] = ['SELF_ASSESSMENT', 'PRELIMINARY', 'INTERIM'];
/** Reports the expert team writes. */
const expertReports: readonly ReportKind[] = ['EXTERNAL_FINAL'];

/** What the upload rule needs to know about the case, for a case the viewer can see. */
export interface UploadTarget {
  organizationId: string;
  /** Whether the viewer is a member of the case's expert team. */
  viewerIsOnTeam: boolean;
  /** The report the document is to be attached to, if any (already checked to be of this case). */
  report: { kind: ReportKind; publishedAt: Date | null } | null;
}

export type UploadPermission = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a viewer who can see the case may upload a document of this kind to it. Staff
 * may upload anything; a representative its organization's self-assessment and evidence;
 * an expert of the team the REPORT documents. Outside staff, a document is attached only
 * to a report written by the uploader's side and not yet published: attaching to a
 * published report would publish the file at once, unreviewed.
 */
export function uploadPermission(viewer: SignedInViewer, kind: DocumentKind, target: UploadTarget): UploadPermission {
  if (isStaff(viewer)) return { allowed: true };
  const { report } = target;
  if (report?.publishedAt) {
    return { allowed: false, reason: 'The report is published; only the accreditation body’s staff may attach documents to it.' };
  }
  const representative =
    hasRole(viewer, 'ORGANIZATION_REPRESENTATIVE') && viewer.organizationId !== null && viewer.organizationId === target.organizationId;
  if (representative && representativeKinds.includes(kind) && (!report || organizationReports.includes(report.kind))) {
    return { allowed: true };
  }
  const teamExpert = hasRole(viewer, 'EXPERT') && target.viewerIsOnTeam;
  if (teamExpert && kind === 'REPORT' && (!report || expertReports.includes(report.kind))) return { allowed: true };

  if (representative) {
    return {
      allowed: false,
      reason: representativeKinds.includes(kind)
        ? 'A representative attaches documents only to the organization’s own reports.'
        : `A representative uploads only ${representativeKinds.join(' and ')} documents.`,
    };
  }
  if (teamExpert) {
    return {
      allowed: false,
      reason: kind === 'REPORT' ? 'An expert attaches documents only to the expert team’s report.' : 'An expert of the team uploads only REPORT documents.',
    };
  }
  return { allowed: false, reason: 'Your roles do not allow uploading documents to this case.' };
}
