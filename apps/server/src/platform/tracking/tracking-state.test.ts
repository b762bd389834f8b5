import { describe, expect, it } from 'vitest';
import { addDays, deadlineState } from './tracking-state.js';

describe('deadline state (正常 / 临期 / 逾期) by the date in Asia/Shanghai', () => {
  it('turns 逾期 at midnight Shanghai time, not UTC', () => {
    // 2026-03-31 23:59 in Shanghai is 15:59 UTC: still the deadline day
    expect(deadlineState('2026-03-31', 'open', 7, new Date('2026-03-31T15:59:00Z'))).toBe('due_soon');
    // 2026-04-01 00:00 in Shanghai is 2026-03-31 16:00 UTC: already overdue though UTC is still on the 31st
    expect(deadlineState('2026-03-31', 'open', 7, new Date('2026-03-31T16:00:00Z'))).toBe('overdue');
  });

  it('is 临期 from remindDaysBefore days before the deadline, 正常 before that', () => {
    expect(deadlineState('2026-03-31', 'open', 7, new Date('2026-03-23T16:30:00Z'))).toBe('due_soon'); // 03-24 in Shanghai
    expect(deadlineState('2026-03-31', 'open', 7, new Date('2026-03-23T15:30:00Z'))).toBe('normal'); // 03-23 in Shanghai
  });

  it('reports the end state of finished items whatever the date', () => {
    expect(deadlineState('2020-01-01', 'done', 7)).toBe('done');
    expect(deadlineState('2020-01-01', 'closed', 7)).toBe('closed');
  });

  it('adds calendar days across month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-03', -7)).toBe('2025-12-27');
  });
});
