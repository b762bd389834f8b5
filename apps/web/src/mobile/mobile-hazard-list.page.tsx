import { Button, Card, Flex, Statistic, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { HAZARD_GRADE_LABELS, HAZARD_POINTS, HAZARD_GRADES } from '@gonghui/contracts';
import { hazardKeys, myHazardApi } from '../api/hazard.api';
import { formatTime } from '../app/time';
import { HazardStatusTag } from '../pages/hazards/hazard-labels';
import { MobileItemList, MobilePageTitle } from './mobile-item-list.component';

/** 随手拍 (H5): my points, 我要随手拍, and my reports with their status. */
export function MobileHazardListPage() {
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: hazardKeys.mine, queryFn: myHazardApi.mine, staleTime: 0 });
  return (
    <>
      <MobilePageTitle>安全隐患随手拍</MobilePageTitle>
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
      <MobileItemList
        load={mine}
        empty="还没有上报过隐患。发现身边的安全隐患,拍下来告诉工会吧"
        testId="hazard-my-report"
        items={mine.data?.reports.map((h) => ({
          id: h.id,
          to: `/m/hazards/${h.id}`,
          title: h.enterpriseName,
          description: h.description,
          tags: <HazardStatusTag status={h.status} overdue={h.overdue} />,
          meta: `${formatTime(h.reportedAt ?? h.createdAt, 'YYYY-MM-DD')}${h.points ? ` · +${h.points}分` : ''}`,
        }))}
      />
    </>
  );
}
