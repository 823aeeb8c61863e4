// File names come from the uploader and go back out in Content-Disposition and in
// GraphQL, so they are cleaned once, on upload: no paths, no control or bidirectional
// override characters, nothing Windows refuses, a bounded length, and an extension that
// matches the detected content (so "notes.html" holding text is saved as "notes.html.txt"
// and cannot become a web page or a script on the downloader's disk).

const MAX_LENGTH = 180;
const FALLBACK_NAME = 'document';

// C0/C1 controls, DEL, bidi overrides and isolates, zero-width and BOM characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Characters Windows does not allow in names (the path separators included).
const RESERVED = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function sanitiseFileName(raw: string, extensions: readonly string[]): string {
  // The last path segment only: browsers on Windows used to send "C:\\Users\\...\\file.pdf".
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;

  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const wanted = extensions[0];
  let suffix = '';
  if (wanted && (extension === undefined || !extensions.includes(extension))) suffix = `.${wanted}`;
  if (name === '') name = FALLBACK_NAME;

  // Trim by code points (never split a surrogate pair), keeping the extension.
  const codePoints = Array.from(name);
  const room = MAX_LENGTH - suffix.length;
  if (codePoints.length > room) {
    const ownExtension = suffix === '' && extension ? `.${extension}` : '';
    name = codePoints.slice(0, room - Array.from(ownExtension).length).join('').trimEnd() + ownExtension;
  }
  return name + suffix;
}

/** RFC 6266 / RFC 8187 Content-Disposition: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  // encodeURIComponent leaves ' ( ) * unescaped; RFC 8187's attr-char does not allow them.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
