import { Prisma } from '../generated/prisma/client.ts';
import { ReportKind } from '../generated/prisma/enums.ts';
import { assertPageSize, builder, connectionTypeOptions, publicAccess } from '../graphql/builder.ts';
import { describedEnum, LanguageEnum } from '../graphql/shared-types.ts';
import { canViewCase } from '../cases/access.ts';

export const ReportKindEnum = describedEnum('ReportKind', ReportKind, 'Which report of the procedure this is.', {
  SELF_ASSESSMENT: 'The organization’s self-assessment report (stage 2).',
  PRELIMINARY: 'The preliminary assessment report (stage 3).',
  EXTERNAL_FINAL: 'The expert team’s final external assessment report (stage 4), the basis of the Council’s decision.',
  INTERIM: 'The organization’s interim self-assessment report, three years after the decision (stage 5).',
});

export const publishedReportsOnly = { publishedAt: { not: null } } satisfies Prisma.ReportWhereInput;

export const ReportSectionRef = builder.prismaObject('ReportSection', {
  description: 'The part of a report about one standard: what was found, strengths and recommendations.',
  authScopes: publicAccess,
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Order of the section within the report, from 1.' }),
    standard: t.relation('standard', { description: 'The standard this section assesses.' }),
    findings: t.exposeString('findings', { description: 'What the assessment found against the standard.' }),
    strengths: t.exposeString('strengths', { nullable: true, description: 'Strengths noted, if any.' }),
    recommendations: t.exposeString('recommendations', { nullable: true, description: 'Recommendations, if any.' }),
  }),
});

export const ReportRef = builder.prismaNode('Report', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description:
    'A report of an accreditation case, in one language. Each language version is its own report; `translations` links them.',
  id: { field: 'id' },
  // Published reports are public; a draft is seen by the case's participants only.
  authScopes: async (report, ctx) =>
    report.publishedAt !== null || (ctx.viewer.kind === 'user' && (await canViewCase(ctx.prisma, ctx.viewer, report.caseId))),
  findUnique: (id) => ({ id, ...publishedReportsOnly }),
  fields: (t) => ({
    kind: t.expose('kind', { type: ReportKindEnum, description: 'Which report of the procedure this is.' }),
    language: t.expose('language', { type: LanguageEnum, description: 'The language the report is written in.' }),
    title: t.exposeString('title', { description: 'Title, in the report’s language.' }),
    summary: t.exposeString('summary', { nullable: true, description: 'Summary, in the report’s language.' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true, description: 'When the report was published.' }),
    isDemo: t.exposeBoolean('isDemo', {
      description: 'True for demonstration data shipped with the software, not a real report.',
    }),
    organization: t.relation('organization', { description: 'The organization assessed.' }),
    caseNumber: t.string({
      description: 'Number of the accreditation case.',
      select: { case: { select: { number: true } } },
      resolve: (report) => report.case.number,
    }),
    frameworkVersion: t.int({
      description: 'Version of the standards the case was judged against.',
      select: { case: { select: { framework: { select: { version: true } } } } },
      resolve: (report) => report.case.framework.version,
    }),
    sections: t.relation('sections', {
      description: 'One section per standard, in order.',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

builder.prismaObjectField(ReportRef, 'translations', (t) =>
  t.field({
    type: [ReportRef],
    description: 'The same report in the other languages it is published in.',
    select: (_args, _ctx, nestedSelection) => ({
      kind: true,
      language: true,
      case: { select: { reports: nestedSelection({ where: publishedReportsOnly, orderBy: { language: 'asc' } }) } },
    }),
    resolve: (report) =>
      report.case.reports.filter((other) => other.kind === report.kind && other.language !== report.language),
  }),
);

const ReportFilter = builder.inputType('ReportFilter', {
  description: 'Narrows the list of reports. All given conditions must hold.',
  fields: (t) => ({
    organizationBin: t.string({ required: false, description: 'Only reports about the organization with this BIN.' }),
    kind: t.field({ type: ReportKindEnum, required: false, description: 'Only this kind of report.' }),
    language: t.field({ type: LanguageEnum, required: false, description: 'Only reports written in this language.' }),
  }),
});

builder.queryFields((t) => ({
  reports: t.prismaConnection({
    type: ReportRef,
    cursor: 'id',
    description: 'Published reports, most recently published first.',
    args: { filter: t.arg({ type: ReportFilter, required: false, description: 'Conditions the reports must meet.' }) },
    totalCount: (_parent, args, ctx) => {
      assertPageSize(args);
      return ctx.prisma.report.count({ where: reportWhere(args.filter) });
    },
    resolve: (query, _root, args, ctx) => {
      assertPageSize(args);
      return ctx.prisma.report.findMany({
        ...query,
        where: reportWhere(args.filter),
        orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      });
    },
  }, ...connectionTypeOptions('published reports')),
  report: t.prismaField({
    type: ReportRef,
    nullable: true,
    description: 'A published report by its global identifier; null when there is none or it is not published.',
    args: { id: t.arg.globalID({ required: true, for: ReportRef, description: 'Global identifier of the report.' }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.prisma.report.findFirst({ ...query, where: { id: id.id, ...publishedReportsOnly } }),
  }),
}));

type ReportFilterInput = typeof ReportFilter.$inferInput;

function reportWhere(filter: ReportFilterInput | null | undefined): Prisma.ReportWhereInput {
  const conditions: Prisma.ReportWhereInput[] = [publishedReportsOnly];
  if (filter?.organizationBin) conditions.push({ organization: { bin: filter.organizationBin } });
  if (filter?.kind) conditions.push({ kind: filter.kind });
  if (filter?.language) conditions.push({ language: filter.language });
  return { AND: conditions };
}
