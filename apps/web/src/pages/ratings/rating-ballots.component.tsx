import { useState } from 'react';
import { Button, Flex, Input, Modal, Select, Table, Tag, Typography, message } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RATING_FLAG_LABELS, RATING_LEVEL_LABELS, type RatingBallot, type RatingCampaign, type RatingLevel } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { ratingApi, ratingKeys, type BallotQuery } from '../../api/rating.api';
import { formatTime } from '../../app/time';

const lvl = (v: number) => RATING_LEVEL_LABELS[v as RatingLevel];

/** 答卷与异常: flagged ballots first filter; staff exclude (or restore) selected ballots with a reason, audited. */
export function RatingBallots({ campaign }: { campaign: RatingCampaign }) {
  const qc = useQueryClient();
  const [q, setQ] = useState<BallotQuery>({ page: 1, pageSize: 20, flagged: 'true' });
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<{ excluded: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const list = useQuery({ queryKey: ratingKeys.ballots(campaign.id, q), queryFn: () => ratingApi.ballots(campaign.id, q), placeholderData: keepPreviousData });
  const act = useMutation({
    mutationFn: (excluded: boolean) => ratingApi.exclude(campaign.id, { ballotIds: selected, excluded, reason }),
    onSuccess: (r) => {
      void message.success(`已处理 ${r.changed} 份答卷`);
      setDialog(null);
      setSelected([]);
      setReason('');
      void qc.invalidateQueries({ queryKey: ratingKeys.all });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const canExclude = list.data?.items[0]?.canExclude ?? false;
  const columns = [
    { title: '提交时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatTime(v, 'MM-DD HH:mm:ss') },
    { title: '被测评单位', dataIndex: 'unitName' },
    { title: '群体', dataIndex: 'groupName', width: 100 },
    { title: '态度/廉洁/成效', width: 200, render: (_: unknown, r: RatingBallot) => `${lvl(r.attitude)}/${lvl(r.integrity)}/${lvl(r.effect)}` },
    { title: '来源', dataIndex: 'ipMasked', width: 110, render: (v: string | null, r: RatingBallot) => (r.raterKind === 'member' ? '会员登录' : (v ?? '—')) },
    { title: '异常', dataIndex: 'flagReasons', render: (v: string[]) => v.map((f) => <Tag color="red" key={f}>{RATING_FLAG_LABELS[f] ?? f}</Tag>) },
    { title: '状态', dataIndex: 'excluded', width: 160, render: (v: boolean, r: RatingBallot) => (v ? <Tag title={r.excludedReason ?? ''}>已剔除</Tag> : <Tag color="green">有效</Tag>) },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">系统自动标记短时间内同一网络地址与设备大量提交、同一单位大量完全相同答卷的情况。标记本身不影响结果,剔除后的答卷不计入满意率;剔除须填写理由并记入审计日志,结果发布后不能再改。</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 140 }} value={q.flagged ?? ''} onChange={(v) => setQ({ ...q, page: 1, flagged: (v || undefined) as BallotQuery['flagged'] })} options={[{ value: 'true', label: '仅异常答卷' }, { value: 'false', label: '无异常答卷' }, { value: '', label: '全部答卷' }]} />
        <Select style={{ width: 120 }} value={q.excluded ?? ''} onChange={(v) => setQ({ ...q, page: 1, excluded: (v || undefined) as BallotQuery['excluded'] })} options={[{ value: '', label: '全部状态' }, { value: 'false', label: '有效' }, { value: 'true', label: '已剔除' }]} />
        {canExclude ? (
          <>
            <Button danger disabled={!selected.length} onClick={() => setDialog({ excluded: true })} data-testid="rating-exclude">剔除所选({selected.length})</Button>
            <Button disabled={!selected.length} onClick={() => setDialog({ excluded: false })}>恢复所选</Button>
          </>
        ) : null}
      </Flex>
      <Table<RatingBallot>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        rowSelection={canExclude ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]) } : undefined}
        locale={{ emptyText: '没有符合条件的答卷' }}
        pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 份`, onChange: (p, s) => setQ({ ...q, page: p, pageSize: s }) }}
      />
      <Modal open={!!dialog} title={dialog?.excluded ? '剔除答卷' : '恢复答卷'} okButtonProps={{ danger: dialog?.excluded, disabled: !reason.trim() }} confirmLoading={act.isPending} onOk={() => act.mutate(!!dialog?.excluded)} onCancel={() => setDialog(null)}>
        <Typography.Paragraph>将{dialog?.excluded ? '剔除' : '恢复'} {selected.length} 份答卷,{dialog?.excluded ? '剔除后不计入满意率' : '恢复后重新计入满意率'}。</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={200} placeholder="理由(必填,记入审计日志)" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
