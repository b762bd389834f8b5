import { useState } from 'react';
import { Alert, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Payout, PayoutStatus } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { ledgerApi, type PayoutListQuery } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { PAYOUT_STATUS_COLORS, PAYOUT_STATUS_LABELS } from './fund-labels';

type StatusFilter = PayoutStatus | 'all';

/** 支付记录: payouts (of one fund, or all in scope) with the payee's account masked. */
export function PayoutTable({ fundId }: { fundId?: string }) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query: PayoutListQuery = { fundId, ...(status === 'all' ? {} : { status }), ...page };
  const list = useQuery({ queryKey: queryKeys.payouts(query), queryFn: () => ledgerApi.payouts(query), placeholderData: keepPreviousData });

  const columns: TableColumnsType<Payout> = [
    { title: '收款人', dataIndex: 'payeeName', width: 110 },
    { title: '收款账号', dataIndex: 'payeeAccount', width: 200, render: (v: string | null) => v ?? <Tag color="red">未登记</Tag> },
    { title: '金额', dataIndex: 'amountFen', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '项目', dataIndex: 'programmeLabel', width: 150 },
    ...(fundId ? [] : [{ title: '资金', dataIndex: 'fundName', width: 200, ellipsis: true }]),
    { title: '所在工会', dataIndex: 'orgName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'status', width: 100, render: (s: PayoutStatus) => <Tag color={PAYOUT_STATUS_COLORS[s]}>{PAYOUT_STATUS_LABELS[s]}</Tag> },
    { title: '批准支付时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    { title: '银行支付时间', dataIndex: 'paidAt', width: 170, render: (v: string | null) => formatTime(v) },
  ];

  return (
    <>
      <Segmented<StatusFilter>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={[{ value: 'all', label: '全部' }, ...(['pending', 'batched', 'paid'] as const).map((s) => ({ value: s, label: PAYOUT_STATUS_LABELS[s] }))]}
      />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Payout>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '暂无支付记录' }}
        scroll={{ x: 1300 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 笔`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
    </>
  );
}
