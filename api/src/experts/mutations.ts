// Mutations on experts: the record and its history, certification, professional
// development, the needs survey and ratings. Each runs in one transaction, appends an audit
// event, and changes nothing when a rule is broken. Private data (IIN, e-mail, phone) never
// goes into an error message or the audit trail.
import { actorOf, appendAuditEvent } from '../audit/trail.ts';
import { findOrganizationIdByBin } from '../auth/users.ts';
import { visibleCasesWhere } from '../cases/access.ts';
import { idOf } from '../cases/schema.ts';
import { currentEthicsCodeVersion } from '../config.ts';
import { activeUserIdsWithRole } from '../db/enum-arrays.ts';
import { Prisma, type Expert } from '../generated/prisma/client.ts';
import { builder } from '../graphql/builder.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { LanguageEnum } from '../graphql/shared-types.ts';
import { BusinessRuleError, inTransaction, userError, UserErrorRef, type UserError } from '../graphql/user-errors.ts';
import { EducationLevelEnum } from '../organizations/schema.ts';
import { fromIsoDate, toIsoDate } from '../shared/dates.ts';
import { expertActedFor, requireActor, requireManager } from './access.ts';
import {
  acknowledgeEthics,
  applyCertificationStep,
  DEFAULT_PASS_MARK,
  isOnPublicRegister,
  type CertificationOutcome,
  type CertificationRecord,
  type CertificationStep,
} from './certification.ts';
import { MAX_TOPIC_LENGTH, MAX_TOPICS, normaliseTopic } from './development.ts';
import { auditableValues, checkExpertRecord, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, periodErrors, type ExpertRecordValues } from './records.ts';
import { MAX_SCORE, MIN_SCORE, RATEABLE_STAGES, raterRoleOf } from './ratings.ts';
import { ActivityKindEnum, ExpertNeedsResponseRef, ExpertRatingRef, ExpertRef, MentorshipRef, ProfessionalActivityRef } from './types.ts';

type Tx = Prisma.TransactionClient;

// ---- payloads --------------------------------------------------------------------------

interface ExpertPayloadShape {
  expertId: string | null;
  userErrors: UserError[];
}

