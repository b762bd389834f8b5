import { Alert, App, Button, Card, Flex, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { MUTUAL_AID_PART_LABELS, type MutualAidReport } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { usePeriodChoice } from './use-period-choice.hook';

type Row = MutualAidReport['rows'][number];

/** 统计报表: the fund's balance from the ledger, and claims by district and part (count, out-of-pocket, computed, paid). */
export function MutualAidReportsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { periods, periodId, periodSelect } = usePeriodChoice(params.get('periodId'), (id) => setParams({ periodId: id }, { replace: true }));
  const report = useQuery({ queryKey: mutualAidKeys.report(periodId ?? ''), queryFn: () => mutualAidApi.report(periodId!), enabled: !!periodId });
  const r = report.data;
  const total = (key: 'claims' | 'selfPayFen' | 'computedFen' | 'paid' | 'paidFen') => (r?.rows ?? []).reduce((s, x) => s + x[key], 0);
  const columns: TableColumnsType<Row> = [
    { title: '区县(市)', dataIndex: 'districtName', onCell: (row, i) => ({ rowSpan: i !== undefined && i > 0 && r?.rows[i - 1]?.districtId === row.districtId ? 0 : (r?.rows.filter((x) => x.districtId === row.districtId).length ?? 1) }) },
    { title: '保障项目', dataIndex: 'part', render: (p: Row['part']) => MUTUAL_AID_PART_LABELS[p] },
    { title: '申请笔数', dataIndex: 'claims', align: 'right' },
    { title: '申报自付金额', dataIndex: 'selfPayFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: '核算金额(审核中及已批准)', dataIndex: 'computedFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: '已批准', dataIndex: 'approved', align: 'right' },
    { title: '已支付笔数', dataIndex: 'paid', align: 'right' },
    { title: '已支付金额', dataIndex: 'paidFen', align: 'right', render: (v: number) => formatYuan(v) },
  ];
  const name = periods.find((p) => p.id === periodId)?.name ?? '医疗互助';
  return (
    <>
      <PageTitle title="医疗互助统计" extra={<>{periodSelect}<Button icon={<DownloadOutlined />} disabled={!r} onClick={() => void mutualAidApi.exportReport(periodId!, name).catch((e: unknown) => void message.error(errorMessage(e)))}>导出 Excel</Button></>} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>资金余额取自台账(互助金缴费收入减已支付补助);申请按会员所在区县(市)和保障项目统计,不含草稿和已撤回的申请,只含您管理范围内的工会。</Typography.Paragraph>
      {report.isError ? <Alert type="error" showIcon title={errorMessage(report.error)} style={{ marginBottom: 12 }} /> : null}
      {r ? (
        <>
          <Card size="small" title={r.fund.name} style={{ marginBottom: 12 }}>
            <Flex gap={40} wrap>
              <Statistic title="资金余额" value={formatYuan(r.fund.balanceFen)} />
              <Statistic title="累计收入" value={formatYuan(r.fund.incomeFen)} />
              <Statistic title="累计支出" value={formatYuan(r.fund.payoutFen)} />
              <Statistic title="本年度申请" value={total('claims')} suffix="笔" />
              <Statistic title="本年度已支付" value={formatYuan(total('paidFen'))} />
            </Flex>
          </Card>
          <Table<Row> rowKey={(x) => `${x.districtId}:${x.part}`} size="middle" bordered pagination={false} columns={columns} dataSource={r.rows} loading={report.isFetching} locale={{ emptyText: '本年度暂无申请' }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{total('claims')}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{formatYuan(total('selfPayFen'))}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{formatYuan(total('computedFen'))}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} />
                <Table.Summary.Cell index={6} align="right">{total('paid')}</Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">{formatYuan(total('paidFen'))}</Table.Summary.Cell>
              </Table.Summary.Row>
            )} />
        </>
      ) : null}
    </>
  );
}
