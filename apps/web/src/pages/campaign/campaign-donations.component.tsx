import { useState } from 'react';
import { Button, Flex, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Campaign, Donation, DonorType } from '@gonghui/contracts';
import { campaignApi, campaignKeys, type DonationFilter } from '../../api/campaign.api';
import { formatTime } from '../../app/time';
import { ExportButton } from '../../components/export-button.component';
import { formatYuan } from '../../components/money';
import { DONOR_TYPE_OPTIONS } from './campaign-labels';
import { DonationFormModal } from './donation-form-modal.component';

const columns: ColumnsType<Donation> = [
  { title: '收据编号', dataIndex: 'receiptNo', key: 'receiptNo', width: 150 },
  { title: '捐赠方', dataIndex: 'donorName', key: 'donorName', ellipsis: true },
  { title: '类型', dataIndex: 'donorTypeLabel', key: 'donorType', width: 150 },
  { title: '金额', key: 'amount', align: 'right', width: 150, render: (_v, d) => formatYuan(d.amountFen) },
  { title: '到账日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 110 },
  { title: '接收单位', dataIndex: 'orgName', key: 'orgName', ellipsis: true },
  { title: '登记', key: 'recorded', width: 200, render: (_v, d) => <Typography.Text type="secondary">{`${d.recordedByName ?? ''} ${formatTime(d.createdAt, 'MM-DD HH:mm')}`}</Typography.Text> },
];

/** 捐款: the donations received by the caller's unions (and below), 登记捐款, 导出. */
export function CampaignDonations({ campaign }: { campaign: Campaign }) {
  const [filter, setFilter] = useState<DonationFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [recording, setRecording] = useState(false);
  const query = { ...filter, ...page };
  const list = useQuery({ queryKey: campaignKeys.donations(campaign.id, query), queryFn: () => campaignApi.donations(campaign.id, query), placeholderData: keepPreviousData });
  const change = (next: DonationFilter) => {
    setFilter(next);
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search allowClear placeholder="捐赠方或收据编号" style={{ width: 240 }} onSearch={(q) => change({ ...filter, q: q.trim() || undefined })} />
          <Select<DonorType> allowClear placeholder="捐赠方类型" style={{ width: 200 }} options={DONOR_TYPE_OPTIONS} value={filter.donorType} onChange={(donorType) => change({ ...filter, donorType })} />
        </Space>
        <Space wrap>
          <ExportButton title="导出捐款名单" fallbackName={`${campaign.name}捐款名单.xlsx`} description="导出当前筛选条件下,本单位及下级登记的全部捐款。" start={() => campaignApi.exportDonations(campaign.id, filter)} testId="donations-export" />
          {campaign.abilities.canRecordDonation ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="donation-record">
              登记捐款
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Table<Donation>
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1000 }}
        data-testid="donations-table"
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        footer={() => (
          <Typography.Text data-testid="donations-total">
            共 {list.data?.total ?? 0} 笔,合计 <Typography.Text strong>{formatYuan(list.data?.totalAmountFen ?? 0)}</Typography.Text>
          </Typography.Text>
        )}
      />
      {campaign.abilities.canRecordDonation ? <DonationFormModal campaign={campaign} open={recording} onClose={() => setRecording(false)} /> : null}
    </>
  );
}
