import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CondolenceVisit } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { condolenceApi, condolenceKeys, type CondolenceVisitFilter } from '../../api/condolence.api';
import { formatYuan } from '../../components/money';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { CATEGORY_OPTIONS, TARGET_OPTIONS } from './condolence-labels';
import { CondolenceVisitPhotosModal } from './condolence-visit-photos-modal.component';

interface FilterValues {
  category?: CondolenceVisitFilter['category'];
  target?: CondolenceVisitFilter['target'];
  orgId?: string;
  paid?: CondolenceVisitFilter['paid'];
  q?: string;
}

interface VisitsTableProps {
  /** the visits of one plan (its detail page); else every plan's, with the plan column */
  planId?: string;
  /** buttons beside 导出 (登记慰问) */
  extra?: ReactNode;
}

/** 慰问名单: the visits the user sees, filtered and paged, exportable to Excel (phones masked, audited). */
export function CondolenceVisitsTable({ planId, extra }: VisitsTableProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<CondolenceVisitFilter>({ planId });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [photosOf, setPhotosOf] = useState<CondolenceVisit | null>(null);
  const query = { ...filters, planId, ...page };
  const list = useQuery({ queryKey: condolenceKeys.visits(query), queryFn: () => condolenceApi.visits(query), placeholderData: keepPreviousData });
  const exporter = useMutation({
    mutationFn: () => condolenceApi.exportVisits({ ...filters, planId }),
    onSuccess: () => void message.success('已开始下载(电话已脱敏)'),
    onError: (error) => void message.error(`导出失败:${errorMessage(error)}`),
  });

  const columns: TableColumnsType<CondolenceVisit> = [
    { title: '慰问日期', dataIndex: 'visitedOn', width: 110 },
    { title: '慰问对象', dataIndex: 'personName', width: 100, render: (v: string, r) => (r.personPhone ? <span title={r.personPhone}>{v}</span> : v) },
    { title: '类别', dataIndex: 'categoryLabel', width: 110 },
    { title: '所在工会', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '地点', dataIndex: 'place', ellipsis: true },
    { title: '慰问人员', dataIndex: 'visitors', width: 180, ellipsis: true },
    { title: '慰问品', key: 'goods', width: 150, render: (_v, r) => (r.goodsDescription ? `${r.goodsDescription}(${formatYuan(r.goodsValueFen)})` : '—') },
    { title: '慰问金', dataIndex: 'moneyFen', width: 120, align: 'right', render: (v: number, r) => (v > 0 ? <span title={r.fundName ?? undefined}>{formatYuan(v)}</span> : '—') },
    { title: '发放', dataIndex: 'payoutStatus', width: 80, render: (s: string | null) => (s ? <Tag color={s === 'paid' ? 'success' : 'processing'}>{s === 'paid' ? '已支付' : '待代发'}</Tag> : null) },
    { title: '照片', key: 'photos', width: 80, render: (_v, r) => <Button size="small" type="link" onClick={() => setPhotosOf(r)}>{r.photos.length > 0 ? `${r.photos.length} 张` : r.abilities.canEditPhotos ? '上传' : '—'}</Button> },
    ...(planId ? [] : [{ title: '计划', dataIndex: 'planTitle', width: 220, ellipsis: true, render: (t: string, r: CondolenceVisit) => <Link to={`/condolences/plans/${r.planId}`}>{t}</Link> }]),
  ];

  const applyFilters = (v: FilterValues) => {
    setFilters({ planId, category: v.category, target: v.target, orgId: v.orgId ?? undefined, paid: v.paid, q: v.q?.trim() || undefined });
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <Form<FilterValues> name={`condolence-visit-filter-${planId ?? 'all'}`} form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} onFinish={applyFilters}>
        <Form.Item name="q" label="姓名">
          <Input allowClear placeholder="慰问对象或慰问人员" style={{ width: 160 }} maxLength={40} />
        </Form.Item>
        <Form.Item name="category" label="类别">
          <Select allowClear placeholder="全部" options={CATEGORY_OPTIONS} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="target" label="对象类型">
          <Select allowClear placeholder="全部" options={TARGET_OPTIONS} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="orgId" label="工会">
          <OrgTreeSelect style={{ width: 200 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="paid" label="慰问金">
          <Select allowClear placeholder="全部" options={[{ value: 'true', label: '已发放' }, { value: 'false', label: '未发放' }]} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
        <Form.Item>
          <Button icon={<ExportOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate()} data-testid="visits-export">
            导出Excel
          </Button>
        </Form.Item>
        {extra ? <Form.Item>{extra}</Form.Item> : null}
      </Form>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      <Typography.Text type="secondary" data-testid="visits-summary">
        共 {list.data?.total ?? 0} 人次,慰问金合计 {formatYuan(list.data?.moneyFen ?? 0)}
      </Typography.Text>
      <Table<CondolenceVisit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1400 }}
        style={{ marginTop: 8 }}
        data-testid="condolence-visits"
        locale={{ emptyText: '暂无慰问记录' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
        }}
      />
      <CondolenceVisitPhotosModal visit={photosOf} onClose={() => setPhotosOf(null)} />
    </>
  );
}
