// The walkthrough as `pnpm walkthrough` runs it (without the site build, which the site's
// own tests cover), on fixed dates so that the result does not depend on the day; and
// docs/walkthrough.md quoting exactly the operations the walkthrough sends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../config.ts';
import { schema } from '../graphql/schema.ts';
import { operations } from './operations.ts';
import { runWalkthrough } from './walkthrough.ts';

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
    // Who acted, what they sent, and what came of it, one line per step.
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
