// The pure rules of team formation: each hard rule broken once (and its boundary kept), the
// team-level rules, the soft goals, and the ranking of a seeded pool of 200 experts.
import { describe, expect, it } from 'vitest';
import { demoExpertPool, type DemoExpert } from './demo-pool.ts';
import {
  addDays,
  checkProposal,
  hardRules,
  hardRuleViolations,
  rankExperts,
  resolveLastVisitDay,
  scoring,
  softGoalReasons,
  suggestTeam,
  teamCompositionProblems,
  yearsBefore,
  type AssignmentFacts,
  type CaseFacts,
  type ExpertFacts,
  type HardRule,
  type OrganizationFacts,
  type RankedCandidate,
  type TeamFormationRules,
  type TeamSeat,
} from './team-formation.ts';

const TODAY = '2026-09-01';
const LAST_VISIT_DAY = '2026-10-31';

const rules: TeamFormationRules = {
  teamSize: { SCHOOL: { min: 2, max: 4 }, COLLEGE: { min: 3, max: 5 }, HIGHER_COLLEGE: { min: 3, max: 6 } },
  conflictLookBackYears: 3,
};

const organization: OrganizationFacts = {
  id: 'org-astana',
  formerIds: ['org-astana-before-2020'],
  names: ['Астана қаласындағы мектеп', 'Школа г. Астана', 'School in Astana'],
  kind: 'SCHOOL',
  level: 'SECONDARY',
  programmeType: 'SPECIALISED_GIFTED',
  languages: ['KK', 'RU', 'EN'],
  city: 'Astana',
};

function caseFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return { caseId: 'case-1', organization, today: TODAY, lastVisitDay: LAST_VISIT_DAY, visits: [], subjectAreas: ['mathematics', 'physics'], ...overrides };
}

let sequence = 0;

/** An expert who breaks no hard rule for the case above. */
function eligible(overrides: Partial<ExpertFacts> = {}): ExpertFacts {
  sequence += 1;
  const id = `expert-${String(sequence).padStart(4, '0')}`;
  return {
    expertId: id,
    account: { userId: `user-${id}`, activeExpert: true },
    name: `Expert ${sequence}`,
    certificateNumber: `KZA-${String(sequence).padStart(4, '0')}`,
    status: 'CERTIFIED',
    certificateValidUntil: '2028-01-01',
    languages: ['KK', 'RU'],
    levels: ['SECONDARY'],
    subjectAreas: ['mathematics'],
    city: 'Karaganda',
    employments: [{ organizationId: 'org-other', employerName: 'Школа-гимназия № 7', startedOn: '2010-09-01', endedOn: null }],
    familyLinkOrganizationIds: [],
    declaredConflictOrganizationIds: [],
    assignments: [],
    ...overrides,
  };
}

const assignment = (overrides: Partial<AssignmentFacts> = {}): AssignmentFacts => ({
  caseNumber: 'AC-2026-0100',
  caseOpen: true,
  teamApproved: true,
  orderDate: '2026-03-01',
  visits: [],
  ...overrides,
});

const codes = (expert: ExpertFacts, facts: CaseFacts = caseFacts()) => hardRuleViolations(expert, facts, rules).map((r) => r.code);

