// GraphQL types of experts. Two views of one table:
// - CertifiedExpert, public: the register of certified experts shows name, certificate
//   number, last valid day, specialisations and languages, nothing else. It selects only
//   those columns, so no other column is even read for it.
// - Expert, for staff and for the expert themself: the whole record. The IIN is masked
//   (last four digits); the full IIN is a separate field for ADMIN only. Ratings are staff-only.
import { ConflictOfInterestRef } from '../auth/schema.ts';
import { ActivityKind, CertificationStatus, RaterRole, type EducationLevel } from '../generated/prisma/enums.ts';
import { builder, publicAccess } from '../graphql/builder.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { describedEnum, LanguageEnum, LocalizedTextRef } from '../graphql/shared-types.ts';
import { EducationLevelEnum } from '../organizations/schema.ts';
import { toIsoDate } from '../shared/dates.ts';
import { localized } from '../shared/localized.ts';
import { mayReadExpert, mayReadExperts, staffReaderScopes, fullIinScopes, viewerExpertId } from './access.ts';
import { availableCertificationSteps, DEMO_CERTIFICATE_PREFIX, isOnPublicRegister, type CertificationStepKind } from './certification.ts';
import { yearRange, type DevelopmentNeed, type DevelopmentReason, type HoursShortfall, type NeedsSummary, type TopicCount } from './development.ts';
import { maskIin } from './iin.ts';
import { summariseRatings, type RatingSummary } from './ratings.ts';

export const CertificationStatusEnum = describedEnum('CertificationStatus', CertificationStatus, 'Where an expert is in certification.', {
  CANDIDATE: 'Registered as a candidate; training has not started.',
  IN_TRAINING: 'In training, or assessed below the pass mark.',
  ASSESSED: 'Assessed at or above the pass mark; not yet certified.',
  CERTIFIED: 'Certified: holds a certificate (on the public register while it is valid).',
  SUSPENDED: 'The certificate is suspended (the reason is recorded); may be reinstated.',
  EXPIRED: 'The certificate’s validity has passed; may be renewed.',
});

export const CertificationActionEnum = builder.enumType('ExpertCertificationAction', {
  description: 'A certification step and the mutation that takes it.',
  values: {
    START_TRAINING: { value: 'startTraining', description: 'expertStartTraining: a candidate starts training.' },
    RECORD_ASSESSMENT: { value: 'recordAssessment', description: 'expertRecordAssessment: records an assessment score against the pass mark.' },
    CERTIFY: { value: 'certify', description: 'expertCertify: issues the certificate.' },
    SUSPEND: { value: 'suspend', description: 'expertSuspend: suspends the certificate, with the reason.' },
    REINSTATE: { value: 'reinstate', description: 'expertReinstate: lifts a suspension while the certificate is valid.' },
    EXPIRE: { value: 'expire', description: 'expertExpire: marks a certificate whose validity has passed as expired.' },
    RENEW: { value: 'renew', description: 'expertRenewCertificate: gives the certificate a new validity.' },
  } satisfies Record<string, { value: CertificationStepKind; description: string }>,
});

export const ActivityKindEnum = describedEnum('ActivityKind', ActivityKind, 'A kind of professional development activity.', {
  TRAINING: 'A training course or seminar.',
  INTERNSHIP: 'An internship (e.g. at another accreditation body).',
  MENTORING: 'Mentoring another expert, or being mentored.',
  CONFERENCE: 'A conference or professional meeting.',
});

export const RaterRoleEnum = describedEnum('RaterRole', RaterRole, 'Who rated an expert after a visit.', {
  ORGANIZATION: 'The organization visited, through its representative.',
  COORDINATOR: 'The accreditation body, through a coordinator.',
});

// ---- public --------------------------------------------------------------------------

interface Specialisations {
  levels: EducationLevel[];
  subjectAreas: string[];
}

export const ExpertSpecialisationsRef = builder.objectRef<Specialisations>('ExpertSpecialisations').implement({
  description: 'What a certified expert may assess: levels of education and subject areas.',
  authScopes: publicAccess,
  fields: (t) => ({
    levels: t.expose('levels', { type: [EducationLevelEnum], description: 'Levels of education the expert may assess (school or college level).' }),
    subjectAreas: t.exposeStringList('subjectAreas', {
      description: 'Subject areas, as lower-case codes (e.g. "mathematics", "governance", "inclusive-education").',
    }),
  }),
});

