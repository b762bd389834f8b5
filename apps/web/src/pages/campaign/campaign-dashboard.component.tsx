import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-client';
import { campaignApi, campaignKeys } from '../../api/campaign.api';
import { formatTime } from '../../app/time';
import { CampaignCategoryChart } from './campaign-category-chart.component';
import { CampaignDistrictChart, type DistrictMetric } from './campaign-district-chart.component';
import { CampaignDistrictTable } from './campaign-district-table.component';
import { CampaignKpiCards } from './campaign-kpi-cards.component';
import { CampaignWeekChart } from './campaign-week-chart.component';

/** 进度看板: KPIs, by category, by district against the targets, by week; the caller's data scope only. */
export function CampaignDashboardView({ campaignId }: { campaignId: string }) {
  const [metric, setMetric] = useState<DistrictMetric>('households');
  const data = useQuery({ queryKey: campaignKeys.dashboard(campaignId), queryFn: () => campaignApi.dashboard(campaignId) });

  if (data.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (data.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(data.error)}
        action={
          <Button size="small" onClick={() => void data.refetch()}>
            重试
          </Button>
        }
      />
    );
  const d = data.data;
  return (
    <>
      <CampaignKpiCards data={d} />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 16px', fontSize: 12 }}>
        “已帮扶”指审批通过(公示期满)的申请;金额为核定金额,已支付的按实际支付金额;户数按困难家庭去重(未建档的按职工本人)。统计范围为您的数据权限,截至 {formatTime(d.generatedAt, 'MM-DD HH:mm')}。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title="按救助类别(金额)" size="small">
            {d.totals.applications === 0 ? <Empty description="暂无已帮扶的申请" style={{ height: 296 }} /> : <CampaignCategoryChart items={d.byCategory} />}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card
            title="各区县(市)进度与目标"
            size="small"
            extra={
              <Segmented<DistrictMetric>
                size="small"
                value={metric}
                onChange={setMetric}
                options={[
                  { value: 'households', label: '户数' },
                  { value: 'amount', label: '金额' },
                ]}
              />
            }
          >
            {d.byDistrict.length === 0 ? <Empty description="您的数据范围内没有区县数据" /> : <CampaignDistrictChart items={d.byDistrict} metric={metric} />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="每周进度(按北京时间自然周)" size="small">
            <CampaignWeekChart weeks={d.byWeek} targetHouseholds={d.totals.targetHouseholds} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="区县(市)明细" size="small">
            <CampaignDistrictTable items={d.byDistrict} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
