import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { myAidApi } from '../api/aid.api';
import { errorMessage } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { WorkflowStatusTag } from '../components/workflow-status-tag.component';
import { pendingText } from '../pages/aid/aid-labels';

/** 我的申请 (H5): the worker's aid applications with where each stands. */
export function MobileAidListPage() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: queryKeys.myAid, queryFn: myAidApi.list, staleTime: 0 });
  const items = list.data?.items ?? [];
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        我的申请
      </Typography.Title>
      <Button type="primary" block size="large" icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => void navigate('/m/aid/apply')}>
        申请帮扶
      </Button>
      {list.isPending ? <Skeleton active /> : null}
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      {list.data && items.length === 0 ? <Empty description="您还没有提交过帮扶申请" /> : null}
      <Flex vertical gap={10}>
        {items.map((a) => (
          <Link key={a.id} to={`/m/aid/${a.id}`} data-testid="my-aid-item" style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>
                    {a.categoryLabel} · {formatYuan(a.approvedAmountFen ?? a.amountFen)}
                  </Typography.Text>
                  <div style={{ margin: '4px 0' }}>
                    <WorkflowStatusTag status={a.status} />
                  </div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {pendingText(a) ?? (a.payout ? '已发放' : '')} · {formatTime(a.createdAt, 'YYYY-MM-DD')}
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
