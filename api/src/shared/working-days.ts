// Kazakhstan's working-day calendar for a five-day week: which calendar dates are working
// days, for deadlines and visit lengths given in working days. The data comes from
// kz-holidays.json, imported once; every function here is pure.
//
// Dates are calendar dates written YYYY-MM-DD. Arithmetic is done on UTC midnights (see
// dates.ts), so the server's time zone can never shift a date by a day.
//
// Coverage: the fixed holidays and the weekend-move rule are known for any year, but the
// first day of Kurban Ait (a lunar date announced each year) is only known for the years
// listed in the data. For any other year every function throws a RangeError naming the
// year, so that callers never silently miscount.

import { fromIsoDate, toIsoDate } from './dates.ts';
import holidayData from './kz-holidays.json' with { type: 'json' };

interface FixedHoliday {
  /** MM-DD */
  date: string;
  name: string;
  /** false: stays a single day off even when it falls on a weekend. */
  moves?: boolean;
  /** First and last year the holiday exists (inclusive); absent means no limit. */
  from?: number;
  until?: number;
}

interface DecreeSwap {
  /** The weekday that becomes a day off. */
  off: string;
  /** The Saturday or Sunday worked in its place. */
  worked: string;
}

interface HolidayData {
  fixed: FixedHoliday[];
  kurban_ait: Record<string, string>;
  moved_days_off: Record<string, string[]>;
  decree_swaps: Record<string, DecreeSwap[]>;
}

const data: HolidayData = holidayData;

const DAY_MS = 86_400_000;
const KURBAN_AIT = 'Kurban Ait';

interface YearCalendar {
  /** Holiday date -> holiday name. */
  holidays: ReadonlyMap<string, string>;
  /** Moved day off -> the holiday it replaces (null when the data lists a day the rule cannot explain). */
  movedDaysOff: ReadonlyMap<string, string | null>;
  /** Moved days off as the weekend-move rule alone computes them, sorted. */
  movedByRule: readonly { date: string; holiday: string }[];
  decreeDaysOff: ReadonlySet<string>;
  decreeWorkingDays: ReadonlySet<string>;
}

// Checked once at import: a gap in the years would make calendarCoverage() claim a year the
// data cannot answer.
const coverage: { readonly from: number; readonly to: number } = (() => {
  const years = Object.keys(data.kurban_ait)
    .map(Number)
    .sort((a, b) => a - b);
  const from = years[0];
  const to = years.at(-1);
  if (from === undefined || to === undefined || to - from + 1 !== years.length) {
    throw new Error('kz-holidays.json: kurban_ait must list a non-empty run of consecutive years');
  }
  return { from, to };
})();

/** The years (inclusive) for which working days can be counted. */
export function calendarCoverage(): { from: number; to: number } {
  return { from: coverage.from, to: coverage.to };
}

function addDays(date: string, days: number): string {
  return toIsoDate(new Date(fromIsoDate(date).getTime() + days * DAY_MS));
}

