import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RatingCampaign } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { ratingApi, ratingKeys, type RatingCampaignBody } from '../../api/rating.api';

interface FormValues extends Omit<RatingCampaignBody, 'startsOn' | 'endsOn' | 'satisfiedMinBp' | 'dissatisfiedBelowBp'> {
  period: [Dayjs, Dayjs];
  satisfiedPct: number;
  dissatisfiedPct: number;
}

const FIELDS = ['year', 'title', 'period', 'description', 'allowMembers', 'satisfiedPct', 'dissatisfiedPct', 'burstWindowMinutes', 'burstIpLimit', 'burstSameAnswerLimit'] as const;
const SERVER_FIELDS: Record<string, string> = { startsOn: 'period', endsOn: 'period', satisfiedMinBp: 'satisfiedPct', dissatisfiedBelowBp: 'dissatisfiedPct' };

/** New campaign or edit of an existing one (thresholds in percent, stored as basis points). */
export function RatingCampaignFormModal({ open, campaign, onClose, onSaved }: { open: boolean; campaign?: RatingCampaign; onClose: () => void; onSaved: (c: RatingCampaign) => void }) {
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (campaign) {
      form.setFieldsValue({ ...campaign, description: campaign.description ?? undefined, period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)], satisfiedPct: campaign.satisfiedMinBp / 100, dissatisfiedPct: campaign.dissatisfiedBelowBp / 100 });
    }
  }, [open, campaign, form]);
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body: RatingCampaignBody = { ...v, startsOn: v.period[0].format('YYYY-MM-DD'), endsOn: v.period[1].format('YYYY-MM-DD'), satisfiedMinBp: Math.round(v.satisfiedPct * 100), dissatisfiedBelowBp: Math.round(v.dissatisfiedPct * 100) };
      return campaign ? ratingApi.update(campaign.id, body) : ratingApi.create(body);
    },
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ratingKeys.all });
      onSaved(c);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, [...FIELDS, ...Object.keys(SERVER_FIELDS)]);
      if (rest) form.setFields([{ name: 'title', errors: [rest] }]);
    },
  });
  return (
    <Modal open={open} title={campaign ? '修改测评活动' : '新建测评活动'} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} width={640} destroyOnHidden>
      {campaign ? null : <Alert type="info" showIcon style={{ marginBottom: 12 }} message="新建后预置九类测评群体及默认权重,可在“测评群体”中调整。" />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ year: new Date().getFullYear(), allowMembers: true, satisfiedPct: 90, dissatisfiedPct: 75, burstWindowMinutes: 10, burstIpLimit: 20, burstSameAnswerLimit: 15 }}>
        <Form.Item name="title" label="测评名称" rules={[{ required: true, message: '请填写测评名称' }]}><Input maxLength={100} placeholder="如:2026年度满意不满意单位评选" /></Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="period" label="测评时间" rules={[{ required: true, message: '请选择测评时间' }]}><DatePicker.RangePicker /></Form.Item>
        <Form.Item name="description" label="说明"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="allowMembers" label="允许会员登录参评" valuePropName="checked" extra="会员在手机端以指定群体身份参评(在“测评群体”中指定)"><Switch /></Form.Item>
        <Form.Item name="satisfiedPct" label="满意单位线(%)" extra="综合满意率不低于此值评为满意单位"><InputNumber min={0} max={100} step={0.5} /></Form.Item>
        <Form.Item name="dissatisfiedPct" label="不满意单位线(%)" extra="综合满意率低于此值评为不满意单位"><InputNumber min={0} max={100} step={0.5} /></Form.Item>
        <Form.Item name="burstWindowMinutes" label="异常检测时间窗(分钟)"><InputNumber min={1} max={1440} /></Form.Item>
        <Form.Item name="burstIpLimit" label="同一设备提交上限(份/时间窗)"><InputNumber min={1} /></Form.Item>
        <Form.Item name="burstSameAnswerLimit" label="同一单位完全相同答卷上限(份/时间窗)"><InputNumber min={1} /></Form.Item>
      </Form>
    </Modal>
  );
}
