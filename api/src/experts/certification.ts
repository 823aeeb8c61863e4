// An expert's certification as a pure state machine, with no I/O:
//
//   CANDIDATE → IN_TRAINING → ASSESSED → CERTIFIED ⇄ SUSPENDED
//                   ↑            │          │  ↑         │
//                   └─ failed ───┘          ↓  └ renew ─ EXPIRED ←┘
//
// An assessment below the pass mark keeps (or puts back) the expert IN_TRAINING.
// Certification needs a passing score and the ethics code acknowledged. A certificate
// expires once its last valid day has passed; renewal gives it a new validity.
// The mutations in experts/schema.ts apply these steps; dates are YYYY-MM-DD in Kazakhstan.
import type { CertificationStatus } from '../generated/prisma/enums.ts';

/** The certification fields of an Expert row, dates as YYYY-MM-DD. */
export interface CertificationRecord {
  status: CertificationStatus;
  assessmentScore: number | null;
  assessmentPassMark: number | null;
  assessedOn: string | null;
  certificateNumber: string | null;
  certificateIssuedOn: string | null;
  certificateValidUntil: string | null;
  suspensionReason: string | null;
  ethicsCodeVersion: string | null;
  ethicsAcknowledgedAt: Date | null;
}

export type CertificationStep =
  | { kind: 'startTraining' }
  | { kind: 'recordAssessment'; score: number; passMark: number; assessedOn: string }
  | { kind: 'certify'; certificateNumber: string; issuedOn: string; validUntil: string; currentEthicsCodeVersion: string }
  | { kind: 'suspend'; reason: string }
  | { kind: 'reinstate' }
  | { kind: 'expire' }
  | { kind: 'renew'; validUntil: string; issuedOn: string; certificateNumber: string | null; currentEthicsCodeVersion: string };

export type CertificationStepKind = CertificationStep['kind'];

export interface CertificationProblem {
  /** Name of the step's input field at fault; null for the record as a whole. */
  field: string | null;
  code: 'INVALID_TRANSITION' | 'GUARD_FAILED' | 'INVALID' | 'REQUIRED';
  message: string;
}

export type CertificationOutcome = { ok: true; record: CertificationRecord } | { ok: false; problems: CertificationProblem[] };

/** Which statuses each step starts from, and its plain-language name for messages. */
export const certificationSteps: Record<CertificationStepKind, { from: readonly CertificationStatus[]; label: string }> = {
  startTraining: { from: ['CANDIDATE'], label: 'start training' },
  recordAssessment: { from: ['IN_TRAINING', 'ASSESSED'], label: 'record an assessment' },
  certify: { from: ['ASSESSED'], label: 'certify' },
  suspend: { from: ['CERTIFIED'], label: 'suspend the certificate' },
  reinstate: { from: ['SUSPENDED'], label: 'reinstate the certificate' },
  expire: { from: ['CERTIFIED', 'SUSPENDED'], label: 'mark the certificate expired' },
  renew: { from: ['CERTIFIED', 'EXPIRED'], label: 'renew the certificate' },
};

export const MAX_SCORE = 100;
/** The pass mark when the assessment does not state one. */
export const DEFAULT_PASS_MARK = 70;
/** A sanity bound that catches typing mistakes in dates (e.g. 2203 for 2030). */
export const MAX_VALIDITY_YEARS = 10;
export const MIN_SUSPENSION_REASON_LENGTH = 10;
export const MAX_TEXT_LENGTH = 2000;
/** Demonstration certificates start with this; real ones may not (see demo-pool.ts). */
export const DEMO_CERTIFICATE_PREFIX = 'DEMO-';

const CERTIFICATE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9./-]{0,39}$/;
const ETHICS_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/;

/** Whether the record belongs on the public register today: certified and still valid. */
export function isOnPublicRegister(record: Pick<CertificationRecord, 'status' | 'certificateValidUntil'>, today: string): boolean {
  return record.status === 'CERTIFIED' && record.certificateValidUntil !== null && record.certificateValidUntil >= today;
}

/** The steps that can start from `status` (guards aside). */
export function availableCertificationSteps(status: CertificationStatus): CertificationStepKind[] {
  return (Object.keys(certificationSteps) as CertificationStepKind[]).filter((kind) => certificationSteps[kind].from.includes(status));
}

