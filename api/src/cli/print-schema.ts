// `pnpm schema:print`: writes the SDL of the API to schema.graphql at the repository root.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../config.ts';
import { printedSchema } from '../graphql/schema.ts';

const target = join(repositoryRoot, 'schema.graphql');
writeFileSync(target, printedSchema());
console.log(`wrote ${target}`);
