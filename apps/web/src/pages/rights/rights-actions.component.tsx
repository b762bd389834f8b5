import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RIGHTS_OUTCOMES, RIGHTS_OUTCOME_LABELS, RIGHTS_STEP_KINDS, RIGHTS_STEP_LABELS, type RightsCase, type RightsOutcome, type RightsStepKind } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { rightsApi, rightsKeys } from '../../api/rights.api';
import { dayjs } from '../../app/time';
import { fenToYuanNumber, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';

type Dialog = 'accept' | 'step' | 'close' | null;
interface AcceptValues { decision: 'accept' | 'reject'; opinion?: string }
interface StepValues { kind: RightsStepKind; stepDate: dayjs.Dayjs; handler?: string; note: string }
interface CloseValues { outcome: RightsOutcome; amountRecoveredYuan?: number; workersPaid?: number; note: string }

/** The buttons the case's abilities allow: 受理, 登记办理, 结案; each in its dialog, server errors on the fields. */
export function RightsActions({ c }: { c: RightsCase }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [acceptForm] = Form.useForm<AcceptValues>();
  const [stepForm] = Form.useForm<StepValues>();
  const [closeForm] = Form.useForm<CloseValues>();
  const decision = Form.useWatch('decision', acceptForm);
  const done = (text: string) => (next: RightsCase) => {
    queryClient.setQueryData(rightsKeys.one(next.id), next);
    void queryClient.invalidateQueries({ queryKey: rightsKeys.all });
    void message.success(text);
    setDialog(null);
    setFailure(null);
  };
  const accepting = useMutation({ mutationFn: (v: AcceptValues) => rightsApi.accept(c.id, { decision: v.decision, opinion: v.opinion?.trim() || undefined }), onSuccess: done('已处理'), onError: (e) => setFailure(applyServerErrors(acceptForm, e, ['decision', 'opinion'])) });
  const stepping = useMutation({
    mutationFn: (v: StepValues) => rightsApi.addStep(c.id, { kind: v.kind, stepDate: v.stepDate.format('YYYY-MM-DD'), handler: v.handler?.trim() || undefined, note: v.note }),
    onSuccess: done('已登记办理情况'),
    onError: (e) => setFailure(applyServerErrors(stepForm, e, ['kind', 'stepDate', 'handler', 'note'])),
  });
  const closing = useMutation({
    mutationFn: (v: CloseValues) => rightsApi.close(c.id, { outcome: v.outcome, amountRecoveredFen: v.amountRecoveredYuan ? yuanToFen(v.amountRecoveredYuan) : 0, workersPaid: v.workersPaid ?? 0, note: v.note }),
    onSuccess: done('已结案,已通知职工评价'),
    onError: (e) => setFailure(applyServerErrors(closeForm, e, ['outcome', 'amountRecoveredFen', 'workersPaid', 'note'])),
  });
  const open = (d: Dialog) => {
    setFailure(null);
    setDialog(d);
  };
  const a = c.abilities;
  const alert = failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null;
  return (
    <Flex gap={8} wrap>
      {a.canAccept ? <Button type="primary" onClick={() => open('accept')} data-testid="rights-accept">受理</Button> : null}
      {a.canAddStep ? <Button onClick={() => open('step')} data-testid="rights-add-step">登记办理</Button> : null}
      {a.canClose ? <Button type="primary" onClick={() => open('close')} data-testid="rights-close">结案</Button> : null}
      <Modal title="受理维权求助" open={dialog === 'accept'} onCancel={() => setDialog(null)} onOk={() => acceptForm.submit()} okText="确定" cancelText="取消" confirmLoading={accepting.isPending} destroyOnHidden>
        {alert}
        <Form<AcceptValues> form={acceptForm} layout="vertical" name="rights-accept" initialValues={{ decision: 'accept' }} onFinish={(v) => accepting.mutate(v)}>
          <Form.Item name="decision" label="受理结果">
            <Radio.Group options={[{ value: 'accept', label: '予以受理' }, { value: 'reject', label: '不予受理' }]} optionType="button" buttonStyle="solid" />
          </Form.Item>
          <Form.Item name="opinion" label={decision === 'reject' ? '不予受理理由' : '受理意见'} extra={decision === 'reject' ? '理由将告知职工' : undefined} rules={decision === 'reject' ? [{ required: true, whitespace: true, message: '请填写不予受理理由' }] : []}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="登记办理情况" open={dialog === 'step'} onCancel={() => setDialog(null)} onOk={() => stepForm.submit()} okText="保存" cancelText="取消" confirmLoading={stepping.isPending} destroyOnHidden>
        {alert}
        <Form<StepValues> form={stepForm} layout="vertical" name="rights-step" initialValues={{ kind: 'consultation', stepDate: dayjs() }} onFinish={(v) => stepping.mutate(v)}>
          <Form.Item name="kind" label="办理方式" rules={[{ required: true, message: '请选择办理方式' }]}>
            <Select options={RIGHTS_STEP_KINDS.map((k) => ({ value: k, label: RIGHTS_STEP_LABELS[k] }))} data-testid="rights-step-kind" />
          </Form.Item>
          <Form.Item name="stepDate" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="handler" label="经办人" extra="默认为您本人">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="note" label="办理情况" rules={[{ required: true, whitespace: true, message: '请填写办理情况' }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="rights-step-note" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="结案" open={dialog === 'close'} onCancel={() => setDialog(null)} onOk={() => closeForm.submit()} okText="结案" cancelText="取消" confirmLoading={closing.isPending} destroyOnHidden>
        {alert}
        <Form<CloseValues> form={closeForm} layout="vertical" name="rights-close" initialValues={{ outcome: 'resolved', amountRecoveredYuan: c.category === 'wage_arrears' ? fenToYuanNumber(c.amountClaimedFen) : undefined, workersPaid: c.category === 'wage_arrears' ? c.workersAffected : 0 }} onFinish={(v) => closing.mutate(v)}>
          <Form.Item name="outcome" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
            <Radio.Group options={RIGHTS_OUTCOMES.map((o) => ({ value: o, label: RIGHTS_OUTCOME_LABELS[o] }))} />
          </Form.Item>
          <Form.Item name="amountRecoveredYuan" label="追回金额" extra="欠薪、补偿等实际追回到职工手中的金额">
            <YuanInput min={0} data-testid="rights-recovered" />
          </Form.Item>
          <Form.Item name="workersPaid" label="已兑付人数" extra={`涉及 ${c.workersAffected} 人`}>
            <InputNumber min={0} max={c.workersAffected} precision={0} suffix="人" style={{ width: 160 }} data-testid="rights-paid" />
          </Form.Item>
          <Form.Item name="note" label="结案说明" extra="结案后将通知职工并请其评价" rules={[{ required: true, whitespace: true, message: '请填写结案说明' }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="rights-close-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
