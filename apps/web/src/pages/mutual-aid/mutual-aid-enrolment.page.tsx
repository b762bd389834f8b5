import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Input, Select, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, TeamOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { MutualAidEnrolmentState, MutualAidRosterRow } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { ENROLMENT_STATE_COLORS, ENROLMENT_STATE_OPTIONS } from './mutual-aid-labels';
import { MutualAidPaymentModal } from './mutual-aid-payment-modal.component';
import { usePeriodChoice } from './use-period-choice.hook';

/** 团体参保: a grassroots union's roster for a period: pick members to enrol, record the payment, withdraw leavers, export. */
export function MutualAidEnrolmentPage() {
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { periods, periodId, periodSelect } = usePeriodChoice(params.get('periodId'), (id) => setParams({ periodId: id }, { replace: true }));
  const [orgId, setOrgId] = useState<string | undefined>(user?.roles.includes('grassroots_admin') ? user.orgId : undefined);
  const [state, setState] = useState<MutualAidEnrolmentState | undefined>(undefined);
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<string[]>([]);
  const [paying, setPaying] = useState(false);
  const query = { orgId: orgId ?? '', state, q, page, pageSize: 50 };
  const roster = useQuery({ queryKey: mutualAidKeys.roster(periodId ?? '', query), queryFn: () => mutualAidApi.roster(periodId!, query), enabled: !!periodId && !!orgId, placeholderData: keepPreviousData });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: mutualAidKeys.all });
  const enrol = useMutation({
    mutationFn: (all: boolean) => mutualAidApi.enrol(periodId!, all ? { orgId: orgId!, all: true } : { orgId: orgId!, memberIds: picked }),
    onSuccess: (r) => {
      void message.success(`已登记 ${r.enrolled} 人${r.skipped ? `(${r.skipped} 人此前已参保)` : ''}${r.late ? ',逾期参保,缴费后须满等待期' : ''}`);
      setPicked([]);
      refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const withdraw = useMutation({
    mutationFn: (row: MutualAidRosterRow) => mutualAidApi.withdraw(row.enrolmentId!, '会员离会(调离本单位)'),
    onSuccess: () => { void message.success('已退出本期医疗互助'); refresh(); },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const data = roster.data;
  const period = periods.find((p) => p.id === periodId);
  const columns: TableColumnsType<MutualAidRosterRow> = [
    { title: '姓名', dataIndex: 'memberName', width: 100 },
    { title: '性别', dataIndex: 'gender', width: 60, render: (g: string) => (g === 'female' ? '女' : '男') },
    { title: '身份证号', dataIndex: 'idCard', width: 180 },
    { title: '参保状态', dataIndex: 'state', width: 150, render: (s: MutualAidEnrolmentState, r) => <Tag color={ENROLMENT_STATE_COLORS[s]}>{r.stateLabel}</Tag> },
    { title: '缴费', dataIndex: 'contributionFen', width: 100, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '逾期', dataIndex: 'late', width: 60, render: (v: boolean) => (v ? <Tag color="gold">逾期</Tag> : '') },
    { title: '保障起始', dataIndex: 'coveredFrom', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '收据号', dataIndex: 'receiptNo', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: '操作', key: 'ops', width: 90,
      render: (_v, r) => (r.enrolmentId && r.state !== 'withdrawn' ? (
        <Button type="link" size="small" danger onClick={() => modal.confirm({ title: `${r.memberName} 退出本期医疗互助?`, content: '用于会员离会、调离本单位;已缴互助金不退,退出后不能再申请本期补助。', okText: '退出', okButtonProps: { danger: true }, onOk: () => withdraw.mutateAsync(r).catch(() => undefined) })}>退出</Button>
      ) : null),
    },
  ];
  return (
    <>
      <PageTitle title="医疗互助团体参保" extra={data ? <Button icon={<DownloadOutlined />} onClick={() => void mutualAidApi.exportRoster(periodId!, data.orgId, data.orgName).catch((e: unknown) => void message.error(errorMessage(e)))}>导出名单</Button> : null} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        基层工会从本单位在册会员中选择参保人员(可全选),按年度方案每人缴费(女职工含女职工特殊疾病保障),登记缴费收据后会员进入保障。{period ? `${period.name}参保截止日 ${period.enrolDeadline},${period.latePolicy === 'waiting' ? `逾期参保的缴费后满 ${period.lateWaitingDays} 天方可申请` : '逾期不再受理'}。` : ''}
      </Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        {periodSelect}
        <OrgTreeSelect value={orgId} onChange={(v) => { setOrgId(v); setPage(1); setPicked([]); }} selectableKinds={['grassroots']} placeholder="选择基层工会" style={{ width: 320 }} aria-label="基层工会" />
        <Select allowClear placeholder="参保状态" options={ENROLMENT_STATE_OPTIONS} value={state} onChange={(v) => { setState(v); setPage(1); }} style={{ width: 160 }} />
        <Input.Search allowClear placeholder="姓名" onSearch={(v) => { setQ(v || undefined); setPage(1); }} style={{ width: 180 }} />
      </Flex>
      {!orgId ? <Empty description="请选择一个基层工会" /> : null}
      {roster.isError ? <Alert type="error" showIcon title={errorMessage(roster.error)} style={{ marginBottom: 12 }} /> : null}
      {data ? (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Flex gap={32} wrap>
              <Statistic title="在册会员" value={data.summary.activeMembers} />
              <Statistic title="已参保" value={data.summary.enrolled} />
              <Statistic title="未缴费" value={data.summary.unpaid} suffix={`人 / ${formatYuan(data.summary.unpaidFen)}`} />
              <Statistic title="保障中" value={data.summary.covered} />
              <Statistic title="等待期" value={data.summary.waiting} />
              <Statistic title="已退出" value={data.summary.withdrawn} />
              <Statistic title="已缴互助金" value={formatYuan(data.summary.paidFen)} />
            </Flex>
          </Card>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Button type="primary" icon={<TeamOutlined />} disabled={!data.abilities.canEnrol || picked.length === 0} loading={enrol.isPending} onClick={() => enrol.mutate(false)} data-testid="ma-enrol-picked">
              所选会员参保({picked.length})
            </Button>
            <Button disabled={!data.abilities.canEnrol} onClick={() => modal.confirm({ title: '全部在册会员参保?', content: `${data.orgName}所有尚未参保的在册会员将登记参保。`, okText: '全部参保', onOk: () => enrol.mutateAsync(true).catch(() => undefined) })}>
              全部在册会员参保
            </Button>
            <Button disabled={!data.abilities.canPay} onClick={() => setPaying(true)} data-testid="ma-pay">
              登记缴费
            </Button>
            {!data.abilities.canEnrol ? <Typography.Text type="secondary">本期已停止受理参保</Typography.Text> : null}
          </Flex>
          <Table<MutualAidRosterRow>
            rowKey="memberId"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={roster.isFetching}
            rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys.map(String)), getCheckboxProps: (r) => ({ disabled: r.state !== 'not_enrolled' }) }}
            locale={{ emptyText: '该工会没有在册会员' }}
            pagination={{ current: page, pageSize: 50, total: data.total, showTotal: (t) => `共 ${t} 人`, onChange: setPage }}
          />
          <Typography.Title level={5}>缴费记录</Typography.Title>
          <Table size="small" rowKey="id" pagination={false} dataSource={data.payments} locale={{ emptyText: '尚无缴费记录' }}
            columns={[{ title: '收据号', dataIndex: 'receiptNo' }, { title: '缴费日期', dataIndex: 'paidOn' }, { title: '人数', dataIndex: 'memberCount' }, { title: '金额', dataIndex: 'amountFen', render: (v: number) => formatYuan(v) }, { title: '备注', dataIndex: 'note' }]} />
          {paying && periodId ? <MutualAidPaymentModal open={paying} periodId={periodId} roster={data} onClose={() => setPaying(false)} /> : null}
        </>
      ) : null}
    </>
  );
}
