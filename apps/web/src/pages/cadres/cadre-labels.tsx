import { Tag } from 'antd';
import { CADRE_POSITIONS, CADRE_POSITION_LABELS, ELECTION_METHODS, ELECTION_METHOD_LABELS, TERM_DUE_LABELS, type TermDueState } from '@gonghui/contracts';

export const POSITION_OPTIONS = CADRE_POSITIONS.map((p) => ({ value: p, label: CADRE_POSITION_LABELS[p] }));
export const ELECTION_OPTIONS = ELECTION_METHODS.map((m) => ({ value: m, label: ELECTION_METHOD_LABELS[m] }));
export const EMPLOYMENT_OPTIONS = [
  { value: 'full_time', label: '专职' },
  { value: 'part_time', label: '兼职' },
];
export const TERM_DUE_OPTIONS = [
  { value: 'due_or_overdue', label: '即将到期或已到期' },
  { value: 'due', label: '即将到期' },
  { value: 'overdue', label: '已到期未换届' },
];

const DUE_COLOR: Record<TermDueState, string> = { ok: 'green', due: 'orange', overdue: 'red' };

/** Where a committee's term stands: 届期内 / 即将到期 / 已到期未换届. */
export function TermDueTag({ state, daysLeft }: { state: TermDueState | null; daysLeft?: number }) {
  if (!state) return <Tag>未登记届次</Tag>;
  const extra = daysLeft === undefined || state === 'ok' ? '' : state === 'due' ? `(剩${daysLeft}天)` : `(已过${-daysLeft}天)`;
  return <Tag color={DUE_COLOR[state]}>{TERM_DUE_LABELS[state]}{extra}</Tag>;
}

/** 学时 against the year's target. */
export function HoursTag({ hours, target }: { hours: number; target: number }) {
  return <Tag color={hours >= target ? 'green' : 'default'}>{`${hours} / ${target} 学时`}</Tag>;
}
