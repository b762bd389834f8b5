import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Row, Select, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { DuesReport } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { duesApi, duesKeys, type DuesReportQuery } from '../../api/dues.api';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { collectionRate, currentYear, monthOptions, yearOptions } from './dues-labels';

type OrgRow = DuesReport['rows'][number];
type MonthRow = DuesReport['months'][number];
const money = (v: number) => formatYuan(v, '');
const figureColumns = <T extends { dueFen: number; paidFen: number; arrearsFen: number; exemptFen: number }>(): TableColumnsType<T> => [
  { title: '应缴(元)', dataIndex: 'dueFen', align: 'right', render: money },
  { title: '实缴(元)', dataIndex: 'paidFen', align: 'right', render: money },
  { title: '欠缴(元)', dataIndex: 'arrearsFen', align: 'right', render: money },
  { title: '减免(元)', dataIndex: 'exemptFen', align: 'right', render: money },
  { title: '收缴率', key: 'rate', align: 'right', render: (_v, r) => collectionRate(r.paidFen, r.dueFen) },
];

/** 会费收缴报表: due, collected, arrears and waived under an org by its children (drill down) and by month; xlsx export. */
export function DuesReportPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState<DuesReportQuery>({ year: currentYear() });
  const report = useQuery({ queryKey: duesKeys.report(query), queryFn: () => duesApi.report(query), placeholderData: keepPreviousData });
  const exporting = useMutation({ mutationFn: () => duesApi.exportReport(query), onError: (e) => void message.error(errorMessage(e)) });
  const r = report.data;
  const set = (next: Partial<DuesReportQuery>) => setQuery((q) => ({ ...q, ...next }));
  const orgColumns: TableColumnsType<OrgRow> = [
    {
      title: '单位', dataIndex: 'orgName',
      render: (v: string, row) => (row.hasChildren ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => set({ parentId: row.orgId })}>{v}</Button> : v),
    },
    ...figureColumns<OrgRow>(),
  ];
  const monthColumns: TableColumnsType<MonthRow> = [{ title: '月份', dataIndex: 'month', width: 100 }, ...figureColumns<MonthRow>()];
  return (
    <>
      <PageTitle
        title="会费收缴报表"
        extra={<Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="export-dues-report">导出Excel</Button>}
      />
      <Typography.Paragraph type="secondary">
        按组织层级统计会费应缴、实缴、欠缴与减免:应缴按会员核定的月缴会费(工资基数取整到10元后的0.5%)计至本月,减免月份不计应缴;实缴为已确认入账的收缴批次。点击单位名称查看其下级。
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select style={{ width: 120 }} aria-label="年度" value={query.year} options={yearOptions()} onChange={(year: number) => set({ year, month: undefined })} />
        <Select allowClear placeholder="全年" style={{ width: 130 }} aria-label="月份" value={query.month} options={monthOptions(36).filter((o) => o.value.startsWith(String(query.year)))} onChange={(month?: string) => set({ month })} />
        {r ? <Typography.Text strong data-testid="dues-report-parent">{r.parent.name}</Typography.Text> : null}
        {r?.parent.parentId ? <Button size="small" icon={<ArrowUpOutlined />} onClick={() => set({ parentId: r.parent.parentId ?? undefined })}>上一级</Button> : null}
      </Flex>
      {report.isError ? <Alert type="error" showIcon title={errorMessage(report.error)} style={{ marginBottom: 12 }} /> : null}
      {r ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {([['应缴', 'due', r.total.dueFen], ['实缴', 'paid', r.total.paidFen], ['欠缴', 'arrears', r.total.arrearsFen], ['减免', 'exempt', r.total.exemptFen]] as const).map(([label, key, v]) => (
              <Col key={key} xs={12} md={5}>
                <Card size="small"><Statistic title={`${label}(元)`} value={money(v)} valueRender={() => <span data-testid={`dues-report-${key}`}>{money(v)}</span>} /></Card>
              </Col>
            ))}
            <Col xs={12} md={4}><Card size="small"><Statistic title="收缴率" value={collectionRate(r.total.paidFen, r.total.dueFen)} /></Card></Col>
          </Row>
          <Table<OrgRow> rowKey="orgId" size="small" loading={report.isFetching} columns={orgColumns} dataSource={r.rows} pagination={false} data-testid="dues-report-rows" locale={{ emptyText: '没有下级单位' }} style={{ marginBottom: 16 }} />
          {!query.month ? (
            <>
              <Typography.Title level={5}>按月份</Typography.Title>
              <Table<MonthRow> rowKey="month" size="small" columns={monthColumns} dataSource={r.months} pagination={false} data-testid="dues-report-months" locale={{ emptyText: '本年度尚无会费数据' }} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
