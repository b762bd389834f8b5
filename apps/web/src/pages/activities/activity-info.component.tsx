import { Descriptions, Tag, Typography } from 'antd';
import { ENROLMENT_MODE_LABELS, type Activity } from '@gonghui/contracts';
import { formatTime } from '../../app/time';
import { activityDetailItems } from '../../components/activity-programme';
import { ActivityStatusTags } from './activity-tags.component';

const MINUTES = 'YYYY-MM-DD HH:mm';

/** The activity's facts: organiser, window, event, mode and the eligibility rules in words. */
export function ActivityInfo({ activity: a }: { activity: Activity }) {
  const range = (from: string | null, to: string | null) => (from || to ? `${formatTime(from, MINUTES)} 至 ${formatTime(to, MINUTES)}` : '—');
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      style={{ marginBottom: 16 }}
      data-testid="activity-info"
      items={[
        { key: 'type', label: '活动类型', children: <Tag>{a.typeLabel}</Tag> },
        { key: 'org', label: '主办单位', children: a.orgName },
        { key: 'status', label: '状态', children: <ActivityStatusTags activity={a} /> },
        { key: 'window', label: '报名时间', children: range(a.signupOpensAt, a.signupClosesAt) },
        { key: 'mode', label: '报名方式', children: `${ENROLMENT_MODE_LABELS[a.mode]}${a.waitlist ? '(允许候补)' : '(不设候补)'}` },
        { key: 'cancel', label: '取消报名截止', children: a.cancelUntil ? formatTime(a.cancelUntil, MINUTES) : '不可自行取消' },
        { key: 'event', label: '活动时间', children: range(a.startsAt, a.endsAt) },
        { key: 'venue', label: '活动地点', children: a.venue ?? '—' },
        ...activityDetailItems(a.type, a.details).map((d) => ({ key: `details-${d.key}`, label: d.label, children: <span data-testid={`activity-detail-${d.key}`}>{d.value}</span> })),
        {
          key: 'rules',
          label: '报名条件',
          children: (
            <span data-testid="activity-rules">
              {a.rulesText.map((text) => (
                <Tag key={text} color="blue" style={{ marginBottom: 4 }}>
                  {text}
                </Tag>
              ))}
            </span>
          ),
        },
        {
          key: 'description',
          label: '活动说明',
          span: 'filled',
          children: a.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.description}</Typography.Paragraph> : '—',
        },
      ]}
    />
  );
}
