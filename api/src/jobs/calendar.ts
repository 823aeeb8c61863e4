// Calendar arithmetic on YYYY-MM-DD dates (Kazakhstan days), for deadlines and lead times.
import { fromIsoDate, toIsoDate } from '../shared/dates.ts';

export function addDays(date: string, days: number): string {
  const value = fromIsoDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return toIsoDate(value);
}

/** Same day `months` later (or earlier); the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const value = fromIsoDate(date);
  const day = value.getUTCDate();
  value.setUTCDate(1);
  value.setUTCMonth(value.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth() + 1, 0)).getUTCDate();
  value.setUTCDate(Math.min(day, lastDay));
  return toIsoDate(value);
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}
