import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, type AuditRow } from '@gonghui/contracts';
import { auditApi } from '../../api/audit.api';
import { errorMessage } from '../../api/api-client';
import type { AuditListQuery } from '../../api/contract-types';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { beijingDayBoundary, formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { AuditVerifyButton } from './audit-verify-button.component';

type Result = NonNullable<AuditListQuery['result']>;

interface FilterValues {
  action?: string;
  username?: string;
  result?: Result;
  range?: [Dayjs | null, Dayjs | null] | null;
}

type Filters = Pick<AuditListQuery, 'action' | 'username' | 'result' | 'from' | 'to'>;

const RESULT_LABELS: Record<Result, { text: string; color: string }> = {
  success: { text: '成功', color: 'green' },
  failure: { text: '失败', color: 'orange' },
  denied: { text: '拒绝', color: 'red' },
};

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label }));

function actionLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}

/** 审计日志: filter, read (append-only, hash-chained rows), and verify the chain. */
export function AuditPage() {
  const { user } = useSession();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query: AuditListQuery = { ...filters, ...page };
  const list = useQuery({ queryKey: queryKeys.audit(query), queryFn: () => auditApi.list(query), placeholderData: keepPreviousData });

  const columns: TableColumnsType<AuditRow> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatTime(v) },
    { title: '用户', dataIndex: 'username', width: 120, render: (v: string | null) => v ?? '—' },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '操作', dataIndex: 'action', width: 150, render: (v: string) => <span title={v}>{actionLabel(v)}</span> },
    {
      title: '对象',
      key: 'object',
      ellipsis: true,
      render: (_v, row) => (row.objectType ? `${row.objectType}${row.objectId ? ` · ${row.objectId}` : ''}` : '—'),
    },
    {
      title: '结果',
      dataIndex: 'result',
      width: 80,
      render: (v: string) => {
        const label = RESULT_LABELS[v as Result];
        return label ? <Tag color={label.color}>{label.text}</Tag> : <Tag>{v}</Tag>;
      },
    },
  ];

  const apply = (v: FilterValues) => {
    const [start, end] = v.range ?? [null, null];
    setFilters({
      action: v.action,
      username: v.username?.trim() || undefined,
      result: v.result,
      from: start ? beijingDayBoundary(start, 'start') : undefined,
      to: end ? beijingDayBoundary(end, 'end') : undefined,
    });
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <PageTitle title="审计日志" extra={hasPermission(user, 'audit:log:verify') ? <AuditVerifyButton /> : null} />
      <Form<FilterValues> name="audit-filter" form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={apply}>
        <Form.Item name="action" label="操作">
          <Select allowClear placeholder="全部" options={ACTION_OPTIONS} style={{ width: 180 }} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="username" label="用户名">
          <Input allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="result" label="结果">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 100 }}
            options={Object.entries(RESULT_LABELS).map(([value, l]) => ({ value, label: l.text }))}
          />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
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
              setFilters({});
              setPage((p) => ({ ...p, page: 1 }));
            }}
          >
            重置
          </Button>
        </Form.Item>
      </Form>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<AuditRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '暂无审计记录' }}
        scroll={{ x: 960 }}
        expandable={{
          rowExpandable: (row) => row.detail !== null && row.detail !== undefined,
          expandedRowRender: (row) => (
            <>
              <pre className="gh-json">{JSON.stringify(row.detail, null, 2)}</pre>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                记录编号 {row.id} · 哈希 {row.hash}
              </Typography.Text>
            </>
          ),
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
    </>
  );
}
