// Rules of support events (seminars, trainings, consultations, webinars) and methodological
// materials. Pure functions, no I/O: the mutations merge the input over the stored record,
// clean it here and get back every rule it breaks.
import type { EventFormat, Language, SupportEventStatus } from '../generated/prisma/enums.ts';
import { userError, type UserError } from '../graphql/user-errors.ts';

export const MAX_TITLE_LENGTH = 300;
export const MAX_TEXT_LENGTH = 5000;
export const MAX_PLACE_LENGTH = 500;
export const MAX_URL_LENGTH = 2000;
/** Longer than any real seminar or training block; catches a mistyped year. */
export const MAX_EVENT_DAYS = 31;

/** The trilingual fields of a record, as `<prefix>Kk`, `<prefix>Ru`, `<prefix>En`. */
export interface Trilingual {
  kk: string | null;
  ru: string | null;
  en: string | null;
}

/** A support event as it would be stored after the change. */
export interface EventRecord {
  title: Trilingual;
  description: Trilingual;
  startsAt: Date;
  endsAt: Date;
  format: EventFormat;
  place: Trilingual;
  onlineUrl: string | null;
  languages: readonly Language[];
  registrationUrl: string | null;
}

/** A methodological material as it would be stored after the change. */
export interface MaterialRecord {
  title: Trilingual;
  summary: Trilingual;
  externalUrl: string | null;
  hasDocument: boolean;
}

/** Trims every language; empty text becomes null (a missing translation). */
export function cleanTrilingual(text: Trilingual): Trilingual {
  const clean = (value: string | null) => value?.trim() || null;
  return { kk: clean(text.kk), ru: clean(text.ru), en: clean(text.en) };
}

export const cleanUrl = (value: string | null | undefined): string | null => value?.trim() || null;

