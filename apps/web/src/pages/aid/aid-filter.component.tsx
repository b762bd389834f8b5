import { Button, Form, Input, Select } from 'antd';
import type { AidCategory, WorkflowStatusCode } from '@gonghui/contracts';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { CATEGORY_OPTIONS, STATUS_OPTIONS } from './aid-labels';
import { useCampaignOptions } from './use-campaign-options.hook';

export interface AidFilters {
  q?: string;
  status?: WorkflowStatusCode;
  category?: AidCategory;
  campaignId?: string;
}

interface AidFilterProps {
  value: AidFilters;
  onChange: (filters: AidFilters) => void;
}

/** 帮扶申请 filters: applicant name, status, category, campaign. */
export function AidFilter({ value, onChange }: AidFilterProps) {
  const [form] = Form.useForm<AidFilters>();
  const { user } = useSession();
  const campaigns = useCampaignOptions(hasPermission(user, 'aid:campaign:view'));
  return (
    <Form<AidFilters>
      name="aid-filter"
      form={form}
      layout="inline"
      initialValues={value}
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(v) => onChange({ q: v.q?.trim() || undefined, status: v.status, category: v.category, campaignId: v.campaignId })}
    >
      <Form.Item name="q" label="申请人">
        <Input allowClear placeholder="姓名" style={{ width: 140 }} maxLength={30} aria-label="申请人姓名" />
      </Form.Item>
      <Form.Item name="status" label="状态">
        <Select allowClear placeholder="全部" options={STATUS_OPTIONS} style={{ width: 130 }} aria-label="按状态筛选" />
      </Form.Item>
      <Form.Item name="category" label="类别">
        <Select allowClear placeholder="全部" options={CATEGORY_OPTIONS} style={{ width: 140 }} aria-label="按类别筛选" />
      </Form.Item>
      {campaigns.data && campaigns.data.length > 0 ? (
        <Form.Item name="campaignId" label="活动">
          <Select allowClear placeholder="全部" options={campaigns.data} style={{ width: 200 }} aria-label="按活动筛选" />
        </Form.Item>
      ) : null}
      <Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.setFieldsValue({ q: undefined, status: undefined, category: undefined, campaignId: undefined });
            onChange({});
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
