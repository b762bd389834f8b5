import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { HazardGrade, HazardListItem, HazardStatus } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { hazardApi, hazardKeys, type HazardListQuery } from '../../api/hazard.api';
import { formatTime } from '../../app/time';
import { PageTitle } from '../../components/page-title.component';
import { indexOrgTree, useOrgTree } from '../../components/use-org-tree.hook';
import { HAZARD_GRADE_OPTIONS, HAZARD_STATUS_OPTIONS, HazardGradeTag, HazardStatusTag } from './hazard-labels';

type Filters = Omit<HazardListQuery, 'page' | 'pageSize'>;

/** 安全隐患随手拍: the reports the caller's unions are responsible for, with filters, paging and export. */
export function HazardsPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query: HazardListQuery = { ...filters, page, pageSize };
  const list = useQuery({ queryKey: hazardKeys.list(query), queryFn: () => hazardApi.list(query), placeholderData: keepPreviousData });
  const tree = useOrgTree();
  const districts = useMemo(() => [...indexOrgTree(tree.data).values()].filter((o) => o.kind === 'district').sort((a, b) => a.code.localeCompare(b.code)).map((o) => ({ value: o.id, label: o.name })), [tree.data]);
  const exporting = useMutation({ mutationFn: () => hazardApi.exportList(filters) });
  const set = (next: Partial<Filters>) => {
    setFilters({ ...filters, ...next });
    setPage(1);
  };
  const columns: TableColumnsType<HazardListItem> = [
    { title: '编号', dataIndex: 'reportNo', width: 170, fixed: 'left', render: (v: string, r) => <Link to={`/hazards/${r.id}`}>{v}</Link> },
    { title: '企业(单位)', dataIndex: 'enterpriseName', width: 220, ellipsis: true },
    { title: '隐患描述', dataIndex: 'description', width: 280, ellipsis: true },
    { title: '区县(市)', dataIndex: 'districtName', width: 110 },
    { title: '负责工会', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '状态', key: 'status', width: 150, render: (_v, r) => <HazardStatusTag status={r.status} overdue={r.overdue} /> },
    { title: '等级', dataIndex: 'grade', width: 100, render: (v: HazardGrade | null) => <HazardGradeTag grade={v} /> },
    { title: '整改期限', dataIndex: 'rectifyDue', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '上报人', dataIndex: 'reporterName', width: 90 },
    { title: '上报时间', dataIndex: 'reportedAt', width: 150, render: (v: string | null) => formatTime(v, 'YYYY-MM-DD HH:mm') },
  ];
  return (
    <>
      <PageTitle
        title="安全隐患随手拍"
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="hazard-export">
            导出Excel
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        职工在手机端“随手拍”上报隐患,由企业所在基层工会(企业未建会的,由所在区县(市)总工会)审核:受理并定级(一般、较大、重大)后交办整改,整改期限按工作日计算(节假日顺延);整改后上传照片,验收通过后上报人获得积分(一般5分、较大20分、重大50分),最后销号。逾期未整改的每小时检查一次,提醒负责工会和区县(市)总工会。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="状态" style={{ width: 130 }} options={HAZARD_STATUS_OPTIONS} value={filters.status} onChange={(v: HazardStatus | undefined) => set({ status: v })} data-testid="hazard-filter-status" />
        <Select allowClear placeholder="隐患等级" style={{ width: 130 }} options={HAZARD_GRADE_OPTIONS} value={filters.grade} onChange={(v: HazardGrade | undefined) => set({ grade: v })} />
        <Select allowClear placeholder="区县(市)" style={{ width: 150 }} options={districts} value={filters.districtOrgId} onChange={(v: string | undefined) => set({ districtOrgId: v })} />
        <Select allowClear placeholder="是否逾期" style={{ width: 120 }} options={[{ value: 'true', label: '已逾期' }, { value: 'false', label: '未逾期' }]} value={filters.overdue} onChange={(v: 'true' | 'false' | undefined) => set({ overdue: v })} />
        <Input.Search allowClear placeholder="编号、企业、地点或描述" style={{ width: 240 }} onSearch={(v) => set({ q: v || undefined })} />
      </Flex>
      {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} /> : null}
      {exporting.isError ? <Alert type="error" showIcon title={errorMessage(exporting.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<HazardListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1600 }}
        locale={{ emptyText: '没有符合条件的隐患报告' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => { setPageSize(s); setPage(s === pageSize ? p : 1); } }}
      />
    </>
  );
}
