import { App, Form, Modal, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DuesBatch } from '@gonghui/contracts';
import { duesApi, duesKeys, type DuesBatchBody } from '../../api/dues.api';
import { applyServerErrors } from '../../api/form-errors';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { METHOD_OPTIONS, monthOptions } from './dues-labels';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (batch: DuesBatch) => void;
}

/** 新建收缴批次: the union, the month and 代扣/现金; the server lists the members with that month's dues open. */
export function DuesBatchCreateModal({ open, onClose, onCreated }: Props) {
  const [form] = Form.useForm<DuesBatchBody>();
  const { message } = App.useApp();
  const { user } = useSession();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: DuesBatchBody) => duesApi.createBatch(v),
    onSuccess: (b) => {
      void qc.invalidateQueries({ queryKey: duesKeys.all });
      form.resetFields();
      onCreated(b);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['orgId', 'month', 'method', 'note']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal title="新建会费收缴批次" open={open} onCancel={onClose} onOk={() => form.submit()} okText="生成批次" confirmLoading={create.isPending} destroyOnHidden>
      <Form<DuesBatchBody> form={form} layout="vertical" initialValues={{ method: 'payroll', orgId: user?.orgId }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="orgId" label="基层工会" rules={[{ required: true, message: '请选择基层工会' }]}>
          <OrgTreeSelect placeholder="选择基层工会" selectableKinds={['grassroots']} aria-label="基层工会" />
        </Form.Item>
        <Form.Item name="month" label="所属月份" rules={[{ required: true, message: '请选择所属月份' }]} extra="列出该月已核定工资基数、未减免、尚未缴纳的会员;代扣方式默认实收等于应缴。">
          <Select options={monthOptions()} placeholder="选择月份" aria-label="所属月份" />
        </Form.Item>
        <Form.Item name="method" label="收缴方式">
          <Radio.Group options={METHOD_OPTIONS} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
