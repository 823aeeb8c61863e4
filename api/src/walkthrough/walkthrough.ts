// The walkthrough: one accreditation case from the application to a published decision on
// the register, over the real API, each step sent over HTTP by the person whose role may
// take it. Before the case, the coordinator certifies the two experts who will sit on its
// team; at stage 3 the team is formed from the ranked candidates of expertTeamCandidates.
// It runs on a throw-away embedded database and a clock of its own, which it moves
// forward between steps: the procedure takes weeks, and the API checks that visits are in
// the future and that the final report follows the start of the external visit.
// docs/walkthrough.md explains what happens at each step.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdmin } from '../auth/admin.ts';
import { productionPasswordHashing } from '../auth/passwords.ts';
import { createAuthService } from '../auth/service.ts';
import { defaultSignInLimit, defaultSignInLimitPerIp, type AuthSettings } from '../auth/settings.ts';
import { currentEthicsCodeVersion } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { seedDatabase } from '../db/seed.ts';
import type { EducationLevel, Language, Role } from '../generated/prisma/enums.ts';
import { binCheckDigit } from '../organizations/bin.ts';
import { startApiServer, type ApiServer } from '../server.ts';
import { fromIsoDate, todayInKazakhstan, toIsoDate } from '../shared/dates.ts';
import { createLogger } from '../shared/logger.ts';
import { countWorkingDays } from '../shared/working-days.ts';
import { assertNoUserErrors, GraphQLClient, WalkthroughError, type UserError } from './client.ts';
import * as op from './operations.ts';
import { buildSiteInto, organizationPagePath, readOrganizationPage } from './site.ts';
import { timelineFinishingBy, type Timeline } from './timeline.ts';

/** NIS Astana (International Baccalaureate): in the seed, with no case of its own. */
export const WALKTHROUGH_BIN = '999900000022';

export interface WalkthroughOptions {
  /** Build the site and read the organization's page (an `astro build`: the slow part). Default true. */
  buildSite?: boolean;
  /** Last simulated day of the procedure, YYYY-MM-DD. Default: yesterday in Kazakhstan. */
  finishBy?: string;
  /** When the public reads the register afterwards. Default: the real time now. */
  publicCheckAt?: Date;
  /** Where the progress lines go. Default: standard output. */
  print?: (line: string) => void;
}

export interface WalkthroughResult {
  timeline: Timeline;
  caseNumber: string;
  caseStage: string;
  decisionNumber: string;
  /** As the public register query shows it. */
  accreditationStatus: string;
  accreditedUntil: string | null;
  /** The built English page of the organization; null when the site build was switched off. */
  sitePage: string | null;
}

// ---- the people ---------------------------------------------------------------------

interface PersonSpec {
  /** How the output names them: their part in the procedure. */
  label: string;
  displayName: string;
  email: string;
  roles: Role[];
  organizationBin?: string;
}

const people = {
  representative: {
    label: 'representative',
    displayName: 'Aigerim Sadykova',
    email: 'representative@nis-astana-ib.example.kz',
    roles: ['ORGANIZATION_REPRESENTATIVE'],
    organizationBin: WALKTHROUGH_BIN,
  },
  coordinator: { label: 'coordinator', displayName: 'Daniyar Omarov', email: 'coordinator@accreditation.example.kz', roles: ['COORDINATOR'] },
  director: { label: 'CPM director', displayName: 'Saule Bekova', email: 'director@cpm.example.kz', roles: ['CPM_DIRECTOR'] },
  leadExpert: { label: 'lead expert', displayName: 'Marat Zhaksylykov', email: 'lead.expert@experts.example.kz', roles: ['EXPERT'] },
  expert: { label: 'expert', displayName: 'Aliya Nurpeisova', email: 'expert@experts.example.kz', roles: ['EXPERT'] },
  commission: { label: 'commission member', displayName: 'Yerlan Ismailov', email: 'commission@accreditation.example.kz', roles: ['COMMISSION_MEMBER'] },
  secretary: { label: 'Council secretary', displayName: 'Gulnara Akhmetova', email: 'secretary@accreditation.example.kz', roles: ['COUNCIL_SECRETARY'] },
  councilMember1: { label: 'Council member 1', displayName: 'Askar Seitkali', email: 'council.1@accreditation.example.kz', roles: ['COUNCIL_MEMBER'] },
  councilMember2: { label: 'Council member 2', displayName: 'Dana Mukanova', email: 'council.2@accreditation.example.kz', roles: ['COUNCIL_MEMBER'] },
  councilMember3: { label: 'Council member 3', displayName: 'Timur Bekmukhanov', email: 'council.3@accreditation.example.kz', roles: ['COUNCIL_MEMBER'] },
} satisfies Record<string, PersonSpec>;

type PersonKey = keyof typeof people;

// ---- the experts' records -----------------------------------------------------------------

/**
 * A demonstration IIN: valid by its check digit (the BIN's rule, binCheckDigit) but
 * obviously nobody's, since the birth date 00.00.00 does not exist and the century digit 0
 * is unused: 000000 0 <serial> <check digit>. Demo data, for this walkthrough only.
 */
export function demoIin(serial: number): string {
  const first11 = `0000000${String(serial).padStart(4, '0')}`;
  const check = binCheckDigit(first11);
  if (check === null) throw new Error(`no valid demonstration IIN has the serial ${serial}`);
  return `${first11}${check}`;
}

