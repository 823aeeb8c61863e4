// Imports the ministry's organizations CSV (docs/organizations-csv.md): every row is
// validated first, and only a file without a single invalid row is written, in one
// transaction that creates new BINs and updates known ones, and appends ONE audit event
// for the whole import (action "organizations.import"): the file's sha256, the BINs
// created, for each BIN updated the fields changed, before and after, and the predecessor
// links set or cleared. One event per import rather than per row keeps an 8,600-row import
// to a handful of statements.
import { createHash } from 'node:crypto';
import { appendAuditEvent, type AuditActor } from '../audit/trail.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { chunks } from '../shared/chunks.ts';
import { validateOrganizationsCsv, type ImportRowError, type OrganizationRow } from './import-rules.ts';

export type { ImportRowError, ImportRule } from './import-rules.ts';

export interface ImportOptions {
  /** Validate and count what would change, but write nothing. */
  dryRun?: boolean;
  /** Upper bound for the whole transaction, in milliseconds (default 5 minutes). */
  timeoutMs?: number;
  /** Who the audit trail names (default: the import:organizations command). */
  actor?: AuditActor;
  /** When the import happened, for the audit trail (default: now). */
  now?: Date;
}

/** The actor of an import run from the command line. */
export const importCommandActor: AuditActor = { id: null, label: 'import:organizations (command line)' };

export type ImportResult =
  | {
      ok: true;
      /** Organizations whose BIN was not in the database. */
      created: number;
      /** Known organizations with at least one field (or their predecessor) changed. */
      updated: number;
      /** Known organizations already exactly as in the file (not written). */
      unchanged: number;
      /** Data rows in the file (created + updated + unchanged). */
      rows: number;
      /** Rows whose predecessor link is set, changed or cleared (0 without a predecessor_bin column). */
      predecessorLinks: number;
    }
  | { ok: false; errors: ImportRowError[] };

// Well below PostgreSQL's 65,535 bind parameters per statement (about 16 per created row).
const CREATE_BATCH = 2_000;
const LOOKUP_BATCH = 10_000;

const existingSelect = {
  id: true,
  bin: true,
  binIsPlaceholder: true,
  nameKk: true,
  nameRu: true,
  nameEn: true,
  kind: true,
  level: true,
  programmeType: true,
  regionId: true,
  city: true,
  address: true,
  website: true,
  languages: true,
  predecessor: { select: { bin: true } },
} as const satisfies Prisma.OrganizationSelect;

/** What the file sets on an organization: every column it has, and the placeholder mark cleared. */
type OrganizationData = Omit<OrganizationRow, 'row' | 'regionCode' | 'predecessorBin'> & { regionId: string; binIsPlaceholder: false };
type ExistingOrganization = Prisma.OrganizationGetPayload<{ select: typeof existingSelect }>;

function organizationData(row: OrganizationRow, regionId: string): OrganizationData {
  return {
    bin: row.bin,
    binIsPlaceholder: false,
    nameKk: row.nameKk,
    nameRu: row.nameRu,
    nameEn: row.nameEn,
    kind: row.kind,
    level: row.level,
    programmeType: row.programmeType,
    regionId,
    city: row.city,
    address: row.address,
    website: row.website,
    languages: row.languages,
  };
}

interface Update {
  id: string;
  data: OrganizationData;
  /** The fields that change, with their values before and after. */
  before: Partial<OrganizationData>;
  after: Partial<OrganizationData>;
}

// Unchanged rows are not written, so updated_at keeps meaning "the data last changed".
function changes(current: ExistingOrganization, next: OrganizationData): Pick<Update, 'before' | 'after'> {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof OrganizationData)[]) {
    if (key === 'bin') continue;
    const was = current[key];
    const now = next[key];
    if (Array.isArray(was) && Array.isArray(now) ? was.join('|') !== now.join('|') : was !== now) {
      before[key] = was;
      after[key] = now;
    }
  }
  return { before: before as Partial<OrganizationData>, after: after as Partial<OrganizationData> };
}

