import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CoverageChild } from '../../api/contract-types';
import { percentValue } from './coverage-format';

// Only the parts this chart draws (tree-shaken; echarts stays inside the coverage page's chunk).
use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** Width per org: with many children the chart grows and its box scrolls sideways instead of squeezing. */
const SLOT_PX = 64;

function optionFor(items: readonly CoverageChild[]): ChartOption {
  return {
    color: ['#c8161d', '#fa8c16'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)}%` },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: items.length > 6 ? 72 : 40 },
    xAxis: {
      type: 'category',
      data: items.map((c) => c.orgName),
      axisLabel: { interval: 0, rotate: items.length > 6 ? 30 : 0, width: 110, overflow: 'truncate' },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '建会率', type: 'bar', barMaxWidth: 28, data: items.map((c) => percentValue(c.unionisationRate)) },
      { name: '入会率', type: 'bar', barMaxWidth: 28, data: items.map((c) => percentValue(c.membershipRate)) },
    ],
  };
}

interface CoverageChartProps {
  items: readonly CoverageChild[];
  /** a bar was clicked (the page drills into that child when it has children) */
  onPick: (child: CoverageChild) => void;
}

/** 下级组织的建会率、入会率 as grouped bars (ECharts, canvas). */
export function CoverageChart({ items, onPick }: CoverageChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef({ items, onPick });

  useEffect(() => {
    latest.current = { items, onPick };
  }, [items, onPick]);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const child = latest.current.items[params.dataIndex];
      if (child) latest.current.onPick(child);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(optionFor(items), { notMerge: true });
  }, [items]);

  return (
    <div style={{ overflowX: 'auto' }}>
      <div
        ref={box}
        style={{ width: '100%', minWidth: items.length * SLOT_PX + 64, height: 340 }}
        role="img"
        aria-label="下级组织建会率、入会率柱状图"
        data-testid="coverage-chart"
      />
    </div>
  );
}
