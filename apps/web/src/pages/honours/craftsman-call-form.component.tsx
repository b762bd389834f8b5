import { useEffect } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { CraftsmanCall } from '@gonghui/contracts';
import { craftsmanApi, craftsmanKeys } from '../../api/craftsman.api';
import { applyServerErrors } from '../../api/form-errors';
import { orgApi } from '../../api/org.api';

interface Values {
  year: number;
  title: string;
  window: [Dayjs, Dayjs];
  totalPlaces: number;
  nomineePlaces: number;
  awardYuan: number;
  notes?: string;
  quotas: { orgId: string; places: number }[];
}

interface Props {
  open: boolean;
  call: CraftsmanCall | null;
  onClose: () => void;
}

/** 发布 / 修改年度评选: dates, places, award, quotas per nominating union (district/county and industry unions). */
export function CraftsmanCallForm({ open, call, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const unions = useQuery({ queryKey: ['craftsman', 'nominating-unions'], queryFn: () => orgApi.list({ kind: 'district', pageSize: 100 }), enabled: open });
  const industries = useQuery({ queryKey: ['craftsman', 'industry-unions'], queryFn: () => orgApi.list({ kind: 'industry', pageSize: 100 }), enabled: open });
  const options = [...(unions.data?.items ?? []), ...(industries.data?.items ?? [])].map((o) => ({ value: o.id, label: o.name }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const year = dayjs().year();
    form.setFieldsValue(
      call
        ? { year: call.year, title: call.title, window: [dayjs(call.nominationStartsOn), dayjs(call.nominationEndsOn)], totalPlaces: call.totalPlaces, nomineePlaces: call.nomineePlaces, awardYuan: call.awardFen / 100, notes: call.notes ?? undefined, quotas: call.quotas.map((q) => ({ orgId: q.orgId, places: q.places })) }
        : { year, title: `${year}年度“杭州工匠”评选`, totalPlaces: 60, nomineePlaces: 10, awardYuan: 50_000, quotas: [] },
    );
  }, [open, call, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { year: v.year, title: v.title, nominationStartsOn: v.window[0].format('YYYY-MM-DD'), nominationEndsOn: v.window[1].format('YYYY-MM-DD'), totalPlaces: v.totalPlaces, nomineePlaces: v.nomineePlaces, awardFen: Math.round(v.awardYuan * 100), notes: v.notes, quotas: v.quotas ?? [] };
      return call ? craftsmanApi.updateCall(call.id, body) : craftsmanApi.createCall(body);
    },
    onSuccess: () => {
      void message.success('年度评选已保存');
      void qc.invalidateQueries({ queryKey: craftsmanKeys.all });
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['year', 'title', 'totalPlaces', 'nomineePlaces', 'awardFen', 'notes', 'quotas']);
      if (rest) void message.error(rest);
    },
  });

  return (
    <Modal open={open} title={call ? '修改年度评选' : '发布年度评选'} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} width={720} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" name="craftsman-call" onFinish={(v) => save.mutate(v)}>
        <Space size="large" wrap>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2016} max={2100} disabled={!!call} />
          </Form.Item>
          <Form.Item name="title" label="评选名称" rules={[{ required: true, message: '请填写评选名称' }]} style={{ width: 360 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
        <Form.Item name="window" label="推荐期" rules={[{ required: true, message: '请选择推荐期' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="totalPlaces" label="杭州工匠名额" rules={[{ required: true, message: '请填写名额' }]}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
          <Form.Item name="nomineePlaces" label="提名奖名额">
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="awardYuan" label="每人奖励(元)" extra="2022年起每人5万元">
            <InputNumber min={0} max={1_000_000} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label="推荐条件说明">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Typography.Text strong>推荐单位配额</Typography.Text>
        <Typography.Paragraph type="secondary">区县(市)总工会和产业工会的推荐名额,合计不少于杭州工匠名额。</Typography.Paragraph>
        <Form.List name="quotas">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'orgId']} rules={[{ required: true, message: '请选择推荐单位' }]}>
                    <Select options={options} placeholder="推荐单位" style={{ width: 260 }} showSearch optionFilterProp="label" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'places']} rules={[{ required: true, message: '请填写名额' }]}>
                    <InputNumber min={0} max={1000} placeholder="名额" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除配额" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ places: 5 })}>
                添加推荐单位
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
