// Support for organisations (programme directions 3, 6 and 8): seminars, trainings,
// consultations and webinars, and methodological materials. The public reads what is
// published; coordinators and administrators write, each change in one transaction with an
// audit event and optimistic concurrency (`version`). The rules are in rules.ts.
import { isDeepStrictEqual } from 'node:util';
import { actorOf, appendAuditEvent } from '../audit/trail.ts';
import { tokenAllows } from '../auth/scopes.ts';
import { idOf } from '../cases/schema.ts';
import { documentDownloadPath } from '../documents/schema.ts';
import type { Prisma, MethodologicalMaterial, SupportEvent } from '../generated/prisma/client.ts';
import { EventFormat, MaterialKind, SupportAudience, SupportEventKind, SupportEventStatus } from '../generated/prisma/enums.ts';
import { assertPageSize, builder, connectionTypeOptions, publicAccess } from '../graphql/builder.ts';
import { hasRole, type GraphQLContext, type Viewer } from '../graphql/context.ts';
import { describedEnum, LanguageEnum, LocalizedTextRef } from '../graphql/shared-types.ts';
import { BusinessRuleError, inTransaction, userError, UserErrorRef, type UserError } from '../graphql/user-errors.ts';
import { localized } from '../shared/localized.ts';
import {
  checkEvent,
  checkMaterial,
  cleanTrilingual,
  cleanUrl,
  eventTransitionProblem,
  publishedEventEndProblem,
  type EventRecord,
  type MaterialRecord,
  type Trilingual,
} from './rules.ts';

type Tx = Prisma.TransactionClient;

// ---- access ----------------------------------------------------------------------------

/** Coordinators and administrators keep the events and materials (an API token needs WRITE_CASES). */
export function mayManageSupport(viewer: Viewer): boolean {
  return hasRole(viewer, 'COORDINATOR', 'ADMIN') && tokenAllows(viewer, 'WRITE_CASES');
}

const managerScopes = (_parent: unknown, _args: unknown, ctx: GraphQLContext) => mayManageSupport(ctx.viewer);

/** Events the public lists at `now`: published, and cancelled ones (once published) until they end. Mirrors rules.isListedPublicly. */
export function listedEventsWhere(now: Date): Prisma.SupportEventWhereInput {
  return {
    publishedAt: { not: null },
    OR: [{ status: 'PUBLISHED' }, { status: 'CANCELLED', endsAt: { gte: now } }],
  };
}

/** Events a viewer may open by id: managers every one, the public those ever published. */
function visibleEventsWhere(viewer: Viewer): Prisma.SupportEventWhereInput {
  return mayManageSupport(viewer) ? {} : { publishedAt: { not: null } };
}

export const publishedMaterialsOnly = { publishedAt: { not: null } } satisfies Prisma.MethodologicalMaterialWhereInput;

function visibleMaterialsWhere(viewer: Viewer): Prisma.MethodologicalMaterialWhereInput {
  return mayManageSupport(viewer) ? {} : publishedMaterialsOnly;
}

// ---- enums -----------------------------------------------------------------------------

export const SupportEventKindEnum = describedEnum('SupportEventKind', SupportEventKind, 'What kind of support event it is.', {
  SEMINAR: 'A seminar: a session on a topic of the procedure, with discussion.',
  TRAINING: 'A training: practical work, e.g. for experts or for those who write the self-assessment.',
  CONSULTATION: 'A consultation: questions and answers for organisations preparing for accreditation.',
  WEBINAR: 'A webinar: an online presentation with questions.',
});

export const EventFormatEnum = describedEnum('EventFormat', EventFormat, 'How people take part in an event.', {
  IN_PERSON: 'In person, at the place given.',
  ONLINE: 'Online, through the link given.',
  HYBRID: 'Both in person and online.',
});

export const SupportAudienceEnum = describedEnum('SupportAudience', SupportAudience, 'Who an event or a material is for.', {
  SCHOOLS: 'Schools.',
  COLLEGES: 'Colleges and higher colleges (technical-vocational and post-secondary education).',
  EXPERTS: 'Experts and candidate experts.',
  ALL: 'Everyone: schools, colleges and experts.',
});

export const SupportEventStatusEnum = describedEnum('SupportEventStatus', SupportEventStatus, 'Where an event is in its life.', {
  DRAFT: 'Being prepared; not public.',
  PUBLISHED: 'Announced on the register.',
  CANCELLED: 'Called off. If it had been announced, it stays listed, marked cancelled, until the time it would have ended.',
});

export const MaterialKindEnum = describedEnum('MaterialKind', MaterialKind, 'What kind of methodological material it is.', {
  GUIDE: 'A guide: how to go through a part of the procedure.',
  RECOMMENDATION: 'Methodological recommendations of the accreditation body.',
  TEMPLATE: 'A template to fill in, e.g. of a report or a plan.',
  PRESENTATION: 'Slides of a seminar or a training.',
  CHECKLIST: 'A checklist to prepare with.',
  VIDEO: 'A recording, e.g. of a webinar.',
  LEGAL_ACT: 'A law or regulation the procedure rests on, e.g. on the official legal information system.',
});

// ---- object types ----------------------------------------------------------------------

