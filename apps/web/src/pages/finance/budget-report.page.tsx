import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Flex, Row, Select, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { BudgetReport } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { budgetApi, budgetKeys, type BudgetReportQuery } from '../../api/budget.api';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { RateBar, budgetYearOptions, thisYear } from './budget-labels';

type OrgRow = BudgetReport['rows'][number];
type CatRow = BudgetReport['byCategory'][number];
const money = (v: number) => formatYuan(v, '');
const figureColumns = <T extends { budgetFen: number; spentFen: number; remainingFen: number; rate: number | null }>(): TableColumnsType<T> => [
  { title: '预算(元)', dataIndex: 'budgetFen', align: 'right', render: money },
  { title: '支出(元)', dataIndex: 'spentFen', align: 'right', render: money },
  { title: '结余(元)', dataIndex: 'remainingFen', align: 'right', render: (v: number) => <span style={v < 0 ? { color: '#cf1322' } : undefined}>{money(v)}</span> },
  { title: '执行率', dataIndex: 'rate', width: 180, render: (v: number | null) => <RateBar rate={v} /> },
];

/** 预算执行报表: approved budgets and spending of a year under an org by its children (drill down), and by category; xlsx export. */
export function BudgetReportPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState<BudgetReportQuery>({ year: thisYear() });
  const report = useQuery({ queryKey: budgetKeys.report(query), queryFn: () => budgetApi.report(query), placeholderData: keepPreviousData });
  const exporting = useMutation({ mutationFn: () => budgetApi.exportReport(query), onError: (e) => void message.error(errorMessage(e)) });
  const r = report.data;
  const drill = (orgId: string) => setQuery((q) => ({ ...q, orgId }));
  const orgColumns: TableColumnsType<OrgRow> = [
    {
      title: '单位',
      dataIndex: 'orgName',
      render: (v: string, row) =>
        row.drillable ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => drill(row.orgId)}>
            {v}
          </Button>
        ) : row.budgetId ? (
          <Link to={`/finance/budgets/${row.budgetId}`}>{v}</Link>
        ) : (
          v
        ),
    },
    { title: '预算单位', key: 'unions', width: 110, render: (_v, row) => `${row.approved}/${row.unions}`, responsive: ['md'] },
    ...figureColumns<OrgRow>(),
    { title: '提醒', dataIndex: 'overLines', width: 110, render: (n: number) => (n > 0 ? <Tag color="red">{n} 个科目超支</Tag> : null) },
  ];
  const catColumns: TableColumnsType<CatRow> = [{ title: '科目', dataIndex: 'categoryLabel', width: 140 }, ...figureColumns<CatRow>()];
  return (
    <>
      <PageTitle
        title="预算执行报表"
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="export-budget-report">
            导出Excel
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        统计已批准预算的金额与已登记支出(冲销的不计),执行率 = 支出 ÷ 预算。按组织层级小计,点击单位名称查看其下级,点击基层工会查看预算明细;「预算单位」为已批准/已编制预算的工会数。导出的 Excel 按工会逐行列出,并含街道、区县小计和各科目支出。
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select style={{ width: 120 }} aria-label="年度" value={query.year} options={budgetYearOptions()} onChange={(year: number) => setQuery((q) => ({ ...q, year }))} />
        {r ? <Breadcrumb items={r.path.map((p) => ({ key: p.id, title: p.id === r.org.id ? <b data-testid="budget-report-org">{p.name}</b> : <a onClick={() => drill(p.id)}>{p.name}</a> }))} /> : null}
      </Flex>
      {report.isError ? <Alert type="error" showIcon title={errorMessage(report.error)} style={{ marginBottom: 12 }} /> : null}
      {r ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col xs={12} md={5}><Card size="small"><Statistic title="预算(元)" value={money(r.total.budgetFen)} /></Card></Col>
            <Col xs={12} md={5}><Card size="small"><Statistic title="支出(元)" value={money(r.total.spentFen)} valueRender={() => <span data-testid="budget-report-spent">{money(r.total.spentFen)}</span>} /></Card></Col>
            <Col xs={12} md={5}><Card size="small"><Statistic title="结余(元)" value={money(r.total.remainingFen)} /></Card></Col>
            <Col xs={12} md={5}><Card size="small"><Statistic title="执行率" value={r.total.rate === null ? '—' : `${(r.total.rate * 100).toFixed(1)}%`} /></Card></Col>
            <Col xs={12} md={4}><Card size="small"><Statistic title="预算单位" value={`${r.total.approved}/${r.total.unions}`} /></Card></Col>
          </Row>
          <Table<OrgRow> rowKey="orgId" size="small" loading={report.isFetching} columns={orgColumns} dataSource={r.rows} pagination={false} data-testid="budget-report-rows" locale={{ emptyText: '该年度没有下级单位的预算' }} style={{ marginBottom: 16 }} />
          <Typography.Title level={5}>按科目</Typography.Title>
          <Table<CatRow> rowKey="category" size="small" columns={catColumns} dataSource={r.byCategory} pagination={false} data-testid="budget-report-categories" />
        </>
      ) : null}
    </>
  );
}
