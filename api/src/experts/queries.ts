// Queries about experts: the public register of certified experts, the staff list, the
// viewer's own record, and the development views (hours, needs survey, development needs).
import { GraphQLError } from 'graphql';
import { Prisma } from '../generated/prisma/client.ts';
import type { EducationLevel, Language } from '../generated/prisma/enums.ts';
import { assertPageSize, builder, connectionTypeOptions, publicAccess } from '../graphql/builder.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { LanguageEnum } from '../graphql/shared-types.ts';
import { EducationLevelEnum } from '../organizations/schema.ts';
import { fromIsoDate } from '../shared/dates.ts';
import { mayReadExperts } from './access.ts';
import { developmentNeeds, expertsShortOfHours, needsSummary, yearlyHoursRequirement, yearProblem } from './development.ts';
import { normaliseSubjectArea } from './records.ts';
import {
  CertificationStatusEnum,
  CertifiedExpertRef,
  ExpertDevelopmentNeedsRef,
  ExpertHoursShortfallRef,
  ExpertNeedsSummaryRef,
  ExpertRef,
} from './types.ts';

type Queryable = Pick<Prisma.TransactionClient, '$queryRaw'>;

interface ArrayFilters {
  language?: Language | null;
  level?: EducationLevel | null;
  subjectArea?: string | null;
}

/**
 * Experts whose array columns contain the values asked for, in SQL: PGlite cannot bind
 * Prisma's `has` on enum arrays (see db/enum-arrays.ts). Null when nothing is asked.
 */
