// Registering webhooks over GraphQL, and a published decision reaching a registered one.
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { graphql, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type SignedInViewer, type Viewer } from '../graphql/context.ts';
import { schema } from '../graphql/schema.ts';
import { createLogger } from '../shared/logger.ts';
import { createRegisterFixture } from '../testing/fixtures.ts';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi } from '../testing/index.ts';
import { enqueueDecisionPublished } from './events.ts';
import { webhookUrlProblem } from './webhook-schema.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';
import { createOutboxWorker } from './worker.ts';

const kinds = await testDatabaseKinds();
const NOW = new Date('2026-12-03T07:00:00.000Z');

function viewer(userId: string, overrides: Partial<SignedInViewer> = {}): SignedInViewer {
  return { kind: 'user', userId, displayName: userId, roles: ['ADMIN'], organizationId: null, via: 'session', tokenScopes: null, ...overrides };
}

const CREATE = `mutation ($input: WebhookCreateInput!) {
  webhookCreate(input: $input) { webhook { id url events isActive } secret userErrors { field code message } }
}`;
const DELETE = `mutation ($id: ID!) { webhookDelete(input: { webhookId: $id }) { deletedWebhookId userErrors { field code } } }`;
const MINE = `{ myWebhooks(first: 10) { totalCount nodes { id url events } } }`;

interface CreateResult {
  webhookCreate: {
    webhook: { id: string; url: string; events: string[]; isActive: boolean } | null;
    secret: string | null;
    userErrors: { field: string[] | null; code: string; message: string }[];
  };
}

