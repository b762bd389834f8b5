import { App, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DUES_WAGE_ITEMS, fenToYuan, monthlyDuesFen, type DuesBaseRow, type EmployerType } from '@gonghui/contracts';
import { duesApi, duesKeys } from '../../api/dues.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { yuanToFen } from '../../components/money';
import { EMPLOYER_OPTIONS } from './dues-labels';

interface Values {
  employerType: EmployerType;
  amounts: Record<string, number | null | undefined>;
}

/** 核定工资基数: the wage items of the employer type in 元; the monthly dues shown as the rule computes them. */
export function DuesBaseModal({ row, onClose }: { row: DuesBaseRow | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const type = Form.useWatch('employerType', form) ?? row?.employerType ?? 'enterprise';
  const amounts = Form.useWatch('amounts', form) ?? {};
  const items = DUES_WAGE_ITEMS[type].map((i) => ({ code: i.code, amountFen: yuanToFen(amounts[i.code] ?? 0) })).filter((i) => i.amountFen > 0);
  const wageFen = items.reduce((s, i) => s + i.amountFen, 0);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { employerType: v.employerType, items: DUES_WAGE_ITEMS[v.employerType].map((i) => ({ code: i.code, amountFen: yuanToFen(v.amounts[i.code] ?? 0) })).filter((i) => i.amountFen > 0) };
      return row!.baseId ? duesApi.updateBase(row!.baseId, { ...body, version: row!.version ?? 1 }) : duesApi.createBase({ ...body, memberId: row!.memberId, year: row!.year });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: duesKeys.all });
      void message.success('已保存工资基数');
      onClose();
    },
    onError: (e) => {
      const rest = applyMappedServerErrors(form, e, { employerType: 'employerType', items: 'employerType' });
      if (rest) void message.error(rest);
    },
  });
  const initial: Values = { employerType: row?.employerType ?? 'enterprise', amounts: Object.fromEntries((row?.items ?? []).map((i) => [i.code, i.amountFen / 100])) };
  return (
    <Modal title={row ? `核定会费:${row.memberName}(${row.year}年)` : ''} open={!!row} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      {row ? (
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} preserve={false}>
          <Form.Item name="employerType" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]} extra="不同类型单位计入会费基数的工资项目不同。">
            <Select options={EMPLOYER_OPTIONS} aria-label="单位类型" />
          </Form.Item>
          {DUES_WAGE_ITEMS[type].map((i) => (
            <Form.Item key={`${type}-${i.code}`} name={['amounts', i.code]} label={`${i.label}(元/月)`}>
              <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} aria-label={i.label} />
            </Form.Item>
          ))}
          <Typography.Paragraph data-testid="dues-base-preview">
            月工资基数 {fenToYuan(wageFen)} 元,取整到10元为 {fenToYuan(Math.floor(wageFen / 1000) * 1000)} 元,月缴会费 <Typography.Text strong>{fenToYuan(monthlyDuesFen(wageFen))} 元</Typography.Text>(0.5%)。
          </Typography.Paragraph>
        </Form>
      ) : null}
    </Modal>
  );
}
