// GraphQL of the audit trail: the auditors' view of the events and of the chain, and the
// public decision history, which is read from the publication events of the trail.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { tokenAllows } from '../auth/scopes.ts';
import { DecisionRef, publishedOnly } from '../decisions/schema.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { assertPageSize, builder, connectionTypeOptions, publicAccess } from '../graphql/builder.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { OrganizationRef } from '../organizations/schema.ts';
import { publicationsOf, publishedDecisions, type DecisionTimelineKind } from './timeline.ts';
import { verifyAuditChain } from './trail.ts';

/**
 * Auditors: an ADMIN or the CPM director. A scope map is "any of" its keys, and a key can
 * appear once, so the second role sits in a nested `$any`. An API token reads the trail only
 * with READ_CASES, as it reads case documents: the events describe cases and accounts.
 */
function auditorScopeMap(ctx: GraphQLContext) {
  return tokenAllows(ctx.viewer, 'READ_CASES') && ({ role: 'ADMIN', $any: { role: 'CPM_DIRECTOR' } } as const);
}
const auditorFieldScopes = (_parent: unknown, _args: unknown, ctx: GraphQLContext) => auditorScopeMap(ctx);
const auditorTypeScopes = (_parent: unknown, ctx: GraphQLContext) => auditorScopeMap(ctx);