describe('the hard rules, each broken once', () => {
  it('lets an expert who breaks none through', () => {
    expect(codes(eligible())).toEqual([]);
  });

  const broken: [HardRule, string, () => { expert: ExpertFacts; facts?: CaseFacts }][] = [
    ['NO_ACCOUNT', 'no user account', () => ({ expert: eligible({ account: null }) })],
    ['NO_ACCOUNT', 'an inactive account', () => ({ expert: eligible({ account: { userId: 'u', activeExpert: false } }) })],
    ['NOT_CERTIFIED', 'a suspended expert', () => ({ expert: eligible({ status: 'SUSPENDED' }) })],
    ['NOT_CERTIFIED', 'an expert still in training', () => ({ expert: eligible({ status: 'IN_TRAINING', certificateValidUntil: null, certificateNumber: null }) })],
    ['CERTIFICATE_EXPIRES', 'a certificate ending the day before the last visit day', () => ({ expert: eligible({ certificateValidUntil: addDays(LAST_VISIT_DAY, -1) }) })],
    ['CURRENT_EMPLOYER', 'an expert working there now', () => ({ expert: eligible({ employments: [{ organizationId: organization.id, employerName: 'Школа г. Астана', startedOn: '2015-09-01', endedOn: null }] }) })],
    [
      'CURRENT_EMPLOYER',
      'an employer recorded by name only that is the organization',
      () => ({ expert: eligible({ employments: [{ organizationId: null, employerName: '  school in  ASTANA ', startedOn: '2015-09-01', endedOn: null }] }) }),
    ],
    ['WORKED_THERE', 'an expert who left within the look-back years', () => ({ expert: eligible({ employments: [{ organizationId: organization.id, employerName: 'x', startedOn: '2015-09-01', endedOn: '2024-06-30' }] }) })],
    [
      'WORKED_THERE',
      'an expert who worked at the organization before its reorganisation',
      () => ({ expert: eligible({ employments: [{ organizationId: 'org-astana-before-2020', employerName: 'x', startedOn: '2015-09-01', endedOn: '2025-01-31' }] }) }),
    ],
    ['DECLARED_CONFLICT', 'a declared conflict of interest', () => ({ expert: eligible({ declaredConflictOrganizationIds: [organization.id] }) })],
    ['FAMILY_LINK', 'a recorded family link', () => ({ expert: eligible({ familyLinkOrganizationIds: [organization.id] }) })],
    [
      'OVERLAPPING_VISIT',
      'another team visiting on overlapping days',
      () => ({
        expert: eligible({ assignments: [assignment({ visits: [{ from: '2026-10-12', to: '2026-10-16' }] })] }),
        facts: caseFacts({ visits: [{ from: '2026-10-16', to: '2026-10-22' }] }),
      }),
    ],
  ];

  for (const [rule, what, make] of broken) {
    it(`${rule}: excludes ${what}`, () => {
      const { expert, facts } = make();
      const reasons = hardRuleViolations(expert, facts ?? caseFacts(), rules);
      expect(reasons.map((r) => r.code)).toEqual([rule]);
      expect(reasons[0]?.message).toBeTruthy();
      expect(reasons[0]?.points).toBe(0);
    });
  }

  it('keeps the boundaries: valid through the last visit day, left before the look-back, a closed or adjacent visit', () => {
    expect(codes(eligible({ certificateValidUntil: LAST_VISIT_DAY }))).toEqual([]);
    const cutoff = yearsBefore(TODAY, rules.conflictLookBackYears);
    expect(cutoff).toBe('2023-09-01');
    const leftLongAgo = eligible({ employments: [{ organizationId: organization.id, employerName: 'x', startedOn: '2010-09-01', endedOn: addDays(cutoff, -1) }] });
    expect(codes(leftLongAgo)).toEqual([]);
    const leftAtCutoff = eligible({ employments: [{ organizationId: organization.id, employerName: 'x', startedOn: '2010-09-01', endedOn: cutoff }] });
    expect(codes(leftAtCutoff)).toEqual(['WORKED_THERE']);
    const visits = [{ from: '2026-10-16', to: '2026-10-22' }];
    const withdrawn = eligible({ assignments: [assignment({ caseOpen: false, visits: [{ from: '2026-10-12', to: '2026-10-16' }] })] });
    expect(codes(withdrawn, caseFacts({ visits }))).toEqual([]);
    const dayBefore = eligible({ assignments: [assignment({ visits: [{ from: '2026-10-12', to: '2026-10-15' }] })] });
    expect(codes(dayBefore, caseFacts({ visits }))).toEqual([]);
  });

  it('names every rule broken at once, conflicts included', () => {
    const expert = eligible({
      status: 'EXPIRED',
      declaredConflictOrganizationIds: [organization.id],
      familyLinkOrganizationIds: [organization.id],
      employments: [{ organizationId: organization.id, employerName: 'x', startedOn: '2015-09-01', endedOn: null }],
    });
    expect(codes(expert)).toEqual(['NOT_CERTIFIED', 'CURRENT_EMPLOYER', 'DECLARED_CONFLICT', 'FAMILY_LINK']);
  });

  it('refuses a proposed person without an expert record (NO_EXPERT_RECORD)', () => {
    const lead = eligible({ languages: ['KK', 'RU', 'EN'] });
    const check = checkProposal(
      [
        { personId: 'user-lead', name: lead.name, expert: lead, role: 'LEAD' },
        { personId: 'user-plain', name: 'Plain User', expert: null, role: 'MEMBER' },
      ],
      caseFacts(),
      rules,
    );
    expect(check.seats.map((s) => [s.seat.name, s.reasons.map((r) => r.code)])).toEqual([['Plain User', ['NO_EXPERT_RECORD']]]);
    expect(check.team).toEqual([]);
    // A team of people without records: their records are missing, not their languages.
    const unknown = checkProposal(
      [
        { personId: 'a', name: 'A', expert: null, role: 'LEAD' },
        { personId: 'b', name: 'B', expert: null, role: 'MEMBER' },
      ],
      caseFacts(),
      rules,
    );
    expect(unknown.seats.flatMap((s) => s.reasons.map((r) => r.code))).toEqual(['NO_EXPERT_RECORD', 'NO_EXPERT_RECORD']);
    expect(unknown.team).toEqual([]);
  });
});

