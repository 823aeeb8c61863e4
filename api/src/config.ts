// Runtime configuration, read once from the environment. Every knob is documented in
// the README's "Configuration" table.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrganizationKind } from './generated/prisma/enums.ts';

export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export interface AppConfig {
  /** PostgreSQL connection string; unset means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder of the embedded PGlite database (ignored when databaseUrl is set). */
  dataDir: string;
  apiHost: string;
  apiPort: number;
  sitePort: number;
  logLevel: string;
  /** SMTP server for e-mail, e.g. smtps://user:password@mail.example.kz:465; unset writes e-mails to the log. */
  smtpUrl: string | undefined;
  /** Sender of e-mails (From header). */
  mailFrom: string;
  /** Pause between polls of the outbox delivery worker when nothing is due. */
  outboxPollMs: number;
  /** Pause between runs of the scheduled job (reminders, re-accreditation notices). */
  schedulerIntervalMs: number;
  /** Days before a development-plan action's due date that its reminder is sent. */
  actionReminderDays: number;
  /** Days before the interim self-assessment report is due that its reminder is sent. */
  interimReportReminderDays: number;
  /** Months before an accreditation expires that the case moves to RE_ACCREDITATION_DUE. */
  reAccreditationNoticeMonths: number;
  /** Folder of uploaded document files (content-addressed by sha256). */
  documentsDir: string;
  /** Largest document upload accepted, in bytes. */
  maxUploadBytes: number;
  /** Expert team sizes and the conflict-of-interest look-back (see teamFormationConfig). */
  teamFormation: TeamFormationConfig;
  /** Hours of professional development a certified expert owes per calendar year (KZA_EXPERT_YEARLY_HOURS, default 36). */
  expertYearlyHours: number;
}

export interface TeamFormationConfig {
  /** Experts on a case's team, lead included, by organization kind (KZA_TEAM_SIZE_SCHOOL, ... as "min-max"). */
  teamSize: Record<OrganizationKind, { min: number; max: number }>;
  /** Employment at an organization ended less than this many years ago is a conflict of interest (KZA_CONFLICT_LOOKBACK_YEARS). */
  conflictLookBackYears: number;
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number between 0 and 65535, got "${raw}"`);
  }
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return value;
}

/** Document sizes are stored in a 32-bit integer column. */
const MAX_STORABLE_BYTES = 2 ** 31 - 1;

function uploadLimit(env: NodeJS.ProcessEnv): number {
  const value = positiveInteger(env, 'KZA_MAX_UPLOAD_BYTES', 25 * 1024 * 1024);
  if (value > MAX_STORABLE_BYTES) throw new Error(`KZA_MAX_UPLOAD_BYTES must be at most ${MAX_STORABLE_BYTES}, got ${value}`);
  return value;
}

// Assumed defaults: the programme sets no team size; a school's team is a lead and at least one member.
const defaultTeamSize: Record<OrganizationKind, string> = { SCHOOL: '2-5', COLLEGE: '3-5', HIGHER_COLLEGE: '3-6' };

function sizeRange(env: NodeJS.ProcessEnv, name: string, fallback: string): { min: number; max: number } {
  const raw = env[name] || fallback;
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(raw);
  const min = Number(match?.[1]);
  const max = Number(match?.[2]);
  if (!match || min < 2 || max < min) throw new Error(`${name} must be "min-max" with 2 <= min <= max (a lead and at least one member), got "${raw}"`);
  return { min, max };
}

/** Team formation settings; read per request by expertTeamCandidates and caseProposeTeam. */
export function teamFormationConfig(env: NodeJS.ProcessEnv = process.env): TeamFormationConfig {
  return {
    teamSize: {
      SCHOOL: sizeRange(env, 'KZA_TEAM_SIZE_SCHOOL', defaultTeamSize.SCHOOL),
      COLLEGE: sizeRange(env, 'KZA_TEAM_SIZE_COLLEGE', defaultTeamSize.COLLEGE),
      HIGHER_COLLEGE: sizeRange(env, 'KZA_TEAM_SIZE_HIGHER_COLLEGE', defaultTeamSize.HIGHER_COLLEGE),
    },
    conflictLookBackYears: positiveInteger(env, 'KZA_CONFLICT_LOOKBACK_YEARS', 3),
  };
}

/** The version of the ethics code in force when KZA_ETHICS_CODE_VERSION is unset (the demo data acknowledges it). */
export const DEFAULT_ETHICS_CODE_VERSION = '2025.1';

/** The ethics code version experts must have acknowledged to be certified or renewed; read per request. */
export function currentEthicsCodeVersion(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.KZA_ETHICS_CODE_VERSION?.trim();
  if (!raw) return DEFAULT_ETHICS_CODE_VERSION;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/.test(raw)) {
    throw new Error(`KZA_ETHICS_CODE_VERSION must be 1 to 20 letters, digits, ".", "_" or "-", got "${raw}"`);
  }
  return raw;
}

/** The yearly professional-development requirement of experts; read per request by the experts' queries. */
export function expertYearlyHours(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger(env, 'KZA_EXPERT_YEARLY_HOURS', 36);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // The ethics code version is read where it is needed (currentEthicsCodeVersion); a bad
  // value stops the server at start, not at the first certification.
  currentEthicsCodeVersion(env);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(repositoryRoot, env.KZA_DATA_DIR || '.data/pglite'),
    apiHost: env.API_HOST || '127.0.0.1',
    apiPort: port('API_PORT', 4000),
    sitePort: port('SITE_PORT', 4321),
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.KZA_MAIL_FROM || 'KZA Accreditation <no-reply@accreditation.local>',
    outboxPollMs: positiveInteger(env, 'KZA_OUTBOX_POLL_MS', 5000),
    schedulerIntervalMs: positiveInteger(env, 'KZA_SCHEDULER_INTERVAL_MINUTES', 60) * 60_000,
    actionReminderDays: positiveInteger(env, 'KZA_ACTION_REMINDER_DAYS', 14),
    interimReportReminderDays: positiveInteger(env, 'KZA_INTERIM_REPORT_REMINDER_DAYS', 60),
    reAccreditationNoticeMonths: positiveInteger(env, 'KZA_REACCREDITATION_NOTICE_MONTHS', 12),
    documentsDir: resolve(repositoryRoot, env.KZA_DOCUMENTS_DIR || '.data/documents'),
    maxUploadBytes: uploadLimit(env),
    teamFormation: teamFormationConfig(env),
    expertYearlyHours: expertYearlyHours(env),
  };
}
