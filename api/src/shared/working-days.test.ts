import { describe, expect, it } from 'vitest';
import holidayData from './kz-holidays.json' with { type: 'json' };
import {
  addWorkingDays,
  calendarCoverage,
  countWorkingDays,
  dayOffReason,
  isWorkingDay,
  movedDaysOffByRule,
  nextWorkingDay,
  visitLengthProblem,
} from './working-days.ts';

describe('coverage', () => {
  it('covers the years whose Kurban Ait is known', () => {
    expect(calendarCoverage()).toEqual({ from: 2024, to: 2027 });
  });

  it('builds every covered year without a data error', () => {
    const { from, to } = calendarCoverage();
    for (let year = from; year <= to; year += 1) {
      expect(countWorkingDays(`${year}-01-01`, `${year}-12-31`)).toBeGreaterThan(240);
    }
  });

  it('refuses a year whose Kurban Ait is unknown, naming the year', () => {
    expect(() => isWorkingDay('2028-03-01')).toThrow(RangeError);
    expect(() => isWorkingDay('2028-03-01')).toThrow(/Kurban Ait for 2028 is unknown/);
    expect(() => dayOffReason('2023-06-01')).toThrow(/Kurban Ait for 2023 is unknown/);
    // Counting into an unknown year fails rather than silently undercounting.
    expect(() => countWorkingDays('2027-12-27', '2028-01-07')).toThrow(/2028/);
    expect(() => addWorkingDays('2027-12-30', 5)).toThrow(/2028/);
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('26-03-01')).toThrow(RangeError);
  });
});

describe('dayOffReason and isWorkingDay', () => {
  it('treats Monday to Friday as working and the weekend as off', () => {
    expect(dayOffReason('2026-04-15')).toBeNull();
    expect(isWorkingDay('2026-04-17')).toBe(true);
    expect(dayOffReason('2026-04-18')).toBe('weekend');
    expect(dayOffReason('2026-04-19')).toBe('weekend');
  });

  it('names a holiday even when it falls on a weekend', () => {
    expect(dayOffReason('2026-03-21')).toBe('Nauryz');
    expect(dayOffReason('2026-05-09')).toBe('Victory Day');
  });

  it('gives the Monday after Victory Day on a Saturday off (2026)', () => {
    expect(dayOffReason('2026-05-11')).toBe('moved day off (Victory Day)');
    // 4–15 May 2026: 7 May is a holiday and 11 May the moved day off.
    expect(countWorkingDays('2026-05-04', '2026-05-15')).toBe(8);
  });

  it('keeps Orthodox Christmas on a Sunday without a moved day (2024)', () => {
    expect(dayOffReason('2024-01-07')).toBe('Orthodox Christmas');
    expect(isWorkingDay('2024-01-08')).toBe(true);
    expect(movedDaysOffByRule(2024).map((moved) => moved.date)).not.toContain('2024-01-08');
  });

  it('gives the first day of Kurban Ait off without moving it', () => {
    expect(dayOffReason('2025-06-06')).toBe('Kurban Ait');
    expect(dayOffReason('2026-05-27')).toBe('Kurban Ait');
    // 16 Jun 2024 was a Sunday: no moved day off on Monday.
    expect(dayOffReason('2024-06-16')).toBe('Kurban Ait');
    expect(isWorkingDay('2024-06-17')).toBe(true);
    expect(countWorkingDays('2026-05-25', '2026-05-29')).toBe(4);
  });

  it('follows Constitution Day from 30 Aug (to 2025) to none (2026) to 15 Mar (from 2027)', () => {
    expect(dayOffReason('2025-08-30')).toBe('Constitution Day');
    expect(dayOffReason('2025-09-01')).toBe('moved day off (Constitution Day)');
    expect(dayOffReason('2026-08-30')).toBe('weekend');
    expect(isWorkingDay('2026-08-31')).toBe(true);
    expect(dayOffReason('2026-03-15')).toBe('weekend');
    expect(dayOffReason('2027-03-15')).toBe('Constitution Day');
    expect(isWorkingDay('2027-08-30')).toBe(true);
  });

  it('applies the 2025 swap: Friday 3 Jan off, Sunday 5 Jan worked', () => {
    expect(dayOffReason('2025-01-03')).toBe('day off by decree');
    expect(isWorkingDay('2025-01-05')).toBe(true);
    // 1–10 Jan 2025: working on 5, 6, 8, 9 and 10 Jan (7 Jan is Orthodox Christmas).
    expect(countWorkingDays('2025-01-01', '2025-01-10')).toBe(5);
  });

  it('applies the 2024 swap: Saturday 4 May worked, Wednesday 8 May off', () => {
    expect(isWorkingDay('2024-05-04')).toBe(true);
    expect(dayOffReason('2024-05-08')).toBe('day off by decree');
  });
});

describe('moved days off', () => {
  const listed: Record<string, string[]> = holidayData.moved_days_off;

  it.each(Object.entries(listed))('the weekend-move rule reproduces the listed days for %s', (year, dates) => {
    expect(movedDaysOffByRule(Number(year)).map((moved) => moved.date)).toEqual(dates);
    for (const date of dates) expect(dayOffReason(date)).toMatch(/^moved day off \(.+\)$/);
  });

  it('moves both weekend days of Nauryz 2026 past the Monday holiday', () => {
    expect(dayOffReason('2026-03-23')).toBe('Nauryz');
    expect(dayOffReason('2026-03-24')).toBe('moved day off (Nauryz)');
    expect(dayOffReason('2026-03-25')).toBe('moved day off (Nauryz)');
    expect(isWorkingDay('2026-03-26')).toBe(true);
  });
});

