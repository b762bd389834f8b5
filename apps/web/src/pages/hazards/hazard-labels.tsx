import { Tag } from 'antd';
import { HAZARD_GRADE_LABELS, HAZARD_GRADES, HAZARD_STATUS_LABELS, HAZARD_STATUSES, type HazardGrade, type HazardStatus } from '@gonghui/contracts';

const STATUS_COLORS: Record<HazardStatus, string> = {
  draft: 'default',
  reported: 'blue',
  rejected: 'default',
  rectifying: 'orange',
  rectified: 'cyan',
  verified: 'green',
  closed: 'green',
};
const GRADE_COLORS: Record<HazardGrade, string> = { general: 'gold', larger: 'orange', major: 'red' };

export const HAZARD_STATUS_OPTIONS = HAZARD_STATUSES.filter((s) => s !== 'draft').map((value) => ({ value, label: HAZARD_STATUS_LABELS[value] }));
export const HAZARD_GRADE_OPTIONS = HAZARD_GRADES.map((value) => ({ value, label: HAZARD_GRADE_LABELS[value] }));

/** 待审核 / 整改中 ... with 已逾期 beside it when the rectification is past its deadline. */
export function HazardStatusTag({ status, overdue = false }: { status: HazardStatus; overdue?: boolean }) {
  return (
    <span data-testid="hazard-status">
      <Tag color={STATUS_COLORS[status]}>{HAZARD_STATUS_LABELS[status]}</Tag>
      {overdue ? <Tag color="red">已逾期</Tag> : null}
    </span>
  );
}

export function HazardGradeTag({ grade }: { grade: HazardGrade | null }) {
  return grade ? <Tag color={GRADE_COLORS[grade]}>{HAZARD_GRADE_LABELS[grade]}</Tag> : <span>—</span>;
}
