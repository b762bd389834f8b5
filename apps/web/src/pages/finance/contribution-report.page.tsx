import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Flex, Row, Select, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CONTRIBUTION_LEVEL_LABELS, CONTRIBUTION_LEVELS, type ContributionFigures, type ContributionReport } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { contributionApi, contributionKeys, type ContributionReportQuery } from '../../api/contribution.api';
import { ExportButton } from '../../components/export-button.component';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { currentYear, yearOptions } from './dues-labels';

type OrgRow = ContributionReport['children'][number];
type MonthRow = ContributionReport['months'][number];
const money = (v: number) => formatYuan(v, '');
const figureColumns = <T extends ContributionFigures>(): TableColumnsType<T> => [
  { title: '应拨缴(已申报,元)', dataIndex: 'dueFen', align: 'right', render: money },
  { title: '已拨缴(元)', dataIndex: 'receivedFen', align: 'right', render: money },
  { title: '逾期未拨缴(元)', dataIndex: 'arrearsFen', align: 'right', render: money },
  { title: '未申报(企业·月)', dataIndex: 'missingMonths', align: 'right' },
  ...CONTRIBUTION_LEVELS.map((l) => ({ title: `${CONTRIBUTION_LEVEL_LABELS[l]}(元)`, key: l, align: 'right' as const, render: (_v: unknown, r: T) => money(r.split[l]) })),
];

/** 经费拨缴报表: due vs received vs arrears and the split, by child org (drill down) and by month; xlsx export. */
export function ContributionReportPage() {
  const [query, setQuery] = useState<ContributionReportQuery>({ year: currentYear() });
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const report = useQuery({ queryKey: contributionKeys.report(query), queryFn: () => contributionApi.report(query), placeholderData: keepPreviousData });
  const r = report.data;
  const drill = (to: { id: string; name: string } | null, keep: number) => {
    setTrail((t) => (to ? [...t.slice(0, keep), to] : t.slice(0, keep)));
    setQuery((q) => ({ ...q, orgId: to?.id ?? (keep > 0 ? trail[keep - 1]!.id : undefined) }));
  };
  const orgColumns: TableColumnsType<OrgRow> = [
    { title: '单位', dataIndex: 'orgName', fixed: 'left', width: 200, render: (v: string, row) => (row.drillable ? <Button type="link" size="small" style={{ padding: 0 }} onClick={() => drill({ id: row.orgId, name: v }, trail.length)}>{v}</Button> : v) },
    ...figureColumns<OrgRow>(),
  ];
  const monthColumns: TableColumnsType<MonthRow> = [{ title: '月份', dataIndex: 'period', fixed: 'left', width: 100 }, ...figureColumns<MonthRow>()];
  return (
    <>
      <PageTitle title="经费拨缴报表" extra={<ExportButton title="导出经费拨缴报表" fallbackName="工会经费收缴报表.xlsx" start={() => contributionApi.exportReport(query)} description="导出当前单位、年度的报表(下级单位、合计、各月)。" testId="contribution-report-export" />} />
      <Typography.Paragraph type="secondary">
        统计纳入拨缴管理的企业:应拨缴为已申报的工会经费,已拨缴为确认到账的金额,逾期未拨缴为已申报但过截止日仍未到账的金额,未申报为过截止日仍未申报的企业·月数;分成为已到账款项记入各级的金额(上解省总不入本市账户)。点击单位名称查看其下级。
      </Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select style={{ width: 120 }} aria-label="年度" value={query.year} options={yearOptions()} onChange={(year: number) => setQuery((q) => ({ ...q, year }))} />
        <Breadcrumb
          data-testid="contribution-report-trail"
          items={[{ title: <a onClick={() => drill(null, 0)}>{trail.length ? '本级' : (r?.orgName ?? '本级')}</a> }, ...trail.map((t, i) => ({ title: i === trail.length - 1 ? t.name : <a onClick={() => drill(null, i + 1)}>{t.name}</a> }))]}
        />
      </Flex>
      {report.isError ? <Alert type="error" showIcon title={errorMessage(report.error)} style={{ marginBottom: 12 }} /> : null}
      {r ? (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            {([['应拨缴', 'due', r.total.dueFen], ['已拨缴', 'received', r.total.receivedFen], ['逾期未拨缴', 'arrears', r.total.arrearsFen], ['基层工会留成', 'grassroots', r.total.split.grassroots]] as const).map(([label, key, v]) => (
              <Col key={key} xs={12} md={5}>
                <Card size="small"><Statistic title={`${label}(元)`} value={money(v)} valueRender={() => <span data-testid={`contribution-report-${key}`}>{money(v)}</span>} /></Card>
              </Col>
            ))}
            <Col xs={12} md={4}><Card size="small"><Statistic title="未申报(企业·月)" value={r.total.missingMonths} /></Card></Col>
          </Row>
          <Table<OrgRow> rowKey="orgId" size="small" scroll={{ x: 1400 }} loading={report.isFetching} columns={orgColumns} dataSource={r.children} pagination={false} data-testid="contribution-report-rows" locale={{ emptyText: '没有下级单位' }} style={{ marginBottom: 16 }} />
          <Typography.Title level={5}>按月份</Typography.Title>
          <Table<MonthRow> rowKey="period" size="small" scroll={{ x: 1400 }} columns={monthColumns} dataSource={r.months} pagination={false} data-testid="contribution-report-months" />
        </>
      ) : null}
    </>
  );
}
