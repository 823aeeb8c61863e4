// GraphQL of accounts: sign-in, the viewer, API tokens, user administration and declared
// conflicts of interest. No type here exposes a password hash or a token hash; the only
// secrets ever returned are a new access token (signIn) and a new API token (once).
import { actorOf } from '../audit/trail.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { Role } from '../generated/prisma/enums.ts';
import { assertPageSize, builder, connectionTypeOptions, publicAccess } from '../graphql/builder.ts';
import { hasRole, isStaff, type GraphQLContext, type SignedInViewer, type Viewer } from '../graphql/context.ts';
import { describedEnum } from '../graphql/shared-types.ts';
import { inTransaction, userError, UserErrorRef, type UserError } from '../graphql/user-errors.ts';
import { createApiToken, revokeApiToken } from './api-tokens.ts';
import { declareConflictOfInterest } from './conflicts.ts';
import { verifyPassword } from './passwords.ts';
import { apiTokenScopes, isApiTokenScope, isSession, type ApiTokenScope } from './scopes.ts';
import { requestAuth } from './service.ts';
import { issueAccessToken } from './tokens.ts';
import { createUser, normaliseEmail, setUserActive, updateUserRoles, userIdsWithRole } from './users.ts';

export const RoleEnum = describedEnum('Role', Role, 'What a user may do in the procedure. One user may hold several roles.', {
  ORGANIZATION_REPRESENTATIVE: 'Acts for one school or college: applies, assesses itself, uploads documents, plans its development.',
  EXPERT: 'A certified expert: analyses documents, visits and writes findings for the cases whose team includes them.',
  COORDINATOR: 'Staff of the accreditation body who run accreditation procedures.',
  COMMISSION_MEMBER: 'A member of the Expert Commission, which advises experts and reviews final reports.',
  COUNCIL_MEMBER: 'A member of the Accreditation Council, which decides to accredit or to refuse.',
  COUNCIL_SECRETARY: 'The secretary of the Accreditation Council: runs its meetings and publishes its decisions.',
  CPM_DIRECTOR: 'The director of the Centre for Pedagogical Measurements, who approves expert teams by order.',
  ADMIN: 'Administers accounts and roles.',
});

export const ApiTokenScopeEnum = builder.enumType('ApiTokenScope', {
  description: 'What an API token may do. A token acts as its owner, limited further by its scopes; any token may read `viewer`.',
  values: Object.fromEntries(Object.entries(apiTokenScopes).map(([scope, description]) => [scope, { description }])) as {
    [K in ApiTokenScope]: { description: string };
  },
});

/** Account and token management needs a session: an API token cannot mint tokens or change accounts. */
const sessionOnly = (_parent: unknown, _args: unknown, ctx: GraphQLContext) => isSession(ctx.viewer);
const adminSession = (_parent: unknown, _args: unknown, ctx: GraphQLContext) => isSession(ctx.viewer) && ({ role: 'ADMIN' } as const);
const signedIn = { signedIn: true } as const;

/** The viewer of a field whose scopes require signing in. */
function signedInViewer(viewer: Viewer): SignedInViewer {
  if (viewer.kind !== 'user') throw new Error('This field requires a signed-in viewer; its authScopes should have refused.');
  return viewer;
}

function isSelf(ctx: GraphQLContext, userId: string): boolean {
  return (ctx.viewer.kind === 'user' && ctx.viewer.userId === userId) || ctx.auth?.signedInUserId === userId;
}

export const UserRef = builder.prismaNode('User', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'A person who signs in: staff, an expert, a council member or an organization representative. Visible to the person and to staff.',
  id: { field: 'id' },
  authScopes: (user, ctx) => isSelf(ctx, user.id) || isStaff(ctx.viewer),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'E-mail address, lower-case; the sign-in name.' }),
    displayName: t.exposeString('displayName', { description: 'Name shown for this person.' }),
    roles: t.expose('roles', { type: [RoleEnum], description: 'Roles held; together they decide what the person may do.' }),
    organization: t.relation('organization', {
      nullable: true,
      description: 'The organization an ORGANIZATION_REPRESENTATIVE acts for; null for everyone else.',
    }),
    isActive: t.exposeBoolean('isActive', { description: 'False once deactivated: the person can no longer sign in, and their tokens stop working.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was created.' }),
  }),
});

