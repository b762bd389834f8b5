import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PROPOSAL_SOURCE_LABELS } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { proposalApi, proposalKeys } from '../../api/proposal.api';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';
import { ProposalActionModal, type ProposalAction } from './proposal-action-modal.component';
import { AssessmentTag, ProposalStatusTag } from './proposal-labels';

/** 建议详情 (staff): the text, the proposer, moderation, assessment, shortlist, merge and the project. */
export function ProposalDetailPage() {
  const { id = '' } = useParams();
  const [action, setAction] = useState<ProposalAction | null>(null);
  const detail = useQuery({ queryKey: proposalKeys.detail(id), queryFn: () => proposalApi.get(id) });
  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  const p = detail.data;
  return (
    <>
      <PageTitle
        title={p.title}
        extra={
          <Space>
            {p.abilities.moderate ? <Button onClick={() => setAction('moderate')}>审核</Button> : null}
            {p.abilities.assess ? <Button onClick={() => setAction('assess')}>评估</Button> : null}
            {p.abilities.merge ? <Button onClick={() => setAction('merge')}>合并</Button> : null}
            {p.abilities.adopt ? <Button type="primary" onClick={() => setAction('adopt')}>采纳</Button> : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={2} items={[
          { key: 'c', label: '征集活动', children: <Link to={`/proposals/collections/${p.collectionId}`}>{p.collectionTitle}</Link> },
          { key: 'cat', label: '类别', children: p.category },
          { key: 's', label: '状态', children: <ProposalStatusTag status={p.status} /> },
          { key: 'src', label: '来源', children: PROPOSAL_SOURCE_LABELS[p.source] },
          { key: 'who', label: '提出人/单位', children: `${p.proposerName}(${p.orgName})` },
          { key: 't', label: '提出时间', children: formatTime(p.createdAt, 'YYYY-MM-DD HH:mm') },
          { key: 'sup', label: '附议', children: p.supportCount },
          { key: 'a', label: '评估', children: <><AssessmentTag assessment={p.assessment} />{p.assessmentReason}</> },
          { key: 'sl', label: '入围', children: p.shortlisted ? <Tag color="purple">入围 · {p.voteCount}票</Tag> : '否' },
          { key: 'pj', label: '办实事项目', children: p.project ? <Link to={`/proposals/projects/${p.project.id}`}>{p.project.title}({p.project.progress}%)</Link> : '—' },
          ...(p.moderationReason ? [{ key: 'mr', label: p.status === 'merged' ? '合并说明' : '屏蔽原因', children: p.moderationReason }] : []),
          ...(p.mergedIntoId ? [{ key: 'mi', label: '已合并到', children: <Link to={`/proposals/${p.mergedIntoId}`}>{p.mergedIntoTitle}</Link> }] : []),
        ]} />
      </Card>
      <Card size="small" title="建议内容">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.content}</Typography.Paragraph>
      </Card>
      <ProposalActionModal proposal={action ? p : null} action={action} onClose={() => setAction(null)} />
    </>
  );
}
