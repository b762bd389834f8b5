import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DATA_SCOPE_LABELS, DATA_SCOPES, roleBodySchema, type DataScopeKind, type Role } from '@gonghui/contracts';
import { roleApi } from '../../api/role.api';
import { applyServerErrors, schemaRule } from '../../api/form-errors';
import { queryKeys } from '../../api/query-keys';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PermissionGroups } from './permission-groups.component';

interface RoleFormValues {
  code: string;
  name: string;
  scope: DataScopeKind;
  permissions: string[];
  scopeOrgIds: string[];
  description?: string;
}

export type RoleFormTarget = { mode: 'create' } | { mode: 'edit' | 'view'; role: Role };

const FIELDS = ['code', 'name', 'scope', 'permissions', 'scopeOrgIds', 'description'];
const SCOPE_OPTIONS = DATA_SCOPES.map((value) => ({ value, label: DATA_SCOPE_LABELS[value] }));

/** 新建 / 编辑 a custom role, or 查看 a built-in one (read-only). */
export function RoleFormModal({ target, onClose }: { target: RoleFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<RoleFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const scope = Form.useWatch('scope', form);
  const readOnly = target?.mode === 'view';
  const role = target && target.mode !== 'create' ? target.role : null;

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    if (target.mode === 'create') {
      form.setFieldsValue({ scope: 'unit_and_below', permissions: [], scopeOrgIds: [] });
    } else {
      const r = target.role;
      form.setFieldsValue({
        code: r.code,
        name: r.name,
        scope: r.scope,
        permissions: r.permissions,
        scopeOrgIds: r.scopeOrgIds,
        description: r.description ?? undefined,
      });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: RoleFormValues): Promise<Role> => {
      const body = {
        name: v.name.trim(),
        scope: v.scope,
        permissions: v.permissions,
        scopeOrgIds: v.scope === 'custom' ? v.scopeOrgIds : [],
        description: v.description?.trim() || undefined,
      };
      return role ? roleApi.update(role.id, body) : roleApi.create({ ...body, code: v.code.trim() });
    },
    onSuccess: () => {
      void message.success(role ? '角色已保存' : '角色已创建');
      void queryClient.invalidateQueries({ queryKey: queryKeys.roles });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  const title = !target ? '' : target.mode === 'create' ? '新建角色' : target.mode === 'edit' ? `编辑角色:${target.role.name}` : `查看角色:${target.role.name}(内置,只读)`;

  return (
    <Modal
      open={!!target}
      title={title}
      width={720}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => (readOnly ? onClose() : form.submit())}
      onCancel={onClose}
      footer={readOnly ? (_node, { CancelBtn }) => <CancelBtn /> : undefined}
      cancelText={readOnly ? '关闭' : '取消'}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<RoleFormValues> name="role-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)} disabled={readOnly}>
        <Form.Item
          label="角色编码"
          name="code"
          rules={[{ required: true, message: '请填写角色编码' }, schemaRule(roleBodySchema.shape.code)]}
          extra={target?.mode === 'create' ? '创建后不可修改,如 district_finance' : undefined}
        >
          <Input maxLength={40} disabled={target?.mode !== 'create'} />
        </Form.Item>
        <Form.Item label="角色名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写角色名称' }, schemaRule(roleBodySchema.shape.name)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="数据范围" name="scope" rules={[{ required: true, message: '请选择数据范围' }]}>
          <Select options={SCOPE_OPTIONS} />
        </Form.Item>
        {scope === 'custom' ? (
          <Form.Item
            label="指定组织"
            name="scopeOrgIds"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个组织' }]}
            extra="可查看所选组织及其全部下级的数据"
          >
            <OrgTreeSelect multiple placeholder="请选择组织" />
          </Form.Item>
        ) : null}
        <Form.Item label="说明" name="description" rules={[{ max: 200, message: '说明不能超过200个字' }]}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
        <Form.Item label="权限" name="permissions">
          <PermissionGroups disabled={readOnly} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
