// Notifications and webhook calls are written to the outbox in the same transaction as the
// change they announce; the delivery worker sends them later, once each (idempotency key).
import type { Prisma } from '../generated/prisma/client.ts';

export interface NotificationDraft {
  userIds: readonly string[];
  /** Machine-readable kind, e.g. "case.registered". */
  kind: string;
  subject: string;
  body: string;
  caseId?: string | null;
}

/** Records the notifications and queues one e-mail (or log line) per recipient. */
export async function notifyUsers(tx: Prisma.TransactionClient, draft: NotificationDraft): Promise<void> {
  const userIds = [...new Set(draft.userIds)];
  if (userIds.length === 0) return;
  const users = await tx.user.findMany({ where: { id: { in: userIds }, isActive: true }, select: { id: true, email: true } });
  for (const user of users) {
    const notification = await tx.notification.create({
      data: { userId: user.id, kind: draft.kind, subject: draft.subject, body: draft.body, caseId: draft.caseId ?? null },
    });
    await tx.outboxMessage.create({
      data: {
        channel: 'EMAIL',
        idempotencyKey: `notification:${notification.id}`,
        recipient: user.email,
        payload: { notificationId: notification.id, subject: draft.subject, body: draft.body, kind: draft.kind },
      },
    });
  }
}

/** Queues a signed POST of `event` to every active webhook subscribed to it. */
export async function enqueueWebhookEvent(
  tx: Prisma.TransactionClient,
  event: { type: string; id: string; data: Prisma.InputJsonObject },
): Promise<void> {
  const webhooks = await tx.webhook.findMany({ where: { isActive: true, events: { has: event.type } }, select: { id: true } });
  for (const webhook of webhooks) {
    await tx.outboxMessage.create({
      data: {
        channel: 'WEBHOOK',
        idempotencyKey: `webhook:${webhook.id}:${event.type}:${event.id}`,
        recipient: webhook.id,
        payload: { type: event.type, id: event.id, data: event.data },
      },
    });
  }
}