export const CertifiedExpertRef = builder.prismaObject('Expert', {
  variant: 'CertifiedExpert',
  description:
    'An expert on the public register of certified experts: certified, with a certificate valid today. Shows the name, certificate number, last valid day, specialisations and languages, and nothing else. Demonstration entries have certificate numbers starting with "DEMO-".',
  authScopes: publicAccess,
  // Only the columns this type shows are ever read.
  select: {},
  fields: (t) => ({
    name: t.field({
      type: LocalizedTextRef,
      description: 'Full name in Kazakh, Russian and English.',
      select: { nameKk: true, nameRu: true, nameEn: true },
      resolve: (expert) => localized(expert, 'name'),
    }),
    certificateNumber: t.string({
      description: 'Number of the expert’s certificate. Numbers starting with "DEMO-" mark demonstration data, not real experts.',
      select: { certificateNumber: true },
      resolve: (expert) => expert.certificateNumber ?? '',
    }),
    validUntil: t.field({
      type: 'Date',
      description: 'Last day the certificate is valid.',
      select: { certificateValidUntil: true },
      resolve: (expert) => expert.certificateValidUntil ?? '',
    }),
    specialisations: t.field({
      type: ExpertSpecialisationsRef,
      description: 'Levels of education and subject areas the expert may assess.',
      select: { levels: true, subjectAreas: true },
      resolve: (expert) => ({ levels: expert.levels, subjectAreas: expert.subjectAreas }),
    }),
    languages: t.field({
      type: [LanguageEnum],
      description: 'Languages the expert works in.',
      select: { languages: true },
      resolve: (expert) => expert.languages,
    }),
  }),
});

// ---- staff -----------------------------------------------------------------------------

const byExpertAccess = (row: { expertId: string }, ctx: GraphQLContext) => mayReadExpert(ctx, row.expertId);

export const ExpertRatingSummaryRef = builder.objectRef<RatingSummary>('ExpertRatingSummary').implement({
  description: 'How an expert was rated after visits: all ratings, and those of the last 12 months.',
  authScopes: (_summary, ctx) => mayReadExperts(ctx.viewer),
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Number of ratings.' }),
    average: t.exposeFloat('average', { nullable: true, description: 'Average score (1–5, two decimals); null without ratings.' }),
    recentCount: t.exposeInt('recentCount', { description: 'Number of ratings of the last 12 months.' }),
    recentAverage: t.exposeFloat('recentAverage', {
      nullable: true,
      description: 'Average score of the last 12 months; below 3 puts the expert among the development needs.',
    }),
  }),
});