function expertPayload(name: string, mutation: string) {
  return builder.objectRef<ExpertPayloadShape>(name).implement({
    description: `Result of ${mutation}.`,
    authScopes: { signedIn: true },
    fields: (t) => ({
      expert: t.prismaField({
        type: ExpertRef,
        nullable: true,
        description: 'The expert record after the change; null when nothing changed.',
        resolve: (query, payload, _args, ctx) => (payload.expertId ? ctx.prisma.expert.findUnique({ ...query, where: { id: payload.expertId } }) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (payload) => payload.userErrors }),
    }),
  });
}

interface RowPayloadShape {
  id: string | null;
  userErrors: UserError[];
}

/** The payloads of changes to rows of other models than Expert: the row, or null when nothing changed. */
function activityPayload(name: string, mutation: string) {
  return builder.objectRef<RowPayloadShape>(name).implement({
    description: `Result of ${mutation}.`,
    authScopes: { signedIn: true },
    fields: (t) => ({
      activity: t.prismaField({
        type: ProfessionalActivityRef,
        nullable: true,
        description: 'The activity recorded; null when nothing changed.',
        resolve: (query, payload, _args, ctx) => (payload.id ? ctx.prisma.professionalActivity.findUnique({ ...query, where: { id: payload.id } }) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (payload) => payload.userErrors }),
    }),
  });
}

function mentorshipPayload(name: string, mutation: string) {
  return builder.objectRef<RowPayloadShape>(name).implement({
    description: `Result of ${mutation}.`,
    authScopes: { signedIn: true },
    fields: (t) => ({
      mentorship: t.prismaField({
        type: MentorshipRef,
        nullable: true,
        description: 'The mentorship; null when nothing changed.',
        resolve: (query, payload, _args, ctx) => (payload.id ? ctx.prisma.mentorship.findUnique({ ...query, where: { id: payload.id } }) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (payload) => payload.userErrors }),
    }),
  });
}

function needsPayload(name: string, mutation: string) {
  return builder.objectRef<RowPayloadShape>(name).implement({
    description: `Result of ${mutation}.`,
    authScopes: { signedIn: true },
    fields: (t) => ({
      response: t.prismaField({
        type: ExpertNeedsResponseRef,
        nullable: true,
        description: 'Your answer; null when nothing changed.',
        resolve: (query, payload, _args, ctx) => (payload.id ? ctx.prisma.expertNeedsResponse.findUnique({ ...query, where: { id: payload.id } }) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (payload) => payload.userErrors }),
    }),
  });
}

function ratingPayload(name: string, mutation: string) {
  return builder.objectRef<RowPayloadShape>(name).implement({
    description: `Result of ${mutation}.`,
    authScopes: { signedIn: true },
    fields: (t) => ({
      rating: t.prismaField({
        type: ExpertRatingRef,
        nullable: true,
        description: 'The rating; null when nothing changed.',
        resolve: (query, payload, _args, ctx) => (payload.id ? ctx.prisma.expertRating.findUnique({ ...query, where: { id: payload.id } }) : null),
      }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Rules the input broke; empty on success.', resolve: (payload) => payload.userErrors }),
    }),
  });
}

async function expertChange(ctx: GraphQLContext, work: (tx: Tx) => Promise<string>): Promise<ExpertPayloadShape> {
  const { result, userErrors } = await inTransaction(ctx, work);
  return { expertId: result, userErrors };
}

async function rowChange(ctx: GraphQLContext, work: (tx: Tx) => Promise<string>): Promise<RowPayloadShape> {
  const { result, userErrors } = await inTransaction(ctx, work);
  return { id: result, userErrors };
}

// ---- helpers ---------------------------------------------------------------------------

async function loadExpert(tx: Tx, id: string, field = 'expertId'): Promise<Expert> {
  const expert = await tx.expert.findUnique({ where: { id } });
  if (!expert) throw new BusinessRuleError(userError(field, 'NOT_FOUND', 'No expert with this id exists.'));
  return expert;
}

function staleVersion(expected: number, current: number): BusinessRuleError {
  return new BusinessRuleError(
    userError(
      'expectedVersion',
      'STALE_VERSION',
      `The expert record was changed since you read it: you sent version ${expected}, it is now at version ${current}. Reload it and try again.`,
    ),
  );
}

function assertVersion(expert: Expert, expectedVersion: number): void {
  if (expert.version !== expectedVersion) throw staleVersion(expectedVersion, expert.version);
}

/** Writes the change only if nobody else changed the record since it was read (optimistic concurrency). */
async function saveExpert(tx: Tx, expert: Expert, data: Prisma.ExpertUpdateManyMutationInput & { regionId?: string; userId?: string | null }): Promise<void> {
  const { count } = await tx.expert.updateMany({ where: { id: expert.id, version: expert.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const now = await tx.expert.findUniqueOrThrow({ where: { id: expert.id }, select: { version: true } });
    throw staleVersion(expert.version, now.version);
  }
}

const isoOrNull = (date: Date | null): string | null => (date ? toIsoDate(date) : null);
const dateOrNull = (date: string | null): Date | null => (date ? fromIsoDate(date) : null);

function certificationOf(expert: Expert): CertificationRecord {
  return {
    status: expert.status,
    assessmentScore: expert.assessmentScore,
    assessmentPassMark: expert.assessmentPassMark,
    assessedOn: isoOrNull(expert.assessedAt),
    certificateNumber: expert.certificateNumber,
    certificateIssuedOn: isoOrNull(expert.certificateIssuedOn),
    certificateValidUntil: isoOrNull(expert.certificateValidUntil),
    suspensionReason: expert.suspensionReason,
    ethicsCodeVersion: expert.ethicsCodeVersion,
    ethicsAcknowledgedAt: expert.ethicsAcknowledgedAt,
  };
}

function certificationData(record: CertificationRecord) {
  return {
    status: record.status,
    assessmentScore: record.assessmentScore,
    assessmentPassMark: record.assessmentPassMark,
    assessedAt: dateOrNull(record.assessedOn),
    certificateNumber: record.certificateNumber,
    certificateIssuedOn: dateOrNull(record.certificateIssuedOn),
    certificateValidUntil: dateOrNull(record.certificateValidUntil),
    suspensionReason: record.suspensionReason,
    ethicsCodeVersion: record.ethicsCodeVersion,
    ethicsAcknowledgedAt: record.ethicsAcknowledgedAt,
  };
}

function accepted(outcome: CertificationOutcome): CertificationRecord {
  if (!outcome.ok) throw new BusinessRuleError(outcome.problems.map((problem) => userError(problem.field, problem.code, problem.message)));
  return outcome.record;
}

/** A certificate number belongs to one expert. */
async function assertCertificateNumberFree(tx: Tx, number: string | null, expertId: string): Promise<void> {
  if (!number) return;
  const holder = await tx.expert.findFirst({ where: { certificateNumber: { equals: number, mode: 'insensitive' }, id: { not: expertId } }, select: { id: true } });
  if (holder) throw new BusinessRuleError(userError('certificateNumber', 'ALREADY_EXISTS', 'Another expert holds a certificate with this number.'));
}

async function assertIinFree(tx: Tx, iin: string | undefined, expertId: string | null): Promise<void> {
  if (!iin) return;
  const holder = await tx.expert.findUnique({ where: { iin }, select: { id: true } });
  if (holder && holder.id !== expertId) throw new BusinessRuleError(userError('iin', 'ALREADY_EXISTS', 'Another expert record already has this IIN.'));
}

/** A unique index caught a race the checks above could not see: report it without echoing values. */
function uniqueViolation(error: unknown, field: string, message: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new BusinessRuleError(userError(field, 'ALREADY_EXISTS', message));
  throw error;
}

function requiredTrimmed(errors: UserError[], field: string, raw: string, max: number, what: string): string {
  const value = raw.trim();
  if (!value) errors.push(userError(field, 'REQUIRED', `Give ${what}.`));
  else if (value.length > max) errors.push(userError(field, 'INVALID', `${what[0]?.toUpperCase()}${what.slice(1)} has at most ${max} characters.`));
  return value;
}

function optionalTrimmed(errors: UserError[], field: string, raw: string | null | undefined, max: number, what: string): string | null {
  const value = raw?.trim() || null;
  if (value && value.length > max) errors.push(userError(field, 'INVALID', `${what} has at most ${max} characters.`));
  return value;
}

async function regionIdOf(tx: Tx, code: string, errors: UserError[]): Promise<string | null> {
  const region = await tx.region.findUnique({ where: { code: code.trim() }, select: { id: true } });
  if (!region) errors.push(userError('regionCode', 'NOT_FOUND', 'No region has this code (two digits, e.g. "71" for Astana).'));
  return region?.id ?? null;
}

const audit = (tx: Tx, ctx: GraphQLContext, action: string, subjectType: string, subjectId: string, before: unknown, after: unknown) =>
  appendAuditEvent(tx, { actor: actorOf(ctx.viewer), action, subjectType, subjectId, before, after }, ctx.now);

/** The certification fields as the audit trail records them (certificate numbers are public). */
function certificationSnapshot(record: CertificationRecord) {
  return { ...record, ethicsAcknowledgedAt: record.ethicsAcknowledgedAt?.toISOString() ?? null };
}

// ---- inputs ----------------------------------------------------------------------------

const recordFields = {
  nameKk: 'Full name in Kazakh.',
  nameRu: 'Full name in Russian.',
  nameEn: 'Full name in English (Latin letters).',
  iin: 'IIN (individual identification number): 12 digits with a valid check digit. Private: never shown publicly, logged or echoed in errors.',
  email: 'E-mail address for the body’s messages. Private.',
  phone: 'Phone number, e.g. +7 701 123 45 67. Private.',
  languages: 'Languages the expert works in.',
  levels: 'Levels of education the expert may assess.',
  subjectAreas: 'Subject area codes, e.g. "mathematics", "governance" (stored lower-case, spaces as dashes).',
  regionCode: 'Two-digit code of the region the expert is based in, e.g. "71" for Astana.',
  city: 'City or settlement the expert lives in.',
} as const;

const ExpertCreateInput = builder.inputType('ExpertCreateInput', {
  description: 'A new expert record (status CANDIDATE).',
  fields: (t) => ({
    nameKk: t.string({ required: true, description: recordFields.nameKk }),
    nameRu: t.string({ required: true, description: recordFields.nameRu }),
    nameEn: t.string({ required: false, description: recordFields.nameEn }),
    iin: t.string({ required: true, description: recordFields.iin }),
    email: t.string({ required: true, description: recordFields.email }),
    phone: t.string({ required: false, description: recordFields.phone }),
    languages: t.field({ type: [LanguageEnum], required: true, description: recordFields.languages }),
    levels: t.field({ type: [EducationLevelEnum], required: true, description: recordFields.levels }),
    subjectAreas: t.stringList({ required: true, description: recordFields.subjectAreas }),
    regionCode: t.string({ required: true, description: recordFields.regionCode }),
    city: t.string({ required: true, description: recordFields.city }),
  }),
});

const unchanged = ' Absent: unchanged.';
const ExpertUpdateInput = builder.inputType('ExpertUpdateInput', {
  description: 'Changes to an expert record: only the fields given change. nameEn and phone given as null are removed.',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    expectedVersion: t.int({ required: true, description: 'The record’s `version` as you read it.' }),
    nameKk: t.string({ required: false, description: recordFields.nameKk + unchanged }),
    nameRu: t.string({ required: false, description: recordFields.nameRu + unchanged }),
    nameEn: t.string({ required: false, description: recordFields.nameEn + unchanged }),
    iin: t.string({ required: false, description: recordFields.iin + unchanged }),
    email: t.string({ required: false, description: recordFields.email + unchanged }),
    phone: t.string({ required: false, description: recordFields.phone + unchanged }),
    languages: t.field({ type: [LanguageEnum], required: false, description: recordFields.languages + unchanged }),
    levels: t.field({ type: [EducationLevelEnum], required: false, description: recordFields.levels + unchanged }),
    subjectAreas: t.stringList({ required: false, description: recordFields.subjectAreas + unchanged }),
    regionCode: t.string({ required: false, description: recordFields.regionCode + unchanged }),
    city: t.string({ required: false, description: recordFields.city + unchanged }),
  }),
});

const EmploymentAddInput = builder.inputType('ExpertEmploymentAddInput', {
  description: 'A period of employment or affiliation of an expert.',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    employerName: t.string({ required: false, description: 'Name of the employer; may be left out when organizationBin is given.' }),
    organizationBin: t.string({ required: false, description: 'BIN of the employer when it is an organization of the register.' }),
    position: t.string({ required: false, description: 'Position held.' }),
    from: t.field({ type: 'Date', required: true, description: 'First day.' }),
    to: t.field({ type: 'Date', required: false, description: 'Last day; absent while it lasts.' }),
  }),
});

const FamilyLinkAddInput = builder.inputType('ExpertFamilyLinkAddInput', {
  description: 'A family link between an expert and an organization of the register.',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    organizationBin: t.string({ required: true, description: 'BIN of the organization.' }),
    description: t.string({ required: true, description: 'The link, e.g. "spouse teaches there".' }),
  }),
});

const LinkUserInput = builder.inputType('ExpertLinkUserInput', {
  description: 'Links an expert record to the expert’s account (a User with the EXPERT role), or unlinks it.',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    expectedVersion: t.int({ required: true, description: 'The record’s `version` as you read it.' }),
    userId: t.globalID({ required: false, description: 'Global identifier of the User; absent or null to unlink.' }),
  }),
});

