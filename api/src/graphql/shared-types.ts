// Types several domain areas share: languages, localized text, ordering.
import { Language } from '../generated/prisma/enums.ts';
import { pickLanguage, type LocalizedString, type LocalizedText } from '../shared/localized.ts';
import { builder, publicAccess } from './builder.ts';

/**
 * A GraphQL enum from a Prisma enum, with a description for every value: the Prisma enum
 * stays the one list of values, and the record type forces a description for each.
 */
export function describedEnum<const V extends string>(
  name: string,
  prismaEnum: Record<string, V>,
  description: string,
  valueDescriptions: Record<V, string>,
) {
  const values = Object.fromEntries(
    Object.values(prismaEnum).map((value) => [value, { value, description: valueDescriptions[value] }]),
  ) as { [K in V]: { value: K; description: string } };
  return builder.enumType(name, { description, values });
}

export const LanguageEnum = describedEnum('Language', Language, 'A language of content or of instruction.', {
  KK: 'Kazakh, the state language.',
  RU: 'Russian.',
  EN: 'English.',
});

export const LocalizedStringRef = builder.objectRef<LocalizedString>('LocalizedString').implement({
  description: 'A text in one language, with the language it is actually in.',
  authScopes: publicAccess,
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The text.' }),
    language: t.expose('language', { type: LanguageEnum, description: 'The language the text is in.' }),
    isFallback: t.exposeBoolean('isFallback', {
      description: 'True when no translation exists in the language asked for and another language is given instead.',
    }),
  }),
});

export const LocalizedTextRef = builder.objectRef<LocalizedText>('LocalizedText').implement({
  description: 'A text in Kazakh, Russian and English. A missing translation is null.',
  authScopes: publicAccess,
  fields: (t) => ({
    kk: t.exposeString('kk', { nullable: true, description: 'Kazakh text, or null when not translated.' }),
    ru: t.exposeString('ru', { nullable: true, description: 'Russian text, or null when not translated.' }),
    en: t.exposeString('en', { nullable: true, description: 'English text, or null when not translated.' }),
    in: t.field({
      type: LocalizedStringRef,
      nullable: true,
      description:
        'The text in the given language; when that translation is missing, in the nearest other language (isFallback tells). Null only when no language has it.',
      args: { language: t.arg({ type: LanguageEnum, required: true, description: 'The language wanted.' }) },
      resolve: (text, { language }) => pickLanguage(text, language),
    }),
  }),
});

export const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: {
    ASC: { description: 'Ascending: A to Z, oldest first, smallest first.' },
    DESC: { description: 'Descending: Z to A, newest first, largest first.' },
  },
});
