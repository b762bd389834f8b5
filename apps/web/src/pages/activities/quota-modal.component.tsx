import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, InputNumber, Modal, Typography } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Quota } from '@gonghui/contracts';
import type { AllocateQuotaBody } from '../../api/activity.api';
import { applyServerErrors } from '../../api/form-errors';
import { dayjs } from '../../app/time';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { beijingIso } from './activity-form-values';
import { QUOTA_HELP } from './activity-labels';

interface QuotaValues {
  orgId: string;
  places: number;
  returnAt?: Dayjs | null;
}

/** What the modal needs of an offering (an activity, a 疗休养 batch). */
interface QuotaOffering {
  id: string;
  title: string;
  capacity: number;
  confirmed: number;
  quotas: Pick<Quota, 'orgId' | 'orgName'>[];
}

interface QuotaModalProps<T extends QuotaOffering> {
  offering: T | null;
  formName: string;
  /** help under the org field: which unions may receive places */
  orgExtra: string;
  allocate: (id: string, body: AllocateQuotaBody) => Promise<T>;
  detailKey: (id: string) => QueryKey;
  /** refreshed after an allocation (lists, rosters) */
  allKey: QueryKey;
  onClose: () => void;
}

/** 分配名额: moves free places of the pool the user holds to a lower union (added to what it already has). */
export function QuotaModal<T extends QuotaOffering>({ offering, formName, orgExtra, allocate: send, detailKey, allKey, onClose }: QuotaModalProps<T>) {
  const [form] = Form.useForm<QuotaValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!offering) return;
    setFailure(null);
    form.resetFields();
  }, [offering, form]);

  const allocate = useMutation({
    mutationFn: (v: QuotaValues) => {
      if (!offering) throw new Error('没有选择分配对象');
      return send(offering.id, { orgId: v.orgId, places: v.places, returnAt: v.returnAt ? beijingIso(v.returnAt) : null });
    },
    onSuccess: (o, v) => {
      const org = o.quotas.find((q) => q.orgId === v.orgId)?.orgName ?? '该单位';
      void message.success(`已向${org}分配 ${v.places} 个名额`);
      queryClient.setQueryData(detailKey(o.id), o);
      void queryClient.invalidateQueries({ queryKey: allKey });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['orgId', 'places', 'returnAt'])),
  });

  const free = offering ? Math.max(0, offering.capacity - offering.confirmed) : 0;

  return (
    <Modal open={!!offering} title={`分配名额:${offering?.title ?? ''}`} okText="分配" confirmLoading={allocate.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Typography.Paragraph type="secondary">{QUOTA_HELP}同一单位可多次分配,名额累加。</Typography.Paragraph>
      {offering ? (
        <Typography.Paragraph>
          总名额 {offering.capacity},已报名成功 {offering.confirmed},尚未占用 {free}(只能分配本单位持有的空余名额)。
        </Typography.Paragraph>
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="quota-error" /> : null}
      <Form<QuotaValues>
        name={formName}
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setFailure(null);
          allocate.mutate(v);
        }}
      >
        <Form.Item label="下级工会" name="orgId" rules={[{ required: true, message: '请选择下级工会' }]} extra={orgExtra}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item label="名额" name="places" rules={[{ required: true, message: '请填写名额' }]}>
          <InputNumber min={1} max={Math.max(1, free)} precision={0} suffix="个" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="收回时间" name="returnAt" extra="可选。到期未用完的名额自动退回上级;留空则不收回">
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
