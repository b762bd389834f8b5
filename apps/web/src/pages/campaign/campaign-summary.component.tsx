import { Descriptions, Space, Tag } from 'antd';
import { AID_CATEGORY_LABELS, type Campaign } from '@gonghui/contracts';
import { CAMPAIGN_STATUS_LABELS, STATUS_COLORS } from './campaign-labels';

/** The campaign's settings at a glance: status, period, categories, who is covered, the fund. */
export function CampaignSummary({ campaign: c }: { campaign: Campaign }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      style={{ marginBottom: 16 }}
      data-testid="campaign-summary"
      items={[
        { key: 'status', label: '状态', children: <Tag color={STATUS_COLORS[c.status]}>{CAMPAIGN_STATUS_LABELS[c.status]}</Tag> },
        { key: 'period', label: '活动期间', children: `${c.startsOn} 至 ${c.endsOn}` },
        { key: 'fund', label: '支出资金', children: c.fundName ?? '未指定' },
        {
          key: 'categories',
          label: '救助类别',
          children: (
            <Space size={[4, 4]} wrap>
              {c.categories.map((cat) => (
                <Tag key={cat}>{AID_CATEGORY_LABELS[cat]}</Tag>
              ))}
            </Space>
          ),
        },
        {
          key: 'scope',
          label: '救助对象',
          children: c.lowEdgeIncluded ? `困难职工家庭,并扩大至低边家庭(人均月收入不超过低保标准 ${c.incomeCeilingMultiplier} 倍)` : '按困难等级标准认定的困难职工家庭',
        },
        { key: 'org', label: '发起单位', children: c.orgName },
        ...(c.note ? [{ key: 'note', label: '说明', span: 3, children: c.note }] : []),
      ]}
    />
  );
}
