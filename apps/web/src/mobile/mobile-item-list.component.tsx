import type { ReactNode } from 'react';
import { Alert, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { errorMessage } from '../api/api-client';

/** One row of a phone list: a tappable card leading to the item's page. */
export interface MobileListItem {
  id: string;
  to: string;
  title: ReactNode;
  /** a line or two under the title (ellipsed) */
  description?: ReactNode;
  /** status tags */
  tags?: ReactNode;
  /** the small grey line: dates, amounts, what is pending */
  meta?: ReactNode;
}

interface LoadState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** The page heading every phone page uses (the browser tests read it by its test id). */
export function MobilePageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
      {children}
    </Typography.Title>
  );
}

/** A worker's own items (applications, reports, requests ...) as cards, with loading, error and empty states. */
export function MobileItemList({ load, items, empty, testId }: { load: LoadState; items: MobileListItem[] | undefined; empty: string; testId: string }) {
  return (
    <>
      {load.isPending ? <Skeleton active /> : null}
      {load.isError ? <Alert type="error" showIcon title={errorMessage(load.error)} /> : null}
      {items && items.length === 0 ? <Empty description={empty} /> : null}
      <Flex vertical gap={10} style={{ marginTop: 8 }}>
        {(items ?? []).map((i) => (
          <Link key={i.id} to={i.to} data-testid={testId} style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>
                    {i.title}
                  </Typography.Text>
                  {i.description ? (
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '2px 0', fontSize: 13 }}>
                      {i.description}
                    </Typography.Paragraph>
                  ) : null}
                  {i.tags ? <div style={{ margin: '4px 0' }}>{i.tags}</div> : null}
                  {i.meta ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.meta}
                    </Typography.Text>
                  ) : null}
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
