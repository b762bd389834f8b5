import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { DELIVERY_METHOD_LABELS, LEGAL_NOTICE_KIND_LABELS, LEGAL_NOTICE_NEXT, LEGAL_VERDICT_LABELS, type LegalNotice } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { legalApi, legalKeys } from '../../api/legal-supervision.api';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';
import { DeliveryModal, ReplyModal } from './legal-notice-actions.component';
import { LegalNoticeFiles } from './legal-notice-files.component';
import { LegalNoticeFormModal } from './legal-notice-form-modal.component';
import { LEGAL_STATUS_COLORS } from './legal-labels';

/** One instrument: its text as issued (and its PDF), delivery, reply and rectification, the instruments before and after it. */
export function LegalNoticeDetailPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'edit' | 'deliver' | 'reply' | null>(null);
  const q = useQuery({ queryKey: legalKeys.one(id), queryFn: () => legalApi.get(id) });
  const changed = (next: LegalNotice) => {
    setDialog(null);
    qc.setQueryData(legalKeys.one(next.id), next);
    void qc.invalidateQueries({ queryKey: legalKeys.all });
  };
  const issue = useMutation({ mutationFn: () => legalApi.issue(id), onSuccess: (n) => { changed(n); void message.success(`已签发,文号 ${n.serialNo ?? ''}`); }, onError: (e) => void message.error(errorMessage(e)) });
  const escalate = useMutation({ mutationFn: () => legalApi.escalate(id), onSuccess: (n) => { changed(n); void navigate(`/legal-supervision/${n.id}`); }, onError: (e) => void message.error(errorMessage(e)) });
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const n = q.data;
  if (!n) return <Card loading />;
  const next = LEGAL_NOTICE_NEXT[n.kind];
  const a = n.abilities;
  return (
    <>
      <PageTitle
        title={`${n.kindLabel} ${n.serialNo ?? '(草稿)'}`}
        extra={
          <>
            <Button icon={<FilePdfOutlined />} href={legalApi.pdfHref(n.id)} target="_blank">文书 PDF</Button>
            {a.canEdit ? <Button onClick={() => setDialog('edit')}>修改</Button> : null}
            {a.canIssue ? (
              <Popconfirm title="签发文书?" description="签发后编定文号,正文不能再修改。" okText="签发" cancelText="取消" onConfirm={() => issue.mutate()}>
                <Button type="primary" loading={issue.isPending} data-testid="issue-notice">签发</Button>
              </Popconfirm>
            ) : null}
            {a.canDeliver ? <Button type="primary" onClick={() => setDialog('deliver')} data-testid="deliver-notice">登记送达</Button> : null}
            {a.canReply ? <Button type="primary" onClick={() => setDialog('reply')} data-testid="reply-notice">登记回复</Button> : null}
            {a.canEscalate && next ? (
              <Popconfirm title={`升级为${LEGAL_NOTICE_KIND_LABELS[next]}?`} description={next === 'recommendation' ? '将起草建议书,提请劳动保障行政部门立案查处。' : '将起草意见书,正文沿用本文书的问题与依据。'} okText="升级" cancelText="取消" onConfirm={() => escalate.mutate()}>
                <Button danger loading={escalate.isPending} data-testid="escalate-notice">升级为{LEGAL_NOTICE_KIND_LABELS[next]}</Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="状态"><Tag color={LEGAL_STATUS_COLORS[n.status]} data-testid="notice-status">{n.statusLabel}</Tag>{n.overdue ? <Tag color="red">逾期</Tag> : null}</Descriptions.Item>
        <Descriptions.Item label="企业"><Link to={`/legal-supervision/enterprises/${n.enterpriseId}`}>{n.enterpriseName}</Link></Descriptions.Item>
        <Descriptions.Item label="收文单位">{n.addressee}</Descriptions.Item>
        <Descriptions.Item label="制发单位">{n.orgName}</Descriptions.Item>
        <Descriptions.Item label="问题类别">{n.categoryLabel}</Descriptions.Item>
        <Descriptions.Item label="回复期限">{n.replyDays} 个工作日{n.replyDueOn ? `(至 ${n.replyDueOn})` : ''}</Descriptions.Item>
        <Descriptions.Item label="签发时间">{n.issuedAt ? formatTime(n.issuedAt, 'YYYY-MM-DD HH:mm') : '—'}</Descriptions.Item>
        <Descriptions.Item label="送达">{n.deliveredOn ? `${n.deliveredOn} ${n.deliveryMethod ? DELIVERY_METHOD_LABELS[n.deliveryMethod] : ''},签收人 ${n.receiver ?? ''}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="前后文书">
          {n.previousId ? <Link to={`/legal-supervision/${n.previousId}`}>上一文书</Link> : null}
          {n.previousId && n.nextId ? ' · ' : null}
          {n.nextId ? <Link to={`/legal-supervision/${n.nextId}`}>升级后的{n.nextKind ? LEGAL_NOTICE_KIND_LABELS[n.nextKind] : '文书'}</Link> : null}
          {!n.previousId && !n.nextId ? '—' : null}
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={12}>
        <Col xs={24} lg={14}>
          <Card size="small" title="正文" style={{ marginBottom: 12 }} data-testid="notice-body">
            {n.body.map((p, i) => (
              <Typography.Paragraph key={i} style={{ textIndent: i === 0 ? 0 : '2em' }}>{p}</Typography.Paragraph>
            ))}
            <Typography.Paragraph style={{ textAlign: 'right' }}>{n.orgName}</Typography.Paragraph>
          </Card>
          {n.repliedOn ? (
            <Card size="small" title="回复与整改" style={{ marginBottom: 12 }} data-testid="notice-reply">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label="回复日期">{n.repliedOn}</Descriptions.Item>
                <Descriptions.Item label="回复内容">{n.replyContent}</Descriptions.Item>
                <Descriptions.Item label="整改措施">{n.rectification ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="处理结果">{n.verdict ? LEGAL_VERDICT_LABELS[n.verdict] : '—'}{n.verdictNote ? `:${n.verdictNote}` : ''}</Descriptions.Item>
              </Descriptions>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={10}>
          <LegalNoticeFiles n={n} onChanged={changed} />
        </Col>
      </Row>
      <LegalNoticeFormModal open={dialog === 'edit'} notice={n} onClose={() => setDialog(null)} onSaved={changed} />
      <DeliveryModal n={n} open={dialog === 'deliver'} onClose={() => setDialog(null)} onDone={changed} />
      <ReplyModal n={n} open={dialog === 'reply'} onClose={() => setDialog(null)} onDone={changed} />
    </>
  );
}
