// The versions of the standards and what changed between them, over HTTP against the seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/index.ts';

interface Diff {
  key: string;
  before: { code: string; text: { en: string | null } } | null;
  after: { code: string; text: { en: string | null } } | null;
  standardBefore: { code: string } | null;
  standardAfter: { code: string } | null;
  changedFields: string[];
}

const criterion = 'key before { code text { en } } after { code text { en } } standardBefore { code } standardAfter { code } changedFields';

describe('standards framework versions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  it('lists both published versions, the one in force first, with their dates', async () => {
    const result = await api.query<{ standardFrameworks: unknown[]; standardFramework: { version: number } }>(
      `{ standardFrameworks { version status effectiveFrom effectiveTo isSample criteriaCount } standardFramework { version } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.standardFrameworks).toEqual([
      { version: 2, status: 'ACTIVE', effectiveFrom: '2026-09-01', effectiveTo: null, isSample: true, criteriaCount: 38 },
      { version: 1, status: 'RETIRED', effectiveFrom: '2025-01-01', effectiveTo: '2026-08-31', isSample: true, criteriaCount: 36 },
    ]);
    expect(result.data?.standardFramework.version).toBe(2);
  });

  it('tells what changed in version 2 since version 1, following renumbered and moved criteria by key', async () => {
    const result = await api.query<{
      standardFramework: {
        changesSince: {
          fromVersion: number;
          toVersion: number;
          standardsAdded: { after: { code: string } }[];
          standardsChanged: { key: string; changedFields: string[] }[];
          criteriaAdded: Diff[];
          criteriaRemoved: Diff[];
          criteriaChanged: Diff[];
          criteriaUnchanged: { key: string }[];
        };
      };
    }>(`{
      standardFramework(version: 2) {
        changesSince(version: 1) {
          fromVersion toVersion
          standardsAdded { after { code } }
          standardsChanged { key changedFields }
          criteriaAdded { ${criterion} } criteriaRemoved { ${criterion} } criteriaChanged { ${criterion} } criteriaUnchanged { key }
        }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const changes = result.data?.standardFramework.changesSince;
    expect(changes).toMatchObject({ fromVersion: 1, toVersion: 2, standardsAdded: [{ after: { code: 'I' } }], standardsChanged: [{ key: 'H' }] });
    expect(changes?.criteriaAdded.map((d) => [d.after?.code, d.standardAfter?.code, d.before])).toEqual([
      ['C.5', 'C', null],
      ['I.1', 'I', null],
      ['I.2', 'I', null],
    ]);
    expect(changes?.criteriaRemoved.map((d) => [d.before?.code, d.standardBefore?.code, d.after])).toEqual([['G.4', 'G', null]]);
    const moved = changes?.criteriaChanged.find((d) => d.key === 'B.4');
    expect(moved).toMatchObject({ before: { code: 'B.4' }, after: { code: 'D.6' }, standardBefore: { code: 'B' }, standardAfter: { code: 'D' } });
    expect(moved?.changedFields).toEqual(['CODE', 'STANDARD']);
    const reworded = changes?.criteriaChanged.find((d) => d.key === 'A.3');
    expect(reworded?.changedFields).toEqual(['TEXT_KK', 'TEXT_RU', 'TEXT_EN']);
    expect(reworded?.before?.text.en).not.toEqual(reworded?.after?.text.en);
    // 36 criteria in version 1 and 38 in version 2: each key in exactly one list.
    const counted = (changes?.criteriaChanged.length ?? 0) + (changes?.criteriaUnchanged.length ?? 0);
    expect([counted + (changes?.criteriaRemoved.length ?? 0), counted + (changes?.criteriaAdded.length ?? 0)]).toEqual([36, 38]);
  });

  it('answers a clear error for a version that does not exist or is not earlier', async () => {
    const unknown = await api.query(`{ standardFramework(version: 2) { changesSince(version: 99) { fromVersion } } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'version', rule: 'EARLIER_VERSION_REQUIRED' });
    const missing = await api.query(`{ standardFramework(version: 2) { changesSince(version: 0) { fromVersion } } }`);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'version', rule: 'UNKNOWN_VERSION' });
    expect(missing.errors?.[0]?.message).toBe('There is no published version 0 of the standards.');
    const itself = await api.query(`{ standardFramework(version: 1) { changesSince(version: 1) { fromVersion } } }`);
    expect(itself.errors?.[0]?.message).toMatch(/must be earlier than 1/);
  });

  it('gives each standard and criterion a key that stays the same across versions', async () => {
    const result = await api.query<{ v1: { standards: { criteria: { key: string; code: string }[] }[] }; v2: { standards: { criteria: { key: string; code: string }[] }[] } }>(
      `{ v1: standardFramework(version: 1) { standards { criteria { key code } } } v2: standardFramework(version: 2) { standards { criteria { key code } } } }`,
    );
    const codeOf = (framework: { standards: { criteria: { key: string; code: string }[] }[] } | undefined, key: string) =>
      framework?.standards.flatMap((s) => s.criteria).find((c) => c.key === key)?.code;
    expect([codeOf(result.data?.v1, 'B.5'), codeOf(result.data?.v2, 'B.5')]).toEqual(['B.5', 'B.4']);
  });
});
