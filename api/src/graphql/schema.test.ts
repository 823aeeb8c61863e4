import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../config.ts';
import { printedSchema, schema } from './schema.ts';

const ownTypes = Object.values(schema.getTypeMap()).filter(
  (type) => !type.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name),
);

describe('the GraphQL schema', () => {
  it('matches the committed schema.graphql (run `pnpm schema:print` after changing the API)', () => {
    const committed = readFileSync(join(repositoryRoot, 'schema.graphql'), 'utf8');
    expect(committed).toBe(printedSchema());
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of ownTypes) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(ownTypes.some(isScalarType)).toBe(true);
  });

  it('puts every object type behind the auth layer (type-level scopes)', () => {
    const unguarded = ownTypes
      .filter(isObjectType)
      .filter((type) => {
        const options = type.extensions?.pothosOptions as { authScopes?: unknown } | undefined;
        return options?.authScopes === undefined;
      })
      .map((type) => type.name);
    expect(unguarded).toEqual([]);
  });
});
