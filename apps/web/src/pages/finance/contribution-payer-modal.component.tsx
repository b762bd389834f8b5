import { App, Form, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contributionApi, contributionKeys } from '../../api/contribution.api';
import { applyServerErrors } from '../../api/form-errors';
import { EnterpriseSelect } from '../../components/enterprise-select.component';
import { monthOptions } from './dues-labels';

interface Values {
  enterpriseId: string;
  since: string;
}

/** 纳入拨缴管理: an enterprise with a union owes from a month on, also before it ever declares. */
export function ContributionPayerModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => contributionApi.enrol(v),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: contributionKeys.all });
      void message.success(`已纳入拨缴管理,自 ${r.since} 起计欠缴`);
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['enterpriseId', 'since']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal title="纳入拨缴管理" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]} extra="须为已建立工会的企业。">
          <EnterpriseSelect placeholder="企业名称或统一社会信用代码" />
        </Form.Item>
        <Form.Item name="since" label="起缴月份" rules={[{ required: true, message: '请选择起缴月份' }]} extra="自该月起,逾期未申报或未拨缴的月份计入欠缴清单。">
          <Select showSearch options={monthOptions(36)} aria-label="起缴月份" placeholder="可输入YYYY-MM查找" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
