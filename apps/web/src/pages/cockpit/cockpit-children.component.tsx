import { useMemo, useState } from 'react';
import { Card, Empty, Select, Typography } from 'antd';
import { COCKPIT_GROUPS, COCKPIT_GROUP_LABELS, type CockpitChild, type CockpitView } from '@gonghui/contracts';
import { CockpitChildrenChart } from './cockpit-children-chart.component';
import { CockpitChildrenTable, mainFigures } from './cockpit-children-table.component';

interface CockpitChildrenProps {
  view: CockpitView;
  onDrill: (child: CockpitChild) => void;
}

/** 下级组织: the chosen figure for each child as a bar chart, and the children × main figures table; both drill down. */
export function CockpitChildren({ view, onDrill }: CockpitChildrenProps) {
  const { figures, children } = view;
  const [chosenKey, setChosenKey] = useState<string | undefined>(undefined);
  const chosen = figures.find((f) => f.key === chosenKey) ?? figures[0];
  const options = useMemo(
    () =>
      COCKPIT_GROUPS.map((group) => ({
        label: COCKPIT_GROUP_LABELS[group],
        title: COCKPIT_GROUP_LABELS[group],
        options: figures.filter((f) => f.group === group).map((f) => ({ value: f.key, label: f.label })),
      })).filter((g) => g.options.length > 0),
    [figures],
  );
  const columns = useMemo(() => mainFigures(figures, chosen), [figures, chosen]);

  if (children.length === 0) {
    return (
      <Card size="small" title="下级组织" data-testid="cockpit-no-children">
        <Empty description={`「${view.org.name}」没有下级组织,以上即其本级数据`} />
      </Card>
    );
  }
  return (
    <>
      <Card
        size="small"
        title="下级组织对比"
        style={{ marginBottom: 16 }}
        extra={
          <Select
            aria-label="对比指标"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            value={chosen?.key}
            options={options}
            onChange={setChosenKey}
            data-testid="cockpit-chart-figure"
          />
        }
      >
        {chosen ? <CockpitChildrenChart items={children} figure={chosen} onPick={onDrill} /> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          点击柱形或下表中的组织名称下钻,查看该组织的全部指标。
        </Typography.Text>
      </Card>
      <Card size="small" title={`下级组织主要指标(${children.length} 个)`}>
        <CockpitChildrenTable items={children} figures={columns} onDrill={onDrill} />
      </Card>
    </>
  );
}
