import { useState } from 'react';
import { Badge, Flex, Input, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { NOTICE_CATEGORY_LABELS, NOTICE_INBOX_FILTER_LABELS, NOTICE_INBOX_FILTERS, type NoticeInboxItem } from '@gonghui/contracts';
import { noticeInboxApi, noticeKeys } from '../../api/notice.api';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';
import { NoticeStatusTag, ReplyStatusTag, UrgencyTag } from './notice-labels';

type Filter = (typeof NOTICE_INBOX_FILTERS)[number];

/** 收文: notices addressed to the caller's union, with unread / unsigned / overdue / 待报送 filters. */
export function NoticeInboxPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { filter, q, ...page };
  const list = useQuery({ queryKey: noticeKeys.inbox(query), queryFn: () => noticeInboxApi.list(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<NoticeInboxItem> = [
    {
      title: '标题', dataIndex: 'title', ellipsis: true,
      render: (v: string, r) => <>{r.firstReadAt ? null : <Badge status="error" style={{ marginInlineEnd: 6 }} />}<UrgencyTag urgency={r.urgency} /><Link to={`/notice-inbox/${r.receiptId}`} style={r.firstReadAt ? undefined : { fontWeight: 600 }}>{v}</Link></>,
    },
    { title: '文种', dataIndex: 'category', width: 90, render: (v: NoticeInboxItem['category']) => NOTICE_CATEGORY_LABELS[v] },
    { title: '发文单位', dataIndex: 'orgName', width: 170, ellipsis: true },
    { title: '下发时间', dataIndex: 'sentAt', width: 140, render: (v: string | null) => formatTime(v, 'YYYY-MM-DD HH:mm') },
    { title: '签收期限', dataIndex: 'signDeadline', width: 110 },
    {
      title: '签收', key: 'sign', width: 130,
      render: (_v, r) => (r.status === 'withdrawn' ? <NoticeStatusTag status="withdrawn" /> : r.signedAt ? <Tag color="green">已签收</Tag> : <Tag color={r.signOverdue ? 'red' : 'orange'}>{r.signOverdue ? '逾期未签收' : '待签收'}</Tag>),
    },
    { title: '报送', key: 'reply', width: 150, render: (_v, r) => (r.replyRequired ? <><ReplyStatusTag status={r.replyStatus} />{r.replyOverdue ? <Tag color="red">逾期</Tag> : null}</> : '—') },
  ];
  return (
    <>
      <PageTitle title="收文" />
      <Typography.Paragraph type="secondary">
        上级工会发给本单位的通知、通报、函和会议通知。打开即记录首次阅读;请在签收期限前“签收”,要求报送材料的在报送期限前填写说明、上传材料并报送。未签收的通知会在到期前1个工作日和逾期时提醒。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter> value={filter} onChange={(v) => { setFilter(v); setPage((p) => ({ ...p, page: 1 })); }} options={NOTICE_INBOX_FILTERS.map((f) => ({ value: f, label: NOTICE_INBOX_FILTER_LABELS[f] }))} data-testid="inbox-filter" />
        <Input.Search allowClear placeholder="标题、文号" style={{ width: 220 }} onSearch={(v) => { setQ(v || undefined); setPage((p) => ({ ...p, page: 1 })); }} />
      </Flex>
      <Table<NoticeInboxItem>
        rowKey="receiptId"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: filter === 'all' ? '暂无收文' : '没有符合条件的收文' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 件`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="inbox-list"
      />
    </>
  );
}
