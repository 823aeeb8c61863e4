// Type detection by content, and file name cleaning, on real files in a temporary folder.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectDocumentType, isUtf8Text } from './content-type.ts';
import { contentDisposition, sanitiseFileName } from './file-names.ts';
import { DocumentStorage } from './storage.ts';

/** A zip archive with uncompressed ("stored") entries, as office suites write their containers. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const fileName = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const WORD_MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

describe('detecting the type of a document by its content', () => {
  let dir: string;
  let n = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kza-content-type-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function detect(content: Buffer, name = 'file') {
    n += 1;
    const path = join(dir, String(n));
    await writeFile(path, content);
    return detectDocumentType(path, name);
  }

  it('accepts office documents (OOXML and OpenDocument) and images', async () => {
    const docx = storedZip({ '[Content_Types].xml': contentTypes(WORD_MAIN), 'word/document.xml': '<w:document/>' });
    expect(await detect(docx, 'plan.zip')).toEqual({
      accepted: true,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extensions: ['docx'],
    });
    const odt = storedZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' });
    expect(await detect(odt)).toMatchObject({ accepted: true, mediaType: 'application/vnd.oasis.opendocument.text' });
    expect(await detect(PNG, 'photo.jpg')).toMatchObject({ accepted: true, mediaType: 'image/png', extensions: ['png'] });
  });

  it('rejects other containers and formats, naming what they are', async () => {
    expect(await detect(storedZip({ 'readme.txt': 'hello' }))).toEqual({ accepted: false, detected: 'application/zip' });
    const docm = storedZip({ '[Content_Types].xml': contentTypes(WORD_MACRO_MAIN), 'word/document.xml': '<w:document/>' });
    expect(await detect(docm, 'plan.docx')).toEqual({ accepted: false, detected: 'application/vnd.ms-word.document.macroenabled.12' });
    expect(await detect(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toEqual({ accepted: false, detected: 'image/gif' });
  });

  it('takes text only when it is UTF-8 without control characters', async () => {
    expect(await detect(Buffer.from('name,count\nАстана,3\n'), 'data.CSV')).toMatchObject({ accepted: true, mediaType: 'text/csv; charset=utf-8' });
    expect(await detect(Buffer.from('\ufeffТекст\r\n\tмәтін\f'), 'notes.txt')).toMatchObject({ accepted: true, mediaType: 'text/plain; charset=utf-8' });
    expect(await detect(Buffer.from([0x61, 0xc3]))).toEqual({ accepted: false, detected: 'unrecognised binary data' });
    expect(await detect(Buffer.from('text\u0000with a NUL'))).toEqual({ accepted: false, detected: 'unrecognised binary data' });
    expect(await detect(Buffer.from('\u001b[31mred'))).toEqual({ accepted: false, detected: 'unrecognised binary data' });
  });

  it('checks UTF-8 across chunk boundaries', async () => {
    // 70 000 two-byte characters: several read chunks, some splitting a character.
    const path = join(dir, 'long.txt');
    await writeFile(path, 'ә'.repeat(70_000));
    expect(await isUtf8Text(path)).toBe(true);
  });
});

describe('cleaning file names', () => {
  it('keeps a good name as it is', () => {
    expect(sanitiseFileName('Өзін-өзі бағалау есебі 2026.pdf', ['pdf'])).toBe('Өзін-өзі бағалау есебі 2026.pdf');
    expect(sanitiseFileName('photo.JPEG', ['jpg', 'jpeg'])).toBe('photo.JPEG');
  });

  it('drops paths, control and bidirectional characters, and what Windows refuses', () => {
    expect(sanitiseFileName('C:\\Users\\a\\Desktop\\report.pdf', ['pdf'])).toBe('report.pdf');
    expect(sanitiseFileName('../../etc/passwd', ['txt'])).toBe('passwd.txt');
    expect(sanitiseFileName('invoice\u202Efdp.exe', ['pdf'])).toBe('invoicefdp.exe.pdf');
    expect(sanitiseFileName('a<b>:c"d|e?f*.pdf', ['pdf'])).toBe('a_b__c_d_e_f_.pdf');
    expect(sanitiseFileName('line\r\nbreak\t.pdf', ['pdf'])).toBe('linebreak.pdf');
    expect(sanitiseFileName('CON.pdf', ['pdf'])).toBe('_CON.pdf');
    expect(sanitiseFileName(' ..hidden.pdf.. ', ['pdf'])).toBe('hidden.pdf');
  });

  it('makes the extension match the content, and never leaves the name empty', () => {
    expect(sanitiseFileName('notes.html', ['txt', 'csv'])).toBe('notes.html.txt');
    expect(sanitiseFileName('scan', ['png'])).toBe('scan.png');
    expect(sanitiseFileName('', ['pdf'])).toBe('document.pdf');
    expect(sanitiseFileName('...', ['pdf'])).toBe('document.pdf');
  });

  it('bounds the length, keeping the extension and whole characters', () => {
    const long = sanitiseFileName(`${'ә'.repeat(300)}.pdf`, ['pdf']);
    expect(Array.from(long)).toHaveLength(180);
    expect(long.endsWith('ә.pdf')).toBe(true);
    expect(Array.from(sanitiseFileName('😀'.repeat(300), ['pdf']))).toHaveLength(180);
  });

  it('writes Content-Disposition with an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('Есеп (1)*.pdf')).toBe(`attachment; filename="____ (1)*.pdf"; filename*=UTF-8''%D0%95%D1%81%D0%B5%D0%BF%20%281%29%2A.pdf`);
    expect(contentDisposition('a"b\\c%.pdf')).toBe(`attachment; filename="a_b_c_.pdf"; filename*=UTF-8''a%22b%5Cc%25.pdf`);
  });
});

describe('the content-addressed store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kza-storage-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('files content under its sha256, once, and streams it back', async () => {
    const storage = new DocumentStorage(dir);
    const first = await storage.put(Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    expect(first).toEqual({ sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9', size: 11 });
    expect(storage.pathOf(first.sha256)).toBe(join(dir, 'b9', first.sha256));
    expect(await storage.put(Readable.from([Buffer.from('hello world')]))).toEqual(first);
    const read = await storage.read(first.sha256);
    expect(read?.size).toBe(11);
    const chunks: Buffer[] = [];
    for await (const chunk of read?.stream ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello world');
    expect(await storage.read('0'.repeat(64))).toBeNull();
    expect(() => storage.pathOf('../../etc/passwd')).toThrow(/sha256/);
  });

  it('leaves nothing behind when the source fails mid-way', async () => {
    const storage = new DocumentStorage(dir);
    async function* failing() {
      yield Buffer.from('partial');
      throw new Error('connection lost');
    }
    await expect(storage.stage(Readable.from(failing()))).rejects.toThrow('connection lost');
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });
});