export const SupportEventRef = builder.prismaNode('SupportEvent', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description:
    'A seminar, training, consultation or webinar of the accreditation body for organisations or experts. Public once published; times are moments, shown on the site in Kazakhstan’s time (Asia/Almaty).',
  id: { field: 'id' },
  authScopes: (event, ctx) => event.publishedAt !== null || mayManageSupport(ctx.viewer),
  findUnique: (id, ctx) => ({ id, AND: [visibleEventsWhere(ctx.viewer)] }),
  fields: (t) => ({
    kind: t.expose('kind', { type: SupportEventKindEnum, description: 'Seminar, training, consultation or webinar.' }),
    title: t.field({
      type: LocalizedTextRef,
      description: 'Title of the event (Kazakh and Russian always given).',
      select: { titleKk: true, titleRu: true, titleEn: true },
      resolve: (event) => localized(event, 'title'),
    }),
    description: t.field({
      type: LocalizedTextRef,
      description: 'What the event covers and who should come.',
      select: { descriptionKk: true, descriptionRu: true, descriptionEn: true },
      resolve: (event) => localized(event, 'description'),
    }),
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'When it starts.' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', description: 'When it ends; always after startsAt.' }),
    format: t.expose('format', { type: EventFormatEnum, description: 'In person, online or hybrid.' }),
    place: t.field({
      type: LocalizedTextRef,
      description: 'Where an in-person or hybrid event is held (address); all null for an online event.',
      select: { placeKk: true, placeRu: true, placeEn: true },
      resolve: (event) => localized(event, 'place'),
    }),
    onlineUrl: t.exposeString('onlineUrl', { nullable: true, description: 'Link to join an online or hybrid event.' }),
    audience: t.expose('audience', { type: SupportAudienceEnum, description: 'Who the event is for.' }),
    languages: t.expose('languages', { type: [LanguageEnum], description: 'Languages the event is held in.' }),
    registrationUrl: t.exposeString('registrationUrl', { nullable: true, description: 'Where to register, when registration is needed.' }),
    status: t.expose('status', { type: SupportEventStatusEnum, description: 'Draft, published or cancelled.' }),
    isCancelled: t.boolean({ description: 'True when the event is called off.', resolve: (event) => event.status === 'CANCELLED' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: 'When the event was announced.' }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true, description: 'When the event was called off.' }),
    version: t.exposeInt('version', { description: 'Incremented on every change; send it back as `expectedVersion` to change the event.' }),
    isDemo: t.exposeBoolean('isDemo', { description: 'True for demonstration data shipped with the software, not a real event.' }),
  }),
});

export const MethodologicalMaterialRef = builder.prismaNode('MethodologicalMaterial', {
  nullable: true,
  description:
    'A methodological material of the accreditation body (a guide, recommendations, a template ...): an uploaded document (POST /documents with materialId), public once the material is published, or an external link.',
  id: { field: 'id' },
  authScopes: (material, ctx) => material.publishedAt !== null || mayManageSupport(ctx.viewer),
  findUnique: (id, ctx) => ({ id, AND: [visibleMaterialsWhere(ctx.viewer)] }),
  fields: (t) => ({
    kind: t.expose('kind', { type: MaterialKindEnum, description: 'What kind of material it is.' }),
    title: t.field({
      type: LocalizedTextRef,
      description: 'Title of the material (Kazakh and Russian always given).',
      select: { titleKk: true, titleRu: true, titleEn: true },
      resolve: (material) => localized(material, 'title'),
    }),
    summary: t.field({
      type: LocalizedTextRef,
      description: 'What the material is about and who it helps.',
      select: { summaryKk: true, summaryRu: true, summaryEn: true },
      resolve: (material) => localized(material, 'summary'),
    }),
    language: t.expose('language', { type: LanguageEnum, description: 'The language the document itself is written in.' }),
    audience: t.expose('audience', { type: SupportAudienceEnum, description: 'Who the material is for.' }),
    document: t.relation('document', {
      nullable: true,
      description: 'The uploaded document, when the material is a file; public once the material is published.',
    }),
    externalUrl: t.exposeString('externalUrl', { nullable: true, description: 'The material’s address elsewhere, when it is a link.' }),
    downloadUrl: t.string({
      nullable: true,
      description:
        'Where to read the material: the external link, or the path of the document on the API server (e.g. /documents/RG9jdW1lbnQ6Y2x4). Null for a draft without either.',
      resolve: (material) => material.externalUrl ?? (material.documentId ? documentDownloadPath(material.documentId) : null),
    }),
    frameworkVersion: t.int({
      nullable: true,
      description: 'Version of the standards the material is about, if it is about one.',
      select: { framework: { select: { version: true } } },
      resolve: (material) => material.framework?.version ?? null,
    }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: 'When the material was published; null for a draft.' }),
    version: t.exposeInt('version', { description: 'Incremented on every change; send it back as `expectedVersion` to change the material.' }),
    isDemo: t.exposeBoolean('isDemo', { description: 'True for demonstration data shipped with the software, not a real material.' }),
  }),
});

// ---- queries ---------------------------------------------------------------------------

