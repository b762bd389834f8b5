import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CsrKind } from '@gonghui/contracts';
import { csrApi, csrKeys } from '../../api/csr.api';
import { useEChart, type ChartOption } from '../../components/use-echart.hook';

/** The year's confirmed results by grade (不达标 included), as bars. */
export function CsrGradesChart({ kind, year }: { kind: CsrKind; year: number }) {
  const query = { kind, cycleYear: year, status: 'confirmed' as const, pageSize: 200 };
  const q = useQuery({ queryKey: csrKeys.list(query), queryFn: () => csrApi.list(query) });
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of q.data?.items ?? []) m.set(i.gradeLabel ?? '未定级', (m.get(i.gradeLabel ?? '未定级') ?? 0) + 1);
    return [...m.entries()];
  }, [q.data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: counts.map(([label]) => label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '企业数', barMaxWidth: 40, color: '#c0392b', data: counts.map(([, n]) => n) }],
    }),
    [counts],
  );
  const box = useEChart(option);
  if (counts.length === 0) return null;
  return <div ref={box} style={{ width: '100%', height: 220, marginBottom: 8 }} role="img" aria-label={`${year}年度等级分布柱状图`} data-testid="csr-grades-chart" />;
}
