// Validation of an expert's record (names, IIN, contacts, specialisations, place) and of
// the parts of its history. Pure functions: they return the clean values and every rule
// broken. Messages name the rule, never the IIN, e-mail address or phone number given.
import { emailProblem, normaliseEmail } from '../auth/users.ts';
import type { EducationLevel, Language } from '../generated/prisma/enums.ts';
import { userError, type UserError } from '../graphql/user-errors.ts';
import { iinProblem, iinRuleText, normaliseIin } from './iin.ts';

export const MAX_NAME_LENGTH = 200;
export const MAX_CITY_LENGTH = 100;
export const MAX_SUBJECT_AREAS = 20;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_TITLE_LENGTH = 300;

const SUBJECT_AREA = /^[a-z][a-z0-9-]{1,49}$/;

/** Input of expertCreate; in expertUpdate every field is optional (absent: unchanged). */
export interface ExpertRecordInput {
  nameKk?: string | null;
  nameRu?: string | null;
  nameEn?: string | null;
  iin?: string | null;
  email?: string | null;
  phone?: string | null;
  languages?: readonly Language[] | null;
  levels?: readonly EducationLevel[] | null;
  subjectAreas?: readonly string[] | null;
  city?: string | null;
}

/** The clean values of the fields given. */
export interface ExpertRecordValues {
  nameKk?: string;
  nameRu?: string;
  nameEn?: string | null;
  iin?: string;
  email?: string;
  phone?: string | null;
  languages?: Language[];
  levels?: EducationLevel[];
  subjectAreas?: string[];
  city?: string;
}

/** "Computer Science " → "computer-science": one spelling per subject, so filters and counts agree. */
export function normaliseSubjectArea(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** "+7 (701) 123-45-67" → "+77011234567". */
export function normalisePhone(raw: string): string {
  const trimmed = raw.trim();
  return `${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

function requiredText(errors: UserError[], field: string, raw: string, max: number, what: string): string {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (!value) errors.push(userError(field, 'REQUIRED', `Give ${what}.`));
  else if (value.length > max) errors.push(userError(field, 'INVALID', `${what[0]?.toUpperCase()}${what.slice(1)} has at most ${max} characters.`));
  return value;
}

/**
 * Checks the fields present in `input`. With `required`, the fields expertCreate needs
 * must all be present.
 */
export function checkExpertRecord(input: ExpertRecordInput, required: boolean): { values: ExpertRecordValues; errors: UserError[] } {
  const errors: UserError[] = [];
  const values: ExpertRecordValues = {};
  const present = <K extends keyof ExpertRecordInput>(key: K): boolean => input[key] !== undefined && input[key] !== null;

  if (required) {
    for (const key of ['nameKk', 'nameRu', 'iin', 'email', 'languages', 'levels', 'subjectAreas', 'city'] as const) {
      if (!present(key)) errors.push(userError(key, 'REQUIRED', `${key} is required.`));
    }
  }
  if (input.nameKk != null) values.nameKk = requiredText(errors, 'nameKk', input.nameKk, MAX_NAME_LENGTH, 'the name in Kazakh');
  if (input.nameRu != null) values.nameRu = requiredText(errors, 'nameRu', input.nameRu, MAX_NAME_LENGTH, 'the name in Russian');
  if (input.nameEn !== undefined) {
    const nameEn = input.nameEn?.trim().replace(/\s+/g, ' ') || null;
    if (nameEn && nameEn.length > MAX_NAME_LENGTH) errors.push(userError('nameEn', 'INVALID', `The name in English has at most ${MAX_NAME_LENGTH} characters.`));
    values.nameEn = nameEn;
  }
  if (input.iin != null) {
    const iin = normaliseIin(input.iin);
    const problem = iinProblem(iin);
    // The rule, never the number: error messages reach logs and screens.
    if (problem) errors.push(userError('iin', 'INVALID', `The IIN is not valid: ${iinRuleText[problem]}.`));
    else values.iin = iin;
  }
  if (input.email != null) {
    const email = normaliseEmail(input.email);
    if (emailProblem(email)) errors.push(userError('email', 'INVALID', 'The e-mail address is not valid (name@example.kz, at most 254 characters).'));
    else values.email = email;
  }
  if (input.phone !== undefined) {
    const phone = input.phone?.trim() ? normalisePhone(input.phone) : null;
    if (phone !== null && !/^\+?\d{10,15}$/.test(phone)) {
      errors.push(userError('phone', 'INVALID', 'The phone number is not valid: 10 to 15 digits, optionally after "+" (e.g. +7 701 123 45 67).'));
    } else values.phone = phone;
  }
  if (input.languages != null) {
    values.languages = [...new Set(input.languages)];
    if (values.languages.length === 0) errors.push(userError('languages', 'REQUIRED', 'Name at least one language the expert works in.'));
  }
  if (input.levels != null) {
    values.levels = [...new Set(input.levels)];
    if (values.levels.length === 0) errors.push(userError('levels', 'REQUIRED', 'Name at least one level the expert may assess.'));
  }
  if (input.subjectAreas != null) {
    values.subjectAreas = [...new Set(input.subjectAreas.map(normaliseSubjectArea))];
    if (values.subjectAreas.length === 0) errors.push(userError('subjectAreas', 'REQUIRED', 'Name at least one subject area.'));
    else if (values.subjectAreas.length > MAX_SUBJECT_AREAS) errors.push(userError('subjectAreas', 'INVALID', `At most ${MAX_SUBJECT_AREAS} subject areas.`));
    const bad = values.subjectAreas.filter((area) => !SUBJECT_AREA.test(area));
    if (bad.length) {
      errors.push(userError('subjectAreas', 'INVALID', `A subject area is a code of 2 to 50 lower-case letters, digits and dashes (e.g. "mathematics"); not: ${bad.join(', ')}.`));
    }
  }
  if (input.city != null) values.city = requiredText(errors, 'city', input.city, MAX_CITY_LENGTH, 'the city');
  return { values, errors };
}

/** Dates of a period (employment, mentorship): YYYY-MM-DD, the end (if any) not before the start, neither in the future. */
export function periodErrors(from: string, to: string | null | undefined, today: string, fields: { from: string; to: string }): UserError[] {
  const errors: UserError[] = [];
  if (from > today) errors.push(userError(fields.from, 'INVALID', `The start cannot be in the future (today is ${today}).`));
  if (to != null) {
    if (to < from) errors.push(userError(fields.to, 'INVALID', 'The end cannot come before the start.'));
    if (to > today) errors.push(userError(fields.to, 'INVALID', `The end cannot be in the future (today is ${today}).`));
  }
  return errors;
}

/** Private fields are never copied into the audit trail: only whether they changed. */
export const PRIVATE_EXPERT_FIELDS = ['iin', 'email', 'phone'] as const;

/** What the audit trail records of record values: the others as they are, private ones only as present. */
export function auditableValues(values: ExpertRecordValues): Record<string, unknown> {
  const entries = Object.entries(values).map(([key, value]) =>
    (PRIVATE_EXPERT_FIELDS as readonly string[]).includes(key) ? [key, '(private)'] : [key, value],
  );
  return Object.fromEntries(entries);
}
