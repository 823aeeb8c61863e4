// Document upload and download over HTTP against the production server, on PGlite and
// (when reachable) PostgreSQL, with files written to a temporary folder.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/trail.ts';
import { generateApiToken } from '../auth/tokens.ts';
import { testBin } from '../testing/fixtures.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';

const kinds = await testDatabaseKinds();

/** Small, so that the over-limit test sends little. */
const LIMIT = 64 * 1024;

/** A minimal valid PDF (one empty page, correct xref offsets); `label` makes the bytes unique. */
function minimalPdf(label: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  // The binary comment line tells tools the file is binary, as real PDFs do.
  let pdf = `%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n% ${label}\n`;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface UploadFields {
  caseId: string;
  kind: string;
  reportId?: string;
}

interface UploadBody {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

interface ErrorBody {
  error: { code: string; message: string; limitBytes?: number; detectedType?: string };
}

describe.each(kinds)('documents on %s', (kind) => {
  let api: TestApi;
  let dir: string;
  let caseA: string;
  let caseB: string;
  let publishedReport: string;
  let draftReport: string;
  let coordinator: TestUser;
  let representativeA: TestUser;
  let representativeB: TestUser;
  let teamExpert: TestUser;
  let otherExpert: TestUser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kza-documents-'));
    api = await startTestApi({ kind, seed: false, documentsDir: dir, maxUploadBytes: LIMIT });

    const prisma = api.db.prisma;
    const region = await prisma.region.create({
      data: { code: '71', kind: 'CITY', nameKk: 'Астана', nameRu: 'Астана', nameEn: 'Astana', centre: 'Astana' },
    });
    const framework = await prisma.standardFramework.create({ data: { version: 1, status: 'ACTIVE', titleKk: 'Стандарттар', titleRu: 'Стандарты' } });
    const organization = (n: number) =>
      prisma.organization.create({
        data: { bin: testBin(n), nameKk: `Мектеп ${n}`, nameRu: `Школа ${n}`, kind: 'SCHOOL', level: 'SECONDARY', regionId: region.id, city: 'Astana' },
      });
    const organizationA = await organization(1);
    const organizationB = await organization(2);
    const newCase = (number: string, organizationId: string) =>
      prisma.accreditationCase.create({
        data: { number, organizationId, frameworkId: framework.id, stage: 'EXTERNAL_VISIT', submittedAt: new Date('2026-01-10T04:00:00Z') },
      });
    caseA = (await newCase('AC-TEST-A', organizationA.id)).id;
    caseB = (await newCase('AC-TEST-B', organizationB.id)).id;
    const report = (kind: 'EXTERNAL_FINAL' | 'SELF_ASSESSMENT', publishedAt: Date | null) =>
      prisma.report.create({
        data: { caseId: caseA, organizationId: organizationA.id, kind, language: 'RU', title: `Отчёт ${kind}`, publishedAt },
      });
    publishedReport = (await report('EXTERNAL_FINAL', new Date('2026-06-01T06:00:00Z'))).id;
    draftReport = (await report('SELF_ASSESSMENT', null)).id;

    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    representativeA = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: organizationA.id });
    representativeB = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: organizationB.id });
    teamExpert = await createTestUser(api, { roles: ['EXPERT'] });
    otherExpert = await createTestUser(api, { roles: ['EXPERT'] });
    await prisma.expertTeam.create({ data: { caseId: caseA, members: { create: [{ userId: teamExpert.id, role: 'LEAD' }] } } });
  });

  afterAll(async () => {
    await api?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const auth = (user: TestUser | null): Record<string, string> => (user ? { authorization: `Bearer ${user.token}` } : {});

  /** Sends the fields first, then the file, as the route requires. */
  function upload(user: TestUser | null, fields: UploadFields, content: Buffer, fileName = 'report.pdf', claimedType = 'application/pdf') {
    const form = new FormData();
    form.append('caseId', fields.caseId);
    form.append('kind', fields.kind);
    if (fields.reportId) form.append('reportId', fields.reportId);
    form.append('file', new Blob([new Uint8Array(content)], { type: claimedType }), fileName);
    return fetch(`${api.url}/documents`, { method: 'POST', headers: auth(user), body: form });
  }

  async function uploadOk(user: TestUser, fields: UploadFields, content: Buffer, fileName?: string): Promise<UploadBody> {
    const response = await upload(user, fields, content, fileName);
    const body = (await response.json()) as UploadBody | ErrorBody;
    expect(body).not.toHaveProperty('error');
    expect(response.status).toBe(201);
    return body as UploadBody;
  }

  const download = (id: string, user: TestUser | null, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/documents/${encodeURIComponent(id)}`, { headers: { ...auth(user), ...headers } });

  /** Every file in the store (content files and leftover temporary files). */
  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  }

  /** Files left in the store's folder for uploads in progress. */
  const temporaryFiles = () => readdir(join(dir, 'tmp')).catch(() => []);

  it('stores an uploaded PDF by its sha256 and gives it back byte for byte', async () => {
    const pdf = minimalPdf('byte-identical');
    const uploaded = await uploadOk(representativeA, { caseId: encodeGlobalID('AccreditationCase', caseA), kind: 'EVIDENCE' }, pdf, 'Өзін-өзі бағалау.pdf');
    expect(uploaded).toEqual({
      id: expect.any(String),
      sha256: sha256(pdf),
      size: pdf.length,
      mediaType: 'application/pdf',
      fileName: 'Өзін-өзі бағалау.pdf',
    });
    expect(await readFile(join(dir, uploaded.sha256.slice(0, 2), uploaded.sha256))).toEqual(pdf);

    const response = await download(uploaded.id, representativeA);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(pdf.length));
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="____-___ _______.pdf"; filename*=UTF-8''${encodeURIComponent('Өзін-өзі бағалау.pdf')}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('etag')).toBe(`"${uploaded.sha256}"`);

    // The database id works as well as the global ID.
    const [typename, databaseId] = Buffer.from(uploaded.id, 'base64').toString().split(':');
    expect(typename).toBe('Document');
    expect((await download(databaseId ?? '', coordinator)).status).toBe(200);

    const row = await api.db.prisma.document.findUniqueOrThrow({ where: { id: databaseId } });
    expect(row).toMatchObject({ caseId: caseA, kind: 'EVIDENCE', uploadedById: representativeA.id, sha256: uploaded.sha256 });
    const event = await api.db.prisma.auditEvent.findFirst({ where: { action: 'document.upload', subjectId: databaseId } });
    expect(event).toMatchObject({ actorId: representativeA.id, subjectType: 'Document' });
    expect(await verifyAuditChain(api.db.prisma)).toMatchObject({ ok: true });
  });

  it('stores the same content once, however often it is uploaded', async () => {
    const pdf = minimalPdf('stored once');
    const before = await storedFiles();
    const first = await uploadOk(coordinator, { caseId: caseA, kind: 'OTHER' }, pdf, 'first.pdf');
    const second = await uploadOk(representativeA, { caseId: caseA, kind: 'EVIDENCE' }, pdf, 'second.pdf');
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    const after = await storedFiles();
    expect(after.length - before.length).toBe(1);
    expect(await temporaryFiles()).toEqual([]);
    expect((await download(second.id, representativeA)).headers.get('content-disposition')).toContain("filename*=UTF-8''second.pdf");
  });

  it('rejects an executable renamed .pdf by its content (415), storing nothing', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 0)]);
    const before = await storedFiles();
    const documents = await api.db.prisma.document.count();
    const response = await upload(coordinator, { caseId: caseA, kind: 'EVIDENCE' }, exe, 'invoice.pdf', 'application/pdf');
    expect(response.status).toBe(415);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(body.error.message).toContain('application/x-msdownload');
    expect(body.error.detectedType).toBe('application/x-msdownload');
    expect(await storedFiles()).toEqual(before);
    expect(await api.db.prisma.document.count()).toBe(documents);
  });

  it('rejects a file above the limit (413, naming it) without storing anything', async () => {
    const big = Buffer.concat([minimalPdf('too large'), Buffer.alloc(LIMIT * 3, 0x20)]);
    const before = await storedFiles();
    const documents = await api.db.prisma.document.count();
    const response = await upload(coordinator, { caseId: caseA, kind: 'EVIDENCE' }, big);
    expect(response.status).toBe(413);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'FILE_TOO_LARGE', limitBytes: LIMIT });
    expect(body.error.message).toContain(`${LIMIT} bytes`);
    expect(await storedFiles()).toEqual(before);
    expect(await api.db.prisma.document.count()).toBe(documents);
  });

  it('accepts a file of exactly the limit', async () => {
    const pdf = minimalPdf('exactly the limit');
    const exact = Buffer.concat([pdf, Buffer.alloc(LIMIT - pdf.length, 0x20)]);
    expect((await uploadOk(coordinator, { caseId: caseA, kind: 'OTHER' }, exact)).size).toBe(LIMIT);
  });

  it('accepts UTF-8 text and CSV, and rejects text that is not UTF-8', async () => {
    const csv = await uploadOk(representativeA, { caseId: caseA, kind: 'EVIDENCE' }, Buffer.from('аймақ;саны\nАстана;12\n'), 'деректер.csv');
    expect(csv).toMatchObject({ mediaType: 'text/csv; charset=utf-8', fileName: 'деректер.csv' });
    const page = await uploadOk(representativeA, { caseId: caseA, kind: 'EVIDENCE' }, Buffer.from('<script>alert(1)</script>'), 'notes.html');
    expect(page).toMatchObject({ mediaType: 'text/plain; charset=utf-8', fileName: 'notes.html.txt' });

    const latin1 = await upload(representativeA, { caseId: caseA, kind: 'EVIDENCE' }, Buffer.from('caf\xe9\n', 'latin1'), 'notes.txt', 'text/plain');
    expect(latin1.status).toBe(415);
    expect(((await latin1.json()) as ErrorBody).error.message).toContain('unrecognised binary data');
  });

  it('lets only those who may see the case upload, each their own kinds (403), and asks for credentials (401)', async () => {
    const pdf = minimalPdf('permissions');
    expect((await upload(null, { caseId: caseA, kind: 'EVIDENCE' }, pdf)).status).toBe(401);
    const bad = await fetch(`${api.url}/documents`, { method: 'POST', headers: { authorization: 'Bearer not-a-token' }, body: new FormData() });
    expect(bad.status).toBe(401);

    const refused = await upload(representativeB, { caseId: caseA, kind: 'EVIDENCE' }, pdf);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('FORBIDDEN');
    expect((await upload(otherExpert, { caseId: caseA, kind: 'REPORT' }, pdf)).status).toBe(403);
    // Each side its own kinds: the team's expert the reports, the representative the evidence.
    expect((await upload(teamExpert, { caseId: caseA, kind: 'EVIDENCE' }, pdf)).status).toBe(403);
    expect((await upload(representativeA, { caseId: caseA, kind: 'REPORT' }, pdf)).status).toBe(403);
    await uploadOk(teamExpert, { caseId: caseA, kind: 'REPORT' }, pdf);
    // A published report takes new files only from staff: attaching would publish them at once.
    expect((await upload(teamExpert, { caseId: caseA, kind: 'REPORT', reportId: publishedReport }, pdf)).status).toBe(403);
    expect((await upload(representativeA, { caseId: caseA, kind: 'EVIDENCE', reportId: draftReport }, pdf)).status).toBe(201);
    // A report of another case is not a report of this one.
    const wrongCase = await upload(coordinator, { caseId: caseB, kind: 'REPORT', reportId: publishedReport }, pdf);
    expect(wrongCase.status).toBe(400);
  });

  it('answers 404 to a viewer who may not see the document, as for one that does not exist', async () => {
    const uploaded = await uploadOk(representativeA, { caseId: caseA, kind: 'EVIDENCE' }, minimalPdf('private'));
    for (const viewer of [representativeB, otherExpert, null]) {
      const response = await download(uploaded.id, viewer);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'No document with this id exists, or you may not see it.' },
      });
    }
    expect((await download(encodeGlobalID('Document', 'nosuchdocument'), representativeB)).status).toBe(404);
    expect((await download(uploaded.id, teamExpert)).status).toBe(200);
  });

  it('serves documents of a published report to the public, and not those of an unpublished one', async () => {
    const published = await uploadOk(coordinator, { caseId: caseA, kind: 'REPORT', reportId: publishedReport }, minimalPdf('published'));
    const draft = await uploadOk(representativeA, { caseId: caseA, kind: 'SELF_ASSESSMENT_REPORT', reportId: draftReport }, minimalPdf('draft'));

    const response = await download(published.id, null);
    expect(response.status).toBe(200);
    expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(published.sha256);
    expect(response.headers.get('cache-control')).toContain('public');
    expect((await download(draft.id, null)).status).toBe(404);
    expect((await download(draft.id, representativeB)).status).toBe(404);

    // GraphQL agrees: the published report lists it for the public; the draft's document is hidden.
    const result = await api.query<{ report: { documents: { id: string; downloadUrl: string; sha256: string }[] }; draft: unknown }>(
      `query ($report: ID!, $draft: ID!) {
        report(id: $report) { documents { id fileName mediaType size sha256 kind createdAt downloadUrl } }
        draft: node(id: $draft) { id }
      }`,
      { report: encodeGlobalID('Report', publishedReport), draft: draft.id },
    );
    expect(result.errors).toEqual(undefined);
    expect(result.data?.draft).toBeNull();
    const listed = result.data?.report.documents.find((document) => document.id === published.id);
    expect(listed).toMatchObject({ sha256: published.sha256, downloadUrl: `/documents/${encodeURIComponent(published.id)}` });
    expect((await fetch(`${api.url}${listed?.downloadUrl}`)).status).toBe(200);

    // Those who may see the case see the draft's document by its id.
    const own = await representativeA.query<{ node: { fileName: string; kind: string } | null }>(
      'query ($id: ID!) { node(id: $id) { ... on Document { fileName kind } } }',
      { id: draft.id },
    );
    expect(own.data?.node).toEqual({ fileName: 'report.pdf', kind: 'SELF_ASSESSMENT_REPORT' });
    const other = await representativeB.query<{ node: unknown }>('query ($id: ID!) { node(id: $id) { id } }', { id: draft.id });
    expect(other.data?.node).toBeNull();
  });

  it('answers 304 when If-None-Match holds the ETag (the sha256)', async () => {
    const uploaded = await uploadOk(representativeA, { caseId: caseA, kind: 'EVIDENCE' }, minimalPdf('etag'));
    const etag = `"${uploaded.sha256}"`;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await download(uploaded.id, representativeA, { 'if-none-match': header });
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(etag);
      expect(await response.text()).toBe('');
    }
    expect((await download(uploaded.id, representativeA, { 'if-none-match': '"stale"' })).status).toBe(200);
    // The ETag does not bypass authorisation: someone else still gets 404.
    expect((await download(uploaded.id, representativeB, { 'if-none-match': etag })).status).toBe(404);
  });

  it('lets an API token read case documents only with READ_CASES, and upload only with WRITE_CASES', async () => {
    const uploaded = await uploadOk(coordinator, { caseId: caseA, kind: 'OTHER' }, minimalPdf('api tokens'));
    const apiToken = async (scopes: string[]): Promise<TestUser> => {
      const secret = generateApiToken();
      await api.db.prisma.apiToken.create({
        data: { userId: coordinator.id, name: scopes.join('+'), scopes, prefix: secret.prefix, tokenHash: secret.tokenHash },
      });
      return { ...coordinator, token: secret.token };
    };
    const registerOnly = await apiToken(['READ_REGISTER']);
    expect((await download(uploaded.id, registerOnly)).status).toBe(404);
    expect((await upload(registerOnly, { caseId: caseA, kind: 'OTHER' }, minimalPdf('token upload'))).status).toBe(403);
    const caseWork = await apiToken(['READ_CASES', 'WRITE_CASES']);
    expect((await download(uploaded.id, caseWork)).status).toBe(200);
    await uploadOk(caseWork, { caseId: caseA, kind: 'OTHER' }, minimalPdf('token upload'));
  });

  it('refuses malformed uploads with 400: missing fields, fields after the file, an unknown kind', async () => {
    const pdf = minimalPdf('malformed');
    const fileFirst = new FormData();
    fileFirst.append('file', new Blob([new Uint8Array(pdf)]), 'a.pdf');
    fileFirst.append('caseId', caseA);
    fileFirst.append('kind', 'EVIDENCE');
    const response = await fetch(`${api.url}/documents`, { method: 'POST', headers: auth(coordinator), body: fileFirst });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toContain('"caseId"');

    expect((await upload(coordinator, { caseId: caseA, kind: 'PHOTO' }, pdf)).status).toBe(400);
    const noFile = new FormData();
    noFile.append('caseId', caseA);
    noFile.append('kind', 'EVIDENCE');
    expect((await fetch(`${api.url}/documents`, { method: 'POST', headers: auth(coordinator), body: noFile })).status).toBe(400);
    const json = await fetch(`${api.url}/documents`, {
      method: 'POST',
      headers: { ...auth(coordinator), 'content-type': 'application/json' },
      body: JSON.stringify({ caseId: caseA }),
    });
    expect(json.status).toBe(415);
    expect(await temporaryFiles()).toEqual([]);
  });

  it('lets a WRITE_CASES-only token upload to a case its owner’s roles allow, though it may not read the case', async () => {
    const secret = generateApiToken();
    await api.db.prisma.apiToken.create({
      data: { userId: representativeA.id, name: 'write only', scopes: ['WRITE_CASES'], prefix: secret.prefix, tokenHash: secret.tokenHash },
    });
    const writeOnly: TestUser = { ...representativeA, token: secret.token };
    const uploaded = await uploadOk(writeOnly, { caseId: caseA, kind: 'EVIDENCE' }, minimalPdf('write-only token'));
    // Reading still needs READ_CASES; another organization's case stays closed.
    expect((await download(uploaded.id, writeOnly)).status).toBe(404);
    const refused = await upload(writeOnly, { caseId: caseB, kind: 'EVIDENCE' }, minimalPdf('write-only token, case B'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('FORBIDDEN');
  });

  it('files a document as a methodological material’s, public once the material is published', async () => {
    const created = await api.query<{ methodologicalMaterialCreate: { material: { id: string } } }>(
      `mutation { methodologicalMaterialCreate(input: { kind: GUIDE, titleKk: "Нұсқаулық", titleRu: "Руководство", language: RU }) { material { id } } }`,
      {},
      { token: coordinator.token },
    );
    const materialId = created.data!.methodologicalMaterialCreate.material.id;
    const uploadToMaterial = (user: TestUser | null, content: Buffer, fields: Record<string, string> = {}) => {
      const form = new FormData();
      form.append('materialId', materialId);
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), 'guide.pdf');
      return fetch(`${api.url}/documents`, { method: 'POST', headers: auth(user), body: form });
    };
    const pdf = minimalPdf('material guide');

    expect((await uploadToMaterial(representativeA, pdf)).status).toBe(403);
    expect((await uploadToMaterial(coordinator, pdf, { kind: 'EVIDENCE' })).status).toBe(400);
    const response = await uploadToMaterial(coordinator, pdf);
    expect(response.status).toBe(201);
    const uploaded = (await response.json()) as UploadBody;
    expect(uploaded.sha256).toBe(sha256(pdf));

    // Attached at once; hidden from the public while the material is a draft.
    const MATERIAL = `query ($id: ID!) { node(id: $id) { ... on MethodologicalMaterial { version downloadUrl document { id sha256 kind } } } }`;
    const read = await api.query<{ node: { version: number; downloadUrl: string; document: { id: string; sha256: string; kind: string } } }>(
      MATERIAL,
      { id: materialId },
      { token: coordinator.token },
    );
    expect(read.data!.node.document).toEqual({ id: uploaded.id, sha256: sha256(pdf), kind: 'OTHER' });
    expect(read.data!.node.downloadUrl).toBe(`/documents/${encodeURIComponent(uploaded.id)}`);
    expect((await download(uploaded.id, null)).status).toBe(404);

    const audited = await api.db.prisma.auditEvent.findMany({
      where: { action: { in: ['document.upload', 'methodological-material.attach-document'] }, subjectId: { in: [decodeGlobalID(uploaded.id).id, decodeGlobalID(materialId).id] } },
      orderBy: { sequence: 'asc' },
      select: { action: true, after: true },
    });
    expect(audited.map((event) => event.action)).toEqual(['document.upload', 'methodological-material.attach-document']);
    expect(audited[0]!.after).toMatchObject({ materialId: decodeGlobalID(materialId).id, caseId: null, kind: 'OTHER' });

    const published = await api.query<{ methodologicalMaterialPublish: { userErrors: unknown[] } }>(
      `mutation ($input: MethodologicalMaterialStepInput!) { methodologicalMaterialPublish(input: $input) { userErrors { code } } }`,
      { input: { materialId, expectedVersion: read.data!.node.version } },
      { token: coordinator.token },
    );
    expect(published.data!.methodologicalMaterialPublish.userErrors).toEqual([]);
    const anonymous = await download(uploaded.id, null);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=300');
    expect(Buffer.from(await anonymous.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await verifyAuditChain(api.db.prisma)).ok).toBe(true);
  });

  it('sets and removes a material’s document with methodologicalMaterialUpdate, never to a case’s document', async () => {
    const created = await api.query<{ methodologicalMaterialCreate: { material: { id: string } } }>(
      `mutation { methodologicalMaterialCreate(input: { kind: CHECKLIST, titleKk: "Тізім", titleRu: "Чек-лист", language: KK }) { material { id } } }`,
      {},
      { token: coordinator.token },
    );
    const materialId = created.data!.methodologicalMaterialCreate.material.id;
    const form = new FormData();
    form.append('materialId', materialId);
    form.append('file', new Blob([new Uint8Array(minimalPdf('checklist'))], { type: 'application/pdf' }), 'checklist.pdf');
    const uploaded = (await (await fetch(`${api.url}/documents`, { method: 'POST', headers: auth(coordinator), body: form })).json()) as UploadBody;
    const caseDocument = await uploadOk(coordinator, { caseId: caseA, kind: 'OTHER' }, minimalPdf('a case file'));

    type Update = { methodologicalMaterialUpdate: { material: { version: number; document: { id: string } | null } | null; userErrors: { field: string[]; code: string }[] } };
    const UPDATE = `mutation ($input: MethodologicalMaterialUpdateInput!) {
      methodologicalMaterialUpdate(input: $input) { material { version document { id } } userErrors { field code } } }`;
    const update = (input: Record<string, unknown>) => api.query<Update>(UPDATE, { input: { materialId, ...input } }, { token: coordinator.token });

    const removed = await update({ expectedVersion: 2, removeDocument: true });
    expect(removed.data!.methodologicalMaterialUpdate.userErrors).toEqual([]);
    expect(removed.data!.methodologicalMaterialUpdate.material).toMatchObject({ version: 3, document: null });

    const caseFile = await update({ expectedVersion: 3, documentId: caseDocument.id });
    expect(caseFile.data!.methodologicalMaterialUpdate.userErrors).toEqual([{ field: ['input', 'documentId'], code: 'NOT_FOUND' }]);

    const set = await update({ expectedVersion: 3, documentId: uploaded.id });
    expect(set.data!.methodologicalMaterialUpdate.userErrors).toEqual([]);
    expect(set.data!.methodologicalMaterialUpdate.material).toMatchObject({ version: 4, document: { id: uploaded.id } });
  });
});