const StepInput = builder.inputType('ExpertCertificationStepInput', {
  description: 'Identifies the expert and the version you read, for a certification step that needs nothing else.',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    expectedVersion: t.int({ required: true, description: 'The record’s `version` as you read it.' }),
  }),
});

const AssessmentInput = builder.inputType('ExpertRecordAssessmentInput', {
  description: 'The result of an expert’s assessment. At or above the pass mark the expert is ASSESSED; below it, IN_TRAINING.',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    expectedVersion: t.int({ required: true, description: 'The record’s `version` as you read it.' }),
    score: t.int({ required: true, description: 'Score, 0 to 100.' }),
    passMark: t.int({ required: false, description: `Pass mark, 1 to 100 (default ${DEFAULT_PASS_MARK}).` }),
    assessedOn: t.field({ type: 'Date', required: true, description: 'Day of the assessment.' }),
  }),
});

const CertifyInput = builder.inputType('ExpertCertifyInput', {
  description: 'The certificate issued to an assessed expert who has acknowledged the ethics code.',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    expectedVersion: t.int({ required: true, description: 'The record’s `version` as you read it.' }),
    certificateNumber: t.string({ required: true, description: 'Certificate number (unique; "DEMO-" is reserved for demonstration data).' }),
    issuedOn: t.field({ type: 'Date', required: true, description: 'Day of issue (not in the future).' }),
    validUntil: t.field({ type: 'Date', required: true, description: 'Last valid day (after the day of issue, at most 10 years).' }),
  }),
});

const SuspendInput = builder.inputType('ExpertSuspendInput', {
  description: 'Suspension of a certificate, with the reason.',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    expectedVersion: t.int({ required: true, description: 'The record’s `version` as you read it.' }),
    reason: t.string({ required: true, description: 'Why the certificate is suspended (at least 10 characters).' }),
  }),
});

const RenewInput = builder.inputType('ExpertRenewCertificateInput', {
  description: 'A new validity for a certificate (expired, or early for a valid one).',
  fields: (t) => ({
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert.' }),
    expectedVersion: t.int({ required: true, description: 'The record’s `version` as you read it.' }),
    validUntil: t.field({ type: 'Date', required: true, description: 'New last valid day (later than the current one).' }),
    issuedOn: t.field({ type: 'Date', required: false, description: 'Day of the renewal (default today).' }),
    certificateNumber: t.string({ required: false, description: 'A new certificate number; absent keeps the current one.' }),
  }),
});

