import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RECUPERATION_MAX_ALLOWANCE_PER_DAY, RECUPERATION_MAX_DAYS, type RecuperationRoute } from '@gonghui/contracts';
import { applyMappedServerErrors } from '../../api/form-errors';
import { recuperationApi, recuperationKeys, type RecuperationRouteBody } from '../../api/recuperation.api';
import { fenToYuanNumber, formatYuan, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { RECUPERATION_RULE_HELP } from './recuperation-labels';

interface RouteValues {
  baseId: string;
  name: string;
  days: number;
  allowanceYuan: number;
  description?: string;
  itinerary?: string;
  active: boolean;
}
const FIELD_OF = { baseId: 'baseId', name: 'name', days: 'days', allowancePerDay: 'allowanceYuan', description: 'description', itinerary: 'itinerary', active: 'active' };
const MAX_YUAN = RECUPERATION_MAX_ALLOWANCE_PER_DAY / 100;

function bodyOf(v: RouteValues): RecuperationRouteBody {
  return {
    baseId: v.baseId,
    name: v.name.trim(),
    days: v.days,
    allowancePerDay: yuanToFen(v.allowanceYuan),
    description: v.description?.trim() || undefined,
    itinerary: v.itinerary?.trim() || undefined,
    active: v.active,
  };
}

/** 新增 / 修改线路: at most 5 days including travel, at most 600 元 per person per day (Zhejiang 2020). */
export function RecuperationRouteFormModal({ target, onClose }: { target: 'create' | RecuperationRoute | null; onClose: () => void }) {
  const [form] = Form.useForm<RouteValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && target !== 'create' ? target : null;
  const basesQuery = { pageSize: 100 };
  const bases = useQuery({ queryKey: recuperationKeys.bases(basesQuery), queryFn: () => recuperationApi.bases(basesQuery), enabled: target !== null });
  const days = Form.useWatch('days', form);
  const allowance = Form.useWatch('allowanceYuan', form);

  useEffect(() => {
    if (!target) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(
      target === 'create'
        ? { active: true }
        : {
            baseId: target.baseId,
            name: target.name,
            days: target.days,
            allowanceYuan: fenToYuanNumber(target.allowancePerDay),
            description: target.description ?? undefined,
            itinerary: target.itinerary ?? undefined,
            active: target.active,
          },
    );
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: RouteValues) => (editing ? recuperationApi.updateRoute(editing.id, bodyOf(v)) : recuperationApi.createRoute(bodyOf(v))),
    onSuccess: (r) => {
      void message.success(editing ? '线路已保存' : `已新增线路「${r.name}」`);
      void queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, FIELD_OF)),
  });

  const baseOptions = (bases.data?.items ?? []).filter((b) => b.active || b.id === editing?.baseId).map((b) => ({ value: b.id, label: `${b.name}(${b.location})` }));
  const cost = typeof days === 'number' && typeof allowance === 'number' ? days * yuanToFen(allowance) : null;

  return (
    <Modal open={target !== null} title={editing ? `修改线路:${editing.name}` : '新增线路'} width={720} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={RECUPERATION_RULE_HELP} data-testid="route-rule-help" />
      {editing && editing.batchCount > 0 ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`该线路已有 ${editing.batchCount} 个批次,修改不影响已有批次的天数和补助标准。`} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="route-form-error" /> : null}
      <Form<RouteValues>
        name="recuperation-route-form"
        form={form}
        layout="vertical"
        autoComplete="off"
        onFinish={(v) => {
          setFailure(null);
          save.mutate(v);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="基地" name="baseId" rules={[{ required: true, message: '请选择疗休养基地' }]}>
              <Select options={baseOptions} loading={bases.isPending} placeholder="选择基地" notFoundContent="暂无启用的基地" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="线路名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写线路名称' }]}>
              <Input maxLength={60} placeholder="如:千岛湖生态休养4日" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="天数(含路途)"
              name="days"
              rules={[
                { required: true, message: '请填写天数' },
                { type: 'number', min: 1, message: '天数至少为1天' },
                { type: 'number', max: RECUPERATION_MAX_DAYS, message: `每次疗休养(含路途)不能超过${RECUPERATION_MAX_DAYS}天` },
              ]}
              extra={`浙江省规定:每次疗休养(含路途)不超过${RECUPERATION_MAX_DAYS}天`}
            >
              <InputNumber min={1} max={RECUPERATION_MAX_DAYS} precision={0} suffix="天" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="补助标准(每人每天)"
              name="allowanceYuan"
              rules={[
                { required: true, message: '请填写补助标准' },
                { type: 'number', max: MAX_YUAN, message: `补助标准不能超过每人每天${MAX_YUAN}元` },
              ]}
              extra={`浙江省2020年规定:每人每天不超过${MAX_YUAN}元(原为400元)`}
            >
              <YuanInput max={MAX_YUAN} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Typography.Paragraph type="secondary" data-testid="route-cost">
              每人费用:{cost !== null ? formatYuan(cost) : '—'}(天数 × 补助标准;随行家属按此自费)
            </Typography.Paragraph>
          </Col>
          <Col xs={24}>
            <Form.Item label="线路简介" name="description">
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="行程安排" name="itinerary">
              <Input.TextArea rows={5} maxLength={4000} showCount placeholder={'第1天:杭州出发,入住基地\n第2天:……'} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="启用" name="active" valuePropName="checked" extra="停用的线路不能再新建批次">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
