import { Alert, App, Button, Card, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PROPOSAL_VOTE_RULE, type Proposal } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { myProposalApi, proposalKeys } from '../api/proposal.api';

/** 投票 (H5): the shortlisted proposals of a collection; one vote per member per collection. */
export function MobileProposalVotePage() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const collection = useQuery({ queryKey: proposalKeys.collection(id), queryFn: () => myProposalApi.collection(id) });
  const list = useQuery({ queryKey: proposalKeys.publicList(id, { shortlisted: true }), queryFn: () => myProposalApi.list(id, { shortlisted: 'true', pageSize: 50 }) });
  const vote = useMutation({
    mutationFn: (p: Proposal) => myProposalApi.vote(p.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void message.success('投票成功');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const voted = (list.data?.items ?? []).find((p) => p.votedByMe);
  const confirm = (p: Proposal) => modal.confirm({ title: `投票给「${p.title}」?`, content: PROPOSAL_VOTE_RULE, okText: '投票', onOk: () => vote.mutateAsync(p).catch(() => undefined) });
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">入围建议投票</Typography.Title>
      {collection.data ? <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{collection.data.title}。{PROPOSAL_VOTE_RULE}</Typography.Paragraph> : <Skeleton active paragraph={{ rows: 1 }} />}
      {voted ? <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`您已投票给「${voted.title}」`} /> : null}
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有入围的建议' }}
        renderItem={(p) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="vote-item">
            <Flex justify="space-between" gap={8} align="center">
              <div>
                <Link to={`/m/proposals/${p.id}`}><Typography.Text strong>{p.title}</Typography.Text></Link>
                <div style={{ fontSize: 12, color: '#888' }}>{p.category} · 附议 {p.supportCount} · 得票 {p.voteCount}</div>
              </div>
              {p.votedByMe ? <Tag color="red">已投</Tag> : <Button size="small" type="primary" disabled={!!voted || !p.abilities.vote} loading={vote.isPending} onClick={() => confirm(p)}>投票</Button>}
            </Flex>
          </Card>
        )}
      />
    </>
  );
}