export const ExpertRef = builder.prismaNode('Expert', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description:
    'An expert’s full record: personal data, certification, history and development. Visible to staff of the body and to the expert themself; never public.',
  id: { field: 'id' },
  authScopes: async (expert, ctx) => mayReadExperts(ctx.viewer) || (await viewerExpertId(ctx)) === expert.id,
  findUnique: (id) => ({ id }),
  fields: (t) => ({
    name: t.field({
      type: LocalizedTextRef,
      description: 'Full name in Kazakh, Russian and English.',
      select: { nameKk: true, nameRu: true, nameEn: true },
      resolve: (expert) => localized(expert, 'name'),
    }),
    iinMasked: t.string({
      description: 'The IIN with all but its last four digits hidden, e.g. "********1234".',
      resolve: (expert) => maskIin(expert.iin),
    }),
    iin: t.exposeString('iin', {
      authScopes: fullIinScopes,
      description: 'The full IIN (individual identification number). ADMIN only; everyone else sees `iinMasked`.',
    }),
    email: t.exposeString('email', { description: 'E-mail address for the body’s messages to the expert.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Phone number, digits with a leading "+", when known.' }),
    languages: t.expose('languages', { type: [LanguageEnum], description: 'Languages the expert works in.' }),
    levels: t.expose('levels', { type: [EducationLevelEnum], description: 'Levels of education the expert may assess.' }),
    subjectAreas: t.exposeStringList('subjectAreas', { description: 'Subject areas, as lower-case codes (e.g. "mathematics").' }),
    region: t.relation('region', { description: 'Region the expert lives and works in.' }),
    city: t.exposeString('city', { description: 'City or settlement the expert lives in.' }),
    status: t.expose('status', { type: CertificationStatusEnum, description: 'Where the expert is in certification.' }),
    availableCertificationActions: t.field({
      type: [CertificationActionEnum],
      description: 'Certification steps that can start from the current status (their own conditions aside).',
      resolve: (expert) => availableCertificationSteps(expert.status),
    }),
    assessmentScore: t.exposeInt('assessmentScore', { nullable: true, description: 'Score of the latest assessment (0–100).' }),
    assessmentPassMark: t.exposeInt('assessmentPassMark', { nullable: true, description: 'Pass mark of the latest assessment.' }),
    assessedOn: t.expose('assessedAt', { type: 'Date', nullable: true, description: 'Day of the latest assessment.' }),
    certificateNumber: t.exposeString('certificateNumber', { nullable: true, description: 'Certificate number, once certified.' }),
    certificateIssuedOn: t.expose('certificateIssuedOn', { type: 'Date', nullable: true, description: 'Day the current certificate was issued or last renewed.' }),
    certificateValidUntil: t.expose('certificateValidUntil', { type: 'Date', nullable: true, description: 'Last day the certificate is valid.' }),
    suspensionReason: t.exposeString('suspensionReason', { nullable: true, description: 'Why the certificate was suspended.' }),
    isOnPublicRegister: t.boolean({
      description: 'Whether the expert is on the public register today: CERTIFIED with a certificate valid today.',
      resolve: (expert, _args, ctx) =>
        isOnPublicRegister({ status: expert.status, certificateValidUntil: expert.certificateValidUntil ? toIsoDate(expert.certificateValidUntil) : null }, ctx.today),
    }),
    isDemo: t.boolean({
      description: 'True for demonstration data shipped with the software (its certificate number starts with "DEMO-").',
      resolve: (expert) => expert.certificateNumber?.startsWith(DEMO_CERTIFICATE_PREFIX) ?? false,
    }),
    ethicsCodeVersion: t.exposeString('ethicsCodeVersion', { nullable: true, description: 'Version of the ethics code the expert acknowledged.' }),
    ethicsAcknowledgedAt: t.expose('ethicsAcknowledgedAt', { type: 'DateTime', nullable: true, description: 'When the expert acknowledged it.' }),
    version: t.exposeInt('version', {
      description: 'Incremented by every change to the record. Send it back as `expectedVersion`: a change based on an older version is refused.',
    }),
    user: t.relation('user', { nullable: true, description: 'The expert’s account, needed to sit on a team; null until linked.' }),
    employments: t.relation('employments', {
      description: 'Employment and affiliation history, latest first.',
      query: { orderBy: [{ startedOn: 'desc' }, { id: 'asc' }] },
    }),
    familyLinks: t.relation('familyLinks', { description: 'Recorded family links to organizations (conflicts of interest).' }),
    declaredConflicts: t.prismaField({
      type: [ConflictOfInterestRef],
      description: 'Conflicts of interest the expert declared through their account, newest first; empty until an account is linked.',
      resolve: (query, expert, _args, ctx) =>
        expert.userId ? ctx.prisma.conflictOfInterest.findMany({ ...query, where: { userId: expert.userId }, orderBy: [{ declaredAt: 'desc' }, { id: 'asc' }] }) : [],
    }),
    activities: t.relation('activities', {
      description: 'Professional development activities, latest first; one year only when `year` is given.',
      args: { year: t.arg.int({ required: false, description: 'Only activities of this calendar year.' }) },
      query: (args) => ({ where: args.year ? { occurredOn: yearRange(args.year) } : {}, orderBy: [{ occurredOn: 'desc' }, { id: 'asc' }] }),
    }),
    hours: t.int({
      description: 'Hours of professional development in a calendar year.',
      args: { year: t.arg.int({ required: true, description: 'The calendar year.' }) },
      resolve: async (expert, { year }, ctx) =>
        (await ctx.prisma.professionalActivity.aggregate({ where: { expertId: expert.id, occurredOn: yearRange(year) }, _sum: { hours: true } }))._sum.hours ?? 0,
    }),
    mentors: t.relation('menteeships', { description: 'Mentorships in which the expert is mentored, latest first.', query: { orderBy: [{ startedOn: 'desc' }, { id: 'asc' }] } }),
    mentees: t.relation('mentorships', { description: 'Mentorships in which the expert mentors another, latest first.', query: { orderBy: [{ startedOn: 'desc' }, { id: 'asc' }] } }),
    needsResponses: t.relation('needsResponses', { description: 'The expert’s answers to the development-needs survey, latest year first.', query: { orderBy: { year: 'desc' } } }),
    ratings: t.relation('ratings', {
      authScopes: staffReaderScopes,
      description: 'Ratings after visits, newest first (staff only).',
      query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] },
    }),
    ratingSummary: t.field({
      type: ExpertRatingSummaryRef,
      authScopes: staffReaderScopes,
      description: 'Counts and averages of the ratings (staff only).',
      select: { ratings: { select: { score: true, createdAt: true } } },
      resolve: (expert, _args, ctx) => summariseRatings(expert.ratings, ctx.today),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the record was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the record last changed.' }),
  }),
});

