import { Button, Form, Input, Select } from 'antd';
import type { ActivityFilterQuery } from '../../api/activity.api';
import { STATUS_OPTIONS, TYPE_OPTIONS } from './activity-labels';

interface ActivityFilterProps {
  onChange: (filters: ActivityFilterQuery) => void;
}

/** 活动查询: type, status and a keyword in the name. */
export function ActivityFilter({ onChange }: ActivityFilterProps) {
  const [form] = Form.useForm<ActivityFilterQuery>();
  return (
    <Form<ActivityFilterQuery>
      name="activity-filter"
      form={form}
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) => onChange({ type: v.type ?? undefined, status: v.status ?? undefined, q: v.q?.trim() || undefined })}
    >
      <Form.Item name="q" label="活动名称">
        <Input allowClear placeholder="输入名称关键字" style={{ width: 200 }} maxLength={40} aria-label="查找活动" />
      </Form.Item>
      <Form.Item name="type" label="类型">
        <Select allowClear placeholder="全部" options={TYPE_OPTIONS} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select allowClear placeholder="全部" options={STATUS_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
