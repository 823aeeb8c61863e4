// The walkthrough as `pnpm walkthrough` runs it (without the site build, which the site's
// own tests cover), on fixed dates so that the result does not depend on the day, with the
// experts certified first and the team formed from expertTeamCandidates; and
// docs/walkthrough.md quoting exactly the operations the walkthrough sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../config.ts';
import { isValidIin } from '../experts/iin.ts';
import { schema } from '../graphql/schema.ts';
import { operations } from './operations.ts';
import { demoIin, runWalkthrough } from './walkthrough.ts';

describe('the walkthrough', () => {
  it('takes a new case from the application to an accreditation the register shows', async () => {
    const lines: string[] = [];
    const result = await runWalkthrough({
      buildSite: false,
      // The external visit spans New Year: 29 December 2026 to 6 January 2027.
      finishBy: '2027-01-29',
      publicCheckAt: new Date('2027-02-01T06:00:00Z'),
      print: (line) => lines.push(line),
    });
    expect(result).toMatchObject({
      caseStage: 'POST_ACCREDITATION',
      accreditationStatus: 'ACCREDITED',
      accreditedUntil: '2032-01-20',
      sitePage: null,
    });
    expect(result.timeline).toMatchObject({ externalVisit: { from: '2026-12-29', to: '2027-01-06' }, councilOn: '2027-01-21' });
    expect(result.decisionNumber).toMatch(/^AC-D-2027-\d{4}$/);
    // The experts are certified before the school applies.
    expect(result.timeline).toMatchObject({ expertTrainingFrom: '2026-10-27', expertsCertifiedOn: '2026-11-10', applyOn: '2026-11-17' });
    // Who acted, what they sent, and what came of it, one line per step.
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}coordinator +expertCreate +→ Marat Zhaksylykov: .*demo IIN; CANDIDATE v1$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}lead expert +expertAcknowledgeEthics +→ ethics code 2025\.1/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}coordinator +expertCertify +→ Aliya Nurpeisova: certificate EXP-2026-0002, valid until 2029-11-09; CERTIFIED v6, on the public register$/),
    );
    // The team comes from the ranking: the seeded demonstration experts have no account.
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}coordinator +expertTeamCandidates \(query\) +→ 2 eligible, 40 excluded; .* through 2027-01-06/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {21}#1 Marat Zhaksylykov, score 160: level SECONDARY \+20, languages KK\/RU\/EN \+30/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {21}excluded: 40 × NO_ACCOUNT .*40 of them are the seed's demonstration experts/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}coordinator +caseProposeTeam +→ the suggested team, unchanged: lead Marat Zhaksylykov \(#1\), member Aliya Nurpeisova \(#2\)/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}CPM director +caseApproveTeam +→ order 47-П of 2026-12-03/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}the public +organization \(query\) +→ ACCREDITED until 2032-01-20/));
  });
});

describe('docs/walkthrough.md', () => {
  const doc = readFileSync(join(repositoryRoot, 'docs', 'walkthrough.md'), 'utf8');
  const quoted = [...doc.matchAll(/```graphql\n([\s\S]*?)\n```/g)].map((match) => match[1]);

  it.each(Object.entries(operations))('quotes %s exactly as the walkthrough sends it', (_name, text) => {
    expect(quoted).toContain(text);
  });

  it('quotes no operation the walkthrough does not send', () => {
    const sent: string[] = Object.values(operations);
    expect(quoted.filter((text) => !sent.includes(text ?? ''))).toEqual([]);
  });

  it.each(Object.entries(operations))('%s is valid against the API schema', (_name, text) => {
    expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
  });
});

describe('the experts’ demonstration IINs', () => {
  it('are valid by the check digit and obviously nobody’s: birth date 00.00.00, century digit 0', () => {
    for (const serial of [1, 2]) {
      const iin = demoIin(serial);
      expect(isValidIin(iin)).toBe(true);
      expect(iin).toMatch(/^0000000\d{5}$/);
    }
    expect(demoIin(1)).not.toBe(demoIin(2));
  });
});
