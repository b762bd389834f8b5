import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlatformRoleCode, User } from '@gonghui/contracts';
import { userApi } from '../../api/user.api';
import { applyServerErrors } from '../../api/form-errors';
import { queryKeys } from '../../api/query-keys';
import { isPlatformRoleCode, PLATFORM_ROLE_OPTIONS } from './user-labels';

const NONE = 'none';

interface PlatformValues {
  roleCode: PlatformRoleCode | typeof NONE;
}

/** 平台角色 (三权分立): at most one of 系统/安全/审计管理员 per account; granted by a security admin. */
export function PlatformRoleModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<PlatformValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!user) return;
    setFailure(null);
    const current = user.roles.map((r) => r.code).find(isPlatformRoleCode);
    form.setFieldsValue({ roleCode: current ?? NONE });
  }, [user, form]);

  const grant = useMutation({
    mutationFn: (roleCode: PlatformRoleCode | null) => {
      if (!user) throw new Error('没有选择用户');
      return userApi.grantPlatformRole(user.id, { roleCode });
    },
    onSuccess: () => {
      void message.success('平台角色已更新');
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['roleCode'])),
  });

  const submit = ({ roleCode }: PlatformValues) => {
    const value = roleCode === NONE ? null : roleCode;
    const label = PLATFORM_ROLE_OPTIONS.find((o) => o.value === value)?.label;
    modal.confirm({
      title: '确认变更平台角色?',
      content: value ? `将授予「${user?.name ?? ''}」${label ?? value}角色,此操作将记入审计日志。` : `将收回「${user?.name ?? ''}」的平台管理角色。`,
      okText: '确认',
      cancelText: '取消',
      onOk: () => grant.mutateAsync(value).catch(() => undefined),
    });
  };

  return (
    <Modal
      open={!!user}
      title={`平台角色:${user?.name ?? ''}`}
      okText="保存"
      confirmLoading={grant.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        三权分立:系统管理员、安全管理员、审计管理员互斥,一个账号最多担任其中一个。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<PlatformValues> name="platform-role-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="平台角色" name="roleCode" rules={[{ required: true, message: '请选择' }]}>
          <Select options={[{ value: NONE, label: '无(收回平台角色)' }, ...PLATFORM_ROLE_OPTIONS]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
