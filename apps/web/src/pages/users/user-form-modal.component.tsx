import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createUserBodySchema, usernameSchema, type User } from '@gonghui/contracts';
import { userApi } from '../../api/user.api';
import { applyServerErrors, schemaRule } from '../../api/form-errors';
import { queryKeys } from '../../api/query-keys';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PasswordPolicy, passwordPolicyRule } from '../../components/password-policy.component';
import { useRoleOptions } from './use-role-options.hook';

interface UserFormValues {
  username: string;
  name: string;
  password: string;
  orgId: string;
  roleCodes: string[];
  mustChangePassword: boolean;
}

interface UserFormModalProps {
  /** 'create' for 新建用户, a user for 编辑, null when closed. */
  target: 'create' | User | null;
  onClose: () => void;
}

const FIELDS = ['username', 'name', 'password', 'orgId', 'roleCodes', 'mustChangePassword'];

/** 新建用户 / 编辑用户 (name, org, business roles; platform roles have their own dialog). */
export function UserFormModal({ target, onClose }: UserFormModalProps) {
  const [form] = Form.useForm<UserFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { business } = useRoleOptions();
  const [failure, setFailure] = useState<string | null>(null);
  const creating = target === 'create';
  const editing = target !== null && target !== 'create' ? target : null;
  const username = Form.useWatch('username', form) ?? '';
  const password = Form.useWatch('password', form) ?? '';

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    if (target === 'create') {
      form.setFieldsValue({ roleCodes: [], mustChangePassword: true });
    } else {
      form.setFieldsValue({
        username: target.username,
        name: target.name,
        orgId: target.orgId,
        roleCodes: target.roles.filter((r) => r.kind !== 'platform').map((r) => r.code),
      });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: UserFormValues): Promise<User> =>
      editing
        ? userApi.update(editing.id, { name: v.name.trim(), orgId: v.orgId, roleCodes: v.roleCodes })
        : userApi.create({
            username: v.username.trim(),
            name: v.name.trim(),
            password: v.password,
            orgId: v.orgId,
            roleCodes: v.roleCodes,
            mustChangePassword: v.mustChangePassword,
          }),
    onSuccess: () => {
      void message.success(editing ? '用户信息已保存' : '用户已创建');
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  // Roles the user already holds but this list does not offer (e.g. not visible) stay selectable.
  const roleOptions = [
    ...business,
    ...(editing?.roles ?? [])
      .filter((r) => r.kind !== 'platform' && !business.some((o) => o.value === r.code))
      .map((r) => ({ value: r.code, label: r.name, kind: 'business' as const })),
  ];

  return (
    <Modal
      open={target !== null}
      title={creating ? '新建用户' : `编辑用户:${editing?.name ?? ''}`}
      okText="保存"
      width={560}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<UserFormValues> name="user-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)} autoComplete="off">
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }, schemaRule(usernameSchema)]}>
          <Input disabled={!creating} maxLength={32} autoComplete="off" placeholder="2-32位字母、数字、下划线、点或连字符" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }, schemaRule(createUserBodySchema.shape.name)]}
        >
          <Input maxLength={50} />
        </Form.Item>
        {creating ? (
          <>
            <Form.Item
              label="初始密码"
              name="password"
              dependencies={['username']}
              rules={[{ required: true, message: '请填写初始密码' }, passwordPolicyRule(() => form.getFieldValue('username') ?? '')]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <PasswordPolicy password={password} username={username} />
          </>
        ) : null}
        <Form.Item label="所属组织" name="orgId" rules={[{ required: true, message: '请选择所属组织' }]}>
          <OrgTreeSelect placeholder="请选择所属组织" />
        </Form.Item>
        <Form.Item label="业务角色" name="roleCodes" extra="平台管理角色(系统、安全、审计管理员)由安全管理员单独授予">
          <Select mode="multiple" allowClear options={roleOptions} placeholder="请选择角色" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {creating ? (
          <Form.Item label="首次登录须修改密码" name="mustChangePassword" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
