import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Budget } from '@gonghui/contracts';
import { budgetApi, budgetKeys } from '../../api/budget.api';
import { applyServerErrors } from '../../api/form-errors';
import { formatYuan } from '../../components/money';

/** 批准预算 on its 审批依据 (committee minutes or the higher union's reply): the budget is fixed afterwards. */
export function BudgetApproveModal({ budget, open, onClose }: { budget: Budget; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ approvalRef?: string }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
  }, [open, form]);
  const approve = useMutation({
    mutationFn: (v: { approvalRef?: string }) => budgetApi.approve(budget.id, { approvalRef: v.approvalRef?.trim() ?? '', version: budget.version }),
    onSuccess: () => {
      void message.success('预算已批准');
      void client.invalidateQueries({ queryKey: budgetKeys.all });
      onClose();
    },
    onError: (e) => setFailure(applyServerErrors(form, e, ['approvalRef'])),
  });
  return (
    <Modal open={open} title={`批准预算:${budget.orgName} ${budget.year}年度`} okText="批准" confirmLoading={approve.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Typography.Paragraph>
        预算合计 <b>{formatYuan(budget.totalFen)}</b>。批准后预算不能再修改,支出按科目登记。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" name="budget-approve" onFinish={(v) => approve.mutate(v)}>
        <Form.Item label="审批依据" name="approvalRef" rules={[{ required: true, whitespace: true, message: '请填写审批依据' }]} extra="本级工会委员会会议纪要,或上级工会的批复文号">
          <Input maxLength={100} placeholder="如:工会委员会2026年第1次会议纪要" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
