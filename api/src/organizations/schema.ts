import type { GraphQLContext } from '../graphql/context.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { EducationLevel, OrganizationKind, ProgrammeType } from '../generated/prisma/enums.ts';
import { assertPageSize, builder, connectionTypeOptions, publicAccess } from '../graphql/builder.ts';
import { describedEnum, LanguageEnum, LocalizedTextRef, OrderDirection } from '../graphql/shared-types.ts';
import { DecisionRef, publishedOnly } from '../decisions/schema.ts';
import { publishedReportsOnly } from '../reports/schema.ts';
import { RegionRef } from '../regions/schema.ts';
import { toIsoDate } from '../shared/dates.ts';
import { localized } from '../shared/localized.ts';
import { accreditationStanding, accreditationStatuses, effectiveDecisions, type DecisionFacts } from './accreditation-status.ts';
import { organizationIdsWithStatus } from './accreditation-status-sql.ts';
import { organizationIdsTeaching } from '../db/enum-arrays.ts';
import { binProblem, binRuleText } from './bin.ts';
import { GraphQLError } from 'graphql';

export const OrganizationKindEnum = describedEnum('OrganizationKind', OrganizationKind, 'What kind of organization it is.', {
  SCHOOL: 'A school (general secondary education).',
  COLLEGE: 'A college (technical and vocational education).',
  HIGHER_COLLEGE: 'A higher college (post-secondary education).',
});

export const EducationLevelEnum = describedEnum('EducationLevel', EducationLevel, 'The level of education provided.', {
  SECONDARY: 'Secondary education.',
  TECHNICAL_VOCATIONAL: 'Technical and vocational education (TVET).',
  POST_SECONDARY: 'Post-secondary education.',
});

export const ProgrammeTypeEnum = describedEnum('ProgrammeType', ProgrammeType, 'The type of educational programme.', {
  STATE_STANDARD: 'Programmes under the state compulsory education standard.',
  SPECIALISED_GIFTED: 'A specialised school, including for gifted children, under the state standard.',
  INTERNATIONAL: 'International educational programmes (e.g. International Baccalaureate).',
});

export const AccreditationStatusEnum = builder.enumType('AccreditationStatus', {
  description: 'The public accreditation status of an organization today, computed from its published decisions.',
  values: {
    ACCREDITED: { description: 'Accredited: the latest published decision accredits it and is valid today.' },
    EXPIRED: { description: 'The latest accreditation has lapsed and no new procedure is under way.' },
    REFUSED: { description: 'The latest published decision refused accreditation.' },
    IN_PROGRESS: { description: 'A procedure is under way and no accreditation is valid today.' },
    NOT_ACCREDITED: { description: 'No published decision and no procedure under way.' },
  } satisfies Record<(typeof accreditationStatuses)[number], { description: string }>,
});

/** What the status rule needs, merged by Pothos into the query that loads the organization. */
const standingSelection = {
  decisions: {
    where: publishedOnly,
    select: { id: true, caseId: true, outcome: true, decisionDate: true, validUntil: true, publishedAt: true, supersedesId: true },
  },
  cases: { select: { id: true, stage: true } },
} satisfies Prisma.OrganizationSelect;

type StandingRow = Prisma.OrganizationGetPayload<{ select: typeof standingSelection }>;

function decisionFacts(row: StandingRow['decisions'][number]): DecisionFacts {
  return {
    ...row,
    decisionDate: toIsoDate(row.decisionDate),
    validUntil: row.validUntil ? toIsoDate(row.validUntil) : null,
  };
}

function standingOf(row: StandingRow, ctx: GraphQLContext) {
  return accreditationStanding({ decisions: row.decisions.map(decisionFacts), cases: row.cases, today: ctx.today });
}

