import { Alert, Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { memberActivityApi, memberActivityKeys } from '../api/activity-member.api';
import { errorMessage } from '../api/api-client';
import { MobileActivityCard } from './mobile-activity-card.component';

/** 活动报名 (H5): the open and recently closed activities the member's unions organise. */
export function MobileActivitiesPage() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: memberActivityKeys.list, queryFn: memberActivityApi.list, staleTime: 0 });
  const items = list.data ?? [];
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        活动报名
      </Typography.Title>
      <Button block size="large" icon={<UnorderedListOutlined />} style={{ marginBottom: 12 }} onClick={() => void navigate('/m/signups')}>
        我的报名
      </Button>
      {list.isPending ? <Skeleton active /> : null}
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      {list.data && items.length === 0 ? <Empty description="暂无可报名的活动" /> : null}
      <Flex vertical gap={10}>
        {items.map((a) => (
          <MobileActivityCard key={a.id} activity={a} />
        ))}
      </Flex>
    </>
  );
}
