import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { AidApplication } from '@gonghui/contracts';
import { aidApi } from '../../api/aid.api';
import { applyServerErrors } from '../../api/form-errors';
import { fenToYuanNumber, yuanToFen } from '../../components/money';
import { AidFields, type AidFieldValues } from './aid-fields.component';
import { useAidChanged } from './use-aid-changed.hook';

interface AidEditModalProps {
  app: AidApplication;
  open: boolean;
  onClose: () => void;
}

/** 修改 a draft or a returned application (the filer side, when abilities.canEdit). */
export function AidEditModal({ app, open, onClose }: AidEditModalProps) {
  const [form] = Form.useForm<AidFieldValues>();
  const { message } = App.useApp();
  const changed = useAidChanged();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue({ category: app.category, amountYuan: fenToYuanNumber(app.amountFen), reason: app.reason });
  }, [open, app, form]);

  const save = useMutation({
    mutationFn: (v: AidFieldValues) => aidApi.update(app.id, { category: v.category, amountFen: yuanToFen(v.amountYuan), reason: v.reason.trim() }),
    onSuccess: (next) => {
      void message.success('申请已保存');
      changed(next);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['category', 'reason'])),
  });

  return (
    <Modal open={open} title={`修改申请:${app.memberName}`} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {app.status === 'returned' ? (
        <Typography.Paragraph type="secondary">按退回意见修改后,请点「提交」重新送审。</Typography.Paragraph>
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<AidFieldValues> name="aid-edit-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <AidFields />
      </Form>
    </Modal>
  );
}
