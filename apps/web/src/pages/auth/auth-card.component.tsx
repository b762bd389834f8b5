import { useEffect, type ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { federationName } from '../../app/labels';
import { useSession } from '../../app/use-session.hook';

interface AuthCardProps {
  title: string;
  children: ReactNode;
  width?: number;
}

/** The centred card of the login, MFA enrolment and password pages. */
export function AuthCard({ title, children, width = 400 }: AuthCardProps) {
  const { systemInfo } = useSession();
  useEffect(() => {
    document.title = `${title} - 工会工作平台`;
  }, [title]);
  return (
    <div className="gh-auth-bg">
      <Card style={{ width: '100%', maxWidth: width }} styles={{ body: { padding: '28px 28px 20px' } }}>
        <Typography.Text type="secondary">{federationName(systemInfo?.cityName)}</Typography.Text>
        <Typography.Title level={3} style={{ marginTop: 4, marginBottom: 20 }} data-testid="page-title">
          {title}
        </Typography.Title>
        {children}
      </Card>
    </div>
  );
}
