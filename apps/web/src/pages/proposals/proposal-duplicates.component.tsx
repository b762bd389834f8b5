import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { DuplicatePair, SimilarProposal } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { proposalApi, proposalKeys } from '../../api/proposal.api';

const side = (p: SimilarProposal) => (
  <>
    <Link to={`/proposals/${p.id}`}>{p.title}</Link>
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{p.category} · 附议 {p.supportCount}</Typography.Text>
  </>
);

/** 疑似重复建议: pairs of open proposals whose character trigrams overlap; merge the one with fewer supports into the other. */
export function ProposalDuplicates({ collectionId, canMerge }: { collectionId: string; canMerge: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const pairs = useQuery({ queryKey: proposalKeys.duplicates(collectionId), queryFn: () => proposalApi.duplicates(collectionId) });
  const merge = useMutation({
    mutationFn: ({ from, into }: { from: string; into: string }) => proposalApi.merge(from, into, '与相同建议合并'),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void message.success('已合并,附议已并入');
    },
    onError: (e) => void message.error(errorMessage(e)),
    onSettled: () => setBusy(null),
  });
  const columns: TableColumnsType<DuplicatePair> = [
    { title: '建议甲', key: 'a', render: (_v, r) => side(r.a) },
    { title: '建议乙', key: 'b', render: (_v, r) => side(r.b) },
    { title: '相似度', dataIndex: 'similarity', width: 90, render: (v: number) => `${Math.round(v * 100)}%` },
    {
      title: '操作',
      key: 'op',
      width: 160,
      render: (_v, r) => {
        if (!canMerge) return null;
        const [keep, drop] = r.a.supportCount >= r.b.supportCount ? [r.a, r.b] : [r.b, r.a];
        return (
          <Popconfirm title={`把「${drop.title}」合并到「${keep.title}」?`} description="附议人与提出人并入目标建议,提出人会收到通知;合并后不能撤销。" okText="合并" onConfirm={() => { setBusy(drop.id); merge.mutate({ from: drop.id, into: keep.id }); }}>
            <Button size="small" loading={busy === drop.id}>合并到附议多的</Button>
          </Popconfirm>
        );
      },
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">按标题和内容的字符三元组相似度(≥25%)找出的疑似重复建议;合并前请先审核公开目标建议。</Typography.Paragraph>
      {pairs.isError ? <Alert type="error" showIcon title={errorMessage(pairs.error)} /> : null}
      <Table<DuplicatePair> rowKey={(r) => `${r.a.id}-${r.b.id}`} size="middle" columns={columns} dataSource={pairs.data?.items ?? []} loading={pairs.isFetching} pagination={false} locale={{ emptyText: '没有发现疑似重复的建议' }} />
    </>
  );
}
