import { Alert, App, Button, Card, Descriptions, Empty, Progress, Skeleton, Tag, Typography } from 'antd';
import { LikeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { PROPOSAL_ASSESSMENT_LABELS, PROPOSAL_STATUS_LABELS } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../api/api-client';
import { myProposalApi, proposalKeys } from '../api/proposal.api';
import { formatTime } from '../app/time';

/** 建议详情 (H5): the text, support count and the 附议 button, the moderation and assessment outcome for the proposer. */
export function MobileProposalDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: proposalKeys.detail(`m-${id}`), queryFn: () => myProposalApi.get(id), staleTime: 0 });
  const support = useMutation({
    mutationFn: () => myProposalApi.support(id),
    onSuccess: (a) => {
      queryClient.setQueryData(proposalKeys.detail(`m-${id}`), a.proposal);
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void message.success(a.created ? '附议成功' : '您已附议过');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const title = <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">建议详情</Typography.Title>;
  if (detail.isPending) return <>{title}<Skeleton active /></>;
  if (detail.isError) return <>{title}{detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="建议不存在或尚未公开" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}</>;
  const p = detail.data;
  return (
    <>
      {title}
      {p.mine && p.status === 'blocked' ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`未予公开:${p.moderationReason ?? ''}`} /> : null}
      {p.mine && p.status === 'pending' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="等待工会审核,公开后其他职工可以附议" /> : null}
      {p.status === 'merged' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`已与相同建议合并:${p.mergedIntoTitle ?? ''}`} action={p.mergedIntoId ? <Button size="small" onClick={() => void navigate(`/m/proposals/${p.mergedIntoId}`)}>查看</Button> : null} /> : null}
      {p.assessment ? <Alert type={p.assessment === 'feasible' ? 'success' : 'warning'} showIcon style={{ marginBottom: 12 }} data-testid="assessment" title={`评估:${PROPOSAL_ASSESSMENT_LABELS[p.assessment]}`} description={p.assessmentReason} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="proposal-title">{p.title}</Typography.Text>
        <div style={{ margin: '4px 0 8px' }}><Tag>{p.category}</Tag><Tag color={p.status === 'public' ? 'green' : undefined}>{PROPOSAL_STATUS_LABELS[p.status]}</Tag>{p.shortlisted ? <Tag color="purple">入围</Tag> : null}</div>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.content}</Typography.Paragraph>
        <Descriptions size="small" column={1} items={[
          { key: 'who', label: '提出人', children: p.proposerName },
          { key: 'at', label: '提出时间', children: formatTime(p.createdAt, 'YYYY-MM-DD') },
          { key: 'sup', label: '附议', children: <span data-testid="support-count">{p.supportCount}</span> },
          ...(p.shortlisted ? [{ key: 'v', label: '得票', children: p.voteCount }] : []),
        ]} />
      </Card>
      {p.project ? (
        <Card size="small" title="已采纳为办实事项目" style={{ marginBottom: 12 }}>
          <Typography.Text>{p.project.title}</Typography.Text>
          <Progress percent={p.project.progress} status={p.project.status === 'completed' ? 'success' : 'active'} />
        </Card>
      ) : null}
      {p.abilities.support || p.supportedByMe ? (
        <Button type="primary" block size="large" icon={<LikeOutlined />} disabled={p.supportedByMe} loading={support.isPending} onClick={() => support.mutate()} style={{ marginBottom: 8 }} data-testid="support">
          {p.supportedByMe ? '已附议' : '附议'}
        </Button>
      ) : null}
      {p.abilities.vote ? <Button block size="large" style={{ marginBottom: 8 }} onClick={() => void navigate(`/m/proposals/vote/${p.collectionId}`)}>去投票</Button> : null}
      <Button block onClick={() => void navigate('/m/proposals')}>返回办实事建议</Button>
    </>
  );
}
