import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Innovation, InnovationKind } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { innovationApi } from '../../api/innovation.api';
import { InnovationFields } from './innovation-fields.component';

interface Values {
  kind: InnovationKind;
  title: string;
  problem: string;
  proposal: string;
  expectedBenefit: string;
}

/** 修改 a draft or a returned item (the filer side); it is submitted again with 提交. */
export function InnovationEditModal({ inv, open, onClose, onDone }: { inv: Innovation; open: boolean; onClose: () => void; onDone: (next: Innovation) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue({ kind: inv.kind, title: inv.title, problem: inv.problem, proposal: inv.proposal, expectedBenefit: inv.expectedBenefit });
  }, [open, form, inv]);
  const save = useMutation({
    mutationFn: (v: Values) => innovationApi.update(inv.id, v),
    onSuccess: (next) => {
      void message.success('已保存');
      onDone(next);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['kind', 'title', 'problem', 'proposal', 'expectedBenefit'])),
  });
  return (
    <Modal open={open} width={720} title={`修改:${inv.title}`} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> name="innovation-edit-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <InnovationFields />
      </Form>
    </Modal>
  );
}