const SupportEventFilter = builder.inputType('SupportEventFilter', {
  description: 'Narrows the list of events. All given conditions must hold.',
  fields: (t) => ({
    upcoming: t.boolean({
      required: false,
      description: 'True: only events that have not ended yet (endsAt now or later), including those under way.',
    }),
    kind: t.field({ type: SupportEventKindEnum, required: false, description: 'Only events of this kind.' }),
    audience: t.field({
      type: SupportAudienceEnum,
      required: false,
      description: 'Only events for this audience, and those for everyone (ALL).',
    }),
  }),
});

const MaterialFilter = builder.inputType('MethodologicalMaterialFilter', {
  description: 'Narrows the list of materials. All given conditions must hold.',
  fields: (t) => ({
    kind: t.field({ type: MaterialKindEnum, required: false, description: 'Only materials of this kind.' }),
    language: t.field({ type: LanguageEnum, required: false, description: 'Only materials written in this language.' }),
    audience: t.field({
      type: SupportAudienceEnum,
      required: false,
      description: 'Only materials for this audience, and those for everyone (ALL).',
    }),
    frameworkVersion: t.int({ required: false, description: 'Only materials about this version of the standards.' }),
  }),
});

function audienceWhere(audience: SupportAudience | null | undefined) {
  if (!audience) return {};
  return audience === 'ALL' ? { audience } : { audience: { in: [audience, 'ALL' as const] } };
}

function eventWhere(filter: typeof SupportEventFilter.$inferInput | null | undefined, now: Date): Prisma.SupportEventWhereInput {
  const conditions: Prisma.SupportEventWhereInput[] = [listedEventsWhere(now), audienceWhere(filter?.audience)];
  if (filter?.upcoming) conditions.push({ endsAt: { gte: now } });
  if (filter?.kind) conditions.push({ kind: filter.kind });
  return { AND: conditions };
}

function materialWhere(filter: typeof MaterialFilter.$inferInput | null | undefined): Prisma.MethodologicalMaterialWhereInput {
  const conditions: Prisma.MethodologicalMaterialWhereInput[] = [publishedMaterialsOnly, audienceWhere(filter?.audience)];
  if (filter?.kind) conditions.push({ kind: filter.kind });
  if (filter?.language) conditions.push({ language: filter.language });
  if (filter?.frameworkVersion != null) conditions.push({ framework: { is: { version: filter.frameworkVersion } } });
  return { AND: conditions };
}

builder.queryFields((t) => ({
  supportEvents: t.prismaConnection(
    {
      type: SupportEventRef,
      cursor: 'id',
      authScopes: publicAccess,
      description:
        'Published seminars, trainings, consultations and webinars, soonest first. A cancelled event stays in the list, marked cancelled (`isCancelled`), until the time it would have ended.',
      args: { filter: t.arg({ type: SupportEventFilter, required: false, description: 'Conditions the events must meet.' }) },
      totalCount: (_parent, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.supportEvent.count({ where: eventWhere(args.filter, ctx.now) });
      },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.supportEvent.findMany({
          ...query,
          where: eventWhere(args.filter, ctx.now),
          orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
        });
      },
    },
    ...connectionTypeOptions('published support events'),
  ),
  methodologicalMaterials: t.prismaConnection(
    {
      type: MethodologicalMaterialRef,
      cursor: 'id',
      authScopes: publicAccess,
      description: 'Published methodological materials, most recently published first.',
      args: { filter: t.arg({ type: MaterialFilter, required: false, description: 'Conditions the materials must meet.' }) },
      totalCount: (_parent, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.methodologicalMaterial.count({ where: materialWhere(args.filter) });
      },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.methodologicalMaterial.findMany({
          ...query,
          where: materialWhere(args.filter),
          orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
        });
      },
    },
    ...connectionTypeOptions('published methodological materials'),
  ),
}));

// ---- payloads --------------------------------------------------------------------------

interface RowPayload {
  id: string | null;
  userErrors: UserError[];
}