builder.prismaObject('ExpertEmployment', {
  description: 'A period of employment or affiliation of an expert; the current one has no end.',
  authScopes: byExpertAccess,
  fields: (t) => ({
    employerName: t.exposeString('employerName', { description: 'Name of the employer as recorded.' }),
    organization: t.relation('organization', { nullable: true, description: 'The employer, when it is an organization of the register.' }),
    position: t.exposeString('position', { nullable: true, description: 'Position held.' }),
    startedOn: t.expose('startedOn', { type: 'Date', description: 'First day.' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true, description: 'Last day; null while it lasts.' }),
    isCurrent: t.boolean({ description: 'True while the employment lasts (no end, or an end not reached yet).', resolve: (row, _args, ctx) => !row.endedOn || toIsoDate(row.endedOn) >= ctx.today }),
  }),
});

builder.prismaObject('ExpertFamilyLink', {
  description: 'A recorded family link between an expert and an organization: a conflict of interest.',
  authScopes: byExpertAccess,
  fields: (t) => ({
    organization: t.relation('organization', { description: 'The organization.' }),
    description: t.exposeString('description', { description: 'The link, e.g. "spouse works there".' }),
  }),
});

export const ProfessionalActivityRef = builder.prismaNode('ProfessionalActivity', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'One professional development activity of an expert, with its hours and evidence.',
  id: { field: 'id' },
  authScopes: byExpertAccess,
  findUnique: (id) => ({ id }),
  fields: (t) => ({
    expert: t.relation('expert', { description: 'The expert.' }),
    kind: t.expose('kind', { type: ActivityKindEnum, description: 'Training, internship, mentoring or conference.' }),
    title: t.exposeString('title', { description: 'What it was.' }),
    hours: t.exposeInt('hours', { description: 'Hours it counts for.' }),
    date: t.expose('occurredOn', { type: 'Date', description: 'Day it took place (or ended).' }),
    evidence: t.exposeString('evidence', { nullable: true, description: 'Evidence: certificate number, link or description.' }),
  }),
});

export const MentorshipRef = builder.prismaNode('Mentorship', {
  // node(id:) answers null, not an error, for what does not exist or may not be seen.
  nullable: true,
  description: 'A mentor–mentee pair of experts.',
  id: { field: 'id' },
  authScopes: async (row, ctx) => (await mayReadExpert(ctx, row.mentorId)) || (await mayReadExpert(ctx, row.menteeId)),
  findUnique: (id) => ({ id }),
  fields: (t) => ({
    mentor: t.relation('mentor', { description: 'The mentor.' }),
    mentee: t.relation('mentee', { description: 'The expert mentored.' }),
    startedOn: t.expose('startedOn', { type: 'Date', description: 'First day.' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true, description: 'Last day; null while it lasts.' }),
  }),
});

export const ExpertRatingRef = builder.prismaObject('ExpertRating', {
  description: 'A rating of an expert after a visit, by the organization or by a coordinator. Visible to staff and to the rater.',
  authScopes: (rating, ctx) => mayReadExperts(ctx.viewer) || (ctx.viewer.kind === 'user' && ctx.viewer.userId === rating.raterId),
  fields: (t) => ({
    caseNumber: t.string({ description: 'Number of the case visited.', select: { case: { select: { number: true } } }, resolve: (rating) => rating.case.number }),
    raterRole: t.expose('raterRole', { type: RaterRoleEnum, description: 'The organization or a coordinator.' }),
    score: t.exposeInt('score', { description: 'Score from 1 (poor) to 5 (excellent).' }),
    comment: t.exposeString('comment', { nullable: true, description: 'What the rater said.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the rating was given.' }),
  }),
});

export const ExpertNeedsResponseRef = builder.prismaObject('ExpertNeedsResponse', {
  description: 'An expert’s answer to the yearly development-needs survey.',
  authScopes: byExpertAccess,
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year the needs are for.' }),
    topics: t.exposeStringList('topics', { description: 'Topics the expert wants to develop, lower-case.' }),
    comment: t.exposeString('comment', { nullable: true, description: 'Anything else the expert said.' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When the answer was last submitted.' }),
  }),
});