// One statement for all updates: one UPDATE per row costs about 2 ms on PGlite (17 s for
// 8,600 rows). The column list mirrors organizationData(); import.test.ts checks that a
// re-import changes every field.
async function updateAll(tx: Prisma.TransactionClient, updates: readonly Update[]): Promise<void> {
  if (updates.length === 0) return;
  const values = (key: Exclude<keyof OrganizationData, 'languages' | 'binIsPlaceholder'>) => updates.map((update) => update.data[key]);
  const languages = updates.map((update) => `{${update.data.languages.join(',')}}`);
  await tx.$executeRaw`
    UPDATE "organization" AS o SET
      "bin_is_placeholder" = false,
      "name_kk" = v.name_kk,
      "name_ru" = v.name_ru,
      "name_en" = v.name_en,
      "kind" = v.kind::"organization_kind",
      "level" = v.level::"education_level",
      "programme_type" = v.programme_type::"programme_type",
      "region_id" = v.region_id,
      "city" = v.city,
      "address" = v.address,
      "website" = v.website,
      "languages" = v.languages::"language"[],
      "updated_at" = CURRENT_TIMESTAMP
    FROM unnest(
      ${updates.map((update) => update.id)}::text[],
      ${values('nameKk')}::text[],
      ${values('nameRu')}::text[],
      ${values('nameEn')}::text[],
      ${values('kind')}::text[],
      ${values('level')}::text[],
      ${values('programmeType')}::text[],
      ${values('regionId')}::text[],
      ${values('city')}::text[],
      ${values('address')}::text[],
      ${values('website')}::text[],
      ${languages}::text[]
    ) AS v(id, name_kk, name_ru, name_en, kind, level, programme_type, region_id, city, address, website, languages)
    WHERE o.id = v.id`;
}

/** A predecessor link the file sets, changes or clears. */
interface LinkChange {
  bin: string;
  before: string | null;
  after: string | null;
}

type LinkPlan = { ok: true; changes: LinkChange[] } | { ok: false; errors: ImportRowError[] };

/**
 * Checks the file's predecessor_bin values against the database as it will be after the
 * import: each predecessor is in the file or already registered, and following
 * predecessors never comes back to where it started (the file's links replace the stored
 * ones of its rows; the others are read from the database).
 */
async function planLinks(
  tx: Prisma.TransactionClient,
  rows: readonly OrganizationRow[],
  existing: ReadonlyMap<string, ExistingOrganization>,
): Promise<LinkPlan> {
  const fileRows = new Map(rows.map((row) => [row.bin, row]));
  const outside = [...new Set(rows.flatMap((row) => (row.predecessorBin && !fileRows.has(row.predecessorBin) ? [row.predecessorBin] : [])))];
  // The registered predecessors and their own chains of predecessors, in one statement.
  // UNION (not UNION ALL) ends the walk even if the stored links already had a cycle.
  const stored = new Map<string, string | null>();
  if (outside.length > 0) {
    const chain = await tx.$queryRaw<{ bin: string; predecessor_bin: string | null }[]>`
      WITH RECURSIVE chain(id, bin, predecessor_id) AS (
        SELECT id, bin, predecessor_id FROM "organization" WHERE bin = ANY(${outside}::text[])
        UNION
        SELECT o.id, o.bin, o.predecessor_id FROM "organization" AS o JOIN chain AS c ON o.id = c.predecessor_id
      )
      SELECT c.bin, p.bin AS predecessor_bin FROM chain AS c LEFT JOIN "organization" AS p ON p.id = c.predecessor_id`;
    for (const link of chain) stored.set(link.bin, link.predecessor_bin);
  }

  const errors: ImportRowError[] = [];
  for (const row of rows) {
    if (row.predecessorBin && !fileRows.has(row.predecessorBin) && !stored.has(row.predecessorBin)) {
      errors.push({
        row: row.row,
        column: 'predecessor_bin',
        rule: 'UNKNOWN_PREDECESSOR',
        message: `predecessor_bin "${row.predecessorBin}" is neither in the register nor in this file: import the predecessor first, or in the same file`,
      });
    }
  }

  const next = (bin: string): string | null => {
    const row = fileRows.get(bin);
    return row ? row.predecessorBin : (stored.get(bin) ?? null);
  };
  // Each organization has at most one predecessor, so a walk from any row either ends or
  // runs into a cycle; `done` keeps the whole check linear in the number of rows.
  const done = new Set<string>();
  for (const row of rows) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    for (let bin: string | null = row.bin; bin !== null && !done.has(bin); bin = next(bin)) {
      const start = onPath.get(bin);
      if (start !== undefined) {
        const cycle = path.slice(start);
        const shown = [...cycle, bin].join(' → ');
        for (const member of cycle) {
          const memberRow = fileRows.get(member);
          if (!memberRow) continue;
          errors.push({
            row: memberRow.row,
            column: 'predecessor_bin',
            rule: 'PREDECESSOR_CYCLE',
            message: `predecessor_bin "${memberRow.predecessorBin ?? ''}" makes a cycle of reorganisations (${shown}): an organization cannot be reorganised from itself, even through others`,
          });
        }
        break;
      }
      onPath.set(bin, path.length);
      path.push(bin);
    }
    for (const bin of path) done.add(bin);
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };

  const changes: LinkChange[] = [];
  for (const row of rows) {
    const before = existing.get(row.bin)?.predecessor?.bin ?? null;
    if (before !== row.predecessorBin) changes.push({ bin: row.bin, before, after: row.predecessorBin });
  }
  return { ok: true, changes };
}