/** What the coordinator records for each of the two experts, and how their certification goes. */
interface ExpertSpec {
  nameKk: string;
  nameRu: string;
  languages: Language[];
  levels: EducationLevel[];
  subjectAreas: string[];
  regionCode: string;
  city: string;
  /** Serial of the expert's demonstration IIN (see demoIin). */
  iinSerial: number;
  /** Score in the certification assessment, against PASS_MARK. */
  assessmentScore: number;
  /** Last part of the certificate number, EXP-<year>-<serial>. */
  certificateSerial: string;
}

// Both suit the school (secondary level, its languages, the IB programme's subject areas
// "english-language" and "assessment") and live outside Astana, the school's own city.
const expertRecords = {
  leadExpert: {
    nameKk: 'Марат Жақсылықов',
    nameRu: 'Марат Жаксылыков',
    languages: ['KK', 'RU', 'EN'],
    levels: ['SECONDARY'],
    subjectAreas: ['english-language', 'assessment', 'school-governance'],
    regionCode: '35',
    city: 'Karaganda',
    iinSerial: 1,
    assessmentScore: 88,
    certificateSerial: '0001',
  },
  expert: {
    nameKk: 'Әлия Нұрпейісова',
    nameRu: 'Алия Нурпеисова',
    languages: ['KK', 'RU'],
    levels: ['SECONDARY'],
    subjectAreas: ['assessment', 'mathematics'],
    regionCode: '55',
    city: 'Pavlodar',
    iinSerial: 2,
    assessmentScore: 81,
    certificateSerial: '0002',
  },
} satisfies Partial<Record<PersonKey, ExpertSpec>>;

type ExpertKey = keyof typeof expertRecords;
const expertKeys = Object.keys(expertRecords) as ExpertKey[];

const PASS_MARK = 70;
/** The version of the ethics code the experts acknowledge: the one in force (KZA_ETHICS_CODE_VERSION). */
const ETHICS_CODE_VERSION = currentEthicsCodeVersion();
/** How long a certificate is valid. */
const CERTIFICATE_YEARS = 3;

interface SignedIn {
  label: string;
  /** Global id of the user, as the API gives it. */
  id: string;
  token: string;
}

// ---- shapes of the answers ------------------------------------------------------------

interface CaseView {
  id: string;
  number: string;
  stage: string;
  version: number;
}

interface CasePayload {
  case: CaseView | null;
  userErrors: UserError[];
}

interface SignInData {
  signIn: { accessToken: string | null; expiresAt: string | null; user: { id: string } | null; userErrors: UserError[] };
}

interface UserCreateData {
  userCreate: { user: { id: string; email: string; roles: string[] } | null; userErrors: UserError[] };
}

interface ExpertView {
  id: string;
  version: number;
  status?: string;
  user?: { id: string; email: string } | null;
  assessmentScore?: number | null;
  assessmentPassMark?: number | null;
  ethicsCodeVersion?: string | null;
  certificateNumber?: string | null;
  certificateIssuedOn?: string | null;
  certificateValidUntil?: string | null;
  isOnPublicRegister?: boolean;
}

interface ExpertPayload {
  expert: ExpertView | null;
  userErrors: UserError[];
}

interface TeamFormationReason {
  code: string;
  points?: number;
  message?: string;
}

interface TeamCandidate {
  rank: number;
  userId: string;
  name: string;
  score: number;
  languages: string[];
  subjectAreas: string[];
  reasons: TeamFormationReason[];
}

interface TeamCandidatesData {
  expertTeamCandidates: {
    requirements: { minSize: number; maxSize: number; languages: string[]; level: string; lastVisitDay: string; subjectAreas: string[] };
    candidates: TeamCandidate[];
    exclusions: { name: string; certificateNumber: string | null; reasons: TeamFormationReason[] }[];
    suggestedTeam: {
      lead: Pick<TeamCandidate, 'rank' | 'userId' | 'name'> | null;
      members: Pick<TeamCandidate, 'rank' | 'userId' | 'name'>[];
      uncovered: TeamFormationReason[];
    };
  } | null;
}

interface CaseFrameworkData {
  case: { framework: { version: number; standards: { code: string; criteria: { code: string }[] }[] } } | null;
}

interface MeetingData {
  meeting: { id: string; heldOn?: string; quorum?: number; votes?: { choice: string }[] } | null;
  userErrors: UserError[];
}

interface DecisionView {
  id: string;
  number: string;
  outcome: string;
  validUntil: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
  publishedAt: string | null;
}

interface DecideData {
  caseDecide: { case: (CaseView & { decisions: DecisionView[] }) | null; userErrors: UserError[] };
}

interface PublishData {
  decisionPublish: { decision: DecisionView | null; userErrors: UserError[] };
}

interface SurveyQuestionsData {
  surveyQuestions: { id: string; kind: 'SCALE' | 'TEXT' }[];
}

interface DevelopmentActionData {
  developmentActionAdd: { case: (CaseView & { developmentPlan: { action: string; dueOn: string }[] }) | null; userErrors: UserError[] };
}

interface RegisterEntryData {
  organization: {
    bin: string;
    name: { en: string | null };
    accreditationStatus: string;
    accreditedUntil: string | null;
    latestDecision: { number: string; outcome: string; decisionDate: string; validUntil: string | null; votesFor: number | null; votesAgainst: number | null } | null;
    reports: { title: string; publishedAt: string | null }[];
  } | null;
}

