import { useEffect, type ReactNode } from 'react';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { federationName } from '../../app/labels';
import { useSession } from '../../app/use-session.hook';

/** The public pages' frame (no login): the federation's name and the page title. */
export function PublicNewsLayout({ title, children }: { title: string; children: ReactNode }) {
  const { systemInfo } = useSession();
  const org = federationName(systemInfo?.cityName);
  useEffect(() => {
    document.title = `${title} - ${org}`;
  }, [org, title]);
  return (
    <div className="gh-public">
      <header className="gh-public-header">
        <div className="gh-public-org">{org}</div>
        <Typography.Title level={3} style={{ margin: 0, color: '#fff' }} data-testid="page-title">
          <Link to="/public/news" style={{ color: '#fff' }}>工会新闻</Link>
        </Typography.Title>
      </header>
      <main className="gh-public-body">{children}</main>
    </div>
  );
}
