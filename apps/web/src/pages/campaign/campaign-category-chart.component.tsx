import { useMemo } from 'react';
import type { CampaignDashboard } from '@gonghui/contracts';
import { formatYuan } from '../../components/money';
import { CHART_COLORS } from './campaign-labels';
import { useEChart, type ChartOption } from '../../components/use-echart.hook';

type Item = CampaignDashboard['byCategory'][number];

function optionFor(all: readonly Item[]): ChartOption {
  const items = all.filter((c) => c.amountFen > 0);
  return {
    color: CHART_COLORS,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = items[(p as { dataIndex: number }).dataIndex];
        return item ? `${item.label}<br/>帮扶 ${item.households} 户(${item.applications} 件)<br/>金额 ${formatYuan(item.amountFen)}` : '';
      },
    },
    legend: { bottom: 0 },
    series: [
      {
        name: '帮扶金额',
        type: 'pie',
        radius: ['38%', '66%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%' },
        data: items.map((c) => ({ name: c.label, value: c.amountFen / 100 })),
      },
    ],
  };
}

/** 按救助类别: the amount helped per category as a ring (tooltip: households, cases, amount). */
export function CampaignCategoryChart({ items }: { items: readonly Item[] }) {
  const option = useMemo(() => optionFor(items), [items]);
  const box = useEChart(option);
  return <div ref={box} style={{ width: '100%', height: 320 }} role="img" aria-label="按救助类别的帮扶金额环形图" data-testid="campaign-category-chart" />;
}
