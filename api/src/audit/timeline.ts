// Publications of decisions, read from the audit trail: the public decision history.
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { publishedOnly } from '../decisions/schema.ts';
import type { Decision, Prisma } from '../generated/prisma/client.ts';
import type { GraphQLContext } from '../graphql/context.ts';

/** The trail's actions that publish a decision, and what the public history calls them. */
export const decisionPublicationActions = {
  'decision.publish': 'PUBLISHED',
  'decision.publish-correction': 'CORRECTION_PUBLISHED',
} as const;

export type DecisionPublicationAction = keyof typeof decisionPublicationActions;
export type DecisionTimelineKind = (typeof decisionPublicationActions)[DecisionPublicationAction];

const publicationActions = Object.keys(decisionPublicationActions) as DecisionPublicationAction[];

function isPublicationAction(action: string): action is DecisionPublicationAction {
  return Object.hasOwn(decisionPublicationActions, action);
}

export interface DecisionPublication {
  decisionId: string;
  occurredAt: Date;
  kind: DecisionTimelineKind;
  sequence: bigint;
}

// One query per request for the publications of every decision the request asks about (a
// page of 100 organizations must not cost 100 queries). Keyed by the request's context.
const loaders = new WeakMap<GraphQLContext, DataLoader<string, DecisionPublication[]>>();

function publicationLoader(ctx: GraphQLContext): DataLoader<string, DecisionPublication[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (decisionIds: readonly string[]) => {
      const events = await ctx.prisma.auditEvent.findMany({
        where: { subjectType: 'Decision', action: { in: publicationActions }, subjectId: { in: [...decisionIds] } },
        select: { sequence: true, occurredAt: true, action: true, subjectId: true },
      });
      const byDecision = new Map<string, DecisionPublication[]>();
      for (const event of events) {
        if (!isPublicationAction(event.action)) continue;
        const list = byDecision.get(event.subjectId) ?? [];
        list.push({ decisionId: event.subjectId, occurredAt: event.occurredAt, kind: decisionPublicationActions[event.action], sequence: event.sequence });
        byDecision.set(event.subjectId, list);
      }
      return decisionIds.map((id) => byDecision.get(id) ?? []);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

/** The publication events of these decisions, newest first. */
export async function publicationsOf(ctx: GraphQLContext, decisionIds: string[]): Promise<DecisionPublication[]> {
  if (decisionIds.length === 0) return [];
  const lists = await publicationLoader(ctx).loadMany(decisionIds);
  const publications = lists.flatMap((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
  return publications.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (b.sequence > a.sequence ? 1 : b.sequence < a.sequence ? -1 : 0));
}

/** What Pothos plans for a Decision field: the relations and columns the request selects. */
type DecisionQuery = { include?: Prisma.DecisionInclude; select?: Prisma.DecisionSelect };

/** The field's place in the response without list indices: every row of a list shares it. */
function fieldPath(info: GraphQLResolveInfo): string {
  const keys: string[] = [];
  for (let path: GraphQLResolveInfo['path'] | undefined = info.path; path; path = path.prev) {
    if (typeof path.key === 'string') keys.push(path.key);
  }
  return keys.reverse().join('.');
}

// Decisions of the history: one query per request and field of the query, with the
// selection Pothos planned for that field (the same for every row of a list).
const decisionLoaders = new WeakMap<GraphQLContext, Map<string, DataLoader<string, Decision | null>>>();

/** Loads published decisions by id for the Decision field `info` resolves, with its planned `query`. */
export function publishedDecisions(ctx: GraphQLContext, info: GraphQLResolveInfo, query: DecisionQuery): DataLoader<string, Decision | null> {
  let byField = decisionLoaders.get(ctx);
  if (!byField) {
    byField = new Map();
    decisionLoaders.set(ctx, byField);
  }
  // Keyed by the query as well: rows loaded together must have the same selection. (Reading
  // every row's query also tells Pothos that it is used.)
  const key = `${fieldPath(info)} ${JSON.stringify(query)}`;
  let loader = byField.get(key);
  if (!loader) {
    const planned = { ...query };
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.prisma.decision.findMany({ ...planned, where: { id: { in: [...ids] }, ...publishedOnly } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    byField.set(key, loader);
  }
  return loader;
}
