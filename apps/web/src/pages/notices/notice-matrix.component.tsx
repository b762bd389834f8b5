import { useState } from 'react';
import { App, Button, Card, Flex, Input, Modal, Segmented, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NOTICE_RECEIPT_FILTER_LABELS, NOTICE_RECEIPT_FILTERS, type Notice, type NoticeReceipt } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { noticeApi, noticeKeys } from '../../api/notice.api';
import { formatTime } from '../../app/time';
import { AttachmentList } from '../../components/attachment-list.component';
import { ReplyStatusTag } from './notice-labels';

type Filter = (typeof NOTICE_RECEIPT_FILTERS)[number];
const time = (v: string | null) => (v ? formatTime(v, 'MM-DD HH:mm') : null);

/** 签收矩阵: per recipient org read / signed / 报送 / overdue, filters and totals, 催办 chosen orgs, review of 报送, xlsx export. */
export function NoticeMatrix({ notice }: { notice: Notice }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState<NoticeReceipt | null>(null);
  const [reason, setReason] = useState('');
  const query = { filter, q, ...page };
  const list = useQuery({ queryKey: noticeKeys.receipts(notice.id, query), queryFn: () => noticeApi.receipts(notice.id, query), placeholderData: keepPreviousData });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
  const fail = (e: unknown) => void message.error(errorMessage(e));
  const remind = useMutation({ mutationFn: () => noticeApi.remind(notice.id, selected), onSuccess: (r) => { setSelected([]); refresh(); void message.success(`已催办 ${r.reminded} 个单位${r.skipped ? `,${r.skipped} 个今天已催办或已完成,未重复发送` : ''}`); }, onError: fail });
  const review = useMutation({
    mutationFn: (v: { r: NoticeReceipt; decision: 'accept' | 'return' }) => noticeApi.review(notice.id, v.r.id, v.decision, v.decision === 'return' ? reason : undefined),
    onSuccess: (_r, v) => { setReturning(null); setReason(''); refresh(); void message.success(v.decision === 'accept' ? '已接收' : '已退回'); },
    onError: fail,
  });
  const columns: TableColumnsType<NoticeReceipt> = [
    { title: '收文单位', dataIndex: 'orgName', ellipsis: true },
    { title: '阅读', key: 'read', width: 150, render: (_v, r) => (r.firstReadAt ? <>{time(r.firstReadAt)} <Typography.Text type="secondary">{r.firstReadByName}</Typography.Text></> : <Tag>未阅</Tag>) },
    { title: '签收', key: 'signed', width: 170, render: (_v, r) => (r.signedAt ? <>{time(r.signedAt)} <Typography.Text type="secondary">{r.signedByName}</Typography.Text></> : <Tag color={r.signOverdue ? 'red' : 'default'}>{r.signOverdue ? '逾期未签收' : '未签收'}</Tag>) },
    ...(notice.replyRequired ? [{ title: '报送', key: 'reply', width: 170, render: (_v: unknown, r: NoticeReceipt) => <><ReplyStatusTag status={r.replyStatus} late={r.replyLate} />{r.replyOverdue ? <Tag color="red">逾期</Tag> : null}</> }] : []),
    { title: '催办', dataIndex: 'manualRemindedAt', width: 110, render: (v: string | null) => time(v) ?? '—' },
    ...(notice.abilities.canReview ? [{
      title: '操作', key: 'op', width: 140,
      render: (_v: unknown, r: NoticeReceipt) => r.canReview ? (
        <Space>
          <Button size="small" type="link" onClick={() => review.mutate({ r, decision: 'accept' })} data-testid="reply-accept">接收</Button>
          <Button size="small" type="link" danger onClick={() => setReturning(r)} data-testid="reply-return">退回</Button>
        </Space>
      ) : null,
    }] : []),
  ];
  const t = list.data?.totals ?? notice.totals;
  return (
    <Card title="签收与报送情况" data-testid="notice-matrix"
      extra={
        <Flex gap={8}>
          {notice.abilities.canRemind ? <Button icon={<BellOutlined />} disabled={!selected.length} loading={remind.isPending} onClick={() => remind.mutate()} data-testid="notice-remind">催办所选({selected.length})</Button> : null}
          <Button icon={<DownloadOutlined />} onClick={() => void noticeApi.exportMatrix(notice.id, notice.title).catch(fail)}>导出Excel</Button>
        </Flex>
      }>
      <Flex gap={32} wrap style={{ marginBottom: 12 }}>
        <Statistic title="收文单位" value={t.recipients} />
        <Statistic title="已阅" value={t.read} />
        <Statistic title="已签收" value={t.signed} />
        {notice.replyRequired ? <Statistic title="已报送" value={t.replied} /> : null}
        <Statistic title="逾期" value={t.overdue} valueStyle={t.overdue ? { color: '#cf1322' } : undefined} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        未签收单位在签收期限前1个工作日和逾期时各自动提醒一次;“催办”向所选的未签收或未报送单位发送提醒,每个单位每天最多一次。展开一行可查看报送说明和材料。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter> value={filter} onChange={(v) => { setFilter(v); setPage((p) => ({ ...p, page: 1 })); }} options={NOTICE_RECEIPT_FILTERS.filter((f) => notice.replyRequired || !['replied', 'unreplied'].includes(f)).map((f) => ({ value: f, label: NOTICE_RECEIPT_FILTER_LABELS[f] }))} data-testid="matrix-filter" />
        <Input.Search allowClear placeholder="单位名称" style={{ width: 200 }} onSearch={(v) => { setQ(v || undefined); setPage((p) => ({ ...p, page: 1 })); }} />
      </Flex>
      <Table<NoticeReceipt>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        rowSelection={notice.abilities.canRemind ? { selectedRowKeys: selected, onChange: (k) => setSelected(k as string[]), getCheckboxProps: (r) => ({ disabled: !r.canRemind }) } : undefined}
        expandable={notice.replyRequired ? {
          rowExpandable: (r) => r.replyStatus !== 'none',
          expandedRowRender: (r) => (
            <Flex vertical gap={8}>
              <Typography.Text>{r.replyText || '(未填写说明)'}</Typography.Text>
              {r.replySubmittedAt ? <Typography.Text type="secondary">{formatTime(r.replySubmittedAt, 'YYYY-MM-DD HH:mm')} {r.replySubmittedByName} 报送</Typography.Text> : null}
              {r.returnReason && r.replyStatus === 'returned' ? <Typography.Text type="warning">退回原因:{r.returnReason}</Typography.Text> : null}
              <AttachmentList items={r.replyAttachments} labelOf={() => '报送材料'} href={(f) => noticeApi.replyFiles.href(r.id, f)} />
            </Flex>
          ),
        } : undefined}
        locale={{ emptyText: '没有符合条件的单位' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 个单位`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="receipt-table"
      />
      <Modal title={`退回 ${returning?.orgName ?? ''} 的报送材料`} open={!!returning} okText="退回" okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: review.isPending }} cancelText="取消" onOk={() => returning && review.mutate({ r: returning, decision: 'return' })} onCancel={() => setReturning(null)}>
        <Typography.Paragraph>退回后收文单位会收到提醒,修改后重新报送。</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={300} showCount placeholder="退回原因(必填)" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}