export const AuditEventRef = builder.prismaObject('AuditEvent', {
  description:
    'One recorded state change: who did what to which object, the state before and after, and the hashes that chain it to the event before. Events are only appended: changing or removing one breaks the chain.',
  authScopes: auditorTypeScopes,
  fields: (t) => ({
    sequence: t.string({
      description: 'Position in the trail (1, 2, 3, ...), as a string because it may exceed 2^53. Gaps mean a removed event.',
      resolve: (event) => event.sequence.toString(),
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the change was made.' }),
    actorId: t.exposeString('actorId', {
      nullable: true,
      description: 'Database id of the user who made the change; null for the system, the command line or the public.',
    }),
    actorLabel: t.exposeString('actorLabel', {
      description: 'Who made the change, as recorded at the time: a display name (with "(API token)" for a token), "system" or "public".',
    }),
    action: t.exposeString('action', { description: 'What happened, e.g. "case.register" or "decision.publish".' }),
    subjectType: t.exposeString('subjectType', { description: 'Kind of object changed, e.g. "AccreditationCase" or "Decision".' }),
    subjectId: t.exposeString('subjectId', { description: 'Database id of the object changed.' }),
    before: t.expose('before', { type: 'JSON', nullable: true, description: 'The relevant state before the change, when it had one.' }),
    after: t.expose('after', { type: 'JSON', nullable: true, description: 'The relevant state after the change, when it has one.' }),
    previousHash: t.exposeString('previousHash', {
      description: 'Hash of the event before (64 zeros for the first event): the link of the chain.',
    }),
    hash: t.exposeString('hash', {
      description: 'SHA-256 (hexadecimal) over this event’s content and previousHash; see docs/audit-trail.md.',
    }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Narrows the audit trail. All given conditions must hold.',
  fields: (t) => ({
    subjectType: t.string({ required: false, description: 'Only events about this kind of object, e.g. "Decision".' }),
    subjectId: t.string({ required: false, description: 'Only events about this object: its global id or its database id.' }),
    action: t.string({ required: false, description: 'Only this action, e.g. "decision.publish".' }),
    actorId: t.string({ required: false, description: 'Only changes made by this user: global id or database id.' }),
    from: t.field({ type: 'DateTime', required: false, description: 'Only events at or after this moment.' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Only events at or before this moment.' }),
  }),
});

type AuditEventFilterInput = typeof AuditEventFilter.$inferInput;

/** A global id or a database id: the trail stores database ids, so both are looked up. */
function idCandidates(value: string): string[] {
  const trimmed = value.trim();
  try {
    const { id } = decodeGlobalID(trimmed);
    return id && id !== trimmed ? [trimmed, id] : [trimmed];
  } catch {
    return [trimmed];
  }
}

function auditEventWhere(filter: AuditEventFilterInput | null | undefined): Prisma.AuditEventWhereInput {
  if (!filter) return {};
  const conditions: Prisma.AuditEventWhereInput[] = [];
  if (filter.subjectType) conditions.push({ subjectType: filter.subjectType });
  if (filter.subjectId) conditions.push({ subjectId: { in: idCandidates(filter.subjectId) } });
  if (filter.action) conditions.push({ action: filter.action });
  if (filter.actorId) conditions.push({ actorId: { in: idCandidates(filter.actorId) } });
  if (filter.from) conditions.push({ occurredAt: { gte: filter.from } });
  if (filter.to) conditions.push({ occurredAt: { lte: filter.to } });
  return { AND: conditions };
}

interface ChainStatus {
  ok: boolean;
  events: number;
  lastHash: string | null;
  brokenAtSequence: string | null;
  reason: string | null;
}

const AuditChainStatusRef = builder.objectRef<ChainStatus>('AuditChainStatus').implement({
  description: 'Result of checking the whole audit trail, event by event, against its hash chain.',
  authScopes: auditorTypeScopes,
  fields: (t) => ({
    ok: t.exposeBoolean('ok', { description: 'True when every event matches its hash and links to the event before.' }),
    events: t.exposeInt('events', { description: 'Events that verified: all of them when ok, those before the broken one otherwise.' }),
    lastHash: t.exposeString('lastHash', {
      nullable: true,
      description: 'Hash of the newest event when ok (64 zeros for an empty trail): keep it outside the database to detect later truncation.',
    }),
    brokenAtSequence: t.exposeString('brokenAtSequence', {
      nullable: true,
      description: 'Sequence of the first event that does not hold; null when ok.',
    }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why that event does not hold; null when ok.' }),
  }),
});

builder.queryFields((t) => ({
  auditEvents: t.prismaConnection(
    {
      type: AuditEventRef,
      cursor: 'sequence',
      // The cursor column is a BigInt (graphql/connection-arguments.ts checks cursors by it).
      extensions: { cursorValue: 'BigInt' },
      authScopes: auditorFieldScopes,
      description:
        'The audit trail, newest first, 1 to 100 per page (default 20). For an ADMIN or the CPM director (an API token needs READ_CASES).',
      args: { filter: t.arg({ type: AuditEventFilter, required: false, description: 'Conditions the events must meet.' }) },
      totalCount: (_parent, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.auditEvent.count({ where: auditEventWhere(args.filter) });
      },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.auditEvent.findMany({ ...query, where: auditEventWhere(args.filter), orderBy: { sequence: 'desc' } });
      },
    },
    ...connectionTypeOptions('audit events'),
  ),
  auditChainStatus: t.field({
    type: AuditChainStatusRef,
    authScopes: auditorFieldScopes,
    description:
      'Verifies the whole audit trail now (reads every event) and says whether it is intact. For an ADMIN or the CPM director; `pnpm audit:verify` does the same from the command line.',
    resolve: async (_root, _args, ctx) => {
      const result = await verifyAuditChain(ctx.prisma);
      return result.ok
        ? { ok: true, events: result.events, lastHash: result.lastHash, brokenAtSequence: null, reason: null }
        : { ok: false, events: result.events, lastHash: null, brokenAtSequence: result.brokenAt.toString(), reason: result.reason };
    },
  }),
}));

// --- The public decision history ----------------------------------------------------------

const DecisionTimelineKindEnum = builder.enumType('DecisionTimelineKind', {
  description: 'What an entry of an organization’s decision history records.',
  values: {
    PUBLISHED: { description: 'A decision of the Accreditation Council was published on the register.' },
    CORRECTION_PUBLISHED: { description: 'A correction, a new decision that supersedes an earlier one, was published.' },
  } satisfies Record<DecisionTimelineKind, { description: string }>,
});

interface DecisionTimelineEntry {
  occurredAt: Date;
  kind: DecisionTimelineKind;
  decisionId: string;
  supersedesId: string | null;
}

const DecisionTimelineEntryRef = builder.objectRef<DecisionTimelineEntry>('DecisionTimelineEntry').implement({
  description:
    'One publication in an organization’s decision history, as the audit trail recorded it. Only publications of decisions appear, nothing else from the trail.',
  authScopes: publicAccess,
  fields: (t) => ({
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the decision was published.' }),
    kind: t.expose('kind', { type: DecisionTimelineKindEnum, description: 'A decision, or a correction of one.' }),
    // prismaField: the query planned for the field loads each decision with what the request
    // selects of it, and Pothos knows those rows hold it (no query per row).
    decision: t.prismaField({
      type: DecisionRef,
      description: 'The decision published.',
      resolve: async (query, entry, _args, ctx, info) => {
        const decision = await publishedDecisions(ctx, info, query).load(entry.decisionId);
        // The entry was made from the organization's published decisions.
        if (!decision) throw new Error(`Decision ${entry.decisionId} of a decision history is not published`);
        return decision;
      },
    }),
    supersedes: t.prismaField({
      type: DecisionRef,
      nullable: true,
      description: 'For a correction, the earlier decision it supersedes; otherwise null.',
      resolve: (query, entry, _args, ctx, info) => {
        const decisions = publishedDecisions(ctx, info, query);
        return entry.supersedesId ? decisions.load(entry.supersedesId) : null;
      },
    }),
  }),
});

builder.prismaObjectField(OrganizationRef, 'decisionTimeline', (t) =>
  t.field({
    type: [DecisionTimelineEntryRef],
    description:
      'History of the decisions published about this organization, newest first, from the audit trail: each publication of a decision or of a correction.',
    // Merged into the query of the page of organizations; the publication events of the whole
    // page then come in one query, and the decisions in one query per field (timeline.ts).
    select: { decisions: { where: publishedOnly, select: { id: true, supersedesId: true } } },
    resolve: async (organization, _args, ctx) => {
      const decisions = new Map(organization.decisions.map((decision) => [decision.id, decision]));
      const publications = await publicationsOf(ctx, [...decisions.keys()]);
      return publications.flatMap(({ decisionId, occurredAt, kind }) => {
        const decision = decisions.get(decisionId);
        return decision ? [{ occurredAt, kind, decisionId, supersedesId: decision.supersedesId }] : [];
      });
    },
  }),
);
