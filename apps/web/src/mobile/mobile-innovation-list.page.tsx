import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../api/api-client';
import { innovationKeys, myInnovationApi } from '../api/innovation.api';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { WorkflowStatusTag } from '../components/workflow-status-tag.component';
import { pendingText } from '../pages/innovations/innovation-labels';

/** 职工创新 (H5): the worker's own 五小 and 合理化建议 with where each stands. */
export function MobileInnovationListPage() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: innovationKeys.mine, queryFn: myInnovationApi.list, staleTime: 0 });
  const items = list.data?.items ?? [];
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        职工创新
      </Typography.Title>
      <Button type="primary" block size="large" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => void navigate('/m/innovations/new')}>
        提交五小创新或合理化建议
      </Button>
      {list.isPending ? <Skeleton active /> : null}
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      {list.data && items.length === 0 ? <Empty description="您还没有提交过创新项目" /> : null}
      <Flex vertical gap={10}>
        {items.map((i) => (
          <Link key={i.id} to={`/m/innovations/${i.id}`} data-testid="my-innovation-item" style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{i.title}</Typography.Text>
                  <div style={{ margin: '4px 0' }}>
                    <WorkflowStatusTag status={i.status} /> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.kindLabel}</Typography.Text>
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {pendingText(i) ?? (i.reward ? `已获奖励 ${formatYuan(i.reward.amountFen)}` : i.adoption ? '已被采纳' : '')} · {formatTime(i.createdAt, 'YYYY-MM-DD')}
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
