import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Budget, Spending } from '@gonghui/contracts';
import { budgetApi, budgetKeys } from '../../api/budget.api';
import { ApiError } from '../../api/api-error';
import { applyMappedServerErrors } from '../../api/form-errors';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';

interface Values {
  lineId?: string;
  spentOn?: Dayjs;
  amountYuan?: number | null;
  payee?: string;
  purpose?: string;
  overBudgetReason?: string;
}

const FIELDS = { lineId: 'lineId', spentOn: 'spentOn', amountFen: 'amountYuan', payee: 'payee', purpose: 'purpose', overBudgetReason: 'overBudgetReason' };

/**
 * 登记支出 on a line of an approved budget: posted to the union's 经费账户 at once. A spending that
 * takes its line over budget needs a 超支理由 (the server refuses it without one); one larger than
 * the account's balance is refused. After saving, the vouchers dialog opens.
 */
export function BudgetSpendingFormModal({ budget, open, lineId, onClose, onSaved }: { budget: Budget; open: boolean; lineId?: string; onClose: () => void; onSaved: (s: Spending) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [askReason, setAskReason] = useState(false);
  const chosenId = Form.useWatch('lineId', form);
  const chosen = budget.lines.find((l) => l.id === chosenId);
  const amountFen = yuanToFen(Form.useWatch('amountYuan', form) ?? 0);
  const over = !!chosen && amountFen > chosen.remainingFen;
  const today = dayjs().tz(APP_TIME_ZONE);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    setAskReason(false);
    form.resetFields();
    form.setFieldsValue({ lineId, spentOn: today.year() === budget.year ? today : dayjs(`${budget.year}-12-31`) });
  }, [open, lineId, form, budget.year]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      budgetApi.spend({ lineId: v.lineId ?? '', spentOn: v.spentOn?.format('YYYY-MM-DD') ?? '', amountFen: yuanToFen(v.amountYuan ?? 0), payee: v.payee?.trim() ?? '', purpose: v.purpose?.trim() ?? '', overBudgetReason: v.overBudgetReason?.trim() || undefined }),
    onSuccess: (s) => {
      void message.success(`已登记支出 ${formatYuan(s.amountFen)},并记入经费账户`);
      void client.invalidateQueries({ queryKey: budgetKeys.all });
      onClose();
      onSaved(s);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'OVER_BUDGET') setAskReason(true);
      setFailure(applyMappedServerErrors(form, error, FIELDS));
    },
  });

  const needReason = over || askReason;
  return (
    <Modal open={open} width={640} title={`登记支出:${budget.orgName} ${budget.year}年度`} okText="登记并入账" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden>
      <Typography.Paragraph type="secondary">
        登记后即从本会经费账户支出(当前余额 {formatYuan(budget.account.balanceFen)}),不能修改;录错请冲销后重新登记。保存后可上传发票、收据等凭证。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      {over && chosen ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`「${chosen.categoryLabel}」剩余预算 ${formatYuan(chosen.remainingFen)},本笔将超出预算,须填写超支理由`} /> : null}
      <Form<Values> name="spending-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space wrap size={12} align="start">
          <Form.Item label="预算科目" name="lineId" rules={[{ required: true, message: '请选择预算科目' }]}>
            <Select style={{ width: 260 }} options={budget.lines.map((l) => ({ value: l.id, label: `${l.categoryLabel}(剩余 ${formatYuan(l.remainingFen)})` }))} placeholder="选择科目" />
          </Form.Item>
          <Form.Item label="支出日期" name="spentOn" rules={[{ required: true, message: '请选择支出日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day') || d.year() !== budget.year} />
          </Form.Item>
          <Form.Item label="金额" name="amountYuan" rules={[{ required: true, message: '请填写支出金额' }]}>
            <YuanInput style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item label="收款单位/人" name="payee" rules={[{ required: true, whitespace: true, message: '请填写收款单位/人' }]}>
          <Input maxLength={100} placeholder="如:杭州黄龙体育中心" />
        </Form.Item>
        <Form.Item label="支出用途" name="purpose" rules={[{ required: true, whitespace: true, message: '请填写支出用途' }]}>
          <Input maxLength={200} placeholder="如:职工羽毛球赛场地租用" />
        </Form.Item>
        {needReason ? (
          <Form.Item label="超支理由" name="overBudgetReason" rules={[{ required: true, whitespace: true, message: '超出预算的支出须填写超支理由' }]} extra="如:经工会委员会研究同意追加,年底调整预算">
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