describe('the team-level rules', () => {
  const seat = (role: 'LEAD' | 'MEMBER', overrides: Partial<TeamSeat> = {}): TeamSeat => {
    sequence += 1;
    return { personId: `p${sequence}`, name: `Person ${sequence}`, languages: ['KK', 'RU', 'EN'], levels: ['SECONDARY'], role, ...overrides };
  };
  const problems = (team: TeamSeat[], org: OrganizationFacts = organization) => teamCompositionProblems(team, org, rules).map((p) => p.code);

  it('accepts a team within the size with one lead that covers the languages and the level', () => {
    expect(problems([seat('LEAD'), seat('MEMBER')])).toEqual([]);
    expect(problems([seat('LEAD', { languages: ['KK'], levels: [] }), seat('MEMBER', { languages: ['RU', 'EN'] })])).toEqual([]);
  });

  it('TEAM_SIZE: by the organization’s kind', () => {
    expect(problems([seat('LEAD')])).toEqual(['TEAM_SIZE']);
    expect(problems([seat('LEAD'), seat('MEMBER'), seat('MEMBER'), seat('MEMBER'), seat('MEMBER')])).toEqual(['TEAM_SIZE']);
    const college: OrganizationFacts = { ...organization, kind: 'COLLEGE', level: 'TECHNICAL_VOCATIONAL' };
    const collegeSeat = (role: 'LEAD' | 'MEMBER') => seat(role, { levels: ['TECHNICAL_VOCATIONAL'] });
    expect(problems([collegeSeat('LEAD'), collegeSeat('MEMBER')], college)).toEqual(['TEAM_SIZE']);
    expect(problems([collegeSeat('LEAD'), collegeSeat('MEMBER'), collegeSeat('MEMBER')], college)).toEqual([]);
  });

  it('ONE_LEAD: neither none nor two', () => {
    expect(problems([seat('MEMBER'), seat('MEMBER')])).toEqual(['ONE_LEAD']);
    expect(problems([seat('LEAD'), seat('LEAD')])).toEqual(['ONE_LEAD']);
  });

  it('DUPLICATE_MEMBER: nobody twice', () => {
    const lead = seat('LEAD');
    expect(problems([lead, { ...lead, role: 'MEMBER' }])).toEqual(['DUPLICATE_MEMBER']);
  });

  it('LANGUAGE_NOT_COVERED and LEVEL_NOT_COVERED name what is missing', () => {
    const team = [seat('LEAD', { languages: ['KK'], levels: ['TECHNICAL_VOCATIONAL'] }), seat('MEMBER', { languages: ['KK'], levels: ['POST_SECONDARY'] })];
    const found = teamCompositionProblems(team, organization, rules);
    expect(found.map((p) => p.code)).toEqual(['LANGUAGE_NOT_COVERED', 'LEVEL_NOT_COVERED']);
    expect(found[0]?.message).toContain('RU, EN');
    expect(found[1]?.message).toContain('SECONDARY');
  });
});

