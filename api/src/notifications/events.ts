// Webhook events: their names and the exact `data` each carries. This is part of the
// integration contract documented in docs/webhooks.md; change both together.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Prisma } from '../generated/prisma/client.ts';
import { toIsoDate } from '../shared/dates.ts';
import { enqueueWebhookEvent } from './outbox.ts';

/** Event names as they travel (X-KZA-Event, body `type`) and are stored (Webhook.events). */
export const webhookEvents = {
  DECISION_PUBLISHED: 'decision.published',
} as const;

export type WebhookEventName = (typeof webhookEvents)[keyof typeof webhookEvents];

/**
 * Queues `decision.published` for every subscribed webhook. Call it in the transaction that
 * publishes the decision, after setting publishedAt.
 */
export async function enqueueDecisionPublished(tx: Prisma.TransactionClient, decisionId: string): Promise<void> {
  const decision = await tx.decision.findUniqueOrThrow({
    where: { id: decisionId },
    include: { organization: true, case: { select: { number: true } }, supersedes: { select: { id: true, number: true } } },
  });
  if (!decision.publishedAt) throw new Error(`decision ${decision.number} is not published`);
  const date = (value: Date | null) => (value ? toIsoDate(value) : null);
  await enqueueWebhookEvent(tx, {
    type: webhookEvents.DECISION_PUBLISHED,
    id: decision.id,
    data: {
      decision: {
        id: encodeGlobalID('Decision', decision.id),
        number: decision.number,
        caseNumber: decision.case.number,
        outcome: decision.outcome,
        decisionDate: toIsoDate(decision.decisionDate),
        validFrom: date(decision.validFrom),
        validUntil: date(decision.validUntil),
        publishedAt: decision.publishedAt.toISOString(),
        supersedes: decision.supersedes ? { id: encodeGlobalID('Decision', decision.supersedes.id), number: decision.supersedes.number } : null,
      },
      organization: {
        id: encodeGlobalID('Organization', decision.organization.id),
        bin: decision.organization.bin,
        nameKk: decision.organization.nameKk,
        nameRu: decision.organization.nameRu,
        nameEn: decision.organization.nameEn,
      },
    },
  });
}
