import { describe, expect, it } from 'vitest';
import { availableActions, councilOutcome, interimReportDueOn, teamProposalProblems, transitionProblem, unratedCriteria, validUntil } from './workflow.ts';

describe('the case workflow', () => {
  it('lets a role take a step only from the stages it starts at', () => {
    expect(transitionProblem('register', 'APPLICATION_SUBMITTED', ['COORDINATOR'])).toBeNull();
    expect(transitionProblem('register', 'APPLICATION_SUBMITTED', ['EXPERT'])?.code).toBe('FORBIDDEN');
    expect(transitionProblem('register', 'REGISTERED', ['COORDINATOR'])).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('must be at APPLICATION_SUBMITTED'),
    });
  });

  it('lists the steps open to a viewer', () => {
    expect(availableActions('SELF_ASSESSMENT', ['ORGANIZATION_REPRESENTATIVE'])).toEqual(['rateCriterion', 'submitSelfAssessment']);
    expect(availableActions('SELF_ASSESSMENT', ['COORDINATOR'])).toEqual(['proposeTeam']);
    expect(availableActions('DECIDED', ['COUNCIL_SECRETARY'])).toEqual(['publishDecision']);
  });

  it('lets a coordinator propose a changed team and the director approve it by order up to the external visit, not after', () => {
    for (const stage of ['PRELIMINARY_VISIT', 'EXTERNAL_VISIT'] as const) {
      expect(transitionProblem('proposeTeam', stage, ['COORDINATOR'])).toBeNull();
      expect(transitionProblem('approveTeam', stage, ['CPM_DIRECTOR'])).toBeNull();
    }
    expect(transitionProblem('proposeTeam', 'FINAL_REPORT', ['COORDINATOR'])?.code).toBe('INVALID_TRANSITION');
    expect(transitionProblem('approveTeam', 'FINAL_REPORT', ['CPM_DIRECTOR'])?.code).toBe('INVALID_TRANSITION');
  });

  it('needs every criterion rated with a narrative and evidence', () => {
    const criteria = [
      { id: 'a', code: 'A.1' },
      { id: 'b', code: 'A.2' },
    ];
    expect(unratedCriteria(criteria, [{ criterionId: 'a', narrative: 'n', evidence: ' ' }])).toEqual(['A.1', 'A.2']);
    expect(unratedCriteria(criteria, [{ criterionId: 'a', narrative: 'n', evidence: 'e' }, { criterionId: 'b', narrative: 'n', evidence: 'e' }])).toEqual([]);
  });

  it('needs a lead and at least one other member, each once', () => {
    expect(teamProposalProblems({ leadUserId: 'x', memberUserIds: [] })).toHaveLength(1);
    expect(teamProposalProblems({ leadUserId: 'x', memberUserIds: ['x'] })).toContain('A person appears more than once in the team.');
    expect(teamProposalProblems({ leadUserId: 'x', memberUserIds: ['y'] })).toEqual([]);
  });

  it('decides by the majority of votes cast, once a quorum of two thirds has voted', () => {
    const base = { members: 6, eligible: 6, quorum: 2 / 3 };
    expect(councilOutcome({ ...base, votes: ['ACCREDIT', 'ACCREDIT', 'REFUSE'] })).toMatchObject({ decided: false, reason: expect.stringContaining('No quorum: 3 of 6') });
    expect(councilOutcome({ ...base, votes: ['ACCREDIT', 'REFUSE', 'ABSTAIN', 'ABSTAIN'] })).toMatchObject({ decided: false, reason: expect.stringContaining('No majority') });
    expect(councilOutcome({ ...base, votes: ['ACCREDIT', 'ABSTAIN', 'ABSTAIN', 'REFUSE', 'REFUSE'] })).toMatchObject({ decided: true, outcome: 'REFUSED', abstentions: 2 });
    expect(councilOutcome({ members: 3, eligible: 3, quorum: 2 / 3, votes: ['ACCREDIT', 'ACCREDIT'] })).toMatchObject({ decided: true, outcome: 'ACCREDITED' });
  });

  it('counts validity and the interim report from the decision date', () => {
    expect(validUntil('2027-01-20', 5)).toBe('2032-01-19');
    expect(validUntil('2024-02-29', 5)).toBe('2029-02-28');
    expect(interimReportDueOn('2027-01-20')).toBe('2030-01-20');
  });
});