function eventPayload(name: string, mutation: string) {
  return builder.objectRef<RowPayload>(name).implement({
    description: `Result of ${mutation}.`,
    authScopes: (_payload, ctx) => mayManageSupport(ctx.viewer),
    fields: (t) => ({
      event: t.prismaField({
        type: SupportEventRef,
        nullable: true,
        description: 'The event after the change; null when nothing changed.',
        resolve: (query, payload, _args, ctx) => (payload.id ? ctx.prisma.supportEvent.findUnique({ ...query, where: { id: payload.id } }) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (payload) => payload.userErrors }),
    }),
  });
}

function materialPayload(name: string, mutation: string) {
  return builder.objectRef<RowPayload>(name).implement({
    description: `Result of ${mutation}.`,
    authScopes: (_payload, ctx) => mayManageSupport(ctx.viewer),
    fields: (t) => ({
      material: t.prismaField({
        type: MethodologicalMaterialRef,
        nullable: true,
        description: 'The material after the change; null when nothing changed.',
        resolve: (query, payload, _args, ctx) =>
          payload.id ? ctx.prisma.methodologicalMaterial.findUnique({ ...query, where: { id: payload.id } }) : null,
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (payload) => payload.userErrors }),
    }),
  });
}

const payloads = {
  eventCreate: eventPayload('SupportEventCreatePayload', 'supportEventCreate'),
  eventUpdate: eventPayload('SupportEventUpdatePayload', 'supportEventUpdate'),
  eventPublish: eventPayload('SupportEventPublishPayload', 'supportEventPublish'),
  eventCancel: eventPayload('SupportEventCancelPayload', 'supportEventCancel'),
  materialCreate: materialPayload('MethodologicalMaterialCreatePayload', 'methodologicalMaterialCreate'),
  materialUpdate: materialPayload('MethodologicalMaterialUpdatePayload', 'methodologicalMaterialUpdate'),
  materialPublish: materialPayload('MethodologicalMaterialPublishPayload', 'methodologicalMaterialPublish'),
};

// ---- inputs ----------------------------------------------------------------------------

const unchanged = ' Absent: unchanged.';
const eventFields = {
  kind: 'Seminar, training, consultation or webinar.',
  titleKk: 'Title in Kazakh (required).',
  titleRu: 'Title in Russian (required).',
  titleEn: 'Title in English.',
  descriptionKk: 'Description in Kazakh.',
  descriptionRu: 'Description in Russian.',
  descriptionEn: 'Description in English.',
  startsAt: 'When it starts, with its UTC offset, e.g. 2026-12-10T10:00:00+05:00 (10:00 in Astana).',
  endsAt: 'When it ends; after startsAt.',
  format: 'In person, online or hybrid. In person and hybrid need a place; online and hybrid need onlineUrl.',
  placeKk: 'Place (address) in Kazakh.',
  placeRu: 'Place (address) in Russian.',
  placeEn: 'Place (address) in English.',
  onlineUrl: 'Link to join (https://...).',
  audience: 'Who the event is for.',
  languages: 'Languages the event is held in (at least one).',
  registrationUrl: 'Where to register (https://...), if registration is needed.',
} as const;

const SupportEventCreateInput = builder.inputType('SupportEventCreateInput', {
  description: 'A new event, created as a DRAFT (publish it with supportEventPublish).',
  fields: (t) => ({
    kind: t.field({ type: SupportEventKindEnum, required: true, description: eventFields.kind }),
    titleKk: t.string({ required: true, description: eventFields.titleKk }),
    titleRu: t.string({ required: true, description: eventFields.titleRu }),
    titleEn: t.string({ required: false, description: eventFields.titleEn }),
    descriptionKk: t.string({ required: false, description: eventFields.descriptionKk }),
    descriptionRu: t.string({ required: false, description: eventFields.descriptionRu }),
    descriptionEn: t.string({ required: false, description: eventFields.descriptionEn }),
    startsAt: t.field({ type: 'DateTime', required: true, description: eventFields.startsAt }),
    endsAt: t.field({ type: 'DateTime', required: true, description: eventFields.endsAt }),
    format: t.field({ type: EventFormatEnum, required: true, description: eventFields.format }),
    placeKk: t.string({ required: false, description: eventFields.placeKk }),
    placeRu: t.string({ required: false, description: eventFields.placeRu }),
    placeEn: t.string({ required: false, description: eventFields.placeEn }),
    onlineUrl: t.string({ required: false, description: eventFields.onlineUrl }),
    audience: t.field({ type: SupportAudienceEnum, required: true, description: eventFields.audience }),
    languages: t.field({ type: [LanguageEnum], required: true, description: eventFields.languages }),
    registrationUrl: t.string({ required: false, description: eventFields.registrationUrl }),
  }),
});

const SupportEventUpdateInput = builder.inputType('SupportEventUpdateInput', {
  description: 'Changes to an event that is not cancelled: only the fields given change; optional texts and links given as null are removed.',
  fields: (t) => ({
    eventId: t.globalID({ required: true, description: 'Global identifier of the event.' }),
    expectedVersion: t.int({ required: true, description: 'The event’s `version` as you read it.' }),
    kind: t.field({ type: SupportEventKindEnum, required: false, description: eventFields.kind + unchanged }),
    titleKk: t.string({ required: false, description: eventFields.titleKk + unchanged }),
    titleRu: t.string({ required: false, description: eventFields.titleRu + unchanged }),
    titleEn: t.string({ required: false, description: eventFields.titleEn + unchanged }),
    descriptionKk: t.string({ required: false, description: eventFields.descriptionKk + unchanged }),
    descriptionRu: t.string({ required: false, description: eventFields.descriptionRu + unchanged }),
    descriptionEn: t.string({ required: false, description: eventFields.descriptionEn + unchanged }),
    startsAt: t.field({ type: 'DateTime', required: false, description: eventFields.startsAt + unchanged }),
    endsAt: t.field({ type: 'DateTime', required: false, description: eventFields.endsAt + unchanged }),
    format: t.field({ type: EventFormatEnum, required: false, description: eventFields.format + unchanged }),
    placeKk: t.string({ required: false, description: eventFields.placeKk + unchanged }),
    placeRu: t.string({ required: false, description: eventFields.placeRu + unchanged }),
    placeEn: t.string({ required: false, description: eventFields.placeEn + unchanged }),
    onlineUrl: t.string({ required: false, description: eventFields.onlineUrl + unchanged }),
    audience: t.field({ type: SupportAudienceEnum, required: false, description: eventFields.audience + unchanged }),
    languages: t.field({ type: [LanguageEnum], required: false, description: eventFields.languages + unchanged }),
    registrationUrl: t.string({ required: false, description: eventFields.registrationUrl + unchanged }),
  }),
});

const SupportEventStepInput = builder.inputType('SupportEventStepInput', {
  description: 'Identifies the event and the version you read, for a step that needs nothing else.',
  fields: (t) => ({
    eventId: t.globalID({ required: true, description: 'Global identifier of the event.' }),
    expectedVersion: t.int({ required: true, description: 'The event’s `version` as you read it.' }),
  }),
});

const materialFields = {
  kind: 'What kind of material it is.',
  titleKk: 'Title in Kazakh (required).',
  titleRu: 'Title in Russian (required).',
  titleEn: 'Title in English.',
  summaryKk: 'Summary in Kazakh.',
  summaryRu: 'Summary in Russian.',
  summaryEn: 'Summary in English.',
  language: 'The language the document itself is written in.',
  audience: 'Who the material is for (default ALL).',
  externalUrl: 'The material’s address elsewhere (https://...), when it is a link. A material is a link or an uploaded document, not both.',
  frameworkVersion: 'Version of the standards the material is about, if any.',
} as const;

const MaterialCreateInput = builder.inputType('MethodologicalMaterialCreateInput', {
  description: 'A new material, created unpublished. Publishing it needs an external link or an attached document.',
  fields: (t) => ({
    kind: t.field({ type: MaterialKindEnum, required: true, description: materialFields.kind }),
    titleKk: t.string({ required: true, description: materialFields.titleKk }),
    titleRu: t.string({ required: true, description: materialFields.titleRu }),
    titleEn: t.string({ required: false, description: materialFields.titleEn }),
    summaryKk: t.string({ required: false, description: materialFields.summaryKk }),
    summaryRu: t.string({ required: false, description: materialFields.summaryRu }),
    summaryEn: t.string({ required: false, description: materialFields.summaryEn }),
    language: t.field({ type: LanguageEnum, required: true, description: materialFields.language }),
    audience: t.field({ type: SupportAudienceEnum, required: false, description: materialFields.audience }),
    externalUrl: t.string({ required: false, description: materialFields.externalUrl }),
    frameworkVersion: t.int({ required: false, description: materialFields.frameworkVersion }),
  }),
});

const MaterialUpdateInput = builder.inputType('MethodologicalMaterialUpdateInput', {
  description: 'Changes to a material: only the fields given change; optional texts and links given as null are removed.',
  fields: (t) => ({
    materialId: t.globalID({ required: true, description: 'Global identifier of the material.' }),
    expectedVersion: t.int({ required: true, description: 'The material’s `version` as you read it.' }),
    kind: t.field({ type: MaterialKindEnum, required: false, description: materialFields.kind + unchanged }),
    titleKk: t.string({ required: false, description: materialFields.titleKk + unchanged }),
    titleRu: t.string({ required: false, description: materialFields.titleRu + unchanged }),
    titleEn: t.string({ required: false, description: materialFields.titleEn + unchanged }),
    summaryKk: t.string({ required: false, description: materialFields.summaryKk + unchanged }),
    summaryRu: t.string({ required: false, description: materialFields.summaryRu + unchanged }),
    summaryEn: t.string({ required: false, description: materialFields.summaryEn + unchanged }),
    language: t.field({ type: LanguageEnum, required: false, description: materialFields.language + unchanged }),
    audience: t.field({ type: SupportAudienceEnum, required: false, description: materialFields.audience + unchanged }),
    externalUrl: t.string({ required: false, description: materialFields.externalUrl + unchanged }),
    removeDocument: t.boolean({ required: false, description: 'True: detach the uploaded document (e.g. to give an external link instead).' }),
    documentId: t.globalID({
      required: false,
      description:
        'Global identifier of a document uploaded for a material (POST /documents with materialId) to make this material’s file, e.g. one detached earlier. Uploading with materialId attaches the file at once.' +
        unchanged,
    }),
    frameworkVersion: t.int({ required: false, description: materialFields.frameworkVersion + ' Null: about no version.' + unchanged }),
  }),
});

const MaterialStepInput = builder.inputType('MethodologicalMaterialStepInput', {
  description: 'Identifies the material and the version you read, for a step that needs nothing else.',
  fields: (t) => ({
    materialId: t.globalID({ required: true, description: 'Global identifier of the material.' }),
    expectedVersion: t.int({ required: true, description: 'The material’s `version` as you read it.' }),
  }),
});

// ---- helpers ---------------------------------------------------------------------------

/** The value after the change: absent keeps the stored one, null clears it. */
function merged<T>(given: T | null | undefined, stored: T | null): T | null {
  return given === undefined ? stored : given;
}

/** The three language columns of a text, e.g. titleKk, titleRu, titleEn. */
type TextColumns<P extends string> = { [K in `${P}${'Kk' | 'Ru' | 'En'}`]?: string | null };

function trilingualOf<P extends string>(input: TextColumns<P>, prefix: P, stored: Trilingual): Trilingual {
  const pick = (key: 'Kk' | 'Ru' | 'En', current: string | null) => merged<string>(input[`${prefix}${key}`], current);
  return cleanTrilingual({ kk: pick('Kk', stored.kk), ru: pick('Ru', stored.ru), en: pick('En', stored.en) });
}

const noText: Trilingual = { kk: null, ru: null, en: null };
const columns = (prefix: string, text: Trilingual) => ({ [`${prefix}Kk`]: text.kk, [`${prefix}Ru`]: text.ru, [`${prefix}En`]: text.en });

/** The fields of a create input, each one absent or null as an update may send them. */
type Changes<T> = { [K in keyof T]?: T[K] | null };
type EventChanges = Changes<typeof SupportEventCreateInput.$inferInput>;
type MaterialChanges = Changes<typeof MaterialCreateInput.$inferInput> & { removeDocument?: boolean | null };

function eventRecordOf(input: EventChanges, stored: SupportEvent | null): EventRecord & { kind: SupportEventKind; audience: SupportAudience } {
  return {
    kind: input.kind ?? (stored?.kind as SupportEventKind),
    audience: input.audience ?? (stored?.audience as SupportAudience),
    title: trilingualOf(input, 'title', stored ? localized(stored, 'title') : noText),
    description: trilingualOf(input, 'description', stored ? localized(stored, 'description') : noText),
    place: trilingualOf(input, 'place', stored ? localized(stored, 'place') : noText),
    startsAt: input.startsAt ?? (stored?.startsAt as Date),
    endsAt: input.endsAt ?? (stored?.endsAt as Date),
    format: input.format ?? (stored?.format as EventFormat),
    onlineUrl: cleanUrl(merged(input.onlineUrl, stored?.onlineUrl ?? null)),
    registrationUrl: cleanUrl(merged(input.registrationUrl, stored?.registrationUrl ?? null)),
    languages: [...new Set(input.languages ?? stored?.languages ?? [])],
  };
}

function eventData(record: ReturnType<typeof eventRecordOf>) {
  return {
    kind: record.kind,
    audience: record.audience,
    ...columns('title', record.title),
    ...columns('description', record.description),
    ...columns('place', record.place),
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    format: record.format,
    onlineUrl: record.onlineUrl,
    registrationUrl: record.registrationUrl,
    languages: record.languages,
  } as Prisma.SupportEventUncheckedCreateInput;
}

/** The event as the audit trail records it (public data only). */
function eventSnapshot(event: SupportEvent) {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = event;
  return rest;
}

function materialSnapshot(material: MethodologicalMaterial) {
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = material;
  return rest;
}

const audit = (tx: Tx, ctx: GraphQLContext, action: string, subjectType: string, subjectId: string, before: unknown, after: unknown) =>
  appendAuditEvent(tx, { actor: actorOf(ctx.viewer), action, subjectType, subjectId, before, after }, ctx.now);

function staleVersion(what: string, expected: number, current: number): BusinessRuleError {
  return new BusinessRuleError(
    userError(
      'expectedVersion',
      'STALE_VERSION',
      `The ${what} was changed since you read it: you sent version ${expected}, it is now at version ${current}. Reload it and try again.`,
    ),
  );
}

/** A table whose rows carry a `version` for optimistic concurrency, as the support mutations use it. */
interface VersionedTable<Row extends { id: string; version: number }, Data> {
  /** The row's name in messages, e.g. "event". */
  what: string;
  /** The input field that names the row, e.g. eventId. */
  field: string;
  typename: string;
  find(tx: Tx, id: string): Promise<Row | null>;
  /** Writes `data` and increments the version, only while the row is at `version`; the number of rows written. */
  writeAt(tx: Tx, id: string, version: number, data: Data): Promise<number>;
}

const eventsTable: VersionedTable<SupportEvent, Prisma.SupportEventUncheckedUpdateManyInput> = {
  what: 'event',
  field: 'eventId',
  typename: 'SupportEvent',
  find: (tx, id) => tx.supportEvent.findUnique({ where: { id } }),
  writeAt: async (tx, id, version, data) =>
    (await tx.supportEvent.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
};

const materialsTable: VersionedTable<MethodologicalMaterial, Prisma.MethodologicalMaterialUncheckedUpdateManyInput> = {
  what: 'material',
  field: 'materialId',
  typename: 'MethodologicalMaterial',
  find: (tx, id) => tx.methodologicalMaterial.findUnique({ where: { id } }),
  writeAt: async (tx, id, version, data) =>
    (await tx.methodologicalMaterial.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } })).count,
};

