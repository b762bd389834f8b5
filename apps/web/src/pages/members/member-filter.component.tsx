import { Button, Form, Input, Select } from 'antd';
import type { MemberStatusFilter } from '../../api/contract-types';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { FILTER_FLAGS, SEARCH_HINT, STATUS_FILTER_OPTIONS, type MemberFlag } from './member-labels';

export interface MemberFilters {
  q?: string;
  orgId?: string;
  status: MemberStatusFilter;
  flags: MemberFlag[];
}

export const DEFAULT_MEMBER_FILTERS: MemberFilters = { status: 'active', flags: [] };

interface MemberFilterProps {
  initial: MemberFilters;
  onChange: (filters: MemberFilters) => void;
}

/** 会员查询: one search box (name, 拼音, 首字母, 身份证号, phone, card no), the union, status and flags. */
export function MemberFilter({ initial, onChange }: MemberFilterProps) {
  const [form] = Form.useForm<MemberFilters>();
  return (
    <Form<MemberFilters>
      name="member-filter"
      form={form}
      layout="inline"
      initialValues={initial}
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) => onChange({ q: v.q?.trim() || undefined, orgId: v.orgId, status: v.status ?? 'active', flags: v.flags ?? [] })}
    >
      <Form.Item name="q" label="查找" tooltip={SEARCH_HINT}>
        <Input allowClear placeholder="姓名、拼音、首字母、身份证号、手机号" style={{ width: 280 }} maxLength={40} aria-label="查找会员" />
      </Form.Item>
      <Form.Item name="orgId" label="工会">
        <OrgTreeSelect placeholder="全部" style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select options={STATUS_FILTER_OPTIONS} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="flags" label="标记">
        <Select
          mode="multiple"
          allowClear
          placeholder="不限"
          style={{ minWidth: 160 }}
          options={FILTER_FLAGS.map((f) => ({ value: f.key, label: f.label }))}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.setFieldsValue({ ...DEFAULT_MEMBER_FILTERS, q: undefined, orgId: undefined });
            onChange(DEFAULT_MEMBER_FILTERS);
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
