import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecuperationBase, RecuperationRoute } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { recuperationApi, recuperationKeys } from '../../api/recuperation.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { RecuperationBaseFormModal } from './recuperation-base-form-modal.component';
import { RECUPERATION_RULE_HELP } from './recuperation-labels';
import { RecuperationPlanCard } from './recuperation-plan-card.component';
import { RecuperationRouteFormModal } from './recuperation-route-form-modal.component';

const activeTag = (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>);

/** Asks before deleting, then refreshes the catalogue; the server refuses a base with routes or a route with batches. */
function useConfirmDelete() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  return (title: string, content: string, run: () => Promise<unknown>) =>
    modal.confirm({
      title,
      content,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await run();
          void message.success('已删除');
          await queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
        } catch (error) {
          void message.error(errorMessage(error));
        }
      },
    });
}

function BasesTable({ canManage }: { canManage: boolean }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [target, setTarget] = useState<'create' | RecuperationBase | null>(null);
  const list = useQuery({ queryKey: recuperationKeys.bases(page), queryFn: () => recuperationApi.bases(page), placeholderData: keepPreviousData });
  const confirmDelete = useConfirmDelete();
  const columns: TableColumnsType<RecuperationBase> = [
    { title: '基地名称', dataIndex: 'name', ellipsis: true },
    { title: '所在地', dataIndex: 'location', width: 140 },
    { title: '地址', dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '联系人', key: 'contact', width: 180, render: (_v, b) => (b.contactName || b.contactPhone ? `${b.contactName ?? ''} ${b.contactPhone ?? ''}` : '—') },
    { title: '线路数', dataIndex: 'routeCount', width: 80, align: 'right' },
    { title: '状态', dataIndex: 'active', width: 80, render: activeTag },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_v, b) => (
        <Space size={0}>
          {b.abilities.canEdit ? (
            <Button type="link" size="small" onClick={() => setTarget(b)}>
              修改
            </Button>
          ) : null}
          {b.abilities.canDelete ? (
            <Button type="link" size="small" danger onClick={() => confirmDelete(`删除基地「${b.name}」?`, '删除后不能恢复;已设线路的基地不能删除,可改为停用。', () => recuperationApi.deleteBase(b.id))}>
              删除
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title="疗休养基地"
      style={{ marginBottom: 16 }}
      extra={
        canManage ? (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTarget('create')} data-testid="base-create">
            新增基地
          </Button>
        ) : null
      }
    >
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<RecuperationBase>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 900 }}
        data-testid="recuperation-bases"
        locale={{ emptyText: '还没有疗休养基地' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 个基地`, onChange: (p, pageSize) => setPage({ page: p, pageSize }) }}
      />
      <RecuperationBaseFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

function RoutesTable({ canManage }: { canManage: boolean }) {
  const [baseId, setBaseId] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [target, setTarget] = useState<'create' | RecuperationRoute | null>(null);
  const query = { ...page, baseId };
  const list = useQuery({ queryKey: recuperationKeys.routes(query), queryFn: () => recuperationApi.routes(query), placeholderData: keepPreviousData });
  const basesQuery = { pageSize: 100 };
  const bases = useQuery({ queryKey: recuperationKeys.bases(basesQuery), queryFn: () => recuperationApi.bases(basesQuery) });
  const confirmDelete = useConfirmDelete();
  const columns: TableColumnsType<RecuperationRoute> = [
    { title: '线路名称', dataIndex: 'name', ellipsis: true },
    { title: '基地', key: 'base', width: 200, ellipsis: true, render: (_v, r) => `${r.baseName}(${r.location})` },
    { title: '天数', dataIndex: 'days', width: 70, align: 'right', render: (v: number) => `${v} 天` },
    { title: '补助(每人每天)', dataIndex: 'allowancePerDay', width: 130, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '每人费用', dataIndex: 'costPerPerson', width: 120, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '批次数', dataIndex: 'batchCount', width: 80, align: 'right' },
    { title: '状态', dataIndex: 'active', width: 80, render: activeTag },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      render: (_v, r) => (
        <Space size={0}>
          {r.abilities.canEdit ? (
            <Button type="link" size="small" onClick={() => setTarget(r)}>
              修改
            </Button>
          ) : null}
          {r.abilities.canDelete ? (
            <Button type="link" size="small" danger onClick={() => confirmDelete(`删除线路「${r.name}」?`, '删除后不能恢复;已开批次的线路不能删除,可改为停用。', () => recuperationApi.deleteRoute(r.id))}>
              删除
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title="疗休养线路"
      extra={
        <Space>
          <Select
            allowClear
            placeholder="全部基地"
            style={{ width: 200 }}
            value={baseId}
            options={(bases.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
            onChange={(v: string | undefined) => {
              setBaseId(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            aria-label="按基地筛选"
          />
          {canManage ? (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTarget('create')} data-testid="route-create">
              新增线路
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {RECUPERATION_RULE_HELP}
      </Typography.Paragraph>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<RecuperationRoute>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 950 }}
        data-testid="recuperation-routes"
        expandable={{ rowExpandable: (r) => !!r.itinerary || !!r.description, expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{[r.description, r.itinerary].filter(Boolean).join('\n\n')}</Typography.Paragraph> }}
        locale={{ emptyText: '还没有线路' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 条线路`, onChange: (p, pageSize) => setPage({ page: p, pageSize }) }}
      />
      <RecuperationRouteFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

/** 基地与线路: the catalogue the city keeps (bases, routes within the Zhejiang 2020 limits) and the year's plan. */
export function RecuperationCataloguePage() {
  const { user } = useSession();
  const canManage = hasPermission(user, 'recuperation:plan:manage');
  return (
    <>
      <PageTitle title="基地与线路" />
      <RecuperationPlanCard />
      <BasesTable canManage={canManage} />
      <RoutesTable canManage={canManage} />
    </>
  );
}
