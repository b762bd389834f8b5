import { useMemo } from 'react';
import type { CampaignDashboard } from '@gonghui/contracts';
import { CHART_COLORS, wanYuan } from './campaign-labels';
import { useEChart, type ChartOption } from '../../components/use-echart.hook';

type Week = CampaignDashboard['byWeek'][number];

const weekLabel = (monday: string): string => `${Number(monday.slice(5, 7))}/${Number(monday.slice(8, 10))}`;

function optionFor(weeks: readonly Week[], targetHouseholds: number): ChartOption {
  return {
    color: [CHART_COLORS[2]!, CHART_COLORS[0]!, CHART_COLORS[1]!],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 64, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: weeks.map((w) => `${weekLabel(w.weekStart)}周`) },
    yAxis: [
      { type: 'value', name: '户', minInterval: 1 },
      { type: 'value', name: '万元', splitLine: { show: false } },
    ],
    series: [
      { name: '本周帮扶户数', type: 'bar', barMaxWidth: 18, data: weeks.map((w) => w.households) },
      {
        name: '累计帮扶户数',
        type: 'line',
        step: 'end',
        data: weeks.map((w) => w.cumulativeHouseholds),
        ...(targetHouseholds > 0 ? { markLine: { symbol: 'none', label: { formatter: `目标 ${targetHouseholds} 户` }, lineStyle: { type: 'dashed' }, data: [{ yAxis: targetHouseholds }] } } : {}),
      },
      { name: '累计帮扶金额', type: 'line', step: 'end', yAxisIndex: 1, data: weeks.map((w) => wanYuan(w.cumulativeAmountFen)) },
    ],
  };
}

/** 按周 (Asia/Shanghai weeks, Monday first): households helped each week and the running totals against the target. */
export function CampaignWeekChart({ weeks, targetHouseholds }: { weeks: readonly Week[]; targetHouseholds: number }) {
  const option = useMemo(() => optionFor(weeks, targetHouseholds), [weeks, targetHouseholds]);
  const box = useEChart(option);
  return <div ref={box} style={{ width: '100%', height: 340 }} role="img" aria-label="每周帮扶户数与累计进度折线图" data-testid="campaign-week-chart" />;
}