/** The row, when it exists and is still at the version the client read. */
async function loadAt<Row extends { id: string; version: number }, Data>(
  tx: Tx,
  table: VersionedTable<Row, Data>,
  globalId: { typename: string; id: string },
  expectedVersion: number,
): Promise<Row> {
  const row = await table.find(tx, idOf(globalId, table.typename, table.field));
  if (!row) throw new BusinessRuleError(userError(table.field, 'NOT_FOUND', `No ${table.what} with this id exists.`));
  if (row.version !== expectedVersion) throw staleVersion(table.what, expectedVersion, row.version);
  return row;
}

/** Writes only if nobody changed the row since it was read (optimistic concurrency); the row after. */
async function saveAt<Row extends { id: string; version: number }, Data>(tx: Tx, table: VersionedTable<Row, Data>, row: Row, data: Data): Promise<Row> {
  const count = await table.writeAt(tx, row.id, row.version, data);
  const now = await table.find(tx, row.id);
  if (!now) throw new BusinessRuleError(userError(table.field, 'NOT_FOUND', `No ${table.what} with this id exists.`));
  if (count === 0) throw staleVersion(table.what, row.version, now.version);
  return now;
}

function transition(event: SupportEvent, action: 'update' | 'publish' | 'cancel', now: Date): void {
  const problem = eventTransitionProblem(action, event.status, event.endsAt, now);
  if (problem) throw new BusinessRuleError(userError('eventId', 'INVALID_TRANSITION', problem));
}

