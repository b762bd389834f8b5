import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Org, OrgKind } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { orgApi } from '../../api/org.api';
import { queryKeys } from '../../api/query-keys';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { KIND_COLORS, ORG_KIND_OPTIONS, ORG_STATUS_LABELS, orgKindLabel, unionTypeLabel } from './org-labels';

interface Filters {
  q?: string;
  kind?: OrgKind;
  parentId?: string;
}

interface OrgListTabProps {
  onOpen: (id: string) => void;
}

/** Searchable, paged list of orgs (`GET /api/orgs`), as scoped by the server. */
export function OrgListTab({ onOpen }: OrgListTabProps) {
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: queryKeys.orgList(query), queryFn: () => orgApi.list(query), placeholderData: keepPreviousData });

  const columns: TableColumnsType<Org> = [
    {
      title: '组织名称',
      dataIndex: 'name',
      render: (name: string, org) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(org.id)}>
          {name}
        </Button>
      ),
    },
    { title: '组织编码', dataIndex: 'code', width: 160 },
    { title: '组织类型', dataIndex: 'kind', width: 150, render: (kind: OrgKind) => <Tag color={KIND_COLORS[kind]}>{orgKindLabel(kind)}</Tag> },
    { title: '工会类型', dataIndex: 'unionType', width: 170, render: (v: Org['unionType']) => unionTypeLabel(v) },
    { title: '联系人', dataIndex: 'contactName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => ORG_STATUS_LABELS[v] ?? v },
  ];

  return (
    <>
      <Form<Filters>
        name="org-filter"
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters({ q: values.q?.trim() || undefined, kind: values.kind, parentId: values.parentId });
          setPage((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="q" label="名称">
          <Input allowClear placeholder="名称或编码" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select allowClear placeholder="全部" options={ORG_KIND_OPTIONS} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="parentId" label="上级组织">
          <OrgTreeSelect style={{ width: 240 }} placeholder="全部" />
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
      <Table<Org>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: '暂无符合条件的组织' }}
        scroll={{ x: 900 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个组织`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
    </>
  );
}
