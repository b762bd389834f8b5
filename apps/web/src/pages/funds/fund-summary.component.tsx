import { Card, Col, Row, Statistic } from 'antd';
import type { FundDetail } from '@gonghui/contracts';
import { formatYuan } from '../../components/money';
import { BudgetProgress } from './budget-progress.component';

/** The fund's figures at a glance: balance, income, payouts, what the bank has yet to pay, this year's budget. */
export function FundSummary({ fund }: { fund: FundDetail }) {
  const figure = (title: string, fen: number | null, testId: string) => (
    <Col xs={12} md={6}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={formatYuan(fen, '')} suffix="元" />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {figure('当前余额', fund.balanceFen, 'fund-balance')}
      {figure('累计收入', fund.incomeFen, 'fund-income')}
      {figure('累计支出', fund.payoutFen, 'fund-payout')}
      {figure(`待银行支付(${fund.pendingPayouts} 笔待代发)`, fund.unpaidPayoutFen, 'fund-unpaid')}
      <Col xs={24}>
        <Card size="small" title={`${fund.year}年预算执行`}>
          <Row gutter={12} align="middle">
            <Col xs={24} md={8}>
              预算 {formatYuan(fund.budgetFen)},已支出 {formatYuan(fund.spentFen)}
            </Col>
            <Col xs={24} md={16}>
              <BudgetProgress spentFen={fund.spentFen} budgetFen={fund.budgetFen} />
            </Col>
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
