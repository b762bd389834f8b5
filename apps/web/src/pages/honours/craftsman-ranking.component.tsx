import { Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { craftsmanApi, craftsmanKeys, type CraftsmanRankingItem } from '../../api/craftsman.api';

/** 综合评审排名: each candidate's trimmed mean of the experts' totals, equal scores share a rank. */
export function CraftsmanRanking({ callId }: { callId: string }) {
  const q = useQuery({ queryKey: craftsmanKeys.ranking(callId), queryFn: () => craftsmanApi.ranking(callId) });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>综合评审排名</Typography.Title>
      <Table<CraftsmanRankingItem>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无已提交的推荐' }}
        data-testid="craftsman-ranking"
        columns={[
          { title: '名次', dataIndex: 'rank', width: 70, render: (v: number | null) => v ?? '—' },
          { title: '姓名', dataIndex: 'memberName', width: 100, render: (v: string, r) => <Link to={`/honours/craftsman/nominations/${r.id}`}>{v}</Link> },
          { title: '职业(工种)', dataIndex: 'trade', width: 140 },
          { title: '推荐单位', dataIndex: 'nominatingOrgName', ellipsis: true },
          { title: '评分专家', dataIndex: 'scoreCount', width: 90, align: 'right' },
          { title: '综合得分', dataIndex: 'finalScore', width: 100, align: 'right', render: (v: number | null) => v ?? '未评分' },
          { title: '进度', dataIndex: 'stageLabel', width: 130, render: (v: string, r) => <Tag>{r.decisionLabel ?? v}</Tag> },
        ]}
      />
    </>
  );
}
