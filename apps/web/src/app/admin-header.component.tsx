import { Button, Flex, Layout, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { NotificationBell } from '../components/notification-bell.component';
import { federationName } from './labels';
import { useSession } from './use-session.hook';

export function AdminHeader() {
  const { user, demo, logout, systemInfo } = useSession();
  const navigate = useNavigate();

  const onLogout = async () => {
    await logout();
    void navigate('/login', { replace: true });
  };

  return (
    <Layout.Header className="gh-header">
      <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={12}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Typography.Text strong>{federationName(systemInfo?.cityName)}</Typography.Text>
          {demo ? (
            <Tag color="orange" data-testid="demo-tag">
              演示模式
            </Tag>
          ) : null}
        </Flex>
        <Flex align="center" gap={4} style={{ minWidth: 0 }}>
          <NotificationBell />
          <UserOutlined />
          <span className="gh-header-user" data-testid="header-user">
            {user?.name}
          </span>
          <span className="gh-header-org" data-testid="header-org" title={user?.orgName}>
            {user?.orgName}
          </span>
          <Button type="text" icon={<KeyOutlined />} onClick={() => void navigate('/change-password')}>
            修改密码
          </Button>
          <Button type="text" icon={<LogoutOutlined />} onClick={() => void onLogout()}>
            退出登录
          </Button>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
