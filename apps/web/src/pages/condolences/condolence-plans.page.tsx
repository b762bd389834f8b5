import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { WORKFLOW_STATUS_CODES, WORKFLOW_STATUS_LABELS, type CondolencePlanListItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { condolenceApi, condolenceKeys, type CondolencePlanListQuery } from '../../api/condolence.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { formatTime } from '../../app/time';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { WorkflowStatusTag } from '../../components/workflow-status-tag.component';
import { OCCASION_OPTIONS, RULE_HELP } from './condolence-labels';
import { CondolencePlanFormModal } from './condolence-plan-form-modal.component';

interface FilterValues {
  year?: Dayjs | null;
  occasion?: CondolencePlanListQuery['occasion'];
  status?: CondolencePlanListQuery['status'];
  orgId?: string;
}
type Filters = Omit<CondolencePlanListQuery, 'page' | 'pageSize'>;

/** 送温暖计划: the plans of the user's tree (and the approved plans above it), with filters and paging; city and district draw them up. */
export function CondolencePlansPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: condolenceKeys.plans(query), queryFn: () => condolenceApi.plans(query), placeholderData: keepPreviousData });
  const canManage = hasPermission(user, 'condolence:plan:manage');

  const columns: TableColumnsType<CondolencePlanListItem> = [
    { title: '计划', dataIndex: 'title', render: (t: string, r) => <Link to={`/condolences/plans/${r.id}`}>{t}</Link> },
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '制定单位', dataIndex: 'orgName', width: 160, ellipsis: true },
    { title: '计划人数', dataIndex: 'headcount', width: 100, align: 'right', render: (v: number) => `${v.toLocaleString('zh-CN')} 人` },
    { title: '慰问金预算', dataIndex: 'plannedFen', width: 140, align: 'right', render: (v: number) => formatYuan(v) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 160,
      render: (s: CondolencePlanListItem['status'], r) => (
        <>
          <WorkflowStatusTag status={s} />
          {r.overridden ? <Tag color="orange">市总特批</Tag> : null}
        </>
      ),
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 130, render: (v: string) => formatTime(v, 'YYYY-MM-DD') },
  ];

  const applyFilters = (v: FilterValues) => {
    setFilters({ year: v.year ? v.year.year() : undefined, occasion: v.occasion, status: v.status, orgId: v.orgId ?? undefined });
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <PageTitle
        title="送温暖计划"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
              制定计划
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{RULE_HELP}</Typography.Paragraph>
      <Form<FilterValues> name="condolence-plan-filter" form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={applyFilters}>
        <Form.Item name="year" label="年度">
          <DatePicker picker="year" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="occasion" label="慰问活动">
          <Select allowClear placeholder="全部" options={OCCASION_OPTIONS} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={WORKFLOW_STATUS_CODES.map((s) => ({ value: s, label: WORKFLOW_STATUS_LABELS[s] }))} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="orgId" label="制定单位">
          <OrgTreeSelect style={{ width: 200 }} placeholder="全部" selectableKinds={['city', 'district']} />
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
              applyFilters({});
            }}
          >
            重置
          </Button>
        </Form.Item>
      </Form>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<CondolencePlanListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        data-testid="condolence-plans"
        locale={{ emptyText: canManage ? '暂无送温暖计划,点击「制定计划」开始' : '暂无送温暖计划' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <CondolencePlanFormModal open={creating} plan={null} onClose={() => setCreating(false)} onSaved={(p) => void navigate(`/condolences/plans/${p.id}`)} />
    </>
  );
}
