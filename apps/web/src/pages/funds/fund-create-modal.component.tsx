import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FundDetail, FundSource } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { ledgerApi } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { FUND_SOURCE_OPTIONS } from './fund-labels';

interface FundCreateValues {
  name: string;
  source: FundSource;
  orgId: string;
  note?: string;
}

const FIELDS = ['name', 'source', 'orgId', 'note'] as const;

interface FundCreateModalProps {
  open: boolean;
  /** the caller's own org, preselected */
  defaultOrgId?: string;
  onClose: () => void;
  onCreated: (fund: FundDetail) => void;
}

/** 设立资金: name, source and the org that holds it; the server gives it its code. */
export function FundCreateModal({ open, defaultOrgId, onClose, onCreated }: FundCreateModalProps) {
  const [form] = Form.useForm<FundCreateValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (defaultOrgId) form.setFieldValue('orgId', defaultOrgId);
  }, [open, defaultOrgId, form]);

  const create = useMutation({
    mutationFn: (v: FundCreateValues) => ledgerApi.create({ name: v.name.trim(), source: v.source, orgId: v.orgId, note: v.note?.trim() || undefined }),
    onSuccess: (fund) => {
      void message.success(`已设立资金:${fund.name}(${fund.code})`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      onCreated(fund);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  return (
    <Modal open={open} title="设立资金" okText="设立" confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<FundCreateValues> name="fund-create-form" form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item label="资金名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写资金名称' }, { min: 2, message: '资金名称至少2个字' }]}>
          <Input maxLength={60} showCount placeholder="如:上城区困难职工帮扶资金" />
        </Form.Item>
        <Form.Item label="资金来源" name="source" rules={[{ required: true, message: '请选择资金来源' }]}>
          <Select<FundSource> options={FUND_SOURCE_OPTIONS} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="管理单位" name="orgId" rules={[{ required: true, message: '请选择管理单位' }]} extra="资金归该单位管理,该单位及上级单位可见">
          <OrgTreeSelect placeholder="请选择工会组织" />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea maxLength={500} showCount rows={3} placeholder="用途、管理办法等(可不填)" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
