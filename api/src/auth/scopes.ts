// What an API token may do. A token acts as its owner, limited further by these scopes;
// a session (signIn) is limited only by the user's roles.
import type { Viewer } from '../graphql/context.ts';

/** Every scope, with its meaning (the GraphQL enum ApiTokenScope is built from this). */
export const apiTokenScopes = {
  READ_REGISTER: 'Read the public register (organizations, decisions, reports, statistics) as an identified integrator.',
  READ_CASES: 'Read the accreditation cases the owner may see, with their documents.',
  WRITE_CASES: 'Take the steps of accreditation cases the owner’s roles allow.',
  MANAGE_WEBHOOKS: 'Register, change and remove the owner’s webhooks.',
} as const;

export type ApiTokenScope = keyof typeof apiTokenScopes;

export function isApiTokenScope(value: string): value is ApiTokenScope {
  return Object.hasOwn(apiTokenScopes, value);
}

/** Whether the viewer's credentials allow `scope`: always for a session, per token scopes for an API token. */
export function tokenAllows(viewer: Viewer, scope: ApiTokenScope): boolean {
  if (viewer.kind !== 'user') return false;
  return viewer.via === 'session' || (viewer.tokenScopes?.includes(scope) ?? false);
}

/** Signed in through signIn, not an API token: account and token management needs this. */
export function isSession(viewer: Viewer): boolean {
  return viewer.kind === 'user' && viewer.via === 'session';
}
