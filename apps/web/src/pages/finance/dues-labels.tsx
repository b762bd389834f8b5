import { Tag } from 'antd';
import { DUES_BATCH_STATUS_LABELS, DUES_METHOD_LABELS, DUES_MONTH_STATE_LABELS, DUES_EXEMPT_REASON_LABELS, EMPLOYER_TYPE_LABELS, type DuesBatchStatus, type DuesMonthState } from '@gonghui/contracts';

/** The current month (YYYY-MM) and year in Asia/Shanghai. */
export function shanghaiMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}
export const currentYear = (): number => Number(shanghaiMonth().slice(0, 4));

/** The last `n` months up to this one, newest first, as select options. */
export function monthOptions(n = 24): { value: string; label: string }[] {
  const [y, m] = shanghaiMonth().split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - i;
    const v = `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
    return { value: v, label: v };
  });
}

export const yearOptions = (): { value: number; label: string }[] => [0, 1, 2, 3].map((i) => ({ value: currentYear() - i, label: `${currentYear() - i}年` }));

const toOptions = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
export const METHOD_OPTIONS = toOptions(DUES_METHOD_LABELS);
export const STATUS_OPTIONS = toOptions(DUES_BATCH_STATUS_LABELS);
export const REASON_OPTIONS = toOptions(DUES_EXEMPT_REASON_LABELS);
export const EMPLOYER_OPTIONS = toOptions(EMPLOYER_TYPE_LABELS);

export function BatchStatusTag({ status }: { status: DuesBatchStatus }) {
  return <Tag color={status === 'confirmed' ? 'green' : 'gold'}>{DUES_BATCH_STATUS_LABELS[status]}</Tag>;
}

const STATE_COLORS: Record<DuesMonthState, string | undefined> = { paid: 'green', partial: 'orange', arrears: 'red', exempt: 'blue', not_due: undefined };
export function MonthStateTag({ state }: { state: DuesMonthState }) {
  return <Tag color={STATE_COLORS[state]}>{DUES_MONTH_STATE_LABELS[state]}</Tag>;
}

/** 收缴率: collected / due, one decimal ('—' when nothing is due). */
export const collectionRate = (paidFen: number, dueFen: number): string => (dueFen > 0 ? `${((paidFen * 100) / dueFen).toFixed(1)}%` : '—');
