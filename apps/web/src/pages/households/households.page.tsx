import { useState } from 'react';
import { Alert, Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ControlOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { HouseholdListItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { householdApi, householdKeys } from '../../api/household.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { HouseholdDetailDrawer } from './household-detail-drawer.component';
import { DEFAULT_HOUSEHOLD_FILTERS, HouseholdFilter, type HouseholdFilters } from './household-filter.component';
import { HouseholdFormModal } from './household-form-modal.component';
import { HOUSEHOLD_STATUS_LABELS, HOUSEHOLD_TIER_LABELS, STATUS_COLORS, TIER_COLORS } from './household-labels';
import { ReviewDueTag } from './review-due-tag.component';

/** 困难职工档案: the households of the user's scope, tiers, the 复核 due, 建档 and export. */
export function HouseholdsPage() {
  const { user } = useSession();
  const [filters, setFilters] = useState<HouseholdFilters>(DEFAULT_HOUSEHOLD_FILTERS);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [filterKey, setFilterKey] = useState(0);
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: householdKeys.list(query), queryFn: () => householdApi.list(query), placeholderData: keepPreviousData });
  const due = useQuery({ queryKey: householdKeys.dueCount, queryFn: () => householdApi.list({ status: 'review_due', pageSize: 1 }) });
  const dueCount = due.data?.total ?? 0;
  const canManage = hasPermission(user, 'aid:household:manage');

  const showDue = () => {
    setFilters({ status: 'review_due' });
    setPage((p) => ({ ...p, page: 1 }));
    setFilterKey((k) => k + 1);
  };

  const columns: TableColumnsType<HouseholdListItem> = [
    {
      title: '户主',
      dataIndex: 'headName',
      width: 100,
      fixed: 'left',
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {name}
        </Button>
      ),
    },
    { title: '身份证号', dataIndex: 'headIdCard', width: 175 },
    { title: '所在工会', dataIndex: 'orgName', ellipsis: true },
    { title: '区县', dataIndex: 'districtName', width: 120, render: (v: string | null, row) => v ?? row.districtCode ?? '—' },
    {
      title: '困难类型',
      dataIndex: 'tier',
      width: 100,
      render: (tier: HouseholdListItem['tier']) => (tier ? <Tag color={TIER_COLORS[tier]}>{HOUSEHOLD_TIER_LABELS[tier]}</Tag> : '—'),
    },
    { title: '人口', dataIndex: 'householdSize', width: 60, align: 'right' },
    {
      title: '人均月收入',
      dataIndex: 'perCapitaMonthlyFen',
      width: 170,
      align: 'right',
      render: (v: number, row) => (
        <span title={`低保标准 ${formatYuan(row.lineMonthlyFen)}(${row.lineYear} 年)`}>
          {formatYuan(v)}
          <Typography.Text type="secondary">({row.ratio.toFixed(2)} 倍)</Typography.Text>
        </span>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: HouseholdListItem['status']) => <Tag color={STATUS_COLORS[s]}>{HOUSEHOLD_STATUS_LABELS[s]}</Tag> },
    { title: '下次复核', key: 'next', width: 220, render: (_v, row) => <ReviewDueTag household={row} showDate /> },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
          {row.abilities.canReview && row.reviewOverdue ? '复核' : '详情'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="困难职工档案"
        extra={
          <Space wrap>
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                建档
              </Button>
            ) : null}
            <ExportButton
              title="导出困难职工档案"
              fallbackName="困难职工档案.xlsx"
              description="按当前筛选条件导出(身份证号脱敏),导出操作记入审计日志。"
              start={() => householdApi.export({ ...filters })}
            />
            <Link to="/aid/subsistence-lines">
              <Button icon={<ControlOutlined />}>低保标准</Button>
            </Link>
          </Space>
        }
      />
      {dueCount > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="review-due-alert"
          title={`有 ${dueCount} 户困难职工档案已到年度复核日期,请入户核实收入后及时复核;不再符合标准的办理退出。`}
          action={
            <Button size="small" onClick={showDue}>
              查看待复核
            </Button>
          }
        />
      ) : null}
      <HouseholdFilter
        key={filterKey}
        initial={filters}
        onChange={(next) => {
          setFilters(next);
          setPage((p) => ({ ...p, page: 1 }));
        }}
      />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<HouseholdListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: canManage ? '没有符合条件的档案,可点击「建档」登记困难职工家庭' : '没有符合条件的档案' }}
        scroll={{ x: 1280 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 户`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <HouseholdDetailDrawer householdId={openId} onClose={() => setOpenId(null)} />
      <HouseholdFormModal target={creating ? 'create' : null} onClose={() => setCreating(false)} onSaved={(h) => setOpenId(h.id)} />
    </>
  );
}
