// Webhooks over GraphQL: integrators (the ministry's systems) register an endpoint that is
// told, with a signed POST, when a decision is published. See docs/webhooks.md.
import { BlockList, isIP } from 'node:net';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { actorOf, appendAuditEvent } from '../audit/trail.ts';
import { assertPageSize, builder, connectionTypeOptions } from '../graphql/builder.ts';
import type { GraphQLContext, Viewer } from '../graphql/context.ts';
import { BusinessRuleError, inTransaction, userError, UserErrorRef, type UserError } from '../graphql/user-errors.ts';
import { webhookEvents, type WebhookEventName } from './events.ts';
import { generateWebhookSecret } from './webhook-signature.ts';

/** The API-token scope that allows managing webhooks. */
export const MANAGE_WEBHOOKS_SCOPE = 'MANAGE_WEBHOOKS';

/** Admins in a session; through an API token only with the MANAGE_WEBHOOKS scope. */
export function canManageWebhooks(viewer: Viewer): boolean {
  if (viewer.kind !== 'user') return false;
  if (viewer.via === 'api-token') return viewer.tokenScopes?.includes(MANAGE_WEBHOOKS_SCOPE) ?? false;
  return viewer.roles.includes('ADMIN');
}

const mayManage = (_parent: unknown, _args: unknown, ctx: GraphQLContext) => canManageWebhooks(ctx.viewer);

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_URL_LENGTH = 2048;

/** Why `raw` cannot be a webhook URL, or null when it can; http only for the local machine (tests, development). */
// Addresses a webhook must never reach: the server would otherwise POST into networks the
// integrator cannot see (private ranges, link-local cloud metadata). Loopback stays allowed
// for development and tests (see docs/webhooks.md). A public name that resolves to such an
// address is not caught here.
const internalNetworks = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  internalNetworks.addSubnet(network, prefix, 'ipv4');
}
internalNetworks.addSubnet('fc00::', 7, 'ipv6');
internalNetworks.addSubnet('fe80::', 10, 'ipv6');
internalNetworks.addAddress('::', 'ipv6');

function isInternalAddress(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'metadata.google.internal' || host.endsWith('.internal')) return true;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    const [high, low] = [Number.parseInt(mapped[1] ?? '0', 16), Number.parseInt(mapped[2] ?? '0', 16)];
    return internalNetworks.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  const family = isIP(host);
  return family === 4 ? internalNetworks.check(host, 'ipv4') : family === 6 ? internalNetworks.check(host, 'ipv6') : false;
}