const EthicsInput = builder.inputType('ExpertAcknowledgeEthicsInput', {
  description: 'The expert’s acknowledgement of a version of the ethics code, recorded with today’s date.',
  fields: (t) => ({
    expertId: t.globalID({ required: false, description: 'The expert; absent for your own record. Staff (COORDINATOR, ADMIN) may record it for any expert.' }),
    version: t.string({ required: true, description: 'Version of the ethics code acknowledged, e.g. "2025.1".' }),
  }),
});

const ActivityInput = builder.inputType('ProfessionalActivityAddInput', {
  description: 'A professional development activity of an expert.',
  fields: (t) => ({
    expertId: t.globalID({ required: false, description: 'The expert; absent for your own record. Staff (COORDINATOR, ADMIN) may add for any expert.' }),
    kind: t.field({ type: ActivityKindEnum, required: true, description: 'Training, internship, mentoring or conference.' }),
    title: t.string({ required: true, description: 'What it was.' }),
    hours: t.int({ required: true, description: 'Hours it counts for, 1 to 2000.' }),
    date: t.field({ type: 'Date', required: true, description: 'Day it took place (or ended); not in the future.' }),
    evidence: t.string({ required: false, description: 'Evidence: certificate number, link or description.' }),
  }),
});

const MentorshipStartInput = builder.inputType('MentorshipStartInput', {
  description: 'A mentor–mentee pair of experts. The mentor must be certified with a valid certificate.',
  fields: (t) => ({
    mentorId: t.globalID({ required: true, description: 'Global identifier of the mentor (an Expert).' }),
    menteeId: t.globalID({ required: true, description: 'Global identifier of the mentee (an Expert).' }),
    startedOn: t.field({ type: 'Date', required: false, description: 'First day (default today; not in the future).' }),
  }),
});

const MentorshipEndInput = builder.inputType('MentorshipEndInput', {
  description: 'The end of a mentorship.',
  fields: (t) => ({
    mentorshipId: t.globalID({ required: true, description: 'Global identifier of the mentorship.' }),
    endedOn: t.field({ type: 'Date', required: false, description: 'Last day (default today; not in the future).' }),
  }),
});

const NeedsInput = builder.inputType('ExpertNeedsSubmitInput', {
  description: 'Your answer to the development-needs survey of a year; submitting again replaces it.',
  fields: (t) => ({
    year: t.int({ required: true, description: 'The year the needs are for (last, this or next year).' }),
    topics: t.stringList({ required: true, description: `Topics you want to develop, 1 to ${MAX_TOPICS}, each at most ${MAX_TOPIC_LENGTH} characters.` }),
    comment: t.string({ required: false, description: 'Anything else (at most 2000 characters).' }),
  }),
});

const RateInput = builder.inputType('ExpertRateInput', {
  description: 'A rating of an expert of a case’s team, after the external visit.',
  fields: (t) => ({
    caseId: t.globalID({ required: true, description: 'Global identifier of the case.' }),
    expertId: t.globalID({ required: true, description: 'Global identifier of the expert (an Expert on the case’s team).' }),
    score: t.int({ required: true, description: 'Score from 1 (poor) to 5 (excellent).' }),
    comment: t.string({ required: false, description: 'What went well or not (at most 2000 characters).' }),
  }),
});

const payloads = {
  create: expertPayload('ExpertCreatePayload', 'expertCreate'),
  update: expertPayload('ExpertUpdatePayload', 'expertUpdate'),
  employmentAdd: expertPayload('ExpertEmploymentAddPayload', 'expertEmploymentAdd'),
  familyLinkAdd: expertPayload('ExpertFamilyLinkAddPayload', 'expertFamilyLinkAdd'),
  linkUser: expertPayload('ExpertLinkUserPayload', 'expertLinkUser'),
  startTraining: expertPayload('ExpertStartTrainingPayload', 'expertStartTraining'),
  recordAssessment: expertPayload('ExpertRecordAssessmentPayload', 'expertRecordAssessment'),
  certify: expertPayload('ExpertCertifyPayload', 'expertCertify'),
  suspend: expertPayload('ExpertSuspendPayload', 'expertSuspend'),
  reinstate: expertPayload('ExpertReinstatePayload', 'expertReinstate'),
  expire: expertPayload('ExpertExpirePayload', 'expertExpire'),
  renew: expertPayload('ExpertRenewCertificatePayload', 'expertRenewCertificate'),
  acknowledgeEthics: expertPayload('ExpertAcknowledgeEthicsPayload', 'expertAcknowledgeEthics'),
  activityAdd: activityPayload('ProfessionalActivityAddPayload', 'professionalActivityAdd'),
  mentorshipStart: mentorshipPayload('MentorshipStartPayload', 'mentorshipStart'),
  mentorshipEnd: mentorshipPayload('MentorshipEndPayload', 'mentorshipEnd'),
  needsSubmit: needsPayload('ExpertNeedsSubmitPayload', 'expertNeedsSubmit'),
  rate: ratingPayload('ExpertRatePayload', 'expertRate'),
};

const signedIn = { signedIn: true } as const;

/** Steps that change who is on the public register of certified experts, or until when. */
const registerSteps: ReadonlySet<CertificationStep['kind']> = new Set(['certify', 'suspend', 'reinstate', 'expire', 'renew']);

/** A certification step by a coordinator or an administrator, with optimistic concurrency. */
async function certificationStep(ctx: GraphQLContext, input: { expertId: { typename: string; id: string }; expectedVersion: number }, step: CertificationStep) {
  const payload = await expertChange(ctx, async (tx) => {
    requireManager(ctx);
    const expert = await loadExpert(tx, idOf(input.expertId, 'Expert', 'expertId'));
    assertVersion(expert, input.expectedVersion);
    const before = certificationOf(expert);
    const after = accepted(applyCertificationStep(before, step, ctx.today));
    if (after.certificateNumber !== before.certificateNumber) await assertCertificateNumberFree(tx, after.certificateNumber, expert.id);
    try {
      await saveExpert(tx, expert, certificationData(after));
    } catch (error) {
      uniqueViolation(error, 'certificateNumber', 'Another expert holds a certificate with this number.');
    }
    await audit(tx, ctx, `expert.certification.${step.kind}`, 'Expert', expert.id, certificationSnapshot(before), certificationSnapshot(after));
    return expert.id;
  });
  // Only after the commit, as for a published decision: the site's /experts/ pages are rebuilt.
  if (payload.expertId && registerSteps.has(step.kind)) ctx.registerChanged?.();
  return payload;
}

