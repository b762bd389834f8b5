import { Tag } from 'antd';
import { WORKFLOW_STATUS_LABELS, type WorkflowStatusCode } from '@gonghui/contracts';

export const WORKFLOW_STATUS_COLORS: Record<WorkflowStatusCode, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  publicity: 'purple',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** A review case's status (草稿, 审核中, 公示中 …), with the 超期 mark when its step is overdue. */
export function WorkflowStatusTag({ status, overdue = false }: { status: WorkflowStatusCode; overdue?: boolean }) {
  return (
    <>
      <Tag color={WORKFLOW_STATUS_COLORS[status]} data-testid="workflow-status">
        {WORKFLOW_STATUS_LABELS[status]}
      </Tag>
      {overdue ? (
        <Tag color="red" data-testid="workflow-overdue">
          已超期
        </Tag>
      ) : null}
    </>
  );
}
