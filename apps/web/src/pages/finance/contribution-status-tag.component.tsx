import { Tag } from 'antd';
import { CONTRIBUTION_STATUS_LABELS, type ContributionStatus } from '@gonghui/contracts';

/** 已拨缴 / 已申报 / 逾期未拨缴. */
export function ContributionStatusTag({ row }: { row: { status: ContributionStatus; overdue: boolean } }) {
  if (row.status === 'paid') return <Tag color="green">{CONTRIBUTION_STATUS_LABELS.paid}</Tag>;
  return row.overdue ? <Tag color="red">逾期未拨缴</Tag> : <Tag color="gold">{CONTRIBUTION_STATUS_LABELS.declared}</Tag>;
}
