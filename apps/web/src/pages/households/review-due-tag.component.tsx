import { Space, Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { HouseholdListItem } from '@gonghui/contracts';
import { APP_TIME_ZONE, dayjs } from '../../app/time';

/** The annual 复核 as a warning: 已到期 (red), 即将到期 (orange, within 30 days), or just the date. */
export function ReviewDueTag({ household: h, showDate = false }: { household: HouseholdListItem; showDate?: boolean }) {
  if (h.status === 'exited') return <span>—</span>;
  const today = dayjs().tz(APP_TIME_ZONE).startOf('day');
  const days = dayjs.tz(h.nextReviewOn, APP_TIME_ZONE).diff(today, 'day');
  const tag = h.reviewOverdue ? (
    <Tooltip title={`应于 ${h.nextReviewOn} 复核`}>
      <Tag color="red" icon={<WarningOutlined />} data-testid="review-overdue">
        {days < 0 ? `复核已逾期 ${-days} 天` : '今日应复核'}
      </Tag>
    </Tooltip>
  ) : h.reviewDueSoon ? (
    <Tag color="orange" data-testid="review-due-soon">
      {days} 天后到期
    </Tag>
  ) : null;
  if (!showDate && tag) return tag;
  return (
    <Space size={4}>
      <span>{h.nextReviewOn}</span>
      {tag}
    </Space>
  );
}
