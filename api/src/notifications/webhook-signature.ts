// The webhook signature scheme, as documented for integrators in docs/webhooks.md:
// X-KZA-Signature: sha256=<hex HMAC-SHA256 of "<X-KZA-Timestamp>.<raw body>" keyed with the secret>.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_PREFIX = 'sha256=';

/** A new webhook secret: 32 random bytes, shown to the owner once. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The X-KZA-Signature header value for a body sent at `timestamp` (Unix seconds). */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a receiver does (docs/webhooks.md): recompute, compare in constant time, check freshness. */
export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string;
  body: string;
  signature: string;
  /** Unix seconds now; default the system clock. */
  nowSeconds?: number;
  /** Reject deliveries older (or newer) than this; default 5 minutes. */
  toleranceSeconds?: number;
}): boolean {
  const sent = Number(input.timestamp);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(sent) || Math.abs(now - sent) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(input.secret, input.timestamp, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
