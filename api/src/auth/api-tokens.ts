// API tokens for integrations: named, scoped, shown once, stored as a sha256 hash,
// revocable. A token acts as its owner, limited by its scopes.
import { appendAuditEvent } from '../audit/trail.ts';
import type { ApiToken, Prisma } from '../generated/prisma/client.ts';
import { hasRole, type SignedInViewer } from '../graphql/context.ts';
import { BusinessRuleError, userError, type UserError } from '../graphql/user-errors.ts';
import type { ApiTokenScope } from './scopes.ts';
import { generateApiToken } from './tokens.ts';
import type { ChangeOptions } from './users.ts';

type Tx = Prisma.TransactionClient;

export const MAX_TOKEN_NAME_LENGTH = 100;
/** Active tokens one user may hold; more is a sign of tokens created and forgotten. */
export const MAX_ACTIVE_TOKENS_PER_USER = 50;

/** What the audit trail records of a token: never the token or its hash. */
function tokenSnapshot(token: ApiToken) {
  return { userId: token.userId, name: token.name, prefix: token.prefix, scopes: token.scopes, revokedAt: token.revokedAt };
}

export async function createApiToken(
  tx: Tx,
  userId: string,
  input: { name: string; scopes: readonly ApiTokenScope[] },
  options: ChangeOptions,
): Promise<{ apiToken: ApiToken; token: string }> {
  const name = input.name.trim();
  const scopes = [...new Set(input.scopes)];
  const problems: UserError[] = [];
  if (!name) problems.push(userError('name', 'REQUIRED', 'Name the token after the integration that uses it.'));
  else if (name.length > MAX_TOKEN_NAME_LENGTH) problems.push(userError('name', 'INVALID', `A token name has at most ${MAX_TOKEN_NAME_LENGTH} characters.`));
  if (scopes.length === 0) problems.push(userError('scopes', 'REQUIRED', 'Give the token at least one scope.'));
  if (problems.length) throw new BusinessRuleError(problems);
  const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS_PER_USER) {
    throw new BusinessRuleError(userError(null, 'INVALID', `You hold ${active} active tokens, the most allowed; revoke unused ones first.`));
  }
  const secret = generateApiToken();
  const apiToken = await tx.apiToken.create({
    data: { userId, name, scopes, prefix: secret.prefix, tokenHash: secret.tokenHash, createdAt: options.now },
  });
  await appendAuditEvent(
    tx,
    { actor: options.actor, action: 'apiToken.create', subjectType: 'ApiToken', subjectId: apiToken.id, after: tokenSnapshot(apiToken) },
    options.now,
  );
  return { apiToken, token: secret.token };
}

/** The owner, or an ADMIN (e.g. when an integrator leaves), revokes a token. Revoking twice changes nothing. */
export async function revokeApiToken(tx: Tx, viewer: SignedInViewer, apiTokenId: string, options: ChangeOptions): Promise<ApiToken> {
  const found = await tx.apiToken.findUnique({ where: { id: apiTokenId } });
  if (!found || (found.userId !== viewer.userId && !hasRole(viewer, 'ADMIN'))) {
    throw new BusinessRuleError(userError('apiTokenId', 'NOT_FOUND', 'You have no API token with this id.'));
  }
  if (found.revokedAt) return found;
  const revoked = await tx.apiToken.update({ where: { id: found.id }, data: { revokedAt: options.now } });
  await appendAuditEvent(
    tx,
    {
      actor: options.actor,
      action: 'apiToken.revoke',
      subjectType: 'ApiToken',
      subjectId: found.id,
      before: tokenSnapshot(found),
      after: tokenSnapshot(revoked),
    },
    options.now,
  );
  return revoked;
}
