import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined, CheckSquareOutlined, EditOutlined, FilePdfOutlined, PayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { Innovation } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { innovationApi, innovationKeys, type InnovationAction } from '../../api/innovation.api';
import { formatTime } from '../../app/time';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { WorkflowStatusTag } from '../../components/workflow-status-tag.component';
import { InnovationActionModal } from './innovation-action-modal.component';
import { InnovationAdoptionModal, InnovationRewardModal } from './innovation-adoption-modal.component';
import { InnovationEditModal } from './innovation-edit-modal.component';
import { ATTACHMENT_OPTIONS, attachmentLabel, pendingText, whoText } from './innovation-labels';

function Actions({ inv, onAct, onOpen }: { inv: Innovation; onAct: (a: InnovationAction) => void; onOpen: (d: 'edit' | 'adopt' | 'reward') => void }) {
  const a = inv.abilities;
  return (
    <Flex gap={8} wrap data-testid="innovation-actions">
      {a.canEdit ? <Button icon={<EditOutlined />} onClick={() => onOpen('edit')}>修改</Button> : null}
      {a.canSubmit ? <Button type="primary" onClick={() => onAct('submit')}>提交</Button> : null}
      {a.canApprove ? <Button type="primary" icon={<AuditOutlined />} onClick={() => onAct('approve')}>同意</Button> : null}
      {a.canReturn ? <Button onClick={() => onAct('return')}>退回修改</Button> : null}
      {a.canReject ? <Button danger onClick={() => onAct('reject')}>不同意</Button> : null}
      {a.canReopen ? <Button onClick={() => onAct('reopen')}>重新审核</Button> : null}
      {a.canWithdraw ? <Button danger onClick={() => onAct('withdraw')}>撤回</Button> : null}
      {a.canAdopt ? <Button icon={<CheckSquareOutlined />} onClick={() => onOpen('adopt')}>{inv.adoption ? '修改采纳与创效' : '登记采纳'}</Button> : null}
      {a.canPayReward ? <Button type="primary" icon={<PayCircleOutlined />} onClick={() => onOpen('reward')}>发放奖励</Button> : null}
      {a.canDownloadCertificate ? <Button icon={<FilePdfOutlined />} href={innovationApi.certificateHref(inv.id)} target="_blank">成果证书</Button> : null}
    </Flex>
  );
}

/** 创新项目详情: the proposal, its review timeline, attachments, adoption and reward, and the actions its abilities allow. */
export function InnovationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<InnovationAction | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'adopt' | 'reward' | null>(null);
  const detail = useQuery({ queryKey: innovationKeys.detail(id), queryFn: () => innovationApi.get(id), staleTime: 0 });
  const changed = (next: Innovation) => {
    queryClient.setQueryData(innovationKeys.detail(id), next);
    void queryClient.invalidateQueries({ queryKey: innovationKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
  };
  const upload = useMutation({ mutationFn: ({ type, file }: { type: string; file: File }) => innovationApi.attachments.upload(id, type, file), onSuccess: changed, onError: (e) => void message.error(errorMessage(e)) });
  const remove = useMutation({ mutationFn: (fileId: string) => innovationApi.attachments.remove(id, fileId), onSuccess: changed, onError: (e) => void message.error(errorMessage(e)) });
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/innovations')}>返回列表</Button>;
  if (detail.isPending) return <><PageTitle title="创新项目" extra={back} /><Skeleton active paragraph={{ rows: 10 }} /></>;
  if (detail.isError) {
    return (
      <>
        <PageTitle title="创新项目" extra={back} />
        {detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="项目不存在或不在您的数据范围内" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />}
      </>
    );
  }
  const inv = detail.data;
  return (
    <>
      <PageTitle title={inv.title} extra={back} />
      {inv.lastOpinion ? <Alert type={inv.status === 'rejected' ? 'error' : 'warning'} showIcon style={{ marginBottom: 12 }} title={`${inv.status === 'rejected' ? '未通过' : '退回'}意见:${inv.lastOpinion}`} /> : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Actions inv={inv} onAct={setAction} onOpen={setDialog} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card size="small" title="项目内容" style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'status', label: '状态', children: <Flex gap={8} align="center"><WorkflowStatusTag status={inv.status} overdue={inv.workflow.overdue} /><Typography.Text type="secondary">{pendingText(inv)}</Typography.Text></Flex> },
                { key: 'kind', label: '类别', children: inv.kindLabel },
                { key: 'who', label: inv.teamName ? '班组' : '申报人', children: whoText(inv) },
                { key: 'org', label: '所在工会', children: `${inv.orgName}${inv.districtName ? `(${inv.districtName})` : ''}` },
                { key: 'filed', label: '填报', children: `${inv.filedByName ?? ''} · ${formatTime(inv.createdAt, 'YYYY-MM-DD HH:mm')}` },
                { key: 'problem', label: '存在问题', children: inv.problem },
                { key: 'proposal', label: '改进方案', children: inv.proposal },
                { key: 'benefit', label: '预期效益', children: inv.expectedBenefit },
                ...(inv.certificateNo ? [{ key: 'cert', label: '证书编号', children: inv.certificateNo }] : []),
              ]}
            />
          </Card>
          <Card size="small" title="采纳与奖励" style={{ marginBottom: 12 }} data-testid="innovation-adoption">
            {inv.adoption ? (
              <Descriptions size="small" column={1} items={[
                { key: 'by', label: '采纳单位', children: inv.adoption.adoptedBy },
                { key: 'on', label: '采纳日期', children: inv.adoption.adoptedOn },
                { key: 'value', label: '核定年创效', children: formatYuan(inv.adoption.valueFen) },
                ...(inv.adoption.valueNote ? [{ key: 'note', label: '核定说明', children: inv.adoption.valueNote }] : []),
                { key: 'reward', label: '奖励', children: inv.reward ? `${formatYuan(inv.reward.amountFen)}(${inv.reward.fundName},${formatTime(inv.reward.paidAt, 'YYYY-MM-DD')})` : '未发放' },
              ]} />
            ) : <Typography.Text type="secondary">尚未登记采纳。区县审核通过后,由工会登记企业采纳情况和核定年创效。</Typography.Text>}
          </Card>
          <Card size="small" title="附件" style={{ marginBottom: 12 }}>
            <AttachmentList items={inv.attachments} labelOf={attachmentLabel} href={(f) => innovationApi.attachments.href(inv.id, f)} onRemove={inv.abilities.canUpload ? (f) => remove.mutate(f) : undefined} removing={remove.isPending ? (remove.variables ?? null) : null} />
            {inv.abilities.canUpload ? <AttachmentUpload options={ATTACHMENT_OPTIONS} busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : null}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title="审核记录">
            <ReviewTimeline entries={inv.timeline} pending={pendingText(inv)} />
          </Card>
        </Col>
      </Row>
      <InnovationActionModal inv={inv} action={action} onClose={() => setAction(null)} onDone={changed} />
      <InnovationEditModal inv={inv} open={dialog === 'edit'} onClose={() => setDialog(null)} onDone={changed} />
      <InnovationAdoptionModal inv={inv} open={dialog === 'adopt'} onClose={() => setDialog(null)} onDone={changed} />
      <InnovationRewardModal inv={inv} open={dialog === 'reward'} onClose={() => setDialog(null)} onDone={changed} />
    </>
  );
}