function isWeekend(date: string): boolean {
  const weekday = fromIsoDate(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function dataError(message: string): Error {
  return new Error(`kz-holidays.json: ${message}`);
}

function buildYear(year: number): YearCalendar {
  const kurbanAit = data.kurban_ait[String(year)];
  if (kurbanAit === undefined) {
    throw new RangeError(
      `Kurban Ait for ${year} is unknown, so working days in ${year} cannot be counted ` +
        `(the calendar covers ${coverage.from}–${coverage.to}; add the year to kz-holidays.json)`,
    );
  }
  const inYear = (date: string): boolean => fromIsoDate(date).getUTCFullYear() === year;

  const holidays = new Map<string, string>();
  const moving: string[] = [];
  for (const holiday of data.fixed) {
    if ((holiday.from !== undefined && year < holiday.from) || (holiday.until !== undefined && year > holiday.until)) {
      continue;
    }
    const date = `${year}-${holiday.date}`;
    fromIsoDate(date); // throws on a bad MM-DD in the data
    holidays.set(date, holiday.name);
    if (holiday.moves !== false) moving.push(date);
  }
  if (!inYear(kurbanAit)) throw dataError(`Kurban Ait ${kurbanAit} is not in ${year}`);
  // Kurban Ait never moves, and coinciding with another holiday adds no day off.
  if (!holidays.has(kurbanAit)) holidays.set(kurbanAit, KURBAN_AIT);

  // Law "On holidays", art. 5: a holiday on a Saturday or Sunday gives the next working
  // day off. Taken in date order, so two weekend days of Nauryz give two weekdays off.
  const movedByRule: { date: string; holiday: string }[] = [];
  const taken = new Set<string>();
  for (const date of moving.sort()) {
    if (!isWeekend(date)) continue;
    let candidate = addDays(date, 1);
    while (isWeekend(candidate) || holidays.has(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    movedByRule.push({ date: candidate, holiday: holidays.get(date) ?? '' });
  }
  movedByRule.sort((a, b) => a.date.localeCompare(b.date));

  // The published list is the authority for its year; the rule fills in unlisted years.
  const listed = data.moved_days_off[String(year)];
  const movedDaysOff = new Map<string, string | null>();
  if (listed === undefined) {
    for (const moved of movedByRule) movedDaysOff.set(moved.date, moved.holiday);
  } else {
    for (const date of listed) {
      if (!inYear(date)) throw dataError(`moved day off ${date} is listed under ${year}`);
      movedDaysOff.set(date, movedByRule.find((moved) => moved.date === date)?.holiday ?? null);
    }
  }

  // Swaps are indexed by date, not by their key, so a swap across New Year lands in both years.
  const decreeDaysOff = new Set<string>();
  const decreeWorkingDays = new Set<string>();
  for (const swap of Object.values(data.decree_swaps).flat()) {
    if (inYear(swap.off)) {
      if (isWeekend(swap.off) || holidays.has(swap.off)) throw dataError(`decree day off ${swap.off} is not an ordinary weekday`);
      decreeDaysOff.add(swap.off);
    }
    if (inYear(swap.worked)) {
      if (!isWeekend(swap.worked) || holidays.has(swap.worked)) {
        throw dataError(`decree working day ${swap.worked} is not an ordinary weekend day`);
      }
      decreeWorkingDays.add(swap.worked);
    }
  }

  return { holidays, movedDaysOff, movedByRule, decreeDaysOff, decreeWorkingDays };
}

const calendars = new Map<number, YearCalendar>();

function calendarFor(year: number): YearCalendar {
  let calendar = calendars.get(year);
  if (calendar === undefined) {
    calendar = buildYear(year);
    calendars.set(year, calendar);
  }
  return calendar;
}

/**
 * Why `date` is not a working day: the holiday's name ("Nauryz", "Kurban Ait"),
 * "moved day off (<holiday>)", "day off by decree" or "weekend"; null for a working day
 * (including a weekend day worked by decree). Throws RangeError for a malformed date or
 * a year outside calendarCoverage().
 */
export function dayOffReason(date: string): string | null {
  const calendar = calendarFor(fromIsoDate(date).getUTCFullYear());
  if (calendar.decreeWorkingDays.has(date)) return null;
  const holiday = calendar.holidays.get(date);
  if (holiday !== undefined) return holiday;
  if (calendar.movedDaysOff.has(date)) {
    const replaced = calendar.movedDaysOff.get(date);
    return replaced ? `moved day off (${replaced})` : 'moved day off';
  }
  if (calendar.decreeDaysOff.has(date)) return 'day off by decree';
  if (isWeekend(date)) return 'weekend';
  return null;
}

/** Whether `date` is a working day in a Monday–Friday week. Throws as dayOffReason does. */
export function isWorkingDay(date: string): boolean {
  return dayOffReason(date) === null;
}

/**
 * The number of working days from `from` to `to`, both included (a one-day range that is
 * a working day counts 1). Throws RangeError when `to` is before `from`, or when the range
 * touches a year outside calendarCoverage().
 */
export function countWorkingDays(from: string, to: string): number {
  const start = fromIsoDate(from).getTime();
  const end = fromIsoDate(to).getTime();
  if (end < start) throw new RangeError(`countWorkingDays: ${to} is before ${from}`);
  let count = 0;
  for (let time = start; time <= end; time += DAY_MS) {
    if (isWorkingDay(toIsoDate(new Date(time)))) count += 1;
  }
  return count;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The n-th working day of a period that begins on `start` (n ≥ 1, a whole number):
 * `start` itself is day 1 when it is a working day, otherwise day 1 is the next working
 * day. So addWorkingDays(d, 1) is d or the next working day, and for a working day d,
 * countWorkingDays(d, addWorkingDays(d, n)) === n — the last day of an n-working-day
 * visit that starts on d.
 */
export function addWorkingDays(start: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`addWorkingDays: n must be a whole number of at least 1, got ${n}`);
  }
  let day = isWorkingDay(start) ? start : nextWorkingDay(start);
  for (let counted = 1; counted < n; counted += 1) day = nextWorkingDay(day);
  return day;
}

/**
 * The moved days off that the weekend-move rule alone gives for `year`, sorted; lets tests
 * check the rule against the published lists.
 */
export function movedDaysOffByRule(year: number): { date: string; holiday: string }[] {
  return calendarFor(year).movedByRule.map((moved) => ({ ...moved }));
}

export type VisitKind = 'PRELIMINARY' | 'EXTERNAL';

/** Visit lengths in working days, counted inclusively (appendix 2 of the programme). */
export const VISIT_WORKING_DAYS: Readonly<Record<VisitKind, { readonly min: number; readonly max: number }>> = {
  PRELIMINARY: { min: 3, max: 5 },
  EXTERNAL: { min: 5, max: 7 },
};

/**
 * Why a visit from `from` to `to` (both days included) breaks the rules, or null when it
 * is fine: it must start and end on working days and last 3–5 (preliminary) or 5–7
 * (external) working days. Throws RangeError for malformed dates or years outside
 * calendarCoverage().
 */
export function visitLengthProblem(kind: VisitKind, from: string, to: string): string | null {
  const { min, max } = VISIT_WORKING_DAYS[kind];
  const visit = kind === 'PRELIMINARY' ? 'preliminary visit' : 'external visit';
  if (fromIsoDate(to).getTime() < fromIsoDate(from).getTime()) {
    return `The ${visit} cannot end (${to}) before it starts (${from}).`;
  }
  const startOff = dayOffReason(from);
  if (startOff !== null) return `The ${visit} must start on a working day, but ${from} is a day off (${startOff}).`;
  const endOff = dayOffReason(to);
  if (endOff !== null) return `The ${visit} must end on a working day, but ${to} is a day off (${endOff}).`;
  const days = countWorkingDays(from, to);
  if (days < min || days > max) {
    return (
      `The ${visit} must last between ${min} and ${max} working days, counting the first and last day; ` +
      `${from} to ${to} is ${days} working ${days === 1 ? 'day' : 'days'}.`
    );
  }
  return null;
}
