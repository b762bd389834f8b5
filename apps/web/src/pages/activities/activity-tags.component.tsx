import { Tag } from 'antd';
import type { Activity } from '@gonghui/contracts';
import { PHASE_COLORS, PHASE_LABELS, STATUS_COLORS } from './activity-labels';

/** 状态 (草稿/已发布/已取消) and, for a published activity, its phase (未开始/报名中/已截止). */
export function ActivityStatusTags({ activity }: { activity: Pick<Activity, 'status' | 'statusLabel' | 'phase'> }) {
  return (
    <>
      <Tag color={STATUS_COLORS[activity.status]} data-testid="activity-status">
        {activity.statusLabel}
      </Tag>
      {activity.status === 'published' ? (
        <Tag color={PHASE_COLORS[activity.phase]} data-testid="activity-phase">
          {PHASE_LABELS[activity.phase]}
        </Tag>
      ) : null}
    </>
  );
}
