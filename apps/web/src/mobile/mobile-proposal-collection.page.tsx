import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, List, Select, Skeleton, Tag, Typography } from 'antd';
import { LikeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { PROPOSAL_COLLECTION_STATUS_LABELS } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { myProposalApi, proposalKeys } from '../api/proposal.api';

/** 办实事建议 (H5): the city's collection, its public proposals (most supported first), propose, my proposals, vote. */
export function MobileProposalCollectionPage() {
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const collections = useQuery({ queryKey: proposalKeys.collections({ mobile: true }), queryFn: myProposalApi.collections });
  const items = collections.data?.items ?? [];
  const current = items.find((c) => c.id === picked) ?? items.find((c) => c.status !== 'closed') ?? items[0];
  const list = useQuery({ queryKey: proposalKeys.publicList(current?.id ?? '', { category }), queryFn: () => myProposalApi.list(current!.id, { category, pageSize: 50 }), enabled: !!current });
  const title = <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">办实事建议</Typography.Title>;
  if (collections.isPending) return <>{title}<Skeleton active /></>;
  if (collections.isError) return <>{title}<Alert type="error" showIcon title={errorMessage(collections.error)} /></>;
  if (!current) return <>{title}<Empty description="暂无征集活动" /></>;
  return (
    <>
      {title}
      <Card size="small" style={{ marginBottom: 12 }}>
        {items.length > 1 ? <Select style={{ width: '100%', marginBottom: 8 }} value={current.id} onChange={(v: string) => { setPicked(v); setCategory(undefined); }} options={items.map((c) => ({ value: c.id, label: c.title }))} /> : null}
        <Typography.Text strong data-testid="collection-title">{current.title}</Typography.Text>
        <Tag color="red" style={{ marginInlineStart: 8 }}>{PROPOSAL_COLLECTION_STATUS_LABELS[current.status]}</Tag>
        <div style={{ fontSize: 13, color: '#888' }}>征集时间 {current.opensOn} ~ {current.closesOn} · 已公开建议 {current.counts.public} 条</div>
        {current.description ? <Typography.Paragraph style={{ fontSize: 13, margin: '6px 0 0' }}>{current.description}</Typography.Paragraph> : null}
        <Flex gap={8} style={{ marginTop: 10 }} wrap>
          {current.status === 'collecting' ? <Button type="primary" onClick={() => void navigate(`/m/proposals/new?collection=${current.id}`)} data-testid="propose">我要提建议</Button> : null}
          {current.status === 'voting' ? <Button type="primary" onClick={() => void navigate(`/m/proposals/vote/${current.id}`)} data-testid="go-vote">参加投票</Button> : null}
          <Button onClick={() => void navigate('/m/proposals/mine')}>我的建议</Button>
          <Button href="/public/proposals" target="_blank">结果公示</Button>
        </Flex>
      </Card>
      <Select allowClear placeholder="全部类别" style={{ width: '100%', marginBottom: 8 }} value={category} onChange={(v: string | undefined) => setCategory(v)} options={current.categories.map((c) => ({ value: c, label: c }))} />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      <List
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '还没有公开的建议,来提第一条吧' }}
        renderItem={(p) => (
          <Link to={`/m/proposals/${p.id}`} style={{ display: 'block' }}>
            <Card size="small" style={{ marginBottom: 8 }} data-testid="public-proposal">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{p.title}</Typography.Text>
                <span style={{ whiteSpace: 'nowrap', color: p.supportedByMe ? '#c8161d' : '#888' }}><LikeOutlined /> {p.supportCount}</span>
              </Flex>
              <div style={{ fontSize: 12, color: '#888' }}>{p.category}{p.shortlisted ? ' · 入围' : ''}{p.project ? ' · 已采纳' : ''}</div>
            </Card>
          </Link>
        )}
      />
    </>
  );
}
