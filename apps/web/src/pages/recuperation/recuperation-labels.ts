import {
  FAMILY_RELATIONS,
  RECUPERATION_MAX_ALLOWANCE_PER_DAY,
  RECUPERATION_MAX_DAYS,
  RECUPERATION_PRIORITY_GROUPS,
  RECUPERATION_PRIORITY_GROUP_LABELS,
  RECUPERATION_RELATION_LABELS,
  type RecuperationPriorityGroup,
  type RecuperationStage,
} from '@gonghui/contracts';
import { dayjs } from '../../app/time';

export const PRIORITY_GROUP_OPTIONS: { value: RecuperationPriorityGroup; label: string }[] = RECUPERATION_PRIORITY_GROUPS.map((value) => ({
  value,
  label: RECUPERATION_PRIORITY_GROUP_LABELS[value],
}));

export const RELATION_OPTIONS = FAMILY_RELATIONS.map((value) => ({ value, label: RECUPERATION_RELATION_LABELS[value] }));

export const STAGE_COLORS: Record<RecuperationStage, string> = {
  draft: 'default',
  not_open: 'blue',
  open: 'processing',
  closed: 'gold',
  ongoing: 'cyan',
  finished: 'green',
  cancelled: 'red',
};

/** The Zhejiang 2020 rule the route form and the list cite. */
export const RECUPERATION_RULE_HELP =
  `依据浙江省2020年职工疗休养有关规定:每次疗休养时间(含路途)不超过${RECUPERATION_MAX_DAYS}天,` +
  `补助标准每人每天不超过${RECUPERATION_MAX_ALLOWANCE_PER_DAY / 100}元(原为400元);随行家属费用自理。`;

/** The last day of a stay that starts on `startDate` and lasts `days` days (travel included). */
export function endDateOf(startDate: string | dayjs.Dayjs, days: number): string {
  return dayjs(startDate).add(Math.max(1, days) - 1, 'day').format('YYYY-MM-DD');
}

/** 2026-05-10 至 2026-05-14(5天) */
export function stayText(b: { startDate: string; endDate: string; days: number }): string {
  return `${b.startDate} 至 ${b.endDate}(${b.days}天)`;
}

export function priorityText(b: { priorityGroups: readonly RecuperationPriorityGroup[]; priorityOnly: boolean }): string {
  if (b.priorityGroups.length === 0) return '不设优先人群';
  const groups = b.priorityGroups.map((g) => RECUPERATION_PRIORITY_GROUP_LABELS[g]).join('、');
  return b.priorityOnly ? `仅限${groups}` : `优先${groups}`;
}