export const OrganizationRef = builder.prismaNode('Organization', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'A school or college in the register, identified by its BIN.',
  id: { field: 'id' },
  authScopes: publicAccess,
  fields: (t) => ({
    bin: t.exposeString('bin', {
      description: 'Business identification number: 12 digits, the last a check digit. Permanent identifier in the register.',
    }),
    binIsPlaceholder: t.exposeBoolean('binIsPlaceholder', {
      description: 'True when the BIN was generated for demonstration because the real one is not public. Never a real BIN then.',
    }),
    name: t.field({
      type: LocalizedTextRef,
      description: 'Official name in Kazakh, Russian and English.',
      select: { nameKk: true, nameRu: true, nameEn: true },
      resolve: (organization) => localized(organization, 'name'),
    }),
    kind: t.expose('kind', { type: OrganizationKindEnum, description: 'School, college or higher college.' }),
    level: t.expose('level', { type: EducationLevelEnum, description: 'Level of education provided.' }),
    programmeType: t.expose('programmeType', { type: ProgrammeTypeEnum, description: 'Type of educational programme.' }),
    languages: t.expose('languages', { type: [LanguageEnum], description: 'Languages of instruction.' }),
    region: t.relation('region', { description: 'Region the organization is in.' }),
    city: t.exposeString('city', { description: 'City or settlement.' }),
    address: t.exposeString('address', { nullable: true, description: 'Postal address, when known.' }),
    website: t.exposeString('website', { nullable: true, description: 'Website, when known.' }),
    isDemo: t.exposeBoolean('isDemo', { description: 'True for demonstration data shipped with the software.' }),
    accreditationStatus: t.field({
      type: AccreditationStatusEnum,
      description: 'Accreditation status today (Kazakhstan time), from published decisions and open procedures.',
      select: standingSelection,
      resolve: (organization, _args, ctx) => standingOf(organization, ctx).status,
    }),
    accreditedUntil: t.field({
      type: 'Date',
      nullable: true,
      description: 'Last day of validity of the accreditation the status rests on (for ACCREDITED and EXPIRED); otherwise null.',
      select: standingSelection,
      resolve: (organization, _args, ctx) => standingOf(organization, ctx).validUntil,
    }),
    decisions: t.relation('decisions', {
      description: 'Published decisions about this organization, newest first, including corrected ones.',
      query: { where: publishedOnly, orderBy: [{ decisionDate: 'desc' }, { publishedAt: 'desc' }] },
    }),
    reports: t.relation('reports', {
      description: 'Published reports about this organization, most recently published first.',
      query: { where: publishedReportsOnly, orderBy: [{ publishedAt: 'desc' }, { language: 'asc' }] },
    }),
    predecessor: t.relation('predecessor', {
      nullable: true,
      description: 'The organization this one was reorganised from, if any.',
    }),
    successors: t.relation('successors', { description: 'Organizations this one was reorganised into.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the register entry last changed.' }),
  }),
});

builder.prismaObjectField(OrganizationRef, 'latestDecision', (t) =>
  t.field({
    type: DecisionRef,
    nullable: true,
    description: 'The published decision the accreditation status rests on (a correction replaces what it corrects).',
    select: (_args, _ctx, nestedSelection) => ({
      ...standingSelection,
      decisions: nestedSelection({ where: publishedOnly }),
    }),
    resolve: (organization) => {
      const facts = organization.decisions.map((decision) => ({ row: decision, ...decisionFacts(decision) }));
      return effectiveDecisions(facts)[0]?.row ?? null;
    },
  }),
);

const OrganizationFilter = builder.inputType('OrganizationFilter', {
  description: 'Narrows the register. All given conditions must hold.',
  fields: (t) => ({
    regionCode: t.string({ required: false, description: 'Two-digit region code, e.g. "71" for Astana.' }),
    kind: t.field({ type: OrganizationKindEnum, required: false, description: 'Only this kind.' }),
    level: t.field({ type: EducationLevelEnum, required: false, description: 'Only this level.' }),
    programmeType: t.field({ type: ProgrammeTypeEnum, required: false, description: 'Only this programme type.' }),
    language: t.field({ type: LanguageEnum, required: false, description: 'Only organizations teaching in this language.' }),
    status: t.field({ type: AccreditationStatusEnum, required: false, description: 'Only this accreditation status today.' }),
    search: t.string({
      required: false,
      description: 'Words in the name (any language) or city, or the start of a BIN. Case does not matter.',
    }),
  }),
});

const OrganizationOrderField = builder.enumType('OrganizationOrderField', {
  description: 'What the register can be sorted by.',
  values: {
    NAME_KK: { description: 'Name in Kazakh.' },
    NAME_RU: { description: 'Name in Russian.' },
    NAME_EN: { description: 'Name in English (organizations without one last).' },
    BIN: { description: 'BIN.' },
    UPDATED_AT: { description: 'When the entry last changed.' },
  },
});

