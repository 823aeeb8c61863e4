// Seminars, consultations and materials over HTTP: what the public sees (published,
// upcoming, cancelled ones marked until they end), who may write, and that bad input is
// refused with userErrors and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, startTestApi, testDatabaseKinds, type TestApi, type TestUser } from '../testing/index.ts';

const kinds = await testDatabaseKinds();

interface EventView {
  id: string;
  status: string;
  isCancelled: boolean;
  version: number;
  startsAt: string;
  endsAt: string;
  isDemo: boolean;
  title: { ru: string | null; en: string | null };
}

const EVENT_FIELDS = 'id status isCancelled version startsAt endsAt isDemo title { ru en }';
const LIST = `query ($filter: SupportEventFilter, $first: Int) {
  supportEvents(filter: $filter, first: $first) { totalCount nodes { ${EVENT_FIELDS} } }
}`;
const CREATE = `mutation ($input: SupportEventCreateInput!) {
  supportEventCreate(input: $input) { event { ${EVENT_FIELDS} } userErrors { field code message } }
}`;
const PUBLISH = `mutation ($input: SupportEventStepInput!) {
  supportEventPublish(input: $input) { event { ${EVENT_FIELDS} } userErrors { field code message } }
}`;
const UPDATE = `mutation ($input: SupportEventUpdateInput!) {
  supportEventUpdate(input: $input) { event { ${EVENT_FIELDS} } userErrors { field code message } }
}`;
const CANCEL = `mutation ($input: SupportEventStepInput!) {
  supportEventCancel(input: $input) { event { ${EVENT_FIELDS} } userErrors { field code message } }
}`;

