import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Input, InputNumber, Modal, Table, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CADRE_POSITION_LABELS, type CadreListItem, type Training } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { errorMessage } from '../../api/api-client';

type Entry = { signedIn: boolean; hours: number };

/**
 * 批量录入签到: the in-office cadres of the organiser's unions, a tick for 签到 and the 学时
 * credited (the session's by default, less for late arrival). Only the rows touched are sent.
 */
export function AttendanceModal({ training, open, onClose }: { training: Training; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState<string | undefined>();
  const [entries, setEntries] = useState<Map<string, Entry>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const query = { orgId: training.orgId, state: 'in_office' as const, q, pageSize: 200 };
  const cadres = useQuery({ queryKey: cadreKeys.list(query), queryFn: () => cadreApi.list(query), enabled: open });
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    setEntries(new Map(training.attendance.map((a) => [a.cadreId, { signedIn: a.signedIn, hours: a.hours }])));
  }, [open, training]);
  const put = (id: string, e: Entry) => setEntries((m) => new Map(m).set(id, e));
  const save = useMutation({
    mutationFn: () => cadreApi.attendance(training.id, { entries: [...entries].map(([cadreId, e]) => ({ cadreId, signedIn: e.signedIn, hours: e.signedIn ? e.hours : 0 })) }),
    onSuccess: (t) => {
      void message.success(`已保存签到:${t.signedIn} 人签到`);
      void client.invalidateQueries({ queryKey: cadreKeys.all });
      onClose();
    },
    onError: (e) => setFailure(errorMessage(e)),
  });
  const columns: TableColumnsType<CadreListItem> = [
    {
      title: '签到', key: 'signed', width: 70,
      render: (_v, r) => <Checkbox aria-label={`签到 ${r.name}`} checked={entries.get(r.id)?.signedIn ?? false} onChange={(e) => put(r.id, { signedIn: e.target.checked, hours: e.target.checked ? (entries.get(r.id)?.hours || training.hours) : 0 })} />,
    },
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '所属工会', dataIndex: 'orgName', ellipsis: true },
    { title: '职务', dataIndex: 'position', width: 110, render: (v: CadreListItem['position'], r) => `${CADRE_POSITION_LABELS[v]}${r.fullTime ? '(专职)' : ''}` },
    {
      title: '认定学时', key: 'hours', width: 120,
      render: (_v, r) => {
        const e = entries.get(r.id);
        return <InputNumber size="small" min={0} max={training.hours} step={0.5} precision={1} disabled={!e?.signedIn} value={e?.signedIn ? e.hours : undefined} onChange={(v) => put(r.id, { signedIn: true, hours: v ?? 0 })} />;
      },
    },
  ];
  const all = cadres.data?.items ?? [];
  const signed = [...entries.values()].filter((e) => e.signedIn).length;
  return (
    <Modal open={open} width={820} title={`录入签到:${training.title}`} okText={`保存(${signed} 人签到)`} cancelText="取消" okButtonProps={{ disabled: entries.size === 0 }} confirmLoading={save.isPending} onOk={() => save.mutate()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">勾选签到的干部,默认认定本班 {training.hours} 学时,可酌减;取消勾选记为缺席。名单为主办单位及下级工会的在任干部。</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Input.Search allowClear placeholder="按姓名查找" style={{ width: 200, marginBottom: 8 }} onSearch={(v) => setQ(v || undefined)} />
      <Typography.Link style={{ marginLeft: 12 }} onClick={() => all.forEach((r) => !entries.get(r.id)?.signedIn && put(r.id, { signedIn: true, hours: training.hours }))}>
        全部签到
      </Typography.Link>
      <Table<CadreListItem> rowKey="id" size="small" loading={cadres.isFetching} columns={columns} dataSource={all} pagination={{ pageSize: 10, showSizeChanger: false }} scroll={{ y: 420 }} locale={{ emptyText: '主办单位下没有在任干部' }} data-testid="attendance-table" />
    </Modal>
  );
}