// One statement for every link, after the rows are created, so a predecessor may be a row
// of the same file. An empty predecessor BIN joins nothing and clears the link.
async function linkAll(tx: Prisma.TransactionClient, changes: readonly LinkChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.$executeRaw`
    UPDATE "organization" AS o SET "predecessor_id" = p.id, "updated_at" = CURRENT_TIMESTAMP
    FROM unnest(${changes.map((change) => change.bin)}::text[], ${changes.map((change) => change.after)}::text[]) AS v(bin, predecessor_bin)
    LEFT JOIN "organization" AS p ON p.bin = v.predecessor_bin
    WHERE o.bin = v.bin`;
}

function databaseMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Prisma messages start with the call site; the last line says what the database refused.
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const code = typeof error === 'object' && error !== null && 'code' in error ? ` [${String(error.code)}]` : '';
  return `the database refused the import and nothing was written${code}: ${lines.at(-1) ?? 'unknown error'}`;
}

export async function importOrganizations(
  prisma: PrismaClient,
  input: Buffer | string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const regions = await prisma.region.findMany({ select: { id: true, code: true } });
  if (regions.length === 0) {
    return {
      ok: false,
      errors: [
        {
          row: 0,
          column: 'region_code',
          rule: 'NO_REGIONS',
          message: 'the database has no regions to check region_code against: load the reference data first (pnpm db:seed)',
        },
      ],
    };
  }
  const regionIds = new Map(regions.map((region) => [region.code, region.id]));
  const validation = validateOrganizationsCsv(input, new Set(regionIds.keys()));
  if (!validation.ok) return validation;
  const rows = validation.rows;

  try {
    return await prisma.$transaction(
      async (tx) => {
        const existing = new Map<string, ExistingOrganization>();
        for (const bins of chunks(rows.map((row) => row.bin), LOOKUP_BATCH)) {
          const found = await tx.organization.findMany({ where: { bin: { in: bins } }, select: existingSelect });
          for (const organization of found) existing.set(organization.bin, organization);
        }

        const creates: OrganizationData[] = [];
        const updates: Update[] = [];
        for (const row of rows) {
          // validateOrganizationsCsv only accepts codes taken from regionIds.
          const data = organizationData(row, regionIds.get(row.regionCode) ?? '');
          const current = existing.get(row.bin);
          if (!current) creates.push(data);
          else {
            const changed = changes(current, data);
            if (Object.keys(changed.after).length > 0) updates.push({ id: current.id, data, ...changed });
          }
        }

        // Without the column the file says nothing about predecessors: stored links stay.
        let links: LinkChange[] = [];
        if (validation.hasPredecessorColumn) {
          const plan = await planLinks(tx, rows, existing);
          // Nothing has been written yet: the transaction ends with nothing to commit.
          if (!plan.ok) return plan;
          links = plan.changes;
        }
        const updatedBins = new Set(updates.map((update) => update.data.bin));
        for (const link of links) if (existing.has(link.bin)) updatedBins.add(link.bin);

        if (!options.dryRun) {
          for (const batch of chunks(creates, CREATE_BATCH)) {
            await tx.organization.createMany({ data: batch satisfies Prisma.OrganizationCreateManyInput[] });
          }
          await updateAll(tx, updates);
          await linkAll(tx, links);
          if (creates.length || updates.length || links.length) {
            await appendAuditEvent(
              tx,
              {
                actor: options.actor ?? importCommandActor,
                action: 'organizations.import',
                subjectType: 'OrganizationImport',
                subjectId: createHash('sha256').update(input).digest('hex'),
                before: {
                  updated: Object.fromEntries(updates.map((u) => [u.data.bin, u.before])),
                  predecessors: Object.fromEntries(links.map((link) => [link.bin, link.before])),
                },
                after: {
                  rows: rows.length,
                  created: creates.map((c) => c.bin),
                  updated: Object.fromEntries(updates.map((u) => [u.data.bin, u.after])),
                  predecessors: Object.fromEntries(links.map((link) => [link.bin, link.after])),
                },
              },
              options.now ?? new Date(),
            );
          }
        }
        return {
          ok: true as const,
          created: creates.length,
          updated: updatedBins.size,
          unchanged: rows.length - creates.length - updatedBins.size,
          rows: rows.length,
          predecessorLinks: links.length,
        };
      },
      { timeout: options.timeoutMs ?? 300_000, maxWait: 60_000 },
    );
  } catch (error) {
    // The transaction is rolled back by now: report the refusal like any other problem.
    return { ok: false, errors: [{ row: 0, column: '', rule: 'DATABASE', message: databaseMessage(error) }] };
  }
}
