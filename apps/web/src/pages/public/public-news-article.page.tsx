import { Alert, Button, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-client';
import { newsKeys, publicNewsApi } from '../../api/news.api';
import { formatTime } from '../../app/time';
import { NewsBody } from '../../components/news-body.component';
import { PublicNewsLayout } from './public-news-layout.component';

/** One public article (no login); reading it counts a view (once per reader a day). */
export function PublicNewsArticlePage() {
  const { id = '' } = useParams();
  const read = useQuery({ queryKey: newsKeys.publicRead(id), queryFn: () => publicNewsApi.read(id), retry: false });
  const a = read.data;
  return (
    <PublicNewsLayout title={a?.title ?? '工会新闻'}>
      <Link to="/public/news"><Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>返回新闻列表</Button></Link>
      {read.isPending ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {read.isError ? (read.error instanceof ApiError && read.error.status === 404 ? <Empty description="文章不存在或已撤下" style={{ marginTop: 48 }} /> : <Alert type="error" showIcon title={errorMessage(read.error)} />) : null}
      {a ? (
        <Card data-testid="public-news-article">
          <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="news-title">{a.title}</Typography.Title>
          <div style={{ textAlign: 'center', color: '#888', marginBottom: 16 }}>
            <Tag>{a.categoryLabel}</Tag>{a.orgName} · {a.author} · {formatTime(a.publishedAt, 'YYYY-MM-DD HH:mm')} · <EyeOutlined /> {a.viewCount}
          </div>
          {a.coverUrl ? <img src={a.coverUrl} alt="" style={{ display: 'block', maxWidth: '100%', margin: '0 auto 16px', borderRadius: 6 }} /> : null}
          <NewsBody body={a.body} />
        </Card>
      ) : null}
    </PublicNewsLayout>
  );
}