describe('webhookUrlProblem', () => {
  it('accepts https anywhere and http only on the local machine', () => {
    expect(webhookUrlProblem('https://ministry.example.kz/hooks/kza')).toBeNull();
    expect(webhookUrlProblem('http://localhost:8080/hook')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook')).toBeNull();
    expect(webhookUrlProblem('http://[::1]:8080/hook')).toBeNull();
    expect(webhookUrlProblem('http://ministry.example.kz/hook')).toMatch(/https/);
    expect(webhookUrlProblem('ftp://ministry.example.kz/hook')).toMatch(/https/);
    expect(webhookUrlProblem('/hooks/kza')).toMatch(/absolute/);
    expect(webhookUrlProblem('https://user:pw@ministry.example.kz/hook')).toMatch(/password/);
    expect(webhookUrlProblem(`https://example.kz/${'a'.repeat(2100)}`)).toMatch(/longer/);
  });
});

describe.each(kinds)('webhooks over GraphQL on %s', (kind) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ kind, seed: false, now: () => NOW });
  });
  afterAll(() => api?.stop());

  async function run<T>(as: Viewer, source: string, variableValues?: Record<string, unknown>) {
    const result = await graphql({ schema, source, variableValues, contextValue: createContext(api.db.prisma, NOW, as) });
    return { data: result.data as T | null | undefined, errors: result.errors };
  }

  it('registers a webhook for an admin, shows the secret once and never again', async () => {
    const admin = viewer('admin-1');
    const created = await run<CreateResult>(admin, CREATE, {
      input: { url: 'https://ministry.example.kz/hooks/kza', events: ['DECISION_PUBLISHED', 'DECISION_PUBLISHED'] },
    });
    expect(created.errors).toBeUndefined();
    const payload = created.data?.webhookCreate;
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.webhook).toMatchObject({ url: 'https://ministry.example.kz/hooks/kza', events: ['DECISION_PUBLISHED'], isActive: true });
    expect(payload?.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const stored = await api.db.prisma.webhook.findFirstOrThrow({ where: { ownerId: 'admin-1' } });
    expect(stored).toMatchObject({ secret: payload?.secret, events: ['decision.published'] });
    // The type has no field that could give the secret away later.
    const webhookType = schema.getType('Webhook');
    if (!isObjectType(webhookType)) throw new Error('Webhook is not an object type');
    expect(Object.keys(webhookType.getFields())).not.toContain('secret');

    const audit = await api.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'webhook.create', subjectId: stored.id } });
    expect(audit.actorId).toBe('admin-1');
    expect(JSON.stringify(audit.after)).not.toContain(stored.secret);
  });

  it('names the field when the URL or the events break a rule, and creates nothing', async () => {
    const before = await api.db.prisma.webhook.count();
    const insecure = await run<CreateResult>(viewer('admin-2'), CREATE, { input: { url: 'http://ministry.example.kz/hook', events: ['DECISION_PUBLISHED'] } });
    expect(insecure.data?.webhookCreate).toMatchObject({ webhook: null, secret: null, userErrors: [{ field: ['input', 'url'], code: 'INVALID' }] });
    const noEvents = await run<CreateResult>(viewer('admin-2'), CREATE, { input: { url: 'not a url', events: [] } });
    expect(noEvents.data?.webhookCreate.userErrors.map((error) => [error.field, error.code])).toEqual([
      [['input', 'url'], 'INVALID'],
      [['input', 'events'], 'REQUIRED'],
    ]);
    expect(await api.db.prisma.webhook.count()).toBe(before);
  });

  it('lets an API token with MANAGE_WEBHOOKS register one, and nobody else without the right', async () => {
    const integrator = viewer('integrator-1', { roles: ['COORDINATOR'], via: 'api-token', tokenScopes: ['READ_REGISTER', 'MANAGE_WEBHOOKS'] });
    const input = { url: 'http://localhost:9999/hook', events: ['DECISION_PUBLISHED'] };
    const allowed = await run<CreateResult>(integrator, CREATE, { input });
    expect(allowed.data?.webhookCreate.userErrors).toEqual([]);
    expect(allowed.data?.webhookCreate.webhook?.url).toBe('http://localhost:9999/hook');

    const denied: [string, Viewer][] = [
      ['the public', { kind: 'public' }],
      ['a coordinator in a session', viewer('coordinator-1', { roles: ['COORDINATOR'] })],
      ['an admin’s token without the scope', viewer('admin-3', { via: 'api-token', tokenScopes: ['READ_REGISTER'] })],
    ];
    for (const [who, as] of denied) {
      const create = await run<CreateResult>(as, CREATE, { input });
      expect([who, create.data?.webhookCreate ?? null, create.errors?.length]).toEqual([who, null, 1]);
      const list = await run(as, MINE);
      expect([who, list.errors?.length]).toEqual([who, 1]);
    }
  });

  it('lists only your own webhooks and lets only the owner delete one', async () => {
    const owner = viewer('owner-1');
    const other = viewer('owner-2');
    const created = await run<CreateResult>(owner, CREATE, { input: { url: 'https://owner.example.kz/hook', events: ['DECISION_PUBLISHED'] } });
    const id = created.data?.webhookCreate.webhook?.id;

    const mine = await run<{ myWebhooks: { totalCount: number; nodes: { id: string }[] } }>(owner, MINE);
    expect(mine.data?.myWebhooks).toEqual({ totalCount: 1, nodes: [{ id, url: 'https://owner.example.kz/hook', events: ['DECISION_PUBLISHED'] }] });
    const theirs = await run<{ myWebhooks: { totalCount: number } }>(other, MINE);
    expect(theirs.data?.myWebhooks.totalCount).toBe(0);

    const stranger = await run<{ webhookDelete: unknown }>(other, DELETE, { id });
    expect(stranger.data?.webhookDelete).toEqual({ deletedWebhookId: null, userErrors: [{ field: ['input', 'webhookId'], code: 'NOT_FOUND' }] });
    const deleted = await run<{ webhookDelete: unknown }>(owner, DELETE, { id });
    expect(deleted.data?.webhookDelete).toEqual({ deletedWebhookId: id, userErrors: [] });
    expect((await run<{ myWebhooks: { totalCount: number } }>(owner, MINE)).data?.myWebhooks.totalCount).toBe(0);
    const audit = await api.db.prisma.auditEvent.findMany({ where: { subjectType: 'Webhook', actorId: 'owner-1' }, orderBy: { sequence: 'asc' } });
    expect(audit.map((event) => event.action)).toEqual(['webhook.create', 'webhook.delete']);
  });

  it('works over HTTP for a signed-in admin and refuses the public', async () => {
    const admin = await createTestUser(api, { roles: ['ADMIN'] });
    const input = { url: 'https://http-test.example.kz/hook', events: ['DECISION_PUBLISHED'] };
    const created = await admin.query<CreateResult>(CREATE, { input });
    expect(created.errors).toBeUndefined();
    expect(created.data?.webhookCreate.secret).toMatch(/^whsec_/);
    const anonymous = await api.query<CreateResult>(CREATE, { input });
    expect(anonymous.data?.webhookCreate ?? null).toBeNull();
    expect(anonymous.errors?.length).toBe(1);
  });

  it('tells a registered endpoint, signed, when a decision is published', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const created = await run<CreateResult>(viewer('ministry'), CREATE, {
        input: { url: `http://127.0.0.1:${port}/kza`, events: ['DECISION_PUBLISHED'] },
      });
      const secret = created.data?.webhookCreate.secret ?? '';
      // Only this webhook should be called: the others in this database point nowhere.
      await api.db.prisma.webhook.updateMany({ where: { ownerId: { not: 'ministry' } }, data: { isActive: false } });

      const fixture = await createRegisterFixture(api.db.prisma);
      const decisionId = fixture.decisionIds.get('T-7') ?? '';
      await api.db.prisma.$transaction((tx) => enqueueDecisionPublished(tx, decisionId));
      const worker = createOutboxWorker({ prisma: api.db.prisma, logger: createLogger('silent'), transport: { kind: 'log', send: async () => {}, close() {} } });
      expect(await worker.drainOnce()).toMatchObject({ claimed: 1, delivered: 1 });

      expect(received).toHaveLength(1);
      const [request] = received;
      const timestamp = String(request?.headers['x-kza-timestamp']);
      expect(
        verifyWebhookSignature({ secret, timestamp, body: request?.body ?? '', signature: String(request?.headers['x-kza-signature']) }),
      ).toBe(true);
      const body = JSON.parse(request?.body ?? '{}') as { type: string; data: { decision: Record<string, unknown>; organization: Record<string, unknown> } };
      expect(body.type).toBe('decision.published');
      expect(body.data.decision).toMatchObject({
        number: 'T-7',
        outcome: 'ACCREDITED',
        decisionDate: '2024-03-01',
        validUntil: '2029-02-28',
        supersedes: { number: 'T-6' },
      });
      expect(body.data.organization).toMatchObject({ bin: fixture.bins.get('corrected') });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('webhook addresses', () => {
  it('refuses private, link-local and cloud-metadata addresses, in every spelling', async () => {
    const { webhookUrlProblem } = await import('./webhook-schema.ts');
    for (const url of ['https://169.254.169.254/latest/meta-data', 'https://10.0.0.5/', 'https://172.16.4.2/', 'https://192.168.1.1/', 'https://[::ffff:a9fe:a9fe]/', 'https://0.0.0.0/', 'https://metadata.google.internal/', 'https://[fd00::1]/']) {
      expect([url, webhookUrlProblem(url)]).toEqual([url, expect.stringMatching(/private, link-local or cloud-metadata/)]);
    }
    expect(webhookUrlProblem('https://integration.edu.gov.kz/hooks/kza')).toBeNull();
  });
});
