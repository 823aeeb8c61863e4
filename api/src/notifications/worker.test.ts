// The outbox delivery worker on real databases, with real HTTP (webhooks) and SMTP
// receivers on 127.0.0.1. The clock is injected: back-off is stepped through, not slept.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../shared/logger.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/index.ts';
import { createMailTransport, messageIdFor, type MailTransport, type OutgoingMail } from './mail.ts';
import { enqueueWebhookEvent } from './outbox.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';
import { createOutboxWorker, retryDelayMs, RETRY_BASE_MS, RETRY_CAP_MS } from './worker.ts';

const kinds = await testDatabaseKinds();
const silent = createLogger('silent');
const START = new Date('2026-12-03T07:00:00.000Z');

/** A clock the test moves by hand. */
function manualClock(start = START) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at: Date) => {
      current = at.getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
}

/** Records what it was asked to send; each send takes a little while, so workers interleave. */
function recordingTransport(): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    kind: 'log',
    sent,
    async send(mail) {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      sent.push(mail);
    },
    close() {},
  };
}

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that answers with `status` (or never, for 'hang'). */
async function startReceiver(status: number | 'hang'): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (status === 'hang') return;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? 'receiver is down' : '');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/kza`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('retryDelayMs', () => {
  it('doubles from 30 s, caps at 6 h, and jitters by at most 20 %', () => {
    const exact = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, exact))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20, exact)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(1, () => 0)).toBe(RETRY_BASE_MS * 0.8);
    expect(retryDelayMs(1, () => 0.999_999)).toBeLessThanOrEqual(RETRY_BASE_MS * 1.2);
    expect(retryDelayMs(30, () => 0.999_999)).toBe(RETRY_CAP_MS);
  });
});

describe.each(kinds)('the outbox worker on %s', (kind) => {
  let db: TestDatabase;
  const receivers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db?.destroy());
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
    await db.prisma.outboxMessage.deleteMany();
    await db.prisma.webhook.deleteMany();
  });

  async function queueEmails(count: number, prefix: string): Promise<string[]> {
    const keys = Array.from({ length: count }, (_, i) => `${prefix}:${i}`);
    await db.prisma.outboxMessage.createMany({
      data: keys.map((key, i) => ({
        channel: 'EMAIL' as const,
        idempotencyKey: key,
        recipient: `user${i}@example.kz`,
        payload: { subject: `Subject ${i}`, body: 'Body', kind: 'test' },
        nextAttemptAt: new Date(START.getTime() - 1000),
      })),
    });
    return keys;
  }

  async function createWebhook(url: string, secret = 'whsec_test-secret') {
    return db.prisma.webhook.create({ data: { url, secret, events: ['decision.published'], ownerId: 'owner-1' } });
  }

  async function queueDecisionEvent(id = 'decision-1') {
    await db.prisma.$transaction((tx) =>
      enqueueWebhookEvent(tx, { type: 'decision.published', id, data: { decision: { number: 'AC-D-1' } } }),
    );
    // Queued "a moment ago" on the test clock.
    await db.prisma.outboxMessage.updateMany({ data: { nextAttemptAt: START, createdAt: START } });
  }

  it('delivers each message exactly once when two workers drain at the same time', async () => {
    const keys = await queueEmails(60, 'concurrent');
    const clock = manualClock();
    const transport = recordingTransport();
    const options = { prisma: db.prisma, logger: silent, transport, now: clock.now, batchSize: 7 };
    const [a, b] = await Promise.all([createOutboxWorker(options).drainOnce(), createOutboxWorker(options).drainOnce()]);

    expect(a.claimed + b.claimed).toBe(60);
    expect(a.claimed).toBeGreaterThan(0);
    expect(b.claimed).toBeGreaterThan(0);
    expect(a.delivered + b.delivered).toBe(60);
    expect(transport.sent.map((mail) => mail.idempotencyKey).sort()).toEqual([...keys].sort());

    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows.every((row) => row.status === 'DELIVERED' && row.attempts === 1 && row.lockedUntil === null)).toBe(true);
    expect(rows.every((row) => row.deliveredAt?.getTime() === START.getTime())).toBe(true);

    // Delivered messages are never picked up again, however late it gets.
    clock.advance(30 * 24 * 3600_000);
    expect((await createOutboxWorker(options).drainOnce()).claimed).toBe(0);
    expect(transport.sent).toHaveLength(60);
  });

  it('leaves a message claimed by a worker alone until its lease runs out', async () => {
    await queueEmails(1, 'lease');
    const clock = manualClock();
    // A worker that claimed the message and then died before recording anything.
    await db.prisma.outboxMessage.updateMany({ data: { lockedUntil: new Date(START.getTime() + 60_000), attempts: 1 } });
    const transport = recordingTransport();
    const worker = createOutboxWorker({ prisma: db.prisma, logger: silent, transport, now: clock.now });
    expect((await worker.drainOnce()).claimed).toBe(0);
    clock.advance(61_000);
    expect(await worker.drainOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(transport.sent.map((mail) => mail.idempotencyKey)).toEqual(['lease:0']);
    expect((await db.prisma.outboxMessage.findFirstOrThrow()).attempts).toBe(2);
  });

  it('retries a failing webhook endpoint with back-off and finally marks it FAILED', async () => {
    const receiver = await startReceiver(500);
    receivers.push(receiver);
    await createWebhook(receiver.url);
    await queueDecisionEvent();
    const clock = manualClock();
    const worker = createOutboxWorker({ prisma: db.prisma, logger: silent, transport: recordingTransport(), now: clock.now, random: () => 0.5, maxAttempts: 5 });

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await worker.drainOnce()).toMatchObject({ claimed: 1, retrying: 1 });
      const row = await db.prisma.outboxMessage.findFirstOrThrow();
      expect(row).toMatchObject({ status: 'PENDING', attempts: attempt, lockedUntil: null, lastError: 'HTTP 500: receiver is down' });
      const delay = 30_000 * 2 ** (attempt - 1);
      expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(delay);
      // Not due yet: nothing is sent before the back-off has passed.
      clock.advance(delay - 1);
      expect((await worker.drainOnce()).claimed).toBe(0);
      clock.advance(1);
    }
    expect(await worker.drainOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 5, lastError: 'HTTP 500: receiver is down', deliveredAt: null });
    clock.advance(7 * 3600_000);
    expect((await worker.drainOnce()).claimed).toBe(0);

    expect(receiver.received).toHaveLength(5);
    const deliveryIds = new Set(receiver.received.map((request) => request.headers['x-kza-delivery']));
    expect([...deliveryIds]).toEqual([failed.idempotencyKey]);
  });

  it('treats a receiver that does not answer in time as a failure to retry', async () => {
    const receiver = await startReceiver('hang');
    receivers.push(receiver);
    await createWebhook(receiver.url);
    await queueDecisionEvent();
    const worker = createOutboxWorker({ prisma: db.prisma, logger: silent, transport: recordingTransport(), now: manualClock().now, webhookTimeoutMs: 200 });
    expect(await worker.drainOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'PENDING', lastError: 'timed out' });
  });

  it('signs what a good endpoint receives so that the documented check verifies it, and delivers it once', async () => {
    const receiver = await startReceiver(204);
    receivers.push(receiver);
    const secret = 'whsec_documented-scheme';
    const webhook = await createWebhook(receiver.url, secret);
    await queueDecisionEvent('decision-42');
    const clock = manualClock();
    const worker = createOutboxWorker({ prisma: db.prisma, logger: silent, transport: recordingTransport(), now: clock.now });
    expect(await worker.drainOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    clock.advance(24 * 3600_000);
    expect((await worker.drainOnce()).claimed).toBe(0);

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error('no request');
    const timestamp = String(request.headers['x-kza-timestamp']);
    const signature = String(request.headers['x-kza-signature']);
    expect(request.headers['x-kza-event']).toBe('decision.published');
    expect(request.headers['x-kza-delivery']).toBe(`webhook:${webhook.id}:decision.published:decision-42`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(timestamp).toBe(String(START.getTime() / 1000));

    // Exactly the check docs/webhooks.md gives integrators.
    const expected = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex');
    expect(signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))).toBe(true);
    expect(verifyWebhookSignature({ secret, timestamp, body: request.body, signature, nowSeconds: Number(timestamp) + 10 })).toBe(true);
    // A changed body, an old timestamp or another secret does not verify.
    expect(verifyWebhookSignature({ secret, timestamp, body: `${request.body} `, signature, nowSeconds: Number(timestamp) })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp, body: request.body, signature, nowSeconds: Number(timestamp) + 301 })).toBe(false);
    expect(verifyWebhookSignature({ secret: 'whsec_other', timestamp, body: request.body, signature, nowSeconds: Number(timestamp) })).toBe(false);

    expect(JSON.parse(request.body)).toEqual({
      id: 'decision-42',
      type: 'decision.published',
      occurredAt: START.toISOString(),
      data: { decision: { number: 'AC-D-1' } },
    });
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 1, deliveredAt: START });
  });

  it('gives up at once on a webhook that was deleted', async () => {
    const webhook = await createWebhook('http://127.0.0.1:9/never');
    await queueDecisionEvent();
    await db.prisma.webhook.delete({ where: { id: webhook.id } });
    const worker = createOutboxWorker({ prisma: db.prisma, logger: silent, transport: recordingTransport(), now: manualClock().now });
    expect(await worker.drainOnce()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'FAILED', lastError: 'the webhook was deleted' });
  });

  it('writes e-mail to the log when SMTP_URL is unset, and counts it as delivered', async () => {
    const [key] = await queueEmails(1, 'log');
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const transport = createMailTransport({ smtpUrl: undefined, from: 'KZA <no-reply@example.kz>', logger });
    expect(transport.kind).toBe('log');
    const result = await createOutboxWorker({ prisma: db.prisma, logger: silent, transport, now: manualClock().now }).drainOnce();
    expect(result).toMatchObject({ claimed: 1, delivered: 1 });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.channel === 'EMAIL');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ to: 'u***@example.kz', subject: 'Subject 0', delivery: key, kind: 'test' });
    expect(lines.join('')).not.toContain('user0@example.kz');
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: 'DELIVERED' });
  });

  it.runIf(kind === 'pglite')('sends e-mail over SMTP when SMTP_URL is set, with the idempotency key as Message-ID', async () => {
    const smtp = await startSmtpReceiver();
    receivers.push(smtp);
    const [key] = await queueEmails(1, 'smtp');
    if (!key) throw new Error('no key');
    const from = 'KZA Accreditation <no-reply@example.kz>';
    const transport = createMailTransport({ smtpUrl: smtp.url, from, logger: silent });
    try {
      const result = await createOutboxWorker({ prisma: db.prisma, logger: silent, transport, now: manualClock().now }).drainOnce();
      expect(result).toMatchObject({ delivered: 1 });
    } finally {
      transport.close();
    }
    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message?.rcptTo).toEqual(['<user0@example.kz>']);
    expect(message?.data).toContain(`Message-ID: ${messageIdFor(key, from)}`);
    expect(messageIdFor(key, from)).toBe('<smtp.0@example.kz>');
    // Header names are case-insensitive; nodemailer writes this one as X-Kza-Delivery.
    expect(message?.data).toMatch(new RegExp(`^X-KZA-Delivery: ${key}\r$`, 'im'));
    expect(message?.data).toContain('Subject: Subject 0');
  });
});

/** Just enough of an SMTP server (RFC 5321, no TLS, no auth) to receive one message at a time. */
async function startSmtpReceiver(): Promise<{ url: string; messages: { rcptTo: string[]; data: string }[]; close(): Promise<void> }> {
  const messages: { rcptTo: string[]; data: string }[] = [];
  const server = createTcpServer((socket) => {
    let buffer = '';
    let inData = false;
    let rcptTo: string[] = [];
    socket.setEncoding('utf8');
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          messages.push({ rcptTo, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          rcptTo = [];
          socket.write('250 queued\r\n');
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd < 0) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'RCPT') {
          rcptTo.push(line.slice(line.indexOf(':') + 1).trim());
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