builder.mutationFields((t) => ({
  expertCreate: t.field({
    type: payloads.create,
    authScopes: signedIn,
    description: 'Creates an expert record, status CANDIDATE (COORDINATOR or ADMIN). The IIN must be valid and not on another record.',
    args: { input: t.arg({ type: ExpertCreateInput, required: true, description: 'The record.' }) },
    resolve: (_root, { input }, ctx) =>
      expertChange(ctx, async (tx) => {
        requireManager(ctx);
        const { values, errors } = checkExpertRecord(input, true);
        const regionId = await regionIdOf(tx, input.regionCode, errors);
        if (errors.length) throw new BusinessRuleError(errors);
        const { nameKk, nameRu, iin, email, languages, levels, subjectAreas, city } = values;
        if (!nameKk || !nameRu || !iin || !email || !languages || !levels || !subjectAreas || !city || !regionId) {
          throw new Error('checkExpertRecord accepted a record without a required field');
        }
        await assertIinFree(tx, iin, null);
        const data = { nameKk, nameRu, nameEn: values.nameEn ?? null, iin, email, phone: values.phone ?? null, languages, levels, subjectAreas, city, regionId };
        const created = await tx.expert.create({ data }).catch((error: unknown) => uniqueViolation(error, 'iin', 'Another expert record already has this IIN.'));
        await audit(tx, ctx, 'expert.create', 'Expert', created.id, null, { ...auditableValues(values), regionCode: input.regionCode.trim(), status: created.status });
        return created.id;
      }),
  }),

  expertUpdate: t.field({
    type: payloads.update,
    authScopes: signedIn,
    description: 'Changes the given fields of an expert record (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: ExpertUpdateInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) =>
      expertChange(ctx, async (tx) => {
        requireManager(ctx);
        const expert = await loadExpert(tx, idOf(input.expertId, 'Expert', 'expertId'));
        assertVersion(expert, input.expectedVersion);
        const { values, errors } = checkExpertRecord(input, false);
        const regionId = input.regionCode != null ? await regionIdOf(tx, input.regionCode, errors) : undefined;
        if (errors.length) throw new BusinessRuleError(errors);
        const changed = (Object.keys(values) as (keyof ExpertRecordValues)[]).filter((key) => JSON.stringify(values[key]) !== JSON.stringify(expert[key]));
        const regionChanged = regionId !== undefined && regionId !== null && regionId !== expert.regionId;
        if (!changed.length && !regionChanged) throw new BusinessRuleError(userError(null, 'INVALID', 'Nothing to change: every value given is the current one.'));
        const data = Object.fromEntries(changed.map((key) => [key, values[key]])) as ExpertRecordValues;
        await assertIinFree(tx, data.iin, expert.id);
        try {
          await saveExpert(tx, expert, { ...data, ...(regionChanged && regionId ? { regionId } : {}) });
        } catch (error) {
          uniqueViolation(error, 'iin', 'Another expert record already has this IIN.');
        }
        const beforeValues = Object.fromEntries(changed.map((key) => [key, expert[key]])) as ExpertRecordValues;
        const region = regionChanged ? { regionCode: input.regionCode?.trim() } : {};
        await audit(tx, ctx, 'expert.update', 'Expert', expert.id, auditableValues(beforeValues), { ...auditableValues(data), ...region });
        return expert.id;
      }),
  }),

  expertEmploymentAdd: t.field({
    type: payloads.employmentAdd,
    authScopes: signedIn,
    description: 'Adds a period of employment or affiliation to an expert’s history (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: EmploymentAddInput, required: true, description: 'The employment.' }) },
    resolve: (_root, { input }, ctx) =>
      expertChange(ctx, async (tx) => {
        requireManager(ctx);
        const expert = await loadExpert(tx, idOf(input.expertId, 'Expert', 'expertId'));
        const errors = periodErrors(input.from, input.to, ctx.today, { from: 'from', to: 'to' });
        const organizationId = input.organizationBin?.trim() ? await findOrganizationIdByBin(tx, input.organizationBin, 'organizationBin') : null;
        const organization = organizationId ? await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { nameRu: true } }) : null;
        const employerName = input.employerName?.trim() || organization?.nameRu || '';
        if (!employerName) errors.push(userError('employerName', 'REQUIRED', 'Give the employer’s name, or the BIN of an organization of the register.'));
        if (employerName.length > MAX_TITLE_LENGTH) errors.push(userError('employerName', 'INVALID', `The employer’s name has at most ${MAX_TITLE_LENGTH} characters.`));
        const position = optionalTrimmed(errors, 'position', input.position, MAX_TITLE_LENGTH, 'The position');
        if (errors.length) throw new BusinessRuleError(errors);
        const row = await tx.expertEmployment.create({
          data: { expertId: expert.id, organizationId, employerName, position, startedOn: fromIsoDate(input.from), endedOn: input.to ? fromIsoDate(input.to) : null },
        });
        await audit(tx, ctx, 'expert.employment.add', 'Expert', expert.id, null, {
          employmentId: row.id,
          employerName,
          organizationId,
          position,
          from: input.from,
          to: input.to ?? null,
        });
        return expert.id;
      }),
  }),

  expertFamilyLinkAdd: t.field({
    type: payloads.familyLinkAdd,
    authScopes: signedIn,
    description: 'Records a family link between an expert and an organization, a conflict of interest for its cases (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: FamilyLinkAddInput, required: true, description: 'The link.' }) },
    resolve: (_root, { input }, ctx) =>
      expertChange(ctx, async (tx) => {
        requireManager(ctx);
        const expert = await loadExpert(tx, idOf(input.expertId, 'Expert', 'expertId'));
        const errors: UserError[] = [];
        const description = requiredTrimmed(errors, 'description', input.description, MAX_TEXT_LENGTH, 'the family link');
        const organizationId = await findOrganizationIdByBin(tx, input.organizationBin, 'organizationBin');
        if (errors.length) throw new BusinessRuleError(errors);
        const existing = await tx.expertFamilyLink.findUnique({ where: { expertId_organizationId: { expertId: expert.id, organizationId } }, select: { id: true } });
        const duplicate = 'A family link between this expert and this organization is already recorded.';
        if (existing) throw new BusinessRuleError(userError('organizationBin', 'ALREADY_EXISTS', duplicate));
        const row = await tx.expertFamilyLink.create({ data: { expertId: expert.id, organizationId, description } }).catch((error: unknown) => uniqueViolation(error, 'organizationBin', duplicate));
        await audit(tx, ctx, 'expert.familyLink.add', 'Expert', expert.id, null, { familyLinkId: row.id, organizationId, description });
        return expert.id;
      }),
  }),

  expertLinkUser: t.field({
    type: payloads.linkUser,
    authScopes: signedIn,
    description: 'Links an expert record to the expert’s account, an active User with the EXPERT role and no other expert record; or unlinks it (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: LinkUserInput, required: true, description: 'The record and the account.' }) },
    resolve: (_root, { input }, ctx) =>
      expertChange(ctx, async (tx) => {
        requireManager(ctx);
        const expert = await loadExpert(tx, idOf(input.expertId, 'Expert', 'expertId'));
        assertVersion(expert, input.expectedVersion);
        const userId = input.userId ? idOf(input.userId, 'User', 'userId') : null;
        if (userId === expert.userId) throw new BusinessRuleError(userError('userId', 'INVALID', 'The record is already linked to this account.'));
        if (userId) {
          const experts = await activeUserIdsWithRole(tx, 'EXPERT', { amongIds: [userId] });
          if (!experts.length) throw new BusinessRuleError(userError('userId', 'INVALID', 'The account must be an active user with the EXPERT role.'));
          const other = await tx.expert.findUnique({ where: { userId }, select: { id: true } });
          if (other) throw new BusinessRuleError(userError('userId', 'ALREADY_EXISTS', 'The account is already linked to another expert record.'));
        }
        try {
          await saveExpert(tx, expert, { userId });
        } catch (error) {
          uniqueViolation(error, 'userId', 'The account is already linked to another expert record.');
        }
        await audit(tx, ctx, userId ? 'expert.linkUser' : 'expert.unlinkUser', 'Expert', expert.id, { userId: expert.userId }, { userId });
        return expert.id;
      }),
  }),

  expertStartTraining: t.field({
    type: payloads.startTraining,
    authScopes: signedIn,
    description: 'A candidate starts training: CANDIDATE → IN_TRAINING (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: StepInput, required: true, description: 'The expert.' }) },
    resolve: (_root, { input }, ctx) => certificationStep(ctx, input, { kind: 'startTraining' }),
  }),

  expertRecordAssessment: t.field({
    type: payloads.recordAssessment,
    authScopes: signedIn,
    description:
      'Records an assessment: at or above the pass mark IN_TRAINING/ASSESSED → ASSESSED; below it the expert stays in, or returns to, IN_TRAINING (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: AssessmentInput, required: true, description: 'The assessment.' }) },
    resolve: (_root, { input }, ctx) =>
      certificationStep(ctx, input, { kind: 'recordAssessment', score: input.score, passMark: input.passMark ?? DEFAULT_PASS_MARK, assessedOn: input.assessedOn }),
  }),

  expertCertify: t.field({
    type: payloads.certify,
    authScopes: signedIn,
    description:
      'Certifies an assessed expert with a passing score who has acknowledged the ethics code version in force (KZA_ETHICS_CODE_VERSION): ASSESSED → CERTIFIED, with the certificate’s number, day of issue and last valid day (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: CertifyInput, required: true, description: 'The certificate.' }) },
    resolve: (_root, { input }, ctx) =>
      certificationStep(ctx, input, {
        kind: 'certify',
        certificateNumber: input.certificateNumber,
        issuedOn: input.issuedOn,
        validUntil: input.validUntil,
        currentEthicsCodeVersion: currentEthicsCodeVersion(),
      }),
  }),

  expertSuspend: t.field({
    type: payloads.suspend,
    authScopes: signedIn,
    description: 'Suspends a certificate, with the reason: CERTIFIED → SUSPENDED; the expert leaves the public register (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: SuspendInput, required: true, description: 'The suspension.' }) },
    resolve: (_root, { input }, ctx) => certificationStep(ctx, input, { kind: 'suspend', reason: input.reason }),
  }),

  expertReinstate: t.field({
    type: payloads.reinstate,
    authScopes: signedIn,
    description: 'Lifts a suspension while the certificate is still valid: SUSPENDED → CERTIFIED (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: StepInput, required: true, description: 'The expert.' }) },
    resolve: (_root, { input }, ctx) => certificationStep(ctx, input, { kind: 'reinstate' }),
  }),

  expertExpire: t.field({
    type: payloads.expire,
    authScopes: signedIn,
    description: 'Marks a certificate whose last valid day has passed as expired: CERTIFIED or SUSPENDED → EXPIRED (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: StepInput, required: true, description: 'The expert.' }) },
    resolve: (_root, { input }, ctx) => certificationStep(ctx, input, { kind: 'expire' }),
  }),

  expertRenewCertificate: t.field({
    type: payloads.renew,
    authScopes: signedIn,
    description:
      'Renews a certificate with a later last valid day: EXPIRED or CERTIFIED → CERTIFIED. The ethics code version in force must be acknowledged (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: RenewInput, required: true, description: 'The renewal.' }) },
    resolve: (_root, { input }, ctx) =>
      certificationStep(ctx, input, {
        kind: 'renew',
        validUntil: input.validUntil,
        issuedOn: input.issuedOn ?? ctx.today,
        certificateNumber: input.certificateNumber ?? null,
        currentEthicsCodeVersion: currentEthicsCodeVersion(),
      }),
  }),

  expertAcknowledgeEthics: t.field({
    type: payloads.acknowledgeEthics,
    authScopes: signedIn,
    description: 'Records that the expert acknowledged a version of the ethics code, today; needed before certification and renewal. By the expert themself, or staff (COORDINATOR, ADMIN) recording a signed acknowledgement.',
    args: { input: t.arg({ type: EthicsInput, required: true, description: 'The acknowledgement.' }) },
    resolve: (_root, { input }, ctx) =>
      expertChange(ctx, async (tx) => {
        const { id } = await expertActedFor(tx, ctx, input.expertId ? idOf(input.expertId, 'Expert', 'expertId') : null);
        const expert = await loadExpert(tx, id);
        const before = certificationOf(expert);
        const after = accepted(acknowledgeEthics(before, input.version, ctx.now));
        await saveExpert(tx, expert, certificationData(after));
        await audit(
          tx,
          ctx,
          'expert.ethics.acknowledge',
          'Expert',
          expert.id,
          { ethicsCodeVersion: before.ethicsCodeVersion, ethicsAcknowledgedAt: before.ethicsAcknowledgedAt?.toISOString() ?? null },
          { ethicsCodeVersion: after.ethicsCodeVersion, ethicsAcknowledgedAt: ctx.now.toISOString() },
        );
        return expert.id;
      }),
  }),

  professionalActivityAdd: t.field({
    type: payloads.activityAdd,
    authScopes: signedIn,
    description: 'Records a professional development activity with its hours and evidence. By the expert themself, or staff (COORDINATOR, ADMIN).',
    args: { input: t.arg({ type: ActivityInput, required: true, description: 'The activity.' }) },
    resolve: (_root, { input }, ctx) =>
      rowChange(ctx, async (tx) => {
        const { id: expertId } = await expertActedFor(tx, ctx, input.expertId ? idOf(input.expertId, 'Expert', 'expertId') : null);
        const errors: UserError[] = [];
        const title = requiredTrimmed(errors, 'title', input.title, MAX_TITLE_LENGTH, 'the title');
        const evidence = optionalTrimmed(errors, 'evidence', input.evidence, MAX_TEXT_LENGTH, 'The evidence');
        if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > 2000) errors.push(userError('hours', 'INVALID', 'Hours are a whole number from 1 to 2000.'));
        if (input.date > ctx.today) errors.push(userError('date', 'INVALID', `An activity cannot be recorded before it takes place (today is ${ctx.today}).`));
        if (errors.length) throw new BusinessRuleError(errors);
        const row = await tx.professionalActivity.create({ data: { expertId, kind: input.kind, title, hours: input.hours, occurredOn: fromIsoDate(input.date), evidence } });
        await audit(tx, ctx, 'expert.activity.add', 'Expert', expertId, null, { activityId: row.id, kind: input.kind, title, hours: input.hours, date: input.date, evidence });
        return row.id;
      }),
  }),

  mentorshipStart: t.field({
    type: payloads.mentorshipStart,
    authScopes: signedIn,
    description: 'Pairs a mentor with a mentee; the mentor must be certified with a valid certificate (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: MentorshipStartInput, required: true, description: 'The pair.' }) },
    resolve: (_root, { input }, ctx) =>
      rowChange(ctx, async (tx) => {
        requireManager(ctx);
        const mentor = await loadExpert(tx, idOf(input.mentorId, 'Expert', 'mentorId'), 'mentorId');
        const mentee = await loadExpert(tx, idOf(input.menteeId, 'Expert', 'menteeId'), 'menteeId');
        const startedOn = input.startedOn ?? ctx.today;
        const errors: UserError[] = [];
        if (mentor.id === mentee.id) errors.push(userError('menteeId', 'INVALID', 'An expert cannot mentor themself.'));
        if (!isOnPublicRegister({ status: mentor.status, certificateValidUntil: isoOrNull(mentor.certificateValidUntil) }, ctx.today)) {
          errors.push(userError('mentorId', 'GUARD_FAILED', 'The mentor must be a certified expert with a certificate valid today.'));
        }
        if (startedOn > ctx.today) errors.push(userError('startedOn', 'INVALID', `A mentorship is recorded once it starts (today is ${ctx.today}).`));
        if (errors.length) throw new BusinessRuleError(errors);
        const open = await tx.mentorship.findFirst({ where: { mentorId: mentor.id, menteeId: mentee.id, endedOn: null }, select: { id: true } });
        if (open) throw new BusinessRuleError(userError('menteeId', 'ALREADY_EXISTS', 'This mentor already mentors this expert.'));
        const row = await tx.mentorship.create({ data: { mentorId: mentor.id, menteeId: mentee.id, startedOn: fromIsoDate(startedOn) } });
        await audit(tx, ctx, 'mentorship.start', 'Mentorship', row.id, null, { mentorId: mentor.id, menteeId: mentee.id, startedOn });
        return row.id;
      }),
  }),

  mentorshipEnd: t.field({
    type: payloads.mentorshipEnd,
    authScopes: signedIn,
    description: 'Ends a mentorship (COORDINATOR or ADMIN).',
    args: { input: t.arg({ type: MentorshipEndInput, required: true, description: 'The mentorship.' }) },
    resolve: (_root, { input }, ctx) =>
      rowChange(ctx, async (tx) => {
        requireManager(ctx);
        const id = idOf(input.mentorshipId, 'Mentorship', 'mentorshipId');
        const mentorship = await tx.mentorship.findUnique({ where: { id } });
        if (!mentorship) throw new BusinessRuleError(userError('mentorshipId', 'NOT_FOUND', 'No mentorship with this id exists.'));
        if (mentorship.endedOn) throw new BusinessRuleError(userError('mentorshipId', 'GUARD_FAILED', `The mentorship already ended on ${toIsoDate(mentorship.endedOn)}.`));
        const endedOn = input.endedOn ?? ctx.today;
        const errors = periodErrors(toIsoDate(mentorship.startedOn), endedOn, ctx.today, { from: 'mentorshipId', to: 'endedOn' });
        if (errors.length) throw new BusinessRuleError(errors);
        await tx.mentorship.update({ where: { id }, data: { endedOn: fromIsoDate(endedOn) } });
        await audit(tx, ctx, 'mentorship.end', 'Mentorship', id, { endedOn: null }, { endedOn });
        return id;
      }),
  }),

  expertNeedsSubmit: t.field({
    type: payloads.needsSubmit,
    authScopes: signedIn,
    description: 'Submits (or replaces) your answer to the development-needs survey of a year. Only experts, for their own record.',
    args: { input: t.arg({ type: NeedsInput, required: true, description: 'The answer.' }) },
    resolve: (_root, { input }, ctx) =>
      rowChange(ctx, async (tx) => {
        const viewer = requireActor(ctx);
        const expert = await tx.expert.findUnique({ where: { userId: viewer.userId }, select: { id: true } });
        if (!expert) throw new BusinessRuleError(userError(null, 'FORBIDDEN', 'Your account is not linked to an expert record; only experts answer this survey.'));
        const errors: UserError[] = [];
        const thisYear = Number(ctx.today.slice(0, 4));
        if (!Number.isInteger(input.year) || input.year < thisYear - 1 || input.year > thisYear + 1) {
          errors.push(userError('year', 'INVALID', `The survey is answered for last year, this year or next year (${thisYear - 1}–${thisYear + 1}).`));
        }
        const topics = [...new Set(input.topics.map(normaliseTopic).filter(Boolean))];
        if (topics.length === 0 || topics.length > MAX_TOPICS) errors.push(userError('topics', 'INVALID', `Name 1 to ${MAX_TOPICS} topics.`));
        if (topics.some((topic) => topic.length > MAX_TOPIC_LENGTH)) errors.push(userError('topics', 'INVALID', `A topic has at most ${MAX_TOPIC_LENGTH} characters.`));
        const comment = optionalTrimmed(errors, 'comment', input.comment, MAX_TEXT_LENGTH, 'The comment');
        if (errors.length) throw new BusinessRuleError(errors);
        const key = { expertId_year: { expertId: expert.id, year: input.year } };
        const previous = await tx.expertNeedsResponse.findUnique({ where: key, select: { topics: true } });
        const row = await tx.expertNeedsResponse.upsert({
          where: key,
          create: { expertId: expert.id, year: input.year, topics, comment, submittedAt: ctx.now },
          update: { topics, comment, submittedAt: ctx.now },
        });
        await audit(tx, ctx, 'expert.needs.submit', 'Expert', expert.id, previous ? { year: input.year, topics: previous.topics } : null, { year: input.year, topics });
        return row.id;
      }),
  }),

  expertRate: t.field({
    type: payloads.rate,
    authScopes: signedIn,
    description:
      'Rates an expert of a case’s team once the external visit is over (stage FINAL_REPORT or later): by the organization’s representative (rater ORGANIZATION) or a coordinator (rater COORDINATOR), once each per expert and case.',
    args: { input: t.arg({ type: RateInput, required: true, description: 'The rating.' }) },
    resolve: (_root, { input }, ctx) =>
      rowChange(ctx, async (tx) => {
        const viewer = requireActor(ctx);
        const caseId = idOf(input.caseId, 'AccreditationCase', 'caseId');
        const found = await tx.accreditationCase.findFirst({
          where: { AND: [{ id: caseId }, visibleCasesWhere(viewer)] },
          select: { id: true, number: true, stage: true, organizationId: true, team: { select: { members: { select: { userId: true } } } } },
        });
        if (!found) throw new BusinessRuleError(userError('caseId', 'NOT_FOUND', 'No case with this id exists, or you may not see it.'));
        const raterRole = raterRoleOf(viewer, found.organizationId);
        if (!raterRole) {
          throw new BusinessRuleError(userError(null, 'FORBIDDEN', 'Only the organization’s representative or a coordinator may rate the experts of a case.'));
        }
        if (!RATEABLE_STAGES.includes(found.stage)) {
          throw new BusinessRuleError(userError('caseId', 'GUARD_FAILED', `Experts are rated once the external visit is over (from FINAL_REPORT on); the case is at ${found.stage}.`));
        }
        const expert = await loadExpert(tx, idOf(input.expertId, 'Expert', 'expertId'));
        const onTeam = expert.userId !== null && (found.team?.members.some((member) => member.userId === expert.userId) ?? false);
        if (!onTeam) throw new BusinessRuleError(userError('expertId', 'INVALID', `The expert was not on the team of case ${found.number}.`));
        const errors: UserError[] = [];
        if (!Number.isInteger(input.score) || input.score < MIN_SCORE || input.score > MAX_SCORE) {
          errors.push(userError('score', 'INVALID', `The score is a whole number from ${MIN_SCORE} to ${MAX_SCORE}.`));
        }
        const comment = optionalTrimmed(errors, 'comment', input.comment, MAX_TEXT_LENGTH, 'The comment');
        if (errors.length) throw new BusinessRuleError(errors);
        const duplicate = `The ${raterRole === 'ORGANIZATION' ? 'organization' : 'coordinators'} already rated this expert for case ${found.number}.`;
        const existing = await tx.expertRating.findUnique({ where: { caseId_expertId_raterRole: { caseId, expertId: expert.id, raterRole } }, select: { id: true } });
        if (existing) throw new BusinessRuleError(userError('expertId', 'ALREADY_EXISTS', duplicate));
        const row = await tx.expertRating
          .create({ data: { caseId, expertId: expert.id, raterRole, raterId: viewer.userId, score: input.score, comment, createdAt: ctx.now } })
          .catch((error: unknown) => uniqueViolation(error, 'expertId', duplicate));
        await audit(tx, ctx, 'expert.rate', 'Expert', expert.id, null, { ratingId: row.id, caseId, raterRole, score: input.score });
        return row.id;
      }),
  }),
}));