describe('the soft goals', () => {
  const points = (expert: ExpertFacts, facts: CaseFacts = caseFacts()) =>
    Object.fromEntries(softGoalReasons(expert, facts).map((r) => [r.code, r.points]));

  it('scores level, languages, subject areas (capped), workload, own city and a busy horizon', () => {
    const expert = eligible({
      languages: ['KK', 'RU', 'EN'],
      subjectAreas: ['Mathematics', 'physics', 'governance'],
      city: ' ASTANA ',
      assignments: [assignment({ visits: [{ from: '2026-09-20', to: '2026-09-25' }] }), assignment({ caseNumber: 'AC-2025-0009', caseOpen: false, orderDate: '2025-02-01', visits: [{ from: '2025-03-01', to: '2025-03-05' }] })],
    });
    expect(points(expert)).toEqual({
      LEVEL: scoring.levelMatch,
      LANGUAGES: 3 * scoring.perLanguage,
      SUBJECT_AREAS: 2 * scoring.perSubjectArea,
      WORKLOAD: scoring.perAssignment, // last year's team does not count
      SAME_CITY: scoring.sameCity,
      BUSY_BEFORE_LAST_VISIT_DAY: scoring.busy,
    });
    const many = eligible({ subjectAreas: ['mathematics', 'physics', 'chemistry', 'biology'] });
    expect(points(many, caseFacts({ subjectAreas: ['mathematics', 'physics', 'chemistry', 'biology'] })).SUBJECT_AREAS).toBe(scoring.subjectAreaCap);
    expect(points(eligible({ levels: ['POST_SECONDARY'] })).LEVEL).toBe(0);
  });

  it('does not count a busy horizon once the case’s own visits are scheduled (overlap is then a hard rule)', () => {
    const expert = eligible({ assignments: [assignment({ visits: [{ from: '2026-09-20', to: '2026-09-25' }] })] });
    expect(points(expert, caseFacts({ visits: [{ from: '2026-10-05', to: '2026-10-09' }] })).BUSY_BEFORE_LAST_VISIT_DAY).toBeUndefined();
  });
});

describe('dates', () => {
  it('resolves the last visit day from the visits, the request and the default horizon', () => {
    expect(resolveLastVisitDay({ today: TODAY })).toBe('2026-10-31');
    expect(resolveLastVisitDay({ today: TODAY, requested: '2026-12-20' })).toBe('2026-12-20');
    expect(resolveLastVisitDay({ today: TODAY, externalVisitTo: '2026-11-13' })).toBe('2026-11-13');
    expect(resolveLastVisitDay({ today: TODAY, requested: '2026-09-10', externalVisitTo: '2026-11-13' })).toBe('2026-11-13');
    expect(resolveLastVisitDay({ today: TODAY, preliminaryVisitTo: '2026-12-04' })).toBe('2026-12-04');
  });

  it('counts years back from 29 February', () => {
    expect(yearsBefore('2028-02-29', 3)).toBe('2025-02-28');
    expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29');
  });
});

// ---- a seeded pool of 200 --------------------------------------------------------------

/** The campus the case is about: NIS Physics and Mathematics in Astana (ids are BINs here). */
const CAMPUS_BIN = '999900000012';
const campus: OrganizationFacts = { ...organization, id: CAMPUS_BIN, formerIds: [], names: ['Назарбаев Интеллектуальная школа физико-математического направления г. Астана'] };

/** The pool as the data layer would give it, plus workload, overlaps, conflicts and accounts that vary with the index. */
function poolFacts(pool: readonly DemoExpert[]): ExpertFacts[] {
  return pool.map((demo, index) => {
    const assignments: AssignmentFacts[] = Array.from({ length: index % 4 }, (_v, n) =>
      assignment({ caseNumber: `AC-2026-${String(index * 10 + n).padStart(4, '0')}`, visits: [{ from: addDays('2026-01-12', n * 30), to: addDays('2026-01-16', n * 30) }] }),
    );
    if (index % 19 === 0) assignments.push(assignment({ caseNumber: `AC-2026-9${String(index).padStart(3, '0')}`, visits: [{ from: '2026-10-19', to: '2026-10-23' }] }));
    return {
      expertId: `pool-${String(index).padStart(3, '0')}`,
      account: index % 23 === 0 ? null : { userId: `user-${index}`, activeExpert: true },
      name: demo.nameEn,
      certificateNumber: demo.certificateNumber,
      status: demo.status,
      certificateValidUntil: demo.certificateValidUntil,
      languages: demo.languages,
      levels: demo.levels,
      subjectAreas: demo.subjectAreas,
      city: demo.city,
      employments: demo.employments.map((e) => ({ organizationId: e.organizationBin, employerName: e.employerName, startedOn: e.startedOn, endedOn: e.endedOn })),
      familyLinkOrganizationIds: demo.familyLinks.map((l) => l.organizationBin),
      declaredConflictOrganizationIds: index % 17 === 0 ? [CAMPUS_BIN] : [],
      assignments,
    };
  });
}

