import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecuperationPlan } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyMappedServerErrors } from '../../api/form-errors';
import { recuperationApi, recuperationKeys } from '../../api/recuperation.api';
import { hasPermission } from '../../app/access';
import { APP_TIME_ZONE, dayjs, formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { fenToYuanNumber, formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';

interface PlanValues {
  capYuan: number;
  maxStaysPerYear: number;
  targetPlaces?: number | null;
  note?: string;
}
const FIELD_OF = { budgetCapPerPerson: 'capYuan', maxStaysPerYear: 'maxStaysPerYear', targetPlaces: 'targetPlaces', note: 'note' };

function PlanModal({ plan, onClose }: { plan: RecuperationPlan | null; onClose: () => void }) {
  const [form] = Form.useForm<PlanValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!plan) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ capYuan: fenToYuanNumber(plan.budgetCapPerPerson), maxStaysPerYear: plan.maxStaysPerYear, targetPlaces: plan.targetPlaces, note: plan.note ?? undefined });
  }, [plan, form]);

  const save = useMutation({
    mutationFn: (v: PlanValues) => {
      if (!plan) throw new Error('没有选择年度');
      return recuperationApi.setPlan(plan.year, { budgetCapPerPerson: yuanToFen(v.capYuan), maxStaysPerYear: v.maxStaysPerYear, targetPlaces: v.targetPlaces ?? null, note: v.note?.trim() || undefined });
    },
    onSuccess: (p) => {
      void message.success(`${p.year}年度计划已保存`);
      queryClient.setQueryData(recuperationKeys.plan(p.year), p);
      void queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, FIELD_OF)),
  });

  return (
    <Modal open={!!plan} title={`${plan?.year ?? ''}年度疗休养计划`} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<PlanValues>
        name="recuperation-plan-form"
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <Form.Item label="每人每年费用上限" name="capYuan" rules={[{ required: true, message: '请填写每人每年费用上限' }]} extra="机关事业单位每人每年不超过3000元;会员本年度已确认的疗休养费用合计不得超过此上限">
          <YuanInput min={0} max={100000} />
        </Form.Item>
        <Form.Item label="每人每年疗休养次数" name="maxStaysPerYear" rules={[{ required: true, message: '请填写每人每年疗休养次数' }]}>
          <InputNumber min={1} max={12} precision={0} suffix="次" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="年度计划名额" name="targetPlaces" extra="可选,如2024年市总工会安排18000名一线职工免费疗休养">
          <InputNumber min={0} max={10_000_000} precision={0} suffix="人" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 年度计划: the per-person yearly cap and stays, the year's target and places offered; editable with recuperation:plan:manage. */
export function RecuperationPlanCard() {
  const { user } = useSession();
  const [year, setYear] = useState(() => dayjs().tz(APP_TIME_ZONE).year());
  const [editing, setEditing] = useState<RecuperationPlan | null>(null);
  const plan = useQuery({ queryKey: recuperationKeys.plan(year), queryFn: () => recuperationApi.plan(year) });
  const p = plan.data;
  const canEdit = !!p?.abilities.canEdit && hasPermission(user, 'recuperation:plan:manage');
  return (
    <Card
      size="small"
      title="年度计划"
      style={{ marginBottom: 16 }}
      loading={plan.isPending}
      data-testid="recuperation-plan"
      extra={
        <>
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} style={{ width: 100, marginInlineEnd: 8 }} aria-label="年度" />
          {canEdit && p ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid="recuperation-plan-edit">
              修改
            </Button>
          ) : null}
        </>
      }
    >
      {plan.isError ? <Alert type="error" showIcon title={errorMessage(plan.error)} /> : null}
      {p ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'cap', label: '每人每年费用上限', children: <span data-testid="plan-cap">{formatYuan(p.budgetCapPerPerson)}</span> },
            { key: 'stays', label: '每人每年次数', children: `${p.maxStaysPerYear} 次` },
            { key: 'target', label: '年度计划名额', children: p.targetPlaces !== null ? `${p.targetPlaces} 人` : '未设' },
            { key: 'offered', label: '已发布名额 / 已报名', children: `${p.placesOffered} / ${p.placesTaken}` },
            { key: 'state', label: '设置情况', children: p.isDefault ? <Tag>未设置,按默认标准</Tag> : `更新于 ${formatTime(p.updatedAt, 'YYYY-MM-DD HH:mm')}` },
            ...(p.note ? [{ key: 'note', label: '备注', children: p.note }] : []),
          ]}
        />
      ) : null}
      <PlanModal plan={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
