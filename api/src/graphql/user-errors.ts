// Business-rule errors of mutations, returned as `userErrors { field code message }` in
// the payload (GitHub / Shopify style). A broken rule changes nothing: mutations run in a
// transaction, and throwing BusinessRuleError rolls it back.
import type { Prisma } from '../generated/prisma/client.ts';
import { builder, publicAccess } from './builder.ts';
import type { GraphQLContext } from './context.ts';

/** Every code a mutation can return. Add new codes here, with their meaning. */
export const userErrorCodes = {
  INVALID: 'The value breaks a rule for this field; the message says which.',
  REQUIRED: 'The field must be given.',
  NOT_FOUND: 'No object with this identifier exists, or you may not see it.',
  FORBIDDEN: 'Your roles do not allow this action on this object.',
  STALE_VERSION: 'Someone changed the object since you read it; reload it and try again with the newer version.',
  INVALID_TRANSITION: 'The object is not at a stage (a case) or status (an expert’s certification) where this action can be taken.',
  GUARD_FAILED: 'A condition of this step is not met yet; the message says which.',
  CONFLICT_OF_INTEREST:
    'The person has a conflict of interest with the organization: declared, a recorded family link, or employment there now or within the look-back period.',
  EXPERT_NOT_ELIGIBLE:
    'The person may not sit on this expert team: no expert record or account, not certified through the last visit day, or on another visit on overlapping days.',
  TEAM_COMPOSITION: 'The team as a whole breaks a rule: its size, its one lead, or the languages of instruction and the level it must cover.',
  ALREADY_EXISTS: 'An object with this key already exists.',
  INVALID_CREDENTIALS: 'The e-mail address or password is wrong.',
  RATE_LIMITED: 'Too many attempts; wait and try again.',
} as const;

export type UserErrorCode = keyof typeof userErrorCodes;

export interface UserError {
  /** Path to the input field, e.g. ["input", "visitFrom"]; null for the whole input. */
  field: string[] | null;
  code: UserErrorCode;
  message: string;
}

/** Thrown by domain code inside a mutation; becomes a userError and rolls back the change. */
export class BusinessRuleError extends Error {
  readonly errors: UserError[];
  constructor(errors: UserError | UserError[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((error) => error.message).join('; '));
    this.errors = list;
  }
}

export function userError(field: string | string[] | null, code: UserErrorCode, message: string): UserError {
  return { field: field === null ? null : Array.isArray(field) ? field : ['input', field], code, message };
}

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Why a mutation did not do what was asked.',
  values: Object.fromEntries(Object.entries(userErrorCodes).map(([code, description]) => [code, { description }])) as {
    [K in UserErrorCode]: { description: string };
  },
});

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  description: 'A business rule the input broke. Nothing was changed.',
  authScopes: publicAccess,
  fields: (t) => ({
    field: t.exposeStringList('field', { nullable: true, description: 'Path to the input field at fault; null when the whole input is.' }),
    code: t.field({ type: UserErrorCodeEnum, description: 'Machine-readable reason.', resolve: (error) => error.code }),
    message: t.exposeString('message', { description: 'Plain-language explanation, naming the field and the rule.' }),
  }),
});

export interface Payload<T> {
  result: T | null;
  userErrors: UserError[];
}

/**
 * Runs `work` in one transaction. BusinessRuleError rolls everything back and becomes
 * userErrors; any other error is a fault and propagates.
 */
export async function inTransaction<T>(
  ctx: GraphQLContext,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<Payload<T>> {
  try {
    const result = await ctx.prisma.$transaction(work, { timeout: 30_000, maxWait: 10_000 });
    return { result, userErrors: [] };
  } catch (error) {
    if (error instanceof BusinessRuleError) return { result: null, userErrors: error.errors };
    throw error;
  }
}
