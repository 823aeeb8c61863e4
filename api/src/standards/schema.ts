import { GraphQLError } from 'graphql';
import type { Criterion, Standard } from '../generated/prisma/client.ts';
import { FrameworkStatus } from '../generated/prisma/enums.ts';
import { builder, publicAccess } from '../graphql/builder.ts';
import { isStaff } from '../graphql/context.ts';
import { describedEnum, LocalizedTextRef } from '../graphql/shared-types.ts';
import { localized } from '../shared/localized.ts';
import {
  compareFrameworks,
  criterionFields,
  standardFields,
  type CriterionDiff,
  type CriterionField,
  type FrameworkComparison,
  type StandardDiff,
  type StandardField,
} from './compare.ts';

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
    key: t.exposeString('key', {
      description:
        'Stable identity of the criterion across versions of the framework: it stays the same when the criterion is reworded, renumbered or moved to another standard.',
    }),
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
    key: t.exposeString('key', {
      description: 'Stable identity of the standard across versions of the framework: it stays the same when the standard is retitled or recoded.',
    }),
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

type StandardRow = Standard & { criteria: Criterion[] };
interface FrameworkChangesShape extends FrameworkComparison<StandardRow, Criterion> {
  fromVersion: number;
  toVersion: number;
}

const StandardChangedFieldEnum = builder.enumType('StandardChangedField', {
  description: 'A field of a standard that can differ between two versions of the framework.',
  values: Object.fromEntries(
    standardFields.map((field) => [
      field,
      {
        value: field,
        description: ({
          CODE: 'Its code.',
          TITLE_KK: 'Its title in Kazakh.',
          TITLE_RU: 'Its title in Russian.',
          TITLE_EN: 'Its title in English.',
          DESCRIPTION_KK: 'Its description in Kazakh.',
          DESCRIPTION_RU: 'Its description in Russian.',
          DESCRIPTION_EN: 'Its description in English.',
        } satisfies Record<StandardField, string>)[field],
      },
    ]),
  ) as { [F in StandardField]: { value: F; description: string } },
});

const CriterionChangedFieldEnum = builder.enumType('CriterionChangedField', {
  description: 'A field of a criterion that can differ between two versions of the framework.',
  values: Object.fromEntries(
    criterionFields.map((field) => [
      field,
      {
        value: field,
        description: ({
          CODE: 'Its code: the criterion was renumbered.',
          STANDARD: 'The standard it belongs to: the criterion was moved.',
          TEXT_KK: 'Its wording in Kazakh.',
          TEXT_RU: 'Its wording in Russian.',
          TEXT_EN: 'Its wording in English.',
        } satisfies Record<CriterionField, string>)[field],
      },
    ]),
  ) as { [F in CriterionField]: { value: F; description: string } },
});

const StandardDiffRef = builder.objectRef<StandardDiff<StandardRow>>('StandardDiff').implement({
  description: 'One standard compared between an earlier and a later version of the framework, matched by its key.',
  authScopes: publicAccess,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The stable key both versions share.' }),
    before: t.field({
      type: StandardRef,
      nullable: true,
      description: 'The standard in the earlier version; null when it was added.',
      resolve: (diff) => diff.before,
    }),
    after: t.field({
      type: StandardRef,
      nullable: true,
      description: 'The standard in the later version; null when it was removed.',
      resolve: (diff) => diff.after,
    }),
    changedFields: t.field({
      type: [StandardChangedFieldEnum],
      description: 'The fields that differ; empty when the standard was added, removed or left unchanged.',
      resolve: (diff) => diff.changedFields,
    }),
  }),
});

const CriterionDiffRef = builder.objectRef<CriterionDiff<StandardRow, Criterion>>('CriterionDiff').implement({
  description: 'One criterion compared between an earlier and a later version of the framework, matched by its key.',
  authScopes: publicAccess,
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The stable key both versions share.' }),
    before: t.field({
      type: CriterionRef,
      nullable: true,
      description: 'The criterion in the earlier version; null when it was added.',
      resolve: (diff) => diff.before,
    }),
    after: t.field({
      type: CriterionRef,
      nullable: true,
      description: 'The criterion in the later version; null when it was removed.',
      resolve: (diff) => diff.after,
    }),
    standardBefore: t.field({
      type: StandardRef,
      nullable: true,
      description: 'The standard it belonged to in the earlier version; null when it was added.',
      resolve: (diff) => diff.standardBefore,
    }),
    standardAfter: t.field({
      type: StandardRef,
      nullable: true,
      description: 'The standard it belongs to in the later version; null when it was removed.',
      resolve: (diff) => diff.standardAfter,
    }),
    changedFields: t.field({
      type: [CriterionChangedFieldEnum],
      description: 'The fields that differ; empty when the criterion was added, removed or left unchanged.',
      resolve: (diff) => diff.changedFields,
    }),
  }),
});

