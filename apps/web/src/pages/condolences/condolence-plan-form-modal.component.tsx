import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CondolenceCategory, CondolenceOccasion, CondolencePlan } from '@gonghui/contracts';
import { condolenceApi, condolenceKeys, type CondolencePlanBody } from '../../api/condolence.api';
import { applyServerErrors } from '../../api/form-errors';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { fenToYuanNumber, yuanToFen } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { YuanInput } from '../../components/yuan-input.component';
import { CATEGORY_OPTIONS, OCCASION_OPTIONS, RULE_HELP } from './condolence-labels';

interface CategoryValues {
  category?: CondolenceCategory;
  headcount?: number;
  moneyYuan?: number | null;
  goodsDescription?: string;
  goodsYuan?: number | null;
}
interface PlanValues {
  orgId?: string;
  year?: number;
  occasion?: CondolenceOccasion;
  occasionName?: string;
  note?: string;
  categories: CategoryValues[];
}

interface PlanFormModalProps {
  open: boolean;
  /** null: a new plan */
  plan: CondolencePlan | null;
  onClose: () => void;
  onSaved?: (plan: CondolencePlan) => void;
}

const initialValues = (plan: CondolencePlan | null, orgId: string | undefined): PlanValues =>
  plan
    ? {
        orgId: plan.orgId,
        year: plan.year,
        occasion: plan.occasion,
        occasionName: plan.occasionName ?? undefined,
        note: plan.note ?? undefined,
        categories: plan.categories.map((c) => ({ category: c.category, headcount: c.headcount, moneyYuan: fenToYuanNumber(c.moneyPerHeadFen), goodsDescription: c.goodsDescription ?? undefined, goodsYuan: fenToYuanNumber(c.goodsValuePerHeadFen) })),
      }
    : { orgId, year: dayjs().tz(APP_TIME_ZONE).year() + 1, occasion: 'spring_festival', categories: [{ category: 'hardship_family', headcount: 100, moneyYuan: 500, goodsYuan: 200, goodsDescription: '米、油、年货礼包' }] };

const toBody = (v: PlanValues): CondolencePlanBody => ({
  orgId: v.orgId ?? '',
  year: v.year ?? 0,
  occasion: v.occasion ?? 'spring_festival',
  occasionName: v.occasion === 'other' ? v.occasionName?.trim() : undefined,
  note: v.note?.trim() || undefined,
  categories: v.categories.map((c) => ({
    category: c.category ?? 'hardship_family',
    headcount: c.headcount ?? 0,
    moneyPerHeadFen: yuanToFen(c.moneyYuan ?? 0),
    goodsDescription: c.goodsDescription?.trim() || undefined,
    goodsValuePerHeadFen: yuanToFen(c.goodsYuan ?? 0),
  })),
});

/** 制定 / 修改 a plan: the drawing union, year and occasion, and the categories table (人数, 每人慰问金 and 慰问品 in 元). */
export function CondolencePlanFormModal({ open, plan, onClose, onSaved }: PlanFormModalProps) {
  const [form] = Form.useForm<PlanValues>();
  const { message } = App.useApp();
  const { user } = useSession();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const occasion = Form.useWatch('occasion', form);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue(initialValues(plan, user?.orgId));
  }, [open, plan, form, user?.orgId]);

  const save = useMutation({
    mutationFn: (v: PlanValues) => (plan ? condolenceApi.updatePlan(plan.id, toBody(v)) : condolenceApi.createPlan(toBody(v))),
    onSuccess: (saved) => {
      void message.success(plan ? '计划已保存' : `已创建:${saved.title}`);
      void client.invalidateQueries({ queryKey: condolenceKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['orgId', 'year', 'occasion', 'occasionName', 'note'])),
  });

  return (
    <Modal open={open} width={920} title={plan ? `修改计划:${plan.title}` : '制定送温暖计划'} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden>
      <Typography.Paragraph type="secondary">{RULE_HELP}</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<PlanValues> name="condolence-plan-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space wrap size={12} align="start">
          <Form.Item label="制定单位" name="orgId" rules={[{ required: true, message: '请选择制定计划的工会' }]} extra="市总工会或区县(市)总工会为本级及下级制定">
            <OrgTreeSelect style={{ width: 220 }} selectableKinds={['city', 'district']} disabled={!!plan} />
          </Form.Item>
          <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label="慰问活动" name="occasion" rules={[{ required: true, message: '请选择慰问活动' }]}>
            <Select options={OCCASION_OPTIONS} style={{ width: 150 }} />
          </Form.Item>
          {occasion === 'other' ? (
            <Form.Item label="活动名称" name="occasionName" rules={[{ required: true, whitespace: true, message: '请填写慰问活动名称' }]}>
              <Input maxLength={40} style={{ width: 200 }} placeholder="如:八一慰问退役军人职工" />
            </Form.Item>
          ) : null}
        </Space>
        <Form.List name="categories" rules={[{ validator: async (_r, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error('至少填写一个慰问对象类别'))) }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              <Typography.Text strong>慰问对象与标准</Typography.Text>
              {fields.map((f) => (
                <Space key={f.key} wrap size={8} align="start" style={{ display: 'flex', marginTop: 8 }} data-testid="plan-category-row">
                  <Form.Item name={[f.name, 'category']} rules={[{ required: true, message: '请选择类别' }]} style={{ marginBottom: 0 }}>
                    <Select options={CATEGORY_OPTIONS} style={{ width: 150 }} placeholder="类别" aria-label="类别" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'headcount']} rules={[{ required: true, message: '请填写人数' }]} style={{ marginBottom: 0 }}>
                    <InputNumber min={1} max={1_000_000} precision={0} suffix="人" style={{ width: 120 }} placeholder="人数" aria-label="人数" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'moneyYuan']} style={{ marginBottom: 0 }} tooltip="每人慰问金">
                    <YuanInput min={0} style={{ width: 150 }} placeholder="每人慰问金" aria-label="每人慰问金" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'goodsDescription']} style={{ marginBottom: 0 }}>
                    <Input maxLength={200} style={{ width: 180 }} placeholder="慰问品(如:米、油)" aria-label="慰问品" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'goodsYuan']} style={{ marginBottom: 0 }}>
                    <YuanInput min={0} style={{ width: 150 }} placeholder="每人慰问品价值" aria-label="每人慰问品价值" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label="删除该类别" onClick={() => remove(f.name)} disabled={fields.length <= 1} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ headcount: 10, moneyYuan: 0, goodsYuan: 0 })} style={{ marginTop: 8 }} data-testid="plan-category-add">
                添加类别
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Form.Item label="说明" name="note" style={{ marginTop: 16 }}>
          <Input.TextArea maxLength={2000} rows={3} placeholder="慰问重点、资金来源、时间安排等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
