import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { HAZARD_DEADLINE_WORKDAYS, type Hazard, type HazardGrade } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { hazardApi, hazardKeys, type HazardReviewBody } from '../../api/hazard.api';
import { HAZARD_GRADE_OPTIONS } from './hazard-labels';

type Dialog = 'review' | 'rectify' | 'verify' | null;
interface ReviewValues {
  decision: 'accept' | 'reject';
  grade?: HazardGrade;
  assignee?: string;
  deadlineWorkdays?: number;
  opinion?: string;
}

/** The buttons the record's abilities allow: 审核, 登记整改, 验收, 销号; each in its dialog, server errors on the fields. */
export function HazardActions({ hazard }: { hazard: Hazard }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [review] = Form.useForm<ReviewValues>();
  const [note] = Form.useForm<{ note?: string; passed?: boolean }>();
  const decision = Form.useWatch('decision', review);
  const done = (text: string) => (h: Hazard) => {
    queryClient.setQueryData(hazardKeys.one(h.id), h);
    void queryClient.invalidateQueries({ queryKey: hazardKeys.all });
    void message.success(text);
    setDialog(null);
    setFailure(null);
  };
  const reviewing = useMutation({
    mutationFn: (v: ReviewValues) => hazardApi.review(hazard.id, { ...v, assignee: v.assignee?.trim() || undefined, opinion: v.opinion?.trim() || undefined } as HazardReviewBody),
    onSuccess: done('审核完成'),
    onError: (e) => setFailure(applyServerErrors(review, e, ['decision', 'grade', 'assignee', 'deadlineWorkdays', 'opinion'])),
  });
  const rectifying = useMutation({ mutationFn: (v: { note?: string }) => hazardApi.rectify(hazard.id, v.note ?? ''), onSuccess: done('已登记整改情况'), onError: (e) => setFailure(applyServerErrors(note, e, ['note'])) });
  const verifying = useMutation({ mutationFn: (v: { passed?: boolean; note?: string }) => hazardApi.verify(hazard.id, v.passed ?? true, v.note?.trim() || undefined), onSuccess: done('验收完成'), onError: (e) => setFailure(applyServerErrors(note, e, ['passed', 'note'])) });
  const closing = useMutation({ mutationFn: () => hazardApi.close(hazard.id), onSuccess: done('已销号') });
  const open = (d: Dialog) => {
    setFailure(null);
    note.resetFields();
    setDialog(d);
  };
  const a = hazard.abilities;
  const confirmClose = () =>
    modal.confirm({ title: '确认销号?', content: '销号后该隐患办结,不能再修改。', okText: '销号', cancelText: '取消', onOk: () => closing.mutateAsync() });
  return (
    <Flex gap={8} wrap>
      {a.canReview ? <Button type="primary" onClick={() => open('review')} data-testid="hazard-review">审核</Button> : null}
      {a.canRectify ? <Button type="primary" onClick={() => open('rectify')} data-testid="hazard-rectify">登记整改</Button> : null}
      {a.canVerify ? <Button type="primary" onClick={() => open('verify')} data-testid="hazard-verify">验收</Button> : null}
      {a.canClose ? <Button onClick={confirmClose} loading={closing.isPending} data-testid="hazard-close">销号</Button> : null}
      <Modal title="审核隐患报告" open={dialog === 'review'} onCancel={() => setDialog(null)} onOk={() => review.submit()} okText="确定" cancelText="取消" confirmLoading={reviewing.isPending} destroyOnHidden>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<ReviewValues> form={review} layout="vertical" name="hazard-review" initialValues={{ decision: 'accept', assignee: hazard.enterpriseName }} onFinish={(v) => reviewing.mutate(v)} onValuesChange={(c: Partial<ReviewValues>) => { if (c.grade) review.setFieldValue('deadlineWorkdays', HAZARD_DEADLINE_WORKDAYS[c.grade]); }}>
          <Form.Item name="decision" label="审核结果">
            <Radio.Group options={[{ value: 'accept', label: '受理,交办整改' }, { value: 'reject', label: '不予受理' }]} optionType="button" buttonStyle="solid" />
          </Form.Item>
          {decision === 'reject' ? (
            <Form.Item name="opinion" label="不予受理理由" extra="理由将告知上报人" rules={[{ required: true, whitespace: true, message: '请填写不予受理理由' }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="grade" label="隐患等级" rules={[{ required: true, message: '请选择隐患等级' }]}>
                <Select options={HAZARD_GRADE_OPTIONS} placeholder="一般 / 较大 / 重大" data-testid="hazard-grade" />
              </Form.Item>
              <Form.Item name="assignee" label="整改责任单位" extra="默认为隐患所在企业">
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name="deadlineWorkdays" label="整改期限(工作日)" extra="按法定节假日和调休计算;选择等级后给出默认期限,可修改" rules={[{ required: true, message: '请填写整改期限' }]}>
                <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} addonAfter="个工作日" />
              </Form.Item>
              <Form.Item name="opinion" label="审核意见">
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Modal title={dialog === 'verify' ? '验收整改' : '登记整改情况'} open={dialog === 'rectify' || dialog === 'verify'} onCancel={() => setDialog(null)} onOk={() => note.submit()} okText="确定" cancelText="取消" confirmLoading={rectifying.isPending || verifying.isPending} destroyOnHidden>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form form={note} layout="vertical" name="hazard-note" initialValues={{ passed: true }} onFinish={(v) => (dialog === 'verify' ? verifying.mutate(v) : rectifying.mutate(v))}>
          {dialog === 'verify' ? (
            <Form.Item name="passed" label="验收结果">
              <Radio.Group options={[{ value: true, label: '验收通过' }, { value: false, label: '不通过,退回整改' }]} optionType="button" buttonStyle="solid" />
            </Form.Item>
          ) : null}
          <Form.Item name="note" label={dialog === 'verify' ? '验收意见' : '整改情况'} extra={dialog === 'rectify' ? '请先在“整改照片”中上传整改后的照片' : '退回整改须写明原因,整改期限按原工作日数重新计算'} rules={dialog === 'rectify' ? [{ required: true, whitespace: true, message: '请填写整改情况' }] : []}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
