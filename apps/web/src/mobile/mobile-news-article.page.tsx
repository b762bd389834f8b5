import { Alert, Empty, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/api-client';
import { memberNewsApi, newsKeys } from '../api/news.api';
import { formatTime } from '../app/time';
import { NewsBody } from '../components/news-body.component';

/** One article on the phone; reading it counts a view (once a day per member). */
export function MobileNewsArticlePage() {
  const { id = '' } = useParams();
  const read = useQuery({ queryKey: newsKeys.memberRead(id), queryFn: () => memberNewsApi.read(id), retry: false });
  if (read.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (read.isError) return read.error instanceof ApiError && read.error.status === 404 ? <Empty description="文章不存在或已撤下" /> : <Alert type="error" showIcon title={errorMessage(read.error)} />;
  const a = read.data;
  return (
    <article data-testid="mobile-news-article">
      <Typography.Title level={4} style={{ marginTop: 4 }} data-testid="page-title">{a.title}</Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 12 }}>
        <Tag>{a.categoryLabel}</Tag>{a.membersOnly ? <Tag color="blue">会员</Tag> : null}{a.orgName} · {a.author} · {formatTime(a.publishedAt, 'YYYY-MM-DD')} · 阅读 {a.viewCount}
      </Typography.Text>
      {a.coverUrl ? <img src={a.coverUrl} alt="" style={{ width: '100%', borderRadius: 6, marginBottom: 12 }} /> : null}
      <NewsBody body={a.body} size={15} />
    </article>
  );
}
