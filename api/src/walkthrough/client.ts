// A minimal GraphQL client: what any integrator would write with fetch. It sends one
// operation, as one person (a bearer token) or as the public (no token), and turns every
// failure into a WalkthroughError that says which step failed and why.

export interface UserError {
  field: string[] | null;
  code: string;
  message: string;
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: unknown };
}

interface GraphQLResponseBody<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

/** A step that did not happen: a userError (a broken rule), a GraphQL error or an HTTP failure. */
export class WalkthroughError extends Error {
  constructor(
    readonly step: string,
    readonly actor: string,
    readonly reasons: string[],
  ) {
    super(`${step} (as ${actor}) failed: ${reasons.join('; ')}`);
    this.name = 'WalkthroughError';
  }
}

export class GraphQLClient {
  constructor(readonly graphqlUrl: string) {}

  /** Sends `document` and returns its data; throws WalkthroughError on any error. */
  async send<T>(
    context: { step: string; actor: string; token?: string | undefined },
    document: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (context.token) headers.authorization = `Bearer ${context.token}`;
    const response = await fetch(this.graphqlUrl, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
    const text = await response.text();
    let body: GraphQLResponseBody<T>;
    try {
      body = JSON.parse(text) as GraphQLResponseBody<T>;
    } catch {
      throw new WalkthroughError(context.step, context.actor, [`HTTP ${response.status}: ${text.slice(0, 200)}`]);
    }
    if (body.errors?.length) {
      const reasons = body.errors.map((e) => (typeof e.extensions?.code === 'string' ? `${e.extensions.code}: ${e.message}` : e.message));
      throw new WalkthroughError(context.step, context.actor, reasons);
    }
    if (!response.ok || !body.data) throw new WalkthroughError(context.step, context.actor, [`HTTP ${response.status} without data`]);
    return body.data;
  }
}

/** Stops at the first broken rule, naming the input field it concerns. */
export function assertNoUserErrors(step: string, actor: string, userErrors: readonly UserError[]): void {
  if (userErrors.length === 0) return;
  throw new WalkthroughError(
    step,
    actor,
    userErrors.map((e) => `${e.code}${e.field ? ` (${e.field.join('.')})` : ''}: ${e.message}`),
  );
}