/** Why a link is not acceptable, or null: an absolute http(s) address without credentials. */
export function urlProblem(value: string): string | null {
  if (value.length > MAX_URL_LENGTH) return `has at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a web address (it must start with https:// or http://)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// or http://';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return 'must name a full host, e.g. example.kz';
  return null;
}

const languageNames = { kk: 'Kazakh', ru: 'Russian', en: 'English' } as const;
const suffix = { kk: 'Kk', ru: 'Ru', en: 'En' } as const;

/** Kazakh and Russian are required (the state language and the language of interethnic communication); English is optional. */
function titleErrors(title: Trilingual, what: string): UserError[] {
  const errors: UserError[] = [];
  for (const key of ['kk', 'ru', 'en'] as const) {
    const value = title[key];
    if (!value && key !== 'en') errors.push(userError(`title${suffix[key]}`, 'REQUIRED', `Give the ${what}’s title in ${languageNames[key]}.`));
    if (value && value.length > MAX_TITLE_LENGTH) {
      errors.push(userError(`title${suffix[key]}`, 'INVALID', `The ${languageNames[key]} title has at most ${MAX_TITLE_LENGTH} characters.`));
    }
  }
  return errors;
}

function lengthErrors(text: Trilingual, prefix: string, label: string, max: number): UserError[] {
  return (['kk', 'ru', 'en'] as const)
    .filter((key) => (text[key]?.length ?? 0) > max)
    .map((key) => userError(`${prefix}${suffix[key]}`, 'INVALID', `The ${languageNames[key]} ${label} has at most ${max} characters.`));
}

function urlErrors(field: string, label: string, value: string | null): UserError[] {
  const problem = value ? urlProblem(value) : null;
  return problem ? [userError(field, 'INVALID', `The ${label} ${problem}.`)] : [];
}

/** Every rule the event breaks. */
export function checkEvent(event: EventRecord): UserError[] {
  const errors = [
    ...titleErrors(event.title, 'event'),
    ...lengthErrors(event.description, 'description', 'description', MAX_TEXT_LENGTH),
    ...lengthErrors(event.place, 'place', 'place', MAX_PLACE_LENGTH),
    ...urlErrors('onlineUrl', 'online link', event.onlineUrl),
    ...urlErrors('registrationUrl', 'registration link', event.registrationUrl),
  ];
  if (event.endsAt.getTime() <= event.startsAt.getTime()) {
    errors.push(userError('endsAt', 'INVALID', 'The event must end after it starts: endsAt is not later than startsAt.'));
  } else if (event.endsAt.getTime() - event.startsAt.getTime() > MAX_EVENT_DAYS * 86_400_000) {
    errors.push(userError('endsAt', 'INVALID', `An event lasts at most ${MAX_EVENT_DAYS} days; check the dates.`));
  }
  const needsPlace = event.format === 'IN_PERSON' || event.format === 'HYBRID';
  const needsLink = event.format === 'ONLINE' || event.format === 'HYBRID';
  if (needsPlace && !event.place.kk && !event.place.ru) {
    errors.push(userError('placeRu', 'REQUIRED', `A ${event.format === 'HYBRID' ? 'hybrid' : 'in-person'} event needs its place, in Kazakh or Russian.`));
  }
  if (needsLink && !event.onlineUrl) {
    errors.push(userError('onlineUrl', 'REQUIRED', `${event.format === 'HYBRID' ? 'A hybrid' : 'An online'} event needs the link to join it.`));
  }
  if (event.languages.length === 0) errors.push(userError('languages', 'REQUIRED', 'Give at least one language the event is held in.'));
  return errors;
}

/** Every rule the material breaks. `publishing`: it must also have something to read. */
export function checkMaterial(material: MaterialRecord, publishing: boolean): UserError[] {
  const errors = [
    ...titleErrors(material.title, 'material'),
    ...lengthErrors(material.summary, 'summary', 'summary', MAX_TEXT_LENGTH),
    ...urlErrors('externalUrl', 'external link', material.externalUrl),
  ];
  if (material.hasDocument && material.externalUrl) {
    errors.push(userError('externalUrl', 'INVALID', 'A material is either an uploaded document or an external link, not both; remove one.'));
  }
  if (publishing && !material.hasDocument && !material.externalUrl) {
    errors.push(
      userError('externalUrl', 'REQUIRED', 'A material is published with something to read: upload its document or give an external link first.'),
    );
  }
  return errors;
}

export type EventAction = 'update' | 'publish' | 'cancel';

/**
 * Whether the action may be taken on an event with this status, ending at `endsAt`, at `now`;
 * null when it may, else the reason. A cancelled event is final; one that has ended is history.
 */
export function eventTransitionProblem(action: EventAction, status: SupportEventStatus, endsAt: Date, now: Date): string | null {
  if (status === 'CANCELLED') return 'The event is cancelled; a cancellation is final. Create a new event instead.';
  if (action === 'publish' && status === 'PUBLISHED') return 'The event is already published.';
  if (endsAt.getTime() < now.getTime()) {
    const verb = { update: 'changed', publish: 'published', cancel: 'cancelled' }[action];
    return `The event ended on ${endsAt.toISOString()}; it can no longer be ${verb}.`;
  }
  return null;
}

/**
 * A published event may be corrected (a new room, a later start), but not moved into the
 * past: people were told of it, and an ended event can no longer be cancelled.
 */
export function publishedEventEndProblem(status: SupportEventStatus, newEndsAt: Date, now: Date): string | null {
  if (status !== 'PUBLISHED' || newEndsAt.getTime() >= now.getTime()) return null;
  return `A published event cannot be moved into the past: endsAt ${newEndsAt.toISOString()} is before now.`;
}

/**
 * Whether the public lists this event at `now`. Published events are listed; a cancelled one
 * that had been published stays listed, marked cancelled, until it would have ended, so that
 * people who planned to come learn of it. Drafts never are.
 */
export function isListedPublicly(event: { status: SupportEventStatus; publishedAt: Date | null; endsAt: Date }, now: Date): boolean {
  if (event.publishedAt === null) return false;
  if (event.status === 'PUBLISHED') return true;
  return event.status === 'CANCELLED' && event.endsAt.getTime() >= now.getTime();
}
