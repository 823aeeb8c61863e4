// The rule of accreditation-status.ts in SQL, for filtering and counting the whole
// register in the database. Keep the two in step: accreditation-status-sql.test.ts
// compares them on every case of the rule.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { AccreditationStatus } from './accreditation-status.ts';
import { openCaseStages } from './accreditation-status.ts';

function standingsQuery(today: string, organizationIds?: readonly string[]): Prisma.Sql {
  const only = organizationIds ? Prisma.sql`WHERE o.id = ANY(${organizationIds as string[]}::text[])` : Prisma.empty;
  return Prisma.sql`
    WITH published AS (
      SELECT d.* FROM "decision" d
      WHERE d.published_at IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM "decision" c WHERE c.supersedes_id = d.id AND c.published_at IS NOT NULL
        )
    ), latest AS (
      SELECT DISTINCT ON (organization_id) organization_id, outcome, valid_until
      FROM published
      ORDER BY organization_id, decision_date DESC, published_at DESC
    ), open_case AS (
      SELECT DISTINCT k.organization_id FROM "accreditation_case" k
      WHERE k.stage::text = ANY(${openCaseStages as string[]}::text[])
        AND NOT EXISTS (SELECT 1 FROM "decision" d WHERE d.case_id = k.id AND d.published_at IS NOT NULL)
    )
    SELECT o.id,
      CASE
        WHEN l.outcome = 'ACCREDITED' AND l.valid_until >= ${today}::date THEN 'ACCREDITED'
        WHEN oc.organization_id IS NOT NULL THEN 'IN_PROGRESS'
        WHEN l.outcome = 'ACCREDITED' THEN 'EXPIRED'
        WHEN l.outcome = 'REFUSED' THEN 'REFUSED'
        ELSE 'NOT_ACCREDITED'
      END AS status
    FROM "organization" o
    LEFT JOIN latest l ON l.organization_id = o.id
    LEFT JOIN open_case oc ON oc.organization_id = o.id
    ${only}`;
}

/** Status of every organization (or of the given ones) on `today`, in one statement. */
export async function statusesByOrganization(
  prisma: PrismaClient,
  today: string,
  organizationIds?: readonly string[],
): Promise<Map<string, AccreditationStatus>> {
  const rows = await prisma.$queryRaw<{ id: string; status: AccreditationStatus }[]>(
    standingsQuery(today, organizationIds),
  );
  return new Map(rows.map((row) => [row.id, row.status]));
}

/** Ids of the organizations whose status on `today` is one of `statuses`. */
export async function organizationIdsWithStatus(
  prisma: PrismaClient,
  today: string,
  statuses: readonly AccreditationStatus[],
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id FROM (${standingsQuery(today)}) s WHERE s.status = ANY(${statuses as string[]}::text[])`,
  );
  return rows.map((row) => row.id);
}
