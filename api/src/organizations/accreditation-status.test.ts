import { describe, expect, it } from 'vitest';
import { accreditationStanding, type CaseFacts, type DecisionFacts } from './accreditation-status.ts';

const published = new Date('2024-01-10T05:00:00Z');

function decision(overrides: Partial<DecisionFacts> & Pick<DecisionFacts, 'id' | 'outcome'>): DecisionFacts {
  return {
    caseId: 'case-1',
    decisionDate: '2024-01-05',
    validUntil: overrides.outcome === 'ACCREDITED' ? '2029-01-04' : null,
    publishedAt: published,
    supersedesId: null,
    ...overrides,
  };
}

const closedCase: CaseFacts = { id: 'case-1', stage: 'POST_ACCREDITATION' };

describe('accreditation status', () => {
  it('is ACCREDITED on the last day of validity, with that day as valid-until', () => {
    const result = accreditationStanding({
      decisions: [decision({ id: 'd1', outcome: 'ACCREDITED' })],
      cases: [closedCase],
      today: '2029-01-04',
    });
    expect(result).toEqual({ status: 'ACCREDITED', validUntil: '2029-01-04', decisionId: 'd1' });
  });

  it('is EXPIRED the day after validity ends', () => {
    const result = accreditationStanding({
      decisions: [decision({ id: 'd1', outcome: 'ACCREDITED' })],
      cases: [closedCase],
      today: '2029-01-05',
    });
    expect(result).toEqual({ status: 'EXPIRED', validUntil: '2029-01-04', decisionId: 'd1' });
  });

  it('is REFUSED when a refusal follows an accreditation that is still valid', () => {
    const result = accreditationStanding({
      decisions: [
        decision({ id: 'd1', outcome: 'ACCREDITED' }),
        decision({ id: 'd2', caseId: 'case-2', outcome: 'REFUSED', decisionDate: '2026-05-20' }),
      ],
      cases: [closedCase, { id: 'case-2', stage: 'DECIDED' }],
      today: '2026-06-01',
    });
    expect(result.status).toBe('REFUSED');
    expect(result.decisionId).toBe('d2');
  });

  it('is IN_PROGRESS while a registered case is open and nothing valid is published', () => {
    expect(
      accreditationStanding({ decisions: [], cases: [{ id: 'c', stage: 'EXTERNAL_VISIT' }], today: '2026-01-01' }).status,
    ).toBe('IN_PROGRESS');
    // an expired accreditation with a re-accreditation under way
    expect(
      accreditationStanding({
        decisions: [decision({ id: 'd1', outcome: 'ACCREDITED' })],
        cases: [closedCase, { id: 'case-2', stage: 'SELF_ASSESSMENT' }],
        today: '2030-03-01',
      }).status,
    ).toBe('IN_PROGRESS');
  });

  it('stays ACCREDITED while a re-accreditation case runs within validity', () => {
    const result = accreditationStanding({
      decisions: [decision({ id: 'd1', outcome: 'ACCREDITED' })],
      cases: [closedCase, { id: 'case-2', stage: 'SELF_ASSESSMENT' }],
      today: '2028-10-01',
    });
    expect(result.status).toBe('ACCREDITED');
  });

  it('ignores unpublished decisions: a decided but unpublished case still shows IN_PROGRESS', () => {
    const result = accreditationStanding({
      decisions: [decision({ id: 'd1', outcome: 'REFUSED', publishedAt: null })],
      cases: [{ id: 'case-1', stage: 'DECIDED' }],
      today: '2026-01-01',
    });
    expect(result).toEqual({ status: 'IN_PROGRESS', validUntil: null, decisionId: null });
  });

  it('does not count an application that is not yet registered, nor a rejected one', () => {
    for (const stage of ['APPLICATION_SUBMITTED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(accreditationStanding({ decisions: [], cases: [{ id: 'c', stage }], today: '2026-01-01' }).status).toBe(
        'NOT_ACCREDITED',
      );
    }
  });

  it('uses the correction, not the decision it supersedes', () => {
    const result = accreditationStanding({
      decisions: [
        decision({ id: 'wrong', outcome: 'ACCREDITED', validUntil: '2025-01-04' }),
        decision({
          id: 'fixed',
          outcome: 'ACCREDITED',
          validUntil: '2029-01-04',
          supersedesId: 'wrong',
          publishedAt: new Date('2024-02-01T05:00:00Z'),
        }),
      ],
      cases: [closedCase],
      today: '2026-01-01',
    });
    expect(result).toEqual({ status: 'ACCREDITED', validUntil: '2029-01-04', decisionId: 'fixed' });
  });

  it('is NOT_ACCREDITED with no history', () => {
    expect(accreditationStanding({ decisions: [], cases: [], today: '2026-01-01' })).toEqual({
      status: 'NOT_ACCREDITED',
      validUntil: null,
      decisionId: null,
    });
  });
});
