import { useMemo } from 'react';
import type { GradesByDistrict } from '@gonghui/contracts';
import { useEChart, type ChartOption } from '../../components/use-echart.hook';
import { GRADE_CHART_COLORS } from './union-home-labels';

function optionFor(data: GradesByDistrict): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: data.rows.length > 6 ? 72 : 40 },
    xAxis: { type: 'category', data: data.rows.map((r) => r.districtName.replace('总工会', '')), axisLabel: { interval: 0, rotate: data.rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [...data.grades].reverse().map((g) => ({ name: g.label, type: 'bar' as const, stack: 'grades', barMaxWidth: 32, color: GRADE_CHART_COLORS[g.code], data: data.rows.map((r) => r.counts[g.code] ?? 0) })),
  };
}

/** 各区县职工之家等级分布 as stacked bars (the shared ECharts hook of the campaign charts). */
export function UnionHomeGradesChart({ data }: { data: GradesByDistrict }) {
  const option = useMemo(() => optionFor(data), [data]);
  const box = useEChart(option);
  return <div ref={box} style={{ width: '100%', height: 320 }} role="img" aria-label="各区县职工之家等级分布柱状图" data-testid="union-home-grades-chart" />;
}
