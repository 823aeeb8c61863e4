import { describe, expect, it } from 'vitest';
import type { CertificationStatus } from '../generated/prisma/enums.ts';
import {
  acknowledgeEthics,
  applyCertificationStep,
  availableCertificationSteps,
  certificationSteps,
  isOnPublicRegister,
  type CertificationOutcome,
  type CertificationRecord,
  type CertificationStep,
  type CertificationStepKind,
} from './certification.ts';

const TODAY = '2026-12-03';

const blank: CertificationRecord = {
  status: 'CANDIDATE',
  assessmentScore: null,
  assessmentPassMark: null,
  assessedOn: null,
  certificateNumber: null,
  certificateIssuedOn: null,
  certificateValidUntil: null,
  suspensionReason: null,
  ethicsCodeVersion: null,
  ethicsAcknowledgedAt: null,
};

const acknowledged = { ethicsCodeVersion: '2025.1', ethicsAcknowledgedAt: new Date('2026-10-01T05:00:00Z') };
const assessed: CertificationRecord = { ...blank, ...acknowledged, status: 'ASSESSED', assessmentScore: 82, assessmentPassMark: 70, assessedOn: '2026-10-15' };
const certified: CertificationRecord = {
  ...assessed,
  status: 'CERTIFIED',
  certificateNumber: 'KZA-E-2026-001',
  certificateIssuedOn: '2026-11-01',
  certificateValidUntil: '2029-10-31',
};
const suspended: CertificationRecord = { ...certified, status: 'SUSPENDED', suspensionReason: 'Breach of confidentiality during a visit' };

const certify: CertificationStep = { kind: 'certify', certificateNumber: 'KZA-E-2026-002', issuedOn: '2026-12-01', validUntil: '2029-11-30', currentEthicsCodeVersion: '2025.1' };

/** A valid step of each kind, for the table of refusals by status. */
const sampleSteps: Record<CertificationStepKind, CertificationStep> = {
  startTraining: { kind: 'startTraining' },
  recordAssessment: { kind: 'recordAssessment', score: 80, passMark: 70, assessedOn: '2026-12-01' },
  certify,
  suspend: { kind: 'suspend', reason: 'Conflict of interest not declared' },
  reinstate: { kind: 'reinstate' },
  expire: { kind: 'expire' },
  renew: { kind: 'renew', validUntil: '2031-12-01', issuedOn: '2026-12-02', certificateNumber: null, currentEthicsCodeVersion: '2025.1' },
};

function accepted(outcome: CertificationOutcome): CertificationRecord {
  if (!outcome.ok) throw new Error(`expected the step to be accepted: ${JSON.stringify(outcome.problems)}`);
  return outcome.record;
}

function refused(outcome: CertificationOutcome) {
  if (outcome.ok) throw new Error('expected the step to be refused');
  return outcome.problems;
}

