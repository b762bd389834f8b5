import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, InputNumber, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { RecuperationBatch } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { recuperationApi, recuperationKeys } from '../../api/recuperation.api';
import { dayjs } from '../../app/time';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { beijingIso } from '../activities/activity-form-values';
import { QUOTA_HELP } from '../activities/activity-labels';

interface QuotaValues {
  orgId: string;
  places: number;
  returnAt?: Dayjs | null;
}

/** 分配名额: free places of the batch go down the tree (市 → 区县 → 基层), added to what the union already has. */
export function RecuperationQuotaModal({ batch, onClose }: { batch: RecuperationBatch | null; onClose: () => void }) {
  const [form] = Form.useForm<QuotaValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!batch) return;
    setFailure(null);
    form.resetFields();
  }, [batch, form]);

  const allocate = useMutation({
    mutationFn: (v: QuotaValues) => {
      if (!batch) throw new Error('没有选择批次');
      return recuperationApi.allocateQuota(batch.id, { orgId: v.orgId, places: v.places, returnAt: v.returnAt ? beijingIso(v.returnAt) : null });
    },
    onSuccess: (b, v) => {
      const org = b.quotas.find((q) => q.orgId === v.orgId)?.orgName ?? '该单位';
      void message.success(`已向${org}分配 ${v.places} 个名额`);
      queryClient.setQueryData(recuperationKeys.detail(b.id), b);
      void queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['orgId', 'places', 'returnAt'])),
  });

  const free = batch ? Math.max(0, batch.capacity - batch.confirmed) : 0;
  return (
    <Modal open={!!batch} title={`分配名额:${batch?.title ?? ''}`} okText="分配" confirmLoading={allocate.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Typography.Paragraph type="secondary">{QUOTA_HELP}同一单位可多次分配,名额累加。</Typography.Paragraph>
      {batch ? (
        <Typography.Paragraph>
          总名额 {batch.capacity},已报名成功 {batch.confirmed},尚未占用 {free}(只能分配本单位持有的空余名额)。
        </Typography.Paragraph>
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="quota-error" /> : null}
      <Form<QuotaValues>
        name="recuperation-quota-form"
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setFailure(null);
          allocate.mutate(v);
        }}
      >
        <Form.Item label="下级工会" name="orgId" rules={[{ required: true, message: '请选择下级工会' }]} extra="须为主办单位(或分到名额的单位)的下级工会">
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
