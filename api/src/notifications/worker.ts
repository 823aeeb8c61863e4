// The outbox delivery worker. Any number of workers (in one process or in several API
// replicas) may drain the same outbox: each claims a batch of due messages with a lease
// (FOR UPDATE SKIP LOCKED, so two workers never claim the same row), delivers them, and
// records the outcome. A DELIVERED message is never claimed again; a crash between
// sending and recording can repeat a delivery once the lease runs out, so the idempotency
// key travels with every delivery (Message-ID / X-KZA-Delivery) for the receiver to de-duplicate.
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../shared/logger.ts';
import type { MailTransport } from './mail.ts';
import { signWebhookBody } from './webhook-signature.ts';

export const DEFAULT_BATCH_SIZE = 20;
/** Longer than a batch can take (deliveries run in parallel, each bounded by its timeout). */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** 12 attempts spread the retries over about 14 hours: an overnight outage of a receiver is survived. */
export const DEFAULT_MAX_ATTEMPTS = 12;
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 6 * 60 * 60_000;

/**
 * Pause before the next attempt after `attempts` failed ones: 30 s × 2^(attempts−1),
 * capped at 6 h, with ±20 % jitter so that messages failing together do not retry together.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.min(RETRY_CAP_MS, Math.round(base * (0.8 + 0.4 * random())));
}

export interface OutboxWorkerOptions {
  prisma: PrismaClient;
  logger: Logger;
  /** Where e-mails go (createMailTransport: SMTP or the log). */
  transport: MailTransport;
  /** Pause between polls when nothing is due (startOutboxWorker only). */
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  webhookTimeoutMs?: number;
  /** Clock; tests move it forward instead of sleeping through back-off. */
  now?: () => Date;
  /** Source of jitter, 0 ≤ x < 1. */
  random?: () => number;
}

export interface DrainResult {
  claimed: number;
  delivered: number;
  /** Failed this time, scheduled for another attempt. */
  retrying: number;
  /** Failed for good (attempts exhausted, or the webhook no longer exists). */
  failed: number;
}

export interface OutboxWorker {
  /** Delivers every message due now, batch by batch, and returns what happened. */
  drainOnce(): Promise<DrainResult>;
  /** Stops polling and waits for the batch in flight. */
  stop(): Promise<void>;
}

/** A failure that retrying cannot fix: the message goes straight to FAILED. */
class PermanentDeliveryError extends Error {}

const emailPayload = z.object({ subject: z.string(), body: z.string(), kind: z.string().optional() });
const webhookPayload = z.object({ type: z.string(), id: z.string(), data: z.record(z.string(), z.unknown()) });

interface ClaimedMessage {
  id: string;
  channel: 'EMAIL' | 'WEBHOOK';
  idempotencyKey: string;
  recipient: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}

