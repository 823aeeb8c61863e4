// What changed between two versions of the standards: a pure function, no I/O.
// Standards and criteria are matched by their stable `key`, not by code or text: a
// criterion keeps its key when it is renumbered, reworded or moved to another standard.
// Positions are not compared: order follows from the codes, and removing one criterion
// would otherwise mark every later one as changed.

export interface CriterionSnapshot {
  key: string;
  code: string;
  textKk: string;
  textRu: string;
  textEn: string | null;
}

export interface StandardSnapshot<C extends CriterionSnapshot = CriterionSnapshot> {
  key: string;
  code: string;
  titleKk: string;
  titleRu: string;
  titleEn: string | null;
  descriptionKk: string | null;
  descriptionRu: string | null;
  descriptionEn: string | null;
  criteria: readonly C[];
}

export const standardFields = ['CODE', 'TITLE_KK', 'TITLE_RU', 'TITLE_EN', 'DESCRIPTION_KK', 'DESCRIPTION_RU', 'DESCRIPTION_EN'] as const;
export type StandardField = (typeof standardFields)[number];

export const criterionFields = ['CODE', 'STANDARD', 'TEXT_KK', 'TEXT_RU', 'TEXT_EN'] as const;
export type CriterionField = (typeof criterionFields)[number];

const standardColumns: Record<StandardField, (s: StandardSnapshot) => string | null> = {
  CODE: (s) => s.code,
  TITLE_KK: (s) => s.titleKk,
  TITLE_RU: (s) => s.titleRu,
  TITLE_EN: (s) => s.titleEn,
  DESCRIPTION_KK: (s) => s.descriptionKk,
  DESCRIPTION_RU: (s) => s.descriptionRu,
  DESCRIPTION_EN: (s) => s.descriptionEn,
};

/** One standard in both versions (or in one of them, for added and removed). */
export interface StandardDiff<S> {
  key: string;
  before: S | null;
  after: S | null;
  /** Fields that differ; empty for unchanged, added and removed standards. */
  changedFields: StandardField[];
}

/** One criterion in both versions (or in one), with the standard it sits in each time. */
export interface CriterionDiff<S, C> {
  key: string;
  before: C | null;
  after: C | null;
  standardBefore: S | null;
  standardAfter: S | null;
  /** Fields that differ; empty for unchanged, added and removed criteria. */
  changedFields: CriterionField[];
}

export interface FrameworkComparison<S, C> {
  standards: { added: StandardDiff<S>[]; removed: StandardDiff<S>[]; changed: StandardDiff<S>[]; unchanged: StandardDiff<S>[] };
  criteria: {
    added: CriterionDiff<S, C>[];
    removed: CriterionDiff<S, C>[];
    changed: CriterionDiff<S, C>[];
    unchanged: CriterionDiff<S, C>[];
  };
}

// Texts that differ only in surrounding or repeated white space are the same text.
const same = (a: string | null, b: string | null) => (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();

function byKey<T extends { key: string }>(items: readonly T[], what: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    if (map.has(item.key)) throw new Error(`Two ${what} share the key ${item.key}; keys must be unique within a version.`);
    map.set(item.key, item);
  }
  return map;
}

/**
 * Compares version `before` with version `after`. Every standard and criterion of either
 * version is in exactly one list. Lists follow the order of `after` (removed items: of
 * `before`), standard by standard.
 */
export function compareFrameworks<S extends StandardSnapshot>(
  before: { standards: readonly S[] },
  after: { standards: readonly S[] },
): FrameworkComparison<S, S['criteria'][number]> {
  const result: FrameworkComparison<S, S['criteria'][number]> = {
    standards: { added: [], removed: [], changed: [], unchanged: [] },
    criteria: { added: [], removed: [], changed: [], unchanged: [] },
  };
  const oldStandards = byKey(before.standards, 'standards');
  const newStandards = byKey(after.standards, 'standards');
  const withStandard = (standards: readonly S[]) =>
    standards.flatMap((standard) => standard.criteria.map((criterion) => ({ key: criterion.key, criterion, standard })));
  const oldCriteria = byKey(withStandard(before.standards), 'criteria');
  const newCriteria = byKey(withStandard(after.standards), 'criteria');

  for (const standard of after.standards) {
    const old = oldStandards.get(standard.key);
    if (!old) {
      result.standards.added.push({ key: standard.key, before: null, after: standard, changedFields: [] });
      continue;
    }
    const changedFields = standardFields.filter((field) => !same(standardColumns[field](old), standardColumns[field](standard)));
    const diff = { key: standard.key, before: old, after: standard, changedFields };
    result.standards[changedFields.length > 0 ? 'changed' : 'unchanged'].push(diff);
  }
  for (const standard of before.standards) {
    if (!newStandards.has(standard.key)) result.standards.removed.push({ key: standard.key, before: standard, after: null, changedFields: [] });
  }

  for (const { key, criterion, standard } of newCriteria.values()) {
    const old = oldCriteria.get(key);
    if (!old) {
      result.criteria.added.push({ key, before: null, after: criterion, standardBefore: null, standardAfter: standard, changedFields: [] });
      continue;
    }
    const changedFields = criterionFields.filter((field) => {
      switch (field) {
        case 'CODE':
          return !same(old.criterion.code, criterion.code);
        case 'STANDARD':
          return old.standard.key !== standard.key;
        case 'TEXT_KK':
          return !same(old.criterion.textKk, criterion.textKk);
        case 'TEXT_RU':
          return !same(old.criterion.textRu, criterion.textRu);
        case 'TEXT_EN':
          return !same(old.criterion.textEn, criterion.textEn);
      }
    });
    const diff = { key, before: old.criterion, after: criterion, standardBefore: old.standard, standardAfter: standard, changedFields };
    result.criteria[changedFields.length > 0 ? 'changed' : 'unchanged'].push(diff);
  }
  for (const { key, criterion, standard } of oldCriteria.values()) {
    if (!newCriteria.has(key)) {
      result.criteria.removed.push({ key, before: criterion, after: null, standardBefore: standard, standardAfter: null, changedFields: [] });
    }
  }
  return result;
}
