import { useMemo } from 'react';
import type { CockpitChild, CockpitFigure } from '@gonghui/contracts';
import { useEChart, type ChartOption } from '../../components/use-echart.hook';
import { chartScale, formatFigure } from './cockpit-format';

/** Width per org: with many children the chart grows and its box scrolls sideways. */
const SLOT_PX = 64;

function optionFor(items: readonly CockpitChild[], figure: CockpitFigure): ChartOption {
  const raw = items.map((c) => c.values[figure.key] ?? 0);
  const scale = chartScale(figure.unit, Math.max(0, ...raw.map(Math.abs)));
  const many = items.length > 6;
  return {
    color: ['#c8161d'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const index = first?.dataIndex ?? 0;
        const child = items[index];
        return child ? `${child.name}<br/>${figure.label}:${formatFigure(raw[index], figure.unit)}<br/>点击下钻` : '';
      },
    },
    grid: { left: 64, right: 16, top: 36, bottom: many ? 80 : 40 },
    xAxis: { type: 'category', data: items.map((c) => c.name), axisLabel: { interval: 0, rotate: many ? 30 : 0, width: 110, overflow: 'truncate' } },
    yAxis: { type: 'value', name: scale.axis, minInterval: figure.unit === 'count' || figure.unit === 'people' ? 1 : 0 },
    series: [{ name: figure.label, type: 'bar', barMaxWidth: 32, cursor: 'pointer', data: raw.map((v) => Math.round((v / scale.divisor) * 100) / 100) }],
  };
}

interface CockpitChildrenChartProps {
  items: readonly CockpitChild[];
  figure: CockpitFigure;
  /** a bar was clicked: drill down to that child */
  onPick: (child: CockpitChild) => void;
}

/** 下级组织对比: the chosen figure for each child org as bars (ECharts); a click drills down. */
export function CockpitChildrenChart({ items, figure, onPick }: CockpitChildrenChartProps) {
  const option = useMemo(() => optionFor(items, figure), [items, figure]);
  const box = useEChart(option, (index) => {
    const child = items[index];
    if (child) onPick(child);
  });
  return (
    <div style={{ overflowX: 'auto' }}>
      <div
        ref={box}
        style={{ width: '100%', minWidth: items.length * SLOT_PX + 80, height: 340 }}
        role="img"
        aria-label={`下级组织${figure.label}柱状图`}
        data-testid="cockpit-children-chart"
      />
    </div>
  );
}
