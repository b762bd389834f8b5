import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Popconfirm, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { NOTICE_CATEGORY_LABELS, type ReceivedNotice } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { noticeInboxApi, noticeKeys } from '../../api/notice.api';
import { formatTime } from '../../app/time';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';
import { NewsBody } from '../../components/news-body.component';
import { PageTitle } from '../../components/page-title.component';
import { NoticeStatusTag, ReplyStatusTag, UrgencyTag } from './notice-labels';

const MATERIAL = [{ value: 'material' as const, label: '报送材料' }];

/** A received notice: opening records the first read; 签收; the 报送 form (text + files, submit; again after a return). */
export function ReceivedNoticePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState<string | null>(null);
  const q = useQuery({ queryKey: noticeKeys.received(id), queryFn: () => noticeInboxApi.get(id) });
  const changed = (n: ReceivedNotice) => {
    queryClient.setQueryData(noticeKeys.received(id), n);
    void queryClient.invalidateQueries({ queryKey: noticeKeys.all, predicate: (x) => x.queryKey[1] === 'inbox' });
  };
  const fail = (e: unknown) => void message.error(errorMessage(e));
  const opened = useRef(false);
  const unread = q.data ? q.data.receipt.firstReadAt === null : false;
  useEffect(() => {
    if (!unread || opened.current) return;
    opened.current = true;
    noticeInboxApi.read(id).then(changed, () => undefined);
  });
  const sign = useMutation({ mutationFn: () => noticeInboxApi.sign(id), onSuccess: (n) => { changed(n); void message.success('已签收'); }, onError: fail });
  const save = useMutation({ mutationFn: () => noticeInboxApi.saveReply(id, text ?? ''), onSuccess: (n) => { changed(n); setText(null); void message.success('报送说明已保存'); }, onError: fail });
  const submit = useMutation({
    mutationFn: async () => {
      if (text !== null) await noticeInboxApi.saveReply(id, text);
      return noticeInboxApi.submitReply(id);
    },
    onSuccess: (n) => { changed(n); setText(null); void message.success(n.receipt.replyLate ? '已报送(逾期报送)' : '已报送'); },
    onError: fail,
  });
  const upload = useMutation({ mutationFn: (f: File) => noticeInboxApi.replyFiles.upload(id, 'material', f), onSuccess: changed, onError: fail });
  const removeFile = useMutation({ mutationFn: (fileId: string) => noticeInboxApi.replyFiles.remove(id, fileId), onSuccess: changed, onError: fail });
  const back = <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/notice-inbox')}>返回收文</Button>;
  if (q.isPending) return <><PageTitle title="收文" extra={back} /><Skeleton active paragraph={{ rows: 8 }} /></>;
  if (q.isError) return <><PageTitle title="收文" extra={back} /><Alert type="error" showIcon title={errorMessage(q.error)} /></>;
  const n = q.data;
  const r = n.receipt;
  const a = n.abilities;
  return (
    <>
      <PageTitle
        title={n.title}
        extra={
          <Flex gap={8}>
            {back}
            {a.canSign ? <Button type="primary" icon={<CheckOutlined />} loading={sign.isPending} onClick={() => sign.mutate()} data-testid="notice-sign">签收</Button> : null}
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">打开本页即记录本单位首次阅读。“签收”表示本单位已收到并将落实;签收人和时间以第一次签收为准。{n.replyRequired ? '本通知要求报送材料:填写说明、上传材料后点“报送”;报送期限前、上级审核前可以修改;被退回后修改再报送;逾期报送会被标记。' : ''}</Typography.Paragraph>
      {n.status === 'withdrawn' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="该通知已被发文单位撤回,无需签收或报送" description={`撤回原因:${n.withdrawReason ?? ''}`} data-testid="notice-withdrawn" /> : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { key: 'org', label: '发文单位', children: n.orgName },
          { key: 'doc', label: '文号', children: n.docNo ?? '—' },
          { key: 'cat', label: '文种', children: <>{NOTICE_CATEGORY_LABELS[n.category]} <UrgencyTag urgency={n.urgency} /> {n.status === 'withdrawn' ? <NoticeStatusTag status="withdrawn" /> : null}</> },
          { key: 'sent', label: '下发时间', children: formatTime(n.sentAt, 'YYYY-MM-DD HH:mm') },
          { key: 'deadline', label: '签收期限', children: <>{n.signDeadline}{r.signOverdue ? <Typography.Text type="danger">(已逾期)</Typography.Text> : null}</> },
          { key: 'signed', label: '签收', children: r.signedAt ? <span data-testid="signed-info">{formatTime(r.signedAt, 'YYYY-MM-DD HH:mm')} {r.signedByName} 已签收</span> : '未签收' },
        ]} />
        <div style={{ marginTop: 12 }}><NewsBody body={n.body} size={14} /></div>
        {n.attachments.length ? (
          <Card size="small" title="附件" style={{ marginTop: 12 }}>
            <AttachmentList items={n.attachments} labelOf={() => '附件'} href={(f) => noticeInboxApi.noticeFiles.href(id, f)} />
          </Card>
        ) : null}
      </Card>
      {n.replyRequired ? (
        <Card title={<>报送材料 <ReplyStatusTag status={r.replyStatus} late={r.replyLate} /></>} data-testid="reply-card">
          <Typography.Paragraph>报送期限:{n.replyDeadline}{r.replyOverdue ? <Typography.Text type="danger">(已逾期)</Typography.Text> : null}{n.replyInstructions ? `;要求:${n.replyInstructions}` : ''}</Typography.Paragraph>
          {r.replyStatus === 'returned' && r.returnReason ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`已退回:${r.returnReason}`} description="请修改后重新报送" /> : null}
          <Input.TextArea rows={4} maxLength={5000} showCount disabled={!a.canReply} placeholder="报送说明" value={text ?? r.replyText ?? ''} onChange={(e) => setText(e.target.value)} data-testid="reply-text" />
          <div style={{ margin: '12px 0' }}>
            <AttachmentList items={r.replyAttachments} labelOf={() => '报送材料'} href={(f) => noticeInboxApi.replyFiles.href(id, f)} onRemove={a.canReply ? (f) => removeFile.mutate(f) : undefined} removing={removeFile.isPending ? (removeFile.variables ?? null) : null} />
          </div>
          {a.canReply ? <AttachmentUpload documents options={MATERIAL} initialType="material" busy={upload.isPending} onPick={(_t, f) => upload.mutate(f)} /> : null}
          <Flex gap={8} style={{ marginTop: 12 }}>
            {a.canReply ? <Button disabled={text === null} loading={save.isPending} onClick={() => save.mutate()}>保存说明</Button> : null}
            {a.canSubmitReply ? (
              <Popconfirm title="确认报送?" description="报送后,上级审核前、报送期限前仍可修改。" okText="报送" cancelText="取消" onConfirm={() => submit.mutate()}>
                <Button type="primary" loading={submit.isPending} data-testid="reply-submit">报送</Button>
              </Popconfirm>
            ) : null}
          </Flex>
          {r.replySubmittedAt ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{formatTime(r.replySubmittedAt, 'YYYY-MM-DD HH:mm')} {r.replySubmittedByName} 报送{r.replyReviewedAt ? `;${formatTime(r.replyReviewedAt, 'YYYY-MM-DD HH:mm')} ${r.replyReviewedByName ?? ''} 审核` : ''}</Typography.Paragraph> : null}
        </Card>
      ) : null}
    </>
  );
}
