import { useState } from 'react';
import { Button, Flex, Input, InputNumber, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { MailOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { RATING_STATES, RATING_STATE_LABELS, type RatingCampaignListItem } from '@gonghui/contracts';
import { ratingApi, ratingKeys, type RatingListQuery } from '../../api/rating.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { RatingCampaignFormModal } from './rating-campaign-form-modal.component';
import { RATING_HELP, RATING_STATE_COLORS } from './rating-labels';

const columns: TableColumnsType<RatingCampaignListItem> = [
  { title: '测评活动', dataIndex: 'title', render: (v: string, r) => <Link to={`/ratings/${r.id}`}>{v}</Link> },
  { title: '年度', dataIndex: 'year', width: 80 },
  { title: '组织单位', dataIndex: 'orgName', width: 150 },
  { title: '测评时间', width: 210, render: (_, r) => `${r.startsOn} 至 ${r.endsOn}` },
  { title: '被测评单位', dataIndex: 'units', width: 100 },
  { title: '参评人数', dataIndex: 'raters', width: 90 },
  { title: '异常答卷', dataIndex: 'flagged', width: 90, render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
  { title: '状态', dataIndex: 'state', width: 90, render: (v: RatingCampaignListItem['state']) => <Tag color={RATING_STATE_COLORS[v]}>{RATING_STATE_LABELS[v]}</Tag> },
];

/** 满意不满意单位评选: the campaigns in the user's scope. */
export function RatingCampaignsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [q, setQ] = useState<RatingListQuery>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ratingKeys.list(q), queryFn: () => ratingApi.list(q), placeholderData: keepPreviousData });
  const set = (next: Partial<RatingListQuery>) => setQ((c) => ({ ...c, ...next, page: 1 }));
  return (
    <>
      <PageTitle
        title="满意不满意单位评选"
        extra={
          <>
            {hasPermission(user, 'notify:sms:list') ? <Button icon={<MailOutlined />} onClick={() => void navigate('/ratings/sms-outbox')}>短信发送队列</Button> : null}
            {hasPermission(user, 'rating:campaign:manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-rating">新建测评</Button> : null}
          </>
        }
      />
      <Typography.Paragraph type="secondary">{RATING_HELP}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="测评名称" style={{ width: 220 }} onSearch={(v) => set({ q: v || undefined })} />
        <Select allowClear placeholder="状态" style={{ width: 120 }} options={RATING_STATES.map((s) => ({ value: s, label: RATING_STATE_LABELS[s] }))} onChange={(v?: RatingListQuery['state']) => set({ state: v })} />
        <InputNumber placeholder="年度" min={2000} max={2100} style={{ width: 100 }} onChange={(v) => set({ year: v ?? undefined })} />
      </Flex>
      <Table<RatingCampaignListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无测评活动。点击“新建测评”开始组织满意不满意单位评选。' }}
        pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 项`, onChange: (p, s) => setQ((c) => ({ ...c, page: p, pageSize: s })) }}
        data-testid="rating-list"
      />
      <RatingCampaignFormModal open={creating} onClose={() => setCreating(false)} onSaved={(c) => { setCreating(false); void navigate(`/ratings/${c.id}`); }} />
    </>
  );
}
