import { App, Button, Flex, Input, InputNumber, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { DuesArrearsRow, DuesUnionArrears } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { duesApi, duesKeys, type DuesArrearsQuery } from '../../api/dues.api';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { useListFilters } from '../cadres/use-list-filters.hook';
import { currentYear, yearOptions } from './dues-labels';

type Filter = Omit<DuesArrearsQuery, 'page' | 'pageSize'>;

/** 会费欠缴: members with months due, not exempt and not paid (filters, xlsx), and the totals per union. */
export function DuesArrearsPage() {
  const { message } = App.useApp();
  const { filters, page, query, set, setPage } = useListFilters<Filter>({ year: currentYear(), minMonths: 1 });
  const year = filters.year ?? currentYear();
  const members = useQuery({ queryKey: duesKeys.arrears(query), queryFn: () => duesApi.arrears(query), placeholderData: keepPreviousData });
  const unions = useQuery({ queryKey: duesKeys.unionArrears({ year, orgId: filters.orgId }), queryFn: () => duesApi.unionArrears({ year, orgId: filters.orgId }) });
  const exporting = useMutation({ mutationFn: () => duesApi.exportArrears(filters), onError: (e) => void message.error(errorMessage(e)) });
  const memberColumns: TableColumnsType<DuesArrearsRow> = [
    { title: '会员', dataIndex: 'memberName', width: 100 },
    { title: '会员卡号', dataIndex: 'cardNo', width: 170 },
    { title: '所属工会', dataIndex: 'orgName', ellipsis: true },
    { title: '欠缴月份', dataIndex: 'months', render: (v: string[]) => <Flex wrap gap={2}>{v.map((m) => <Tag key={m}>{m.slice(5)}月</Tag>)}</Flex> },
    { title: '欠缴金额', dataIndex: 'arrearsFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
  ];
  const unionColumns: TableColumnsType<DuesUnionArrears> = [
    { title: '基层工会', dataIndex: 'orgName' },
    { title: '欠缴人数', dataIndex: 'members', width: 100, align: 'right' },
    { title: '欠缴人月', dataIndex: 'memberMonths', width: 100, align: 'right' },
    { title: '欠缴金额', dataIndex: 'arrearsFen', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
  ];
  return (
    <>
      <PageTitle title="会费欠缴" extra={<Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="export-dues-arrears">导出Excel</Button>} />
      <Typography.Paragraph type="secondary">
        欠缴指本年度截至本月,会员已核定会费、未减免、且没有确认入账的缴费记录的月份(部分缴纳的月份按差额计)。入会月份之前、会籍变动之后的月份不计。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 110 }} aria-label="年度" value={year} options={yearOptions()} onChange={(v: number) => set({ year: v })} />
        <OrgTreeSelect placeholder="工会(含下级)" style={{ width: 240 }} onChange={(v) => set({ orgId: v })} />
        <Input.Search allowClear placeholder="姓名或会员卡号" style={{ width: 180 }} onSearch={(q) => set({ q: q || undefined })} />
        <InputNumber min={1} max={12} addonBefore="欠缴≥" addonAfter="个月" style={{ width: 170 }} value={filters.minMonths} onChange={(v) => set({ minMonths: v ?? 1 })} />
      </Flex>
      <Tabs
        items={[
          {
            key: 'members', label: '按会员',
            children: (
              <Table<DuesArrearsRow>
                rowKey="memberId" loading={members.isFetching} columns={memberColumns} dataSource={members.data?.items ?? []} data-testid="dues-arrears-list"
                locale={{ emptyText: '没有欠缴会费的会员' }}
                pagination={{ current: page.page, pageSize: page.pageSize, total: members.data?.total ?? 0, showTotal: (n) => `共 ${n} 人`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
              />
            ),
          },
          {
            key: 'unions', label: '按工会',
            children: <Table<DuesUnionArrears> rowKey="orgId" loading={unions.isFetching} columns={unionColumns} dataSource={unions.data ?? []} pagination={{ pageSize: 20 }} locale={{ emptyText: '没有欠缴会费的工会' }} />,
          },
        ]}
      />
    </>
  );
}
