import { App, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DuesBaseRow } from '@gonghui/contracts';
import { duesApi, duesKeys, type DuesExemptionBody } from '../../api/dues.api';
import { applyServerErrors } from '../../api/form-errors';
import { REASON_OPTIONS } from './dues-labels';

type Values = Omit<DuesExemptionBody, 'memberId'>;
const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).map((v) => ({ value: v, label: v }));

/** 会费减免: a reason and the months (from..to) that are not due. */
export function DuesExemptionModal({ row, onClose }: { row: DuesBaseRow | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => duesApi.exempt({ ...v, memberId: row!.memberId }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: duesKeys.all });
      void message.success('已登记会费减免');
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['reason', 'note', 'fromMonth', 'toMonth']);
      if (rest) void message.error(rest);
    },
  });
  const months = row ? [...monthsOf(row.year - 1), ...monthsOf(row.year), ...monthsOf(row.year + 1)] : [];
  return (
    <Modal title={row ? `会费减免:${row.memberName}` : ''} open={!!row} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
        <Form.Item name="reason" label="减免原因" rules={[{ required: true, message: '请选择减免原因' }]}>
          <Select options={REASON_OPTIONS} aria-label="减免原因" />
        </Form.Item>
        <Form.Item name="fromMonth" label="起始月份" rules={[{ required: true, message: '请选择起始月份' }]}>
          <Select options={months} aria-label="起始月份" showSearch />
        </Form.Item>
        <Form.Item name="toMonth" label="截止月份" rules={[{ required: true, message: '请选择截止月份' }]}>
          <Select options={months} aria-label="截止月份" showSearch />
        </Form.Item>
        <Form.Item name="note" label="说明" extra="如:下岗失业证明、特困职工认定、病休证明等。">
          <Input.TextArea maxLength={200} showCount rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
