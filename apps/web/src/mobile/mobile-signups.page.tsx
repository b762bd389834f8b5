import { Alert, Button, Empty, Flex, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { memberActivityApi, memberActivityKeys } from '../api/activity-member.api';
import { errorMessage } from '../api/api-client';
import { MobileActivityCard } from './mobile-activity-card.component';

/** 我的报名 (H5): the activities the member has signed up for, newest first (notifications link here). */
export function MobileSignupsPage() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: memberActivityKeys.signups, queryFn: memberActivityApi.mySignups, staleTime: 0 });
  const items = list.data ?? [];
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        我的报名
      </Typography.Title>
      {list.isPending ? <Skeleton active /> : null}
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      {list.data && items.length === 0 ? (
        <Empty description="您还没有报名过活动">
          <Button type="primary" onClick={() => void navigate('/m/activities')}>
            去看看活动
          </Button>
        </Empty>
      ) : null}
      <Flex vertical gap={10}>
        {items.map((a) => (
          <MobileActivityCard key={a.id} activity={a} testId="my-signup-item" />
        ))}
      </Flex>
    </>
  );
}
