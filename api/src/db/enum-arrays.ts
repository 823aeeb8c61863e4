// Filters on enum-array columns (User.roles, Organization.languages) in SQL. Prisma's
// `has` filter binds a parameter of the enum-array type, which the PGlite driver cannot
// serialise ("malformed array literal"); comparing one text value cast to the enum with
// ANY() works on PGlite and PostgreSQL alike.
import { Prisma } from '../generated/prisma/client.ts';
import type { Language, Role } from '../generated/prisma/enums.ts';

type Queryable = Pick<Prisma.TransactionClient, '$queryRaw'>;

/** Active users holding `role`, optionally only among `amongIds` or of one organization. */
export async function activeUserIdsWithRole(
  tx: Queryable,
  role: Role,
  options: { amongIds?: readonly string[]; organizationId?: string } = {},
): Promise<string[]> {
  const among = options.amongIds ? Prisma.sql`AND id = ANY(${options.amongIds as string[]}::text[])` : Prisma.empty;
  const organization = options.organizationId ? Prisma.sql`AND organization_id = ${options.organizationId}` : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id FROM "app_user" WHERE is_active AND ${role}::text::"role" = ANY(roles) ${among} ${organization}`,
  );
  return rows.map((row) => row.id);
}

/** Organizations that teach in `language`. */
export async function organizationIdsTeaching(tx: Queryable, language: Language): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id FROM "organization" WHERE ${language}::text::"language" = ANY(languages)`,
  );
  return rows.map((row) => row.id);
}
