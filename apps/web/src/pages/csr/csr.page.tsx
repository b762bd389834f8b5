import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { CSR_KINDS, CSR_KIND_LABELS, CSR_ROUTE_SEGMENTS, type AssessmentStatus, type CsrKind, type CsrListItem } from '@gonghui/contracts';
import { csrApi, csrKeys, type CsrListQuery } from '../../api/csr.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { STATUS_COLORS, STATUS_OPTIONS } from '../union-homes/union-home-labels';
import { CsrPublishedList } from './csr-published.component';
import { CsrStartModal } from './csr-start-modal.component';

const HELP: Record<CsrKind, string> = {
  csr: '按诚信、活力、绿色、和谐、爱心企业五个维度评价:企业工会自评并上传佐证,区县(市)总工会评分审核,市总工会确认等级。守法经营、劳动合同与社保为必备条件,未达到的不论得分均为不达标。',
  harmony_district: '企业工会申报(或由工会推荐),街道(乡镇)总工会初审,区县(市)总工会评定命名区级和谐劳动关系企业,有效期3年。',
  harmony_city: '已获区级命名的企业申报,区县(市)总工会评审推荐,市总工会确认命名市级和谐劳动关系企业。',
};

function KindList({ kind }: { kind: CsrKind }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<CsrListQuery>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [starting, setStarting] = useState(false);
  const query = { ...filters, ...page, kind };
  const list = useQuery({ queryKey: csrKeys.list(query), queryFn: () => csrApi.list(query), placeholderData: keepPreviousData });
  const set = (next: CsrListQuery) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const path = (id: string) => `/csr/${CSR_ROUTE_SEGMENTS[kind]}/assessments/${id}`;
  const columns: TableColumnsType<CsrListItem> = [
    { title: '企业', dataIndex: 'enterpriseName', ellipsis: true, render: (v: string, r) => <Link to={path(r.id)}>{v}</Link> },
    { title: '所属工会', dataIndex: 'orgName', ellipsis: true },
    { title: '区县', dataIndex: 'districtName', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '年度', dataIndex: 'cycleYear', width: 80 },
    { title: '状态', dataIndex: 'status', width: 110, render: (v: AssessmentStatus, r) => <Tag color={STATUS_COLORS[v]}>{r.statusLabel}</Tag> },
    { title: '自评分', dataIndex: 'selfScore', width: 80, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: '得分', dataIndex: 'finalScore', width: 80, align: 'right', render: (v: number | null) => v ?? '—' },
    { title: '等级 / 命名', dataIndex: 'gradeLabel', width: 180, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{HELP[kind]}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="企业名称" style={{ width: 220 }} onSearch={(q) => set({ q: q || undefined })} />
        <Select allowClear placeholder="状态" style={{ width: 130 }} options={STATUS_OPTIONS} onChange={(v?: AssessmentStatus) => set({ status: v })} />
        {hasPermission(user, 'csr:evaluation:manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)}>
            {kind === 'csr' ? '开始自评' : '申报'}
          </Button>
        ) : null}
      </Flex>
      <Table<CsrListItem>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无记录' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 项`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid={`csr-list-${kind}`}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        年度公布名单
      </Typography.Title>
      <CsrPublishedList kind={kind} />
      <CsrStartModal kind={kind} open={starting} onClose={() => setStarting(false)} onStarted={(id) => void navigate(path(id))} />
    </>
  );
}

/** 企业社会责任评价, 区级 and 市级和谐劳动关系企业: lists, applications and the published lists. */
export function CsrPage() {
  return (
    <>
      <PageTitle title="社会责任与和谐劳动关系" />
      <Tabs items={CSR_KINDS.map((k) => ({ key: k, label: CSR_KIND_LABELS[k], children: <KindList kind={k} /> }))} destroyOnHidden />
    </>
  );
}
