import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { ENROLMENT_STATUS_LABELS, ENROLMENT_STATUSES, type EnrolmentStatus, type Page } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';

export interface RosterQuery {
  status?: EnrolmentStatus;
  q?: string;
  page: number;
  pageSize: number;
}

const STATUS_OPTIONS = ENROLMENT_STATUSES.map((s) => ({ value: s, label: ENROLMENT_STATUS_LABELS[s] }));

interface EnrolmentRosterProps<T> {
  /** the filter form's name (unique on the page) */
  formName: string;
  testId: string;
  queryKey: (query: RosterQuery) => QueryKey;
  fetch: (query: RosterQuery) => Promise<Page<T>>;
  columns: TableColumnsType<T>;
  scrollX: number;
}

/**
 * 报名名单 of any offering (activity, 疗休养 batch): name search and status filter, the paged
 * table; each module brings its own columns and row actions.
 */
export function EnrolmentRoster<T extends { id: string }>({ formName, testId, queryKey, fetch, columns, scrollX }: EnrolmentRosterProps<T>) {
  const [form] = Form.useForm<Pick<RosterQuery, 'status' | 'q'>>();
  const [filters, setFilters] = useState<Pick<RosterQuery, 'status' | 'q'>>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: queryKey(query), queryFn: () => fetch(query), placeholderData: keepPreviousData });

  return (
    <>
      <Form<Pick<RosterQuery, 'status' | 'q'>>
        name={formName}
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(v) => {
          setFilters({ status: v.status ?? undefined, q: v.q?.trim() || undefined });
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="q" label="姓名">
          <Input allowClear placeholder="会员姓名" style={{ width: 160 }} maxLength={30} aria-label="查找报名会员" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={STATUS_OPTIONS} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage((p) => ({ ...p, page: 1 }));
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<T>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: scrollX }}
        data-testid={testId}
        locale={{ emptyText: filters.status || filters.q ? '没有符合条件的报名' : '还没有会员报名' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
    </>
  );
}
