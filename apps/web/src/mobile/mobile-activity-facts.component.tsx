import { Card, Descriptions, Tag, Typography } from 'antd';
import type { MemberActivity } from '@gonghui/contracts';
import { formatTime } from '../app/time';
import { activityDetailItems } from '../components/activity-programme';
import { activityTimeText, MyStatusTag, PhaseTag, placesLeft, signupWindowText } from './mobile-activity-labels';

/** The activity's own facts on its detail page: tags, title, organiser, times, places, venue, description. */
export function MobileActivityFacts({ activity: a }: { activity: MemberActivity }) {
  const when = activityTimeText(a);
  const left = placesLeft(a);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <div style={{ marginBottom: 6 }}>
        <Tag color="red">{a.typeLabel}</Tag>
        <PhaseTag phase={a.phase} />
        <MyStatusTag enrolment={a.myEnrolment} />
      </div>
      <Typography.Title level={5} style={{ margin: '0 0 8px' }} data-testid="activity-title">
        {a.title}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'org', label: '主办单位', children: a.orgName },
          { key: 'window', label: '报名时间', children: signupWindowText(a) },
          {
            key: 'places',
            label: '名额',
            children: (
              <span data-testid="activity-places-left">
                共 {a.capacity} 个,剩余 <Typography.Text type={left > 0 ? 'success' : 'danger'}>{left}</Typography.Text> 个
              </span>
            ),
          },
          ...(a.cancelUntil ? [{ key: 'cancelUntil', label: '取消截止', children: formatTime(a.cancelUntil, 'YYYY-MM-DD HH:mm') }] : []),
          ...(when ? [{ key: 'when', label: '活动时间', children: when }] : []),
          ...(a.venue ? [{ key: 'venue', label: '活动地点', children: a.venue }] : []),
          ...activityDetailItems(a.type, a.details).map((d) => ({ key: `details-${d.key}`, label: d.label, children: <span data-testid={`activity-detail-${d.key}`}>{d.value}</span> })),
        ]}
      />
      {a.description ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0 0' }} data-testid="activity-description">
          {a.description}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
