// One check of the paging arguments of every connection, before any resolver runs:
// the page size (first/last) and the cursors (after/before).
//
// The Prisma plugin's own cursors hold only the cursor column (`GPC:S:<id>`), so a cursor
// crafted with another tag (`GPC:N:abc`) reached Prisma and failed as an internal error, and
// a cursor from another list or another sort order silently gave a wrong page. Here every
// cursor the API hands out is wrapped with the list it belongs to and a digest of that
// list's other arguments (filter, orderBy, ...); a cursor is taken back only by the same
// list with the same arguments, and only when its value has the type of the list's cursor
// column.
import { createHash } from 'node:crypto';
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';

export const MAX_PAGE_SIZE = 100;

const PAGING_ARGUMENTS = new Set(['first', 'last', 'after', 'before']);
const CURSOR_VERSION = 'C1';
/** Longest cursor taken: ours stay far below (list name, digest and a cuid or an e-mail address). */
const MAX_CURSOR_LENGTH = 1000;

/**
 * The type of a connection's cursor column. Text (ids, e-mail addresses) unless the field
 * says otherwise in `extensions: { cursorValue: 'BigInt' }` (the audit trail's sequence).
 */
type CursorValue = 'String' | 'BigInt';

interface Connection {
  edges?: ({ cursor: string } | null)[];
  pageInfo?: { startCursor: string | null; endCursor: string | null };
}

function badArgument(argument: string, rule: string, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument, rule, ...extra } });
}

/**
 * Refuses page sizes outside 1..100 with an error that names the argument; never clamps,
 * so an integrator who asks for 500 rows learns it instead of silently getting 100.
 */
export function assertPageSize(args: { first?: unknown; last?: unknown }): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
      throw badArgument(name, 'PAGE_SIZE', `Argument "${name}" must be between 1 and ${MAX_PAGE_SIZE}; got ${String(value)}.`, {
        min: 1,
        max: MAX_PAGE_SIZE,
      });
    }
  }
}

/** What ties a cursor to its list: the field and a digest of its arguments other than paging. */
function listKey(list: string, args: Record<string, unknown>): string {
  const rest = Object.fromEntries(Object.entries(args).filter(([name]) => !PAGING_ARGUMENTS.has(name)));
  return createHash('sha256').update(`${list}\n${JSON.stringify(rest)}`).digest('base64url').slice(0, 16);
}

function wrapCursor(list: string, key: string, inner: string): string {
  // The Prisma plugin's cursor is base64 of `GPC:<tag>:<value>`; we keep `<tag>:<value>`.
  const decoded = Buffer.from(inner, 'base64').toString('utf8').replace(/^GPC:/, '');
  return Buffer.from(`${CURSOR_VERSION}|${list}|${key}|${decoded}`, 'utf8').toString('base64url');
}

/** The Prisma plugin's cursor inside ours, after checking it belongs to this list. */
function unwrapCursor(argument: string, cursor: string, list: string, key: string, value: CursorValue): string {
  const invalid = () =>
    badArgument(argument, 'CURSOR_FORMAT', `Argument "${argument}" is not a cursor of this list; pass an \`endCursor\`, \`startCursor\` or edge \`cursor\` the API returned.`);
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) throw invalid();
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts.length < 4 || parts[0] !== CURSOR_VERSION) throw invalid();
  const [, cursorList, cursorKey] = parts;
  const chunk = parts.slice(3).join('|');
  if (cursorList !== list || cursorKey !== key) {
    throw badArgument(
      argument,
      'CURSOR_MISMATCH',
      `Argument "${argument}" is a cursor of another list or of this list with other arguments (filter, orderBy, ...); a cursor continues only the list it came from, asked for the same way.`,
    );
  }
  const wellFormed = value === 'BigInt' ? /^I:-?\d{1,19}$/.test(chunk) : /^S:[\s\S]+$/.test(chunk);
  if (!wellFormed) throw invalid();
  return Buffer.from(`GPC:${chunk}`, 'utf8').toString('base64');
}

function wrapConnectionCursors(result: unknown, list: string, key: string): unknown {
  if (!result || typeof result !== 'object') return result;
  const connection = result as Connection;
  for (const edge of connection.edges ?? []) if (edge) edge.cursor = wrapCursor(list, key, edge.cursor);
  if (connection.pageInfo) {
    const { startCursor, endCursor } = connection.pageInfo;
    connection.pageInfo.startCursor = startCursor === null ? null : wrapCursor(list, key, startCursor);
    connection.pageInfo.endCursor = endCursor === null ? null : wrapCursor(list, key, endCursor);
  }
  return result;
}

class ConnectionArgumentsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const isConnection = [...PAGING_ARGUMENTS].every((name) => name in fieldConfig.args);
    if (!isConnection) return resolver;
    const list = `${fieldConfig.parentType}.${fieldConfig.name}`;
    const value: CursorValue = fieldConfig.extensions?.cursorValue === 'BigInt' ? 'BigInt' : 'String';
    return async (parent, args, context, info) => {
      const paging = args as Record<string, unknown>;
      assertPageSize(paging);
      const key = listKey(list, paging);
      const inner: Record<string, unknown> = { ...paging };
      for (const argument of ['after', 'before'] as const) {
        const cursor = paging[argument];
        if (typeof cursor === 'string') inner[argument] = unwrapCursor(argument, cursor, list, key, value);
      }
      return wrapConnectionCursors(await resolver(parent, inner, context, info), list, key);
    };
  }
}

const pluginName = 'kzaConnectionArguments';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      kzaConnectionArguments: ConnectionArgumentsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, ConnectionArgumentsPlugin);

export default pluginName;
