import { Card, Col, Progress, Row, Statistic } from 'antd';
import type { Activity } from '@gonghui/contracts';

/** 名额 at a glance: places, taken, waiting, to be drawn, checked in; and how full it is. */
export function ActivityFigures({ activity }: { activity: Activity }) {
  const figure = (title: string, value: number, testId: string, suffix = '人') => (
    <Col flex="1 1 150px">
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} suffix={suffix} />
      </Card>
    </Col>
  );
  const percent = activity.capacity > 0 ? Math.min(100, Math.round((activity.confirmed / activity.capacity) * 100)) : 0;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {figure('名额', activity.capacity, 'figure-capacity', '个')}
      {figure('报名成功', activity.confirmed, 'figure-confirmed')}
      {figure('候补', activity.waitlisted, 'figure-waitlisted')}
      {figure('待抽签', activity.pendingLottery, 'figure-pending')}
      {figure('已签到', activity.checkedIn, 'figure-checked-in')}
      <Col xs={24}>
        <Card size="small" data-testid="figure-progress">
          <Row gutter={12} align="middle">
            <Col flex="none">名额占用</Col>
            <Col flex="auto">
              <Progress percent={percent} status={percent >= 100 ? 'success' : 'normal'} format={() => `${activity.confirmed} / ${activity.capacity}(${percent}%)`} />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
