import type { DeadlineState, TrackedStatus } from '@gonghui/contracts';
import { shanghaiDate } from '../calendar/work-calendar.js';

/** A calendar date plus n days (YYYY-MM-DD, no time zone involved). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 正常 / 临期 / 逾期 of an open item, by the date in Asia/Shanghai: 逾期 from the day after the
 * deadline, 临期 within `remindDaysBefore` days up to and including the deadline.
 */
export function deadlineState(deadline: string, status: TrackedStatus, remindDaysBefore: number, now: Date = new Date()): DeadlineState {
  if (status === 'done') return 'done';
  if (status === 'closed') return 'closed';
  const today = shanghaiDate(now);
  if (today > deadline) return 'overdue';
  if (today >= addDays(deadline, -remindDaysBefore)) return 'due_soon';
  return 'normal';
}