async function frameworkIdOf(tx: Tx, version: number | null | undefined, errors: UserError[]): Promise<string | null> {
  if (version == null) return null;
  const framework = await tx.standardFramework.findUnique({ where: { version }, select: { id: true } });
  if (!framework) errors.push(userError('frameworkVersion', 'NOT_FOUND', `No version ${version} of the standards exists.`));
  return framework?.id ?? null;
}

/** `attach`: a document to attach instead of the stored one (see documentToAttach). */
function materialRecordOf(input: MaterialChanges, stored: MethodologicalMaterial | null, attach?: string) {
  const title = trilingualOf(input, 'title', stored ? localized(stored, 'title') : noText);
  const summary = trilingualOf(input, 'summary', stored ? localized(stored, 'summary') : noText);
  const externalUrl = cleanUrl(merged(input.externalUrl, stored?.externalUrl ?? null));
  const documentId = attach ?? (input.removeDocument ? null : (stored?.documentId ?? null));
  const record: MaterialRecord = { title, summary, externalUrl, hasDocument: documentId !== null };
  return { record, documentId };
}

/**
 * The document `documentId` names, when it may become this material's file: one uploaded
 * for a material (POST /documents with materialId), not a case's, and no other material's.
 */
async function documentToAttach(
  tx: Tx,
  input: { documentId?: { typename: string; id: string } | null; removeDocument?: boolean | null },
  material: MethodologicalMaterial,
  errors: UserError[],
): Promise<string | undefined> {
  if (!input.documentId) return undefined;
  if (input.removeDocument) {
    errors.push(userError('documentId', 'INVALID', 'Give documentId or removeDocument, not both.'));
    return undefined;
  }
  const id = idOf(input.documentId, 'Document', 'documentId');
  const document = await tx.document.findUnique({ where: { id }, select: { caseId: true, reportId: true, material: { select: { id: true } } } });
  if (!document || document.caseId !== null || document.reportId !== null) {
    errors.push(userError('documentId', 'NOT_FOUND', 'No document uploaded for a material has this id (upload one with POST /documents and materialId).'));
    return undefined;
  }
  if (document.material && document.material.id !== material.id) {
    errors.push(userError('documentId', 'INVALID', 'The document is the file of another material.'));
    return undefined;
  }
  return id;
}

