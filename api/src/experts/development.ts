// Continuing professional development: hours per year against the yearly requirement, the
// needs survey counted by topic, and the development needs that combine both with ratings.
import { expertYearlyHours } from '../config.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { CertificationStatus } from '../generated/prisma/enums.ts';
import { fromIsoDate } from '../shared/dates.ts';
import { hasLowRatings, summariseRatings, yearBefore, type RatingSummary } from './ratings.ts';

type Reader = Pick<Prisma.TransactionClient, 'professionalActivity' | 'expert' | 'expertNeedsResponse' | 'expertRating'>;

export const MAX_TOPICS = 10;
export const MAX_TOPIC_LENGTH = 100;

/** Hours of professional development each certified expert owes per calendar year (KZA_EXPERT_YEARLY_HOURS). */
export function yearlyHoursRequirement(): number {
  return expertYearlyHours();
}

export function yearRange(year: number): { gte: Date; lte: Date } {
  return { gte: fromIsoDate(`${year}-01-01`), lte: fromIsoDate(`${year}-12-31`) };
}

/** The years a query may ask about: the programme's horizon, with room either side. */
export function yearProblem(year: number): string | null {
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? null : 'The year is a whole number from 2000 to 2100.';
}

/** Hours of each expert in `year` (experts with none are absent). */
export async function hoursByExpert(db: Reader, year: number, expertIds?: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.professionalActivity.groupBy({
    by: ['expertId'],
    where: { occurredOn: yearRange(year), ...(expertIds ? { expertId: { in: [...expertIds] } } : {}) },
    _sum: { hours: true },
  });
  return new Map(rows.map((row) => [row.expertId, row._sum.hours ?? 0]));
}

export interface HoursShortfall {
  expertId: string;
  hours: number;
  requiredHours: number;
  shortBy: number;
}

/** Certified experts below the requirement in `year`, fewest hours first. */
export async function expertsShortOfHours(db: Reader, year: number, requiredHours: number): Promise<HoursShortfall[]> {
  const experts = await db.expert.findMany({ where: { status: 'CERTIFIED' }, select: { id: true, nameKk: true }, orderBy: [{ nameKk: 'asc' }, { id: 'asc' }] });
  const hours = await hoursByExpert(db, year, experts.map((expert) => expert.id));
  return experts
    .map((expert) => {
      const done = hours.get(expert.id) ?? 0;
      return { expertId: expert.id, hours: done, requiredHours, shortBy: requiredHours - done };
    })
    .filter((row) => row.shortBy > 0)
    .sort((a, b) => a.hours - b.hours);
}

/** "  Inclusive   Education " → "inclusive education": one spelling per topic, so counts add up. */
export function normaliseTopic(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface TopicCount {
  topic: string;
  count: number;
}

/** How many responses named each topic, most named first. */
export function countTopics(responses: readonly { topics: readonly string[] }[]): TopicCount[] {
  const counts = new Map<string, number>();
  for (const response of responses) {
    for (const topic of new Set(response.topics.map(normaliseTopic))) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  return [...counts].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
}

export interface NeedsSummary {
  year: number;
  responses: number;
  topics: TopicCount[];
}

/** The survey of `year`, aggregated: no names, no free text. */
export async function needsSummary(db: Reader, year: number): Promise<NeedsSummary> {
  const responses = await db.expertNeedsResponse.findMany({ where: { year }, select: { topics: true } });
  return { year, responses: responses.length, topics: countTopics(responses) };
}

export type DevelopmentReason = 'HOURS_SHORTFALL' | 'LOW_RATINGS';

export interface DevelopmentNeed {
  expertId: string;
  reasons: DevelopmentReason[];
  hours: number;
  requiredHours: number;
  ratings: RatingSummary;
  requestedTopics: string[];
}

/** Experts whose certificate is current or suspended: those the body develops. */
const DEVELOPED_STATUSES: CertificationStatus[] = ['CERTIFIED', 'SUSPENDED'];

/**
 * Experts who need development: short of hours in `year`, or rated below 3 on average over
 * the 12 months before `today`. Each with the topics they asked for in that year's survey.
 */
export async function developmentNeeds(db: Reader, year: number, requiredHours: number, today: string): Promise<DevelopmentNeed[]> {
  const experts = await db.expert.findMany({
    where: { status: { in: DEVELOPED_STATUSES } },
    select: { id: true },
    orderBy: [{ nameKk: 'asc' }, { id: 'asc' }],
  });
  const ids = experts.map((expert) => expert.id);
  const hours = await hoursByExpert(db, year, ids);
  const ratings = await db.expertRating.findMany({
    where: { expertId: { in: ids }, createdAt: { gte: fromIsoDate(yearBefore(today)) } },
    select: { expertId: true, score: true, createdAt: true },
  });
  const responses = await db.expertNeedsResponse.findMany({ where: { year, expertId: { in: ids } }, select: { expertId: true, topics: true } });
  const topicsOf = new Map(responses.map((response) => [response.expertId, response.topics]));
  const needs: DevelopmentNeed[] = [];
  for (const { id } of experts) {
    const done = hours.get(id) ?? 0;
    const summary = summariseRatings(ratings.filter((rating) => rating.expertId === id), today);
    const reasons: DevelopmentReason[] = [];
    if (done < requiredHours) reasons.push('HOURS_SHORTFALL');
    if (hasLowRatings(summary)) reasons.push('LOW_RATINGS');
    if (reasons.length) needs.push({ expertId: id, reasons, hours: done, requiredHours, ratings: summary, requestedTopics: topicsOf.get(id) ?? [] });
  }
  // Low ratings first: they call for attention before missing hours do.
  return needs.sort((a, b) => Number(b.reasons.includes('LOW_RATINGS')) - Number(a.reasons.includes('LOW_RATINGS')));
}
