import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { MemberRecuperationBatch, MemberRecuperationOverview } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { memberRecuperationApi, memberRecuperationKeys } from '../api/recuperation-member.api';
import { formatYuan } from '../components/money';
import { PhaseTag, placesLeft, signupWindowText } from './mobile-activity-labels';
import { MyRecuperationTag, holdsPlace } from './mobile-recuperation-labels';

/** My year: stays, cost and what is left under the yearly cap. */
function YearCard({ overview: o }: { overview: MemberRecuperationOverview }) {
  const left = Math.max(0, o.budgetCapPerPerson - o.costThisYear);
  const percent = o.budgetCapPerPerson > 0 ? Math.min(100, Math.round((o.costThisYear / o.budgetCapPerPerson) * 100)) : 100;
  return (
    <Card size="small" title={`${o.year}年我的疗休养`} style={{ marginBottom: 12 }} data-testid="recuperation-year">
      <Row gutter={8}>
        <Col span={8}>
          <Statistic title="已参加" value={o.staysThisYear} suffix="次" />
        </Col>
        <Col span={8}>
          <Statistic title="已用费用" value={formatYuan(o.costThisYear, '')} suffix="元" data-testid="recuperation-cost" />
        </Col>
        <Col span={8}>
          <Statistic title="剩余额度" value={formatYuan(left, '')} suffix="元" data-testid="recuperation-left" />
        </Col>
      </Row>
      <Progress percent={percent} showInfo={false} size="small" style={{ margin: '8px 0 0' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        每人每年疗休养费用上限 {formatYuan(o.budgetCapPerPerson)}
      </Typography.Text>
    </Card>
  );
}

function BatchCard({ batch: b }: { batch: MemberRecuperationBatch }) {
  const navigate = useNavigate();
  const left = placesLeft(b);
  const mine = holdsPlace(b.myEnrolment);
  return (
    <Card size="small" data-testid="recuperation-item">
      <Link to={`/m/recuperation/${b.id}`} style={{ color: 'inherit', display: 'block' }}>
        <Flex justify="space-between" align="center" gap={8}>
          <div style={{ minWidth: 0, flex: 1 }}>
            <div style={{ marginBottom: 4 }}>
              <Tag color="cyan">{b.location}</Tag>
              <PhaseTag phase={b.phase} />
              <MyRecuperationTag enrolment={b.myEnrolment} />
            </div>
            <Typography.Text strong style={{ display: 'block' }}>
              {b.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {b.baseName} · {b.routeName}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              行程:{b.startDate} 至 {b.endDate}({b.days}天),每人 {formatYuan(b.costPerPerson)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              报名:{signupWindowText(b)}
            </Typography.Text>
            <Typography.Text style={{ fontSize: 12 }} type={left > 0 ? undefined : 'danger'}>
              剩余名额 {left} / {b.capacity}
            </Typography.Text>
          </div>
          <RightOutlined style={{ color: '#bbb' }} />
        </Flex>
      </Link>
      {!mine ? (
        b.refusal === null ? (
          <Button type="primary" block autoInsertSpace={false} style={{ marginTop: 8 }} onClick={() => void navigate(`/m/recuperation/${b.id}`)} data-testid="recuperation-signup">
            报名
          </Button>
        ) : (
          <Typography.Paragraph type="warning" style={{ fontSize: 12, margin: '8px 0 0' }} data-testid="recuperation-refusal">
            {b.refusal}
          </Typography.Paragraph>
        )
      ) : null}
    </Card>
  );
}

/** 职工疗休养 (H5): my year's cost against the cap, and the batches I may join. */
export function MobileRecuperationPage() {
  const overview = useQuery({ queryKey: memberRecuperationKeys.overview, queryFn: memberRecuperationApi.overview, staleTime: 0 });
  const items = overview.data?.items ?? [];
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        职工疗休养
      </Typography.Title>
      {overview.isPending ? <Skeleton active /> : null}
      {overview.isError ? <Alert type="error" showIcon title={errorMessage(overview.error)} /> : null}
      {overview.data ? <YearCard overview={overview.data} /> : null}
      {overview.data && items.length === 0 ? <Empty description="暂无可报名的疗休养批次" /> : null}
      <Flex vertical gap={10}>
        {items.map((b) => (
          <BatchCard key={b.id} batch={b} />
        ))}
      </Flex>
    </>
  );
}
