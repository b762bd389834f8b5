import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { CustomerServiceOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../api/api-client';
import { myRightsApi, rightsKeys } from '../api/rights.api';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { RightsPhaseTag } from '../pages/rights/rights-labels';

/** 维权求助 (H5): the 12351 hotline, 我要求助, and my requests with their progress and outcome. */
export function MobileRightsListPage() {
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: rightsKeys.mine, queryFn: myRightsApi.mine, staleTime: 0 });
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        维权求助
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ fontSize: 13, margin: 0 }}>
          遇到欠薪、劳动合同、工伤、社保等问题,可在这里求助,或拨打职工服务热线 <a href="tel:12351">12351</a>。求助交用人单位所在地的区县(市)总工会,1个工作日内受理,并告知办理进展和结果。
        </Typography.Paragraph>
      </Card>
      <Button type="primary" block size="large" icon={<CustomerServiceOutlined />} style={{ marginBottom: 12 }} onClick={() => void navigate('/m/rights/new')} data-testid="rights-new">
        我要求助
      </Button>
      <Typography.Text strong>我的求助</Typography.Text>
      {mine.isPending ? <Skeleton active /> : null}
      {mine.isError ? <Alert type="error" showIcon title={errorMessage(mine.error)} /> : null}
      {mine.data && mine.data.items.length === 0 ? <Empty description="还没有求助记录" /> : null}
      <Flex vertical gap={10} style={{ marginTop: 8 }}>
        {(mine.data?.items ?? []).map((c) => (
          <Link key={c.id} to={`/m/rights/${c.id}`} data-testid="rights-my-case" style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>{c.categoryLabel} · {c.enterpriseName}</Typography.Text>
                  <RightsPhaseTag phase={c.phase} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(c.receivedAt, 'YYYY-MM-DD')}
                    {c.phase === 'closed' && c.amountRecoveredFen > 0 ? ` · 追回 ${formatYuan(c.amountRecoveredFen)}` : ''}
                    {c.abilities.canRate ? ' · 待评价' : ''}
                  </Typography.Text>
                </div>
                <RightOutlined style={{ color: '#bbb' }} />
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </>
  );
}
