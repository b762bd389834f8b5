import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { AidApplication } from '@gonghui/contracts';
import { myAidApi } from '../api/aid.api';
import { ApiError, errorMessage } from '../api/api-client';
import { queryKeys } from '../api/query-keys';
import { formatTime } from '../app/time';
import { formatYuan } from '../components/money';
import { ReviewTimeline } from '../components/review-timeline.component';
import { WorkflowStatusTag } from '../components/workflow-status-tag.component';
import { EvidencePanel } from '../pages/aid/aid-evidence-panel.component';
import { attachmentLinkOf } from '../pages/aid/aid-evidence-rules';
import { pendingText } from '../pages/aid/aid-labels';

/** 申请进度 (H5): the application, its timeline, and 撤回 / 重新提交 when its abilities allow. */
export function MobileAidDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: queryKeys.myAidApplication(id), queryFn: () => myAidApi.get(id), staleTime: 0 });

  const changed = (app: AidApplication) => {
    queryClient.setQueryData(queryKeys.myAidApplication(id), app);
    void queryClient.invalidateQueries({ queryKey: queryKeys.myAid, predicate: (q) => q.queryKey.length < 3 });
  };
  const act = useMutation({
    mutationFn: (action: 'submit' | 'withdraw') => myAidApi.act(id, action),
    onSuccess: (app: AidApplication) => {
      changed(app);
      void message.success(app.status === 'withdrawn' ? '申请已撤回' : '申请已提交');
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const draft = detail.data?.status === 'draft';
  const confirm = (action: 'submit' | 'withdraw') =>
    modal.confirm({
      title: action === 'withdraw' ? '撤回申请?' : draft ? '提交申请?' : '重新提交申请?',
      content: action === 'withdraw' ? '撤回后申请办结,如仍需帮扶须重新申请。' : '重新提交后进入工会初审。',
      okText: action === 'withdraw' ? '撤回' : '提交',
      okButtonProps: { danger: action === 'withdraw' },
      onOk: () => act.mutateAsync(action).catch(() => undefined),
    });

  const title = (
    <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
      申请进度
    </Typography.Title>
  );
  if (detail.isPending) return <>{title}<Skeleton active /></>;
  if (detail.isError) {
    return (
      <>
        {title}
        {detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="申请不存在" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}
      </>
    );
  }
  const app = detail.data;
  return (
    <>
      {title}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'status', label: '状态', children: <WorkflowStatusTag status={app.status} /> },
            { key: 'category', label: '帮扶类别', children: app.categoryLabel },
            { key: 'amount', label: '申请金额', children: formatYuan(app.amountFen) },
            ...(app.approvedAmountFen !== null ? [{ key: 'approved', label: '核定金额', children: formatYuan(app.approvedAmountFen) }] : []),
            ...(app.payout ? [{ key: 'paid', label: '发放', children: `${formatYuan(app.payout.amountFen)}(${formatTime(app.payout.createdAt, 'YYYY-MM-DD')},银行代发)` }] : []),
            { key: 'createdAt', label: '申请时间', children: formatTime(app.createdAt, 'YYYY-MM-DD HH:mm') },
            { key: 'reason', label: '申请理由', children: app.reason },
          ]}
        />
      </Card>
      <Card size="small" title="证明材料" style={{ marginBottom: 12 }}>
        {draft ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            申请尚未提交:可以补充收入证明、病历票据等材料后再提交。
          </Typography.Paragraph>
        ) : null}
        <EvidencePanel app={app} api={myAidApi.evidence} onChanged={changed} compact />
      </Card>
      <Card size="small" title="办理进度" style={{ marginBottom: 12 }}>
        <ReviewTimeline entries={app.timeline} pending={pendingText(app)} compact attachmentLink={attachmentLinkOf(app, myAidApi.evidence)} />
      </Card>
      {app.abilities.canSubmit ? (
        <Button type="primary" block size="large" style={{ marginBottom: 8 }} loading={act.isPending} onClick={() => confirm('submit')}>
          {app.status === 'draft' ? '提交申请' : '重新提交'}
        </Button>
      ) : null}
      {app.abilities.canWithdraw ? (
        <Button danger block size="large" style={{ marginBottom: 8 }} loading={act.isPending} onClick={() => confirm('withdraw')}>
          撤回申请
        </Button>
      ) : null}
      <Button block onClick={() => void navigate('/m/aid')}>
        返回我的申请
      </Button>
    </>
  );
}
