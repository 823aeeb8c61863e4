// The seed's demonstration seminars, trainings, consultations and materials
// (prisma/seed/support.json). Days are offsets from the day the seed runs, so a fresh seed
// always has upcoming events. Upserted by fixed id: running the seed again changes no
// table's count (a later run moves the dates with it).
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { EventFormat, Language, MaterialKind, SupportAudience, SupportEventKind } from '../generated/prisma/enums.ts';
import { addDays } from '../jobs/calendar.ts';
import { todayInKazakhstan } from '../shared/dates.ts';
import { checkEvent, checkMaterial } from './rules.ts';

const text = z.string().trim().min(1);
const localTime = z.string().regex(/^\d{2}:\d{2}$/, 'a time HH:MM');
const id = z.string().regex(/^demo-[a-z0-9-]+$/, 'an id starting with "demo-"');

export const supportSeedFile = z.object({
  events: z.array(
    z.object({
      id,
      kind: z.enum(SupportEventKind),
      titleKk: text,
      titleRu: text,
      titleEn: text,
      descriptionKk: text,
      descriptionRu: text,
      descriptionEn: text,
      startDay: z.number().int(),
      startTime: localTime,
      endDay: z.number().int(),
      endTime: localTime,
      format: z.enum(EventFormat),
      placeKk: text.nullable(),
      placeRu: text.nullable(),
      placeEn: text.nullable(),
      onlineUrl: z.url().nullable(),
      audience: z.enum(SupportAudience),
      languages: z.array(z.enum(Language)).min(1),
      registrationUrl: z.url().nullable(),
      status: z.enum(['PUBLISHED', 'CANCELLED']),
      publishedDay: z.number().int(),
    }),
  ),
  materials: z.array(
    z.object({
      id,
      kind: z.enum(MaterialKind),
      titleKk: text,
      titleRu: text,
      titleEn: text,
      summaryKk: text,
      summaryRu: text,
      summaryEn: text,
      language: z.enum(Language),
      audience: z.enum(SupportAudience),
      externalUrl: z.url(),
      frameworkVersion: z.number().int().nullable(),
      publishedDay: z.number().int(),
    }),
  ),
});

export type SupportSeed = z.infer<typeof supportSeedFile>;

/** Kazakhstan keeps UTC+05:00 all year (one time zone since 2024, no daylight saving). */
const KAZAKHSTAN_OFFSET = '+05:00';

/** The moment of `time` (HH:MM, Astana) on the day `offset` days after `today` (YYYY-MM-DD). */
export function momentOn(today: string, offset: number, time: string): Date {
  return new Date(`${addDays(today, offset)}T${time}:00${KAZAKHSTAN_OFFSET}`);
}

export async function seedDemoSupport(
  tx: Prisma.TransactionClient,
  seed: SupportSeed,
  frameworkIds: ReadonlyMap<number, string>,
  now: Date,
): Promise<{ events: number; materials: number }> {
  const today = todayInKazakhstan(now);
  for (const { id, startDay, startTime, endDay, endTime, publishedDay, ...event } of seed.events) {
    const startsAt = momentOn(today, startDay, startTime);
    const endsAt = momentOn(today, endDay, endTime);
    const problems = checkEvent({
      title: { kk: event.titleKk, ru: event.titleRu, en: event.titleEn },
      description: { kk: event.descriptionKk, ru: event.descriptionRu, en: event.descriptionEn },
      place: { kk: event.placeKk, ru: event.placeRu, en: event.placeEn },
      startsAt,
      endsAt,
      format: event.format,
      onlineUrl: event.onlineUrl,
      languages: event.languages,
      registrationUrl: event.registrationUrl,
    });
    if (problems.length) throw new Error(`support.json: event ${id}: ${problems.map((p) => p.message).join(' ')}`);
    const publishedAt = momentOn(today, publishedDay, '09:00');
    const data = {
      ...event,
      startsAt,
      endsAt,
      publishedAt,
      cancelledAt: event.status === 'CANCELLED' ? momentOn(today, publishedDay + 3, '09:00') : null,
      isDemo: true,
    };
    await tx.supportEvent.upsert({ where: { id }, create: { id, ...data }, update: data });
  }
  for (const { id, frameworkVersion, publishedDay, ...material } of seed.materials) {
    const frameworkId = frameworkVersion === null ? null : frameworkIds.get(frameworkVersion);
    if (frameworkId === undefined) throw new Error(`support.json: material ${id} names unknown framework version ${frameworkVersion}`);
    const problems = checkMaterial(
      {
        title: { kk: material.titleKk, ru: material.titleRu, en: material.titleEn },
        summary: { kk: material.summaryKk, ru: material.summaryRu, en: material.summaryEn },
        externalUrl: material.externalUrl,
        hasDocument: false,
      },
      true,
    );
    if (problems.length) throw new Error(`support.json: material ${id}: ${problems.map((p) => p.message).join(' ')}`);
    const data = { ...material, frameworkId, publishedAt: momentOn(today, publishedDay, '09:00'), isDemo: true };
    await tx.methodologicalMaterial.upsert({ where: { id }, create: { id, ...data }, update: data });
  }
  return { events: seed.events.length, materials: seed.materials.length };
}
