import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { RecuperationBatch, RecuperationPriorityGroup } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { recuperationApi, recuperationKeys, type RecuperationBatchBody } from '../../api/recuperation.api';
import { dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { beijingIso, pickerValue } from '../activities/activity-form-values';
import { PRIORITY_GROUP_OPTIONS, endDateOf } from './recuperation-labels';

interface BatchFormValues {
  routeId: string;
  orgId: string;
  title: string;
  startDate: Dayjs;
  places: number;
  signupOpensAt: Dayjs;
  signupClosesAt: Dayjs;
  cancelUntil?: Dayjs | null;
  priorityGroups: RecuperationPriorityGroup[];
  priorityOnly: boolean;
  selfSignup: boolean;
  description?: string;
}

const FIELDS = ['routeId', 'orgId', 'title', 'startDate', 'places', 'signupOpensAt', 'signupClosesAt', 'cancelUntil', 'priorityGroups', 'priorityOnly', 'selfSignup', 'description'] as const;
const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const timePicker = <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />;

function bodyOf(v: BatchFormValues): RecuperationBatchBody {
  return {
    routeId: v.routeId,
    orgId: v.orgId,
    title: v.title.trim(),
    startDate: v.startDate.format('YYYY-MM-DD'),
    places: v.places,
    signupOpensAt: beijingIso(v.signupOpensAt),
    signupClosesAt: beijingIso(v.signupClosesAt),
    cancelUntil: v.cancelUntil ? beijingIso(v.cancelUntil) : null,
    priorityGroups: v.priorityGroups,
    priorityOnly: v.priorityOnly,
    selfSignup: v.selfSignup,
    description: v.description?.trim() || undefined,
  };
}

function valuesOf(b: RecuperationBatch): BatchFormValues {
  return {
    routeId: b.routeId,
    orgId: b.orgId,
    title: b.title,
    startDate: dayjs(b.startDate),
    places: b.capacity,
    signupOpensAt: pickerValue(b.signupOpensAt),
    signupClosesAt: pickerValue(b.signupClosesAt),
    cancelUntil: b.cancelUntil ? pickerValue(b.cancelUntil) : null,
    priorityGroups: [...b.priorityGroups],
    priorityOnly: b.priorityOnly,
    selfSignup: b.selfSignup,
    description: b.description ?? undefined,
  };
}

interface BatchFormModalProps {
  /** 'create' for 新建批次, a draft batch for 编辑, null when closed */
  target: 'create' | RecuperationBatch | null;
  onClose: () => void;
  onSaved?: (batch: RecuperationBatch) => void;
}

/** 新建批次 / 编辑草稿: a departure of a route; the end date follows from the route's days. Saved as a draft. */
export function RecuperationBatchFormModal({ target, onClose, onSaved }: BatchFormModalProps) {
  const [form] = Form.useForm<BatchFormValues>();
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'create' ? target : null;
  const routesQuery = { active: true, pageSize: 100 };
  const routes = useQuery({ queryKey: recuperationKeys.routes(routesQuery), queryFn: () => recuperationApi.routes(routesQuery), enabled: target !== null, staleTime: 60_000 });
  const routeId = Form.useWatch('routeId', form);
  const startDate = Form.useWatch('startDate', form);
  const priorityGroups = Form.useWatch('priorityGroups', form);
  const route = routes.data?.items.find((r) => r.id === routeId);

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(target === 'create' ? { orgId: user?.orgId, priorityGroups: [], priorityOnly: false, selfSignup: true } : valuesOf(target));
  }, [target, form, user?.orgId]);

  const save = useMutation({
    mutationFn: (v: BatchFormValues) => (editing ? recuperationApi.update(editing.id, bodyOf(v)) : recuperationApi.create(bodyOf(v))),
    onSuccess: (b) => {
      void message.success(editing ? '批次已保存' : `已新建批次「${b.title}」(草稿),核对无误后请发布`);
      void queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
      onSaved?.(b);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  const routeOptions = (routes.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${r.baseName} · ${r.name}(${r.days}天,每人每天${formatYuan(r.allowancePerDay, '元')})`,
  }));
  if (editing && !routeOptions.some((o) => o.value === editing.routeId)) {
    routeOptions.unshift({ value: editing.routeId, label: `${editing.baseName} · ${editing.routeName}(${editing.days}天)` });
  }
  const days = route?.days ?? (editing && editing.routeId === routeId ? editing.days : undefined);
  const endText = startDate && days ? endDateOf(startDate, days) : null;

  return (
    <Modal
      open={target !== null}
      title={editing ? `编辑批次:${editing.title}` : '新建批次'}
      width={860}
      okText="保存"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="批次保存为草稿,发布后会员方可在手机端报名;名额属于主办工会,可再分配给下级工会。" />
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="batch-form-error" /> : null}
      <Form<BatchFormValues>
        name={editing ? 'recuperation-batch-edit-form' : 'recuperation-batch-create-form'}
        form={form}
        layout="vertical"
        autoComplete="off"
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item label="线路" name="routeId" rules={[{ required: true, message: '请选择线路' }]} extra={route ? `每人费用 ${formatYuan(route.costPerPerson)}(${route.days}天 × ${formatYuan(route.allowancePerDay)}),${route.location}` : undefined}>
              <Select options={routeOptions} loading={routes.isPending} showSearch={{ optionFilterProp: 'label' }} placeholder="选择基地与线路" notFoundContent="暂无启用的线路,请先在「基地与线路」中添加" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="批次名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写批次名称' }]}>
              <Input maxLength={80} showCount placeholder="如:2026年一线职工千岛湖疗休养第1批" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="名额" name="places" rules={[{ required: true, message: '请填写名额' }]}>
              <InputNumber min={1} max={100000} precision={0} suffix="人" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="主办工会" name="orgId" rules={[{ required: true, message: '请选择主办工会' }]}>
              <OrgTreeSelect allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="出发日期" name="startDate" rules={[{ required: true, message: '请选择出发日期' }]} extra={endText ? <span data-testid="batch-end-date">返回日期 {endText}(共{days}天,含路途)</span> : '返回日期按线路天数自动计算'}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="报名开始时间" name="signupOpensAt" rules={[{ required: true, message: '请选择报名开始时间' }]}>
              {timePicker}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="报名截止时间"
              name="signupClosesAt"
              dependencies={['signupOpensAt']}
              rules={[
                { required: true, message: '请选择报名截止时间' },
                ({ getFieldValue }) => ({
                  validator: async (_r, value: unknown) => {
                    const opens: unknown = getFieldValue('signupOpensAt');
                    if (dayjs.isDayjs(value) && dayjs.isDayjs(opens) && !value.isAfter(opens)) throw new Error('报名截止时间应晚于报名开始时间');
                  },
                }),
              ]}
            >
              {timePicker}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="取消报名截止" name="cancelUntil" tooltip="会员在此之前可自行取消报名;留空则不能自行取消">
              {timePicker}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="优先人群" name="priorityGroups" extra="市总工会免费疗休养面向一线、非管理岗位职工">
              <Select mode="multiple" allowClear options={PRIORITY_GROUP_OPTIONS} placeholder="不设优先人群" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="仅限优先人群" name="priorityOnly" valuePropName="checked" tooltip="开启后只有属于所选优先人群的会员可以报名">
              <Switch checkedChildren="仅限" unCheckedChildren="不限" disabled={!priorityGroups?.length} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="报名方式" name="selfSignup">
              <Radio.Group
                options={[
                  { value: true, label: '允许个人报名' },
                  { value: false, label: '仅限工会推荐' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="批次说明" name="description">
              <Input.TextArea rows={3} maxLength={2000} showCount placeholder="集合地点、携带物品、注意事项等" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          时间均为北京时间。报名截止时间应早于出发日期。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
