// Assembles the GraphQL schema from the domain areas. Each import adds its types.
import { isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.ts';
import './shared-types.ts';
import './user-errors.ts';
import '../regions/schema.ts';
import '../standards/schema.ts';
import '../organizations/schema.ts';
import '../decisions/schema.ts';
import '../reports/schema.ts';
import '../documents/schema.ts';
import '../statistics/schema.ts';
import '../notifications/schema.ts';
import '../cases/schema.ts';
import '../council/schema.ts';
import '../cases/interim-report.ts';
import '../experts/schema.ts';
import '../experts/team-formation-schema.ts';
import '../feedback/schema.ts';
import '../support/schema.ts';
import '../auth/schema.ts';
import '../audit/schema.ts';
import '../notifications/webhook-schema.ts';

export const schema: GraphQLSchema = builder.toSchema({ sortSchema: false });

// Pothos's Prisma connections add `totalCount` without a way to describe it.
for (const type of Object.values(schema.getTypeMap())) {
  if (isObjectType(type) && type.name.endsWith('Connection')) {
    const totalCount = type.getFields().totalCount;
    if (totalCount && !totalCount.description) totalCount.description = 'Number of items over all pages with the same filter.';
  }
}

/** The SDL committed as schema.graphql: the ministry's integration contract. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
