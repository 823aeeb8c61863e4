// The one Pothos schema builder. Domain modules (regions/, organizations/, ...) add their
// types to it; graphql/schema.ts imports them all and builds the schema.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, isObjectType, valueFromASTUntyped, type ValueNode } from 'graphql';
import type PrismaTypes from '../generated/pothos-prisma-types.ts';
import { getDatamodel } from '../generated/pothos-prisma-types.ts';
import { fromIsoDate, fromIsoDateTime, toIsoDate } from '../shared/dates.ts';
import type { Role } from '../generated/prisma/enums.ts';
import ConnectionArgumentsPlugin, { MAX_PAGE_SIZE } from './connection-arguments.ts';
import { hasRole, isStaff, type GraphQLContext } from './context.ts';

export interface AuthScopes {
  /** Anyone, signed in or not: published register data. */
  public: boolean;
  /** Anyone signed in (session or API token). */
  signedIn: boolean;
  /** The accreditation body's own people (see staffRoles), who see every case. */
  staff: boolean;
  /** Holds this role. */
  role: Role;
}

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: Date | string };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ScopeAuthPlugin, ComplexityPlugin, PrismaPlugin, RelayPlugin, ConnectionArgumentsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      public: true,
      signedIn: ctx.viewer.kind === 'user',
      staff: isStaff(ctx.viewer),
      role: (role: Role) => hasRole(ctx.viewer, role),
    }),
    // Type-level scopes run before any field of that type resolves.
    runScopesOnType: true,
    // A denial is not a fault: clients tell "sign in" from "not allowed" by the code.
    unauthorizedError: (_parent, context, _info, result) =>
      new GraphQLError(result.message, {
        extensions: { code: context.viewer.kind === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
      }),
  },
  // A public API: bound how much one request may ask for. The site's largest query (a
  // page of 100 organizations with their decisions and reports) stays well inside.
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { depth: 12, breadth: 200, complexity: 20_000 },
    complexityError: (kind, result) =>
      new GraphQLError(
        `The query is too ${kind === 'Depth' ? 'deep' : kind === 'Breadth' ? 'broad' : 'complex'}: ${kind.toLowerCase()} ${
          result[kind === 'Depth' ? 'depth' : kind === 'Breadth' ? 'breadth' : 'complexity']
        } exceeds the limit. Ask for fewer fields or smaller pages.`,
        { extensions: { code: 'QUERY_TOO_COMPLEX', rule: kind.toUpperCase(), ...result } },
      ),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    idFieldOptions: { description: 'Global identifier of this object (Relay); pass it to `node(id:)`.' },
    nodeTypeOptions: { description: 'An object with a global identifier that `node(id:)` can fetch.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection sits in the whole list.', authScopes: { public: true } },
    nodeQueryOptions: {
      description: 'Fetches any object by its global identifier; null when it does not exist or is not public.',
      args: { id: { description: 'Global identifier of the object.' } },
    },
    // `nodes(ids:)` is defined below: one garbage id answers null in its place, not a failed query.
    nodesQueryOptions: false,
    firstArgOptions: { description: 'Number of items to return from the start, 1 to 100 (default 20).' },
    afterArgOptions: { description: 'Return items after this cursor (an `endCursor` or edge `cursor`).' },
    lastArgOptions: { description: 'Number of items to return from the end, 1 to 100.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    // `nodes` beside `edges`, as GitHub's API has it: simpler when cursors per item are not needed.
    nodesOnConnection: { description: 'The items of this page.' },
    pageInfoFieldOptions: { description: 'How to fetch the pages before and after this one.' },
    nodeFieldOptions: { description: 'The item.' },
    cursorFieldOptions: { description: 'Opaque cursor of this item; pass it as `after` to continue from here.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of this page; pass it as `after` for the next page.' },
  },
});

