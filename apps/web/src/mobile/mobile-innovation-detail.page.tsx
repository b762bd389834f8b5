import { Alert, App, Button, Card, Descriptions, Empty, Skeleton, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { Innovation } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../api/api-client';
import { innovationKeys, myInnovationApi } from '../api/innovation.api';
import { formatTime } from '../app/time';
import { AttachmentList } from '../components/attachment-list.component';
import { AttachmentUpload } from '../components/attachment-upload.component';
import { formatYuan } from '../components/money';
import { ReviewTimeline } from '../components/review-timeline.component';
import { WorkflowStatusTag } from '../components/workflow-status-tag.component';
import { ATTACHMENT_OPTIONS, attachmentLabel, pendingText } from '../pages/innovations/innovation-labels';

/** 项目进度 (H5): the review timeline with the reviewers' opinions, attachments, 重新提交 / 撤回, adoption, reward and certificate. */
export function MobileInnovationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: innovationKeys.myDetail(id), queryFn: () => myInnovationApi.get(id), staleTime: 0 });
  const changed = (inv: Innovation) => {
    queryClient.setQueryData(innovationKeys.myDetail(id), inv);
    void queryClient.invalidateQueries({ queryKey: innovationKeys.mine, exact: true });
  };
  const act = useMutation({
    mutationFn: (action: 'submit' | 'withdraw') => myInnovationApi.act(id, action),
    onSuccess: (inv) => {
      changed(inv);
      void message.success(inv.status === 'withdrawn' ? '已撤回' : '已提交');
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const upload = useMutation({ mutationFn: ({ type, file }: { type: string; file: File }) => myInnovationApi.attachments.upload(id, type, file), onSuccess: changed, onError: (e) => void message.error(errorMessage(e)) });
  const remove = useMutation({ mutationFn: (fileId: string) => myInnovationApi.attachments.remove(id, fileId), onSuccess: changed, onError: (e) => void message.error(errorMessage(e)) });
  const confirm = (action: 'submit' | 'withdraw') =>
    modal.confirm({
      title: action === 'withdraw' ? '撤回项目?' : '提交项目?',
      content: action === 'withdraw' ? '撤回后项目办结,如需申报须重新提交。' : '提交后进入工会初审。',
      okText: action === 'withdraw' ? '撤回' : '提交',
      okButtonProps: { danger: action === 'withdraw' },
      onOk: () => act.mutateAsync(action).catch(() => undefined),
    });
  const title = <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">项目进度</Typography.Title>;
  if (detail.isPending) return <>{title}<Skeleton active /></>;
  if (detail.isError) return <>{title}{detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="项目不存在" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}</>;
  const inv = detail.data;
  return (
    <>
      {title}
      {inv.lastOpinion ? <Alert type={inv.status === 'rejected' ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} data-testid="innovation-opinion" title={`${inv.status === 'rejected' ? '未通过' : '退回修改'}:${inv.lastOpinion}`} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'status', label: '状态', children: <WorkflowStatusTag status={inv.status} /> },
            { key: 'title', label: '项目', children: inv.title },
            { key: 'kind', label: '类别', children: inv.kindLabel },
            { key: 'createdAt', label: '提交时间', children: formatTime(inv.createdAt, 'YYYY-MM-DD HH:mm') },
            ...(inv.adoption ? [{ key: 'adopted', label: '采纳', children: `${inv.adoption.adoptedBy} · ${inv.adoption.adoptedOn} · 年创效 ${formatYuan(inv.adoption.valueFen)}` }] : []),
            ...(inv.reward ? [{ key: 'reward', label: '奖励', children: `${formatYuan(inv.reward.amountFen)}(银行代发)` }] : []),
            ...(inv.certificateNo ? [{ key: 'cert', label: '证书编号', children: inv.certificateNo }] : []),
          ]}
        />
        {inv.certificateNo ? <Button block icon={<FilePdfOutlined />} href={myInnovationApi.certificateHref(inv.id)} target="_blank" style={{ marginTop: 8 }}>查看成果证书</Button> : null}
      </Card>
      <Card size="small" title="附件" style={{ marginBottom: 12 }}>
        <AttachmentList items={inv.attachments} labelOf={attachmentLabel} href={(f) => myInnovationApi.attachments.href(inv.id, f)} onRemove={inv.abilities.canUpload ? (f) => remove.mutate(f) : undefined} />
        {inv.abilities.canUpload ? <AttachmentUpload compact options={ATTACHMENT_OPTIONS} busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : null}
      </Card>
      <Card size="small" title="审核进度" style={{ marginBottom: 12 }}>
        <ReviewTimeline entries={inv.timeline} pending={pendingText(inv)} compact />
      </Card>
      {inv.abilities.canEdit ? <Button block size="large" style={{ marginBottom: 8 }} onClick={() => void navigate(`/m/innovations/${inv.id}/edit`)}>修改内容</Button> : null}
      {inv.abilities.canSubmit ? <Button type="primary" block size="large" style={{ marginBottom: 8 }} loading={act.isPending} onClick={() => confirm('submit')}>{inv.status === 'draft' ? '提交' : '重新提交'}</Button> : null}
      {inv.abilities.canWithdraw ? <Button danger block size="large" style={{ marginBottom: 8 }} loading={act.isPending} onClick={() => confirm('withdraw')}>撤回</Button> : null}
      <Button block onClick={() => void navigate('/m/innovations')}>返回职工创新</Button>
    </>
  );
}
