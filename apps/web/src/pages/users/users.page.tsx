import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { User } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import type { UserListQuery } from '../../api/contract-types';
import { queryKeys } from '../../api/query-keys';
import { userApi } from '../../api/user.api';
import { hasPermission } from '../../app/access';
import { formatTime, isFuture } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { PlatformRoleModal } from './platform-role-modal.component';
import { ResetPasswordModal } from './reset-password-modal.component';
import { UserFormModal } from './user-form-modal.component';
import { USER_STATUS_LABELS } from './user-labels';
import { useRoleOptions } from './use-role-options.hook';
import { UserRowActions, type UserDialog } from './user-row-actions.component';

type Filters = Pick<UserListQuery, 'q' | 'orgId' | 'roleCode' | 'status'>;

/** 用户管理: filters (kept in memory, never in the address bar), paged table, dialogs. */
export function UsersPage() {
  const { user: me } = useSession();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<UserDialog | null>(null);
  const { all: roleOptions } = useRoleOptions();
  const query: UserListQuery = { ...filters, ...page };
  const list = useQuery({ queryKey: queryKeys.userList(query), queryFn: () => userApi.list(query), placeholderData: keepPreviousData });

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '所属组织', dataIndex: 'orgName', ellipsis: true },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: User['roles']) => (
        <Space size={[4, 4]} wrap>
          {roles.length === 0
            ? '—'
            : roles.map((r) => (
                <Tag key={r.code} color={r.kind === 'platform' ? 'geekblue' : undefined}>
                  {r.name}
                </Tag>
              ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 120,
      render: (status: string, row) => (
        <Space size={4}>
          <Tag color={status === 'active' ? 'green' : 'default'}>{USER_STATUS_LABELS[status] ?? status}</Tag>
          {isFuture(row.lockedUntil) ? (
            <Tooltip title={`锁定至 ${formatTime(row.lockedUntil)}`}>
              <Tag color="red" icon={<LockOutlined />}>
                已锁定
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    { title: '双因素', dataIndex: 'mfaEnabled', width: 80, render: (on: boolean) => (on ? '已启用' : '未启用') },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => formatTime(v) },
    { title: '操作', key: 'actions', width: 250, fixed: 'right', render: (_v, row) => <UserRowActions user={row} onOpen={setDialog} /> },
  ];

  return (
    <>
      <PageTitle
        title="用户管理"
        extra={
          hasPermission(me, 'system:user:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建用户
            </Button>
          ) : null
        }
      />
      <Form<Filters>
        name="user-filter"
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) => {
          setFilters({ q: v.q?.trim() || undefined, orgId: v.orgId, roleCode: v.roleCode, status: v.status });
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="q" label="关键字">
          <Input allowClear placeholder="姓名或用户名" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="orgId" label="组织">
          <OrgTreeSelect placeholder="全部" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="roleCode" label="角色">
          <Select allowClear placeholder="全部" options={roleOptions} style={{ width: 180 }} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 110 }}
            options={[
              { value: 'active', label: '正常' },
              { value: 'disabled', label: '已停用' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
              setPage((p) => ({ ...p, page: 1 }));
            }}
          >
            重置
          </Button>
        </Form.Item>
      </Form>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '暂无符合条件的用户' }}
        scroll={{ x: 1200 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个用户`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <UserFormModal
        target={creating ? 'create' : dialog?.kind === 'edit' ? dialog.user : null}
        onClose={() => {
          setCreating(false);
          setDialog(null);
        }}
      />
      <ResetPasswordModal user={dialog?.kind === 'reset' ? dialog.user : null} onClose={() => setDialog(null)} />
      <PlatformRoleModal user={dialog?.kind === 'platform' ? dialog.user : null} onClose={() => setDialog(null)} />
    </>
  );
}
