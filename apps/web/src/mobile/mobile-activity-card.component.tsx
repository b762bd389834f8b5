import { Card, Flex, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { MemberActivity } from '@gonghui/contracts';
import { MyStatusTag, PhaseTag, placesLeft, signupWindowText } from './mobile-activity-labels';

/** One activity in a list on the phone: type, title, organiser, window, places left, phase and my status. */
export function MobileActivityCard({ activity: a, testId = 'activity-item' }: { activity: MemberActivity; testId?: string }) {
  const left = placesLeft(a);
  return (
    <Link to={`/m/activities/${a.id}`} data-testid={testId} style={{ color: 'inherit' }}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="center" gap={8}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <div style={{ marginBottom: 4 }}>
              <Tag color="red">{a.typeLabel}</Tag>
              <PhaseTag phase={a.phase} />
              <MyStatusTag enrolment={a.myEnrolment} />
            </div>
            <Typography.Text strong style={{ display: 'block' }}>
              {a.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {a.orgName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              报名:{signupWindowText(a)}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12 }} type={left > 0 ? undefined : 'danger'} data-testid="activity-places-left">
              剩余名额 {left} / {a.capacity}
            </Typography.Text>
          </div>
          <RightOutlined style={{ color: '#bbb' }} />
        </Flex>
      </Card>
    </Link>
  );
}
