import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Modal, Popconfirm, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { NOTICE_CATEGORY_LABELS, ORG_TARGET_MODE_LABELS, type Notice } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { noticeApi, noticeKeys } from '../../api/notice.api';
import { formatTime } from '../../app/time';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';
import { NewsBody } from '../../components/news-body.component';
import { PageTitle } from '../../components/page-title.component';
import { NoticeStatusTag, SNAPSHOT_RULE, UrgencyTag } from './notice-labels';
import { NoticeMatrix } from './notice-matrix.component';

const FILE_TYPES = [{ value: 'attachment' as const, label: '附件' }];

function targetText(n: Notice): string {
  const t = n.target;
  if (t.mode === 'list') return `${ORG_TARGET_MODE_LABELS.list}:${t.orgIds.length} 个`;
  return `${ORG_TARGET_MODE_LABELS.subtree}${t.kinds?.length ? `(${t.kinds.length} 类)` : ''}${t.includeRoot ? ',含上级组织本身' : ''}`;
}

/** 通知详情: content and attachments, 下发 / 撤回 / 删除 for the sending union, and the signing matrix once sent. */
export function NoticeDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: noticeKeys.detail(id), queryFn: () => noticeApi.get(id) });
  const changed = (n: Notice) => {
    queryClient.setQueryData(noticeKeys.detail(n.id), n);
    void queryClient.invalidateQueries({ queryKey: noticeKeys.all, predicate: (x) => x.queryKey[1] !== 'detail' });
  };
  const fail = (e: unknown) => void message.error(errorMessage(e));
  const send = useMutation({ mutationFn: () => noticeApi.send(id), onSuccess: (n) => { changed(n); void message.success(`已下发给 ${n.recipientCount} 个组织`); }, onError: fail });
  const withdraw = useMutation({ mutationFn: () => noticeApi.withdraw(id, reason), onSuccess: (n) => { changed(n); setWithdrawing(false); void message.success('已撤回'); }, onError: fail });
  const remove = useMutation({ mutationFn: () => noticeApi.remove(id), onSuccess: () => { void queryClient.invalidateQueries({ queryKey: noticeKeys.all }); void navigate('/notices'); }, onError: fail });
  const upload = useMutation({ mutationFn: (f: File) => noticeApi.files.upload(id, 'attachment', f), onSuccess: changed, onError: fail });
  const removeFile = useMutation({ mutationFn: (fileId: string) => noticeApi.files.remove(id, fileId), onSuccess: changed, onError: fail });
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/notices')}>返回</Button>;
  if (q.isPending) return <><PageTitle title="通知详情" extra={back} /><Skeleton active paragraph={{ rows: 8 }} /></>;
  if (q.isError) return <><PageTitle title="通知详情" extra={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const n = q.data;
  const a = n.abilities;
  return (
    <>
      <PageTitle
        title={n.title}
        extra={
          <Flex gap={8} wrap>
            {back}
            {a.canEdit ? <Button icon={<EditOutlined />} onClick={() => void navigate(`/notices/${id}/edit`)}>修改</Button> : null}
            {a.canDelete ? <Popconfirm title="删除该草稿?" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutate()}><Button danger>删除</Button></Popconfirm> : null}
            {a.canSend ? (
              <Popconfirm title="确认下发?" description="将按下发范围生成收文单位名单,下发后不能修改。" okText="下发" cancelText="取消" onConfirm={() => send.mutate()}>
                <Button type="primary" icon={<SendOutlined />} loading={send.isPending} data-testid="notice-send">下发</Button>
              </Popconfirm>
            ) : null}
            {a.canWithdraw ? <Button danger icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)} data-testid="notice-withdraw">撤回</Button> : null}
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">发文单位查看各收文单位的阅读、签收和报送情况,催办未签收单位,接收或退回报送材料。{SNAPSHOT_RULE}</Typography.Paragraph>
      {n.status === 'withdrawn' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`已于 ${formatTime(n.withdrawnAt, 'YYYY-MM-DD HH:mm')} 由 ${n.withdrawnByName ?? ''} 撤回`} description={`撤回原因:${n.withdrawReason ?? ''}`} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 'status', label: '状态', children: <><NoticeStatusTag status={n.status} /><UrgencyTag urgency={n.urgency} /></> },
          { key: 'doc', label: '文号', children: n.docNo ?? '—' },
          { key: 'cat', label: '文种', children: NOTICE_CATEGORY_LABELS[n.category] },
          { key: 'org', label: '发文单位', children: n.orgName },
          { key: 'target', label: '下发范围', children: targetText(n) },
          { key: 'count', label: '收文单位', children: n.status === 'draft' ? '下发时确定' : `${n.recipientCount} 个` },
          { key: 'sent', label: '下发', children: n.sentAt ? `${formatTime(n.sentAt, 'YYYY-MM-DD HH:mm')} ${n.sentByName ?? ''}` : '—' },
          { key: 'sign', label: '签收期限', children: n.signDeadline },
          { key: 'reply', label: '报送', children: n.replyRequired ? `要求报送,期限 ${n.replyDeadline ?? ''}` : '不要求' },
          ...(n.replyInstructions ? [{ key: 'ri', label: '报送要求', span: 3, children: n.replyInstructions }] : []),
        ]} />
        <div style={{ marginTop: 12 }}><NewsBody body={n.body} size={14} /></div>
        <Card size="small" title="附件" style={{ marginTop: 12 }}>
          <AttachmentList items={n.attachments} labelOf={() => '附件'} href={(f) => noticeApi.files.href(id, f)} onRemove={a.canEdit ? (f) => removeFile.mutate(f) : undefined} removing={removeFile.isPending ? (removeFile.variables ?? null) : null} />
          {a.canEdit ? <div style={{ marginTop: 8 }}><AttachmentUpload documents options={FILE_TYPES} initialType="attachment" busy={upload.isPending} onPick={(_t, f) => upload.mutate(f)} /></div> : null}
        </Card>
      </Card>
      {n.status !== 'draft' ? <NoticeMatrix notice={n} /> : null}
      <Modal title="撤回通知" open={withdrawing} okText="确认撤回" okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: withdraw.isPending }} cancelText="取消" onOk={() => withdraw.mutate()} onCancel={() => setWithdrawing(false)}>
        <Typography.Paragraph>撤回后,收文单位看到该通知“已撤回”及撤回原因,不能再签收或报送。已签收、已报送的记录保留。</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={300} showCount placeholder="撤回原因(必填)" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="withdraw-reason" />
      </Modal>
    </>
  );
}