builder.queryField('nodes', (t) =>
  t.nodeList({
    description: 'Fetches several objects by their global identifiers (1 to 100), in the same order; null for one that does not exist, is not public or is not an identifier.',
    args: { ids: t.arg.idList({ required: true, description: 'Global identifiers of the objects, at most 100.' }) },
    authScopes: { public: true },
    ids: (_root, { ids }, _ctx, info) => {
      // Bounded like a page: one request cannot ask for the whole database by id.
      if (ids.length > MAX_PAGE_SIZE) {
        throw new GraphQLError(`Argument "ids" may hold at most ${MAX_PAGE_SIZE} identifiers; got ${ids.length}.`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'ids', rule: 'PAGE_SIZE', max: MAX_PAGE_SIZE },
        });
      }
      return ids.map((id) => {
        try {
          const { typename, id: rawId } = decodeGlobalID(String(id));
          const type = info.schema.getType(typename);
          const isNode = isObjectType(type) && type.getInterfaces().some((each) => each.name === 'Node');
          return isNode ? { type: typename, id: rawId } : null;
        } catch {
          return null;
        }
      });
    },
  }),
);

/** Scope of everything the public register shows. */
export const publicAccess = { public: true } as const;

builder.queryType({
  description: 'Read access to the accreditation register. Public fields never expose unpublished or personal data.',
  authScopes: publicAccess,
});

builder.mutationType({
  description:
    'Changes to the accreditation domain. Each mutation takes one `input`, returns a payload with the changed object and `userErrors`, and changes nothing when a rule is broken.',
  authScopes: publicAccess,
});

/** A scalar's refusal of a value: the caller's error, with the rule it broke (GraphQL adds the argument or variable path). */
function badScalar(rule: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', rule } });
}

/** A literal parsed like a variable, its error tied to the literal so the server can name the argument. */
function parseLiteralWith<T>(parseValue: (value: unknown) => T) {
  return (ast: ValueNode, variables?: { readonly [name: string]: unknown } | null): T => {
    try {
      return parseValue(valueFromASTUntyped(ast, variables));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      throw new GraphQLError(error.message, { nodes: ast, extensions: error.extensions });
    }
  };
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string') throw badScalar('DATE_FORMAT', 'A Date is a string in the form YYYY-MM-DD.');
  try {
    fromIsoDate(value);
  } catch {
    throw badScalar('DATE_FORMAT', 'A Date is a calendar day written YYYY-MM-DD, e.g. 2027-01-10.');
  }
  return value;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw badScalar('DATE_TIME_FORMAT', 'A DateTime is a string in ISO 8601 with an offset.');
  try {
    return fromIsoDateTime(value);
  } catch (error) {
    throw badScalar('DATE_TIME_FORMAT', `Not a valid DateTime: ${(error as Error).message}.`);
  }
}

builder.scalarType('Date', {
  description: 'A calendar date in Kazakhstan, written YYYY-MM-DD (ISO 8601), e.g. 2027-01-10; the day must exist in the calendar.',
  serialize: (value) => (value instanceof Date ? toIsoDate(value) : value),
  parseValue: parseDate,
  parseLiteral: parseLiteralWith(parseDate),
});

builder.scalarType('DateTime', {
  description:
    'A moment in time, written in ISO 8601 with its UTC offset: 2027-01-10T10:00:00Z or 2027-01-10T15:00:00+05:00 (seconds and fractions optional). A value without an offset, a bare date or a day the calendar lacks is refused. Given out in UTC with milliseconds (e.g. 2025-06-20T10:00:00.000Z).',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: parseLiteralWith(parseDateTime),
});

// Free-form values recorded as they were, e.g. the before/after states of audit events.
builder.scalarType('JSON', {
  description: 'Any JSON value (object, array, string, number, boolean or null), given as it was recorded.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

export { assertPageSize, MAX_PAGE_SIZE } from './connection-arguments.ts';
export const DEFAULT_PAGE_SIZE = 20;

/** Descriptions and scopes of a connection type and its edge type (Relay). */
export function connectionTypeOptions(itemsDescription: string) {
  return [
    {
      description: `A page of ${itemsDescription}, with the total count over all pages.`,
      authScopes: publicAccess,
    },
    { description: `One of the ${itemsDescription} in a page, with its cursor.`, authScopes: publicAccess },
  ] as const;
}
