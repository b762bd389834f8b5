import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { addWorkdays, subtractWorkdays, CALENDAR_LAST_YEAR, calendarCovers, calendarWarning, isWorkday, shanghaiDate } from './work-calendar.js';

const require = createRequire(import.meta.url);
/** The library's own published data: official holidays and 调休 working days. */
const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };

const dayOfWeek = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const datesOf = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('work calendar (法定节假日与调休)', () => {
  it('treats 2026-10-01 (国庆节, a Thursday) as a holiday', () => {
    expect(data.holidays['2026-10-01']).toMatch(/国庆/);
    expect(dayOfWeek('2026-10-01')).toBe(4);
    expect(isWorkday('2026-10-01')).toBe(false);
  });

  it('treats every day of the 2026 National Day holiday as a day off', () => {
    const holiday = Object.keys(data.holidays).filter((d) => d.startsWith('2026-10') && /国庆/.test(data.holidays[d]!));
    expect(holiday.length).toBeGreaterThanOrEqual(7);
    for (const d of holiday) expect(isWorkday(d)).toBe(false);
  });

  it('treats a 调休 weekend around National Day 2026 as a working day', () => {
    const swapped = datesOf('2026-09-01', '2026-10-31').filter((d) => [0, 6].includes(dayOfWeek(d)) && d in data.workdays);
    expect(swapped.length).toBeGreaterThan(0);
    expect(swapped).toContain('2026-10-10');
    for (const d of swapped) {
      expect(chineseDays.isWorkday(d)).toBe(true);
      expect(isWorkday(d)).toBe(true);
    }
    // an ordinary weekend in the same months stays a day off
    const ordinary = datesOf('2026-09-01', '2026-10-31').find((d) => [0, 6].includes(dayOfWeek(d)) && !(d in data.workdays) && !(d in data.holidays));
    expect(isWorkday(ordinary!)).toBe(false);
  });

  it('counts workdays across the National Day holiday', () => {
    // the last workday before the holiday, from the data
    const before = datesOf('2026-09-20', '2026-09-30').filter((d) => chineseDays.isWorkday(d)).pop()!;
    // every workday after it, in order, from the library
    const after = datesOf('2026-10-01', '2026-11-30').filter((d) => chineseDays.isWorkday(d));
    for (let n = 1; n <= 5; n++) expect(addWorkdays(before, n)).toBe(after[n - 1]);
    expect(addWorkdays(before, 1) > '2026-10-07').toBe(true);
    expect(addWorkdays('2026-10-01', 0)).toBe(after[0]);
    expect(addWorkdays(before, 0)).toBe(before);
  });

  it('counts workdays back across the National Day holiday, and undoes addWorkdays', () => {
    const firstAfter = datesOf('2026-10-01', '2026-10-31').find((d) => chineseDays.isWorkday(d))!;
    const before = datesOf('2026-09-01', '2026-09-30').filter((d) => chineseDays.isWorkday(d));
    for (let n = 1; n <= 5; n++) expect(subtractWorkdays(firstAfter, n)).toBe(before[before.length - n]);
    expect(subtractWorkdays(firstAfter, 0)).toBe(firstAfter);
    for (const d of datesOf('2026-09-01', '2026-12-31').filter((x) => chineseDays.isWorkday(x))) {
      for (const n of [1, 3, 7]) expect(subtractWorkdays(addWorkdays(d, n), n)).toBe(d);
    }
  });

  it('counts 10 workdays from an ordinary Monday as two calendar weeks', () => {
    const monday = datesOf('2026-03-02', '2026-03-31').find((d) => dayOfWeek(d) === 1 && chineseDays.isWorkday(d))!;
    const expected = datesOf(monday, '2026-05-31').filter((d) => d > monday && chineseDays.isWorkday(d))[9];
    expect(addWorkdays(monday, 10)).toBe(expected);
  });

  it('covers the current data years and warns for a year beyond the data', () => {
    expect(calendarCovers(CALENDAR_LAST_YEAR)).toBe(true);
    expect(calendarCovers(CALENDAR_LAST_YEAR + 1)).toBe(false);
    expect(Object.keys(data.holidays).some((d) => d.startsWith(String(CALENDAR_LAST_YEAR)))).toBe(true);
    const beyond = calendarWarning(new Date(Date.UTC(CALENDAR_LAST_YEAR + 1, 5, 1)));
    expect(beyond).toContain(String(CALENDAR_LAST_YEAR));
    expect(beyond).toContain(String(CALENDAR_LAST_YEAR + 1));
  });

  it('warns from November when next year is not in the data yet, and is silent mid-year', () => {
    expect(calendarWarning(new Date(Date.UTC(CALENDAR_LAST_YEAR, 5, 1)))).toBeNull();
    expect(calendarWarning(new Date(Date.UTC(CALENDAR_LAST_YEAR, 10, 2)))).toContain(String(CALENDAR_LAST_YEAR + 1));
  });

  it('reads dates in Asia/Shanghai time', () => {
    expect(shanghaiDate(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(shanghaiDate(new Date('2026-09-30T15:59:00Z'))).toBe('2026-09-30');
  });
});