describe.each(kinds)('support events and materials on %s', (kind) => {
  let api: TestApi;
  let coordinator: TestUser;
  let admin: TestUser;
  let representative: TestUser;

  const inDays = (days: number, hour = 10) => new Date(api.now().getTime() + days * 86_400_000 + hour * 60_000).toISOString();
  const newEvent = (overrides: Record<string, unknown> = {}) => ({
    kind: 'CONSULTATION',
    titleKk: 'Кеңес',
    titleRu: 'Консультация по тесту',
    startsAt: inDays(3),
    endsAt: inDays(3, 120),
    format: 'ONLINE',
    onlineUrl: 'https://example.org/meet',
    audience: 'SCHOOLS',
    languages: ['KK', 'RU'],
    ...overrides,
  });

  async function listed(filter: Record<string, unknown> = { upcoming: true }) {
    const result = await api.query<{ supportEvents: { totalCount: number; nodes: EventView[] } }>(LIST, { filter, first: 100 });
    expect(result.errors).toBeUndefined();
    return result.data!.supportEvents;
  }

  beforeAll(async () => {
    api = await startTestApi({ kind });
    coordinator = await createTestUser(api, { roles: ['COORDINATOR'] });
    admin = await createTestUser(api, { roles: ['ADMIN'] });
    const organization = await api.db.prisma.organization.findFirstOrThrow();
    representative = await createTestUser(api, { roles: ['ORGANIZATION_REPRESENTATIVE'], organizationId: organization.id });
  });
  afterAll(() => api?.stop());

  it('shows the public the seeded upcoming events, soonest first, without past ones', async () => {
    const { nodes, totalCount } = await listed();
    expect(totalCount).toBe(nodes.length);
    expect(nodes.length).toBeGreaterThanOrEqual(3);
    const now = api.now().getTime();
    expect(nodes.every((event) => new Date(event.endsAt).getTime() >= now)).toBe(true);
    const starts = nodes.map((event) => new Date(event.startsAt).getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(nodes.every((event) => event.isDemo && event.title.en?.startsWith('Demonstration:'))).toBe(true);
    // The seeded consultation took place 20 days ago: listed without the filter, not with it.
    const all = await listed({});
    expect(all.nodes.some((event) => new Date(event.endsAt).getTime() < now)).toBe(true);
  });

  it('keeps a cancelled event listed, marked cancelled, until it would have ended', async () => {
    const cancelled = (await listed()).nodes.filter((event) => event.isCancelled);
    expect(cancelled.length).toBeGreaterThanOrEqual(1);
    expect(cancelled.every((event) => event.status === 'CANCELLED')).toBe(true);
  });

  it('filters by kind and audience (events for everyone match any audience)', async () => {
    const webinars = (await listed({ upcoming: true, kind: 'WEBINAR' })).nodes;
    expect(webinars.length).toBeGreaterThanOrEqual(1);
    const forExperts = await api.query<{ supportEvents: { nodes: { audience: string }[] } }>(
      `{ supportEvents(filter: { upcoming: true, audience: EXPERTS }) { nodes { audience } } }`,
    );
    const audiences = new Set(forExperts.data!.supportEvents.nodes.map((event) => event.audience));
    expect([...audiences].every((audience) => audience === 'EXPERTS' || audience === 'ALL')).toBe(true);
    expect(audiences.has('EXPERTS')).toBe(true);
  });

  it('lets a coordinator create a draft the public cannot see, then publish and cancel it', async () => {
    const before = (await listed()).totalCount;
    const created = await coordinator.query<{ supportEventCreate: { event: EventView; userErrors: unknown[] } }>(CREATE, { input: newEvent() });
    expect(created.errors).toBeUndefined();
    const draft = created.data!.supportEventCreate.event;
    expect(created.data!.supportEventCreate.userErrors).toEqual([]);
    expect(draft.status).toBe('DRAFT');
    expect((await listed()).totalCount).toBe(before);
    const hidden = await api.query<{ node: unknown }>(`query ($id: ID!) { node(id: $id) { id } }`, { id: draft.id });
    expect(hidden.data?.node).toBeNull();

    const published = await admin.query<{ supportEventPublish: { event: EventView } }>(PUBLISH, { input: { eventId: draft.id, expectedVersion: draft.version } });
    const event = published.data!.supportEventPublish.event;
    expect(event.status).toBe('PUBLISHED');
    expect((await listed()).totalCount).toBe(before + 1);
    const node = await api.query<{ node: { title: { ru: string } } | null }>(
      `query ($id: ID!) { node(id: $id) { ... on SupportEvent { title { ru } } } }`,
      { id: draft.id },
    );
    expect(node.data?.node?.title.ru).toBe('Консультация по тесту');

    // A stale version is refused.
    const stale = await coordinator.query<{ supportEventCancel: { event: null; userErrors: { code: string }[] } }>(CANCEL, {
      input: { eventId: draft.id, expectedVersion: draft.version },
    });
    expect(stale.data!.supportEventCancel.userErrors.map((error) => error.code)).toEqual(['STALE_VERSION']);

    const cancelled = await coordinator.query<{ supportEventCancel: { event: EventView } }>(CANCEL, { input: { eventId: draft.id, expectedVersion: event.version } });
    expect(cancelled.data!.supportEventCancel.event.isCancelled).toBe(true);
    const stillListed = (await listed()).nodes.find((item) => item.id === draft.id);
    expect(stillListed?.isCancelled).toBe(true);

    const actions = await api.db.prisma.auditEvent.findMany({ where: { subjectType: 'SupportEvent' }, orderBy: { sequence: 'asc' }, select: { action: true } });
    expect(actions.map((row) => row.action)).toEqual(['support-event.create', 'support-event.publish', 'support-event.cancel']);
  });

  it('corrects a published event, but never moves it into the past, and records no change that changes nothing', async () => {
    const created = await coordinator.query<{ supportEventCreate: { event: EventView } }>(CREATE, { input: newEvent() });
    const draft = created.data!.supportEventCreate.event;
    const published = (await coordinator.query<{ supportEventPublish: { event: EventView } }>(PUBLISH, { input: { eventId: draft.id, expectedVersion: draft.version } }))
      .data!.supportEventPublish.event;
    const audited = () => api.db.prisma.auditEvent.count({ where: { subjectType: 'SupportEvent' } });
    const before = await audited();

    const moved = await coordinator.query<{ supportEventUpdate: { event: EventView | null; userErrors: { field: string[]; code: string }[] } }>(UPDATE, {
      input: { eventId: published.id, expectedVersion: published.version, startsAt: '2020-01-01T10:00:00+05:00', endsAt: '2020-01-01T12:00:00+05:00' },
    });
    expect(moved.data!.supportEventUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'endsAt'], code: 'INVALID' })]);
    expect(await audited()).toBe(before);

    // Explicit nulls for required fields leave them as they are: no new version, no audit event.
    const nothing = await coordinator.query<{ supportEventUpdate: { event: EventView; userErrors: unknown[] } }>(UPDATE, {
      input: { eventId: published.id, expectedVersion: published.version, kind: null, format: null, startsAt: null },
    });
    expect(nothing.data!.supportEventUpdate.userErrors).toEqual([]);
    expect(nothing.data!.supportEventUpdate.event).toMatchObject({ version: published.version, startsAt: published.startsAt });
    expect(await audited()).toBe(before);

    // A real correction (a later end) is taken.
    const later = await coordinator.query<{ supportEventUpdate: { event: EventView; userErrors: unknown[] } }>(UPDATE, {
      input: { eventId: published.id, expectedVersion: published.version, endsAt: inDays(3, 180) },
    });
    expect(later.data!.supportEventUpdate.userErrors).toEqual([]);
    expect(later.data!.supportEventUpdate.event.version).toBe(published.version + 1);
    expect(await audited()).toBe(before + 1);
  });

  it('refuses the public and an organization’s representative', async () => {
    const anonymous = await api.query(CREATE, { input: newEvent() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const rep = await representative.query(CREATE, { input: newEvent() });
    expect(rep.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const material = await representative.query(
      `mutation { methodologicalMaterialCreate(input: { kind: GUIDE, titleKk: "а", titleRu: "б", language: RU }) { userErrors { code } } }`,
    );
    expect(material.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers bad input with userErrors and changes nothing', async () => {
    const count = await api.db.prisma.supportEvent.count();
    const audits = await api.db.prisma.auditEvent.count();
    const result = await coordinator.query<{ supportEventCreate: { event: null; userErrors: { field: string[]; code: string }[] } }>(CREATE, {
      input: newEvent({ titleKk: '  ', endsAt: inDays(2), registrationUrl: 'javascript:alert(1)' }),
    });
    const { event, userErrors } = result.data!.supportEventCreate;
    expect(event).toBeNull();
    expect(userErrors.map((error) => [error.field.join('.'), error.code])).toEqual(
      expect.arrayContaining([
        ['input.titleKk', 'REQUIRED'],
        ['input.endsAt', 'INVALID'],
        ['input.registrationUrl', 'INVALID'],
      ]),
    );
    expect(await api.db.prisma.supportEvent.count()).toBe(count);
    expect(await api.db.prisma.auditEvent.count()).toBe(audits);
  });

  it('publishes materials with a link; the public sees only published ones', async () => {
    const seeded = await api.query<{ methodologicalMaterials: { totalCount: number; nodes: { id: string; downloadUrl: string; isDemo: boolean }[] } }>(
      `{ methodologicalMaterials(first: 100) { totalCount nodes { id downloadUrl isDemo } } }`,
    );
    const before = seeded.data!.methodologicalMaterials;
    expect(before.totalCount).toBeGreaterThanOrEqual(2);
    expect(before.nodes.every((material) => material.isDemo && material.downloadUrl.startsWith('https://'))).toBe(true);

    const created = await coordinator.query<{
      methodologicalMaterialCreate: { material: { id: string; version: number; publishedAt: string | null } };
    }>(`mutation { methodologicalMaterialCreate(input: { kind: TEMPLATE, titleKk: "Үлгі", titleRu: "Шаблон", language: KK, frameworkVersion: 1 }) {
      material { id version publishedAt } userErrors { code } } }`);
    const draft = created.data!.methodologicalMaterialCreate.material;
    expect(draft.publishedAt).toBeNull();

    const PUBLISH_MATERIAL = `mutation ($input: MethodologicalMaterialStepInput!) {
      methodologicalMaterialPublish(input: $input) { material { publishedAt version } userErrors { field code } } }`;
    const refused = await coordinator.query<{ methodologicalMaterialPublish: { material: null; userErrors: { field: string[]; code: string }[] } }>(
      PUBLISH_MATERIAL,
      { input: { materialId: draft.id, expectedVersion: draft.version } },
    );
    expect(refused.data!.methodologicalMaterialPublish.userErrors).toEqual([{ field: ['input', 'externalUrl'], code: 'REQUIRED' }]);

    const updated = await coordinator.query<{ methodologicalMaterialUpdate: { material: { version: number }; userErrors: unknown[] } }>(
      `mutation ($input: MethodologicalMaterialUpdateInput!) { methodologicalMaterialUpdate(input: $input) { material { version } userErrors { code } } }`,
      { input: { materialId: draft.id, expectedVersion: draft.version, externalUrl: 'https://example.org/template.docx' } },
    );
    expect(updated.data!.methodologicalMaterialUpdate.userErrors).toEqual([]);
    const published = await coordinator.query<{ methodologicalMaterialPublish: { material: { publishedAt: string } } }>(PUBLISH_MATERIAL, {
      input: { materialId: draft.id, expectedVersion: updated.data!.methodologicalMaterialUpdate.material.version },
    });
    expect(published.data!.methodologicalMaterialPublish.material.publishedAt).not.toBeNull();
    const after = await api.query<{ methodologicalMaterials: { totalCount: number } }>(`{ methodologicalMaterials(filter: { frameworkVersion: 1 }) { totalCount } }`);
    expect(after.data!.methodologicalMaterials.totalCount).toBeGreaterThanOrEqual(2);
  });

  it('refuses pages larger than 100', async () => {
    const result = await api.query(`{ supportEvents(first: 101) { totalCount } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});
