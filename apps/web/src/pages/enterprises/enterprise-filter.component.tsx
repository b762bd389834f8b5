import { Button, Form, Input, Select } from 'antd';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

export interface EnterpriseFilters {
  q?: string;
  orgId?: string;
  unionised?: boolean;
  kinds: ('nonPublic' | 'platformCompany')[];
}

interface FilterValues {
  q?: string;
  orgId?: string;
  unionised?: 'yes' | 'no';
  kinds?: EnterpriseFilters['kinds'];
}

interface EnterpriseFilterProps {
  initial: EnterpriseFilters;
  /** the 建会情况 filter makes sense on the 全部企业 tab only */
  showUnionised: boolean;
  onChange: (filters: EnterpriseFilters) => void;
}

const toValues = (f: EnterpriseFilters): FilterValues => ({
  q: f.q,
  orgId: f.orgId,
  unionised: f.unionised === undefined ? undefined : f.unionised ? 'yes' : 'no',
  kinds: f.kinds,
});

/** 企业查询: name or credit code, the responsible org (with its subtree), 建会情况 and kind. */
export function EnterpriseFilter({ initial, showUnionised, onChange }: EnterpriseFilterProps) {
  const [form] = Form.useForm<FilterValues>();
  return (
    <Form<FilterValues>
      name="enterprise-filter"
      form={form}
      layout="inline"
      initialValues={toValues(initial)}
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) =>
        onChange({
          q: v.q?.trim() || undefined,
          orgId: v.orgId,
          unionised: v.unionised === undefined ? undefined : v.unionised === 'yes',
          kinds: v.kinds ?? [],
        })
      }
    >
      <Form.Item name="q" label="查找">
        <Input allowClear placeholder="企业名称或统一社会信用代码" style={{ width: 240 }} maxLength={50} />
      </Form.Item>
      <Form.Item name="orgId" label="组织" tooltip="负责组建工会的组织,含其下级">
        <OrgTreeSelect placeholder="全部" style={{ width: 220 }} />
      </Form.Item>
      {showUnionised ? (
        <Form.Item name="unionised" label="建会情况">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 110 }}
            options={[
              { value: 'yes', label: '已建会' },
              { value: 'no', label: '未建会' },
            ]}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="kinds" label="类型">
        <Select
          mode="multiple"
          allowClear
          placeholder="不限"
          style={{ minWidth: 150 }}
          options={[
            { value: 'nonPublic', label: '非公企业' },
            { value: 'platformCompany', label: '平台企业' },
          ]}
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
            form.setFieldsValue({ q: undefined, orgId: undefined, unionised: undefined, kinds: [] });
            onChange({ kinds: [] });
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
