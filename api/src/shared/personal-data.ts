// Personal data kept out of logs: e-mail addresses shown masked, and long numbers (an IIN, a
// phone number) hidden from free text such as an error's message, which may quote the
// arguments of a failed database call. An organization's BIN is public and stays readable.
import { mayBeIin } from '../experts/iin.ts';

/** "aigerim@example.kz" → "a***@example.kz": enough to tell deliveries apart, not to contact anyone. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// Ten or more digits, with the separators phone numbers are written with; not part of a word (an id).
const LONG_NUMBER = /(?<![\w.])\+?\d(?:[\s()-]*\d){9,}(?![\w])/g;

/** The text with e-mail addresses masked and IINs and phone numbers hidden; BINs (valid, of an entity's shape) kept. */
export function scrubPersonalData(text: string): string {
  return text
    .replace(EMAIL, (address) => maskEmail(address))
    .replace(LONG_NUMBER, (number) => (/^\d{12}$/.test(number) && !mayBeIin(number) ? number : '[number hidden]'));
}

/** A copy of `value` with every string in it scrubbed (for a serialised error and its causes). */
export function scrubDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return scrubPersonalData(value) as T;
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubDeep(item, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item as unknown, depth + 1)])) as T;
}
