import { useEffect, useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DONOR_TYPE_LABELS, type Campaign, type DonorType } from '@gonghui/contracts';
import { ApiError } from '../../api/api-client';
import { campaignApi } from '../../api/campaign.api';
import { dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { formatYuan, yuanToFen } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { YuanInput } from '../../components/yuan-input.component';
import { applyMappedServerErrors } from '../../api/form-errors';
import { DONOR_TYPE_OPTIONS } from './campaign-labels';

interface DonationValues {
  donorType: DonorType;
  donorName: string;
  amountYuan: number;
  receiptNo: string;
  receivedOn: Dayjs;
  orgId?: string;
  note?: string;
}

const FIELD_OF = { donorType: 'donorType', donorName: 'donorName', amountFen: 'amountYuan', receiptNo: 'receiptNo', receivedOn: 'receivedOn', orgId: 'orgId', note: 'note' };

/**
 * 登记捐款: after a confirmation that repeats donor, amount and receipt (a booked donation cannot be
 * changed: it is in the fund's ledger), the server books it once per receipt number.
 */
export function DonationFormModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<DonationValues>();
  const { message, modal } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const donorType = Form.useWatch('donorType', form);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ donorType: 'enterprise', receivedOn: dayjs(), orgId: user?.orgId });
  }, [open, form, user?.orgId]);

  const record = useMutation({
    mutationFn: (v: DonationValues) =>
      campaignApi.recordDonation(campaign.id, {
        donorType: v.donorType,
        donorName: v.donorName.trim(),
        amountFen: yuanToFen(v.amountYuan),
        receiptNo: v.receiptNo.trim(),
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        orgId: v.orgId,
        note: v.note?.trim() || undefined,
      }),
    onSuccess: (d) => {
      void message.success(`已登记 ${d.donorName} 捐款 ${formatYuan(d.amountFen)},计入「${d.fundName}」`);
      void queryClient.invalidateQueries({ queryKey: ['aid'] });
      void queryClient.invalidateQueries({ queryKey: ['funds'] });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.fieldErrors.length === 0) setFailure(error.message);
      else setFailure(applyMappedServerErrors(form, error, FIELD_OF));
    },
  });

  const confirm = (v: DonationValues) =>
    modal.confirm({
      title: '确认登记捐款?',
      content: (
        <>
          <Typography.Paragraph>
            {DONOR_TYPE_LABELS[v.donorType]}「{v.donorName.trim()}」捐款 <Typography.Text strong>{formatYuan(yuanToFen(v.amountYuan))}</Typography.Text>,收据编号「{v.receiptNo.trim().toUpperCase()}」,{v.receivedOn.format('YYYY年M月D日')}到账,计入「{campaign.fundName ?? ''}」。
          </Typography.Paragraph>
          <Typography.Text type="secondary">登记后即入账,不能修改或删除;同一收据编号只能登记一次。</Typography.Text>
        </>
      ),
      okText: '确认登记',
      onOk: () => record.mutateAsync(v).catch(() => undefined),
    });

  return (
    <Modal open={open} title={`登记捐款:${campaign.name}`} okText="登记" confirmLoading={record.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<DonationValues> name="donation-form" form={form} layout="vertical" onFinish={confirm} autoComplete="off">
        <Form.Item label="捐赠方类型" name="donorType" rules={[{ required: true, message: '请选择捐赠方类型' }]}>
          <Radio.Group options={DONOR_TYPE_OPTIONS} optionType="button" />
        </Form.Item>
        <Form.Item label={donorType === 'individual' ? '捐赠人姓名' : '捐赠单位名称'} name="donorName" rules={[{ required: true, whitespace: true, message: '请填写捐赠方名称' }]}>
          <Input maxLength={100} placeholder={donorType === 'individual' ? '如:林晓东;不愿具名可填“爱心人士”' : '如:杭州钱江数智科技股份有限公司'} />
        </Form.Item>
        <Form.Item label="捐款金额" name="amountYuan" rules={[{ required: true, message: '请填写捐款金额' }]}>
          <YuanInput />
        </Form.Item>
        <Form.Item label="收据编号" name="receiptNo" rules={[{ required: true, whitespace: true, message: '请填写捐赠收据编号' }]} extra="公益事业捐赠票据的编号;同一编号只能登记一次">
          <Input maxLength={40} placeholder="如:HZCF2026-0012" />
        </Form.Item>
        <Form.Item label="到账日期" name="receivedOn" rules={[{ required: true, message: '请选择到账日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="接收单位" name="orgId" extra="默认为本单位">
          <OrgTreeSelect placeholder="选择接收捐款的工会" />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea maxLength={200} showCount rows={2} placeholder="如:定向用于某区困难职工" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
