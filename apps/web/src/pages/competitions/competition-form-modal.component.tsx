import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../app/time';
import { COMPETITION_KINDS, COMPETITION_KIND_LABELS, type Competition, type CompetitionBody } from '@gonghui/contracts';
import { competitionApi } from '../../api/competition.api';
import { applyServerErrors } from '../../api/form-errors';

interface Values {
  name: string;
  kind: CompetitionBody['kind'];
  theme: string;
  dates: [Dayjs, Dayjs];
  periods: { key: string; label: string }[];
  indicators: { key: string; title: string; weight: number; maxPoints: number }[];
}

const FIELDS = ['name', 'kind', 'theme', 'startDate', 'endDate', 'periods', 'indicators'] as const;
const DEFAULTS: Partial<Values> = {
  kind: 'labour',
  periods: [{ key: 'Q1', label: '第一季度' }, { key: 'Q2', label: '第二季度' }, { key: 'Q3', label: '第三季度' }, { key: 'Q4', label: '第四季度' }],
  indicators: [
    { key: 'safety', title: '安全生产', weight: 0.3, maxPoints: 100 },
    { key: 'quality', title: '质量效益', weight: 0.3, maxPoints: 100 },
    { key: 'innovation', title: '技术创新', weight: 0.4, maxPoints: 100 },
  ],
};

/** 发起竞赛: name, kind, theme, period of the campaign, its scoring periods and weighted indicators. */
export function CompetitionFormModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (c: Competition) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: Values) => competitionApi.create({ name: v.name, kind: v.kind, theme: v.theme, startDate: v.dates[0].format('YYYY-MM-DD'), endDate: v.dates[1].format('YYYY-MM-DD'), periods: v.periods, indicators: v.indicators }),
    onSuccess: (c) => {
      void message.success('竞赛已创建,请添加参赛对象后启动');
      form.resetFields();
      onSaved(c);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, FIELDS);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal open={open} title="发起竞赛" width={720} okText="创建" cancelText="取消" confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ ...DEFAULTS, dates: [dayjs().startOf('year'), dayjs().endOf('year')] }} onFinish={(v) => save.mutate(v)} data-testid="competition-form">
        <Form.Item name="name" label="竞赛名称" rules={[{ required: true, message: '请填写竞赛名称' }]}>
          <Input maxLength={80} placeholder="如:2026年“五好”立功竞赛“百千万”行动" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]} style={{ width: 160 }}>
            <Select options={COMPETITION_KINDS.map((k) => ({ value: k, label: COMPETITION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="dates" label="竞赛期间" rules={[{ required: true, message: '请选择竞赛期间' }]} style={{ flex: 1 }}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="theme" label="竞赛主题" rules={[{ required: true, message: '请填写竞赛主题' }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Typography.Text strong>评比阶段</Typography.Text>
        <Form.List name="periods">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: '编码' }]}>
                    <Input placeholder="编码,如 Q1" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '名称' }]}>
                    <Input placeholder="名称,如 第一季度" style={{ width: 200 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ key: '', label: '' })} style={{ marginBottom: 12 }}>
                添加阶段
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Typography.Text strong>指标与权重</Typography.Text>
          <Typography.Text type="secondary">(得分 = Σ 指标得分 × 权重,每项不超过满分)</Typography.Text>
        </div>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: '编码' }]}>
                    <Input placeholder="编码" style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '名称' }]}>
                    <Input placeholder="指标名称" style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '权重' }]}>
                    <InputNumber min={0.01} max={10} step={0.1} placeholder="权重" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'maxPoints']} rules={[{ required: true, message: '满分' }]}>
                    <InputNumber min={1} max={1000} placeholder="满分" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ key: '', title: '', weight: 1, maxPoints: 100 })}>
                添加指标
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
