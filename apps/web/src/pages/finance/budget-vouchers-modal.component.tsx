import { useState } from 'react';
import { Alert, App, Modal, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { VOUCHER_MAX_FILES, VOUCHER_TYPE_LABELS, type Spending } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { budgetApi, budgetKeys } from '../../api/budget.api';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';
import { formatYuan } from '../../components/money';
import { VOUCHER_OPTIONS } from './budget-labels';

/** 支出凭证 of one spending: view, add (JPG, PNG or PDF) and remove while it is posted. */
export function BudgetVouchersModal({ spending, onClose }: { spending: Spending | null; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [current, setCurrent] = useState<Spending | null>(null);
  const shown = current && spending && current.id === spending.id ? current : spending;
  const done = (next: Spending) => {
    setCurrent(next);
    void client.invalidateQueries({ queryKey: budgetKeys.all });
  };
  const upload = useMutation({ mutationFn: ({ type, file }: { type: string; file: File }) => budgetApi.vouchers.upload(spending?.id ?? '', type, file), onSuccess: (s) => (done(s), void message.success('凭证已上传')) });
  const remove = useMutation({ mutationFn: (fileId: string) => budgetApi.vouchers.remove(spending?.id ?? '', fileId), onSuccess: done });
  const error = upload.error ?? remove.error;
  if (!shown) return null;
  const canEdit = shown.abilities.canEditVouchers;
  return (
    <Modal open title={`支出凭证:${shown.purpose}(${formatYuan(shown.amountFen)})`} footer={null} onCancel={onClose}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">上传发票、收据、审批单等(JPG、PNG 或 PDF,单个不超过 10 MB,最多 {VOUCHER_MAX_FILES} 份)。已冲销的支出凭证不能再变更。</Typography.Text>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        <AttachmentList items={shown.vouchers} labelOf={(t) => VOUCHER_TYPE_LABELS[t as keyof typeof VOUCHER_TYPE_LABELS] ?? t} href={(fileId) => budgetApi.vouchers.href(shown.id, fileId)} onRemove={canEdit ? (id) => remove.mutate(id) : undefined} removing={remove.isPending ? (remove.variables ?? null) : null} />
        {canEdit && shown.vouchers.length < VOUCHER_MAX_FILES ? <AttachmentUpload options={VOUCHER_OPTIONS} initialType="invoice" busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : null}
      </Space>
    </Modal>
  );
}
