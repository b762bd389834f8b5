import { Alert, Badge, Button, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/api-client';
import type { NotificationItem, NotificationList } from '../api/contract-types';
import { memberProfileApi, memberProfileKeys } from '../api/member-profile.api';
import { queryKeys } from '../api/query-keys';
import { formatTime } from '../app/time';

const KIND_TAGS: Record<string, { label: string; color: string }> = {
  'enrolment.draw': { label: '抽签结果', color: 'blue' },
  'enrolment.promoted': { label: '候补成功', color: 'green' },
  'workflow.remind': { label: '超期提醒', color: 'orange' },
  'workflow.escalate': { label: '督办', color: 'red' },
};

/** A link the H5 can open itself: a page of the members' portal. */
const mobileLink = (link: string | null): string | null => (link?.startsWith('/m/') ? link : null);

function NotificationCard({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  const tag = KIND_TAGS[item.kind] ?? { label: '通知', color: 'default' };
  const link = mobileLink(item.link);
  return (
    <div
      role="button"
      tabIndex={0}
      data-testid="m-notification-item"
      data-read={item.read ? 'true' : 'false'}
      onClick={() => onOpen(item)}
      onKeyDown={(e) => (e.key === 'Enter' ? onOpen(item) : undefined)}
      style={{ background: '#fff', borderRadius: 8, padding: '10px 12px', cursor: 'pointer', opacity: item.read ? 0.65 : 1 }}
    >
      <Flex gap={6} align="center">
        {item.read ? null : <Badge status="error" aria-label="未读" />}
        <Tag color={tag.color} style={{ marginInlineEnd: 0 }}>
          {tag.label}
        </Tag>
        <Typography.Text strong={!item.read} ellipsis style={{ flex: 1 }}>
          {item.title}
        </Typography.Text>
      </Flex>
      {item.body ? <Typography.Paragraph style={{ margin: '6px 0 0', fontSize: 13 }}>{item.body}</Typography.Paragraph> : null}
      <Flex justify="space-between" style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTime(item.createdAt, 'YYYY-MM-DD HH:mm')}
        </Typography.Text>
        {link ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            查看详情 ›
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}

/** 消息 (H5): the member's notifications, newest first; opening one marks it read and follows its link within the portal. */
export function MobileNotificationsPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: memberProfileKeys.notifications, queryFn: memberProfileApi.notifications, staleTime: 0 });
  const markRead = useMutation({
    mutationFn: memberProfileApi.markNotificationRead,
    onMutate: (id: string) => {
      // shown read at once; the refetch below confirms it
      queryClient.setQueryData<NotificationList>(memberProfileKeys.notifications, (old) =>
        old ? { unread: Math.max(0, old.unread - 1), items: old.items.map((n) => (n.id === id ? { ...n, read: true } : n)) } : old,
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });

  const onOpen = (item: NotificationItem) => {
    if (!item.read) markRead.mutate(item.id);
    const link = mobileLink(item.link);
    if (link) void navigate(link);
  };

  const items = list.data?.items ?? [];
  return (
    <>
      <Flex align="center" justify="space-between" style={{ margin: '4px 4px 12px' }}>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="page-title">
          消息
        </Typography.Title>
        {list.data && list.data.unread > 0 ? (
          <Typography.Text type="secondary" data-testid="m-notifications-unread">
            {list.data.unread} 条未读
          </Typography.Text>
        ) : null}
      </Flex>
      {list.isPending ? <Skeleton active /> : null}
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      {list.data && items.length === 0 ? <Empty description="暂无消息" data-testid="m-notifications-empty" style={{ marginBottom: 16 }} /> : null}
      <Flex vertical gap={10} style={{ marginBottom: 12 }}>
        {items.map((item) => (
          <NotificationCard key={item.id} item={item} onOpen={onOpen} />
        ))}
      </Flex>
      <Button block onClick={() => void navigate('/m/me')}>
        返回我的
      </Button>
    </>
  );
}
