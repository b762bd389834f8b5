import { useState } from 'react';
import { Button, Segmented, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { NEWS_CATEGORIES } from '@gonghui/contracts';
import { memberNewsApi, newsKeys } from '../api/news.api';
import { formatTime } from '../app/time';
import { MobileItemList, MobilePageTitle } from './mobile-item-list.component';

const PAGE_SIZE = 10;

/** 工会新闻 (H5): published articles the member may read (public, and members-only ones of their unions), newest first. */
export function MobileNewsListPage() {
  const [category, setCategory] = useState('all');
  const [size, setSize] = useState(PAGE_SIZE);
  const query = { category: category === 'all' ? undefined : category, page: 1, pageSize: size };
  const list = useQuery({ queryKey: newsKeys.memberFeed(query), queryFn: () => memberNewsApi.list(query), staleTime: 0 });
  const more = (list.data?.total ?? 0) > (list.data?.items.length ?? 0);
  return (
    <>
      <MobilePageTitle>工会新闻</MobilePageTitle>
      <div style={{ overflowX: 'auto', marginBottom: 8 }}>
        <Segmented size="small" value={category} onChange={(v) => { setCategory(String(v)); setSize(PAGE_SIZE); }} options={[{ value: 'all', label: '全部' }, ...NEWS_CATEGORIES.map((c) => ({ value: c.code, label: c.label }))]} />
      </div>
      <MobileItemList
        load={list}
        empty="暂无文章"
        testId="mobile-news-item"
        items={list.data?.items.map((n) => ({
          id: n.id,
          to: `/m/news/${n.id}`,
          title: n.title,
          description: n.summary,
          tags: (
            <>
              {n.pinned ? <Tag color="red">置顶</Tag> : null}
              <Tag>{n.categoryLabel}</Tag>
            </>
          ),
          meta: (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.orgName} · {formatTime(n.publishedAt, 'MM-DD')} · 阅读 {n.viewCount}
            </Typography.Text>
          ),
        }))}
      />
      {more ? <Button block style={{ marginTop: 12 }} loading={list.isFetching} onClick={() => setSize((s) => s + PAGE_SIZE)}>加载更多</Button> : null}
    </>
  );
}