/** Changes that the public register shows trigger a site rebuild, after the commit. */
function announce(ctx: GraphQLContext, payload: RowPayload, isPublic: boolean): RowPayload {
  if (payload.id && isPublic) ctx.registerChanged?.();
  return payload;
}

async function change(ctx: GraphQLContext, work: (tx: Tx) => Promise<{ id: string; isPublic: boolean }>): Promise<RowPayload> {
  const { result, userErrors } = await inTransaction(ctx, work);
  return announce(ctx, { id: result?.id ?? null, userErrors }, result?.isPublic ?? false);
}

// ---- mutations -------------------------------------------------------------------------

builder.mutationFields((t) => ({
  supportEventCreate: t.field({
    type: payloads.eventCreate,
    authScopes: managerScopes,
    description: 'Creates a seminar, training, consultation or webinar as a DRAFT (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: SupportEventCreateInput, required: true, description: 'The event.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const record = eventRecordOf(input, null);
        const errors = checkEvent(record);
        if (errors.length) throw new BusinessRuleError(errors);
        const created = await tx.supportEvent.create({ data: eventData(record) });
        await audit(tx, ctx, 'support-event.create', 'SupportEvent', created.id, null, eventSnapshot(created));
        return { id: created.id, isPublic: false };
      }),
  }),

  supportEventUpdate: t.field({
    type: payloads.eventUpdate,
    authScopes: managerScopes,
    description: 'Changes the given fields of an event that is not cancelled (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: SupportEventUpdateInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const event = await loadAt(tx, eventsTable, input.eventId, input.expectedVersion);
        transition(event, 'update', ctx.now);
        const record = eventRecordOf(input, event);
        const errors = checkEvent(record);
        const moved = publishedEventEndProblem(event.status, record.endsAt, ctx.now);
        if (moved) errors.push(userError('endsAt', 'INVALID', moved));
        if (errors.length) throw new BusinessRuleError(errors);
        // Nothing to change (e.g. only explicit nulls for required fields): no new version, no audit event.
        const data = eventData(record);
        if (isDeepStrictEqual(eventSnapshot({ ...event, ...data } as SupportEvent), eventSnapshot(event))) {
          return { id: event.id, isPublic: event.publishedAt !== null };
        }
        const saved = await saveAt(tx, eventsTable, event, data);
        await audit(tx, ctx, 'support-event.update', 'SupportEvent', event.id, eventSnapshot(event), eventSnapshot(saved));
        return { id: event.id, isPublic: event.publishedAt !== null };
      }),
  }),

  supportEventPublish: t.field({
    type: payloads.eventPublish,
    authScopes: managerScopes,
    description: 'Announces a draft event on the register (COORDINATOR or ADMIN). An event that has ended cannot be published.',
    args: { input: t.arg({ type: SupportEventStepInput, required: true, description: 'The event.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const event = await loadAt(tx, eventsTable, input.eventId, input.expectedVersion);
        transition(event, 'publish', ctx.now);
        const errors = checkEvent(eventRecordOf({}, event));
        if (errors.length) throw new BusinessRuleError(errors);
        const saved = await saveAt(tx, eventsTable, event, { status: 'PUBLISHED', publishedAt: ctx.now });
        await audit(tx, ctx, 'support-event.publish', 'SupportEvent', event.id, { status: event.status }, { status: saved.status, publishedAt: ctx.now });
        return { id: event.id, isPublic: true };
      }),
  }),

  supportEventCancel: t.field({
    type: payloads.eventCancel,
    authScopes: managerScopes,
    description:
      'Calls an event off (COORDINATOR or ADMIN); final. A published event stays listed, marked cancelled, until the time it would have ended.',
    args: { input: t.arg({ type: SupportEventStepInput, required: true, description: 'The event.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const event = await loadAt(tx, eventsTable, input.eventId, input.expectedVersion);
        transition(event, 'cancel', ctx.now);
        const saved = await saveAt(tx, eventsTable, event, { status: 'CANCELLED', cancelledAt: ctx.now });
        await audit(tx, ctx, 'support-event.cancel', 'SupportEvent', event.id, { status: event.status }, { status: saved.status, cancelledAt: ctx.now });
        return { id: event.id, isPublic: event.publishedAt !== null };
      }),
  }),

  methodologicalMaterialCreate: t.field({
    type: payloads.materialCreate,
    authScopes: managerScopes,
    description: 'Creates a methodological material, unpublished (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: MaterialCreateInput, required: true, description: 'The material.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const { record } = materialRecordOf(input, null);
        const errors = checkMaterial(record, false);
        const frameworkId = await frameworkIdOf(tx, input.frameworkVersion, errors);
        if (errors.length) throw new BusinessRuleError(errors);
        const created = await tx.methodologicalMaterial.create({
          data: {
            kind: input.kind,
            language: input.language,
            audience: input.audience ?? 'ALL',
            ...(columns('title', record.title) as { titleKk: string; titleRu: string }),
            ...columns('summary', record.summary),
            externalUrl: record.externalUrl,
            frameworkId,
          },
        });
        await audit(tx, ctx, 'methodological-material.create', 'MethodologicalMaterial', created.id, null, materialSnapshot(created));
        return { id: created.id, isPublic: false };
      }),
  }),

  methodologicalMaterialUpdate: t.field({
    type: payloads.materialUpdate,
    authScopes: managerScopes,
    description: 'Changes the given fields of a material, published or not (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: MaterialUpdateInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const material = await loadAt(tx, materialsTable, input.materialId, input.expectedVersion);
        const errors: UserError[] = [];
        const attach = await documentToAttach(tx, input, material, errors);
        const { record, documentId } = materialRecordOf(input, material, attach);
        // A published material keeps something to read.
        errors.push(...checkMaterial(record, material.publishedAt !== null));
        const frameworkId = input.frameworkVersion === undefined ? material.frameworkId : await frameworkIdOf(tx, input.frameworkVersion, errors);
        if (errors.length) throw new BusinessRuleError(errors);
        const saved = await saveAt(tx, materialsTable, material, {
          kind: input.kind ?? material.kind,
          language: input.language ?? material.language,
          audience: input.audience ?? material.audience,
          ...columns('title', record.title),
          ...columns('summary', record.summary),
          externalUrl: record.externalUrl,
          documentId,
          frameworkId,
        });
        await audit(tx, ctx, 'methodological-material.update', 'MethodologicalMaterial', material.id, materialSnapshot(material), materialSnapshot(saved));
        return { id: material.id, isPublic: material.publishedAt !== null };
      }),
  }),

  methodologicalMaterialPublish: t.field({
    type: payloads.materialPublish,
    authScopes: managerScopes,
    description:
      'Publishes a material (COORDINATOR or ADMIN): it needs an uploaded document or an external link. Its document becomes public, as a published report’s do.',
    args: { input: t.arg({ type: MaterialStepInput, required: true, description: 'The material.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const material = await loadAt(tx, materialsTable, input.materialId, input.expectedVersion);
        if (material.publishedAt) throw new BusinessRuleError(userError('materialId', 'INVALID_TRANSITION', 'The material is already published.'));
        const { record } = materialRecordOf({}, material);
        const errors = checkMaterial(record, true);
        if (errors.length) throw new BusinessRuleError(errors);
        await saveAt(tx, materialsTable, material, { publishedAt: ctx.now });
        await audit(tx, ctx, 'methodological-material.publish', 'MethodologicalMaterial', material.id, { publishedAt: null }, { publishedAt: ctx.now });
        return { id: material.id, isPublic: true };
      }),
  }),
}));