const FrameworkChangesRef = builder.objectRef<FrameworkChangesShape>('FrameworkChanges').implement({
  description:
    'What changed from an earlier version of the standards to a later one. Standards and criteria are matched by their stable `key`, so a renumbered or moved criterion shows as changed, not as removed and added. Every standard and criterion of either version is in exactly one list.',
  authScopes: publicAccess,
  fields: (t) => ({
    fromVersion: t.exposeInt('fromVersion', { description: 'The earlier version.' }),
    toVersion: t.exposeInt('toVersion', { description: 'The later version.' }),
    standardsAdded: t.field({
      type: [StandardDiffRef],
      description: 'Standards new in the later version, in its order.',
      resolve: (changes) => changes.standards.added,
    }),
    standardsRemoved: t.field({
      type: [StandardDiffRef],
      description: 'Standards of the earlier version that the later one no longer has, in the earlier order.',
      resolve: (changes) => changes.standards.removed,
    }),
    standardsChanged: t.field({
      type: [StandardDiffRef],
      description: 'Standards in both versions whose code, title or description differs, in the later order.',
      resolve: (changes) => changes.standards.changed,
    }),
    standardsUnchanged: t.field({
      type: [StandardDiffRef],
      description: 'Standards in both versions with the same code, title and description (their criteria may still change).',
      resolve: (changes) => changes.standards.unchanged,
    }),
    criteriaAdded: t.field({
      type: [CriterionDiffRef],
      description: 'Criteria new in the later version, in its order.',
      resolve: (changes) => changes.criteria.added,
    }),
    criteriaRemoved: t.field({
      type: [CriterionDiffRef],
      description: 'Criteria of the earlier version that the later one no longer has, in the earlier order.',
      resolve: (changes) => changes.criteria.removed,
    }),
    criteriaChanged: t.field({
      type: [CriterionDiffRef],
      description: 'Criteria in both versions whose code, standard or wording differs, in the later order.',
      resolve: (changes) => changes.criteria.changed,
    }),
    criteriaUnchanged: t.field({
      type: [CriterionDiffRef],
      description: 'Criteria in both versions with the same code, standard and wording.',
      resolve: (changes) => changes.criteria.unchanged,
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
    changesSince: t.field({
      type: FrameworkChangesRef,
      description:
        'What changed in this version since an earlier one: standards and criteria added, removed, changed (and which fields) and unchanged. An error (BAD_USER_INPUT, rule UNKNOWN_VERSION or EARLIER_VERSION_REQUIRED) when `version` is not an earlier version the viewer may see.',
      args: { version: t.arg.int({ required: true, description: 'The earlier version to compare with, e.g. 1.' }) },
      select: { id: true, version: true },
      resolve: async (framework, { version }, ctx) => {
        if (version >= framework.version) {
          throw new GraphQLError(`Argument "version" must be earlier than ${framework.version}; got ${version}.`, {
            extensions: { code: 'BAD_USER_INPUT', argument: 'version', rule: 'EARLIER_VERSION_REQUIRED', max: framework.version - 1 },
          });
        }
        const contents = { standards: { orderBy: { position: 'asc' }, include: { criteria: { orderBy: { position: 'asc' } } } } } as const;
        // Staff may compare with a draft; others only with published versions. (standardFramework(version:)
        // is stricter: it hides drafts from staff too.)
        const visible = isStaff(ctx.viewer) ? {} : { status: { not: 'DRAFT' as const } };
        const [earlier, later] = await Promise.all([
          ctx.prisma.standardFramework.findFirst({ where: { version, ...visible }, include: contents }),
          ctx.prisma.standardFramework.findUniqueOrThrow({ where: { id: framework.id }, include: contents }),
        ]);
        if (!earlier) {
          throw new GraphQLError(`There is no published version ${version} of the standards.`, {
            extensions: { code: 'BAD_USER_INPUT', argument: 'version', rule: 'UNKNOWN_VERSION' },
          });
        }
        return { fromVersion: earlier.version, toVersion: later.version, ...compareFrameworks(earlier, later) };
      },
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
