// Which files the platform accepts, decided by their content (magic bytes), never by the
// name or the Content-Type the client claims: a renamed executable stays an executable.
import { createReadStream } from 'node:fs';
import { fileTypeFromFile } from 'file-type';

/** Binary formats accepted, by the media type file-type reports, with their usual extensions. */
const acceptedBinaryTypes: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

export const TEXT_PLAIN = 'text/plain; charset=utf-8';
export const TEXT_CSV = 'text/csv; charset=utf-8';

/** Plain-language list for error messages and the README. */
export const acceptedTypesDescription = 'PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG, JPEG, or plain text / CSV in UTF-8';

export type DetectedType =
  | { accepted: true; mediaType: string; extensions: readonly string[] }
  | { accepted: false; detected: string };

export async function detectDocumentType(path: string, fileName: string): Promise<DetectedType> {
  const found = await fileTypeFromFile(path);
  if (found) {
    const extensions = acceptedBinaryTypes[found.mime];
    return extensions ? { accepted: true, mediaType: found.mime, extensions } : { accepted: false, detected: found.mime };
  }
  // file-type recognises no text formats: text is accepted only when it really is text.
  if (!(await isUtf8Text(path))) return { accepted: false, detected: 'unrecognised binary data' };
  // Text has no magic bytes, so the name may choose between the two text types (both inert).
  return /\.csv$/i.test(fileName)
    ? { accepted: true, mediaType: TEXT_CSV, extensions: ['csv'] }
    : { accepted: true, mediaType: TEXT_PLAIN, extensions: ['txt', 'csv'] };
}

/**
 * Whether the file is valid UTF-8 without control characters other than tab, line
 * breaks and form feed (a NUL or an escape byte means binary data, whatever decodes).
 */
export async function isUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      for (const byte of bytes) {
        if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) return false;
      }
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false; // the decoder's "invalid UTF-8"
    throw error;
  }
}
