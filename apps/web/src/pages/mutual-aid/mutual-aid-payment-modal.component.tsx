import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MutualAidRoster } from '@gonghui/contracts';
import { applyMappedServerErrors } from '../../api/form-errors';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';
import { formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';

interface PaymentValues {
  receiptNo: string;
  amountYuan: number;
  paidOn: string;
  note?: string;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 登记缴费: the union's payment of what its unpaid members owe; the amount must match (the difference is shown as it is typed). */
export function MutualAidPaymentModal({ open, periodId, roster, onClose }: { open: boolean; periodId: string; roster: MutualAidRoster; onClose: () => void }) {
  const [form] = Form.useForm<PaymentValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const amount = Form.useWatch('amountYuan', form);
  const due = roster.summary.unpaidFen;
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ amountYuan: due / 100, paidOn: today() });
  }, [open, due, form]);
  const save = useMutation({
    mutationFn: (v: PaymentValues) => mutualAidApi.pay(periodId, { orgId: roster.orgId, receiptNo: v.receiptNo.trim(), amountFen: yuanToFen(v.amountYuan), paidOn: v.paidOn, note: v.note }),
    onSuccess: (r) => {
      void message.success(`缴费已登记,${r.members} 名会员进入保障`);
      void queryClient.invalidateQueries({ queryKey: mutualAidKeys.all });
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, { receiptNo: 'receiptNo', amountFen: 'amountYuan', paidOn: 'paidOn', note: 'note' })),
  });
  const diff = typeof amount === 'number' ? yuanToFen(amount) - due : 0;
  return (
    <Modal open={open} title={`登记缴费:${roster.orgName}`} okText="登记" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Typography.Paragraph type="secondary">
        应缴:{roster.summary.unpaid} 名未缴费会员,合计 {formatYuan(due)}。缴费计入医疗互助资金;按时参保的自保障期起始日起保障,逾期参保的缴费后满等待期方可申请。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<PaymentValues> name="mutual-aid-payment-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="收据号" name="receiptNo" rules={[{ required: true, whitespace: true, message: '请填写收据号' }]} extra="收据号全市唯一,不能重复登记">
          <Input maxLength={40} data-testid="ma-receipt" />
        </Form.Item>
        <Form.Item
          label="缴费金额(元)"
          name="amountYuan"
          rules={[{ required: true, message: '请填写缴费金额' }]}
          extra={diff !== 0 ? <Typography.Text type="danger">与应缴金额{diff > 0 ? '多' : '少'} {formatYuan(Math.abs(diff))}</Typography.Text> : '与应缴金额一致'}
        >
          <YuanInput style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="缴费日期" name="paidOn" rules={[{ required: true, message: '请填写缴费日期' }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
