import { useMemo } from 'react';
import type { CockpitFigure } from '@gonghui/contracts';
import { useEChart, type ChartOption } from '../../components/use-echart.hook';
import { changePercent, formatFigure } from './cockpit-format';

interface Row {
  figure: CockpitFigure;
  change: number;
}

function optionFor(rows: readonly Row[]): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const row = rows[first?.dataIndex ?? 0];
        if (!row) return '';
        const { figure, change } = row;
        const unit = figure.unit === 'rate' ? ' 个百分点' : '%';
        return `${figure.label}<br/>本年:${formatFigure(figure.value, figure.unit)}<br/>上年:${formatFigure(figure.previous ?? undefined, figure.unit)}<br/>同比:${change > 0 ? '+' : ''}${change}${unit}`;
      },
    },
    grid: { left: 8, right: 40, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.figure.label), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: '同比变化',
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((r) => ({ value: r.change, itemStyle: { color: r.change >= 0 ? '#c8161d' : '#52c41a' } })),
        label: { show: true, position: 'right', formatter: (p) => `${String(p.value)}` },
      },
    ],
  };
}

/** The figures that have a comparable last-year value. */
export function comparableFigures(figures: readonly CockpitFigure[]): Row[] {
  return figures.flatMap((figure) => {
    const change = changePercent(figure);
    return change === null ? [] : [{ figure, change }];
  });
}

/** 同比变化: each comparable figure's change against last year (%, rates in percentage points) as horizontal bars. */
export function CockpitChangeChart({ figures }: { figures: readonly CockpitFigure[] }) {
  const rows = useMemo(() => comparableFigures(figures), [figures]);
  const option = useMemo(() => optionFor(rows), [rows]);
  const box = useEChart(option);
  return <div ref={box} style={{ width: '100%', height: Math.max(200, rows.length * 28 + 48) }} role="img" aria-label="各项指标同比变化条形图" data-testid="cockpit-change-chart" />;
}
