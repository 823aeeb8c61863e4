import { FrameworkStatus } from '../generated/prisma/enums.ts';
import { builder, publicAccess } from '../graphql/builder.ts';
import { describedEnum, LocalizedTextRef } from '../graphql/shared-types.ts';
import { localized } from '../shared/localized.ts';

export const FrameworkStatusEnum = describedEnum(
  'FrameworkStatus',
  FrameworkStatus,
  'Where a version of the standards is in its life.',
  {
    DRAFT: 'Being written or consulted on; no case uses it yet.',
    ACTIVE: 'In force: new cases are judged against it.',
    RETIRED: 'No longer used for new cases; cases started under it keep it.',
  },
);

export const CriterionRef = builder.prismaObject('Criterion', {
  description: 'A measurable criterion of a standard.',
  authScopes: publicAccess,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the criterion within the framework, e.g. "A.1".' }),
    position: t.exposeInt('position', { description: 'Order of the criterion within its standard, from 1.' }),
    text: t.field({
      type: LocalizedTextRef,
      description: 'What the criterion requires and what shows it is met.',
      select: { textKk: true, textRu: true, textEn: true },
      resolve: (criterion) => localized(criterion, 'text'),
    }),
  }),
});

export const StandardRef = builder.prismaObject('Standard', {
  description: 'An accreditation standard: one area the organization is judged on, with its criteria.',
  authScopes: publicAccess,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Code of the standard within the framework, e.g. "A".' }),
    position: t.exposeInt('position', { description: 'Order of the standard within the framework, from 1.' }),
    title: t.field({
      type: LocalizedTextRef,
      description: 'Title of the standard.',
      select: { titleKk: true, titleRu: true, titleEn: true },
      resolve: (standard) => localized(standard, 'title'),
    }),
    description: t.field({
      type: LocalizedTextRef,
      description: 'What the standard covers.',
      select: { descriptionKk: true, descriptionRu: true, descriptionEn: true },
      resolve: (standard) => localized(standard, 'description'),
    }),
    criteria: t.relation('criteria', {
      description: 'The criteria of this standard, in order.',
      query: { orderBy: { position: 'asc' } },
    }),
  }),
});

export const StandardFrameworkRef = builder.prismaNode('StandardFramework', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description:
    'A version of the accreditation standards. Standards are revised over time; every case is judged against the version in force when it started.',
  id: { field: 'id' },
  authScopes: (framework) => (framework.status === 'DRAFT' ? { staff: true } : publicAccess),
  select: { status: true },
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Version number, from 1.' }),
    status: t.expose('status', { type: FrameworkStatusEnum, description: 'Draft, active or retired.' }),
    title: t.field({
      type: LocalizedTextRef,
      description: 'Title of this version of the standards.',
      select: { titleKk: true, titleRu: true, titleEn: true },
      resolve: (framework) => localized(framework, 'title'),
    }),
    summary: t.field({
      type: LocalizedTextRef,
      description: 'What this version is and what changed in it.',
      select: { summaryKk: true, summaryRu: true, summaryEn: true },
      resolve: (framework) => localized(framework, 'summary'),
    }),
    isSample: t.exposeBoolean('isSample', {
      description: 'True for a sample framework written for demonstration, not standards approved by the accreditation body.',
    }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'Date', nullable: true, description: 'First day it applies to new cases.' }),
    effectiveTo: t.expose('effectiveTo', { type: 'Date', nullable: true, description: 'Last day it applies to new cases; null while in force.' }),
    validityYears: t.exposeInt('validityYears', {
      description: 'How many years an accreditation decided under this version is valid by default.',
    }),
    standards: t.relation('standards', {
      description: 'The standards, in order.',
      query: { orderBy: { position: 'asc' } },
    }),
    criteriaCount: t.int({
      description: 'Number of criteria over all standards.',
      select: { standards: { select: { _count: { select: { criteria: true } } } } },
      resolve: (framework) => framework.standards.reduce((sum, standard) => sum + standard._count.criteria, 0),
    }),
  }),
});

builder.queryFields((t) => ({
  standardFrameworks: t.prismaField({
    type: [StandardFrameworkRef],
    description: 'Every published version of the standards (active and retired), newest first.',
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.standardFramework.findMany({ ...query, where: { status: { not: 'DRAFT' } }, orderBy: { version: 'desc' } }),
  }),
  standardFramework: t.prismaField({
    type: StandardFrameworkRef,
    nullable: true,
    description: 'One version of the standards; without `version`, the one in force. Null when there is none.',
    args: { version: t.arg.int({ required: false, description: 'Version number; omit for the active version.' }) },
    resolve: (query, _root, { version }, ctx) =>
      version === null || version === undefined
        ? ctx.prisma.standardFramework.findFirst({ ...query, where: { status: 'ACTIVE' }, orderBy: { version: 'desc' } })
        : ctx.prisma.standardFramework.findFirst({ ...query, where: { version, status: { not: 'DRAFT' } } }),
  }),
}));
