import { App, Button, Popconfirm, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@gonghui/contracts';
import { errorMessage, isApiError } from '../../api/api-client';
import { userApi } from '../../api/user.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { isFuture } from '../../app/time';
import { useSession } from '../../app/use-session.hook';

export type UserDialog = { kind: 'edit' | 'reset' | 'platform'; user: User };

interface UserRowActionsProps {
  user: User;
  onOpen: (dialog: UserDialog) => void;
}

/** The buttons of one row, from the row's abilities and the viewer's permission codes. */
export function UserRowActions({ user, onOpen }: UserRowActionsProps) {
  const session = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canUpdate = user.abilities.canEdit && hasPermission(session.user, 'system:user:update');
  const canGrant = user.abilities.canGrantPlatform && hasPermission(session.user, 'system:user:grant-platform');
  const locked = isFuture(user.lockedUntil);
  const active = user.status === 'active';

  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: queryKeys.users });
  };
  const failed = (error: unknown) => {
    if (!(isApiError(error) && error.status === 403)) void message.error(errorMessage(error));
  };
  const toggle = useMutation({
    mutationFn: () => userApi.update(user.id, { status: active ? 'disabled' : 'active' }),
    onSuccess: () => done(active ? '用户已停用' : '用户已启用'),
    onError: failed,
  });
  const unlock = useMutation({ mutationFn: () => userApi.unlock(user.id), onSuccess: () => done('账号已解锁'), onError: failed });

  if (!canUpdate && !canGrant) return <span>—</span>;
  return (
    <Space size={0} wrap>
      {canUpdate ? (
        <>
          <Button type="link" size="small" onClick={() => onOpen({ kind: 'edit', user })}>
            编辑
          </Button>
          <Popconfirm
            title={active ? `确认停用「${user.name}」?` : `确认启用「${user.name}」?`}
            description={active ? '停用后该账号将无法登录,已登录的会话随即失效。' : undefined}
            okText={active ? '停用' : '启用'}
            cancelText="取消"
            okButtonProps={{ danger: active }}
            onConfirm={() => toggle.mutateAsync().catch(() => undefined)}
          >
            <Button type="link" size="small" danger={active} loading={toggle.isPending}>
              {active ? '停用' : '启用'}
            </Button>
          </Popconfirm>
          <Button type="link" size="small" onClick={() => onOpen({ kind: 'reset', user })}>
            重置密码
          </Button>
          {locked ? (
            <Popconfirm title={`确认解锁「${user.name}」?`} okText="解锁" cancelText="取消" onConfirm={() => unlock.mutateAsync().catch(() => undefined)}>
              <Button type="link" size="small" loading={unlock.isPending}>
                解锁
              </Button>
            </Popconfirm>
          ) : null}
        </>
      ) : null}
      {canGrant ? (
        <Button type="link" size="small" onClick={() => onOpen({ kind: 'platform', user })}>
          平台角色
        </Button>
      ) : null}
    </Space>
  );
}