describe('countWorkingDays', () => {
  it('counts across New Year 2026, both ends included', () => {
    // 29–31 Dec, then 5, 6, 8 and 9 Jan (1–2 Jan New Year, 7 Jan Orthodox Christmas).
    expect(countWorkingDays('2025-12-29', '2026-01-09')).toBe(7);
  });

  it('counts across Nauryz 2026 (21–23 Mar on Sat–Mon, 24–25 Mar moved days off)', () => {
    expect(countWorkingDays('2026-03-16', '2026-03-27')).toBe(7);
  });

  it('counts a single day as 1 or 0', () => {
    expect(countWorkingDays('2026-03-26', '2026-03-26')).toBe(1);
    expect(countWorkingDays('2026-03-24', '2026-03-24')).toBe(0);
  });

  it('rejects a range that ends before it starts', () => {
    expect(() => countWorkingDays('2026-03-27', '2026-03-26')).toThrow(RangeError);
  });
});

describe('addWorkingDays and nextWorkingDay', () => {
  it('counts the start as day 1 when it is a working day', () => {
    expect(addWorkingDays('2026-03-20', 1)).toBe('2026-03-20');
    expect(addWorkingDays('2026-03-20', 2)).toBe('2026-03-26');
  });

  it('makes the next working day day 1 when the start is a day off', () => {
    expect(addWorkingDays('2026-03-21', 1)).toBe('2026-03-26');
    expect(addWorkingDays('2026-03-21', 3)).toBe('2026-03-30');
  });

  it('agrees with countWorkingDays for a period starting on a working day', () => {
    for (const start of ['2025-12-29', '2026-03-18', '2026-05-06', '2025-01-02']) {
      for (let n = 1; n <= 10; n += 1) expect(countWorkingDays(start, addWorkingDays(start, n))).toBe(n);
    }
  });

  it('rejects n below 1 or not whole', () => {
    expect(() => addWorkingDays('2026-03-20', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-20', 1.5)).toThrow(RangeError);
  });

  it('finds the first working day strictly after a date', () => {
    expect(nextWorkingDay('2026-03-19')).toBe('2026-03-20');
    expect(nextWorkingDay('2026-03-20')).toBe('2026-03-26');
    expect(nextWorkingDay('2025-12-31')).toBe('2026-01-05');
    expect(nextWorkingDay('2025-01-02')).toBe('2025-01-05');
  });
});

describe('visitLengthProblem', () => {
  it('accepts a 5-working-day preliminary visit spanning Nauryz', () => {
    expect(visitLengthProblem('PRELIMINARY', '2026-03-18', '2026-03-27')).toBeNull();
  });

  it('accepts the edges: 3 and 5 preliminary, 5 and 7 external', () => {
    expect(visitLengthProblem('PRELIMINARY', '2026-04-13', '2026-04-15')).toBeNull();
    expect(visitLengthProblem('PRELIMINARY', '2026-04-13', '2026-04-17')).toBeNull();
    expect(visitLengthProblem('EXTERNAL', '2026-04-13', '2026-04-17')).toBeNull();
    expect(visitLengthProblem('EXTERNAL', '2026-03-16', '2026-03-27')).toBeNull();
  });

  it('rejects a 6-working-day preliminary visit, naming the rule and the count', () => {
    const problem = visitLengthProblem('PRELIMINARY', '2026-03-17', '2026-03-27');
    expect(problem).toContain('preliminary visit must last between 3 and 5 working days');
    expect(problem).toContain('is 6 working days');
  });

  it('rejects a 2-working-day preliminary visit', () => {
    expect(visitLengthProblem('PRELIMINARY', '2026-04-13', '2026-04-14')).toContain('is 2 working days');
  });

  it('rejects a 4-working-day external visit', () => {
    const problem = visitLengthProblem('EXTERNAL', '2026-03-19', '2026-03-27');
    expect(problem).toContain('external visit must last between 5 and 7 working days');
    expect(problem).toContain('is 4 working days');
  });

  it('rejects an 8-working-day external visit', () => {
    expect(visitLengthProblem('EXTERNAL', '2026-04-13', '2026-04-22')).toContain('is 8 working days');
  });

  it('rejects a visit starting on a holiday', () => {
    expect(visitLengthProblem('PRELIMINARY', '2026-03-23', '2026-03-27')).toBe(
      'The preliminary visit must start on a working day, but 2026-03-23 is a day off (Nauryz).',
    );
  });

  it('rejects a visit ending on a day off', () => {
    expect(visitLengthProblem('EXTERNAL', '2026-03-16', '2026-03-24')).toBe(
      'The external visit must end on a working day, but 2026-03-24 is a day off (moved day off (Nauryz)).',
    );
    expect(visitLengthProblem('PRELIMINARY', '2026-04-15', '2026-04-18')).toContain('(weekend)');
  });

  it('rejects a visit that ends before it starts', () => {
    expect(visitLengthProblem('PRELIMINARY', '2026-04-17', '2026-04-15')).toContain('cannot end');
  });
});
