import { useState } from 'react';
import { Alert, Badge, Button, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AID_CATEGORIES, WORKFLOW_STATUS_CODES, type AidCategory, type WorkflowStatusCode } from '@gonghui/contracts';
import { aidApi } from '../../api/aid.api';
import { errorMessage } from '../../api/api-client';
import type { AidApplicationListItem, AidBox, AidListQuery } from '../../api/contract-types';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { WorkflowStatusTag } from '../../components/workflow-status-tag.component';
import { AidFilter, type AidFilters } from './aid-filter.component';
import { BOX_TABS } from './aid-labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const EMPTY_TEXT: Record<AidBox, string> = {
  inbox: '暂无待您审核的帮扶申请',
  all: '暂无帮扶申请',
  mine: '您还没有代职工填报申请',
};

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined => (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** Tab and filters live in the address (so the list comes back as it was after a detail); the name search does not (nothing personal in the address bar). */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const box = oneOf<AidBox>(['all', 'inbox', 'mine'], params.get('box')) ?? 'all';
  const campaignId = params.get('campaignId');
  const filters: Omit<AidFilters, 'q'> = {
    status: oneOf<WorkflowStatusCode>(WORKFLOW_STATUS_CODES, params.get('status')),
    category: oneOf<AidCategory>(AID_CATEGORIES, params.get('category')),
    campaignId: campaignId && UUID.test(campaignId) ? campaignId : undefined,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (next: { box?: AidBox; filters?: Omit<AidFilters, 'q'>; page?: number }) => {
    const f = next.filters ?? filters;
    const entries: [string, string | undefined][] = [
      ['box', next.box ?? box],
      ['status', f.status],
      ['category', f.category],
      ['campaignId', f.campaignId],
      ['page', next.page && next.page > 1 ? String(next.page) : undefined],
    ];
    setParams(Object.fromEntries(entries.filter((e): e is [string, string] => !!e[1])), { replace: true });
  };
  return { box, filters, page, update };
}

/** 帮扶申请: 全部 / 待我审核 / 我填报的, filters, paging; a row opens its detail. */
export function AidApplicationsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { box, filters, page, update } = useListParams();
  const [q, setQ] = useState<string | undefined>(undefined);
  const [pageSize, setPageSize] = useState(20);
  const query: AidListQuery = { box, ...filters, q, page, pageSize };
  const list = useQuery({ queryKey: queryKeys.aidList(query), queryFn: () => aidApi.list(query), placeholderData: keepPreviousData });
  const canReview = hasPermission(user, 'aid:application:approve');
  const inboxQuery: AidListQuery = { box: 'inbox', page: 1, pageSize: 1 };
  const inbox = useQuery({ queryKey: queryKeys.aidList(inboxQuery), queryFn: () => aidApi.list(inboxQuery), enabled: canReview });
  const tabs = BOX_TABS.filter((t) => (t.key === 'inbox' ? canReview : t.key === 'mine' ? hasPermission(user, 'aid:application:create') : true));
  const filtered = !!(q || filters.status || filters.category || filters.campaignId);

  const columns: TableColumnsType<AidApplicationListItem> = [
    {
      title: '申请人',
      dataIndex: 'memberName',
      width: 100,
      fixed: 'left',
      render: (name: string, row) => <Link to={`/aid/applications/${row.id}`}>{name}</Link>,
    },
    { title: '身份证号', dataIndex: 'memberIdCard', width: 175 },
    { title: '所在工会', dataIndex: 'orgName', ellipsis: true, width: 200 },
    { title: '类别', dataIndex: 'categoryLabel', width: 100 },
    { title: '申请金额', dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => formatYuan(v, '') },
    { title: '核定金额', dataIndex: 'approvedAmountFen', width: 120, align: 'right', render: (v: number | null) => formatYuan(v, '') },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_v, row) => <WorkflowStatusTag status={row.status} overdue={row.workflow.overdue} />,
    },
    {
      title: '当前环节',
      key: 'step',
      width: 220,
      render: (_v, row) =>
        row.workflow.stepLabel ? (
          <>
            {row.workflow.stepLabel}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.workflow.assigneeOrgName}
            </Typography.Text>
          </>
        ) : row.status === 'publicity' ? (
          `公示至 ${formatTime(row.workflow.publicityEndsAt, 'MM-DD HH:mm')}`
        ) : row.payout ? (
          <Tag color="green">已发放</Tag>
        ) : (
          '—'
        ),
    },
    { title: '办理时限', key: 'due', width: 110, render: (_v, row) => row.workflow.stepDueDate ?? '—' },
    { title: '申请时间', dataIndex: 'createdAt', width: 160, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_v, row) => {
        const a = row.abilities;
        const todo = a.canApprove || a.canSubmit || a.canDisburse || a.canReopen;
        return (
          <Button type="link" size="small" onClick={() => void navigate(`/aid/applications/${row.id}`)}>
            {todo ? '办理' : '详情'}
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <PageTitle
        title="帮扶申请"
        extra={
          hasPermission(user, 'aid:application:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/aid/applications/new')}>
              代职工申请
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        春风行动帮扶申请:基层工会初审 → 入户调查 → 区县(市)总工会复审 → 超过市总审批金额的报市总工会审批 → 公示 → 批准 → 发放。「待我审核」列出当前环节由本单位办理的申请。
      </Typography.Paragraph>
      <Tabs
        activeKey={box}
        onChange={(key) => update({ box: key as AidBox, page: 1 })}
        items={tabs.map((t) => ({
          key: t.key,
          label:
            t.key === 'inbox' && inbox.data && inbox.data.total > 0 ? (
              <Badge count={inbox.data.total} size="small" offset={[8, -2]}>
                {t.label}
              </Badge>
            ) : (
              t.label
            ),
        }))}
      />
      <AidFilter
        value={{ ...filters, q }}
        onChange={(f) => {
          setQ(f.q);
          update({ filters: { status: f.status, category: f.category, campaignId: f.campaignId }, page: 1 });
        }}
      />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<AidApplicationListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: filtered ? '没有符合条件的帮扶申请' : EMPTY_TEXT[box] }}
        scroll={{ x: 1500 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, size) => {
            setPageSize(size);
            update({ page: size === pageSize ? p : 1 });
          },
        }}
      />
    </>
  );
}
