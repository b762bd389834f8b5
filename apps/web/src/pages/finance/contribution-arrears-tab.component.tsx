import { useState } from 'react';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONTRIBUTION_ARREARS_KIND_LABELS, type ContributionArrearsItem, type ContributionArrearsKind } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { contributionApi, contributionKeys, type ContributionArrearsQuery } from '../../api/contribution.api';
import { ExportButton } from '../../components/export-button.component';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { formatTime } from '../../app/time';
import { useListFilters } from '../cadres/use-list-filters.hook';
import { ContributionPayerModal } from './contribution-payer-modal.component';
import { yearOptions } from './dues-labels';

type Filter = Omit<ContributionArrearsQuery, 'page' | 'pageSize'>;
const KIND_OPTIONS = (Object.entries(CONTRIBUTION_ARREARS_KIND_LABELS) as [ContributionArrearsKind, string][]).map(([value, label]) => ({ value, label }));

/** 欠缴清单: enterprise-months not declared, or declared and not received, past the due day; 发送催缴; xlsx. */
export function ContributionArrearsTab({ initialQ, canManage }: { initialQ?: string; canManage: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const { filters, page, query, set, setPage } = useListFilters<Filter>({ q: initialQ });
  const list = useQuery({ queryKey: contributionKeys.arrears(query), queryFn: () => contributionApi.arrears(query), placeholderData: keepPreviousData });
  const remind = useMutation({
    mutationFn: (enterpriseId: string) => contributionApi.remind(enterpriseId),
    onSuccess: (r) => {
      void message.success(`已向企业工会发送催缴通知(${r.months}个月)`);
      void qc.invalidateQueries({ queryKey: contributionKeys.all });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const columns: TableColumnsType<ContributionArrearsItem> = [
    { title: '企业', dataIndex: 'enterpriseName', ellipsis: true },
    { title: '企业工会', dataIndex: 'unionOrgName', width: 220, ellipsis: true },
    { title: '区县(市)', dataIndex: 'districtName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '所属月份', dataIndex: 'period', width: 100 },
    { title: '欠缴类型', dataIndex: 'kind', width: 130, render: (v: ContributionArrearsKind) => <Tag color={v === 'missing' ? 'red' : 'orange'}>{CONTRIBUTION_ARREARS_KIND_LABELS[v]}</Tag> },
    { title: '截止日期', dataIndex: 'dueOn', width: 110 },
    { title: '欠缴金额', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number | null) => (v === null ? '待申报' : formatYuan(v)) },
    { title: '催缴', key: 'reminded', width: 170, render: (_v, r) => (r.remindedCount > 0 ? `${r.remindedCount}次,${formatTime(r.lastRemindedAt, 'MM-DD HH:mm')}` : '未催缴') },
    {
      title: '操作', key: 'ops', width: 110,
      render: (_v, r) =>
        r.abilities.remind ? (
          <Popconfirm title="发送催缴" description={`通知「${r.unionOrgName}」该企业全部欠缴月份?`} okText="发送" cancelText="取消" onConfirm={() => remind.mutate(r.enterpriseId)}>
            <Button size="small" icon={<NotificationOutlined />} loading={remind.isPending && remind.variables === r.enterpriseId}>发送催缴</Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        拨缴单位自纳入管理的月份起,每月工会经费应于次月截止日前申报并到账;逾期未申报或已申报未到账的月份列入欠缴。系统每天自动向企业工会发送一次催缴通知(同一企业同一月份只自动催缴一次),也可手动发送。
      </Typography.Paragraph>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Select allowClear placeholder="全部年度" style={{ width: 120 }} aria-label="年度" value={filters.year} options={yearOptions()} onChange={(year?: number) => set({ year })} />
          <OrgTreeSelect placeholder="工会(含下级)" style={{ width: 240 }} onChange={(v) => set({ orgId: v })} />
          <Select allowClear placeholder="欠缴类型" style={{ width: 150 }} aria-label="欠缴类型" options={KIND_OPTIONS} onChange={(kind?: ContributionArrearsKind) => set({ kind })} />
          <Input.Search allowClear defaultValue={initialQ} placeholder="企业名称或信用代码" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        </Flex>
        <Space>
          <ExportButton title="导出欠缴清单" fallbackName="工会经费欠缴清单.xlsx" start={() => contributionApi.exportArrears(filters)} description="按当前筛选条件导出本范围内的欠缴企业·月份。" testId="contribution-arrears-export" />
          {canManage ? <Button icon={<PlusOutlined />} onClick={() => setEnrolling(true)}>纳入拨缴管理</Button> : null}
        </Space>
      </Flex>
      <Table<ContributionArrearsItem>
        rowKey={(r) => `${r.enterpriseId}:${r.period}`} loading={list.isFetching} columns={columns} dataSource={list.data?.items ?? []} data-testid="contribution-arrears-list"
        locale={{ emptyText: '没有欠缴的企业' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 个企业·月`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <ContributionPayerModal open={enrolling} onClose={() => setEnrolling(false)} />
    </>
  );
}
