import {
  AID_EVIDENCE_LABELS,
  AID_EVIDENCE_TYPES,
  EMPLOYMENT_STATUS_LABELS,
  EMPLOYMENT_STATUSES,
  FAMILY_RELATION_LABELS,
  FAMILY_RELATIONS,
  HARDSHIP_CAUSE_LABELS,
  HARDSHIP_CAUSES,
  HEALTH_STATUS_LABELS,
  HEALTH_STATUSES,
  HOUSEHOLD_EXIT_REASON_LABELS,
  HOUSEHOLD_EXIT_REASONS,
  HOUSEHOLD_RECORD_KIND_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  HOUSEHOLD_TIER_LABELS,
  HOUSEHOLD_TIERS,
  type HouseholdStatus,
  type HouseholdTier,
} from '@gonghui/contracts';

export {
  AID_EVIDENCE_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  FAMILY_RELATION_LABELS,
  HARDSHIP_CAUSE_LABELS,
  HEALTH_STATUS_LABELS,
  HOUSEHOLD_EXIT_REASON_LABELS,
  HOUSEHOLD_RECORD_KIND_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  HOUSEHOLD_TIER_LABELS,
};

export const TIER_COLORS: Record<HouseholdTier, string> = { deep: 'red', relative: 'orange', accident: 'purple' };
export const STATUS_COLORS: Record<HouseholdStatus, string> = { active: 'green', review_due: 'gold', exited: 'default' };

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));
export const TIER_OPTIONS = options(HOUSEHOLD_TIERS, HOUSEHOLD_TIER_LABELS);
export const STATUS_FILTER_OPTIONS = [
  { value: 'current' as const, label: '在档(含待复核)' },
  { value: 'active' as const, label: HOUSEHOLD_STATUS_LABELS.active },
  { value: 'review_due' as const, label: HOUSEHOLD_STATUS_LABELS.review_due },
  { value: 'exited' as const, label: HOUSEHOLD_STATUS_LABELS.exited },
  { value: 'all' as const, label: '全部' },
];
export const RELATION_OPTIONS = options(FAMILY_RELATIONS, FAMILY_RELATION_LABELS);
export const EMPLOYMENT_OPTIONS = options(EMPLOYMENT_STATUSES, EMPLOYMENT_STATUS_LABELS);
export const HEALTH_OPTIONS = options(HEALTH_STATUSES, HEALTH_STATUS_LABELS);
export const CAUSE_OPTIONS = options(HARDSHIP_CAUSES, HARDSHIP_CAUSE_LABELS);
export const EVIDENCE_OPTIONS = options(AID_EVIDENCE_TYPES, AID_EVIDENCE_LABELS);
export const EXIT_REASON_OPTIONS = HOUSEHOLD_EXIT_REASONS.map((value) => ({ value, label: HOUSEHOLD_EXIT_REASON_LABELS[value] }));

/** The help text of the tier rules, as officers read them (the figures are the configured ones). */
export const TIER_RULES_HELP =
  '困难类型由系统按家庭人均月收入(近12个月家庭净收入合计 ÷ 12 ÷ 家庭人口)与所在区县当年低保标准比较认定:不高于低保标准为深度困难(拥有价值10万元及以上机动车或2套及以上商品房的除外);高于低保标准、不高于1.5倍为相对困难;高于1.5倍、不高于2倍且因疾病或意外事故/灾害致困的为意外致困。倍数与限额可在「低保标准」中设置。';