export const ApiTokenRef = builder.prismaNode('ApiToken', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'A token for an integration. The token itself is shown once, at creation; only its prefix is kept readable.',
  id: { field: 'id' },
  authScopes: (token, ctx) => (ctx.viewer.kind === 'user' && ctx.viewer.userId === token.userId) || hasRole(ctx.viewer, 'ADMIN'),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name given at creation, e.g. the integration that uses it.' }),
    prefix: t.exposeString('prefix', { description: 'The characters after "kza_" in the token, to recognise it.' }),
    scopes: t.field({
      type: [ApiTokenScopeEnum],
      description: 'What the token may do, on top of its owner’s roles.',
      resolve: (token) => token.scopes.filter(isApiTokenScope),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the token was created.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the token was last used, to the minute; null when never used.',
    }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When the token was revoked; null while it works.' }),
  }),
});

export const ConflictOfInterestRef = builder.prismaNode('ConflictOfInterest', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'A declared link between a person and an organization: the person takes no part in its cases.',
  id: { field: 'id' },
  authScopes: (conflict, ctx) => isSelf(ctx, conflict.userId) || isStaff(ctx.viewer),
  fields: (t) => ({
    user: t.relation('user', { description: 'The person who declared it.' }),
    organization: t.relation('organization', { description: 'The organization the person is linked to.' }),
    reason: t.exposeString('reason', { description: 'How the person is linked to the organization, in their words.' }),
    declaredAt: t.expose('declaredAt', { type: 'DateTime', description: 'When it was declared.' }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.prismaField({
    type: UserRef,
    nullable: true,
    authScopes: publicAccess,
    description: 'You: the user of the access token or API token sent; null when no token is sent.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer.kind === 'user' ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null,
  }),
  myApiTokens: t.prismaField({
    type: [ApiTokenRef],
    authScopes: signedIn,
    description: 'Your API tokens, revoked ones included, newest first.',
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.apiToken.findMany({
        ...query,
        where: { userId: signedInViewer(ctx.viewer).userId },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
  myConflictsOfInterest: t.prismaField({
    type: [ConflictOfInterestRef],
    authScopes: signedIn,
    description: 'The conflicts of interest you declared, newest first.',
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.conflictOfInterest.findMany({
        ...query,
        where: { userId: signedInViewer(ctx.viewer).userId },
        orderBy: [{ declaredAt: 'desc' }, { id: 'asc' }],
      }),
  }),
  users: t.prismaConnection(
    {
      type: UserRef,
      cursor: 'email',
      authScopes: adminSession,
      description: 'All accounts, by e-mail address. ADMIN only.',
      args: {
        role: t.arg({ type: RoleEnum, required: false, description: 'Only users holding this role.' }),
        includeInactive: t.arg.boolean({ required: false, description: 'Include deactivated users (default false).' }),
      },
      totalCount: async (_parent, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.user.count({ where: await usersWhere(ctx, args) });
      },
      resolve: async (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.user.findMany({ ...query, where: await usersWhere(ctx, args), orderBy: { email: 'asc' } });
      },
    },
    ...connectionTypeOptions('users'),
  ),
}));

async function usersWhere(ctx: GraphQLContext, args: { role?: Role | null; includeInactive?: boolean | null }): Promise<Prisma.UserWhereInput> {
  const conditions: Prisma.UserWhereInput[] = [];
  if (!args.includeInactive) conditions.push({ isActive: true });
  // Not `roles: { has }`: see userIdsWithRole.
  if (args.role) conditions.push({ id: { in: await userIdsWithRole(ctx.prisma, args.role) } });
  return { AND: conditions };
}

// --- Sign-in ----------------------------------------------------------------------------

interface SignInResult {
  accessToken: string | null;
  expiresAt: Date | null;
  userId: string | null;
  userErrors: UserError[];
}

const SignInInput = builder.inputType('SignInInput', {
  description: 'Credentials of a user.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'E-mail address (case does not matter).' }),
    password: t.string({ required: true, description: 'Password.' }),
  }),
});

const SignInPayload = builder.objectRef<SignInResult>('SignInPayload').implement({
  description: 'Result of signIn: an access token to send as `Authorization: Bearer <accessToken>`.',
  authScopes: publicAccess,
  fields: (t) => ({
    accessToken: t.exposeString('accessToken', {
      nullable: true,
      description: 'A signed access token (JWT), valid until expiresAt; null when signing in failed.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When the access token stops working; sign in again then.' }),
    user: t.prismaField({
      type: UserRef,
      nullable: true,
      description: 'You, as the access token identifies you; null when signing in failed.',
      resolve: (query, payload, _args, ctx) => (payload.userId ? ctx.prisma.user.findUnique({ ...query, where: { id: payload.userId } }) : null),
    }),
    userErrors: t.field({ type: [UserErrorRef], description: 'Why signing in failed.', resolve: (payload) => payload.userErrors }),
  }),
});

function signInFailure(error: UserError): SignInResult {
  return { accessToken: null, expiresAt: null, userId: null, userErrors: [error] };
}

// --- Payloads ---------------------------------------------------------------------------

interface ObjectResult {
  id: string | null;
  userErrors: UserError[];
}

function userPayload(name: string, description: string, userDescription: string) {
  return builder.objectRef<ObjectResult>(name).implement({
    description,
    authScopes: signedIn,
    fields: (t) => ({
      user: t.prismaField({
        type: UserRef,
        nullable: true,
        description: userDescription,
        resolve: (query, payload, _args, ctx) => (payload.id ? ctx.prisma.user.findUnique({ ...query, where: { id: payload.id } }) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; nothing was changed then.', resolve: (payload) => payload.userErrors }),
    }),
  });
}

const UserCreatePayload = userPayload('UserCreatePayload', 'Result of userCreate.', 'The new user; null when nothing was created.');
const UserUpdateRolesPayload = userPayload('UserUpdateRolesPayload', 'Result of userUpdateRoles.', 'The user with their roles now; null when nothing changed.');
const UserDeactivatePayload = userPayload('UserDeactivatePayload', 'Result of userDeactivate.', 'The user, now deactivated; null when nothing changed.');
const UserReactivatePayload = userPayload('UserReactivatePayload', 'Result of userReactivate.', 'The user, active again; null when nothing changed.');

const ApiTokenCreatePayload = builder.objectRef<ObjectResult & { token: string | null }>('ApiTokenCreatePayload').implement({
  description: 'Result of apiTokenCreate. Store `token` now: it is never shown again.',
  authScopes: signedIn,
  fields: (t) => ({
    apiToken: t.prismaField({
      type: ApiTokenRef,
      nullable: true,
      description: 'The new token’s record; null when nothing was created.',
      resolve: (query, payload, _args, ctx) => (payload.id ? ctx.prisma.apiToken.findUnique({ ...query, where: { id: payload.id } }) : null),
    }),
    token: t.exposeString('token', {
      nullable: true,
      description: 'The token, to send as `Authorization: Bearer <token>`. Shown only in this response; only its hash is stored.',
    }),
    userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; nothing was changed then.', resolve: (payload) => payload.userErrors }),
  }),
});

const ApiTokenRevokePayload = builder.objectRef<ObjectResult>('ApiTokenRevokePayload').implement({
  description: 'Result of apiTokenRevoke.',
  authScopes: signedIn,
  fields: (t) => ({
    apiToken: t.prismaField({
      type: ApiTokenRef,
      nullable: true,
      description: 'The token, now revoked; null when nothing changed.',
      resolve: (query, payload, _args, ctx) => (payload.id ? ctx.prisma.apiToken.findUnique({ ...query, where: { id: payload.id } }) : null),
    }),
    userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; nothing was changed then.', resolve: (payload) => payload.userErrors }),
  }),
});

const ConflictOfInterestDeclarePayload = builder.objectRef<ObjectResult>('ConflictOfInterestDeclarePayload').implement({
  description: 'Result of conflictOfInterestDeclare.',
  authScopes: signedIn,
  fields: (t) => ({
    conflictOfInterest: t.prismaField({
      type: ConflictOfInterestRef,
      nullable: true,
      description: 'The declared conflict of interest; null when nothing was recorded.',
      resolve: (query, payload, _args, ctx) =>
        payload.id ? ctx.prisma.conflictOfInterest.findUnique({ ...query, where: { id: payload.id } }) : null,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; nothing was changed then.', resolve: (payload) => payload.userErrors }),
  }),
});

// --- Inputs -----------------------------------------------------------------------------

const UserCreateInput = builder.inputType('UserCreateInput', {
  description: 'A new account.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'E-mail address; the sign-in name, unique (stored lower-case).' }),
    displayName: t.string({ required: true, description: 'Name shown for this person.' }),
    password: t.string({ required: true, description: 'Initial password: at least 12 characters, not the e-mail address.' }),
    roles: t.field({ type: [RoleEnum], required: true, description: 'Roles, at least one.' }),
    organizationBin: t.string({
      required: false,
      description: 'BIN of the organization an ORGANIZATION_REPRESENTATIVE acts for; required for that role, forbidden otherwise.',
    }),
  }),
});

const UserUpdateRolesInput = builder.inputType('UserUpdateRolesInput', {
  description: 'The complete new set of roles of a user. Takes effect on the user’s next request, without a new token.',
  fields: (t) => ({
    userId: t.globalID({ required: true, for: UserRef, description: 'Global identifier of the user.' }),
    roles: t.field({ type: [RoleEnum], required: true, description: 'All roles the user will hold, at least one.' }),
    organizationBin: t.string({
      required: false,
      description: 'BIN of the organization, for an ORGANIZATION_REPRESENTATIVE (the current one is kept when omitted); forbidden otherwise.',
    }),
  }),
});

const UserIdInput = (name: string, description: string) =>
  builder.inputType(name, {
    description,
    fields: (t) => ({ userId: t.globalID({ required: true, for: UserRef, description: 'Global identifier of the user.' }) }),
  });

const UserDeactivateInput = UserIdInput('UserDeactivateInput', 'The user to deactivate.');
const UserReactivateInput = UserIdInput('UserReactivateInput', 'The user to reactivate.');

const ApiTokenCreateInput = builder.inputType('ApiTokenCreateInput', {
  description: 'A new API token of yours.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'What uses the token, e.g. "Ministry statistics import"; up to 100 characters.' }),
    scopes: t.field({ type: [ApiTokenScopeEnum], required: true, description: 'What the token may do, at least one scope.' }),
  }),
});

const ApiTokenRevokeInput = builder.inputType('ApiTokenRevokeInput', {
  description: 'The token to revoke.',
  fields: (t) => ({ apiTokenId: t.globalID({ required: true, for: ApiTokenRef, description: 'Global identifier of the token.' }) }),
});

const ConflictOfInterestDeclareInput = builder.inputType('ConflictOfInterestDeclareInput', {
  description: 'Your link to an organization.',
  fields: (t) => ({
    organizationBin: t.string({ required: true, description: 'BIN of the organization.' }),
    reason: t.string({ required: true, description: 'How you are linked to it (employment, family, recent consulting, ...).' }),
  }),
});

// --- Mutations --------------------------------------------------------------------------

builder.mutationFields((t) => ({
  signIn: t.field({
    type: SignInPayload,
    authScopes: publicAccess,
    description:
      'Signs in with e-mail and password and returns an access token. A wrong password and an unknown e-mail give the same INVALID_CREDENTIALS; too many attempts give RATE_LIMITED.',
    args: { input: t.arg({ type: SignInInput, required: true, description: 'The credentials.' }) },
    resolve: async (_root, { input }, ctx) => {
      const auth = requestAuth(ctx);
      const { service } = auth;
      const email = normaliseEmail(input.email);
      const key = `${email}\u0000${auth.clientIp}`;
      // Every attempt on an address counts, so parallel guesses are bounded too; per client
      // IP only failures count, so that many people behind one NAT can still sign in.
      const withinAddressLimit = service.signInLimiter.take(key, ctx.now);
      if (!withinAddressLimit || service.signInLimiterPerIp.exhausted(auth.clientIp, ctx.now)) {
        const minutes = Math.ceil(service.settings.signInLimit.windowMs / 60_000);
        return signInFailure(userError(null, 'RATE_LIMITED', `Too many sign-in attempts; wait up to ${minutes} minutes and try again.`));
      }
      const user = await ctx.prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, isActive: true } });
      // An unknown address is checked against a dummy hash, so it takes as long as a wrong password.
      const valid = await verifyPassword(user?.passwordHash ?? (await service.dummyPasswordHash()), input.password);
      if (!user || !valid || !user.isActive) {
        service.signInLimiterPerIp.take(auth.clientIp, ctx.now);
        return signInFailure(userError(null, 'INVALID_CREDENTIALS', 'The e-mail address or password is wrong, or the account is deactivated.'));
      }
      service.signInLimiter.reset(key);
      const { jwtSecret, accessTokenTtlSeconds } = service.settings;
      const access = await issueAccessToken(user.id, ctx.now, jwtSecret, accessTokenTtlSeconds);
      auth.signedInUserId = user.id;
      return { accessToken: access.token, expiresAt: access.expiresAt, userId: user.id, userErrors: [] };
    },
  }),

  apiTokenCreate: t.field({
    type: ApiTokenCreatePayload,
    authScopes: sessionOnly,
    description: 'Creates an API token that acts as you, limited to its scopes. Needs a signed-in session (not an API token).',
    args: { input: t.arg({ type: ApiTokenCreateInput, required: true, description: 'Name and scopes of the token.' }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = signedInViewer(ctx.viewer);
      const { result, userErrors } = await inTransaction(ctx, (tx) =>
        createApiToken(tx, viewer.userId, input, { actor: actorOf(viewer), now: ctx.now }),
      );
      return { id: result?.apiToken.id ?? null, token: result?.token ?? null, userErrors };
    },
  }),

  apiTokenRevoke: t.field({
    type: ApiTokenRevokePayload,
    authScopes: sessionOnly,
    description: 'Revokes one of your API tokens (an ADMIN may revoke anyone’s); it stops working at once.',
    args: { input: t.arg({ type: ApiTokenRevokeInput, required: true, description: 'The token.' }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = signedInViewer(ctx.viewer);
      const { result, userErrors } = await inTransaction(ctx, (tx) =>
        revokeApiToken(tx, viewer, input.apiTokenId.id, { actor: actorOf(viewer), now: ctx.now }),
      );
      return { id: result?.id ?? null, userErrors };
    },
  }),

  userCreate: t.field({
    type: UserCreatePayload,
    authScopes: adminSession,
    description: 'Creates an account. ADMIN only.',
    args: { input: t.arg({ type: UserCreateInput, required: true, description: 'The account.' }) },
    resolve: async (_root, { input }, ctx) => {
      const hashing = requestAuth(ctx).service.settings.passwordHashing;
      const { result, userErrors } = await inTransaction(ctx, (tx) =>
        createUser(tx, input, { actor: actorOf(ctx.viewer), now: ctx.now, hashing }),
      );
      return { id: result?.id ?? null, userErrors };
    },
  }),

  userUpdateRoles: t.field({
    type: UserUpdateRolesPayload,
    authScopes: adminSession,
    description: 'Replaces the roles of a user; applies to their very next request. ADMIN only.',
    args: { input: t.arg({ type: UserUpdateRolesInput, required: true, description: 'The user and their new roles.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await inTransaction(ctx, (tx) =>
        updateUserRoles(
          tx,
          { userId: input.userId.id, roles: input.roles, organizationBin: input.organizationBin },
          { actor: actorOf(ctx.viewer), now: ctx.now },
        ),
      );
      return { id: result?.id ?? null, userErrors };
    },
  }),

  userDeactivate: t.field({
    type: UserDeactivatePayload,
    authScopes: adminSession,
    description: 'Deactivates an account: the person cannot sign in, and their access and API tokens stop working at once. ADMIN only.',
    args: { input: t.arg({ type: UserDeactivateInput, required: true, description: 'The user.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await inTransaction(ctx, (tx) =>
        setUserActive(tx, input.userId.id, false, { actor: actorOf(ctx.viewer), now: ctx.now }),
      );
      return { id: result?.id ?? null, userErrors };
    },
  }),

  userReactivate: t.field({
    type: UserReactivatePayload,
    authScopes: adminSession,
    description: 'Reactivates a deactivated account; its API tokens that were not revoked work again. ADMIN only.',
    args: { input: t.arg({ type: UserReactivateInput, required: true, description: 'The user.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { result, userErrors } = await inTransaction(ctx, (tx) =>
        setUserActive(tx, input.userId.id, true, { actor: actorOf(ctx.viewer), now: ctx.now }),
      );
      return { id: result?.id ?? null, userErrors };
    },
  }),

  conflictOfInterestDeclare: t.field({
    type: ConflictOfInterestDeclarePayload,
    authScopes: sessionOnly,
    description: 'Declares your link to an organization: you will take no part in its cases (teams, Council votes).',
    args: { input: t.arg({ type: ConflictOfInterestDeclareInput, required: true, description: 'The organization and the link.' }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = signedInViewer(ctx.viewer);
      const { result, userErrors } = await inTransaction(ctx, (tx) =>
        declareConflictOfInterest(tx, viewer.userId, input, { actor: actorOf(viewer), now: ctx.now }),
      );
      return { id: result?.id ?? null, userErrors };
    },
  }),
}));