export function hasPassingScore(record: Pick<CertificationRecord, 'assessmentScore' | 'assessmentPassMark'>): boolean {
  return record.assessmentScore !== null && record.assessmentPassMark !== null && record.assessmentScore >= record.assessmentPassMark;
}

function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

function certificateNumberProblems(field: string, raw: string): CertificationProblem[] {
  const number = raw.trim();
  if (!number) return [{ field, code: 'REQUIRED', message: 'Give the certificate number.' }];
  if (number.toUpperCase().startsWith(DEMO_CERTIFICATE_PREFIX)) {
    return [{ field, code: 'INVALID', message: `Certificate numbers starting with "${DEMO_CERTIFICATE_PREFIX}" are reserved for demonstration data.` }];
  }
  if (!CERTIFICATE_NUMBER.test(number)) {
    return [{ field, code: 'INVALID', message: 'A certificate number is 1 to 40 letters, digits, ".", "/" or "-", starting with a letter or digit.' }];
  }
  return [];
}

function validityProblems(issuedOn: string, validUntil: string, today: string): CertificationProblem[] {
  const problems: CertificationProblem[] = [];
  if (issuedOn > today) problems.push({ field: 'issuedOn', code: 'INVALID', message: `A certificate cannot be issued in the future (today is ${today}).` });
  if (validUntil <= issuedOn) problems.push({ field: 'validUntil', code: 'INVALID', message: 'The last valid day must come after the issue date.' });
  else if (validUntil < today) problems.push({ field: 'validUntil', code: 'INVALID', message: `The last valid day has already passed (today is ${today}).` });
  if (validUntil > addYears(issuedOn, MAX_VALIDITY_YEARS)) {
    problems.push({ field: 'validUntil', code: 'INVALID', message: `A certificate is valid for at most ${MAX_VALIDITY_YEARS} years.` });
  }
  return problems;
}

/** Certification and renewal need the version of the ethics code in force (KZA_ETHICS_CODE_VERSION) acknowledged, not an older one. */
function ethicsProblem(record: CertificationRecord, currentVersion: string): CertificationProblem[] {
  if (!record.ethicsCodeVersion || !record.ethicsAcknowledgedAt) {
    return [
      {
        field: null,
        code: 'GUARD_FAILED',
        message: `The expert has not acknowledged the ethics code; version ${currentVersion} must be acknowledged first (expertAcknowledgeEthics).`,
      },
    ];
  }
  if (record.ethicsCodeVersion !== currentVersion) {
    return [
      {
        field: null,
        code: 'GUARD_FAILED',
        message: `The expert acknowledged version ${record.ethicsCodeVersion} of the ethics code; the version in force, ${currentVersion}, must be acknowledged first (expertAcknowledgeEthics).`,
      },
    ];
  }
  return [];
}

/**
 * Applies one step to the record as of `today`. Either the new record, or every problem
 * found (the step's status first: nothing else matters when the step cannot start here).
 */