const OrganizationOrder = builder.inputType('OrganizationOrder', {
  description: 'Sort order of the register.',
  fields: (t) => ({
    field: t.field({ type: OrganizationOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: OrderDirection, required: false, defaultValue: 'ASC', description: 'Direction (default ASC).' }),
  }),
});

type OrganizationFilterInput = typeof OrganizationFilter.$inferInput;
type OrganizationOrderInput = typeof OrganizationOrder.$inferInput;

async function organizationWhere(
  filter: OrganizationFilterInput | null | undefined,
  ctx: GraphQLContext,
): Promise<Prisma.OrganizationWhereInput> {
  const conditions: Prisma.OrganizationWhereInput[] = [];
  if (!filter) return {};
  if (filter.regionCode) conditions.push({ region: { code: filter.regionCode } });
  if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.level) conditions.push({ level: filter.level });
  if (filter.programmeType) conditions.push({ programmeType: filter.programmeType });
  if (filter.language) conditions.push({ id: { in: await organizationIdsTeaching(ctx.prisma, filter.language) } });
  const search = filter.search?.trim();
  if (search) {
    // LIKE wildcards in what people type are matched as themselves.
    const words = search
      .split(/\s+/)
      .slice(0, 8)
      .map((word) => word.replace(/[\\%_]/g, '\\$&'));
    for (const word of words) {
      conditions.push({
        OR: [
          { nameKk: { contains: word, mode: 'insensitive' } },
          { nameRu: { contains: word, mode: 'insensitive' } },
          { nameEn: { contains: word, mode: 'insensitive' } },
          { city: { contains: word, mode: 'insensitive' } },
          ...(/^\d+$/.test(word) ? [{ bin: { startsWith: word } }] : []),
        ],
      });
    }
  }
  if (filter.status) {
    conditions.push({ id: { in: await organizationIdsWithStatus(ctx.prisma, ctx.today, [filter.status]) } });
  }
  return { AND: conditions };
}

function organizationOrderBy(order: OrganizationOrderInput | null | undefined): Prisma.OrganizationOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  const byField: Record<NonNullable<OrganizationOrderInput>['field'], Prisma.OrganizationOrderByWithRelationInput> = {
    NAME_KK: { nameKk: direction },
    NAME_RU: { nameRu: direction },
    NAME_EN: { nameEn: { sort: direction, nulls: 'last' } },
    BIN: { bin: direction },
    UPDATED_AT: { updatedAt: direction },
  };
  // The id breaks ties, so that cursors walk a stable order.
  return [byField[order?.field ?? 'NAME_KK'], { id: 'asc' }];
}

builder.queryFields((t) => ({
  organizations: t.prismaConnection({
    type: OrganizationRef,
    cursor: 'id',
    description: 'The register of organizations, 1 to 100 per page (default 20).',
    args: {
      filter: t.arg({ type: OrganizationFilter, required: false, description: 'Conditions the organizations must meet.' }),
      orderBy: t.arg({ type: OrganizationOrder, required: false, description: 'Sort order (default: name in Kazakh).' }),
    },
    totalCount: async (_parent, args, ctx) => {
      assertPageSize(args);
      return ctx.prisma.organization.count({ where: await organizationWhere(args.filter, ctx) });
    },
    resolve: async (query, _root, args, ctx) => {
      assertPageSize(args);
      return ctx.prisma.organization.findMany({
        ...query,
        where: await organizationWhere(args.filter, ctx),
        orderBy: organizationOrderBy(args.orderBy),
      });
    },
  }, ...connectionTypeOptions('organizations in the register')),
  organization: t.prismaField({
    type: OrganizationRef,
    nullable: true,
    description: 'An organization by its BIN; null when the register has none with it.',
    args: { bin: t.arg.string({ required: true, description: 'The 12-digit BIN.' }) },
    resolve: (query, _root, { bin }, ctx) => {
      const problem = binProblem(bin.trim());
      if (problem) {
        throw new GraphQLError(`Argument "bin" is not a valid BIN: ${binRuleText[problem]}.`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'bin', rule: `BIN_${problem}` },
        });
      }
      return ctx.prisma.organization.findUnique({ ...query, where: { bin: bin.trim() } });
    },
  }),
}));

export { RegionRef };
