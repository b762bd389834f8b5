import { useEffect, useState } from 'react';
import { Alert, App, Descriptions, Form, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Activity, Enrolment } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { queryKeys } from '../../api/query-keys';
import { activitySubsidyFen } from '../../components/activity-programme';
import { formatYuan } from '../../components/money';
import { useFundOptions } from '../aid/use-fund-options.hook';

interface SubsidyModalProps {
  activity: Activity;
  /** the enrolment to pay, null when closed */
  enrolment: Enrolment | null;
  onClose: () => void;
}

/**
 * 发放补贴 (平安返乡 ticket subsidy, 圆梦计划 grant): choose the fund, confirm the amount. The
 * enrolment is the payout's key on the server, so a repeated click pays nothing more.
 */
export function ActivitySubsidyModal({ activity, enrolment, onClose }: SubsidyModalProps) {
  const [form] = Form.useForm<{ fundId: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const open = enrolment !== null;
  const funds = useFundOptions(open);
  const [failure, setFailure] = useState<string | null>(null);
  const fundId = Form.useWatch('fundId', form);
  const amountFen = activitySubsidyFen(activity.type, activity.details);
  const fund = funds.data?.find((f) => f.id === fundId);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
  }, [open, form]);

  const pay = useMutation({
    mutationFn: (v: { fundId: string }) => {
      if (!enrolment) throw new Error('没有选择报名记录');
      return activityApi.paySubsidy(activity.id, enrolment.id, v.fundId);
    },
    onSuccess: (r) => {
      void message.success(r.replayed ? `${enrolment?.memberName ?? ''} 的补贴此前已发放,未重复支付` : `已向 ${enrolment?.memberName ?? ''} 发放补贴 ${formatYuan(r.amountFen)}`);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      onClose();
    },
    // the server's reason in Chinese: no bank card on file, fund closed or short, not confirmed …
    onError: (error) => setFailure(applyServerErrors(form, error, ['fundId'])),
  });

  return (
    <Modal
      open={open}
      title={`发放补贴:${enrolment?.memberName ?? ''}`}
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
          { key: 'payee', label: '收款人', children: `${enrolment?.memberName ?? ''}(${enrolment?.orgName ?? ''},按会员档案登记的银行卡代发)` },
          { key: 'activity', label: '活动', children: `${activity.title}(${activity.typeLabel})` },
          { key: 'amount', label: '补贴金额', children: <Typography.Text strong data-testid="subsidy-amount">{formatYuan(amountFen)}</Typography.Text> },
        ]}
      />
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="subsidy-error" /> : null}
      {funds.isError ? <Alert type="error" showIcon title={`资金列表加载失败:${errorMessage(funds.error)}`} style={{ marginBottom: 12 }} /> : null}
      {fund && fund.balanceFen < amountFen ? <Alert type="warning" showIcon title={`该资金余额 ${formatYuan(fund.balanceFen)},不足以发放`} style={{ marginBottom: 12 }} /> : null}
      <Form<{ fundId: string }>
        name="activity-subsidy-form"
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setFailure(null);
          pay.mutate(v);
        }}
      >
        <Form.Item label="支出资金" name="fundId" rules={[{ required: true, message: '请选择支出资金' }]} extra="补贴记入该资金台账,生成待代发记录,由资金管理人员导出银行代发批次;每人只发放一次。">
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
