import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Spending } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { budgetApi, budgetKeys } from '../../api/budget.api';
import { applyServerErrors } from '../../api/form-errors';
import { formatYuan } from '../../components/money';
import { BudgetVouchersModal } from './budget-vouchers-modal.component';

/** 冲销 a spending: a confirmation with its reason; the ledger keeps the original entry and adds a reversal. */
function ReverseModal({ spending, onClose }: { spending: Spending | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const reverse = useMutation({
    mutationFn: (v: { reason?: string }) => budgetApi.reverse(spending?.id ?? '', v.reason?.trim() ?? ''),
    onSuccess: () => {
      void message.success('已冲销,金额退回经费账户');
      void client.invalidateQueries({ queryKey: budgetKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => setFailure(applyServerErrors(form, e, ['reason'])),
  });
  if (!spending) return null;
  return (
    <Modal open title="冲销支出" okText="确认冲销" okButtonProps={{ danger: true }} confirmLoading={reverse.isPending} onOk={() => form.submit()} onCancel={onClose} afterClose={() => setFailure(null)}>
      <Typography.Paragraph>
        确定冲销「{spending.purpose}」{formatYuan(spending.amountFen)}(收款:{spending.payee})?冲销后金额退回经费账户,原记录保留并标记为已冲销,<b>不能撤销</b>;如金额或科目录错,冲销后请重新登记。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" name="spending-reverse" onFinish={(v) => reverse.mutate(v)}>
        <Form.Item label="冲销原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写冲销原因' }]}>
          <Input.TextArea maxLength={200} rows={2} placeholder="如:金额录入错误" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The spendings of a budget, newest first, with vouchers and reversal. */
export function BudgetSpendingsTable({ budgetId, vouchersFor, onVouchersClose }: { budgetId: string; vouchersFor: Spending | null; onVouchersClose: () => void }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [vouchers, setVouchers] = useState<Spending | null>(null);
  const [reversing, setReversing] = useState<Spending | null>(null);
  const query = { budgetId, ...page };
  const list = useQuery({ queryKey: budgetKeys.spendings(query), queryFn: () => budgetApi.spendings(query), placeholderData: keepPreviousData });
  const columns: TableColumnsType<Spending> = [
    { title: '日期', dataIndex: 'spentOn', width: 110 },
    { title: '科目', dataIndex: 'categoryLabel', width: 110 },
    { title: '金额(元)', dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number, r) => <span style={r.status === 'reversed' ? { textDecoration: 'line-through' } : undefined}>{formatYuan(v, '')}</span> },
    { title: '收款单位/人', dataIndex: 'payee', ellipsis: true },
    {
      title: '用途',
      dataIndex: 'purpose',
      ellipsis: true,
      render: (v: string, r) => (
        <>
          {v}
          {r.overBudgetReason ? <Tag color="orange" style={{ marginLeft: 6 }} title={r.overBudgetReason}>超支</Tag> : null}
        </>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: Spending['status'], r) => <Tag color={s === 'posted' ? 'blue' : 'default'} title={r.reversalReason ?? undefined}>{r.statusLabel}</Tag> },
    {
      title: '操作',
      key: 'op',
      width: 170,
      render: (_v, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setVouchers(r)} data-testid="spending-vouchers">
            凭证({r.vouchers.length})
          </Button>
          {r.abilities.canReverse ? (
            <Button size="small" type="link" danger onClick={() => setReversing(r)} data-testid="spending-reverse">
              冲销
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Spending>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        data-testid="spending-list"
        locale={{ emptyText: '暂无支出' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 笔`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
      />
      <BudgetVouchersModal spending={vouchers ?? vouchersFor} onClose={() => (setVouchers(null), onVouchersClose())} />
      <ReverseModal spending={reversing} onClose={() => setReversing(null)} />
    </>
  );
}
