import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, EditOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { NEWS_SCOPE_LABELS, type NewsArticle } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { newsApi, newsKeys, type NewsAction } from '../../api/news.api';
import { formatTime } from '../../app/time';
import { NewsBody } from '../../components/news-body.component';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { NewsActionModal } from './news-action-modal.component';
import { NewsCover } from './news-cover.component';
import { NewsStatusTag } from './news-labels';

function Actions({ a, onAct, onEdit }: { a: NewsArticle; onAct: (x: NewsAction) => void; onEdit: () => void }) {
  const can = a.abilities;
  return (
    <Flex gap={8} wrap data-testid="news-actions">
      {can.canEdit ? <Button icon={<EditOutlined />} onClick={onEdit}>修改</Button> : null}
      {can.canSubmit ? <Button type="primary" onClick={() => onAct('submit')}>提交审核</Button> : null}
      {can.canApprove ? <Button type="primary" icon={<AuditOutlined />} onClick={() => onAct('approve')}>审核发布</Button> : null}
      {can.canReturn ? <Button onClick={() => onAct('return')}>退回修改</Button> : null}
      {can.canWithdraw ? <Button danger onClick={() => onAct('withdraw')}>撤回</Button> : null}
      {can.canTakeDown ? <Button danger onClick={() => onAct('take_down')}>撤下</Button> : null}
      {a.status === 'published' && a.publishScope === 'public' ? <Button icon={<EyeOutlined />} href={`/public/news/${a.id}`} target="_blank">在公开页查看</Button> : null}
    </Flex>
  );
}

/** 稿件预览: the article as readers will see it, its facts, the review record and the actions its abilities allow. */
export function NewsDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<NewsAction | null>(null);
  const detail = useQuery({ queryKey: newsKeys.detail(id), queryFn: () => newsApi.get(id), staleTime: 0 });
  const changed = (next: NewsArticle) => {
    queryClient.setQueryData(newsKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: newsKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/news')}>返回列表</Button>;
  if (detail.isPending) return <><PageTitle title="稿件" extra={back} /><Skeleton active paragraph={{ rows: 10 }} /></>;
  if (detail.isError) {
    return (
      <>
        <PageTitle title="稿件" extra={back} />
        {detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="稿件不存在或不在您的数据范围内" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}
      </>
    );
  }
  const a = detail.data;
  const pending = a.status === 'in_review' && a.reviewerOrgName ? `待 ${a.reviewerOrgName} 审核` : null;
  return (
    <>
      <PageTitle title="稿件预览" extra={back} />
      {a.returnReason ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`退回原因:${a.returnReason}`} /> : null}
      {a.takeDownReason ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`撤下原因:${a.takeDownReason}`} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Actions a={a} onAct={setAction} onEdit={() => void navigate(`/news/${a.id}/edit`)} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={15}>
          <Card style={{ marginBottom: 12 }} data-testid="news-preview">
            <Typography.Title level={3} style={{ textAlign: 'center' }} data-testid="news-title">{a.title}</Typography.Title>
            <div style={{ textAlign: 'center', color: '#888', marginBottom: 16 }}>
              {a.orgName} · {a.author}{a.publishedAt ? ` · ${formatTime(a.publishedAt, 'YYYY-MM-DD HH:mm')}` : ''}
            </div>
            {a.summary ? <Alert type="info" title={a.summary} style={{ marginBottom: 16 }} /> : null}
            <NewsBody body={a.body} />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="稿件信息" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1} items={[
              { key: 'status', label: '状态', children: <Flex gap={8} align="center"><NewsStatusTag status={a.status} /><Typography.Text type="secondary">{pending}</Typography.Text></Flex> },
              { key: 'cat', label: '栏目', children: a.categoryLabel },
              { key: 'scope', label: '发布范围', children: NEWS_SCOPE_LABELS[a.publishScope] },
              { key: 'pinned', label: '置顶', children: a.pinned ? '是' : '否' },
              { key: 'views', label: '阅读量', children: a.viewCount },
              { key: 'by', label: '录入人', children: a.createdByName ?? '—' },
            ]} />
          </Card>
          <Card size="small" title="封面图" style={{ marginBottom: 12 }}>
            <NewsCover article={a} onChange={changed} />
          </Card>
          <Card size="small" title="审核记录">
            <ReviewTimeline entries={a.timeline} pending={pending} />
          </Card>
        </Col>
      </Row>
      <NewsActionModal article={a} action={action} onClose={() => setAction(null)} onDone={changed} />
    </>
  );
}
