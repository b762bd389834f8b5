import { App, Form, InputNumber, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { CSR_KIND_LABELS, type CsrKind } from '@gonghui/contracts';
import { csrApi } from '../../api/csr.api';
import { applyServerErrors } from '../../api/form-errors';
import { EnterpriseSelect } from '../../components/enterprise-select.component';

interface Values {
  enterpriseId: string;
  cycleYear: number;
}

/** 开始自评 / 申报: the enterprise (its union fills the self-assessment) and the year. */
export function CsrStartModal({ kind, open, onClose, onStarted }: { kind: CsrKind; open: boolean; onClose: () => void; onStarted: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const start = useMutation({
    mutationFn: (v: Values) => csrApi.start({ kind, enterpriseId: v.enterpriseId, cycleYear: v.cycleYear }),
    onSuccess: (r) => onStarted(r.id),
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['enterpriseId', 'cycleYear']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal open={open} title={kind === 'csr' ? '开始企业社会责任自评' : `申报${CSR_KIND_LABELS[kind]}`} okText="开始" cancelText="取消" confirmLoading={start.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ cycleYear: new Date().getFullYear() }} onFinish={(v) => start.mutate(v)}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]} extra={kind === 'harmony_city' ? '市级须已获区级和谐劳动关系企业命名。' : undefined}>
          <EnterpriseSelect placeholder="按名称或统一社会信用代码查找" />
        </Form.Item>
        <Form.Item name="cycleYear" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
