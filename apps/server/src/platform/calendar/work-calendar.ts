import { createRequire } from 'node:module';
import chineseDays from 'chinese-days';

/**
 * 工作日 from the official holiday + 调休 calendar (chinese-days). Beyond the data's last year the
 * library silently falls back to weekday rules; we say so instead of pretending.
 */
const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string> };
export const CALENDAR_LAST_YEAR = Math.max(...Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))));

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar year in Asia/Shanghai of an instant (now by default). */
export function shanghaiYear(at: Date = new Date()): number {
  return Number(shanghaiDate(at).slice(0, 4));
}

export function calendarCovers(year: number): boolean {
  return year <= CALENDAR_LAST_YEAR;
}

export function calendarWarning(now: Date): string | null {
  const year = shanghaiYear(now);
  const nextYearSoon = shanghaiDate(now).slice(5) >= '11-01';
  if (!calendarCovers(year)) return `节假日日历只包含到 ${CALENDAR_LAST_YEAR} 年,${year} 年的工作日按周一至周五估算,请升级日历数据`;
  if (nextYearSoon && !calendarCovers(year + 1)) return `节假日日历尚无 ${year + 1} 年数据,国务院公布放假安排后请升级日历数据`;
  return null;
}

export function isWorkday(date: string): boolean {
  return chineseDays.isWorkday(date);
}

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The date n 工作日 after the given date; n = 0 gives the date itself or the next workday. */
export function addWorkdays(date: string, n: number): string {
  let d = date;
  if (n <= 0) {
    while (!isWorkday(d)) d = nextDay(d);
    return d;
  }
  for (let left = n; left > 0; ) {
    d = nextDay(d);
    if (isWorkday(d)) left--;
  }
  return d;
}

const previousDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The date n 工作日 before the given date (counting back over weekends and holidays); n = 0 gives the date itself. */
export function subtractWorkdays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = previousDay(d);
    if (isWorkday(d)) left--;
  }
  return d;
}
