import { useState } from 'react';
import { Alert, Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PayoutBatch, PayoutBatchStatus } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { ledgerApi, type PayoutBatchListQuery } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { BatchPaidModal } from './batch-paid-modal.component';
import { BATCH_STATUS_COLORS, PAYOUT_BATCH_STATUS_LABELS } from './fund-labels';
import { useBatchActions } from './use-batch-actions.hook';

interface BatchTableProps {
  /** only this fund's batches */
  fundId?: string;
  status?: PayoutBatchStatus;
}

/** 代发批次: each with 下载银行文件 and 确认已支付 as its abilities allow. */
export function BatchTable({ fundId, status }: BatchTableProps) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [paying, setPaying] = useState<PayoutBatch | null>(null);
  const { confirmExport } = useBatchActions();
  const query: PayoutBatchListQuery = { fundId, status, ...page };
  const list = useQuery({ queryKey: queryKeys.payoutBatches(query), queryFn: () => ledgerApi.batches(query), placeholderData: keepPreviousData });

  const columns: TableColumnsType<PayoutBatch> = [
    { title: '批次号', dataIndex: 'id', width: 110, render: (id: string) => id.slice(0, 8).toUpperCase() },
    ...(fundId ? [] : [{ title: '资金', dataIndex: 'fundName', width: 220, ellipsis: true }]),
    { title: '笔数', dataIndex: 'count', width: 80, align: 'right' },
    { title: '金额', dataIndex: 'totalFen', width: 150, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '状态', dataIndex: 'status', width: 130, render: (s: PayoutBatchStatus) => <Tag color={BATCH_STATUS_COLORS[s]}>{PAYOUT_BATCH_STATUS_LABELS[s]}</Tag> },
    { title: '生成人', dataIndex: 'createdByName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '生成时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    { title: '支付时间', dataIndex: 'paidAt', width: 170, render: (v: string | null) => formatTime(v) },
    { title: '银行回单号', dataIndex: 'bankReference', width: 160, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      fixed: 'right',
      render: (_v, row) => (
        <Space size={0}>
          {row.abilities.canExport ? (
            <Button type="link" size="small" onClick={() => confirmExport(row)}>
              下载银行文件
            </Button>
          ) : null}
          {row.abilities.canConfirm ? (
            <Button type="link" size="small" onClick={() => setPaying(row)}>
              确认已支付
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<PayoutBatch>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '暂无代发批次' }}
        scroll={{ x: 1300 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 批`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <BatchPaidModal batch={paying} onClose={() => setPaying(null)} />
    </>
  );
}
