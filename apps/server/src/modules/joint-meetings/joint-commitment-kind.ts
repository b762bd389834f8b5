import type { CommitmentState, TrackedItem } from '@gonghui/contracts';
import { defineTrackingKind } from '../../platform/tracking/tracking-kind.js';

/** 联席会议议定事项 as tracked items: the union owner is reminded 7 days before the deadline, escalated once past it. */
export const COMMITMENT_KIND = defineTrackingKind({
  kind: 'joint-commitment',
  label: '联席会议议定事项',
  remindDaysBefore: 7,
  link: (businessId) => `/joint-meetings/commitments/${businessId}`,
  reportPermission: 'joint:commitment:report',
  closePermission: 'joint:meeting:manage',
});

/** 推进中 / 已完成 / 逾期 / 已关闭 from the tracked item. */
export function commitmentState(t: Pick<TrackedItem, 'status' | 'deadlineState'>): CommitmentState {
  if (t.status === 'closed') return 'closed';
  if (t.status === 'done') return 'done';
  return t.deadlineState === 'overdue' ? 'overdue' : 'in_progress';
}
