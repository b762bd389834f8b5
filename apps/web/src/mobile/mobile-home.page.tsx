import { Card, Col, Row, Tag, Typography } from 'antd';
import { BulbOutlined, CameraOutlined, CalendarOutlined, FileTextOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useSession } from '../app/use-session.hook';

interface Tile {
  key: string;
  title: string;
  icon: ReactNode;
}

/** Placeholders for the member services the next issues build. */
const TILES: Tile[] = [
  { key: 'activities', title: '活动报名', icon: <CalendarOutlined /> },
  { key: 'applications', title: '我的申请', icon: <FileTextOutlined /> },
  { key: 'snapshots', title: '随手拍', icon: <CameraOutlined /> },
  { key: 'proposals', title: '建议', icon: <BulbOutlined /> },
];

export function MobileHomePage() {
  const { user } = useSession();
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        您好,{user?.name}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {TILES.map((tile) => (
          <Col span={12} key={tile.key}>
            <Card size="small" data-testid={`tile-${tile.key}`} style={{ textAlign: 'center' }}>
              <div style={{ fontSize: 28, color: '#c8161d' }}>{tile.icon}</div>
              <Typography.Text strong>{tile.title}</Typography.Text>
              <div>
                <Tag style={{ marginTop: 6, marginInlineEnd: 0 }}>即将开放</Tag>
              </div>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