describe('the certification state machine', () => {
  it('walks the whole path: candidate, training, assessed, certified, suspended, reinstated, expired, renewed', () => {
    let record = accepted(applyCertificationStep(blank, { kind: 'startTraining' }, TODAY));
    expect(record.status).toBe('IN_TRAINING');
    record = accepted(applyCertificationStep(record, { kind: 'recordAssessment', score: 75, passMark: 70, assessedOn: '2026-11-20' }, TODAY));
    expect(record).toMatchObject({ status: 'ASSESSED', assessmentScore: 75, assessmentPassMark: 70, assessedOn: '2026-11-20' });
    record = accepted(acknowledgeEthics(record, '2025.1', new Date('2026-11-21T05:00:00Z')));
    record = accepted(applyCertificationStep(record, certify, TODAY));
    expect(record).toMatchObject({ status: 'CERTIFIED', certificateNumber: 'KZA-E-2026-002', certificateIssuedOn: '2026-12-01', certificateValidUntil: '2029-11-30' });
    expect(isOnPublicRegister(record, TODAY)).toBe(true);
    record = accepted(applyCertificationStep(record, { kind: 'suspend', reason: '  Did not attend the visit  ' }, TODAY));
    expect(record).toMatchObject({ status: 'SUSPENDED', suspensionReason: 'Did not attend the visit' });
    expect(isOnPublicRegister(record, TODAY)).toBe(false);
    record = accepted(applyCertificationStep(record, { kind: 'reinstate' }, TODAY));
    expect(record).toMatchObject({ status: 'CERTIFIED', suspensionReason: null });
    // Three years later the certificate has lapsed.
    const later = '2029-12-01';
    expect(isOnPublicRegister(record, later)).toBe(false);
    record = accepted(applyCertificationStep(record, { kind: 'expire' }, later));
    expect(record.status).toBe('EXPIRED');
    record = accepted(applyCertificationStep(record, { kind: 'renew', validUntil: '2032-11-30', issuedOn: later, certificateNumber: null, currentEthicsCodeVersion: '2025.1' }, later));
    expect(record).toMatchObject({ status: 'CERTIFIED', certificateNumber: 'KZA-E-2026-002', certificateIssuedOn: later, certificateValidUntil: '2032-11-30' });
    expect(isOnPublicRegister(record, later)).toBe(true);
  });

  it('keeps an expert below the pass mark in training, and sends a failed re-assessment back to training', () => {
    const training = { ...blank, status: 'IN_TRAINING' as const };
    const failed = accepted(applyCertificationStep(training, { kind: 'recordAssessment', score: 69, passMark: 70, assessedOn: '2026-11-20' }, TODAY));
    expect(failed).toMatchObject({ status: 'IN_TRAINING', assessmentScore: 69, assessmentPassMark: 70 });
    const reassessed = accepted(applyCertificationStep(assessed, { kind: 'recordAssessment', score: 40, passMark: 70, assessedOn: '2026-11-25' }, TODAY));
    expect(reassessed).toMatchObject({ status: 'IN_TRAINING', assessmentScore: 40 });
    // Exactly the pass mark passes.
    expect(accepted(applyCertificationStep(training, { kind: 'recordAssessment', score: 70, passMark: 70, assessedOn: TODAY }, TODAY)).status).toBe('ASSESSED');
  });

  it('refuses every step from a status it does not start from', () => {
    const statuses: CertificationStatus[] = ['CANDIDATE', 'IN_TRAINING', 'ASSESSED', 'CERTIFIED', 'SUSPENDED', 'EXPIRED'];
    const records: Record<CertificationStatus, CertificationRecord> = {
      CANDIDATE: blank,
      IN_TRAINING: { ...blank, status: 'IN_TRAINING' },
      ASSESSED: assessed,
      CERTIFIED: certified,
      SUSPENDED: suspended,
      EXPIRED: { ...certified, status: 'EXPIRED', certificateValidUntil: '2026-11-30' },
    };
    for (const status of statuses) {
      for (const kind of Object.keys(sampleSteps) as CertificationStepKind[]) {
        const allowed = certificationSteps[kind].from.includes(status);
        expect(availableCertificationSteps(status).includes(kind)).toBe(allowed);
        if (allowed) continue;
        const problems = refused(applyCertificationStep(records[status], sampleSteps[kind], TODAY));
        expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: null })]);
        expect(problems[0]?.message).toContain(status);
      }
    }
  });

  it('validates an assessment: whole-number score and pass mark in range, not dated in the future', () => {
    const training = { ...blank, status: 'IN_TRAINING' as const };
    const problems = refused(applyCertificationStep(training, { kind: 'recordAssessment', score: 101, passMark: 0, assessedOn: '2026-12-04' }, TODAY));
    expect(problems.map((p) => p.field)).toEqual(['score', 'passMark', 'assessedOn']);
    expect(refused(applyCertificationStep(training, { kind: 'recordAssessment', score: 7.5, passMark: 70, assessedOn: TODAY }, TODAY))[0]?.field).toBe('score');
  });

  it('certifies only with the ethics code acknowledged and a passing score', () => {
    const noEthics = { ...assessed, ethicsCodeVersion: null, ethicsAcknowledgedAt: null };
    expect(refused(applyCertificationStep(noEthics, certify, TODAY))).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', message: expect.stringContaining('ethics code') })]);
    // A record that reached ASSESSED but whose score was lowered (e.g. corrected data) is still refused.
    const failing = { ...assessed, assessmentScore: 50 };
    expect(refused(applyCertificationStep(failing, certify, TODAY))).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', message: expect.stringContaining('passing') })]);
  });

  it('checks the certificate number and its validity dates', () => {
    const cases: [CertificationStep, string, string][] = [
      [{ ...certify, certificateNumber: '  ' } as CertificationStep, 'certificateNumber', 'REQUIRED'],
      [{ ...certify, certificateNumber: 'DEMO-1' } as CertificationStep, 'certificateNumber', 'INVALID'],
      [{ ...certify, certificateNumber: 'no spaces allowed' } as CertificationStep, 'certificateNumber', 'INVALID'],
      [{ ...certify, issuedOn: '2026-12-04', validUntil: '2029-12-04' } as CertificationStep, 'issuedOn', 'INVALID'],
      [{ ...certify, validUntil: '2026-12-01' } as CertificationStep, 'validUntil', 'INVALID'],
      [{ ...certify, issuedOn: '2026-10-20', validUntil: '2026-12-02' } as CertificationStep, 'validUntil', 'INVALID'],
      [{ ...certify, validUntil: '2036-12-02' } as CertificationStep, 'validUntil', 'INVALID'],
      [{ ...certify, issuedOn: '2026-10-14' } as CertificationStep, 'issuedOn', 'INVALID'],
    ];
    for (const [step, field, code] of cases) {
      expect(refused(applyCertificationStep(assessed, step, TODAY))).toEqual([expect.objectContaining({ field, code })]);
    }
    // A certificate valid through today is accepted.
    expect(accepted(applyCertificationStep(assessed, { ...certify, validUntil: TODAY } as CertificationStep, TODAY)).status).toBe('CERTIFIED');
  });

  it('suspends only with a reason', () => {
    expect(refused(applyCertificationStep(certified, { kind: 'suspend', reason: ' short ' }, TODAY))).toEqual([
      expect.objectContaining({ field: 'reason', code: 'REQUIRED' }),
    ]);
  });

  it('reinstates only while the certificate is still valid, and expires only once it is not', () => {
    const lapsed = { ...suspended, certificateValidUntil: '2026-12-02' };
    expect(refused(applyCertificationStep(lapsed, { kind: 'reinstate' }, TODAY))).toEqual([expect.objectContaining({ code: 'GUARD_FAILED' })]);
    const expired = accepted(applyCertificationStep(lapsed, { kind: 'expire' }, TODAY));
    expect(expired).toMatchObject({ status: 'EXPIRED', suspensionReason: lapsed.suspensionReason });
    // Valid through today: not expired yet.
    expect(refused(applyCertificationStep({ ...certified, certificateValidUntil: TODAY }, { kind: 'expire' }, TODAY))).toEqual([
      expect.objectContaining({ code: 'GUARD_FAILED' }),
    ]);
    expect(accepted(applyCertificationStep({ ...certified, certificateValidUntil: '2026-12-02' }, { kind: 'expire' }, TODAY)).status).toBe('EXPIRED');
  });

  it('renews with a later validity, the ethics code acknowledged, and optionally a new number; a renewal ends a suspension it expired under', () => {
    const expired = { ...suspended, status: 'EXPIRED' as const, certificateValidUntil: '2026-11-30' };
    const renewed = accepted(applyCertificationStep(expired, { kind: 'renew', validUntil: '2029-12-01', issuedOn: TODAY, certificateNumber: 'KZA-E-2026-099', currentEthicsCodeVersion: '2025.1' }, TODAY));
    expect(renewed).toMatchObject({ status: 'CERTIFIED', certificateNumber: 'KZA-E-2026-099', certificateValidUntil: '2029-12-01', suspensionReason: null });
    // An early renewal of a valid certificate must extend it.
    expect(refused(applyCertificationStep(certified, { kind: 'renew', validUntil: '2029-10-31', issuedOn: TODAY, certificateNumber: null, currentEthicsCodeVersion: '2025.1' }, TODAY))).toEqual([
      expect.objectContaining({ field: 'validUntil', code: 'INVALID' }),
    ]);
    const noEthics = { ...expired, ethicsCodeVersion: null, ethicsAcknowledgedAt: null };
    expect(refused(applyCertificationStep(noEthics, { kind: 'renew', validUntil: '2029-12-01', issuedOn: TODAY, certificateNumber: null, currentEthicsCodeVersion: '2025.1' }, TODAY))).toEqual([
      expect.objectContaining({ code: 'GUARD_FAILED' }),
    ]);
  });

  it('certifies and renews only with the ethics code version in force acknowledged, naming that version', () => {
    const old = { ...assessed, ethicsCodeVersion: '2024.1' };
    const problems = refused(applyCertificationStep(old, certify, TODAY));
    expect(problems).toEqual([expect.objectContaining({ code: 'GUARD_FAILED', field: null })]);
    expect(problems[0]?.message).toContain('version in force, 2025.1');
    expect(problems[0]?.message).toContain('2024.1');
    const expired = { ...certified, status: 'EXPIRED' as const, certificateValidUntil: '2026-11-30', ethicsCodeVersion: '2024.1' };
    const renew: CertificationStep = { kind: 'renew', validUntil: '2029-12-01', issuedOn: TODAY, certificateNumber: null, currentEthicsCodeVersion: '2026.1' };
    expect(refused(applyCertificationStep(expired, renew, TODAY))[0]?.message).toContain('2026.1');
    expect(accepted(applyCertificationStep({ ...expired, ethicsCodeVersion: '2026.1' }, renew, TODAY)).status).toBe('CERTIFIED');
  });

  it('records an ethics acknowledgement of any well-formed version, in any status', () => {
    const at = new Date('2026-12-03T06:00:00Z');
    expect(accepted(acknowledgeEthics(certified, ' 2026.2 ', at))).toMatchObject({ ethicsCodeVersion: '2026.2', ethicsAcknowledgedAt: at, status: 'CERTIFIED' });
    expect(refused(acknowledgeEthics(blank, '', at))).toEqual([expect.objectContaining({ field: 'version', code: 'INVALID' })]);
    expect(refused(acknowledgeEthics(blank, 'version with spaces', at))).toEqual([expect.objectContaining({ field: 'version' })]);
  });

  it('puts on the public register only a certified expert whose certificate is valid today', () => {
    expect(isOnPublicRegister(certified, TODAY)).toBe(true);
    expect(isOnPublicRegister({ ...certified, certificateValidUntil: TODAY }, TODAY)).toBe(true);
    expect(isOnPublicRegister({ ...certified, certificateValidUntil: '2026-12-02' }, TODAY)).toBe(false);
    for (const status of ['CANDIDATE', 'IN_TRAINING', 'ASSESSED', 'SUSPENDED', 'EXPIRED'] as const) {
      expect(isOnPublicRegister({ ...certified, status }, TODAY)).toBe(false);
    }
  });
});
