import { useMemo } from 'react';
import type { CampaignDashboard } from '@gonghui/contracts';
import { CHART_COLORS, wanYuan } from './campaign-labels';
import { useEChart, type ChartOption } from '../../components/use-echart.hook';

type Item = CampaignDashboard['byDistrict'][number];
export type DistrictMetric = 'households' | 'amount';

/** Width per district: with many the chart grows and its box scrolls sideways. */
const SLOT_PX = 72;

function optionFor(items: readonly Item[], metric: DistrictMetric): ChartOption {
  const households = metric === 'households';
  const unit = households ? '户' : '万元';
  return {
    color: [CHART_COLORS[0]!, '#d9d9d9'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v === null || v === undefined ? '未设目标' : `${String(v)} ${unit}`) },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 36, bottom: items.length > 6 ? 64 : 32 },
    xAxis: { type: 'category', data: items.map((d) => d.divisionName), axisLabel: { interval: 0, rotate: items.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: unit, minInterval: households ? 1 : 0 },
    series: [
      { name: households ? '已帮扶户数' : '已帮扶金额', type: 'bar', barMaxWidth: 26, data: items.map((d) => (households ? d.households : wanYuan(d.amountFen))) },
      {
        name: households ? '目标户数' : '目标金额',
        type: 'bar',
        barMaxWidth: 26,
        data: items.map((d) => (households ? d.targetHouseholds : d.targetAmountFen === null ? null : wanYuan(d.targetAmountFen))),
      },
    ],
  };
}

/** 按区县(市): helped against the target, households or amount. */
export function CampaignDistrictChart({ items, metric }: { items: readonly Item[]; metric: DistrictMetric }) {
  const option = useMemo(() => optionFor(items, metric), [items, metric]);
  const box = useEChart(option);
  return (
    <div style={{ overflowX: 'auto' }}>
      <div ref={box} style={{ width: '100%', minWidth: items.length * SLOT_PX + 72, height: 340 }} role="img" aria-label="各区县(市)帮扶进度与目标柱状图" data-testid="campaign-district-chart" />
    </div>
  );
}
