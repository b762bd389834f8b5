import { Card, Col, Progress, Row, Statistic, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { CampaignDashboard } from '@gonghui/contracts';
import { formatYuan } from '../../components/money';
import { completion } from './campaign-labels';

function Target({ percent, label }: { percent: number | null; label: string }) {
  if (percent === null) return <Typography.Text type="secondary">未设目标</Typography.Text>;
  return (
    <>
      <Progress percent={Math.min(100, percent)} showInfo={false} strokeColor="#c8161d" size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label},完成 {percent.toFixed(1)}%
      </Typography.Text>
    </>
  );
}

/** 春风行动 KPIs: households and amounts helped against the targets, cases in hand, donations, the fund. */
export function CampaignKpiCards({ data }: { data: CampaignDashboard }) {
  const t = data.totals;
  return (
    <Row gutter={[16, 16]} data-testid="campaign-kpis">
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="kpi-households">
          <Statistic title="已帮扶困难家庭" value={t.households} suffix="户" />
          <Target percent={completion(t.households, t.targetHouseholds)} label={`目标 ${t.targetHouseholds.toLocaleString('zh-CN')} 户`} />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
            批准帮扶申请 {t.applications} 件,在办 {t.inProgress} 件
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="kpi-amount">
          <Statistic title="帮扶金额" value={formatYuan(t.amountFen, '')} suffix="元" />
          <Target percent={completion(t.amountFen, t.targetAmountFen)} label={`目标 ${formatYuan(t.targetAmountFen)}`} />
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
            其中已支付 {formatYuan(t.paidFen)}
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="kpi-donations">
          <Statistic title="社会捐款" value={formatYuan(t.donationsFen, '')} suffix="元" />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
            共 {t.donations} 笔(本单位及下级登记)
          </Typography.Paragraph>
        </Card>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="kpi-fund">
          <Statistic
            title={
              <>
                资金余额{' '}
                <Tooltip title="活动支出资金在台账中的余额(收入减支出)">
                  <InfoCircleOutlined />
                </Tooltip>
              </>
            }
            value={data.fund ? formatYuan(data.fund.balanceFen, '') : '—'}
            suffix={data.fund ? '元' : undefined}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
            {data.fund ? data.fund.name : '资金由上级工会管理'}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
