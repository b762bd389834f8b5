import { Button, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { COCKPIT_GROUPS, type CockpitChild, type CockpitFigure } from '@gonghui/contracts';
import { formatFigure } from './cockpit-format';

/** The main figures: the first of each group, plus the one chosen for the chart. */
export function mainFigures(figures: readonly CockpitFigure[], chosen: CockpitFigure | undefined): CockpitFigure[] {
  const firsts = COCKPIT_GROUPS.flatMap((group) => {
    const first = figures.find((f) => f.group === group);
    return first ? [first] : [];
  });
  return chosen && !firsts.includes(chosen) ? [...firsts, chosen] : firsts;
}

interface CockpitChildrenTableProps {
  items: readonly CockpitChild[];
  figures: readonly CockpitFigure[];
  onDrill: (child: CockpitChild) => void;
}

/** 下级组织 × 主要指标, each org name drills down. */
export function CockpitChildrenTable({ items, figures, onDrill }: CockpitChildrenTableProps) {
  const columns: TableColumnsType<CockpitChild> = [
    {
      key: 'name',
      title: '组织',
      fixed: 'left',
      width: 200,
      render: (_: unknown, child) => (
        <>
          <Tooltip title={child.hasChildren ? '下钻查看其下级组织' : '查看该组织的指标'}>
            <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onDrill(child)} data-testid={`cockpit-drill-${child.orgId}`}>
              {child.name}
            </Button>
          </Tooltip>
          {child.hasChildren ? null : <Tag style={{ marginLeft: 4 }}>基层</Tag>}
        </>
      ),
    },
    ...figures.map(
      (figure): TableColumnsType<CockpitChild>[number] => ({
        key: figure.key,
        title: figure.label,
        align: 'right',
        width: 130,
        sorter: (a, b) => (a.values[figure.key] ?? 0) - (b.values[figure.key] ?? 0),
        render: (_: unknown, child) => formatFigure(child.values[figure.key], figure.unit),
      }),
    ),
  ];
  return (
    <Table<CockpitChild>
      rowKey="orgId"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 200 + figures.length * 130 }}
      data-testid="cockpit-children-table"
    />
  );
}
