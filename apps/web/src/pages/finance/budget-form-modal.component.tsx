import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS, type Budget, type BudgetCategory } from '@gonghui/contracts';
import { budgetApi, budgetKeys } from '../../api/budget.api';
import { applyServerErrors } from '../../api/form-errors';
import { useSession } from '../../app/use-session.hook';
import { fenToYuanNumber, formatYuan, yuanToFen } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { YuanInput } from '../../components/yuan-input.component';
import { thisYear } from './budget-labels';

interface Values {
  orgId?: string;
  year?: number;
  note?: string;
  amounts: Partial<Record<BudgetCategory, number | null>>;
  notes: Partial<Record<BudgetCategory, string>>;
}

const initial = (b: Budget | null, orgId: string | undefined): Values =>
  b
    ? { orgId: b.orgId, year: b.year, note: b.note, amounts: Object.fromEntries(b.lines.map((l) => [l.category, fenToYuanNumber(l.amountFen)])), notes: Object.fromEntries(b.lines.map((l) => [l.category, l.note])) }
    : { orgId, year: thisYear() + 1, note: '', amounts: {}, notes: {} };

const linesOf = (v: Values) =>
  BUDGET_CATEGORIES.filter((c) => v.amounts[c] !== null && v.amounts[c] !== undefined).map((c) => ({ category: c, amountFen: yuanToFen(v.amounts[c] ?? 0), note: v.notes[c]?.trim() ?? '' }));

/** 编制 / 修改 a draft budget: the union and year, then an amount (元) per category; categories left empty are not budgeted. */
export function BudgetFormModal({ open, budget, onClose, onSaved }: { open: boolean; budget: Budget | null; onClose: () => void; onSaved?: (b: Budget) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { user } = useSession();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const amounts = Form.useWatch('amounts', form);
  const total = BUDGET_CATEGORIES.reduce((s, c) => s + yuanToFen(amounts?.[c] ?? 0), 0);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(initial(budget, user?.orgId));
  }, [open, budget, form, user?.orgId]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      budget ? budgetApi.update(budget.id, { version: budget.version, note: v.note?.trim() ?? '', lines: linesOf(v) }) : budgetApi.create({ orgId: v.orgId ?? '', year: v.year ?? 0, note: v.note?.trim() ?? '', lines: linesOf(v) }),
    onSuccess: (saved) => {
      void message.success(budget ? '预算已保存' : `已编制 ${saved.orgName} ${saved.year} 年度预算(草稿)`);
      void client.invalidateQueries({ queryKey: budgetKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['orgId', 'year', 'note'])),
  });

  return (
    <Modal open={open} width={760} title={budget ? `修改预算:${budget.orgName} ${budget.year}年度` : '编制年度预算'} okText="保存草稿" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden>
      <Typography.Paragraph type="secondary">按科目填写预算金额(元),不填的科目不列预算。保存后为草稿,批准前可以修改。</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> name="budget-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space wrap size={12} align="start">
          <Form.Item label="工会" name="orgId" rules={[{ required: true, message: '请选择工会' }]}>
            <OrgTreeSelect style={{ width: 280 }} disabled={!!budget} />
          </Form.Item>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} disabled={!!budget} />
          </Form.Item>
        </Space>
        {BUDGET_CATEGORIES.map((c) => (
          <Space key={c} wrap size={8} align="start" style={{ display: 'flex' }} data-testid={`budget-line-${c}`}>
            <Form.Item label={BUDGET_CATEGORY_LABELS[c]} name={['amounts', c]} style={{ marginBottom: 8, width: 200 }}>
              <YuanInput min={0} placeholder="不列预算" aria-label={`${BUDGET_CATEGORY_LABELS[c]}预算`} />
            </Form.Item>
            <Form.Item label="说明" name={['notes', c]} style={{ marginBottom: 8 }}>
              <Input maxLength={200} style={{ width: 360 }} placeholder="如:春秋季职工运动会、读书月" aria-label={`${BUDGET_CATEGORY_LABELS[c]}说明`} />
            </Form.Item>
          </Space>
        ))}
        <Typography.Paragraph strong>合计:{formatYuan(total)}</Typography.Paragraph>
        <Form.Item label="预算说明" name="note">
          <Input.TextArea maxLength={500} rows={2} placeholder="如:经工会委员会审议的年度收支预算" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
