import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, type Competition, type CompetitionScore } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { competitionApi, competitionKeys } from '../../api/competition.api';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';
import { CompetitionScoreForm } from './competition-score-form.component';

type EvidenceType = (typeof EVIDENCE_TYPES)[number];
const OPTIONS = EVIDENCE_TYPES.map((value) => ({ value, label: EVIDENCE_TYPE_LABELS[value] }));
const STATUS_COLORS = { submitted: 'processing', verified: 'success', returned: 'warning' } as const;

function Evidence({ s, onChanged }: { s: CompetitionScore; onChanged: () => void }) {
  const { message } = App.useApp();
  const api = competitionApi.evidence;
  const upload = useMutation({ mutationFn: ({ type, file }: { type: EvidenceType; file: File }) => api.upload(s.id, type, file), onSuccess: onChanged, onError: (e) => void message.error(errorMessage(e)) });
  const remove = useMutation({ mutationFn: (fileId: string) => api.remove(s.id, fileId), onSuccess: onChanged, onError: (e) => void message.error(errorMessage(e)) });
  const edit = s.abilities.canEdit;
  return (
    <Flex vertical gap={4}>
      {s.evidence.length > 0 ? <AttachmentList items={s.evidence} labelOf={(t) => EVIDENCE_TYPE_LABELS[t as EvidenceType] ?? t} href={(fileId) => api.href(s.id, fileId)} onRemove={edit ? (fileId) => remove.mutate(fileId) : undefined} removing={null} /> : null}
      {edit ? <AttachmentUpload<EvidenceType> compact options={OPTIONS} initialType="photo" busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : s.evidence.length === 0 ? '—' : null}
    </Flex>
  );
}

/** 得分填报与核定: the score form (participants' side), the period's scores with evidence, verify / return (organiser). */
export function CompetitionScores({ c }: { c: Competition }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [returning, setReturning] = useState<CompetitionScore | null>(null);
  const [reason, setReason] = useState('');
  const scores = useQuery({ queryKey: competitionKeys.scores(c.id, period), queryFn: () => competitionApi.scores(c.id, period) });
  const refresh = () => void qc.invalidateQueries({ queryKey: competitionKeys.all });
  const review = useMutation({
    mutationFn: ({ s, action }: { s: CompetitionScore; action: 'verify' | 'return' }) => (action === 'verify' ? competitionApi.verify(s.id) : competitionApi.returnScore(s.id, reason)),
    onSuccess: (s) => {
      refresh();
      setReturning(null);
      setReason('');
      void message.success(`${s.participantName} ${s.periodLabel}:${s.statusLabel}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const columns: TableColumnsType<CompetitionScore> = [
    { title: '参赛对象', dataIndex: 'participantName' },
    { title: '阶段', dataIndex: 'periodLabel', width: 100 },
    { title: '各项得分', key: 'values', render: (_v, s) => s.values.map((v) => `${c.indicators.find((i) => i.key === v.key)?.title ?? v.key} ${v.points}`).join(' / ') },
    { title: '加权得分', dataIndex: 'score', width: 90, align: 'right' },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: CompetitionScore['status'], s) => <Tag color={STATUS_COLORS[v]}>{s.statusLabel}</Tag> },
    { title: '佐证材料', key: 'evidence', width: 240, render: (_v, s) => <Evidence s={s} onChanged={refresh} /> },
    { title: '说明', dataIndex: 'note', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '核定',
      key: 'op',
      width: 140,
      render: (_v, s) =>
        s.abilities.canVerify ? (
          <Flex gap={4}>
            <Popconfirm title="核定该得分?" description="核定后不能再修改。" okText="核定" cancelText="取消" onConfirm={() => review.mutate({ s, action: 'verify' })}>
              <Button size="small" type="link">核定</Button>
            </Popconfirm>
            <Button size="small" type="link" danger onClick={() => setReturning(s)}>退回</Button>
          </Flex>
        ) : null,
    },
  ];
  return (
    <>
      {c.abilities.canSubmitScore && c.participantList.length > 0 ? <CompetitionScoreForm c={c} onSaved={refresh} /> : null}
      {c.status === 'draft' ? <Typography.Paragraph type="secondary">竞赛启动后可填报得分。</Typography.Paragraph> : null}
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <Select allowClear placeholder="全部阶段" style={{ width: 140 }} value={period} onChange={setPeriod} options={c.periods.map((p) => ({ value: p.key, label: p.label }))} />
      </Flex>
      <Table<CompetitionScore> rowKey="id" size="small" loading={scores.isFetching} columns={columns} dataSource={scores.data ?? []} pagination={{ pageSize: 20 }} locale={{ emptyText: '尚无得分' }} scroll={{ x: 1100 }} data-testid="score-table" />
      <Modal open={returning !== null} title="退回得分" okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: reason.trim() === '' }} confirmLoading={review.isPending} onCancel={() => setReturning(null)} onOk={() => returning && review.mutate({ s: returning, action: 'return' })}>
        <Input.TextArea rows={3} maxLength={200} placeholder="退回原因(必填),如:缺少质量检验报告" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