// ---- output -------------------------------------------------------------------------------

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-09-23" → "Wed 23 Sep 2026" (fixed English, whatever the machine's locale). */
export function formatDay(day: string): string {
  const date = fromIsoDate(day);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function formatVisit(visit: { from: string; to: string }): string {
  return `${formatDay(visit.from)} – ${formatDay(visit.to)} (${countWorkingDays(visit.from, visit.to)} working days)`;
}

const caseState = (c: CaseView) => `${c.stage} v${c.version}`;
const expertState = (e: ExpertView) => `${e.status ?? '?'} v${e.version}`;

/** The same day `years` later, less one day: the last day of a validity of `years` years. */
function lastDayAfterYears(day: string, years: number): string {
  const date = fromIsoDate(day);
  return toIsoDate(new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) - 86_400_000));
}

/** Short words for the hard rules, for the one-line summary of the exclusions. */
const exclusionWords: Record<string, string> = {
  NO_EXPERT_RECORD: 'no expert record',
  NO_ACCOUNT: 'no user account',
  NOT_CERTIFIED: 'not certified',
  CERTIFICATE_EXPIRES: 'certificate ends before the last visit day',
  CURRENT_EMPLOYER: 'works there',
  WORKED_THERE: 'worked there recently',
  DECLARED_CONFLICT: 'declared a conflict',
  FAMILY_LINK: 'family link',
  OVERLAPPING_VISIT: 'visiting elsewhere on those days',
};

const signed = (points: number) => (points > 0 ? `+${points}` : String(points));

/** The reasons that moved a candidate's score, e.g. "level SECONDARY +20, languages KK/RU/EN +30". */
function scoreReasons(candidate: TeamCandidate, requirements: { languages: string[]; level: string; subjectAreas: string[] }): string {
  const parts = candidate.reasons
    .filter((reason) => (reason.points ?? 0) !== 0)
    .map((reason) => {
      const points = signed(reason.points ?? 0);
      switch (reason.code) {
        case 'LEVEL':
          return `level ${requirements.level} ${points}`;
        case 'LANGUAGES':
          return `languages ${candidate.languages.filter((l) => requirements.languages.includes(l)).join('/')} ${points}`;
        case 'SUBJECT_AREAS':
          return `subjects ${candidate.subjectAreas.filter((a) => requirements.subjectAreas.includes(a)).join('/')} ${points}`;
        case 'WORKLOAD':
          return `other teams this year ${points}`;
        case 'SAME_CITY':
          return `lives in the school's city ${points}`;
        default:
          return `${reason.code.toLowerCase().replaceAll('_', ' ')} ${points}`;
      }
    });
  return parts.length ? parts.join(', ') : 'no points beyond the base 100';
}

// ---- the walkthrough ------------------------------------------------------------------

/** Ten o'clock in Astana (UTC+5) on a simulated day. */
const morningOf = (day: string) => new Date(`${day}T05:00:00.000Z`);

/** Tokens must outlive the simulated weeks between the first sign-in and the last step. */
const TOKEN_TTL_SECONDS = 365 * 24 * 3600;

