// No private field is reachable from the public schema. This tests the schema itself, not
// one query: from every root field the public may call, follow every field the public may
// resolve into every type the public may see, and collect what is reached. A type is public
// when its type-level authScopes are exactly { public: true }; a field is public when it has
// no field-level authScopes or exactly { public: true }. Anything else (a role, staff,
// signed-in, or a function deciding per object) stops the walk there.
import {
  GraphQLObjectType as ObjectType,
  GraphQLSchema,
  GraphQLString,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema as apiSchema } from '../graphql/schema.ts';

interface PothosExtensions {
  pothosOptions?: { authScopes?: unknown; skipTypeScopes?: boolean };
}

const isExactlyPublic = (scopes: unknown): boolean =>
  typeof scopes === 'object' && scopes !== null && Object.keys(scopes).length === 1 && (scopes as { public?: unknown }).public === true;

const typeScopes = (type: GraphQLNamedType) => (type.extensions as PothosExtensions | undefined)?.pothosOptions?.authScopes;
const fieldOptions = (field: GraphQLField<unknown, unknown>) => (field.extensions as PothosExtensions | undefined)?.pothosOptions;

/** Private by name: the IIN, contacts, password and token hashes, secrets. */
function looksPrivate(fieldName: string): boolean {
  const words = fieldName.split(/(?=[A-Z])|_/).map((word) => word.toLowerCase());
  return words.includes('iin') || /e-?mail|phone|contact|passwordhash|tokenhash|secret/i.test(fieldName);
}

/** Every "Type.field" the public can reach, with the shortest path to it. */
function publiclyReachable(schema: GraphQLSchema): Map<string, string> {
  const reached = new Map<string, string>();
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((root): root is GraphQLObjectType => !!root);
  const queue: { type: GraphQLNamedType; path: string; scopesSkipped: boolean }[] = roots.map((root) => ({ type: root, path: root.name, scopesSkipped: false }));
  const visited = new Set<string>();
  while (queue.length) {
    const { type, path, scopesSkipped } = queue.shift() as (typeof queue)[number];
    if (isInterfaceType(type) || isUnionType(type)) {
      // node(id:) and the like: every implementation is reachable, each behind its own scopes.
      for (const possible of schema.getPossibleTypes(type)) queue.push({ type: possible, path: `${path}<${possible.name}>`, scopesSkipped });
      continue;
    }
    if (!isObjectType(type)) continue;
    if (!scopesSkipped && !isExactlyPublic(typeScopes(type))) continue;
    if (visited.has(type.name)) continue;
    visited.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const options = fieldOptions(field);
      if (options?.authScopes !== undefined && !isExactlyPublic(options.authScopes)) continue;
      const key = `${type.name}.${field.name}`;
      if (!reached.has(key)) reached.set(key, `${path}.${field.name}`);
      queue.push({ type: getNamedType(field.type), path: `${path}.${field.name}`, scopesSkipped: options?.skipTypeScopes === true });
    }
  }
  return reached;
}

describe('the public schema', () => {
  const schema = apiSchema;
  const reached = publiclyReachable(schema);

  it('finds a private field a public type exposes (the walk can fail)', () => {
    const open = { pothosOptions: { authScopes: { public: true } } };
    const leaky = new ObjectType({ name: 'Leaky', extensions: open, fields: { name: { type: GraphQLString }, email: { type: GraphQLString } } });
    const guarded = new ObjectType({
      name: 'Guarded',
      extensions: { pothosOptions: { authScopes: { staff: true } } },
      fields: { iin: { type: GraphQLString } },
    });
    const query = new ObjectType({
      name: 'Query',
      extensions: open,
      fields: {
        leaky: { type: leaky },
        guarded: { type: guarded },
        hidden: { type: leaky, extensions: { pothosOptions: { authScopes: { role: 'ADMIN' } } } },
      },
    });
    const found = publiclyReachable(new GraphQLSchema({ query }));
    expect([...found.keys()].filter((key) => looksPrivate(key.split('.')[1] ?? ''))).toEqual(['Leaky.email']);
  });

  it('reaches the public register, including the register of certified experts (the walk is not vacuous)', () => {
    for (const key of ['Query.certifiedExperts', 'CertifiedExpert.certificateNumber', 'CertifiedExpert.name', 'LocalizedText.kk', 'Organization.bin', 'Query.node']) {
      expect(reached.has(key), key).toBe(true);
    }
    // The private fields exist in the schema, so the next test has something to find.
    const expert = schema.getType('Expert');
    expect(isObjectType(expert) && Object.keys(expert.getFields())).toEqual(expect.arrayContaining(['iin', 'iinMasked', 'email', 'phone']));
    expect(looksPrivate('iinMasked') && looksPrivate('email') && looksPrivate('passwordHash') && looksPrivate('contactPhone')).toBe(true);
    expect(looksPrivate('joining') || looksPrivate('bin') || looksPrivate('name')).toBe(false);
  });

  it('reaches no field named like an IIN, e-mail, phone, contact, password hash, token hash or secret', () => {
    const exposed = [...reached].filter(([key]) => looksPrivate(key.split('.')[1] ?? '')).map(([key, path]) => `${key} via ${path}`);
    expect(exposed).toEqual([]);
  });

  it('reaches no staff-only expert type: only CertifiedExpert and its specialisations', () => {
    const expertTypes = new Set([...reached.keys()].map((key) => key.split('.')[0] ?? '').filter((name) => /Expert|Mentorship|ProfessionalActivity/.test(name) && !/Connection(Edge)?$/.test(name)));
    expect([...expertTypes].sort()).toEqual(['CertifiedExpert', 'ExpertSpecialisations']);
  });

  it('shows exactly the name, certificate number, last valid day, specialisations and languages of a certified expert', () => {
    const certified = schema.getType('CertifiedExpert');
    const specialisations = schema.getType('ExpertSpecialisations');
    if (!isObjectType(certified) || !isObjectType(specialisations)) throw new Error('the public expert types are missing');
    expect(Object.keys(certified.getFields()).sort()).toEqual(['certificateNumber', 'languages', 'name', 'specialisations', 'validUntil']);
    expect(Object.keys(specialisations.getFields()).sort()).toEqual(['levels', 'subjectAreas']);
  });
});
