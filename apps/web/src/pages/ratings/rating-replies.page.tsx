import { useState } from 'react';
import { Button, Input, Modal, Select, Table, Tag, Typography, message } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RATING_LEVEL_LABELS, type RatingLevel, type RatingReplyItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { ratingApi, ratingKeys } from '../../api/rating.api';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';

/** 测评意见答复: comments whose raters asked for a reply, for the rated unit's union (or the organiser) to answer. */
export function RatingRepliesPage() {
  const qc = useQueryClient();
  const [q, setQ] = useState<{ page: number; pageSize: number; answered?: 'true' | 'false' }>({ page: 1, pageSize: 20, answered: 'false' });
  const [target, setTarget] = useState<RatingReplyItem | null>(null);
  const [text, setText] = useState('');
  const list = useQuery({ queryKey: ratingKeys.replies(q), queryFn: () => ratingApi.replies(q), placeholderData: keepPreviousData });
  const answer = useMutation({
    mutationFn: () => ratingApi.answer(target!.id, text),
    onSuccess: () => {
      void message.success('已答复');
      setTarget(null);
      setText('');
      void qc.invalidateQueries({ queryKey: ratingKeys.all });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const columns = [
    { title: '时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
    { title: '测评', dataIndex: 'campaignTitle', width: 200, ellipsis: true },
    { title: '被测评单位', dataIndex: 'unitName', width: 150 },
    { title: '评价', dataIndex: 'levels', width: 220, render: (v: number[]) => v.map((l) => RATING_LEVEL_LABELS[l as RatingLevel]).join('/') },
    { title: '意见', dataIndex: 'comment', render: (v: string | null) => v ?? '—' },
    { title: '联系方式', dataIndex: 'contactMasked', width: 130 },
    { title: '答复', dataIndex: 'replyText', render: (v: string | null, r: RatingReplyItem) => (v ? <span><Tag color="green">已答复</Tag>{v}</span> : <Button size="small" onClick={() => setTarget(r)}>答复</Button>) },
  ];
  return (
    <>
      <PageTitle title="测评意见答复" />
      <Typography.Paragraph type="secondary">测评人对本单位(或本单位组织的测评)提出意见并要求回复的,请及时联系并在此登记答复内容。联系方式已脱敏显示。</Typography.Paragraph>
      <Select style={{ width: 140, marginBottom: 12 }} value={q.answered ?? ''} onChange={(v) => setQ({ ...q, page: 1, answered: (v || undefined) as 'true' | 'false' | undefined })} options={[{ value: 'false', label: '待答复' }, { value: 'true', label: '已答复' }, { value: '', label: '全部' }]} />
      <Table<RatingReplyItem> rowKey="id" size="small" loading={list.isFetching} columns={columns} dataSource={list.data?.items ?? []} locale={{ emptyText: '暂无需要答复的测评意见' }} pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, onChange: (p, s) => setQ({ ...q, page: p, pageSize: s }) }} />
      <Modal open={!!target} title={`答复:${target?.unitName ?? ''}`} okButtonProps={{ disabled: !text.trim() }} confirmLoading={answer.isPending} onOk={() => answer.mutate()} onCancel={() => setTarget(null)}>
        <Typography.Paragraph>{target?.comment ?? '(未填写意见)'}</Typography.Paragraph>
        <Input.TextArea rows={4} maxLength={1000} placeholder="答复内容" value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </>
  );
}