export async function expertIdsWith(db: Queryable, filters: ArrayFilters): Promise<string[] | null> {
  const conditions: Prisma.Sql[] = [];
  if (filters.language) conditions.push(Prisma.sql`${filters.language}::text::"language" = ANY(languages)`);
  if (filters.level) conditions.push(Prisma.sql`${filters.level}::text::"education_level" = ANY(levels)`);
  if (filters.subjectArea) conditions.push(Prisma.sql`${normaliseSubjectArea(filters.subjectArea)}::text = ANY(subject_areas)`);
  if (!conditions.length) return null;
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id FROM "expert" WHERE ${Prisma.join(conditions, ' AND ')}`);
  return rows.map((row) => row.id);
}

function searchConditions(search: string | null | undefined, extra: (word: string) => Prisma.ExpertWhereInput[] = () => []): Prisma.ExpertWhereInput[] {
  const words = search?.trim().split(/\s+/).filter(Boolean).slice(0, 8) ?? [];
  return words.map((word) => ({
    OR: [
      { nameKk: { contains: word, mode: 'insensitive' } },
      { nameRu: { contains: word, mode: 'insensitive' } },
      { nameEn: { contains: word, mode: 'insensitive' } },
      { certificateNumber: { startsWith: word, mode: 'insensitive' } },
      ...extra(word),
    ],
  }));
}

/** The public register's rule: certified, and the certificate valid today (Kazakhstan). */
export function onPublicRegisterWhere(today: string): Prisma.ExpertWhereInput {
  return { status: 'CERTIFIED', certificateValidUntil: { gte: fromIsoDate(today) } };
}

const CertifiedExpertFilter = builder.inputType('CertifiedExpertFilter', {
  description: 'Narrows the register of certified experts. All given conditions must hold.',
  fields: (t) => ({
    regionCode: t.string({ required: false, description: 'Two-digit code of the region the expert is based in, e.g. "71" for Astana.' }),
    language: t.field({ type: LanguageEnum, required: false, description: 'Only experts working in this language.' }),
    level: t.field({ type: EducationLevelEnum, required: false, description: 'Only experts who may assess this level.' }),
    subjectArea: t.string({ required: false, description: 'Only experts with this subject area code, e.g. "mathematics".' }),
    search: t.string({ required: false, description: 'Words in the name (any language) or the start of a certificate number. Case does not matter.' }),
  }),
});

const ExpertFilter = builder.inputType('ExpertFilter', {
  description: 'Narrows the list of experts (staff). All given conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: CertificationStatusEnum, required: false, description: 'Only experts with this certification status.' }),
    regionCode: t.string({ required: false, description: 'Two-digit region code.' }),
    language: t.field({ type: LanguageEnum, required: false, description: 'Only experts working in this language.' }),
    level: t.field({ type: EducationLevelEnum, required: false, description: 'Only experts who may assess this level.' }),
    subjectArea: t.string({ required: false, description: 'Only experts with this subject area code.' }),
    search: t.string({ required: false, description: 'Words in the name (any language) or e-mail address, or the start of a certificate number.' }),
  }),
});

async function certifiedExpertWhere(filter: typeof CertifiedExpertFilter.$inferInput | null | undefined, ctx: GraphQLContext): Promise<Prisma.ExpertWhereInput> {
  const conditions: Prisma.ExpertWhereInput[] = [onPublicRegisterWhere(ctx.today)];
  if (filter?.regionCode) conditions.push({ region: { code: filter.regionCode.trim() } });
  const ids = await expertIdsWith(ctx.prisma, filter ?? {});
  if (ids) conditions.push({ id: { in: ids } });
  conditions.push(...searchConditions(filter?.search));
  return { AND: conditions };
}

async function expertWhere(filter: typeof ExpertFilter.$inferInput | null | undefined, ctx: GraphQLContext): Promise<Prisma.ExpertWhereInput> {
  const conditions: Prisma.ExpertWhereInput[] = [];
  if (filter?.status) conditions.push({ status: filter.status });
  if (filter?.regionCode) conditions.push({ region: { code: filter.regionCode.trim() } });
  const ids = await expertIdsWith(ctx.prisma, filter ?? {});
  if (ids) conditions.push({ id: { in: ids } });
  conditions.push(...searchConditions(filter?.search, (word) => [{ email: { contains: word, mode: 'insensitive' } }]));
  return { AND: conditions };
}

const byName: Prisma.ExpertOrderByWithRelationInput[] = [{ nameKk: 'asc' }, { id: 'asc' }];

function checkedYear(year: number): number {
  const problem = yearProblem(year);
  if (problem) throw new GraphQLError(`Argument "year": ${problem}`, { extensions: { code: 'BAD_USER_INPUT', argument: 'year' } });
  return year;
}

const staffReader = (_root: unknown, _args: unknown, ctx: GraphQLContext) => mayReadExperts(ctx.viewer);
const staffReaderTypeScopes = (_parent: unknown, ctx: GraphQLContext) => mayReadExperts(ctx.viewer);

builder.queryFields((t) => ({
  certifiedExperts: t.prismaConnection(
    {
      type: CertifiedExpertRef,
      cursor: 'id',
      authScopes: publicAccess,
      description:
        'The public register of certified experts: certified, with a certificate valid today (Kazakhstan), by name in Kazakh. 1 to 100 per page (default 20).',
      args: { filter: t.arg({ type: CertifiedExpertFilter, required: false, description: 'Conditions the experts must meet.' }) },
      totalCount: async (_parent, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.expert.count({ where: await certifiedExpertWhere(args.filter, ctx) });
      },
      resolve: async (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.expert.findMany({ ...query, where: await certifiedExpertWhere(args.filter, ctx), orderBy: byName });
      },
    },
    ...connectionTypeOptions('certified experts'),
  ),

  experts: t.prismaConnection(
    {
      type: ExpertRef,
      cursor: 'id',
      authScopes: staffReader,
      description: 'Every expert record, whatever its status, by name in Kazakh (staff). 1 to 100 per page (default 20).',
      args: { filter: t.arg({ type: ExpertFilter, required: false, description: 'Conditions the experts must meet.' }) },
      totalCount: async (_parent, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.expert.count({ where: await expertWhere(args.filter, ctx) });
      },
      resolve: async (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.expert.findMany({ ...query, where: await expertWhere(args.filter, ctx), orderBy: byName });
      },
    },
    { description: 'A page of expert records, with the total count over all pages.', authScopes: staffReaderTypeScopes },
    { description: 'One expert record in a page, with its cursor.', authScopes: staffReaderTypeScopes },
  ),

  myExpertRecord: t.prismaField({
    type: ExpertRef,
    nullable: true,
    authScopes: { signedIn: true },
    description: 'Your own expert record, when your account is linked to one; otherwise null.',
    resolve: (query, _root, _args, ctx) => (ctx.viewer.kind === 'user' ? ctx.prisma.expert.findUnique({ ...query, where: { userId: ctx.viewer.userId } }) : null),
  }),

  expertsShortOfHours: t.field({
    type: [ExpertHoursShortfallRef],
    authScopes: staffReader,
    description: 'Certified experts with fewer hours of professional development in the year than required (KZA_EXPERT_YEARLY_HOURS), fewest first (staff).',
    args: { year: t.arg.int({ required: true, description: 'The calendar year.' }) },
    resolve: (_root, { year }, ctx) => expertsShortOfHours(ctx.prisma, checkedYear(year), yearlyHoursRequirement()),
  }),

  expertNeedsSummary: t.field({
    type: ExpertNeedsSummaryRef,
    authScopes: staffReader,
    description: 'The development-needs survey of a year, aggregated: how many experts named each topic; no names (staff).',
    args: { year: t.arg.int({ required: true, description: 'The year the needs are for.' }) },
    resolve: (_root, { year }, ctx) => needsSummary(ctx.prisma, checkedYear(year)),
  }),

  expertDevelopmentNeeds: t.field({
    type: ExpertDevelopmentNeedsRef,
    authScopes: staffReader,
    description:
      'Development needs of a year (staff): certified or suspended experts short of hours in the year or rated below 3 on average over the last 12 months, with the topics each asked for, and the year’s survey aggregated.',
    args: { year: t.arg.int({ required: true, description: 'The calendar year.' }) },
    resolve: async (_root, { year }, ctx) => {
      const requiredHours = yearlyHoursRequirement();
      checkedYear(year);
      return {
        year,
        requiredHours,
        experts: await developmentNeeds(ctx.prisma, year, requiredHours, ctx.today),
        survey: await needsSummary(ctx.prisma, year),
      };
    },
  }),
}));
