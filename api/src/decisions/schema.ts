import { Prisma } from '../generated/prisma/client.ts';
import { DecisionOutcome } from '../generated/prisma/enums.ts';
import { assertPageSize, builder, connectionTypeOptions, publicAccess } from '../graphql/builder.ts';
import { describedEnum, LocalizedTextRef } from '../graphql/shared-types.ts';
import { localized } from '../shared/localized.ts';

export const DecisionOutcomeEnum = describedEnum(
  'DecisionOutcome',
  DecisionOutcome,
  'What the Accreditation Council decided.',
  {
    ACCREDITED: 'Accredited, for the validity period of the decision.',
    REFUSED: 'Accreditation refused.',
  },
);

/** Only published decisions exist for the public. */
export const publishedOnly = { publishedAt: { not: null } } satisfies Prisma.DecisionWhereInput;

export const DecisionRef = builder.prismaNode('Decision', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description:
    'A decision of the Accreditation Council on one case. A published decision is never edited: a correction is a new decision that supersedes it, and both stay in the history.',
  id: { field: 'id' },
  // Unpublished decisions are invisible to the public, whatever path leads to them.
  authScopes: (decision) => (decision.publishedAt ? publicAccess : { staff: true }),
  findUnique: (id) => ({ id, ...publishedOnly }),
  fields: (t) => ({
    number: t.exposeString('number', { description: 'Number of the decision, e.g. "AC-D-2025-014".' }),
    organization: t.relation('organization', { description: 'The organization the decision is about.' }),
    outcome: t.expose('outcome', { type: DecisionOutcomeEnum, description: 'Accredited or refused.' }),
    decisionDate: t.expose('decisionDate', { type: 'Date', description: 'Day the Council decided.' }),
    validFrom: t.expose('validFrom', {
      type: 'Date',
      nullable: true,
      description: 'First day of validity of an accreditation; null for a refusal.',
    }),
    validUntil: t.expose('validUntil', {
      type: 'Date',
      nullable: true,
      description: 'Last day of validity of an accreditation (inclusive); null for a refusal.',
    }),
    summary: t.field({
      type: LocalizedTextRef,
      description: 'The decision and its grounds in brief, with the Council’s recommendations.',
      resolve: (decision) => localized(decision, 'summary'),
    }),
    recommendations: t.exposeString('recommendations', { nullable: true, description: 'The Council’s recommendations to the organization.' }),
    votesFor: t.exposeInt('votesFor', { nullable: true, description: 'Votes for accreditation (null for decisions recorded before the platform).' }),
    votesAgainst: t.exposeInt('votesAgainst', { nullable: true, description: 'Votes against accreditation.' }),
    abstentions: t.exposeInt('abstentions', { nullable: true, description: 'Abstentions.' }),
    publishedAt: t.expose('publishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the Council secretary published the decision on the register.',
    }),
    isDemo: t.exposeBoolean('isDemo', {
      description: 'True for demonstration data shipped with the software, not a real decision of the accreditation body.',
    }),
    caseNumber: t.string({
      description: 'Number of the accreditation case the decision closes.',
      select: { case: { select: { number: true } } },
      resolve: (decision) => decision.case.number,
    }),
    frameworkVersion: t.int({
      description: 'Version of the standards the case was judged against.',
      select: { case: { select: { framework: { select: { version: true } } } } },
      resolve: (decision) => decision.case.framework.version,
    }),
    supersedes: t.relation('supersedes', {
      nullable: true,
      description: 'The earlier decision this one corrects, if it is a correction.',
    }),
  }),
});

// Added after the type exists: the field refers to its own type.
builder.prismaObjectField(DecisionRef, 'supersededBy', (t) =>
  t.field({
    type: DecisionRef,
    nullable: true,
    description: 'The published decision that corrects this one; null while none does.',
    select: (_args, _ctx, nestedSelection) => ({ supersededBy: nestedSelection(true) }),
    resolve: (decision) => (decision.supersededBy?.publishedAt ? decision.supersededBy : null),
  }),
);

const DecisionFilter = builder.inputType('DecisionFilter', {
  description: 'Narrows the list of decisions. All given conditions must hold.',
  fields: (t) => ({
    organizationBin: t.string({ required: false, description: 'Only decisions about the organization with this BIN.' }),
    regionCode: t.string({ required: false, description: 'Only decisions about organizations of this region (two-digit code).' }),
    outcome: t.field({ type: DecisionOutcomeEnum, required: false, description: 'Only this outcome.' }),
    decidedFrom: t.field({ type: 'Date', required: false, description: 'Only decisions taken on or after this day.' }),
    decidedTo: t.field({ type: 'Date', required: false, description: 'Only decisions taken on or before this day.' }),
    includeSuperseded: t.boolean({
      required: false,
      description: 'Include decisions that a correction replaced (default false).',
    }),
  }),
});

builder.queryFields((t) => ({
  decisions: t.prismaConnection({
    type: DecisionRef,
    cursor: 'id',
    description: 'Published decisions, newest first.',
    args: { filter: t.arg({ type: DecisionFilter, required: false, description: 'Conditions the decisions must meet.' }) },
    totalCount: (_parent, args, ctx) => {
      assertPageSize(args);
      return ctx.prisma.decision.count({ where: decisionWhere(args.filter) });
    },
    resolve: (query, _root, args, ctx) => {
      assertPageSize(args);
      return ctx.prisma.decision.findMany({
        ...query,
        where: decisionWhere(args.filter),
        orderBy: [{ decisionDate: 'desc' }, { publishedAt: 'desc' }, { id: 'asc' }],
      });
    },
  }, ...connectionTypeOptions('published decisions')),
}));

type DecisionFilterInput = typeof DecisionFilter.$inferInput;

function decisionWhere(filter: DecisionFilterInput | null | undefined): Prisma.DecisionWhereInput {
  const where: Prisma.DecisionWhereInput = { ...publishedOnly };
  if (!filter) return { ...where, supersededBy: { is: null } };
  const conditions: Prisma.DecisionWhereInput[] = [where];
  if (!filter.includeSuperseded) conditions.push({ OR: [{ supersededBy: { is: null } }, { supersededBy: { publishedAt: null } }] });
  if (filter.organizationBin) conditions.push({ organization: { bin: filter.organizationBin } });
  if (filter.regionCode) conditions.push({ organization: { region: { code: filter.regionCode } } });
  if (filter.outcome) conditions.push({ outcome: filter.outcome });
  if (filter.decidedFrom) conditions.push({ decisionDate: { gte: new Date(`${filter.decidedFrom}T00:00:00Z`) } });
  if (filter.decidedTo) conditions.push({ decisionDate: { lte: new Date(`${filter.decidedTo}T00:00:00Z`) } });
  return { AND: conditions };
}