export function webhookUrlProblem(raw: string): string | null {
  if (raw.length > MAX_URL_LENGTH) return `The URL is longer than ${MAX_URL_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The URL must be absolute, e.g. https://example.kz/hooks/kza.';
  }
  if (url.username || url.password) return 'The URL must not contain a user name or password; the signature authenticates deliveries.';
  if (isInternalAddress(url.hostname)) {
    return 'The URL must not point at a private, link-local or cloud-metadata address; webhooks call the integrator’s public endpoint.';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return 'The URL must use https (http is accepted only for localhost and 127.0.0.1).';
}

export const WebhookEventEnum = builder.enumType('WebhookEvent', {
  description: 'Something that happens in the register that a webhook can be told about.',
  values: {
    DECISION_PUBLISHED: {
      value: webhookEvents.DECISION_PUBLISHED,
      description: 'A decision of the Accreditation Council was published on the register (event type "decision.published").',
    },
  },
});

const knownEvents = new Set<string>(Object.values(webhookEvents));

export const WebhookRef = builder.prismaNode('Webhook', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description:
    'An endpoint that receives a signed POST for each event it subscribes to. The signing secret is shown only once, in the payload of webhookCreate.',
  id: { field: 'id' },
  // Only the owner sees their webhooks.
  authScopes: (webhook, ctx) => ctx.viewer.kind === 'user' && ctx.viewer.userId === webhook.ownerId,
  fields: (t) => ({
    url: t.exposeString('url', { description: 'Where deliveries are POSTed.' }),
    events: t.field({
      type: [WebhookEventEnum],
      description: 'Events delivered to this endpoint.',
      // Names stored by an older version and no longer offered are left out.
      resolve: (webhook) => webhook.events.filter((event): event is WebhookEventName => knownEvents.has(event)),
    }),
    isActive: t.exposeBoolean('isActive', { description: 'Whether deliveries are made.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
  }),
});

builder.queryFields((t) => ({
  myWebhooks: t.prismaConnection(
    {
      type: WebhookRef,
      cursor: 'id',
      authScopes: mayManage,
      description:
        'The webhooks you registered, oldest first. Needs an admin session or an API token with the MANAGE_WEBHOOKS scope.',
      totalCount: (_parent, args, ctx) => {
        assertPageSize(args);
        if (ctx.viewer.kind !== 'user') return 0;
        return ctx.prisma.webhook.count({ where: { ownerId: ctx.viewer.userId } });
      },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        if (ctx.viewer.kind !== 'user') return [];
        return ctx.prisma.webhook.findMany({ ...query, where: { ownerId: ctx.viewer.userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      },
    },
    ...connectionTypeOptions('webhooks you registered'),
  ),
}));

const WebhookCreateInput = builder.inputType('WebhookCreateInput', {
  description: 'A webhook to register.',
  fields: (t) => ({
    url: t.string({
      required: true,
      description: 'Absolute https URL that receives the POSTs (http only for localhost and 127.0.0.1).',
    }),
    events: t.field({ type: [WebhookEventEnum], required: true, description: 'Events to deliver; at least one.' }),
  }),
});

const WebhookCreatePayload = builder
  .objectRef<{ webhookId: string | null; secret: string | null; userErrors: UserError[] }>('WebhookCreatePayload')
  .implement({
    description: 'Result of webhookCreate.',
    authScopes: { signedIn: true },
    fields: (t) => ({
      webhook: t.prismaField({
        type: WebhookRef,
        nullable: true,
        description: 'The new webhook; null when a rule was broken.',
        resolve: (query, payload, _args, ctx) =>
          payload.webhookId ? ctx.prisma.webhook.findUnique({ ...query, where: { id: payload.webhookId } }) : null,
      }),
      secret: t.exposeString('secret', {
        nullable: true,
        description:
          'The signing secret (HMAC-SHA256 key of X-KZA-Signature). Shown only here, once: store it now. Null when a rule was broken.',
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke.', resolve: (payload) => payload.userErrors }),
    }),
  });

const WebhookDeleteInput = builder.inputType('WebhookDeleteInput', {
  description: 'Which webhook to delete.',
  fields: (t) => ({
    webhookId: t.globalID({ required: true, for: WebhookRef, description: 'Global identifier of the webhook.' }),
  }),
});

const WebhookDeletePayload = builder
  .objectRef<{ deletedWebhookId: string | null; userErrors: UserError[] }>('WebhookDeletePayload')
  .implement({
    description: 'Result of webhookDelete.',
    authScopes: { signedIn: true },
    fields: (t) => ({
      deletedWebhookId: t.exposeID('deletedWebhookId', {
        nullable: true,
        description: 'Global identifier of the deleted webhook; null when nothing was deleted.',
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke.', resolve: (payload) => payload.userErrors }),
    }),
  });

/** What the audit trail records of a webhook: never the secret, which would stay there for good. */
function auditView(webhook: { url: string; events: string[]; ownerId: string; isActive: boolean }) {
  return { url: webhook.url, events: webhook.events, ownerId: webhook.ownerId, isActive: webhook.isActive };
}

builder.mutationFields((t) => ({
  webhookCreate: t.field({
    type: WebhookCreatePayload,
    authScopes: mayManage,
    description:
      'Registers a webhook owned by you and returns its signing secret, once. Needs an admin session or an API token with the MANAGE_WEBHOOKS scope.',
    args: { input: t.arg({ type: WebhookCreateInput, required: true, description: 'The endpoint and its events.' }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer;
      const secret = generateWebhookSecret();
      const { result, userErrors } = await inTransaction(ctx, async (tx) => {
        if (viewer.kind !== 'user') throw new BusinessRuleError(userError(null, 'FORBIDDEN', 'Sign in to register a webhook.'));
        const problems: UserError[] = [];
        const urlProblem = webhookUrlProblem(input.url.trim());
        if (urlProblem) problems.push(userError('url', 'INVALID', urlProblem));
        const events = [...new Set(input.events)];
        if (events.length === 0) problems.push(userError('events', 'REQUIRED', 'Choose at least one event to deliver.'));
        if (problems.length > 0) throw new BusinessRuleError(problems);
        const webhook = await tx.webhook.create({
          data: { url: new URL(input.url.trim()).href, events, secret, ownerId: viewer.userId },
        });
        await appendAuditEvent(
          tx,
          { actor: actorOf(viewer), action: 'webhook.create', subjectType: 'Webhook', subjectId: webhook.id, after: auditView(webhook) },
          ctx.now,
        );
        return webhook.id;
      });
      return { webhookId: result, secret: result ? secret : null, userErrors };
    },
  }),
  webhookDelete: t.field({
    type: WebhookDeletePayload,
    authScopes: mayManage,
    description:
      'Deletes one of your webhooks; deliveries still queued for it are not made. Needs an admin session or an API token with the MANAGE_WEBHOOKS scope.',
    args: { input: t.arg({ type: WebhookDeleteInput, required: true, description: 'The webhook.' }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = ctx.viewer;
      const { result, userErrors } = await inTransaction(ctx, async (tx) => {
        const found =
          viewer.kind === 'user' ? await tx.webhook.findFirst({ where: { id: input.webhookId.id, ownerId: viewer.userId } }) : null;
        if (!found) throw new BusinessRuleError(userError('webhookId', 'NOT_FOUND', 'You have no webhook with this id.'));
        // Deleted, not deactivated: its secret should not outlive it.
        await tx.webhook.delete({ where: { id: found.id } });
        await appendAuditEvent(
          tx,
          { actor: actorOf(viewer), action: 'webhook.delete', subjectType: 'Webhook', subjectId: found.id, before: auditView(found) },
          ctx.now,
        );
        return found.id;
      });
      return { deletedWebhookId: result ? encodeGlobalID('Webhook', result) : null, userErrors };
    },
  }),
}));
