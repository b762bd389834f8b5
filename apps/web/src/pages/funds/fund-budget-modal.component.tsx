import { useEffect, useState } from 'react';
import { Alert, App, Form, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FundBudget, FundDetail } from '@gonghui/contracts';
import { ledgerApi } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { formatYuan, fenToYuanNumber, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { applyMappedServerErrors } from '../../api/form-errors';
import { useCampaignNames } from './use-campaign-names.hook';

interface BudgetValues {
  year: number;
  campaignId?: string;
  amountYuan: number;
}

export interface BudgetTarget {
  fund: FundDetail;
  /** the budget being changed; none: a new one */
  budget?: FundBudget;
}

/** 编制或调整预算 (a year, or one campaign in it), after a confirmation naming the old and new amounts. */
export function FundBudgetModal({ target, onClose }: { target: BudgetTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<BudgetValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const campaigns = useCampaignNames();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    const b = target.budget;
    form.setFieldsValue(b ? { year: b.year, campaignId: b.campaignId ?? undefined, amountYuan: fenToYuanNumber(b.amountFen) } : { year: target.fund.year });
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: BudgetValues) => {
      if (!target) throw new Error('没有选择资金');
      return ledgerApi.setBudget(target.fund.id, { year: v.year, campaignId: v.campaignId || undefined, amountFen: yuanToFen(v.amountYuan) });
    },
    onSuccess: () => {
      void message.success('预算已保存');
      void queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, { year: 'year', campaignId: 'campaignId', amountFen: 'amountYuan' })),
  });

  const confirm = (v: BudgetValues) => {
    if (!target) return;
    const before = target.fund.budgets.find((b) => b.year === v.year && (b.campaignId ?? undefined) === (v.campaignId || undefined));
    const what = `${v.year}年${v.campaignId ? `「${campaigns.nameOf(v.campaignId)}」` : '全年'}预算`;
    modal.confirm({
      title: '确认保存预算?',
      content: before ? `${what}由 ${formatYuan(before.amountFen)} 调整为 ${formatYuan(yuanToFen(v.amountYuan))}。` : `${what}编制为 ${formatYuan(yuanToFen(v.amountYuan))}。`,
      okText: '确认保存',
      onOk: () => save.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <Modal open={!!target} title={target?.budget ? '调整预算' : '编制预算'} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<BudgetValues> name="fund-budget-form" form={form} layout="vertical" onFinish={confirm}>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber<number> min={2000} max={2100} precision={0} disabled={!!target?.budget} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="适用范围" name="campaignId" extra={campaigns.enabled ? '不选为全年预算;选择活动则为该活动的专项预算' : '全年预算'}>
          <Select allowClear placeholder="全年" options={campaigns.options.map((c) => ({ value: c.value, label: c.label }))} disabled={!campaigns.enabled || !!target?.budget} />
        </Form.Item>
        <Form.Item label="预算金额" name="amountYuan" rules={[{ required: true, message: '请填写预算金额' }]}>
          <YuanInput min={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
