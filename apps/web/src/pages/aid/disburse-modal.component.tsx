import { useEffect, useRef, useState } from 'react';
import { Alert, App, Descriptions, Form, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AidApplication } from '@gonghui/contracts';
import { aidApi } from '../../api/aid.api';
import { errorMessage } from '../../api/api-client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { queryKeys } from '../../api/query-keys';
import { formatYuan } from '../../components/money';
import { useAidChanged } from './use-aid-changed.hook';
import { useFundOptions } from './use-fund-options.hook';

interface DisburseModalProps {
  app: AidApplication;
  open: boolean;
  onClose: () => void;
}

/**
 * 发放: choose the fund, confirm the amount. One Idempotency-Key per 发放 (and fund), reused when
 * the same request is retried after a failure, so a case is never paid twice.
 */
export function DisburseModal({ app, open, onClose }: DisburseModalProps) {
  const [form] = Form.useForm<{ fundId: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const changed = useAidChanged();
  const funds = useFundOptions(open);
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef<{ fundId: string; value: string } | null>(null);
  const fundId = Form.useWatch('fundId', form);
  const amountFen = app.approvedAmountFen ?? app.amountFen;
  const fund = funds.data?.find((f) => f.id === fundId);

  useEffect(() => {
    if (!open) return;
    key.current = null;
    setFailure(null);
    form.resetFields();
  }, [open, form]);

  const pay = useMutation({
    mutationFn: (v: { fundId: string }) => {
      if (key.current?.fundId !== v.fundId) key.current = { fundId: v.fundId, value: newIdempotencyKey() };
      return aidApi.disburse(app.id, v.fundId, key.current.value);
    },
    onSuccess: ({ application, replayed }) => {
      void message.success(replayed ? '该申请此前已发放,未重复支付' : `已发放 ${formatYuan(amountFen)}`);
      changed(application);
      // balances, ledgers and payouts (the fund options included)
      void queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      onClose();
    },
    onError: (error) => setFailure(errorMessage(error)),
  });

  return (
    <Modal
      open={open}
      title={`发放帮扶资金:${app.memberName}`}
      okText={`确认发放 ${formatYuan(amountFen)}`}
      confirmLoading={pay.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'payee', label: '收款人', children: `${app.memberName}(按会员档案登记的银行卡代发)` },
          { key: 'category', label: '帮扶类别', children: app.categoryLabel },
          { key: 'amount', label: '发放金额', children: <Typography.Text strong data-testid="disburse-amount">{formatYuan(amountFen)}</Typography.Text> },
        ]}
      />
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      {funds.isError ? <Alert type="error" showIcon title={`资金列表加载失败:${errorMessage(funds.error)}`} style={{ marginBottom: 12 }} /> : null}
      {fund && fund.balanceFen < amountFen ? (
        <Alert type="warning" showIcon title={`该资金余额 ${formatYuan(fund.balanceFen)},不足以发放`} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<{ fundId: string }> name="aid-disburse-form" form={form} layout="vertical" onFinish={(v) => pay.mutate(v)}>
        <Form.Item label="支出资金" name="fundId" rules={[{ required: true, message: '请选择支出资金' }]} extra="发放记入该资金台账,生成待代发记录,由资金管理人员导出银行代发批次。">
          <Select
            loading={funds.isPending}
            placeholder="请选择资金"
            notFoundContent="没有可用的资金,请先在资金管理中设立资金并入账"
            options={(funds.data ?? []).map((f) => ({ value: f.id, label: `${f.name}(余额 ${formatYuan(f.balanceFen)})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