/** The hard rules, written again independently of team-formation.ts. */
function breaksAHardRule(expert: ExpertFacts, facts: CaseFacts): boolean {
  const cutoff = `${Number(facts.today.slice(0, 4)) - rules.conflictLookBackYears}${facts.today.slice(4)}`;
  const campusJobs = expert.employments.filter((e) => e.organizationId === CAMPUS_BIN || e.employerName === campus.names[0]);
  return (
    expert.account === null ||
    !expert.account.activeExpert ||
    expert.status !== 'CERTIFIED' ||
    (expert.certificateValidUntil ?? '') < facts.lastVisitDay ||
    campusJobs.some((e) => e.endedOn === null || e.endedOn >= cutoff) ||
    expert.familyLinkOrganizationIds.includes(CAMPUS_BIN) ||
    expert.declaredConflictOrganizationIds.includes(CAMPUS_BIN) ||
    expert.assignments.some((a) => a.caseOpen && a.visits.some((v) => facts.visits.some((w) => v.from <= w.to && w.from <= v.to)))
  );
}

describe('the ranking of a seeded pool of 200 experts', () => {
  const pool = poolFacts(demoExpertPool(200, 42, { asOf: TODAY }));
  const facts = caseFacts({ organization: campus, visits: [{ from: '2026-10-19', to: '2026-10-23' }] });
  const ranking = rankExperts(pool, facts, rules);

  it('puts every expert in exactly one list, each exclusion with its reasons', () => {
    expect(ranking.candidates.length + ranking.exclusions.length).toBe(200);
    const ids = [...ranking.candidates.map((c) => c.expert.expertId), ...ranking.exclusions.map((e) => e.expert.expertId)];
    expect(new Set(ids).size).toBe(200);
    expect(ranking.candidates.length).toBeGreaterThan(50);
    for (const exclusion of ranking.exclusions) {
      expect(exclusion.reasons.length).toBeGreaterThan(0);
      for (const reason of exclusion.reasons) {
        expect(Object.keys(hardRules)).toContain(reason.code);
        expect(reason.message.length).toBeGreaterThan(10);
      }
    }
    const seen = new Set(ranking.exclusions.flatMap((e) => e.reasons.map((r) => r.code)));
    for (const rule of ['NO_ACCOUNT', 'NOT_CERTIFIED', 'DECLARED_CONFLICT', 'OVERLAPPING_VISIT'] as const) expect(seen).toContain(rule);
    expect(['CURRENT_EMPLOYER', 'WORKED_THERE', 'FAMILY_LINK'].some((rule) => seen.has(rule as HardRule))).toBe(true);
  });

  it('excludes exactly the experts an independent reading of the hard rules excludes', () => {
    const expected = pool.filter((e) => breaksAHardRule(e, facts)).map((e) => e.expertId).sort();
    expect(ranking.exclusions.map((e) => e.expert.expertId).sort()).toEqual(expected);
    for (const top of ranking.candidates.slice(0, 20)) expect(breaksAHardRule(top.expert, facts)).toBe(false);
  });

  it('is deterministic: the same ranking from any input order, ordered by score then certificate number', () => {
    const reversed = rankExperts([...pool].reverse(), facts, rules);
    expect(reversed.candidates.map((c) => c.expert.expertId)).toEqual(ranking.candidates.map((c) => c.expert.expertId));
    expect(reversed.exclusions.map((e) => e.expert.expertId)).toEqual(ranking.exclusions.map((e) => e.expert.expertId));
    ranking.candidates.forEach((c, index) => {
      expect(c.rank).toBe(index + 1);
      expect(c.score).toBe(scoring.base + c.reasons.reduce((sum, r) => sum + r.points, 0));
      const next = ranking.candidates[index + 1];
      if (next) {
        expect(c.score).toBeGreaterThanOrEqual(next.score);
        if (c.score === next.score) expect((c.expert.certificateNumber ?? '') < (next.expert.certificateNumber ?? '')).toBe(true);
      }
    });
  });

  it('ranks an expert from the organization’s own city below an otherwise identical one', () => {
    const model = ranking.candidates.find((c) => c.expert.city !== campus.city);
    if (!model) throw new Error('no candidate from another city');
    const twin = { ...model.expert, expertId: 'twin-same-city', city: campus.city, certificateNumber: 'A-0000' }; // the first certificate number: wins every tie
    const again = rankExperts([...pool, twin], facts, rules);
    const rankOf = (id: string) => again.candidates.find((c) => c.expert.expertId === id)?.rank ?? Infinity;
    expect(rankOf('twin-same-city')).toBeGreaterThan(rankOf(model.expert.expertId));
    expect(again.candidates.find((c) => c.expert.expertId === 'twin-same-city')?.reasons.map((r) => r.code)).toContain('SAME_CITY');
  });

  it('ranks lower workload higher', () => {
    const model = ranking.candidates.find((c) => c.assignmentsThisYear === 0 && c.expert.city !== campus.city);
    if (!model) throw new Error('no candidate without assignments');
    const busier = {
      ...model.expert,
      expertId: 'twin-busier',
      certificateNumber: 'A-0000',
      assignments: [assignment({ caseNumber: 'AC-2026-7777', visits: [{ from: '2026-02-02', to: '2026-02-06' }] })],
    };
    const again = rankExperts([...pool, busier], facts, rules);
    const rankOf = (id: string) => again.candidates.find((c) => c.expert.expertId === id)?.rank ?? Infinity;
    expect(rankOf('twin-busier')).toBeGreaterThan(rankOf(model.expert.expertId));
    // Across the pool too: of two candidates alike in every other goal, the one with fewer assignments ranks higher.
    const otherPoints = (c: RankedCandidate) => c.score - (c.reasons.find((r) => r.code === 'WORKLOAD')?.points ?? 0);
    let pairs = 0;
    for (const a of ranking.candidates) {
      for (const b of ranking.candidates) {
        if (otherPoints(a) === otherPoints(b) && a.assignmentsThisYear < b.assignmentsThisYear) {
          pairs += 1;
          expect(a.rank).toBeLessThan(b.rank);
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
  });

  it('suggests a team that passes every team rule, led by the best candidate who assesses the level', () => {
    const suggestion = suggestTeam(ranking.candidates, facts, rules);
    expect(suggestion.uncovered).toEqual([]);
    expect(suggestion.lead).toBe(ranking.candidates.find((c) => c.expert.levels.includes('SECONDARY')));
    const team = [suggestion.lead, ...suggestion.members].flatMap((c) => (c ? [c] : []));
    const seats: TeamSeat[] = team.map((c, index) => ({
      personId: c.expert.expertId,
      name: c.expert.name,
      languages: c.expert.languages,
      levels: c.expert.levels,
      role: index === 0 ? 'LEAD' : 'MEMBER',
    }));
    expect(teamCompositionProblems(seats, campus, rules)).toEqual([]);
  });

  it('names what a suggestion cannot cover', () => {
    const russianOnly = ranking.candidates.filter((c) => !c.expert.languages.includes('EN'));
    const suggestion = suggestTeam(russianOnly, facts, rules);
    expect(suggestion.uncovered.map((r) => r.code)).toEqual(['LANGUAGE_NOT_COVERED']);
    expect(suggestion.uncovered[0]?.message).toContain('EN');
    expect(suggestTeam([], facts, rules).uncovered.map((r) => r.code)).toEqual(['LANGUAGE_NOT_COVERED', 'LEVEL_NOT_COVERED', 'TEAM_SIZE']);
  });
});
