import { Card, Col, Row } from 'antd';
import { COCKPIT_GROUPS, COCKPIT_GROUP_LABELS, type CockpitFigure } from '@gonghui/contracts';
import { CockpitFigureTile } from './cockpit-figure-tile.component';

/** The figures in their groups (组织覆盖与会员 …), one card per group that has figures, in the contract's order. */
export function CockpitGroups({ figures }: { figures: readonly CockpitFigure[] }) {
  const groups = COCKPIT_GROUPS.map((group) => ({ group, items: figures.filter((f) => f.group === group) })).filter((g) => g.items.length > 0);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {groups.map(({ group, items }) => (
        <Col key={group} xs={24} xl={12}>
          <Card title={COCKPIT_GROUP_LABELS[group]} size="small" style={{ height: '100%' }} data-testid={`cockpit-group-${group}`}>
            <Row gutter={[12, 12]}>
              {items.map((figure) => (
                <Col key={figure.key} xs={24} sm={12} md={8} xl={12} xxl={8}>
                  <CockpitFigureTile figure={figure} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
