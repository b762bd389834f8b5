import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, InputNumber, Popconfirm, Radio, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { DUES_METHOD_LABELS, type DuesBatch, type DuesMethod } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { duesApi, duesKeys } from '../../api/dues.api';
import { formatTime } from '../../app/time';
import { formatYuan, yuanToFen } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { BatchStatusTag, METHOD_OPTIONS } from './dues-labels';

type Line = DuesBatch['lines'][number];

/** A batch: its lines with the collected amount per member (editable while a draft), save, confirm into the 经费账户, delete. */
export function DuesBatchDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const batch = useQuery({ queryKey: duesKeys.batch(id), queryFn: () => duesApi.batch(id) });
  const [paid, setPaid] = useState<Record<string, number>>({});
  const [method, setMethod] = useState<DuesMethod>('payroll');
  const b = batch.data;
  useEffect(() => {
    if (!b) return;
    setPaid(Object.fromEntries(b.lines.map((l) => [l.memberId, l.paidFen])));
    setMethod(b.method);
  }, [b]);
  const dirty = useMemo(() => !!b && (b.method !== method || b.lines.some((l) => paid[l.memberId] !== l.paidFen)), [b, paid, method]);
  const total = b ? b.lines.reduce((s, l) => s + (paid[l.memberId] ?? 0), 0) : 0;
  const done = (next: DuesBatch, text: string) => {
    qc.setQueryData(duesKeys.batch(id), next);
    void qc.invalidateQueries({ queryKey: duesKeys.all });
    void message.success(text);
  };
  const save = async (current: DuesBatch) => duesApi.updateBatch(id, { version: current.version, method, note: current.note ?? undefined, lines: current.lines.map((l) => ({ memberId: l.memberId, paidFen: paid[l.memberId] ?? 0 })) });
  const saving = useMutation({ mutationFn: () => save(b!), onSuccess: (n) => done(n, '已保存'), onError: (e) => void message.error(errorMessage(e)) });
  const confirming = useMutation({
    mutationFn: async () => {
      const current = dirty ? await save(b!) : b!;
      return duesApi.confirmBatch(id, current.version);
    },
    onSuccess: (n) => done(n, `已确认入账 ${formatYuan(n.paidFen)}`),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const removing = useMutation({
    mutationFn: () => duesApi.deleteBatch(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: duesKeys.all });
      void navigate('/finance/dues/batches');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (batch.isPending) return <Skeleton active />;
  if (batch.isError || !b) return <Alert type="error" showIcon title={errorMessage(batch.error)} />;
  const edit = b.abilities.canEdit;
  const columns: TableColumnsType<Line> = [
    { title: '会员', dataIndex: 'memberName', width: 120 },
    { title: '会员卡号', dataIndex: 'cardNo', width: 170 },
    { title: '应缴', dataIndex: 'dueFen', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
    {
      title: '实收(元)', key: 'paid', width: 160, align: 'right',
      render: (_v, l) => (edit ? (
        <InputNumber aria-label={`实收 ${l.memberName}`} min={0} max={l.dueFen / 100} precision={2} value={(paid[l.memberId] ?? 0) / 100} onChange={(v) => setPaid((p) => ({ ...p, [l.memberId]: yuanToFen(v ?? 0) }))} />
      ) : formatYuan(l.paidFen)),
    },
    { title: '', key: 'state', render: (_v, l) => ((paid[l.memberId] ?? 0) === 0 ? <Typography.Text type="danger">未缴</Typography.Text> : null) },
  ];
  return (
    <>
      <PageTitle
        title={`会费收缴批次:${b.orgName} ${b.month}`}
        extra={edit ? (
          <>
            <Popconfirm title="删除该草稿批次?" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => removing.mutate()}>
              <Button danger loading={removing.isPending}>删除草稿</Button>
            </Popconfirm>
            <Button disabled={!dirty} loading={saving.isPending} onClick={() => saving.mutate()} data-testid="save-dues-batch">保存修改</Button>
            <Popconfirm title={`确认入账 ${formatYuan(total)}?`} description="确认后作为一笔收入记入本会经费账户,批次不可再修改。" okText="确认入账" onConfirm={() => confirming.mutate()}>
              <Button type="primary" loading={confirming.isPending} data-testid="confirm-dues-batch">确认入账</Button>
            </Popconfirm>
          </>
        ) : null}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={3} items={[
          { key: 'org', label: '基层工会', children: b.orgName },
          { key: 'month', label: '所属月份', children: b.month },
          { key: 'method', label: '收缴方式', children: edit ? <Radio.Group size="small" options={METHOD_OPTIONS} value={method} onChange={(e) => setMethod(e.target.value as DuesMethod)} /> : DUES_METHOD_LABELS[b.method] },
          { key: 'status', label: '状态', children: <span data-testid="dues-batch-status"><BatchStatusTag status={b.status} /></span> },
          { key: 'members', label: '人数', children: `${b.members} 人` },
          { key: 'due', label: '应缴合计', children: formatYuan(b.dueFen) },
          { key: 'paid', label: '实收合计', children: <span data-testid="dues-batch-paid">{formatYuan(edit ? total : b.paidFen)}</span> },
          { key: 'confirmed', label: '确认入账', children: b.confirmedAt ? `${formatTime(b.confirmedAt)}(台账流水 #${b.ledgerEntryId ?? '—'})` : '—' },
          { key: 'note', label: '备注', children: b.note ?? '—' },
        ]} />
      </Card>
      {edit ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="填写每位会员本月实收金额(未缴填 0,该月计入欠缴,可在之后的现金批次中补缴)。实收不能超过应缴。" /> : null}
      <Table<Line> rowKey="memberId" size="small" columns={columns} dataSource={b.lines} pagination={{ pageSize: 50, showTotal: (n) => `共 ${n} 人` }} data-testid="dues-batch-lines" locale={{ emptyText: '该批次没有会员' }} />
    </>
  );
}
