import { Space, Tag } from 'antd';
import { PLACEMENT_STATUS_LABELS, type ModelWorkerListItem, type PlacementStatus } from '@gonghui/contracts';
import { PLACEMENT_STATUS_COLORS } from './model-worker-labels';

/** The care flags and the state of life of a 劳模, as tags. */
export function CareTags({ w }: { w: Pick<ModelWorkerListItem, 'flags' | 'deceasedOn' | 'retired'> }) {
  return (
    <Space size={4} wrap>
      {w.deceasedOn ? <Tag>已故 {w.deceasedOn}</Tag> : null}
      {w.flags.age75 ? <Tag color="volcano">75岁以上</Tag> : null}
      {w.flags.livesAlone ? <Tag color="orange">鳏寡独居</Tag> : null}
      {!w.deceasedOn && w.retired ? <Tag>退休</Tag> : null}
    </Space>
  );
}

export function PlacementTag({ status }: { status: PlacementStatus | null }) {
  return status ? <Tag color={PLACEMENT_STATUS_COLORS[status]}>{PLACEMENT_STATUS_LABELS[status]}</Tag> : null;
}

const HONOUR_COLORS = { national: 'red', provincial: 'gold', city: 'blue', district: 'default' } as const;

export function HonourTags({ w }: { w: Pick<ModelWorkerListItem, 'honours'> }) {
  return (
    <Space size={4} wrap>
      {w.honours.map((h) => (
        <Tag key={`${h.title}${h.year}`} color={HONOUR_COLORS[h.level]}>
          {h.year} {h.title}
        </Tag>
      ))}
    </Space>
  );
}