/** The JSON body POSTed to a webhook; identical on every attempt, so its signature differs only by timestamp. */
export function webhookBody(payload: { id: string; type: string; data: Record<string, unknown> }, occurredAt: Date): string {
  return JSON.stringify({ id: payload.id, type: payload.type, occurredAt: occurredAt.toISOString(), data: payload.data });
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`.slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}

/** A worker without its own timer: call drainOnce() (tests, `pnpm jobs:run-once`). */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { prisma, logger, transport } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const webhookTimeoutMs = options.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  let stopping = false;

  /** Leases up to batchSize due messages to this worker and counts the attempt. */
  async function claim(at: Date, leaseUntil: Date): Promise<string[]> {
    // One statement: the sub-select locks the rows it picks and skips rows another
    // worker is claiming right now; the lease keeps them away from later polls.
    const rows = await prisma.$queryRaw<{ id: string }[]>`
      UPDATE "outbox_message"
      SET "locked_until" = ${leaseUntil.toISOString()}::timestamptz, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "outbox_message"
        WHERE "status" = 'PENDING'
          AND "next_attempt_at" <= ${at.toISOString()}::timestamptz
          AND ("locked_until" IS NULL OR "locked_until" < ${at.toISOString()}::timestamptz)
        ORDER BY "next_attempt_at"
        LIMIT ${batchSize}::int
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id"`;
    return rows.map((row) => row.id);
  }

  async function sendEmail(message: ClaimedMessage): Promise<void> {
    const parsed = emailPayload.safeParse(message.payload);
    if (!parsed.success) throw new PermanentDeliveryError(`malformed e-mail payload: ${parsed.error.message}`);
    await transport.send({
      to: message.recipient,
      subject: parsed.data.subject,
      text: parsed.data.body,
      idempotencyKey: message.idempotencyKey,
      kind: parsed.data.kind,
    });
  }

  async function postWebhook(message: ClaimedMessage): Promise<void> {
    const parsed = webhookPayload.safeParse(message.payload);
    if (!parsed.success) throw new PermanentDeliveryError(`malformed webhook payload: ${parsed.error.message}`);
    const webhook = await prisma.webhook.findUnique({ where: { id: message.recipient } });
    if (!webhook || !webhook.isActive) throw new PermanentDeliveryError('the webhook was deleted');
    const body = webhookBody(parsed.data, message.createdAt);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'KZA-Webhooks/1',
        'x-kza-event': parsed.data.type,
        'x-kza-delivery': message.idempotencyKey,
        'x-kza-timestamp': timestamp,
        'x-kza-signature': signWebhookBody(webhook.secret, timestamp, body),
      },
      body,
      // A redirect is not a delivery, and following one could lead the request anywhere.
      redirect: 'manual',
      signal: AbortSignal.timeout(webhookTimeoutMs),
    });
    if (!response.ok) {
      // The start of the receiver's answer helps whoever reads lastError.
      const excerpt = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(`HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`);
    }
    await response.body?.cancel().catch(() => {});
  }

  type Outcome = 'delivered' | 'retrying' | 'failed';

  async function deliver(message: ClaimedMessage, leaseUntil: Date): Promise<Outcome> {
    try {
      if (message.channel === 'EMAIL') await sendEmail(message);
      else await postWebhook(message);
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError || message.attempts >= maxAttempts;
      const lastError = describeError(error);
      const at = now();
      // Fenced by the lease: if it ran out and another worker took the message over, its outcome counts, not ours.
      await prisma.outboxMessage.updateMany({
        where: { id: message.id, status: 'PENDING', lockedUntil: leaseUntil },
        data: permanent
          ? { status: 'FAILED', lastError, lockedUntil: null }
          : { lastError, lockedUntil: null, nextAttemptAt: new Date(at.getTime() + retryDelayMs(message.attempts, random)) },
      });
      logger.warn(
        { outboxId: message.id, channel: message.channel, delivery: message.idempotencyKey, attempts: message.attempts, error: lastError },
        permanent ? 'delivery failed for good' : 'delivery failed; will retry',
      );
      return permanent ? 'failed' : 'retrying';
    }
    // Not fenced: a delivery that happened is recorded even if the lease ran out meanwhile.
    await prisma.outboxMessage.updateMany({
      where: { id: message.id, status: 'PENDING' },
      data: { status: 'DELIVERED', deliveredAt: now(), lockedUntil: null, lastError: null },
    });
    logger.debug({ outboxId: message.id, channel: message.channel, delivery: message.idempotencyKey }, 'delivered');
    return 'delivered';
  }

  async function drainOnce(): Promise<DrainResult> {
    const result: DrainResult = { claimed: 0, delivered: 0, retrying: 0, failed: 0 };
    while (!stopping) {
      const at = now();
      const leaseUntil = new Date(at.getTime() + leaseMs);
      const ids = await claim(at, leaseUntil);
      if (ids.length === 0) break;
      result.claimed += ids.length;
      const messages = await prisma.outboxMessage.findMany({ where: { id: { in: ids } } });
      const outcomes = await Promise.all(messages.map((message) => deliver(message, leaseUntil)));
      for (const outcome of outcomes) result[outcome] += 1;
      if (ids.length < batchSize) break;
    }
    return result;
  }

  return {
    drainOnce,
    async stop() {
      stopping = true;
    },
  };
}

/** A worker that polls every pollMs until stopped; drains everything due on each poll. */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const worker = createOutboxWorker(options);
  const pollMs = options.pollMs ?? 5000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();

  const poll = () => {
    inFlight = worker
      .drainOnce()
      .then((result) => {
        if (result.claimed > 0) options.logger.info(result, 'outbox drained');
      })
      .catch((error: unknown) => options.logger.error({ err: error }, 'outbox worker: polling failed; trying again later'))
      .finally(() => {
        if (!stopped) timer = setTimeout(poll, pollMs);
      });
  };
  timer = setTimeout(poll, 0);

  return {
    drainOnce: worker.drainOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await worker.stop();
      await inFlight;
    },
  };
}
