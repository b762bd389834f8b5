import { useState } from 'react';
import { Button, Flex, Input, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { CONTRIBUTION_STATUS_LABELS, type ContributionStatus } from '@gonghui/contracts';
import { contributionApi, contributionKeys, type ContributionListItem, type ContributionListQuery } from '../../api/contribution.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { useListFilters } from '../cadres/use-list-filters.hook';
import { ContributionArrearsTab } from './contribution-arrears-tab.component';
import { ContributionDeclareModal } from './contribution-declare-modal.component';
import { ContributionDetailDrawer } from './contribution-detail-drawer.component';
import { ContributionPaymentModal } from './contribution-payment-modal.component';
import { ContributionStatusTag } from './contribution-status-tag.component';
import { monthOptions, yearOptions } from './dues-labels';

type Filter = Omit<ContributionListQuery, 'page' | 'pageSize'>;
const STATUS_OPTIONS = (Object.entries(CONTRIBUTION_STATUS_LABELS) as [ContributionStatus, string][]).map(([value, label]) => ({ value, label }));

/** 经费拨缴: enterprises' monthly declarations (工资总额 × 2%), receipt and split, and the arrears list. */
export function ContributionListPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'arrears' ? 'arrears' : 'declarations';
  const canManage = hasPermission(user, 'finance:contribution:manage');
  const { filters, page, query, set, setPage } = useListFilters<Filter>({});
  const [declaring, setDeclaring] = useState<{ editing: ContributionListItem | null } | null>(null);
  const [paying, setPaying] = useState<ContributionListItem | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const list = useQuery({ queryKey: contributionKeys.list(query), queryFn: () => contributionApi.list(query), placeholderData: keepPreviousData, enabled: tab === 'declarations' });
  const settings = useQuery({ queryKey: contributionKeys.settings, queryFn: () => contributionApi.settings() });
  const columns: TableColumnsType<ContributionListItem> = [
    { title: '企业', dataIndex: 'enterpriseName', ellipsis: true, render: (v: string, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(r.id)}>{v}</Button> },
    { title: '区县(市)', dataIndex: 'districtName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '所属月份', dataIndex: 'period', width: 100 },
    { title: '工资总额', dataIndex: 'payrollFen', width: 150, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '工会经费', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '状态', key: 'status', width: 120, render: (_v, r) => <ContributionStatusTag row={r} /> },
    { title: '截止/到账', key: 'dates', width: 120, render: (_v, r) => r.paidOn ?? `截止 ${r.dueOn}` },
    {
      title: '操作', key: 'ops', width: 170,
      render: (_v, r) => (
        <Space size={4}>
          {r.abilities.confirmPayment ? <Button size="small" type="primary" onClick={() => setPaying(r)}>确认到账</Button> : null}
          {r.abilities.edit ? <Button size="small" onClick={() => setDeclaring({ editing: r })}>更正</Button> : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title="经费拨缴"
        extra={
          <Space>
            {hasPermission(user, 'finance:report:view') ? <Button icon={<BarChartOutlined />} onClick={() => void navigate('/finance/contributions/report')}>经费拨缴报表</Button> : null}
            {canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDeclaring({ editing: null })} data-testid="declare-contribution">登记申报</Button> : null}
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'arrears' ? { tab: k } : {})}
        items={[
          {
            key: 'declarations', label: '申报台账',
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  建立工会的企业按月申报工资总额,按 {(settings.data?.rateBp ?? 200) / 100}% 计算应拨缴的工会经费(四舍五入到分),次月 {settings.data?.dueDay ?? 15} 日前到账。确认到账后,按分成比例(基层工会留成 {(settings.data?.shares.grassroots ?? 6000) / 100}%,其余按级上解)一次性记入各级工会经费账户;按全年累计分配,各月合计与全年应分成数额分毫不差。
                </Typography.Paragraph>
                <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 12 }}>
                  <Flex gap={8} wrap>
                    <Select allowClear placeholder="全部年度" style={{ width: 120 }} aria-label="年度" options={yearOptions()} onChange={(year?: number) => set({ year })} />
                    <Select allowClear placeholder="所属月份" style={{ width: 120 }} aria-label="所属月份" options={monthOptions(24)} onChange={(period?: string) => set({ period })} />
                    <Select allowClear placeholder="状态" style={{ width: 140 }} aria-label="状态" options={STATUS_OPTIONS} onChange={(status?: ContributionStatus) => set({ status })} />
                    <OrgTreeSelect placeholder="工会(含下级)" style={{ width: 240 }} onChange={(v) => set({ orgId: v })} />
                    <Input.Search allowClear placeholder="企业名称或信用代码" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
                  </Flex>
                  <ExportButton title="导出申报拨缴台账" fallbackName="工会经费申报拨缴台账.xlsx" start={() => contributionApi.export(filters)} description="按当前筛选条件导出本范围内的申报记录。" testId="contribution-export" />
                </Flex>
                <Table<ContributionListItem>
                  rowKey="id" loading={list.isFetching} columns={columns} dataSource={list.data?.items ?? []} data-testid="contribution-list"
                  locale={{ emptyText: canManage ? '暂无申报记录,点击「登记申报」录入企业月度工资总额' : '暂无申报记录' }}
                  pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 条`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
                />
              </>
            ),
          },
          { key: 'arrears', label: '欠缴清单', children: tab === 'arrears' ? <ContributionArrearsTab initialQ={params.get('q') ?? undefined} canManage={canManage} /> : null },
        ]}
      />
      <ContributionDeclareModal open={!!declaring} editing={declaring?.editing ?? null} rateBp={settings.data?.rateBp ?? 200} onClose={() => setDeclaring(null)} />
      <ContributionPaymentModal row={paying} onClose={() => setPaying(null)} />
      <ContributionDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
