import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { AidApplication } from '@gonghui/contracts';
import { aidApi } from '../../api/aid.api';
import { applyServerErrors } from '../../api/form-errors';
import { dayjs } from '../../app/time';
import { useAidChanged } from './use-aid-changed.hook';

interface VisitValues {
  visitedOn: dayjs.Dayjs;
  visitors: string;
  findings: string;
  incomeCheckConsentSigned: boolean;
}

const FIELDS = ['visitedOn', 'visitors', 'findings', 'incomeCheckConsentSigned'] as const;

interface HomeVisitModalProps {
  app: AidApplication;
  open: boolean;
  onClose: () => void;
}

/** 入户调查: date, visitors, findings, and the applicant's signed 收入核查授权书 (required before 复审). */
export function HomeVisitModal({ app, open, onClose }: HomeVisitModalProps) {
  const [form] = Form.useForm<VisitValues>();
  const { message } = App.useApp();
  const changed = useAidChanged();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    const v = app.homeVisit;
    form.setFieldsValue(
      v
        ? { visitedOn: dayjs(v.visitedOn), visitors: v.visitors, findings: v.findings, incomeCheckConsentSigned: v.incomeCheckConsentSigned }
        : { visitedOn: dayjs().tz('Asia/Shanghai'), incomeCheckConsentSigned: false },
    );
  }, [open, app.homeVisit, form]);

  const save = useMutation({
    mutationFn: (v: VisitValues) =>
      aidApi.recordHomeVisit(app.id, {
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        visitors: v.visitors.trim(),
        findings: v.findings.trim(),
        // the form submits only with the box ticked (its rule); the server checks it again
        incomeCheckConsentSigned: true,
      }),
    onSuccess: (next) => {
      void message.success('入户调查已登记');
      changed(next);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  return (
    <Modal open={open} title={`入户调查:${app.memberName}`} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender width={560}>
      <Typography.Paragraph type="secondary">
        区县(市)总工会复审前须完成入户调查:核实家庭成员、收入、住房和致困原因,并由申请人签署收入核查授权书。再次保存将覆盖原记录。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<VisitValues> name="aid-home-visit-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="走访日期" name="visitedOn" rules={[{ required: true, message: '请选择走访日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().tz('Asia/Shanghai'), 'day')} />
        </Form.Item>
        <Form.Item label="走访人" name="visitors" rules={[{ required: true, whitespace: true, min: 2, message: '请填写走访人' }]} extra="至少两人,用顿号分隔,如:赵敏、李强">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="调查情况" name="findings" rules={[{ required: true, whitespace: true, min: 5, message: '调查情况至少5个字' }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="家庭成员、收入来源、住房、致困原因等核实情况" />
        </Form.Item>
        <Form.Item
          name="incomeCheckConsentSigned"
          valuePropName="checked"
          rules={[{ validator: async (_r, v: unknown) => { if (v !== true) throw new Error('须由申请人签署收入核查授权书'); } }]}
        >
          <Checkbox>申请人已签署《收入核查授权书》</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
