import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Org } from '@gonghui/contracts';
import { orgApi } from '../../api/org.api';
import { applyServerErrors } from '../../api/form-errors';
import type { MoveOrgBody } from '../../api/contract-types';
import { queryKeys } from '../../api/query-keys';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

interface MoveValues {
  parentId?: string;
  industryParentId?: string;
}

interface OrgMoveModalProps {
  org: Org | null;
  onClose: () => void;
  onMoved: (org: Org) => void;
}

/** 调整上级: a new territorial parent and/or industry parent, confirmed before it is sent. */
export function OrgMoveModal({ org, onClose, onMoved }: OrgMoveModalProps) {
  const [form] = Form.useForm<MoveValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!org) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ parentId: org.parentId ?? undefined, industryParentId: org.industryParentId ?? undefined });
  }, [org, form]);

  const move = useMutation({
    mutationFn: (body: MoveOrgBody) => {
      if (!org) throw new Error('没有要调整的组织');
      return orgApi.move(org.id, body);
    },
    onSuccess: (moved) => {
      void message.success('上级组织已调整');
      void queryClient.invalidateQueries({ queryKey: queryKeys.orgs });
      onMoved(moved);
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['parentId', 'industryParentId'])),
  });

  const submit = (values: MoveValues) => {
    if (!org) return;
    const body: MoveOrgBody = {};
    if (values.parentId && values.parentId !== org.parentId) body.parentId = values.parentId;
    const industry = values.industryParentId ?? null;
    if (industry !== org.industryParentId) body.industryParentId = industry;
    if (Object.keys(body).length === 0) {
      void message.info('上级组织没有变化');
      return;
    }
    modal.confirm({
      title: '确认调整上级组织?',
      content: `调整后,「${org.name}」及其全部下级组织的数据归属和可见范围将随之改变。`,
      okText: '确认调整',
      cancelText: '取消',
      onOk: () => move.mutateAsync(body).catch(() => undefined),
    });
  };

  return (
    <Modal
      open={!!org}
      title={org ? `调整上级:${org.name}` : ''}
      okText="调整"
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        上级组织决定属地管理关系;基层工会还可同时隶属一个产业工会。
      </Typography.Paragraph>
      <Form<MoveValues> name="org-move-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item label="上级组织" name="parentId" rules={[{ required: true, message: '请选择新的上级组织' }]}>
          <OrgTreeSelect excludeSubtreeOf={org?.id} allowClear={false} placeholder="请选择新的上级组织" />
        </Form.Item>
        {org?.kind === 'grassroots' ? (
          <Form.Item label="所属产业工会" name="industryParentId">
            <OrgTreeSelect selectableKinds={['industry']} placeholder="不隶属产业工会" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
