import { useMemo } from 'react';
import { Button, Checkbox, Form, Input, Select } from 'antd';
import type { OrgTreeNode } from '@gonghui/contracts';
import type { HouseholdFilterQuery } from '../../api/household.api';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { useOrgTree } from '../../components/use-org-tree.hook';
import { STATUS_FILTER_OPTIONS, TIER_OPTIONS } from './household-labels';

export type HouseholdFilters = Required<Pick<HouseholdFilterQuery, 'status'>> & Omit<HouseholdFilterQuery, 'status'>;
export const DEFAULT_HOUSEHOLD_FILTERS: HouseholdFilters = { status: 'current' };

/** The districts the user can see, as division-code options (the 低保 line is per district). */
function useDistrictOptions() {
  const tree = useOrgTree();
  return useMemo(() => {
    const out: { value: string; label: string }[] = [];
    const walk = (nodes: readonly OrgTreeNode[]) => {
      for (const n of nodes) {
        if (n.kind === 'district' && n.divisionCode) out.push({ value: n.divisionCode, label: n.name });
        else walk(n.children);
      }
    };
    walk(tree.data ?? []);
    return out;
  }, [tree.data]);
}

interface HouseholdFilterProps {
  initial: HouseholdFilters;
  onChange: (filters: HouseholdFilters) => void;
}

/** 档案查询: head's name (拼音, 身份证号), tier, status, 复核到期, district and union. */
export function HouseholdFilter({ initial, onChange }: HouseholdFilterProps) {
  const [form] = Form.useForm<HouseholdFilters>();
  const districts = useDistrictOptions();
  return (
    <Form<HouseholdFilters>
      name="household-filter"
      form={form}
      layout="inline"
      initialValues={initial}
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) => onChange({ ...v, q: v.q?.trim() || undefined, status: v.status ?? 'current', reviewDue: v.reviewDue || undefined })}
    >
      <Form.Item name="q" label="户主">
        <Input allowClear placeholder="姓名、拼音首字母或身份证号" style={{ width: 220 }} maxLength={40} aria-label="查找户主" />
      </Form.Item>
      <Form.Item name="tier" label="困难类型">
        <Select allowClear placeholder="全部" options={TIER_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select options={STATUS_FILTER_OPTIONS} style={{ width: 140 }} />
      </Form.Item>
      {districts.length > 1 ? (
        <Form.Item name="districtCode" label="区县">
          <Select allowClear placeholder="全部" options={districts} style={{ width: 160 }} />
        </Form.Item>
      ) : null}
      <Form.Item name="orgId" label="工会">
        <OrgTreeSelect placeholder="全部" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reviewDue" valuePropName="checked">
        <Checkbox>复核到期(含30天内)</Checkbox>
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
            form.setFieldsValue({ ...DEFAULT_HOUSEHOLD_FILTERS, q: undefined, tier: undefined, districtCode: undefined, orgId: undefined, reviewDue: undefined });
            onChange(DEFAULT_HOUSEHOLD_FILTERS);
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
