import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DATA_SCOPE_LABELS, type DataScopeKind, type Role } from '@gonghui/contracts';
import { errorMessage, isApiError } from '../../api/api-client';
import { queryKeys } from '../../api/query-keys';
import { roleApi } from '../../api/role.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { RoleFormModal, type RoleFormTarget } from './role-form-modal.component';

/** 角色权限: built-in roles read-only; custom roles created, edited and deleted with `system:role:manage`. */
export function RolesPage() {
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<RoleFormTarget | null>(null);
  const canManage = hasPermission(user, 'system:role:manage');
  const roles = useQuery({ queryKey: queryKeys.roles, queryFn: roleApi.list });

  const remove = useMutation({
    mutationFn: (role: Role) => roleApi.remove(role.id),
    onSuccess: () => {
      void message.success('角色已删除');
      void queryClient.invalidateQueries({ queryKey: queryKeys.roles });
    },
    onError: (error) => {
      if (!(isApiError(error) && error.status === 403)) void message.error(errorMessage(error));
    },
  });

  const columns: TableColumnsType<Role> = [
    { title: '角色编码', dataIndex: 'code', width: 170 },
    {
      title: '角色名称',
      dataIndex: 'name',
      render: (name: string, role) => (
        <Space size={4}>
          {name}
          {role.builtin ? <Tag>内置</Tag> : null}
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 90, render: (kind: Role['kind']) => (kind === 'platform' ? <Tag color="geekblue">平台</Tag> : <Tag>业务</Tag>) },
    { title: '数据范围', dataIndex: 'scope', width: 140, render: (scope: DataScopeKind) => DATA_SCOPE_LABELS[scope] ?? scope },
    { title: '权限数', dataIndex: 'permissions', width: 80, render: (p: string[]) => p.length },
    { title: '用户数', dataIndex: 'userCount', width: 80 },
    { title: '说明', dataIndex: 'description', ellipsis: true, render: (d: string | null) => d ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_v, role) =>
        role.builtin || !canManage ? (
          <Button type="link" size="small" onClick={() => setTarget({ mode: 'view', role })}>
            查看
          </Button>
        ) : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', role })}>
              编辑
            </Button>
            <Popconfirm
              title={`确认删除角色「${role.name}」?`}
              description={role.userCount > 0 ? `仍有 ${role.userCount} 个用户持有该角色,删除后他们将失去相应权限。` : '删除后不可恢复。'}
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove.mutateAsync(role).catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageTitle
        title="角色权限"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })}>
              新建角色
            </Button>
          ) : null
        }
      />
      {roles.isError ? <Alert type="error" showIcon title={errorMessage(roles.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Role>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={roles.data ?? []}
        loading={roles.isFetching}
        locale={{ emptyText: '暂无角色' }}
        pagination={false}
        scroll={{ x: 960 }}
      />
      <RoleFormModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
