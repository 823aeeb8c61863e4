import { describe, expect, it } from 'vitest';
import { checkEvent, checkMaterial, eventTransitionProblem, isListedPublicly, publishedEventEndProblem, urlProblem, type EventRecord } from './rules.ts';
import { momentOn } from './demo-seed.ts';

const event: EventRecord = {
  title: { kk: 'Семинар', ru: 'Семинар', en: null },
  description: { kk: null, ru: null, en: null },
  startsAt: new Date('2026-12-10T10:00:00+05:00'),
  endsAt: new Date('2026-12-10T13:00:00+05:00'),
  format: 'IN_PERSON',
  place: { kk: null, ru: 'Астана', en: null },
  onlineUrl: null,
  languages: ['KK', 'RU'],
  registrationUrl: null,
};
const fields = (errors: { field: string[] | null }[]) => errors.map((error) => error.field?.join('.'));

describe('support event rules', () => {
  it('accepts a complete event', () => {
    expect(checkEvent(event)).toEqual([]);
  });

  it('refuses an event that ends before or when it starts', () => {
    expect(fields(checkEvent({ ...event, endsAt: event.startsAt }))).toEqual(['input.endsAt']);
    expect(fields(checkEvent({ ...event, endsAt: new Date('2026-12-09T10:00:00+05:00') }))).toEqual(['input.endsAt']);
  });

  it('requires the Kazakh and the Russian title, not the English one', () => {
    const errors = checkEvent({ ...event, title: { kk: null, ru: null, en: 'Seminar' } });
    expect(fields(errors)).toEqual(['input.titleKk', 'input.titleRu']);
    expect(errors.every((error) => error.code === 'REQUIRED')).toBe(true);
  });

  it('needs a place in person, a link online, both when hybrid', () => {
    expect(fields(checkEvent({ ...event, place: { kk: null, ru: null, en: 'Astana' } }))).toEqual(['input.placeRu']);
    expect(fields(checkEvent({ ...event, format: 'ONLINE', place: { kk: null, ru: null, en: null } }))).toEqual(['input.onlineUrl']);
    expect(fields(checkEvent({ ...event, format: 'HYBRID' }))).toEqual(['input.onlineUrl']);
    expect(checkEvent({ ...event, format: 'HYBRID', onlineUrl: 'https://meet.example.org/x' })).toEqual([]);
  });

  it('refuses bad links with the reason', () => {
    expect(urlProblem('javascript:alert(1)')).toMatch(/https/);
    expect(urlProblem('not a url')).toMatch(/web address/);
    expect(urlProblem('https://user:pw@example.org/')).toMatch(/password/);
    expect(urlProblem('https://example.org/register')).toBeNull();
    expect(fields(checkEvent({ ...event, registrationUrl: 'ftp://example.org/' }))).toEqual(['input.registrationUrl']);
  });

  it('needs at least one language', () => {
    expect(fields(checkEvent({ ...event, languages: [] }))).toEqual(['input.languages']);
  });

  it('makes a cancellation final and ended events history', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    expect(eventTransitionProblem('publish', 'DRAFT', event.endsAt, now)).toBeNull();
    expect(eventTransitionProblem('cancel', 'PUBLISHED', event.endsAt, now)).toBeNull();
    expect(eventTransitionProblem('update', 'CANCELLED', event.endsAt, now)).toMatch(/final/);
    expect(eventTransitionProblem('publish', 'PUBLISHED', event.endsAt, now)).toMatch(/already/);
    expect(eventTransitionProblem('publish', 'DRAFT', event.endsAt, new Date('2026-12-11T00:00:00Z'))).toMatch(/ended/);
    expect(eventTransitionProblem('update', 'PUBLISHED', event.endsAt, new Date('2026-12-11T00:00:00Z'))).toMatch(/no longer be changed/);
  });

  it('lets a published event be corrected but not moved into the past', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    expect(publishedEventEndProblem('PUBLISHED', new Date('2026-12-20T00:00:00Z'), now)).toBeNull();
    expect(publishedEventEndProblem('PUBLISHED', new Date('2020-01-01T00:00:00Z'), now)).toMatch(/into the past/);
    // A draft nobody has seen may be dated anywhere that checkEvent allows.
    expect(publishedEventEndProblem('DRAFT', new Date('2020-01-01T00:00:00Z'), now)).toBeNull();
  });

  it('lists a published event, and a cancelled one only until it would have ended', () => {
    const before = new Date('2026-12-10T06:00:00Z');
    const after = new Date('2026-12-10T09:00:00Z');
    const published = { status: 'PUBLISHED' as const, publishedAt: new Date('2026-12-01T00:00:00Z'), endsAt: event.endsAt };
    expect(isListedPublicly(published, after)).toBe(true);
    expect(isListedPublicly({ ...published, status: 'CANCELLED' }, before)).toBe(true);
    expect(isListedPublicly({ ...published, status: 'CANCELLED' }, after)).toBe(false);
    expect(isListedPublicly({ ...published, status: 'DRAFT', publishedAt: null }, before)).toBe(false);
    expect(isListedPublicly({ ...published, status: 'CANCELLED', publishedAt: null }, before)).toBe(false);
  });
});

describe('methodological material rules', () => {
  const material = { title: { kk: 'Нұсқаулық', ru: 'Руководство', en: null }, summary: { kk: null, ru: null, en: null }, externalUrl: null, hasDocument: false };

  it('may be drafted without a link, but is published only with something to read', () => {
    expect(checkMaterial(material, false)).toEqual([]);
    expect(fields(checkMaterial(material, true))).toEqual(['input.externalUrl']);
    expect(checkMaterial({ ...material, externalUrl: 'https://adilet.zan.kz/rus/docs/Z070000319_' }, true)).toEqual([]);
    expect(checkMaterial({ ...material, hasDocument: true }, true)).toEqual([]);
  });

  it('is a document or a link, not both', () => {
    expect(fields(checkMaterial({ ...material, hasDocument: true, externalUrl: 'https://example.org/a.pdf' }, false))).toEqual(['input.externalUrl']);
  });
});

describe('demonstration dates', () => {
  it('are local times in Kazakhstan (UTC+05:00), counted in days from the seed day', () => {
    expect(momentOn('2026-12-28', 5, '10:00').toISOString()).toBe('2027-01-02T05:00:00.000Z');
    expect(momentOn('2026-03-01', -1, '23:30').toISOString()).toBe('2026-02-28T18:30:00.000Z');
  });
});
