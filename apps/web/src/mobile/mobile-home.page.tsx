import { Card, Col, Row, Tag, Typography } from 'antd';
import { AccountBookOutlined, LikeOutlined, BookOutlined, BulbOutlined, CameraOutlined, ReadOutlined, CalendarOutlined, CustomerServiceOutlined, ExperimentOutlined, FileTextOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../app/use-session.hook';

interface Tile {
  key: string;
  title: string;
  icon: ReactNode;
  /** the service's page; none yet: shown as 即将开放 */
  path?: string;
  /** the tag under an open service's title */
  tag?: string;
}

/** The member services; those without a page are placeholders the next issues build. */
const TILES: Tile[] = [
  { key: 'news', title: '工会新闻', icon: <ReadOutlined />, path: '/m/news', tag: '新闻资讯' },
  { key: 'learning', title: '我的学习', icon: <BookOutlined />, path: '/m/learning', tag: '学习园地' },
  { key: 'activities', title: '活动报名', icon: <CalendarOutlined />, path: '/m/activities', tag: '报名' },
  { key: 'applications', title: '我的申请', icon: <FileTextOutlined />, path: '/m/aid', tag: '帮扶申请' },
  { key: 'mutual-aid', title: '医疗互助', icon: <MedicineBoxOutlined />, path: '/m/mutual-aid', tag: '保障与申请' },
  { key: 'innovations', title: '职工创新', icon: <ExperimentOutlined />, path: '/m/innovations', tag: '五小创新' },
  { key: 'snapshots', title: '随手拍', icon: <CameraOutlined />, path: '/m/hazards', tag: '安全隐患' },
  { key: 'rights', title: '维权求助', icon: <CustomerServiceOutlined />, path: '/m/rights', tag: '欠薪·劳动争议' },
  { key: 'ratings', title: '满意度测评', icon: <LikeOutlined />, path: '/m/ratings', tag: '满意不满意评选' },
  { key: 'proposals', title: '办实事建议', icon: <BulbOutlined />, path: '/m/proposals', tag: '提建议·附议' },
  { key: 'dues', title: '我的会费', icon: <AccountBookOutlined />, path: '/m/dues', tag: '缴纳记录' },
];

function TileCard({ tile }: { tile: Tile }) {
  return (
    <Card size="small" hoverable={!!tile.path} data-testid={`tile-${tile.key}`} style={{ textAlign: 'center' }}>
      <div style={{ fontSize: 28, color: '#c8161d' }}>{tile.icon}</div>
      <Typography.Text strong>{tile.title}</Typography.Text>
      <div>
        <Tag color={tile.path ? 'red' : undefined} style={{ marginTop: 6, marginInlineEnd: 0 }}>
          {tile.path ? tile.tag : '即将开放'}
        </Tag>
      </div>
    </Card>
  );
}

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
            {tile.path ? (
              <Link to={tile.path}>
                <TileCard tile={tile} />
              </Link>
            ) : (
              <TileCard tile={tile} />
            )}
          </Col>
        ))}
      </Row>
    </>
  );
}
