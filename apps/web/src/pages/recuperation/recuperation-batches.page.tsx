import { useState } from 'react';
import { Alert, Button, DatePicker, Empty, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { OfferingStatus, RecuperationBatchListItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { recuperationApi, recuperationKeys, type RecuperationBatchFilterQuery } from '../../api/recuperation.api';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { PageTitle } from '../../components/page-title.component';
import { STATUS_OPTIONS } from '../activities/activity-labels';
import { RecuperationBatchFormModal } from './recuperation-batch-form-modal.component';
import { STAGE_COLORS, priorityText } from './recuperation-labels';

const WINDOW_FORMAT = 'YYYY-MM-DD HH:mm';

interface FilterValues {
  q?: string;
  year?: Dayjs | null;
  status?: OfferingStatus;
  orgId?: string;
}

/** 疗休养批次: the batches the user's union organises or may sign members up to; 新建批次 for organisers. */
export function RecuperationBatchesPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<RecuperationBatchFilterQuery>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: recuperationKeys.list(query), queryFn: () => recuperationApi.list(query), placeholderData: keepPreviousData });
  const canManage = hasPermission(user, 'recuperation:batch:manage');
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const columns: TableColumnsType<RecuperationBatchListItem> = [
    { title: '批次名称', dataIndex: 'title', ellipsis: true, render: (title: string, row) => <Link to={`/recuperation/batches/${row.id}`}>{title}</Link> },
    {
      title: '基地 / 线路',
      key: 'route',
      width: 200,
      ellipsis: true,
      render: (_v, row) => (
        <span>
          {row.baseName}
          <br />
          <Typography.Text type="secondary">{row.routeName}</Typography.Text>
        </span>
      ),
    },
    {
      title: '行程',
      key: 'stay',
      width: 130,
      render: (_v, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {row.startDate}
          <br />至 {row.endDate}({row.days}天)
        </span>
      ),
    },
    { title: '每人费用', dataIndex: 'costPerPerson', width: 110, align: 'right', render: (v: number) => formatYuan(v) },
    { title: '主办单位', dataIndex: 'orgName', width: 160, ellipsis: true },
    { title: '名额 / 已报名', key: 'figures', width: 110, render: (_v, row) => `${row.capacity} / ${row.confirmed}` },
    {
      title: '报名时间',
      key: 'window',
      width: 170,
      render: (_v, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatTime(row.signupOpensAt, WINDOW_FORMAT)}
          <br />至 {formatTime(row.signupClosesAt, WINDOW_FORMAT)}
        </span>
      ),
    },
    {
      title: '报名对象',
      key: 'who',
      width: 150,
      render: (_v, row) => (
        <span>
          {priorityText(row)}
          {row.selfSignup ? null : (
            <>
              <br />
              <Tag>仅限推荐</Tag>
            </>
          )}
        </span>
      ),
    },
    { title: '状态', dataIndex: 'stage', width: 130, render: (s: RecuperationBatchListItem['stage'], row) => <Tag color={STAGE_COLORS[s]}>{row.stageLabel}</Tag> },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_v, row) => (
        <Button type="link" size="small" onClick={() => navigate(`/recuperation/batches/${row.id}`)}>
          详情
        </Button>
      ),
    },
  ];

  const applyFilters = (v: FilterValues) => {
    setFilters({ q: v.q?.trim() || undefined, year: v.year ? v.year.year() : undefined, status: v.status ?? undefined, orgId: v.orgId ?? undefined });
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <PageTitle
        title="疗休养批次"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="recuperation-batch-create">
              新建批次
            </Button>
          ) : null
        }
      />
      <Form<FilterValues> name="recuperation-batch-filter" form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={applyFilters}>
        <Form.Item name="q" label="批次名称">
          <Input allowClear placeholder="名称关键字" style={{ width: 180 }} maxLength={40} aria-label="查找批次" />
        </Form.Item>
        <Form.Item name="year" label="年度">
          <DatePicker picker="year" allowClear style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={STATUS_OPTIONS} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="orgId" label="主办单位">
          <OrgTreeSelect style={{ width: 220 }} placeholder="全部" />
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
      <Table<RecuperationBatchListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1350 }}
        data-testid="recuperation-batches"
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={filtered ? '没有符合条件的批次' : canManage ? '还没有疗休养批次,可点击「新建批次」按线路安排出发批次' : '暂无可查看的疗休养批次'}
            />
          ),
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个批次`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <RecuperationBatchFormModal target={creating ? 'create' : null} onClose={() => setCreating(false)} onSaved={(b) => navigate(`/recuperation/batches/${b.id}`)} />
    </>
  );
}
