import { Tag } from 'antd';
import { RIGHTS_CATEGORIES, RIGHTS_CATEGORY_LABELS, RIGHTS_PHASES, RIGHTS_PHASE_LABELS, RIGHTS_URGENCY_LABELS, type RightsPhase, type RightsUrgency } from '@gonghui/contracts';

const PHASE_COLORS: Record<RightsPhase, string> = { new: 'blue', accepted: 'cyan', mediation: 'orange', referred: 'purple', closed: 'green', rejected: 'default', withdrawn: 'default' };

export const RIGHTS_PHASE_OPTIONS = RIGHTS_PHASES.map((value) => ({ value, label: RIGHTS_PHASE_LABELS[value] }));
export const RIGHTS_CATEGORY_OPTIONS = RIGHTS_CATEGORIES.map((value) => ({ value, label: RIGHTS_CATEGORY_LABELS[value] }));

/** 待受理 / 调解中 ... with 超期 and 已督办 beside it. */
export function RightsPhaseTag({ phase, overdue = false, escalated = false }: { phase: RightsPhase; overdue?: boolean; escalated?: boolean }) {
  return (
    <span data-testid="rights-phase">
      <Tag color={PHASE_COLORS[phase]}>{RIGHTS_PHASE_LABELS[phase]}</Tag>
      {overdue ? <Tag color="red">超期</Tag> : null}
      {escalated ? <Tag color="magenta">已督办</Tag> : null}
    </span>
  );
}

export function RightsUrgencyTag({ urgency }: { urgency: RightsUrgency }) {
  return urgency === 'urgent' ? <Tag color="red">{RIGHTS_URGENCY_LABELS.urgent}</Tag> : <Tag>{RIGHTS_URGENCY_LABELS.normal}</Tag>;
}
