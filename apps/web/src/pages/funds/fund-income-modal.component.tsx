import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { INCOME_TYPE_LABELS, type FundDetail, type IncomeType } from '@gonghui/contracts';
import { ledgerApi } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { applyMappedServerErrors } from '../../api/form-errors';
import { INCOME_TYPE_OPTIONS } from './fund-labels';

interface IncomeValues {
  incomeType: IncomeType;
  amountYuan: number;
  businessKey: string;
  memo?: string;
}

const FIELD_OF = { incomeType: 'incomeType', amountFen: 'amountYuan', businessKey: 'businessKey', memo: 'memo' };

/**
 * 收入入账: 拨款 / 捐赠 under its 文号 or 收据号, after a confirmation that repeats the amount (an
 * entry cannot be changed afterwards; a mistake needs a reversal).
 */
export function FundIncomeModal({ fund, onClose }: { fund: FundDetail | null; onClose: () => void }) {
  const [form] = Form.useForm<IncomeValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const incomeType = Form.useWatch('incomeType', form);

  useEffect(() => {
    if (!fund) return;
    setFailure(null);
    form.resetFields();
  }, [fund, form]);

  const record = useMutation({
    mutationFn: (v: IncomeValues) => {
      if (!fund) throw new Error('没有选择资金');
      return ledgerApi.addIncome(fund.id, { incomeType: v.incomeType, amountFen: yuanToFen(v.amountYuan), businessKey: v.businessKey.trim(), memo: v.memo?.trim() || undefined });
    },
    onSuccess: (after, v) => {
      void message.success(`已入账 ${formatYuan(yuanToFen(v.amountYuan))},当前余额 ${formatYuan(after.balanceFen)}`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, FIELD_OF)),
  });

  const confirm = (v: IncomeValues) => {
    if (!fund) return;
    modal.confirm({
      title: '确认入账?',
      content: (
        <>
          <Typography.Paragraph>
            向「{fund.name}」登记{INCOME_TYPE_LABELS[v.incomeType]} <Typography.Text strong>{formatYuan(yuanToFen(v.amountYuan))}</Typography.Text>,
            {v.incomeType === 'donation' ? '收据号' : '文号'}「{v.businessKey.trim()}」。
          </Typography.Paragraph>
          <Typography.Text type="secondary">入账后不能修改或删除,请核对金额与文号。</Typography.Text>
        </>
      ),
      okText: '确认入账',
      onOk: () => record.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <Modal open={!!fund} title={`收入入账:${fund?.name ?? ''}`} okText="入账" confirmLoading={record.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<IncomeValues> name="fund-income-form" form={form} layout="vertical" initialValues={{ incomeType: 'allocation' }} onFinish={confirm}>
        <Form.Item label="收入类型" name="incomeType" rules={[{ required: true, message: '请选择收入类型' }]}>
          <Radio.Group options={INCOME_TYPE_OPTIONS} optionType="button" />
        </Form.Item>
        <Form.Item label="金额" name="amountYuan" rules={[{ required: true, message: '请填写金额' }]}>
          <YuanInput />
        </Form.Item>
        <Form.Item
          label={incomeType === 'donation' ? '收据号' : '拨款文号'}
          name="businessKey"
          rules={[{ required: true, whitespace: true, message: incomeType === 'donation' ? '请填写捐赠收据号' : '请填写拨款文号' }]}
          extra="同一资金中,同一文号或收据号只能入账一次"
        >
          <Input maxLength={60} placeholder={incomeType === 'donation' ? '如:CF2025-0001' : '如:杭工〔2025〕12号'} />
        </Form.Item>
        <Form.Item label="摘要" name="memo">
          <Input.TextArea maxLength={200} showCount rows={2} placeholder="如:市总工会下拨春风行动专项资金" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
