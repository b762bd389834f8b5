import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Flex, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RightsCampaign } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { rightsApi, rightsKeys } from '../../api/rights.api';
import { dayjs } from '../../app/time';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';

type Row = RightsCampaign['rows'][number];

/** 春节前欠薪专项: the 欠薪 cases in hand during the window, by district: open cases, workers affected, amounts claimed and recovered. */
export function RightsCampaignPage() {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const data = useQuery({ queryKey: rightsKeys.campaign(range), queryFn: () => rightsApi.campaign(range), placeholderData: keepPreviousData });
  const t = data.data?.total;
  const columns: TableColumnsType<Row> = [
    { title: '承办工会', dataIndex: 'orgName', width: 180 },
    { title: '欠薪案件', dataIndex: 'cases', align: 'right' },
    { title: '在办', dataIndex: 'openCases', align: 'right' },
    { title: '紧急', dataIndex: 'urgentCases', align: 'right' },
    { title: '涉及人数', dataIndex: 'workersAffected', align: 'right' },
    { title: '诉求金额', dataIndex: 'amountClaimedFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: '追回金额', dataIndex: 'amountRecoveredFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: '已兑付人数', dataIndex: 'workersPaid', align: 'right' },
  ];
  return (
    <>
      <PageTitle title="春节前欠薪专项" />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        统计期内在办或办结的欠薪案件(统计期结束前受理,且目前仍在办,或在统计期内受理、办结),按承办工会汇总。默认统计期为下一个春节前两个月;春节前两个月内的欠薪求助自动按紧急办理(15个工作日内办结)。
      </Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <span>统计期</span>
        <DatePicker.RangePicker
          value={data.data ? [dayjs(data.data.from), dayjs(data.data.to)] : null}
          allowClear={false}
          onChange={(v) => setRange(v && v[0] && v[1] ? { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } : {})}
          data-testid="rights-campaign-range"
        />
        {data.data ? <Typography.Text type="secondary">春节:{data.data.springFestival}</Typography.Text> : null}
      </Flex>
      {data.isError ? <Alert type="error" showIcon title={errorMessage(data.error)} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title="在办欠薪案件" value={t?.openCases ?? 0} suffix="件" data-testid="rights-campaign-open" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="涉及职工" value={t?.workersAffected ?? 0} suffix="人" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="诉求金额" value={formatYuan(t?.amountClaimedFen ?? 0, '')} suffix="元" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title="已追回" value={formatYuan(t?.amountRecoveredFen ?? 0, '')} suffix="元" data-testid="rights-campaign-recovered" /></Card></Col>
      </Row>
      <Table<Row> rowKey="orgId" size="middle" columns={columns} dataSource={data.data?.rows ?? []} loading={data.isFetching} pagination={false} locale={{ emptyText: '统计期内没有欠薪案件' }} />
    </>
  );
}
