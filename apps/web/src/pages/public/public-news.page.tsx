import { useState } from 'react';
import { Alert, Card, Empty, Flex, Pagination, Skeleton, Tabs, Tag, Typography } from 'antd';
import { EyeOutlined, PushpinOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { NEWS_CATEGORIES, type NewsFeedItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { newsKeys, publicNewsApi } from '../../api/news.api';
import { formatTime } from '../../app/time';
import { PublicNewsLayout } from './public-news-layout.component';

function NewsCard({ item }: { item: NewsFeedItem }) {
  return (
    <Link to={`/public/news/${item.id}`} style={{ color: 'inherit' }} data-testid="public-news-item">
      <Card size="small" hoverable>
        <Flex gap={12}>
          {item.coverUrl ? <img src={item.coverUrl} alt="" style={{ width: 160, height: 90, objectFit: 'cover', borderRadius: 4, flex: 'none' }} /> : null}
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {item.pinned ? <PushpinOutlined style={{ color: '#c8161d', marginInlineEnd: 4 }} /> : null}
              {item.title}
            </Typography.Text>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>{item.summary}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Tag>{item.categoryLabel}</Tag>{item.orgName} · {formatTime(item.publishedAt, 'YYYY-MM-DD')} · <EyeOutlined /> {item.viewCount}
            </Typography.Text>
          </div>
        </Flex>
      </Card>
    </Link>
  );
}

/** 工会新闻 (no login): published public articles, pinned first, by category, paged. */
export function PublicNewsPage() {
  const [category, setCategory] = useState<string>('all');
  const [page, setPage] = useState(1);
  const query = { category: category === 'all' ? undefined : category, page, pageSize: 10 };
  const list = useQuery({ queryKey: newsKeys.publicFeed(query), queryFn: () => publicNewsApi.list(query), placeholderData: keepPreviousData, staleTime: 0 });
  return (
    <PublicNewsLayout title="工会新闻">
      <Tabs activeKey={category} onChange={(k) => { setCategory(k); setPage(1); }} items={[{ key: 'all', label: '全部' }, ...NEWS_CATEGORIES.map((c) => ({ key: c.code, label: c.label }))]} data-testid="news-categories" />
      {list.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      {list.data && list.data.items.length === 0 ? <Empty description="该栏目暂无文章" style={{ marginTop: 48 }} /> : null}
      <Flex vertical gap={10}>
        {(list.data?.items ?? []).map((item) => <NewsCard key={item.id} item={item} />)}
      </Flex>
      {list.data && list.data.total > 10 ? <Pagination style={{ marginTop: 16, textAlign: 'center' }} current={page} pageSize={10} total={list.data.total} showSizeChanger={false} onChange={setPage} /> : null}
    </PublicNewsLayout>
  );
}
