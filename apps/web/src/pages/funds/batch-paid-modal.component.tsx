import { useEffect, useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PayoutBatch } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { ledgerApi } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';

/** 确认已支付: the bank's 回单号, then a last confirmation (a paid batch cannot be undone). */
export function BatchPaidModal({ batch, onClose }: { batch: PayoutBatch | null; onClose: () => void }) {
  const [form] = Form.useForm<{ bankReference: string }>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!batch) return;
    setFailure(null);
    form.resetFields();
  }, [batch, form]);

  const paid = useMutation({
    mutationFn: (bankReference: string) => {
      if (!batch) throw new Error('没有选择批次');
      return ledgerApi.markPaid(batch.id, bankReference);
    },
    onSuccess: (b) => {
      void message.success(`已确认支付:${b.count} 笔,共 ${formatYuan(b.totalFen)}`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['bankReference'])),
  });

  const confirm = ({ bankReference }: { bankReference: string }) => {
    if (!batch) return;
    modal.confirm({
      title: '确认该批次已由银行支付?',
      content: `${batch.count} 笔、共 ${formatYuan(batch.totalFen)} 将标记为已支付,银行回单号「${bankReference.trim()}」。确认后不能撤销。`,
      okText: '确认已支付',
      onOk: () => paid.mutateAsync(bankReference.trim()).catch(() => undefined),
    });
  };

  return (
    <Modal open={!!batch} title="确认代发批次已支付" okText="确认已支付" confirmLoading={paid.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {batch ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'fund', label: '资金', children: batch.fundName },
            { key: 'count', label: '笔数', children: batch.count },
            { key: 'total', label: '金额', children: formatYuan(batch.totalFen) },
            { key: 'created', label: '生成时间', children: formatTime(batch.createdAt) },
          ]}
        />
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<{ bankReference: string }> name="batch-paid-form" form={form} layout="vertical" onFinish={confirm}>
        <Form.Item label="银行回单号" name="bankReference" rules={[{ required: true, whitespace: true, message: '请填写银行回单号' }]}>
          <Input maxLength={60} placeholder="银行代发回单或流水号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
