import { useEffect, useState } from 'react';
import { Badge, Button, Empty, Flex, Popover, Spin, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { NotificationItem } from '../api/contract-types';
import { notificationApi } from '../api/notification.api';
import { queryKeys } from '../api/query-keys';
import { formatTime } from '../app/time';

const KIND_TAGS: Record<string, { label: string; color: string }> = {
  'workflow.remind': { label: '超期提醒', color: 'orange' },
  'workflow.escalate': { label: '督办', color: 'red' },
};

const STALE_MS = 60_000;

function NotificationRow({ item, onOpen }: { item: NotificationItem; onOpen: (item: NotificationItem) => void }) {
  const tag = KIND_TAGS[item.kind];
  return (
    <div
      role="button"
      tabIndex={0}
      data-testid="notification-item"
      onClick={() => onOpen(item)}
      onKeyDown={(e) => (e.key === 'Enter' ? onOpen(item) : undefined)}
      style={{ padding: '8px 4px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer', opacity: item.read ? 0.6 : 1 }}
    >
      <Flex gap={6} align="center">
        {tag ? <Tag color={tag.color}>{tag.label}</Tag> : null}
        <Typography.Text strong={!item.read} ellipsis style={{ flex: 1 }}>
          {item.title}
        </Typography.Text>
      </Flex>
      {item.body ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {item.body}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatTime(item.createdAt, 'MM-DD HH:mm')}
      </Typography.Text>
    </div>
  );
}

/**
 * 消息 in the admin header: SLA reminders and escalations (督办) for the user or their unit; a click
 * marks one read and opens its case. Fetched when the user opens a page or the list, never on a
 * timer: background polling would keep an idle session alive for ever.
 */
export function NotificationBell() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: queryKeys.notifications, queryFn: () => notificationApi.list({ limit: 20 }), staleTime: STALE_MS });

  useEffect(() => {
    void queryClient.prefetchQuery({ queryKey: queryKeys.notifications, queryFn: () => notificationApi.list({ limit: 20 }), staleTime: STALE_MS });
  }, [pathname, queryClient]);

  const markRead = useMutation({
    mutationFn: notificationApi.markRead,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });

  const onOpen = (item: NotificationItem) => {
    if (!item.read) markRead.mutate(item.id);
    setOpen(false);
    if (item.link?.startsWith('/')) void navigate(item.link);
  };

  const items = list.data?.items ?? [];
  const content = (
    <div style={{ width: 340, maxHeight: 420, overflowY: 'auto' }} data-testid="notification-list">
      {list.isPending ? <Spin /> : null}
      {list.data && items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" /> : null}
      {items.map((item) => (
        <NotificationRow key={item.id} item={item} onOpen={onOpen} />
      ))}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="消息(超期提醒与督办)"
      content={content}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void list.refetch();
      }}
    >
      <Badge count={list.data?.unread ?? 0} size="small" offset={[-6, 6]}>
        <Button type="text" icon={<BellOutlined />} aria-label="消息" data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
