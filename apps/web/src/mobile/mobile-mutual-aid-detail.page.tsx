import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/api-client';
import { mutualAidKeys, myMutualAidApi } from '../api/mutual-aid.api';
import { formatYuan } from '../components/money';
import { ReviewTimeline } from '../components/review-timeline.component';
import { WorkflowStatusTag } from '../components/workflow-status-tag.component';
import { MutualAidAttachments } from '../pages/mutual-aid/mutual-aid-attachments.component';
import { MutualAidExplanation } from '../pages/mutual-aid/mutual-aid-explanation.component';
import { claimItems, claimStage } from '../pages/mutual-aid/mutual-aid-labels';

/** 申请进度 (H5): the claim, how its amount was computed, the timeline, 撤回 / 重新提交 when allowed. */
export function MobileMutualAidDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: mutualAidKeys.myClaim(id), queryFn: () => myMutualAidApi.claim(id), staleTime: 0 });
  const act = useMutation({
    mutationFn: (action: 'submit' | 'withdraw') => myMutualAidApi.act(id, action),
    onSuccess: (c) => {
      queryClient.setQueryData(mutualAidKeys.myClaim(id), c);
      void queryClient.invalidateQueries({ queryKey: mutualAidKeys.myClaims });
      void message.success(c.status === 'withdrawn' ? '申请已撤回' : '申请已提交');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const title = <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">申请进度</Typography.Title>;
  if (detail.isPending) return <>{title}<Skeleton active /></>;
  if (detail.isError) return <>{title}{detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="申请不存在" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}</>;
  const c = detail.data;
  const confirm = (action: 'submit' | 'withdraw') =>
    modal.confirm({ title: action === 'withdraw' ? '撤回申请?' : '重新提交申请?', content: action === 'withdraw' ? '撤回后申请办结,发票不能再用于其他申请。' : '重新提交后进入工会初审。', okText: action === 'withdraw' ? '撤回' : '提交', okButtonProps: { danger: action === 'withdraw' }, onOk: () => act.mutateAsync(action).catch(() => undefined) });
  return (
    <>
      {title}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={1} items={[
          { key: 'no', label: '申请编号', children: c.claimNo },
          { key: 'status', label: '状态', children: <span data-testid="ma-claim-status"><WorkflowStatusTag status={c.status} />{c.payout ? <Tag color="green">已支付</Tag> : null}</span> },
          { key: 'stage', label: '进度', children: claimStage(c) },
          ...claimItems(c).filter((i) => i.key !== 'member' && i.key !== 'org'),
        ]} />
      </Card>
      <Card size="small" title="补助核算" style={{ marginBottom: 12 }}>
        <MutualAidExplanation lines={c.explanation} totalFen={c.computedFen} compact />
      </Card>
      <Card size="small" title="发票" style={{ marginBottom: 12 }}>
        <Table size="small" rowKey="invoiceNo" pagination={false} dataSource={c.invoices} columns={[{ title: '号码', dataIndex: 'invoiceNo' }, { title: '自付', dataIndex: 'selfPayFen', align: 'right', render: (v: number) => formatYuan(v, '') }]} />
      </Card>
      <Card size="small" title="发票及材料" style={{ marginBottom: 12 }}>
        <MutualAidAttachments claim={c} api={myMutualAidApi.attachments} onChanged={(next) => queryClient.setQueryData(mutualAidKeys.myClaim(id), next)} compact />
      </Card>
      <Card size="small" title="办理进度" style={{ marginBottom: 12 }}>
        <ReviewTimeline entries={c.timeline} pending={c.status === 'in_review' ? claimStage(c) : null} compact />
      </Card>
      {c.abilities.canEdit ? <Button block size="large" style={{ marginBottom: 8 }} onClick={() => void navigate(`/m/mutual-aid/${c.id}/edit`)} data-testid="ma-edit">修改申请</Button> : null}
      {c.abilities.canSubmit ? <Button type="primary" block size="large" style={{ marginBottom: 8 }} loading={act.isPending} onClick={() => confirm('submit')}>{c.status === 'draft' ? '提交申请' : '重新提交'}</Button> : null}
      {c.abilities.canWithdraw ? <Button danger block size="large" style={{ marginBottom: 8 }} loading={act.isPending} onClick={() => confirm('withdraw')}>撤回申请</Button> : null}
      <Button block onClick={() => void navigate('/m/mutual-aid')}>返回医疗互助</Button>
    </>
  );
}
