import { useState } from 'react';
import { Select, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SmsOutboxItem } from '@gonghui/contracts';
import { ratingApi, ratingKeys } from '../../api/rating.api';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';

const SOURCE: Record<string, string> = { rating_code_batch: '测评邀请码' };

/** The SMS outbox: queued and sent messages of the orgs in scope (phone and codes masked). No gateway is connected yet. */
export function SmsOutboxPage() {
  const [q, setQ] = useState<{ page: number; pageSize: number; status?: 'queued' | 'sent' }>({ page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: ratingKeys.sms(q), queryFn: () => ratingApi.sms(q), placeholderData: keepPreviousData });
  const columns = [
    { title: '加入队列时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
    { title: '手机号', dataIndex: 'phoneMasked', width: 130 },
    { title: '类别', dataIndex: 'sourceType', width: 110, render: (v: string) => SOURCE[v] ?? v },
    { title: '内容(脱敏)', dataIndex: 'bodyMasked' },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: SmsOutboxItem['status']) => (v === 'sent' ? <Tag color="green">已发送</Tag> : <Tag color="orange">待发送</Tag>) },
  ];
  return (
    <>
      <PageTitle title="短信发送队列" />
      <Typography.Paragraph type="secondary">平台生成的短信先进入发送队列(号码加密保存),由短信网关发送。网关尚未接入,当前仅排队。内容中的测评码等敏感信息已隐去。</Typography.Paragraph>
      <Select allowClear placeholder="状态" style={{ width: 120, marginBottom: 12 }} onChange={(v?: 'queued' | 'sent') => setQ({ ...q, page: 1, status: v })} options={[{ value: 'queued', label: '待发送' }, { value: 'sent', label: '已发送' }]} />
      <Table<SmsOutboxItem> rowKey="id" size="small" loading={list.isFetching} columns={columns} dataSource={list.data?.items ?? []} locale={{ emptyText: '队列为空' }} pagination={{ current: q.page, pageSize: q.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => setQ({ ...q, page: p, pageSize: s }) }} />
    </>
  );
}
