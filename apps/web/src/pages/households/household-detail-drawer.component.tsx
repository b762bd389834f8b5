import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Skeleton, Space, Table, Tabs, Tag } from 'antd';
import { AuditOutlined, EditOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Household } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { householdApi, householdKeys } from '../../api/household.api';
import { formatYuan } from '../../components/money';
import { HouseholdExitModal } from './household-exit-modal.component';
import { HouseholdFormModal } from './household-form-modal.component';
import { HouseholdHistory } from './household-history.component';
import {
  AID_EVIDENCE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  FAMILY_RELATION_LABELS,
  HARDSHIP_CAUSE_LABELS,
  HEALTH_STATUS_LABELS,
  HOUSEHOLD_EXIT_REASON_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  HOUSEHOLD_TIER_LABELS,
  STATUS_COLORS,
  TIER_COLORS,
} from './household-labels';
import { HouseholdReviewModal } from './household-review-modal.component';
import { ReviewDueTag } from './review-due-tag.component';

const dash = (v: string | null | undefined) => (v ? v : '—');

function Overview({ h }: { h: Household }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'head', label: '户主', children: h.headName },
        { key: 'idCard', label: '身份证号', children: h.headIdCard },
        { key: 'org', label: '所在工会', span: 'filled', children: h.orgName },
        { key: 'district', label: '区县(市)', children: dash(h.districtName ?? h.districtCode) },
        { key: 'status', label: '状态', children: <Tag color={STATUS_COLORS[h.status]}>{HOUSEHOLD_STATUS_LABELS[h.status]}</Tag> },
        { key: 'tier', label: '困难类型', children: h.tier ? <Tag color={TIER_COLORS[h.tier]}>{HOUSEHOLD_TIER_LABELS[h.tier]}</Tag> : '—' },
        { key: 'size', label: '家庭人口', children: `${h.householdSize} 人` },
        { key: 'reason', label: '认定依据', span: 'filled', children: h.tierReason },
        { key: 'total', label: '近12个月家庭净收入', children: formatYuan(h.totalIncomeFen) },
        { key: 'pc', label: '人均月收入', children: `${formatYuan(h.perCapitaMonthlyFen)}(${h.ratio.toFixed(2)} 倍)` },
        { key: 'line', label: '低保标准', span: 'filled', children: `${formatYuan(h.lineMonthlyFen)}/人·月(${h.lineYear} 年标准)` },
        { key: 'causes', label: '致困原因', span: 'filled', children: h.causes.map((c) => <Tag key={c}>{HARDSHIP_CAUSE_LABELS[c]}</Tag>) },
        { key: 'causeNote', label: '致困情况', span: 'filled', children: dash(h.causeNote) },
        { key: 'car', label: '机动车价值', children: h.carValueFen > 0 ? formatYuan(h.carValueFen) : '无' },
        { key: 'homes', label: '商品房', children: `${h.commercialHomes} 套` },
        { key: 'evidence', label: '证明材料', span: 'filled', children: h.evidenceTypes.length ? h.evidenceTypes.map((e) => <Tag key={e}>{AID_EVIDENCE_LABELS[e]}</Tag>) : '—' },
        { key: 'established', label: '建档日期', children: h.establishedOn },
        { key: 'reviewed', label: '上次复核', children: h.lastReviewedOn },
        ...(h.status === 'exited'
          ? [
              { key: 'exitedOn', label: '退出日期', children: dash(h.exitedOn) },
              { key: 'exitReason', label: '退出原因', children: h.exitReason ? HOUSEHOLD_EXIT_REASON_LABELS[h.exitReason] : '—' },
              { key: 'exitNote', label: '退出说明', span: 'filled' as const, children: dash(h.exitNote) },
            ]
          : [{ key: 'next', label: '下次复核', span: 'filled' as const, children: <ReviewDueTag household={h} showDate /> }]),
        { key: 'note', label: '备注', span: 'filled', children: dash(h.note) },
      ]}
    />
  );
}

function Family({ h }: { h: Household }) {
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={h.familyMembers}
      locale={{ emptyText: '除户主外没有登记共同生活的家庭成员' }}
      columns={[
        { title: '姓名', dataIndex: 'name' },
        { title: '与户主关系', dataIndex: 'relation', render: (v: Household['familyMembers'][number]['relation']) => FAMILY_RELATION_LABELS[v] },
        { title: '身份证号', dataIndex: 'idCard', render: (v: string | null) => v ?? '—' },
        { title: '月收入', dataIndex: 'monthlyIncomeFen', align: 'right', render: (v: number) => formatYuan(v) },
        { title: '就业状况', dataIndex: 'employment', render: (v: Household['familyMembers'][number]['employment']) => EMPLOYMENT_STATUS_LABELS[v] },
        { title: '健康状况', dataIndex: 'health', render: (v: Household['familyMembers'][number]['health']) => HEALTH_STATUS_LABELS[v] },
      ]}
    />
  );
}

function Income({ h }: { h: Household }) {
  return (
    <Table
      rowKey="month"
      size="small"
      pagination={false}
      dataSource={h.monthlyIncome}
      columns={[
        { title: '月份', dataIndex: 'month' },
        { title: '家庭净收入', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {formatYuan(h.totalIncomeFen)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

interface HouseholdDetailDrawerProps {
  householdId: string | null;
  onClose: () => void;
}

/** 档案详情: overview, family, income, the history; 修改 / 复核 / 退出 as the server's abilities allow. */
export function HouseholdDetailDrawer({ householdId, onClose }: HouseholdDetailDrawerProps) {
  const [dialog, setDialog] = useState<'edit' | 'review' | 'exit' | null>(null);
  const detail = useQuery({ queryKey: householdKeys.detail(householdId ?? ''), queryFn: () => householdApi.get(householdId ?? ''), enabled: !!householdId, staleTime: 0 });
  const h = detail.data;

  let body;
  if (detail.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (detail.isError) {
    body = detail.error instanceof ApiError && detail.error.status === 404 ? <Empty description="档案不存在或无权查看" /> : <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  } else {
    body = (
      <Tabs
        items={[
          { key: 'overview', label: '基本情况', children: <Overview h={detail.data} /> },
          { key: 'family', label: `家庭成员(${detail.data.familyMembers.length})`, children: <Family h={detail.data} /> },
          { key: 'income', label: '收入明细', children: <Income h={detail.data} /> },
          { key: 'history', label: '建档复核记录', children: <HouseholdHistory reviews={detail.data.reviews} /> },
        ]}
      />
    );
  }

  return (
    <Drawer
      open={!!householdId}
      onClose={onClose}
      size={860}
      destroyOnHidden
      title={h ? `困难职工档案:${h.headName}` : '困难职工档案'}
      extra={
        h ? (
          <Space wrap>
            {h.abilities.canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                修改
              </Button>
            ) : null}
            {h.abilities.canReview ? (
              <Button type={h.reviewOverdue ? 'primary' : 'default'} icon={<AuditOutlined />} onClick={() => setDialog('review')}>
                复核
              </Button>
            ) : null}
            {h.abilities.canExit ? (
              <Button danger icon={<LogoutOutlined />} onClick={() => setDialog('exit')}>
                退出
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <div data-testid="household-detail">{body}</div>
      <HouseholdFormModal target={dialog === 'edit' && h ? h : null} onClose={() => setDialog(null)} />
      <HouseholdReviewModal household={dialog === 'review' && h ? h : null} onClose={() => setDialog(null)} />
      <HouseholdExitModal household={dialog === 'exit' && h ? h : null} onClose={() => setDialog(null)} />
    </Drawer>
  );
}
