import { Alert, Card, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PROPOSAL_ASSESSMENT_LABELS, PROPOSAL_STATUS_LABELS } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { myProposalApi, proposalKeys } from '../api/proposal.api';
import { formatTime } from '../app/time';

/** 我的建议 (H5): state, supports and the assessment of each of the member's proposals. */
export function MobileProposalMinePage() {
  const mine = useQuery({ queryKey: proposalKeys.mine, queryFn: myProposalApi.mine, staleTime: 0 });
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">我的建议</Typography.Title>
      {mine.isError ? <Alert type="error" showIcon title={errorMessage(mine.error)} /> : null}
      <List
        loading={mine.isPending}
        dataSource={mine.data?.items ?? []}
        locale={{ emptyText: '您还没有提过建议' }}
        renderItem={(p) => (
          <Link to={`/m/proposals/${p.id}`} style={{ display: 'block' }}>
            <Card size="small" style={{ marginBottom: 8 }} data-testid="my-proposal">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{p.title}</Typography.Text>
                <Tag color={p.status === 'public' ? 'green' : p.status === 'blocked' ? 'red' : undefined}>{PROPOSAL_STATUS_LABELS[p.status]}</Tag>
              </Flex>
              <div style={{ fontSize: 12, color: '#888' }}>
                {p.collectionTitle} · {formatTime(p.createdAt, 'YYYY-MM-DD')} · 附议 {p.supportCount}
                {p.assessment ? ` · 评估${PROPOSAL_ASSESSMENT_LABELS[p.assessment]}` : ''}
                {p.project ? ` · 已采纳` : ''}
              </div>
            </Card>
          </Link>
        )}
      />
    </>
  );
}
