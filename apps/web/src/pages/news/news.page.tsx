import { useState } from 'react';
import { App, Button, DatePicker, Flex, Input, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, PushpinOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { NewsListItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { newsApi, newsKeys, type NewsFilter } from '../../api/news.api';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { CATEGORY_OPTIONS, NewsStatusTag, REVIEW_RULE, STATUS_OPTIONS } from './news-labels';

type Box = 'all' | 'inbox';

/** 宣传稿件: all articles in scope or the review queue (待我审核), filtered, paged, exported with view counts. */
export function NewsPage({ initialBox = 'all' }: { initialBox?: Box }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [box, setBox] = useState<Box>(initialBox);
  const [filters, setFilters] = useState<NewsFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, box, ...page };
  const list = useQuery({ queryKey: newsKeys.list(query), queryFn: () => newsApi.list(query), placeholderData: keepPreviousData });
  const set = (next: NewsFilter) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const columns: TableColumnsType<NewsListItem> = [
    { title: '标题', dataIndex: 'title', ellipsis: true, render: (v: string, r) => <>{r.pinned ? <PushpinOutlined style={{ color: '#c8161d', marginInlineEnd: 4 }} /> : null}<Link to={`/news/${r.id}`}>{v}</Link></> },
    { title: '栏目', dataIndex: 'categoryLabel', width: 100 },
    { title: '来源单位', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '作者', dataIndex: 'author', width: 140, ellipsis: true },
    { title: '范围', dataIndex: 'publishScope', width: 90, render: (v: string) => (v === 'public' ? <Tag>公开</Tag> : <Tag color="blue">会员</Tag>) },
    { title: '状态', key: 'status', width: 170, render: (_v, r) => <><NewsStatusTag status={r.status} />{r.reviewerOrgName ? <div style={{ fontSize: 12, color: '#888' }}>待 {r.reviewerOrgName} 审核</div> : null}</> },
    { title: '发布时间', dataIndex: 'publishedAt', width: 140, render: (v: string | null) => (v ? formatTime(v, 'YYYY-MM-DD HH:mm') : '—') },
    { title: '阅读量', dataIndex: 'viewCount', width: 90, align: 'right' },
  ];
  const exportList = () => newsApi.export({ ...filters }).catch((e: unknown) => void message.error(errorMessage(e)));
  return (
    <>
      <PageTitle
        title={initialBox === 'inbox' ? '稿件审核' : '宣传稿件'}
        extra={
          <Flex gap={8}>
            <Button icon={<DownloadOutlined />} onClick={() => void exportList()} data-testid="export-news">导出Excel</Button>
            {hasPermission(user, 'news:article:write') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/news/new')} data-testid="create-news">撰写稿件</Button> : null}
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">
        各级工会撰写工作动态、基层风采、劳模故事、工匠风采等稿件,提交后由上级工会审核发布。公开稿件出现在<a href="/public/news" target="_blank" rel="noreferrer">工会新闻公开页</a>和会员手机端;“仅会员”稿件只有本单位及下级工会的会员能在手机端看到。{REVIEW_RULE}
      </Typography.Paragraph>
      <Tabs activeKey={box} onChange={(k) => { setBox(k as Box); setPage((p) => ({ ...p, page: 1 })); }} items={[{ key: 'all', label: '全部稿件' }, { key: 'inbox', label: '待我审核' }]} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="标题、作者、摘要" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="栏目" style={{ width: 130 }} options={CATEGORY_OPTIONS} onChange={(v?: string) => set({ category: v })} data-testid="filter-category" />
        <Select allowClear placeholder="状态" style={{ width: 120 }} options={STATUS_OPTIONS} onChange={(v?: NewsFilter['status']) => set({ status: v })} data-testid="filter-status" />
        <OrgTreeSelect allowClear placeholder="单位(含下级)" style={{ width: 220 }} onChange={(v: string | undefined) => set({ orgId: v })} />
        <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} onChange={(d) => set({ from: d?.[0]?.format('YYYY-MM-DD'), to: d?.[1]?.format('YYYY-MM-DD') })} />
      </Flex>
      <Table<NewsListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: box === 'inbox' ? '没有待您审核的稿件' : '暂无稿件。点击“撰写稿件”写第一篇。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 篇`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="news-list"
      />
    </>
  );
}

/** 稿件审核: the review queue of the caller's union. */
export function NewsReviewPage() {
  return <NewsPage initialBox="inbox" />;
}
