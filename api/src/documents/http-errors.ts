// Errors of the document routes, answered as JSON: { "error": { "code", "message", ... } }.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Machine-readable, e.g. FILE_TOO_LARGE. */
    readonly code: string,
    message: string,
    /** Extra facts for clients, e.g. { limitBytes }. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function sendError(res: Response, error: HttpError): void {
  if (error.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(error.status).json({ error: { code: error.code, message: error.message, ...error.details } });
}

/**
 * Call when answering before the request body has been read (a refusal, a file over the
 * limit). The rest of the body is read and dropped, up to `maxBytes` and `maxMs`, so that
 * a client still sending gets to read the answer: closing with unread data would reset the
 * connection under it. A body declared larger than that is not read: the connection closes.
 */
export function discardRestOfBody(req: IncomingMessage, res: ServerResponse, maxBytes: number, maxMs: number): void {
  if (req.complete) return;
  if (Number(req.headers['content-length']) > maxBytes) {
    res.setHeader('Connection', 'close');
    return;
  }
  let discarded = 0;
  const close = () => req.socket.destroy();
  const timer = setTimeout(close, maxMs);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) close();
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
