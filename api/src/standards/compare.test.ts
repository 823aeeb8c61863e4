import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDir } from '../db/seed.ts';
import { compareFrameworks, type CriterionSnapshot, type StandardSnapshot } from './compare.ts';

const criterion = (key: string, code = key, text = `Text of ${key}`): CriterionSnapshot => ({
  key,
  code,
  textKk: `${text} (kk)`,
  textRu: `${text} (ru)`,
  textEn: text,
});

const standard = (key: string, criteria: CriterionSnapshot[], overrides: Partial<StandardSnapshot> = {}): StandardSnapshot => ({
  key,
  code: key,
  titleKk: `Standard ${key} (kk)`,
  titleRu: `Standard ${key} (ru)`,
  titleEn: `Standard ${key}`,
  descriptionKk: null,
  descriptionRu: null,
  descriptionEn: null,
  criteria,
  ...overrides,
});

const keys = (diffs: { key: string }[]) => diffs.map((d) => d.key);

describe('compareFrameworks', () => {
  const before = {
    standards: [
      standard('A', [criterion('A.1'), criterion('A.2'), criterion('A.3')]),
      standard('B', [criterion('B.1'), criterion('B.2')]),
      standard('C', [criterion('C.1')]),
    ],
  };
  const after = {
    standards: [
      // A.2 removed, so A.3 is renumbered A.2; A.1 is reworded in Russian only.
      standard('A', [{ ...criterion('A.1'), textRu: 'New wording (ru)' }, criterion('A.3', 'A.2')]),
      // B.2 moves to the new standard D with a new code; B is retitled in English.
      standard('B', [criterion('B.1')], { titleEn: 'Standard B, retitled' }),
      standard('D', [criterion('B.2', 'D.1'), criterion('D.2')]),
    ],
  };
  const result = compareFrameworks(before, after);

  it('matches standards by key: added, removed, changed with the fields that changed, unchanged', () => {
    expect(keys(result.standards.added)).toEqual(['D']);
    expect(keys(result.standards.removed)).toEqual(['C']);
    expect(result.standards.changed.map((d) => [d.key, d.changedFields])).toEqual([['B', ['TITLE_EN']]]);
    expect(keys(result.standards.unchanged)).toEqual(['A']);
  });

  it('follows a criterion through renumbering and moves, and names the language of a reworded text', () => {
    expect(keys(result.criteria.added)).toEqual(['D.2']);
    expect(keys(result.criteria.removed)).toEqual(['A.2', 'C.1']);
    expect(result.criteria.changed.map((d) => [d.key, d.changedFields])).toEqual([
      ['A.1', ['TEXT_RU']],
      ['A.3', ['CODE']],
      ['B.2', ['CODE', 'STANDARD']],
    ]);
    const moved = result.criteria.changed.find((d) => d.key === 'B.2');
    expect([moved?.standardBefore?.code, moved?.standardAfter?.code, moved?.before?.code, moved?.after?.code]).toEqual(['B', 'D', 'B.2', 'D.1']);
    expect(keys(result.criteria.unchanged)).toEqual(['B.1']);
  });

  it('puts every criterion of either version in exactly one list', () => {
    const all = [...result.criteria.added, ...result.criteria.removed, ...result.criteria.changed, ...result.criteria.unchanged];
    expect(keys(all).sort()).toEqual(['A.1', 'A.2', 'A.3', 'B.1', 'B.2', 'C.1', 'D.2']);
  });

  it('finds no change between a version and itself, nor in white space alone', () => {
    const spaced = { standards: before.standards.map((s) => ({ ...s, titleEn: ` ${s.titleEn}  ` })) };
    const same = compareFrameworks(before, spaced);
    expect([same.standards.added, same.standards.removed, same.standards.changed, same.criteria.changed].flat()).toEqual([]);
    expect(same.criteria.unchanged).toHaveLength(6);
  });

  it('tells a missing translation from an existing one', () => {
    const untranslated = { standards: [standard('A', [{ ...criterion('A.1'), textEn: null }])] };
    const diff = compareFrameworks({ standards: [standard('A', [criterion('A.1')])] }, untranslated);
    expect(diff.criteria.changed.map((d) => d.changedFields)).toEqual([['TEXT_EN']]);
  });

  it('refuses a version in which two criteria share a key', () => {
    const broken = { standards: [standard('A', [criterion('A.1'), criterion('A.1', 'A.2')])] };
    expect(() => compareFrameworks(broken, before)).toThrow(/share the key A\.1/);
  });

  it('describes the sample framework’s version 2 against version 1', () => {
    const read = (version: number) =>
      JSON.parse(readFileSync(join(seedDir, `framework-v${version}.json`), 'utf8')) as { standards: StandardSnapshot[] };
    const diff = compareFrameworks(read(1), read(2));
    expect(keys(diff.standards.added)).toEqual(['I']);
    expect(diff.standards.removed).toEqual([]);
    expect(diff.standards.changed.map((d) => [d.key, d.changedFields])).toEqual([['H', ['TITLE_KK', 'TITLE_RU', 'TITLE_EN']]]);
    expect(keys(diff.criteria.added)).toEqual(['C.5', 'I.1', 'I.2']);
    expect(keys(diff.criteria.removed)).toEqual(['G.4']);
    expect(diff.criteria.changed.map((d) => [d.key, d.after?.code, d.changedFields])).toEqual([
      ['A.3', 'A.3', ['TEXT_KK', 'TEXT_RU', 'TEXT_EN']],
      ['B.5', 'B.4', ['CODE']],
      ['B.4', 'D.6', ['CODE', 'STANDARD']],
      ['G.3', 'G.3', ['TEXT_KK', 'TEXT_RU', 'TEXT_EN']],
    ]);
  });
});
