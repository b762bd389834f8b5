import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Coverage } from '@gonghui/contracts';
import { count, percent, percentValue, pointsChange } from './coverage-format';

function YearChange({ now, before, year }: { now: number; before: number | undefined; year: number | undefined }) {
  const change = pointsChange(now, before);
  if (change === null || year === undefined) return <Typography.Text type="secondary">暂无上年同期数据</Typography.Text>;
  if (change === 0) return <Typography.Text type="secondary">与{year}年持平</Typography.Text>;
  const up = change > 0;
  return (
    <Typography.Text style={{ color: up ? '#389e0d' : '#cf1322' }}>
      较{year}年 {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(change).toFixed(1)} 个百分点
      <Typography.Text type="secondary">(上年 {percent(before ?? 0)})</Typography.Text>
    </Typography.Text>
  );
}

interface CoverageCardsProps {
  coverage: Coverage;
  /** smaller cards for the 组织机构 detail */
  compact?: boolean;
}

/** 建会率 and 入会率 of an org's subtree with their basis and the year-over-year change, plus the totals. */
export function CoverageCards({ coverage: c, compact }: CoverageCardsProps) {
  const last = c.lastYear;
  const size = compact ? 'small' : undefined;
  return (
    <Row gutter={[16, 16]} data-testid="coverage-cards">
      <Col xs={24} md={compact ? 12 : 8}>
        <Card size={size} data-testid="coverage-unionisation">
          <Statistic title="建会率" value={percentValue(c.unionisationRate)} precision={1} suffix="%" />
          <Progress percent={percentValue(c.unionisationRate)} showInfo={false} strokeColor="#c8161d" />
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 13 }}>
            职工 {c.minEmployees} 人及以上企业 {count(c.enterprisesAtSize)} 家,已建会 {count(c.unionisedAtSize)} 家
          </Typography.Paragraph>
          <YearChange now={c.unionisationRate} before={last?.unionisationRate} year={last?.year} />
        </Card>
      </Col>
      <Col xs={24} md={compact ? 12 : 8}>
        <Card size={size} data-testid="coverage-membership">
          <Statistic title="入会率" value={percentValue(c.membershipRate)} precision={1} suffix="%" />
          <Progress percent={percentValue(c.membershipRate)} showInfo={false} strokeColor="#fa8c16" />
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 13 }}>
            已建会企业职工 {count(c.unionisedEmployees)} 人,在册会员 {count(c.members)} 人
          </Typography.Paragraph>
          <YearChange now={c.membershipRate} before={last?.membershipRate} year={last?.year} />
        </Card>
      </Col>
      {compact ? null : (
        <Col xs={24} md={8}>
          <Card>
            <Row gutter={8}>
              <Col span={12}>
                <Statistic title="企业总数" value={c.enterprises} suffix="家" />
              </Col>
              <Col span={12}>
                <Statistic title="已建会企业" value={c.unionisedEnterprises} suffix="家" />
              </Col>
              <Col span={12} style={{ marginTop: 12 }}>
                <Statistic title="职工总数" value={c.employees} suffix="人" />
              </Col>
              <Col span={12} style={{ marginTop: 12 }}>
                <Statistic title="在册会员" value={c.members} suffix="人" />
              </Col>
            </Row>
          </Card>
        </Col>
      )}
    </Row>
  );
}
