import { useMemo, useState } from 'react';
import { Flex, Select, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { PARTICIPANT_KINDS, PARTICIPANT_KIND_LABELS, type Competition, type ParticipantKind, type Ranking } from '@gonghui/contracts';
import { competitionApi, competitionKeys } from '../../api/competition.api';
import { useEChart, type ChartOption } from '../../components/use-echart.hook';

type Row = Ranking['rows'][number];

function RankingChart({ rows }: { rows: Row[] }) {
  const top = rows.filter((r) => r.score !== null).slice(0, 15);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 40, right: 16, top: 16, bottom: top.length > 6 ? 72 : 40 },
      xAxis: { type: 'category', data: top.map((r) => r.name), axisLabel: { interval: 0, rotate: top.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: '得分', barMaxWidth: 36, color: '#c0392b', data: top.map((r) => r.score ?? 0) }],
    }),
    [top],
  );
  const box = useEChart(option);
  return <div ref={box} style={{ width: '100%', height: 280 }} role="img" aria-label="竞赛得分排名柱状图" />;
}

/** 排名: cumulative or one period, by kind of participant; equal scores share a rank. */
export function CompetitionRanking({ c }: { c: Competition }) {
  const [kind, setKind] = useState<ParticipantKind | undefined>(c.participantList[0]?.kind);
  const [periodKey, setPeriodKey] = useState<string | undefined>(undefined);
  const q = useQuery({ queryKey: competitionKeys.ranking(c.id, { kind, periodKey }), queryFn: () => competitionApi.ranking(c.id, { kind, periodKey }) });
  const rows = q.data?.rows ?? [];
  return (
    <>
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <Select allowClear placeholder="全部类别" style={{ width: 130 }} value={kind} onChange={setKind} options={PARTICIPANT_KINDS.map((k) => ({ value: k, label: PARTICIPANT_KIND_LABELS[k] }))} />
        <Select allowClear placeholder="累计(全部阶段)" style={{ width: 160 }} value={periodKey} onChange={setPeriodKey} options={c.periods.map((p) => ({ value: p.key, label: p.label }))} />
      </Flex>
      {rows.some((r) => r.score !== null) ? <RankingChart rows={rows} /> : null}
      <Table<Row>
        rowKey="participantId"
        size="small"
        loading={q.isFetching}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '尚无参赛对象' }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 80, render: (v: number | null) => (v === null ? '—' : <Tag color={v <= 3 ? 'gold' : 'default'}>{rows.filter((x) => x.rank === v).length > 1 ? `并列第${v}` : `第${v}`}</Tag>) },
          { title: '参赛对象', dataIndex: 'name' },
          { title: '类别', dataIndex: 'kind', width: 90, render: (v: ParticipantKind) => PARTICIPANT_KIND_LABELS[v] },
          { title: '所属工会', dataIndex: 'orgName' },
          { title: '得分', dataIndex: 'score', width: 90, align: 'right', render: (v: number | null) => v ?? '未填报' },
          { title: '计入阶段', dataIndex: 'periods', width: 90, align: 'right' },
        ]}
        data-testid="ranking-table"
      />
    </>
  );
}
