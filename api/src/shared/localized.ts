// Trilingual text: Kazakh (state language), Russian, English. Any of the three may be
// missing; readers then get another language and are told so.
import type { Language } from '../generated/prisma/enums.ts';

export interface LocalizedText {
  kk: string | null;
  ru: string | null;
  en: string | null;
}

export interface LocalizedString {
  text: string;
  language: Language;
  /** True when the text is in another language than the one asked for. */
  isFallback: boolean;
}

const fallbackOrder: Record<Language, Language[]> = {
  KK: ['KK', 'RU', 'EN'],
  RU: ['RU', 'KK', 'EN'],
  EN: ['EN', 'RU', 'KK'],
};

const keyOf = { KK: 'kk', RU: 'ru', EN: 'en' } as const;

/** The text in `language`, or in the nearest language that has it; null when none has. */
export function pickLanguage(text: LocalizedText, language: Language): LocalizedString | null {
  for (const candidate of fallbackOrder[language]) {
    const value = text[keyOf[candidate]];
    if (value !== null && value.trim() !== '') {
      return { text: value, language: candidate, isFallback: candidate !== language };
    }
  }
  return null;
}

/** Builds LocalizedText from a row's `<prefix>Kk`, `<prefix>Ru`, `<prefix>En` columns. */
export function localized<P extends string>(
  row: { [K in `${P}Kk` | `${P}Ru` | `${P}En`]?: string | null },
  prefix: P,
): LocalizedText {
  const get = (suffix: 'Kk' | 'Ru' | 'En') => (row as Record<string, string | null | undefined>)[`${prefix}${suffix}`] ?? null;
  return { kk: get('Kk'), ru: get('Ru'), en: get('En') };
}