export function applyCertificationStep(record: CertificationRecord, step: CertificationStep, today: string): CertificationOutcome {
  const { from, label } = certificationSteps[step.kind];
  if (!from.includes(record.status)) {
    return {
      ok: false,
      problems: [{ field: null, code: 'INVALID_TRANSITION', message: `Cannot ${label} of an expert whose status is ${record.status}; it needs ${from.join(' or ')}.` }],
    };
  }
  const problems: CertificationProblem[] = [];
  const fail = (): CertificationOutcome => ({ ok: false, problems });

  switch (step.kind) {
    case 'startTraining':
      return { ok: true, record: { ...record, status: 'IN_TRAINING' } };

    case 'recordAssessment': {
      if (!Number.isInteger(step.score) || step.score < 0 || step.score > MAX_SCORE) {
        problems.push({ field: 'score', code: 'INVALID', message: `The score is a whole number from 0 to ${MAX_SCORE}.` });
      }
      if (!Number.isInteger(step.passMark) || step.passMark < 1 || step.passMark > MAX_SCORE) {
        problems.push({ field: 'passMark', code: 'INVALID', message: `The pass mark is a whole number from 1 to ${MAX_SCORE}.` });
      }
      if (step.assessedOn > today) problems.push({ field: 'assessedOn', code: 'INVALID', message: `An assessment cannot be dated in the future (today is ${today}).` });
      if (problems.length) return fail();
      const passed = step.score >= step.passMark;
      return {
        ok: true,
        record: { ...record, status: passed ? 'ASSESSED' : 'IN_TRAINING', assessmentScore: step.score, assessmentPassMark: step.passMark, assessedOn: step.assessedOn },
      };
    }

    case 'certify': {
      if (!hasPassingScore(record)) {
        problems.push({ field: null, code: 'GUARD_FAILED', message: 'The expert has no passing assessment score.' });
      }
      problems.push(...ethicsProblem(record, step.currentEthicsCodeVersion));
      problems.push(...certificateNumberProblems('certificateNumber', step.certificateNumber));
      problems.push(...validityProblems(step.issuedOn, step.validUntil, today));
      if (record.assessedOn && step.issuedOn < record.assessedOn) {
        problems.push({ field: 'issuedOn', code: 'INVALID', message: `A certificate cannot be issued before the assessment (${record.assessedOn}).` });
      }
      if (problems.length) return fail();
      return {
        ok: true,
        record: {
          ...record,
          status: 'CERTIFIED',
          certificateNumber: step.certificateNumber.trim(),
          certificateIssuedOn: step.issuedOn,
          certificateValidUntil: step.validUntil,
          suspensionReason: null,
        },
      };
    }

    case 'suspend': {
      const reason = step.reason.trim();
      if (reason.length < MIN_SUSPENSION_REASON_LENGTH || reason.length > MAX_TEXT_LENGTH) {
        problems.push({ field: 'reason', code: 'REQUIRED', message: `Give the reason for the suspension (${MIN_SUSPENSION_REASON_LENGTH} to ${MAX_TEXT_LENGTH} characters).` });
        return fail();
      }
      return { ok: true, record: { ...record, status: 'SUSPENDED', suspensionReason: reason } };
    }

    case 'reinstate': {
      if (!record.certificateValidUntil || record.certificateValidUntil < today) {
        problems.push({
          field: null,
          code: 'GUARD_FAILED',
          message: `The certificate's validity has passed (${record.certificateValidUntil ?? 'no date'}); mark it expired and renew it instead.`,
        });
        return fail();
      }
      return { ok: true, record: { ...record, status: 'CERTIFIED', suspensionReason: null } };
    }

    case 'expire': {
      if (record.certificateValidUntil && record.certificateValidUntil >= today) {
        problems.push({ field: null, code: 'GUARD_FAILED', message: `The certificate is valid until ${record.certificateValidUntil}; it expires only after that day.` });
        return fail();
      }
      // The suspension reason stays: it explains the record until a renewal.
      return { ok: true, record: { ...record, status: 'EXPIRED' } };
    }

    case 'renew': {
      problems.push(...ethicsProblem(record, step.currentEthicsCodeVersion));
      if (step.certificateNumber !== null) problems.push(...certificateNumberProblems('certificateNumber', step.certificateNumber));
      problems.push(...validityProblems(step.issuedOn, step.validUntil, today));
      if (record.certificateValidUntil && step.validUntil <= record.certificateValidUntil) {
        problems.push({ field: 'validUntil', code: 'INVALID', message: `A renewal must extend the validity beyond ${record.certificateValidUntil}.` });
      }
      if (problems.length) return fail();
      // Renewal is a deliberate decision of the body: it also ends a suspension the certificate expired under.
      return {
        ok: true,
        record: {
          ...record,
          status: 'CERTIFIED',
          certificateNumber: step.certificateNumber?.trim() || record.certificateNumber,
          certificateIssuedOn: step.issuedOn,
          certificateValidUntil: step.validUntil,
          suspensionReason: null,
        },
      };
    }
  }
}

/** Records the ethics code acknowledgement (any status: a new code version is acknowledged again). */
export function acknowledgeEthics(record: CertificationRecord, version: string, at: Date): CertificationOutcome {
  const trimmed = version.trim();
  if (!ETHICS_VERSION.test(trimmed)) {
    return { ok: false, problems: [{ field: 'version', code: 'INVALID', message: 'The ethics code version is 1 to 20 letters, digits, ".", "_" or "-", e.g. "2025.1".' }] };
  }
  return { ok: true, record: { ...record, ethicsCodeVersion: trimmed, ethicsAcknowledgedAt: at } };
}
