// /files/<sha256>.<ext>: the attachments of published reports and the uploaded documents of
// published methodological materials, copied from the API at build time so that the static
// site serves them itself (the API may not be public).
import type { APIRoute, GetStaticPaths } from 'astro';
import { fetchAttachment, loadMaterials, loadReports, type ReportDocument } from '../../lib/api.ts';
import { attachmentPath } from '../../lib/format.ts';

export const prerender = true;

export const getStaticPaths = (async () => {
  const documents = new Map<string, ReportDocument>();
  for (const report of await loadReports()) {
    for (const document of report.documents) documents.set(attachmentPath(document), document);
  }
  for (const material of await loadMaterials()) {
    if (material.document) documents.set(attachmentPath(material.document), material.document);
  }
  return [...documents].map(([path, document]) => ({ params: { file: path.slice('/files/'.length) }, props: { document } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ document: ReportDocument }> = async ({ props }) =>
  new Response(await fetchAttachment(props.document), { headers: { 'Content-Type': props.document.mediaType } });