export async function runWalkthrough(options: WalkthroughOptions = {}): Promise<WalkthroughResult> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const publicCheckAt = options.publicCheckAt ?? new Date();
  const finishBy = options.finishBy ?? toIsoDate(new Date(fromIsoDate(todayInKazakhstan(publicCheckAt)).getTime() - 86_400_000));
  const timeline = timelineFinishingBy(finishBy);

  // The server reads this clock on every request; the walkthrough moves it.
  let clock = morningOf(timeline.expertTrainingFrom);
  const enterDay = (day: string, title: string) => {
    // Only ever forward: a new section on the same day keeps the time it has reached.
    if (todayInKazakhstan(clock) !== day) clock = morningOf(day);
    print(`\n${formatDay(day)} · ${title}`);
  };
  const say = (actor: string, operation: string, outcome: string) => print(`  ${actor.padEnd(18)} ${operation.padEnd(29)} → ${outcome}`);
  /** A line of detail under the step it belongs to. */
  const detail = (text: string) => print(`${' '.repeat(21)}${text}`);

  print('Accreditation walkthrough: one case from the application to a published decision');
  const folder = await mkdtemp(join(tmpdir(), 'kza-walkthrough-'));
  let db: Database | undefined;
  let server: ApiServer | undefined;
  try {
    print(`\nSetting up (a new embedded database in ${folder}, deleted at the end)`);
    db = await openDatabase({ dataDir: join(folder, 'pglite') });
    const applied = await migrate(db);
    const seeded = await seedDatabase(db.prisma);
    print(
      `  applied ${applied.length} migration(s); seeded ${seeded.regions} regions, ${seeded.organizations} organizations, ` +
        `${seeded.frameworks} versions of the sample framework (${seeded.criteria} criteria), ${seeded.cases} demonstration cases`,
    );
    // Real sign-in settings (argon2id at production cost), with a secret of this run only.
    const settings: AuthSettings = {
      jwtSecret: new Uint8Array(randomBytes(48)),
      accessTokenTtlSeconds: TOKEN_TTL_SECONDS,
      passwordHashing: productionPasswordHashing,
      signInLimit: defaultSignInLimit,
      signInLimitPerIp: defaultSignInLimitPerIp,
    };
    server = await startApiServer({
      db,
      logger: createLogger(process.env.LOG_LEVEL ?? 'error'),
      port: 0,
      now: () => clock,
      auth: createAuthService(settings),
      documents: { dir: join(folder, 'documents'), maxUploadBytes: 25 * 1024 * 1024 },
    });
    print(`  the API listens on ${server.graphqlUrl}; its clock is the walkthrough's, 10:00 in Astana on each simulated day`);
    const api = new GraphQLClient(server.graphqlUrl);

    /** One request as one person; the clock moves a minute so every step has its own time. */
    const send = <T>(actor: SignedIn | null, step: string, document: string, variables: Record<string, unknown>) => {
      clock = new Date(clock.getTime() + 60_000);
      return api.send<T>({ step, actor: actor?.label ?? 'the public', token: actor?.token }, document, variables);
    };

    let current: CaseView | undefined;
    const theCase = (): CaseView => {
      if (!current) throw new Error('no case yet');
      return current;
    };
    const versioned = (extra: Record<string, unknown> = {}) => ({ caseId: theCase().id, expectedVersion: theCase().version, ...extra });

    /** A case step: sends it, stops on a userError, and keeps the case as it now is. */
    const caseStep = async (actor: SignedIn, field: string, document: string, input: Record<string, unknown>): Promise<CaseView> => {
      const data = await send<Record<string, CasePayload | undefined>>(actor, field, document, { input });
      const payload = data[field];
      if (!payload) throw new WalkthroughError(field, actor.label, ['the answer has no payload']);
      assertNoUserErrors(field, actor.label, payload.userErrors);
      if (!payload.case) throw new WalkthroughError(field, actor.label, ['the answer has no case']);
      current = payload.case;
      return payload.case;
    };

    const signIn = async (label: string, email: string, password: string): Promise<SignedIn & { expiresAt: string }> => {
      const { signIn: result } = await send<SignInData>(null, 'signIn', op.SIGN_IN, { input: { email, password } });
      assertNoUserErrors('signIn', label, result.userErrors);
      if (!result.accessToken || !result.user || !result.expiresAt) throw new WalkthroughError('signIn', label, ['no access token']);
      return { label, id: result.user.id, token: result.accessToken, expiresAt: result.expiresAt };
    };

    // ---- the people -------------------------------------------------------------------
    enterDay(timeline.expertTrainingFrom, 'Accounts: the administrator creates everyone taking part');
    const adminPassword = randomBytes(12).toString('base64url');
    const adminEmail = 'admin@accreditation.example.kz';
    // What `pnpm user:create-admin` does: the first ADMIN comes from the command line, never from the API.
    const created = await createAdmin(db.prisma, { email: adminEmail, displayName: 'Nurlan Abenov', password: adminPassword }, { now: clock });
    if (!created.ok) throw new WalkthroughError('createAdmin', 'command line', created.errors.map((e) => e.message));
    say('command line', 'createAdmin', `ADMIN ${adminEmail} (as pnpm user:create-admin)`);
    const admin = await signIn('administrator', adminEmail, adminPassword);
    say('administrator', 'signIn', `access token valid until ${admin.expiresAt.slice(0, 10)}`);

    const passwords = new Map<PersonKey, string>();
    for (const [key, person] of Object.entries(people) as [PersonKey, PersonSpec][]) {
      const password = randomBytes(12).toString('base64url');
      passwords.set(key, password);
      const input = { email: person.email, displayName: person.displayName, password, roles: person.roles, organizationBin: person.organizationBin ?? null };
      const { userCreate } = await send<UserCreateData>(admin, 'userCreate', op.USER_CREATE, { input });
      assertNoUserErrors('userCreate', admin.label, userCreate.userErrors);
      const bound = person.organizationBin ? ` for ${person.organizationBin}` : '';
      say(admin.label, 'userCreate', `${person.displayName}, ${person.roles.join('+')}${bound}`);
    }
    const as = {} as Record<PersonKey, SignedIn>;
    for (const [key, person] of Object.entries(people) as [PersonKey, PersonSpec][]) {
      as[key] = await signIn(person.label, person.email, passwords.get(key) ?? '');
    }
    say('each of them', `signIn ×${Object.keys(people).length}`, 'signed in with their own password; each request carries their token');

    // ---- the experts: records and certification ------------------------------------------
    const records = {} as Record<ExpertKey, ExpertView>;
    /** A step on an expert record: sends it, stops on a userError, and keeps the record as it now is. */
    const expertStep = async (key: ExpertKey, actor: SignedIn, field: string, document: string, input: Record<string, unknown>): Promise<ExpertView> => {
      const data = await send<Record<string, ExpertPayload | undefined>>(actor, field, document, { input });
      const payload = data[field];
      if (!payload) throw new WalkthroughError(field, actor.label, ['the answer has no payload']);
      assertNoUserErrors(field, actor.label, payload.userErrors);
      if (!payload.expert) throw new WalkthroughError(field, actor.label, ['the answer has no expert record']);
      records[key] = payload.expert;
      return payload.expert;
    };
    const recordOf = (key: ExpertKey) => ({ expertId: records[key].id, expectedVersion: records[key].version });

    enterDay(timeline.expertTrainingFrom, 'Experts: the coordinator registers the two experts, links their accounts, starts their training');
    for (const key of expertKeys) {
      const record: ExpertSpec = expertRecords[key];
      const created = await expertStep(key, as.coordinator, 'expertCreate', op.EXPERT_CREATE, {
        nameKk: record.nameKk,
        nameRu: record.nameRu,
        nameEn: people[key].displayName,
        iin: demoIin(record.iinSerial),
        email: people[key].email,
        languages: record.languages,
        levels: record.levels,
        subjectAreas: record.subjectAreas,
        regionCode: record.regionCode,
        city: record.city,
      });
      say(
        as.coordinator.label,
        'expertCreate',
        `${people[key].displayName}: ${record.languages.join(' ')}, ${record.levels.join(' ')}, ${record.subjectAreas.join(' ')}, ` +
          `${record.city}; demo IIN; ${expertState(created)}`,
      );
    }
    for (const key of expertKeys) {
      const linked = await expertStep(key, as.coordinator, 'expertLinkUser', op.EXPERT_LINK_USER, { ...recordOf(key), userId: as[key].id });
      if (linked.user?.id !== as[key].id) throw new WalkthroughError('expertLinkUser', as.coordinator.label, [`the record of ${people[key].displayName} is not linked to their account`]);
      say(as.coordinator.label, 'expertLinkUser', `${people[key].displayName}'s record ↔ the account ${linked.user.email}; v${linked.version}`);
    }
    for (const key of expertKeys) {
      const training = await expertStep(key, as.coordinator, 'expertStartTraining', op.EXPERT_START_TRAINING, recordOf(key));
      say(as.coordinator.label, 'expertStartTraining', `${people[key].displayName}: ${expertState(training)}`);
    }

    enterDay(timeline.expertsCertifiedOn, 'Experts: assessment, the ethics code, certificates');
    for (const key of expertKeys) {
      const score = expertRecords[key].assessmentScore;
      const assessed = await expertStep(key, as.coordinator, 'expertRecordAssessment', op.EXPERT_RECORD_ASSESSMENT, {
        ...recordOf(key),
        assessedOn: timeline.expertsCertifiedOn,
        score,
        passMark: PASS_MARK,
      });
      say(as.coordinator.label, 'expertRecordAssessment', `${people[key].displayName}: ${assessed.assessmentScore} (pass mark ${assessed.assessmentPassMark}); ${expertState(assessed)}`);
    }
    for (const key of expertKeys) {
      // The expert signs the code from their own account: no expertId, their own record.
      const acknowledged = await expertStep(key, as[key], 'expertAcknowledgeEthics', op.EXPERT_ACKNOWLEDGE_ETHICS, { version: ETHICS_CODE_VERSION });
      say(as[key].label, 'expertAcknowledgeEthics', `ethics code ${acknowledged.ethicsCodeVersion}, acknowledged on their own record; v${acknowledged.version}`);
    }
    const validUntil = lastDayAfterYears(timeline.expertsCertifiedOn, CERTIFICATE_YEARS);
    if (validUntil < timeline.externalVisit.to) throw new Error(`certificates valid until ${validUntil} end before the external visit (${timeline.externalVisit.to})`);
    for (const key of expertKeys) {
      const certified = await expertStep(key, as.coordinator, 'expertCertify', op.EXPERT_CERTIFY, {
        ...recordOf(key),
        certificateNumber: `EXP-${timeline.expertsCertifiedOn.slice(0, 4)}-${expertRecords[key].certificateSerial}`,
        issuedOn: timeline.expertsCertifiedOn,
        validUntil,
      });
      const register = certified.isOnPublicRegister ? 'on the public register' : 'not on the public register';
      say(
        as.coordinator.label,
        'expertCertify',
        `${people[key].displayName}: certificate ${certified.certificateNumber}, valid until ${certified.certificateValidUntil}; ${expertState(certified)}, ${register}`,
      );
    }

    // ---- stage 1 ---------------------------------------------------------------------------
    enterDay(timeline.applyOn, 'Stages 1–2: application, registration, start of the self-assessment');
    let c = await caseStep(as.representative, 'caseApply', op.CASE_APPLY, { organizationBin: WALKTHROUGH_BIN });
    say(as.representative.label, 'caseApply', `case ${c.number} for ${WALKTHROUGH_BIN}: ${caseState(c)}`);
    c = await caseStep(as.coordinator, 'caseRegister', op.CASE_REGISTER, versioned());
    say(as.coordinator.label, 'caseRegister', caseState(c));

    c = await caseStep(as.coordinator, 'caseStartSelfAssessment', op.CASE_START_SELF_ASSESSMENT, versioned());
    say(as.coordinator.label, 'caseStartSelfAssessment', caseState(c));

    // ---- stage 2 ---------------------------------------------------------------------------
    enterDay(timeline.submitSelfAssessmentOn, 'Stage 2: self-assessment against every criterion');
    const readFramework = async (actor: SignedIn) => {
      const data = await send<CaseFrameworkData>(actor, 'case', op.CASE_FRAMEWORK, { number: theCase().number });
      if (!data.case) throw new WalkthroughError('case', actor.label, [`case ${theCase().number} is not visible`]);
      return data.case.framework;
    };
    const framework = await readFramework(as.representative);
    const criteria = framework.standards.flatMap((s) => s.criteria.map((criterion) => criterion.code));
    say(as.representative.label, 'case (query)', `framework v${framework.version}: ${framework.standards.length} standards, ${criteria.length} criteria`);
    for (const code of criteria) {
      await caseStep(as.representative, 'caseRateCriterion', op.CASE_RATE_CRITERION, {
        caseId: theCase().id,
        criterionCode: code,
        judgement: 'MEETS',
        narrative: `How the school meets criterion ${code}: policy, practice and results.`,
        evidence: `Policy documents, minutes and survey results for ${code}.`,
      });
    }
    say(as.representative.label, `caseRateCriterion ×${criteria.length}`, `${criteria[0]} … ${criteria.at(-1)} rated, each with a narrative and evidence`);
    c = await caseStep(as.representative, 'caseSubmitSelfAssessment', op.CASE_SUBMIT_SELF_ASSESSMENT, versioned());
    say(as.representative.label, 'caseSubmitSelfAssessment', caseState(c));

    // ---- stage 3 ---------------------------------------------------------------------------
    enterDay(timeline.teamOn, 'Stage 3: expert team and preliminary visit');
    // Certificates must last through the visits the coordinator plans: up to the external visit's last day.
    const lastVisitDay = timeline.externalVisit.to;
    const { expertTeamCandidates: ranking } = await send<TeamCandidatesData>(as.coordinator, 'expertTeamCandidates', op.EXPERT_TEAM_CANDIDATES, {
      caseId: theCase().id,
      lastVisitDay,
    });
    if (!ranking) throw new WalkthroughError('expertTeamCandidates', as.coordinator.label, [`no candidates for case ${theCase().number}`]);
    const needs = ranking.requirements;
    say(
      as.coordinator.label,
      'expertTeamCandidates (query)',
      `${ranking.candidates.length} eligible, ${ranking.exclusions.length} excluded; a team of ${needs.minSize}–${needs.maxSize} covering ` +
        `${needs.languages.join(' ')} and ${needs.level}, certificates valid through ${needs.lastVisitDay} (the planned external visit's last day)`,
    );
    const shown = 5;
    for (const candidate of ranking.candidates.slice(0, shown)) {
      detail(`#${candidate.rank} ${candidate.name}, score ${candidate.score}: ${scoreReasons(candidate, needs)}`);
    }
    if (ranking.candidates.length > shown) detail(`… and ${ranking.candidates.length - shown} more candidates`);
    if (ranking.exclusions.length) {
      const counts = new Map<string, number>();
      for (const exclusion of ranking.exclusions) for (const reason of exclusion.reasons) counts.set(reason.code, (counts.get(reason.code) ?? 0) + 1);
      const why = [...counts].map(([code, count]) => `${count} × ${code} (${exclusionWords[code] ?? code.toLowerCase()})`).join(', ');
      const demo = ranking.exclusions.filter((e) => e.certificateNumber?.startsWith('DEMO-')).length;
      const seeded = demo ? `; ${demo} of them are the seed's demonstration experts (certificates DEMO-…)` : '';
      const names = ranking.exclusions.slice(0, 2).map((e) => e.name);
      detail(`excluded: ${why}${seeded}; e.g. ${names.join(', ')}${ranking.exclusions.length > names.length ? ', …' : ''}`);
    }
    const suggestion = ranking.suggestedTeam;
    const uncovered = suggestion.uncovered.length ? `; it leaves uncovered: ${suggestion.uncovered.map((u) => u.code).join(', ')}` : '';
    detail(
      `suggested: lead ${suggestion.lead ? `${suggestion.lead.name} (#${suggestion.lead.rank})` : 'nobody'}` +
        `${suggestion.members.map((m) => `, member ${m.name} (#${m.rank})`).join('')}${uncovered}`,
    );

    // The coordinator proposes; the suggestion only advises. The lead expert writes the final
    // report later, so the lead must be someone this walkthrough can sign in as.
    let lead: Pick<TeamCandidate, 'rank' | 'userId' | 'name'>;
    let members: Pick<TeamCandidate, 'rank' | 'userId' | 'name'>[];
    let how: string;
    if (suggestion.lead?.userId === as.leadExpert.id) {
      lead = suggestion.lead;
      members = suggestion.members;
      const onlyOurs = ranking.candidates.every((candidate) => expertKeys.some((key) => as[key].id === candidate.userId));
      if (onlyOurs) detail(`the only eligible experts are the walkthrough's own two, so the suggestion is made of them`);
      how = 'the suggested team, unchanged';
    } else {
      const pick = (key: ExpertKey) => {
        const found = ranking.candidates.find((candidate) => candidate.userId === as[key].id);
        if (found) return found;
        const excluded = ranking.exclusions.find((e) => e.name === people[key].displayName);
        throw new WalkthroughError('expertTeamCandidates', as.coordinator.label, [
          `${people[key].displayName} is not among the candidates${excluded ? ` (${excluded.reasons.map((r) => r.code).join(', ')})` : ''}`,
        ]);
      };
      lead = pick('leadExpert');
      members = [pick('expert')];
      how = `not the suggestion: picked from the ranked list, since the walkthrough signs in only as its own experts`;
    }
    c = await caseStep(
      as.coordinator,
      'caseProposeTeam',
      op.CASE_PROPOSE_TEAM,
      versioned({ leadExpertId: lead.userId, memberIds: members.map((m) => m.userId), lastVisitDay }),
    );
    say(
      as.coordinator.label,
      'caseProposeTeam',
      `${how}: lead ${lead.name} (#${lead.rank})${members.map((m) => `, member ${m.name} (#${m.rank})`).join('')}; ${caseState(c)}`,
    );
    const order = { orderNumber: '47-П', orderDate: timeline.teamOn };
    c = await caseStep(as.director, 'caseApproveTeam', op.CASE_APPROVE_TEAM, versioned(order));
    say(as.director.label, 'caseApproveTeam', `order ${order.orderNumber} of ${order.orderDate}; ${caseState(c)}`);
    c = await caseStep(as.coordinator, 'caseSchedulePreliminaryVisit', op.CASE_SCHEDULE_PRELIMINARY_VISIT, versioned(timeline.preliminaryVisit));
    say(as.coordinator.label, 'caseSchedulePreliminaryVisit', `${formatVisit(timeline.preliminaryVisit)}; ${caseState(c)}`);

    // ---- stage 4 ---------------------------------------------------------------------------
    enterDay(timeline.scheduleExternalVisitOn, 'Stage 4: the external visit is scheduled (last day of the preliminary visit)');
    c = await caseStep(as.coordinator, 'caseScheduleExternalVisit', op.CASE_SCHEDULE_EXTERNAL_VISIT, versioned(timeline.externalVisit));
    say(as.coordinator.label, 'caseScheduleExternalVisit', `${formatVisit(timeline.externalVisit)}; ${caseState(c)}`);

    enterDay(timeline.finalReportOn, 'Stage 4: final report (last day of the external visit)');
    const standards = (await readFramework(as.leadExpert)).standards.map((s) => s.code);
    const sections = standards.map((code) => ({
      standardCode: code,
      findings: `The team found standard ${code} met: the evidence matches what the team saw during the visit.`,
      strengths: `Consistent practice across departments for standard ${code}.`,
      recommendations: `Keep records for standard ${code} in one place.`,
    }));
    c = await caseStep(
      as.leadExpert,
      'caseSubmitFinalReport',
      op.CASE_SUBMIT_FINAL_REPORT,
      versioned({
        language: 'EN',
        title: 'External assessment report: NIS Astana (International Baccalaureate)',
        summary: 'The school meets every standard of the framework.',
        strengths: 'A strong culture of self-evaluation; engaged parents and students.',
        recommendations: 'Develop partnerships with universities.',
        sections,
      }),
    );
    say(as.leadExpert.label, 'caseSubmitFinalReport', `a finding for each of ${sections.length} standards; ${caseState(c)}`);

    enterDay(timeline.reviewOn, 'Stage 4: the Expert Commission reviews the report');
    c = await caseStep(as.commission, 'caseReviewFinalReport', op.CASE_REVIEW_FINAL_REPORT, versioned());
    say(as.commission.label, 'caseReviewFinalReport', `reviewed; ${caseState(c)}`);

    enterDay(timeline.approveReportOn, 'Stage 4: the report is approved and goes to the Council');
    c = await caseStep(as.coordinator, 'caseApproveFinalReport', op.CASE_APPROVE_FINAL_REPORT, versioned());
    say(as.coordinator.label, 'caseApproveFinalReport', caseState(c));

    enterDay(timeline.councilOn, 'Stage 4: the Accreditation Council meets and decides');
    const council = [as.councilMember1, as.councilMember2, as.councilMember3];
    const meetingInput = { heldOn: timeline.councilOn, memberIds: council.map((m) => m.id), caseIds: [theCase().id] };
    const { councilMeetingCreate } = await send<{ councilMeetingCreate: MeetingData }>(as.secretary, 'councilMeetingCreate', op.COUNCIL_MEETING_CREATE, {
      input: meetingInput,
    });
    assertNoUserErrors('councilMeetingCreate', as.secretary.label, councilMeetingCreate.userErrors);
    const meetingId = councilMeetingCreate.meeting?.id;
    if (!meetingId) throw new WalkthroughError('councilMeetingCreate', as.secretary.label, ['no meeting']);
    const quorum = councilMeetingCreate.meeting?.quorum ?? 0;
    say(as.secretary.label, 'councilMeetingCreate', `meeting on ${timeline.councilOn}: ${council.length} members, quorum ${Math.round(quorum * 100)}%`);
    const choices = ['ACCREDIT', 'ACCREDIT', 'REFUSE'] as const;
    for (const [index, member] of council.entries()) {
      const choice = choices[index];
      const { councilVoteCast } = await send<{ councilVoteCast: MeetingData }>(member, 'councilVoteCast', op.COUNCIL_VOTE_CAST, {
        input: { meetingId, caseId: theCase().id, choice },
      });
      assertNoUserErrors('councilVoteCast', member.label, councilVoteCast.userErrors);
      say(member.label, 'councilVoteCast', `${choice} (${councilVoteCast.meeting?.votes?.length ?? 0} of ${council.length} votes cast)`);
    }
    const decideInput = versioned({
      meetingId,
      summaryKk: 'Ұйым 5 жылға аккредиттелсін.',
      summaryRu: 'Аккредитовать организацию сроком на 5 лет.',
      summaryEn: 'The organization is accredited for 5 years.',
      recommendations: 'Develop partnerships with universities.',
    });
    const { caseDecide } = await send<DecideData>(as.secretary, 'caseDecide', op.CASE_DECIDE, { input: decideInput });
    assertNoUserErrors('caseDecide', as.secretary.label, caseDecide.userErrors);
    const decided = caseDecide.case;
    const decision = decided?.decisions.find((d) => d.publishedAt === null);
    if (!decided || !decision) throw new WalkthroughError('caseDecide', as.secretary.label, ['no unpublished decision on the case']);
    current = decided;
    say(
      as.secretary.label,
      'caseDecide',
      `${decision.number}: ${decision.outcome} (${decision.votesFor} for, ${decision.votesAgainst} against), valid until ${decision.validUntil}; ${caseState(decided)}`,
    );

    enterDay(timeline.publishOn, 'Stage 4: the decision is published on the register');
    const { decisionPublish } = await send<PublishData>(as.secretary, 'decisionPublish', op.DECISION_PUBLISH, { input: { decisionId: decision.id } });
    assertNoUserErrors('decisionPublish', as.secretary.label, decisionPublish.userErrors);
    say(as.secretary.label, 'decisionPublish', `${decision.number} published with the final report`);

    // ---- stage 5 ---------------------------------------------------------------------------
    enterDay(timeline.followUpOn, 'Stage 5: feedback and the development plan');
    for (const [actor, audience] of [
      [as.representative, 'ORGANIZATION'],
      [as.leadExpert, 'EXPERT'],
    ] as const) {
      const { surveyQuestions } = await send<SurveyQuestionsData>(actor, 'surveyQuestions', op.SURVEY_QUESTIONS, { audience });
      const answers = surveyQuestions.map((q) => (q.kind === 'SCALE' ? { questionId: q.id, scale: 4 } : { questionId: q.id, text: 'Clearer deadlines at each stage.' }));
      await caseStep(actor, 'caseSubmitFeedback', op.CASE_SUBMIT_FEEDBACK, { caseId: theCase().id, answers });
      say(actor.label, 'caseSubmitFeedback', `answered the ${audience.toLowerCase()} survey (${answers.length} questions)`);
    }
    const actionInput = {
      caseId: theCase().id,
      recommendation: 'Develop partnerships with universities.',
      action: 'Sign partnership agreements with two universities',
      dueOn: timeline.actionDueOn,
    };
    const { developmentActionAdd } = await send<DevelopmentActionData>(as.representative, 'developmentActionAdd', op.DEVELOPMENT_ACTION_ADD, {
      input: actionInput,
    });
    assertNoUserErrors('developmentActionAdd', as.representative.label, developmentActionAdd.userErrors);
    if (developmentActionAdd.case) current = developmentActionAdd.case;
    say(as.representative.label, 'developmentActionAdd', `"${actionInput.action}", due ${actionInput.dueOn}; ${caseState(theCase())}`);

    // ---- the public ------------------------------------------------------------------------
    clock = publicCheckAt;
    print(`\nToday (${formatDay(todayInKazakhstan(publicCheckAt))}) · The public reads the register`);
    const { organization } = await send<RegisterEntryData>(null, 'organization', op.REGISTER_ENTRY, { bin: WALKTHROUGH_BIN });
    if (!organization) throw new WalkthroughError('organization', 'the public', [`the register has no organization ${WALKTHROUGH_BIN}`]);
    const latest = organization.latestDecision;
    say(
      'the public',
      'organization (query)',
      `${organization.accreditationStatus} until ${organization.accreditedUntil}; decision ${latest?.number ?? 'none'}; ` +
        `report "${organization.reports[0]?.title ?? 'none'}"`,
    );
    if (organization.accreditationStatus !== 'ACCREDITED' || latest?.number !== decision.number) {
      throw new WalkthroughError('organization', 'the public', [
        `expected ACCREDITED on decision ${decision.number}, the register shows ${organization.accreditationStatus} on ${latest?.number ?? 'no decision'}`,
      ]);
    }

    let sitePage: string | null = null;
    if (options.buildSite !== false) {
      // Kept after the walkthrough, so the page can be opened; only the database is deleted.
      const siteFolder = await mkdtemp(join(tmpdir(), 'kza-walkthrough-site-'));
      const started = Date.now();
      const outDir = await buildSiteInto(server.graphqlUrl, siteFolder).catch(async (error: unknown) => {
        await rm(siteFolder, { recursive: true, force: true });
        throw error;
      });
      const page = await readOrganizationPage(organizationPagePath(outDir, WALKTHROUGH_BIN), decision.number);
      say('the public', 'site (astro build)', `built in ${Math.round((Date.now() - started) / 1000)} s into ${outDir}`);
      if (page.status !== 'ACCREDITED' || page.statusLabel !== 'Accredited' || page.decisionOutcome !== 'Accredited') {
        throw new WalkthroughError('site page', 'the public', [
          `${page.path} shows the status "${page.statusLabel ?? 'none'}" (${page.status ?? '?'}) and, for decision ${decision.number}, ` +
            `${page.decisionOutcome === null ? 'nothing' : `the outcome "${page.decisionOutcome}"`}; expected "Accredited" for both`,
        ]);
      }
      say('the public', 'organization page', `"${page.statusLabel}" ${page.validity ?? ''}; decision ${decision.number}: "${page.decisionOutcome}"`);
      print(`\n  The organization's page: ${page.path}`);
      print(`  (The built site is kept so that you can open the page; delete ${siteFolder} when you no longer need it.)`);
      sitePage = page.path;
    }

    return {
      timeline,
      caseNumber: theCase().number,
      caseStage: theCase().stage,
      decisionNumber: decision.number,
      accreditationStatus: organization.accreditationStatus,
      accreditedUntil: organization.accreditedUntil,
      sitePage,
    };
  } finally {
    await server?.close();
    await db?.close();
    await rm(folder, { recursive: true, force: true });
  }
}