// ---- development -----------------------------------------------------------------------

const staffOnlyType = (_parent: unknown, ctx: GraphQLContext) => mayReadExperts(ctx.viewer);

/** Loads the full Expert row behind an aggregate, for the `expert` field of the types below. */
const expertField = <T extends { expertId: string }>() =>
  ({
    type: ExpertRef,
    description: 'The expert.',
    resolve: (query: object, row: T, _args: object, ctx: GraphQLContext) => ctx.prisma.expert.findUniqueOrThrow({ ...query, where: { id: row.expertId } }),
  }) as const;

export const ExpertHoursShortfallRef = builder.objectRef<HoursShortfall>('ExpertHoursShortfall').implement({
  description: 'A certified expert below the yearly hours of professional development.',
  authScopes: staffOnlyType,
  fields: (t) => ({
    expert: t.prismaField(expertField<HoursShortfall>()),
    hours: t.exposeInt('hours', { description: 'Hours recorded in the year.' }),
    requiredHours: t.exposeInt('requiredHours', { description: 'Hours required per year (KZA_EXPERT_YEARLY_HOURS).' }),
    shortBy: t.exposeInt('shortBy', { description: 'Hours missing.' }),
  }),
});

export const ExpertNeedsTopicRef = builder.objectRef<TopicCount>('ExpertNeedsTopic').implement({
  description: 'A topic of the development-needs survey and how many experts asked for it.',
  authScopes: staffOnlyType,
  fields: (t) => ({
    topic: t.exposeString('topic', { description: 'The topic, lower-case.' }),
    count: t.exposeInt('count', { description: 'Number of experts who named it.' }),
  }),
});

export const ExpertNeedsSummaryRef = builder.objectRef<NeedsSummary>('ExpertNeedsSummary').implement({
  description: 'The development-needs survey of a year, aggregated: topic counts, no names.',
  authScopes: staffOnlyType,
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year.' }),
    responses: t.exposeInt('responses', { description: 'Number of experts who answered.' }),
    topics: t.field({ type: [ExpertNeedsTopicRef], description: 'Topics, most asked for first.', resolve: (summary) => summary.topics }),
  }),
});

export const DevelopmentReasonEnum = builder.enumType('ExpertDevelopmentReason', {
  description: 'Why an expert is among the development needs.',
  values: {
    HOURS_SHORTFALL: { description: 'Fewer hours of professional development in the year than required.' },
    LOW_RATINGS: { description: 'Rated below 3 on average over the last 12 months.' },
  } satisfies Record<DevelopmentReason, { description: string }>,
});

export const ExpertDevelopmentNeedRef = builder.objectRef<DevelopmentNeed>('ExpertDevelopmentNeed').implement({
  description: 'An expert who needs development, with the reasons and the topics the expert asked for.',
  authScopes: staffOnlyType,
  fields: (t) => ({
    expert: t.prismaField(expertField<DevelopmentNeed>()),
    reasons: t.field({ type: [DevelopmentReasonEnum], description: 'Why the expert is listed.', resolve: (need) => need.reasons }),
    hours: t.exposeInt('hours', { description: 'Hours recorded in the year.' }),
    requiredHours: t.exposeInt('requiredHours', { description: 'Hours required per year.' }),
    ratings: t.field({ type: ExpertRatingSummaryRef, description: 'The expert’s ratings, with the average of the last 12 months.', resolve: (need) => need.ratings }),
    requestedTopics: t.exposeStringList('requestedTopics', { description: 'Topics the expert named in the year’s needs survey.' }),
  }),
});

export interface DevelopmentNeedsShape {
  year: number;
  requiredHours: number;
  experts: DevelopmentNeed[];
  survey: NeedsSummary;
}

export const ExpertDevelopmentNeedsRef = builder.objectRef<DevelopmentNeedsShape>('ExpertDevelopmentNeeds').implement({
  description: 'What experts need to develop in a year: who is short of hours or rated low, and what the survey asked for.',
  authScopes: staffOnlyType,
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year.' }),
    requiredHours: t.exposeInt('requiredHours', { description: 'Hours required per year (KZA_EXPERT_YEARLY_HOURS).' }),
    experts: t.field({ type: [ExpertDevelopmentNeedRef], description: 'Experts with a need, low ratings first.', resolve: (needs) => needs.experts }),
    survey: t.field({ type: ExpertNeedsSummaryRef, description: 'The year’s needs survey, aggregated.', resolve: (needs) => needs.survey }),
  }),
});
