// The experts' part of the GraphQL schema: types, queries and mutations. graphql/schema.ts
// imports this module; the team-formation module adds its own fields.
import './types.ts';
import './queries.ts';
import './mutations.ts';

export { CertifiedExpertRef, ExpertRef } from './types.ts';
