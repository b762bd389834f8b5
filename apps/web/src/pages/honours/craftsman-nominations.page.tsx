import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CRAFTSMAN_STAGES, CRAFTSMAN_STAGE_LABELS, type CraftsmanNomination, type CraftsmanStage } from '@gonghui/contracts';
import { craftsmanApi, craftsmanKeys } from '../../api/craftsman.api';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import { PageTitle } from '../../components/page-title.component';
import { CraftsmanNominationForm } from './craftsman-nomination-form.component';
import { CRAFTSMAN_STAGE_COLORS } from './craftsman-labels';

/** 杭州工匠推荐: the nominations the user's unions made (the city sees all), filtered by call, stage and name or trade. */
export function CraftsmanNominationsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const calls = useQuery({ queryKey: craftsmanKeys.calls, queryFn: craftsmanApi.calls });
  const [callId, setCallId] = useState<string | undefined>(params.get('callId') ?? undefined);
  const [stage, setStage] = useState<CraftsmanStage | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const query = { callId, stage, q, ...page };
  const list = useQuery({ queryKey: craftsmanKeys.list(query), queryFn: () => craftsmanApi.list(query), placeholderData: keepPreviousData });
  const reset = () => setPage((p) => ({ ...p, page: 1 }));
  const columns: TableColumnsType<CraftsmanNomination> = [
    { title: '姓名', dataIndex: 'memberName', width: 100, render: (v: string, r) => <Link to={`/honours/craftsman/nominations/${r.id}`}>{v}</Link> },
    { title: '年度', dataIndex: 'callYear', width: 70 },
    { title: '职业(工种)', dataIndex: 'trade', width: 150 },
    { title: '工作单位', dataIndex: 'employerName', ellipsis: true },
    { title: '推荐单位', dataIndex: 'nominatingOrgName', width: 150, ellipsis: true },
    { title: '综合得分', dataIndex: 'finalScore', width: 90, align: 'right', render: (v: number | null, r) => (v === null ? '—' : `${v}(${r.scoreCount}位)`) },
    { title: '进度', dataIndex: 'stage', width: 150, render: (v: CraftsmanStage, r) => <Tag color={CRAFTSMAN_STAGE_COLORS[v]}>{r.decisionLabel && v !== 'not_selected' ? `${r.stageLabel} · ${r.decisionLabel}` : r.stageLabel}</Tag> },
  ];
  return (
    <>
      <PageTitle
        title="杭州工匠推荐"
        extra={hasPermission(user, 'honours:craftsman:nominate') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-craftsman-nomination">推荐候选人</Button> : null}
      />
      <Typography.Paragraph type="secondary">
        推荐条件:在杭就业的工会会员,从事本职业(工种)满10年(获国家级、世界级竞赛前三名或省级竞赛第一名者不受此限),在杭全职工作满1年,仍在一线岗位。系统在推荐和提交时逐项核验,不符合的条件会一一列明。
      </Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="年度评选" style={{ width: 240 }} value={callId} options={(calls.data ?? []).map((c) => ({ value: c.id, label: c.title }))} onChange={(v?: string) => { setCallId(v); reset(); }} />
        <Select allowClear placeholder="进度" style={{ width: 160 }} options={CRAFTSMAN_STAGES.map((s) => ({ value: s, label: CRAFTSMAN_STAGE_LABELS[s] }))} onChange={(v?: CraftsmanStage) => { setStage(v); reset(); }} />
        <Input.Search allowClear placeholder="姓名或工种" style={{ width: 200 }} onSearch={(v) => { setQ(v || undefined); reset(); }} />
      </Flex>
      <Table<CraftsmanNomination>
        rowKey="id"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: '暂无推荐。区县(市)总工会、产业工会可在推荐期内点击“推荐候选人”。' }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 人`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        data-testid="craftsman-nomination-list"
      />
      <CraftsmanNominationForm open={creating} calls={calls.data ?? []} onClose={() => setCreating(false)} onSaved={(n) => { setCreating(false); void navigate(`/honours/craftsman/nominations/${n.id}`); }} />
    </>
  );
}
