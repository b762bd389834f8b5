import { useState } from 'react';
import { Alert, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LedgerEntry, LedgerEntryKind } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { ledgerApi, type LedgerEntryQuery } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';

type KindFilter = LedgerEntryKind | 'all';

const KIND_COLORS: Record<LedgerEntryKind, string> = { income: 'green', payout: 'orange', reversal: 'purple' };

/** 台账明细: entries newest first, each with the balance right after it. */
export function FundEntriesTable({ fundId }: { fundId: string }) {
  const [kind, setKind] = useState<KindFilter>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query: LedgerEntryQuery = { ...(kind === 'all' ? {} : { kind }), ...page };
  const entries = useQuery({ queryKey: queryKeys.fundEntries(fundId, query), queryFn: () => ledgerApi.entries(fundId, query), placeholderData: keepPreviousData });
  const summary = entries.data?.summary;

  const columns: TableColumnsType<LedgerEntry> = [
    { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    { title: '类型', dataIndex: 'kindLabel', width: 80, render: (label: string, row) => <Tag color={KIND_COLORS[row.kind]}>{label}</Tag> },
    { title: '事项', dataIndex: 'businessTypeLabel', width: 150 },
    { title: '文号/收据号/业务编号', dataIndex: 'reference', width: 220, ellipsis: true },
    {
      title: '金额',
      dataIndex: 'amountFen',
      width: 150,
      align: 'right',
      render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : 'success'}>{`${v > 0 ? '+' : ''}${formatYuan(v, '')}`}</Typography.Text>,
    },
    { title: '余额', dataIndex: 'balanceAfterFen', width: 150, align: 'right', render: (v: number) => formatYuan(v, '') },
    { title: '摘要', dataIndex: 'memo', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '经办人', dataIndex: 'createdByName', width: 100, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <Segmented<KindFilter>
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'income', label: '收入' },
            { value: 'payout', label: '支出' },
          ]}
        />
        {summary ? (
          <Typography.Text type="secondary">
            累计收入 {formatYuan(summary.incomeFen)},累计支出 {formatYuan(summary.payoutFen)},余额 {formatYuan(summary.balanceFen)}(金额单位:元)
          </Typography.Text>
        ) : null}
      </Flex>
      {entries.isError ? <Alert type="error" showIcon title={errorMessage(entries.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<LedgerEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries.data?.items ?? []}
        loading={entries.isFetching}
        locale={{ emptyText: '暂无收支记录' }}
        scroll={{ x: 1200 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: entries.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 笔`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
    </>
  );
}
