import { Alert, Button, Card, Empty, Flex, Skeleton, Statistic, Typography } from 'antd';
import { CameraOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { HAZARD_GRADE_LABELS, HAZARD_POINTS, HAZARD_GRADES } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { hazardKeys, myHazardApi } from '../api/hazard.api';
import { formatTime } from '../app/time';
import { HazardStatusTag } from '../pages/hazards/hazard-labels';

/** 随手拍 (H5): my points, 我要随手拍, and my reports with their status. */
export function MobileHazardListPage() {
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: hazardKeys.mine, queryFn: myHazardApi.mine, staleTime: 0 });
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        安全隐患随手拍
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="center">
          <Statistic title="我的随手拍积分" value={mine.data?.points ?? 0} suffix="分" data-testid="hazard-my-points" />
          <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 170 }}>
            隐患整改验收后获得积分:{HAZARD_GRADES.map((g) => `${HAZARD_GRADE_LABELS[g].replace('隐患', '')}${HAZARD_POINTS[g]}分`).join('、')}
          </Typography.Text>
        </Flex>
      </Card>
      <Button type="primary" block size="large" icon={<CameraOutlined />} style={{ marginBottom: 12 }} onClick={() => void navigate('/m/hazards/new')} data-testid="hazard-new">
        我要随手拍
      </Button>
      <Typography.Text strong>我的上报</Typography.Text>
      {mine.isPending ? <Skeleton active /> : null}
      {mine.isError ? <Alert type="error" showIcon title={errorMessage(mine.error)} /> : null}
      {mine.data && mine.data.reports.length === 0 ? <Empty description="还没有上报过隐患。发现身边的安全隐患,拍下来告诉工会吧" /> : null}
      <Flex vertical gap={10} style={{ marginTop: 8 }}>
        {(mine.data?.reports ?? []).map((h) => (
          <Link key={h.id} to={`/m/hazards/${h.id}`} data-testid="hazard-my-report" style={{ color: 'inherit' }}>
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>{h.enterpriseName}</Typography.Text>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '2px 0', fontSize: 13 }}>{h.description}</Typography.Paragraph>
                  <HazardStatusTag status={h.status} overdue={h.overdue} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(h.reportedAt ?? h.createdAt, 'YYYY-MM-DD')}
                    {h.points ? ` · +${h.points}分` : ''}
                  </Typography.Text>
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
