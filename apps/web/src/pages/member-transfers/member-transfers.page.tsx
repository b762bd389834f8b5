import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Select, Space, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Transfer } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import type { TransferBox, TransferListQuery } from '../../api/contract-types';
import { memberTransferApi } from '../../api/member-transfer.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { indexOrgTree, useOrgTree } from '../../components/use-org-tree.hook';
import { TransferActionModal, type TransferActionTarget } from './transfer-action-modal.component';
import { TransferActions } from './transfer-actions.component';
import { TransferCreateModal, type TransferTarget } from './transfer-create-modal.component';
import { TransferDetailDrawer } from './transfer-detail-drawer.component';
import { BOX_TABS, TRANSFER_STATUS_COLORS, TRANSFER_STATUS_LABELS, TRANSFER_STATUS_OPTIONS } from './transfer-labels';

type StatusFilter = NonNullable<TransferListQuery['status']>;

const EMPTY_TEXT: Record<TransferBox, string> = {
  inbox: '暂无待您办理的接转申请',
  outbox: '您的单位尚未发起接转申请',
  all: '暂无接转记录',
};

/** 会员接转: 待我办理 / 我发起的 / 全部, the detail with its timeline, the actions, and 申请转入. */
export function MemberTransfersPage() {
  const { user } = useSession();
  const [box, setBox] = useState<TransferBox>('inbox');
  const [status, setStatus] = useState<StatusFilter | undefined>(undefined);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [acting, setActing] = useState<TransferActionTarget | null>(null);
  const [creating, setCreating] = useState<TransferTarget | null>(null);
  const tree = useOrgTree();
  const orgIndex = useMemo(() => indexOrgTree(tree.data), [tree.data]);
  // a grassroots union's staff apply for their own union
  const ownUnion = user && orgIndex.get(user.orgId)?.kind === 'grassroots' ? user.orgId : undefined;
  const query: TransferListQuery = { box, status, ...page };
  const list = useQuery({ queryKey: queryKeys.transferList(query), queryFn: () => memberTransferApi.list(query), placeholderData: keepPreviousData });

  const columns: TableColumnsType<Transfer> = [
    {
      title: '会员',
      dataIndex: 'memberName',
      width: 100,
      render: (name: string, row) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
          {name}
        </Button>
      ),
    },
    { title: '身份证号', dataIndex: 'memberIdCard', width: 180 },
    { title: '转出工会', dataIndex: 'fromOrgName', ellipsis: true },
    { title: '转入工会', dataIndex: 'toOrgName', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      width: 210,
      render: (s: Transfer['status'], row) => (
        <Space size={4}>
          <Tag color={TRANSFER_STATUS_COLORS[s]}>{TRANSFER_STATUS_LABELS[s]}</Tag>
          {row.crossDistrict ? <Tag>跨区县</Tag> : null}
        </Space>
      ),
    },
    { title: '发起时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_v, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
            详情
          </Button>
          <TransferActions transfer={row} onAct={setActing} link />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="会员接转"
        extra={
          hasPermission(user, 'member:transfer:create') ? (
            <Button type="primary" icon={<LoginOutlined />} onClick={() => setCreating({ mode: 'in', toOrgId: ownUnion })}>
              申请转入
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={box}
        onChange={(key) => {
          setBox(key as TransferBox);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        items={BOX_TABS.map((t) => ({ key: t.key, label: t.label }))}
        tabBarExtraContent={
          <Flex align="center" gap={8}>
            <span>状态</span>
            <Select<StatusFilter>
              allowClear
              placeholder="全部"
              aria-label="按状态筛选"
              style={{ width: 160 }}
              value={status}
              options={TRANSFER_STATUS_OPTIONS}
              onChange={(v) => {
                setStatus(v ?? undefined);
                setPage((p) => ({ ...p, page: 1 }));
              }}
            />
          </Flex>
        }
      />
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Transfer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: status ? '没有符合条件的接转申请' : EMPTY_TEXT[box] }}
        scroll={{ x: 1200 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <TransferDetailDrawer transferId={openId} onClose={() => setOpenId(null)} />
      <TransferActionModal formName="transfer-action-form" target={acting} onClose={() => setActing(null)} />
      <TransferCreateModal target={creating} onClose={() => setCreating(null)} onCreated={(t) => setOpenId(t.id)} />
    </>
  );
}
