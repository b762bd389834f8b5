import { Badge, Button, Card, Descriptions, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { memberProfileApi, memberProfileKeys } from '../api/member-profile.api';
import { useSession } from '../app/use-session.hook';

/** 我的: who is logged in, their member record, messages, and logout. */
export function MobileMePage() {
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const notifications = useQuery({ queryKey: memberProfileKeys.notifications, queryFn: memberProfileApi.notifications, staleTime: 60_000, enabled: !!user });
  if (!user) return null;
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        我的
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: '姓名', children: <span data-testid="me-name">{user.name}</span> },
            { key: 'org', label: '所在工会', children: <span data-testid="me-org">{user.orgName}</span> },
            { key: 'username', label: '账号', children: user.username },
          ]}
        />
      </Card>
      <Button block onClick={() => void navigate('/m/profile')} style={{ marginBottom: 12 }} data-testid="me-profile">
        我的会员信息
      </Button>
      <Button block onClick={() => void navigate('/m/notifications')} style={{ marginBottom: 12 }} data-testid="me-notifications">
        消息
        <Badge count={notifications.data?.unread ?? 0} size="small" style={{ marginInlineStart: 6 }} data-testid="me-notifications-unread" />
      </Button>
      <Button block onClick={() => void navigate('/m/signups')} style={{ marginBottom: 12 }} data-testid="me-signups">
        我的报名
      </Button>
      <Button block onClick={() => void navigate('/m/recuperation')} style={{ marginBottom: 12 }} data-testid="me-recuperation">
        职工疗休养
      </Button>
      <Button block onClick={() => void navigate('/m/mutual-aid')} style={{ marginBottom: 12 }} data-testid="me-mutual-aid">
        医疗互助
      </Button>
      <Button block onClick={() => void navigate('/change-password')} style={{ marginBottom: 12 }}>
        修改密码
      </Button>
      <Button block danger onClick={() => void logout().then(() => navigate('/m/login', { replace: true }))}>
        退出登录
      </Button>
    </>
  );
}
