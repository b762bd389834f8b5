import { useState } from 'react';
import { Alert, Button, Checkbox, Flex, Input, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { FileSearchOutlined, HomeOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { AssessmentStatus, UnionHomeListItem } from '@gonghui/contracts';
import { unionHomeApi, unionHomeKeys, type UnionHomeListQuery } from '../../api/union-home.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { ExportButton } from '../../components/export-button.component';
import { PageTitle } from '../../components/page-title.component';
import { UnionHomeGrades } from './union-home-grades.component';
import { GRADE_COLORS, STATUS_COLORS, STATUS_OPTIONS } from './union-home-labels';

type Filters = Omit<UnionHomeListQuery, 'page' | 'pageSize'>;

/** 职工之家: the homes of the user's scope with their standing grade, the assessment under way and re-evaluations due; grades by district. */
export function UnionHomesPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [tab, setTab] = useState('list');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, ...page };
  const list = useQuery({ queryKey: unionHomeKeys.list(query), queryFn: () => unionHomeApi.list(query), placeholderData: keepPreviousData });
  const grades = useQuery({ queryKey: unionHomeKeys.grades, queryFn: unionHomeApi.grades });
  const due = useQuery({ queryKey: unionHomeKeys.list({ due: 'true', pageSize: 1 }), queryFn: () => unionHomeApi.list({ due: 'true', pageSize: 1 }) });
  const set = (next: Filters) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const grassroots = user?.roles.includes('grassroots_admin') ?? false;

  const columns: TableColumnsType<UnionHomeListItem> = [
    { title: '基层工会', dataIndex: 'orgName', ellipsis: true, render: (v: string, r) => <Link to={`/union-homes/orgs/${r.orgId}`}>{v}</Link> },
    { title: '职工之家阵地', dataIndex: 'venueName', ellipsis: true, render: (v: string | null, r) => (v ? `${v}${r.areaM2 ? `(${r.areaM2} m²)` : ''}` : '—') },
    { title: '区县', dataIndex: 'districtName', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '现有等级', dataIndex: 'gradeLabel', width: 130, render: (v: string | null, r) => (v ? <Tag color={GRADE_COLORS[r.gradeCode ?? 'none']}>{v}</Tag> : <Typography.Text type="secondary">未定级</Typography.Text>) },
    { title: '得分', dataIndex: 'finalScore', width: 70, align: 'right', render: (v: number | null) => v ?? '—' },
    {
      title: '最近考评',
      key: 'latest',
      width: 170,
      render: (_v, r) => (r.status ? <span>{r.cycleYear}年度 <Tag color={STATUS_COLORS[r.status as AssessmentStatus]}>{r.statusLabel}</Tag></span> : '—'),
    },
    { title: '有效期至', dataIndex: 'dueDate', width: 150, render: (v: string | null, r) => <span>{v ?? '—'} {r.due ? <Tag color="orange">待复评</Tag> : null}</span> },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_v, r) =>
        r.assessmentId && r.status !== 'confirmed' && r.status !== 'revoked' ? <Link to={`/union-homes/assessments/${r.assessmentId}`}>办理考评</Link> : <Link to={`/union-homes/orgs/${r.orgId}`}>档案</Link>,
    },
  ];

  const listTab = (
    <>
      {(due.data?.total ?? 0) > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${due.data?.total ?? 0} 个职工之家未定级、被撤销或命名将在90天内到期,请安排复评。`}
          action={<Button size="small" onClick={() => set({ due: 'true' })}>只看待复评</Button>}
        />
      ) : null}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="工会或阵地名称" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="区县" style={{ width: 160 }} value={filters.districtId} options={(grades.data?.rows ?? []).filter((r) => r.districtId !== 'none').map((r) => ({ value: r.districtId, label: r.districtName }))} onChange={(v?: string) => set({ districtId: v })} />
        <Select allowClear placeholder="现有等级" style={{ width: 150 }} value={filters.grade} options={(grades.data?.grades ?? []).map((g) => ({ value: g.code, label: g.label }))} onChange={(v?: string) => set({ grade: v })} />
        <Select allowClear placeholder="考评状态" style={{ width: 130 }} value={filters.status} options={STATUS_OPTIONS} onChange={(v?: string) => set({ status: v })} />
        <Checkbox checked={filters.due === 'true'} onChange={(e) => set({ due: e.target.checked ? 'true' : undefined })}>
          待复评
        </Checkbox>
      </Flex>
      <Table<UnionHomeListItem>
        rowKey="orgId"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '没有符合条件的职工之家。基层工会可在“我的职工之家”中填写档案。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => `共 ${n} 个`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="union-home-list"
      />
    </>
  );

  return (
    <>
      <PageTitle
        title="职工之家"
        extra={
          <>
            {grassroots && hasPermission(user, 'union-home:home:manage') ? (
              <Button type="primary" icon={<HomeOutlined />} onClick={() => void navigate(`/union-homes/orgs/${user?.orgId ?? ''}`)}>
                我的职工之家
              </Button>
            ) : null}
            <ExportButton title="导出职工之家名单" fallbackName="职工之家名单.xlsx" description="按当前筛选条件导出(阵地、等级、得分、有效期与考评状态),导出操作记入审计日志。" start={() => unionHomeApi.export(filters)} />
            <Link to="/union-homes/template">
              <Button icon={<FileSearchOutlined />}>考评标准</Button>
            </Link>
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        按“五有”(有组织、有载体、有制度、有经费、有成效)必备条件和百分制评分考评:基层工会自评并上传佐证材料,区县(市)总工会逐项评分(街道可参与评分,多人评分去掉一个最高分和一个最低分),市总工会确认等级。命名有效期满前须复评。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: '职工之家', children: listTab },
          { key: 'grades', label: '等级分布', children: <UnionHomeGrades onPickDistrict={(districtId) => { set({ districtId }); setTab('list'); }} /> },
        ]}
      />
    </>
  );
}
