// Reads one file from a multipart/form-data request into the document store, with the
// form fields before it. The fields decide whether the file may be uploaded at all, so
// they must come first: `accept` sees them before a byte of the file is read, and a
// refusal stops the upload there (as S3's POST uploads require, the file is last).
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { HttpError } from './http-errors.ts';
import type { DocumentStorage, StagedContent } from './storage.ts';

/** The form field that carries the file. */
export const FILE_FIELD = 'file';

const MAX_FIELDS = 10;
const MAX_FIELD_BYTES = 1024;

export interface ReceivedUpload<T> {
  /** What `accept` returned for the fields. */
  accepted: T;
  /** The file, in a temporary file of the store: commit or discard it. */
  staged: StagedContent;
  /** File name as the client sent it (not yet cleaned). */
  clientFileName: string;
}

export function tooLarge(maxFileBytes: number): HttpError {
  const mib = maxFileBytes / (1024 * 1024);
  const readable = Number.isInteger(mib) ? `${mib} MiB` : `${maxFileBytes} bytes`;
  return new HttpError(413, 'FILE_TOO_LARGE', `The file is larger than the limit of ${readable} (${maxFileBytes} bytes).`, {
    limitBytes: maxFileBytes,
  });
}

export function receiveUpload<T>(
  req: IncomingMessage,
  storage: DocumentStorage,
  maxFileBytes: number,
  accept: (fields: ReadonlyMap<string, string>) => Promise<T>,
): Promise<ReceivedUpload<T>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send non-ASCII file names as raw UTF-8, not latin1 (busboy's default).
        defParamCharset: 'utf8',
        // One byte over the limit: busboy signals "limit" when a file reaches the size.
        limits: { fileSize: maxFileBytes + 1, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
      });
    } catch {
      reject(new HttpError(400, 'BAD_MULTIPART', 'Send multipart/form-data with a boundary.'));
      return;
    }

    const fields = new Map<string, string>();
    let upload: Promise<ReceivedUpload<T>> | undefined;
    let staged: StagedContent | undefined;
    let settled = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      // Stop reading the request: nothing more of it will be used.
      req.unpipe(parser);
      parser.destroy();
      void staged?.discard();
      reject(error);
    };

    parser.on('field', (name, value, info) => {
      if (upload) return fail(new HttpError(400, 'FIELD_AFTER_FILE', `Send the field "${name}" before the file.`));
      if (info.valueTruncated) return fail(new HttpError(400, 'FIELD_TOO_LONG', `The field "${name}" is too long.`));
      fields.set(name, value);
    });

    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD) {
        stream.resume();
        return fail(new HttpError(400, 'UNEXPECTED_FILE', `Send the file in the field "${FILE_FIELD}", not "${name}".`));
      }
      // Its errors reach us through storage.stage's pipeline, or do not matter: when the
      // parse is abandoned (fail), busboy destroys the stream with one, maybe before stage runs.
      stream.on('error', () => {});
      // Abort at once: the rest of the file is never read, nor stored.
      stream.once('limit', () => {
        fail(tooLarge(maxFileBytes));
        // Without an error: nothing may be listening yet (the fields are still being checked).
        stream.destroy();
      });
      upload = (async () => {
        const accepted = await accept(fields);
        if (settled) throw new Error('the upload was abandoned');
        staged = await storage.stage(stream);
        if (settled) {
          await staged.discard();
          throw new Error('the upload was abandoned');
        }
        return { accepted, staged, clientFileName: info.filename ?? '' };
      })();
      upload.catch(fail);
    });

    parser.on('filesLimit', () => fail(new HttpError(400, 'TOO_MANY_FILES', 'Send one file per request.')));
    parser.on('fieldsLimit', () => fail(new HttpError(400, 'TOO_MANY_FIELDS', `Send at most ${MAX_FIELDS} fields.`)));
    parser.on('error', () => fail(new HttpError(400, 'BAD_MULTIPART', 'The multipart/form-data body is malformed.')));
    parser.on('close', () => {
      if (settled) return;
      if (!upload) return fail(new HttpError(400, 'FILE_REQUIRED', `Send the file in the field "${FILE_FIELD}".`));
      upload.then((received) => {
        if (settled) return;
        settled = true;
        resolve(received);
      }, fail);
    });
    req.once('close', () => {
      if (!req.complete) fail(new HttpError(400, 'ABORTED', 'The client stopped sending the request.'));
    });
    req.pipe(parser);
  });
}
