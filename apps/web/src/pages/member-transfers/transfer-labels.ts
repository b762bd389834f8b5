import { TRANSFER_STATUS_LABELS, TRANSFER_STATUSES } from '@gonghui/contracts';
import type { TransferAction, TransferBox, TransferStatus } from '../../api/contract-types';

export { TRANSFER_STATUS_LABELS };

export const TRANSFER_STATUS_COLORS: Record<TransferStatus, string> = {
  pending_counterparty: 'orange',
  pending_district: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export const TRANSFER_STATUS_OPTIONS = [
  { value: 'open' as const, label: '办理中' },
  ...TRANSFER_STATUSES.map((value) => ({ value, label: TRANSFER_STATUS_LABELS[value] })),
];

export const BOX_TABS: readonly { key: TransferBox; label: string }[] = [
  { key: 'inbox', label: '待我办理' },
  { key: 'outbox', label: '我发起的' },
  { key: 'all', label: '全部' },
];

/** Timeline actions (`submit` is the request itself). */
export const TIMELINE_ACTION_LABELS: Record<string, string> = {
  submit: '发起申请',
  approve: '同意',
  reject: '退回',
  withdraw: '撤回',
};

export const ACTION_TEXT: Record<TransferAction, { title: string; ok: string; done: string }> = {
  approve: { title: '同意接转', ok: '同意', done: '已同意' },
  reject: { title: '退回接转申请', ok: '退回', done: '已退回' },
  withdraw: { title: '撤回接转申请', ok: '撤回', done: '已撤回' },
};
