// Calendar dates as the accreditation body counts them: days in Kazakhstan (UTC+5,
// Asia/Almaty), written YYYY-MM-DD. PostgreSQL `date` columns arrive as UTC midnights.

export const KAZAKHSTAN_TIME_ZONE = 'Asia/Almaty';

const calendarDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: KAZAKHSTAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Kazakhstan, YYYY-MM-DD. */
export function todayInKazakhstan(now: Date = new Date()): string {
  return calendarDate.format(now);
}

/** A `date` column value (UTC midnight) as YYYY-MM-DD. */
export function toIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as the UTC midnight Prisma expects for a `date` column. */
export function fromIsoDate(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`"${value}" is not a date in the form YYYY-MM-DD`);
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || toIsoDate(date) !== value) {
    throw new RangeError(`"${value}" is not a calendar date`);
  }
  return date;
}
