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

/**
 * A moment written in ISO 8601 with its offset, e.g. 2027-01-10T10:00:00Z or
 * 2027-01-10T15:00:00+05:00 (seconds and fractions optional). Refuses what `new Date()` would
 * guess at: no offset (server-local time), a bare date, "1", or a day the calendar lacks.
 */
export function fromIsoDateTime(value: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!match) throw new RangeError('write a date and time in ISO 8601 with an offset, e.g. 2027-01-10T10:00:00Z or 2027-01-10T15:00:00+05:00');
  const [, day, hours, minutes, seconds = '00', fraction = '', offset, offsetHours = '00', offsetMinutes = '00'] = match;
  try {
    fromIsoDate(day ?? '');
  } catch {
    throw new RangeError(`the day ${day} does not exist in the calendar`);
  }
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59 || Number(offsetHours) > 14 || Number(offsetMinutes) > 59) {
    throw new RangeError('the time of day is out of range (hours 00-23, minutes and seconds 00-59, offset at most ±14:00)');
  }
  // Milliseconds are what a Date holds; finer digits are dropped, not rounded.
  return new Date(`${day}T${hours}:${minutes}:${seconds}${fraction.slice(0, 4).padEnd(fraction ? 4 : 0, '0')}${offset}`);
}
