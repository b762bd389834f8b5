import { App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { DELIVERY_METHODS, DELIVERY_METHOD_LABELS, LEGAL_VERDICTS, LEGAL_VERDICT_LABELS, type DeliveryMethod, type LegalNotice } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { legalApi } from '../../api/legal-supervision.api';
import { dayjs } from '../../app/time';

interface ModalProps {
  n: LegalNotice;
  open: boolean;
  onClose: () => void;
  onDone: (next: LegalNotice) => void;
}

const noFuture = (d: Dayjs) => d.isAfter(dayjs().endOf('day'));

interface DeliveryValues {
  method: DeliveryMethod;
  deliveredOn: Dayjs;
  receiver: string;
}

/** 登记送达: method, date, receiver; the reply period (工作日) runs from the delivery date. */
export function DeliveryModal({ n, open, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<DeliveryValues>();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: DeliveryValues) => legalApi.deliver(n.id, { method: v.method, deliveredOn: v.deliveredOn.format('YYYY-MM-DD'), receiver: v.receiver }),
    onSuccess: (next) => {
      void message.success(`已登记送达,回复期限 ${next.replyDueOn ?? ''}`);
      onDone(next);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['method', 'deliveredOn', 'receiver']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal open={open} title="登记送达" okText="登记" cancelText="取消" confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph type="secondary">回复期限自送达之日起按 {n.replyDays} 个工作日计算(跳过法定节假日,调休上班日计入)。送达回证、邮寄凭证等可在登记后上传。</Typography.Paragraph>
      <Form<DeliveryValues> form={form} layout="vertical" initialValues={{ method: 'direct', deliveredOn: dayjs() }} onFinish={(v) => save.mutate(v)} data-testid="delivery-form">
        <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
          <Radio.Group options={DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))} />
        </Form.Item>
        <Form.Item name="deliveredOn" label="送达日期" rules={[{ required: true, message: '请选择送达日期' }]}>
          <DatePicker disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="receiver" label="签收人" rules={[{ required: true, message: '请填写签收人' }]}>
          <Input maxLength={60} placeholder="如:人事部 李静" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ReplyValues {
  repliedOn: Dayjs;
  content: string;
  rectification?: string;
  verdict: (typeof LEGAL_VERDICTS)[number];
  verdictNote?: string;
}

/** 登记回复与整改: accepted closes the instrument; not satisfactory leaves it for escalation. */
export function ReplyModal({ n, open, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<ReplyValues>();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: ReplyValues) => legalApi.reply(n.id, { repliedOn: v.repliedOn.format('YYYY-MM-DD'), content: v.content, rectification: v.rectification, verdict: v.verdict, verdictNote: v.verdictNote }),
    onSuccess: (next) => {
      void message.success(next.status === 'closed' ? '已登记回复,文书结案' : '已登记回复,整改不到位的可升级');
      onDone(next);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['repliedOn', 'content', 'rectification', 'verdict', 'verdictNote']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal open={open} width={640} title={n.kind === 'recommendation' ? '登记立案情况' : '登记回复与整改'} okText="登记" cancelText="取消" confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<ReplyValues> form={form} layout="vertical" initialValues={{ repliedOn: dayjs(), verdict: 'accepted' }} onFinish={(v) => save.mutate(v)} data-testid="reply-form">
        <Form.Item name="repliedOn" label="回复日期" rules={[{ required: true, message: '请选择回复日期' }]}>
          <DatePicker disabledDate={noFuture} />
        </Form.Item>
        <Form.Item name="content" label={n.kind === 'recommendation' ? '立案情况' : '回复内容'} rules={[{ required: true, message: '请填写回复内容' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="rectification" label="整改措施">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="verdict" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
          <Radio.Group options={LEGAL_VERDICTS.map((v) => ({ value: v, label: LEGAL_VERDICT_LABELS[v] }))} />
        </Form.Item>
        <Form.Item name="verdictNote" label="说明">
          <Input.TextArea rows={2} maxLength={1000} placeholder="整改不到位的,写明尚未整改的事项" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
