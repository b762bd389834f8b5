import { CONDOLENCE_CATEGORIES, CONDOLENCE_CATEGORY_LABELS, CONDOLENCE_OCCASIONS, CONDOLENCE_OCCASION_LABELS, CONDOLENCE_VISIT_TARGETS, CONDOLENCE_VISIT_TARGET_LABELS } from '@gonghui/contracts';

export const OCCASION_OPTIONS = CONDOLENCE_OCCASIONS.map((o) => ({ value: o, label: CONDOLENCE_OCCASION_LABELS[o] }));
export const CATEGORY_OPTIONS = CONDOLENCE_CATEGORIES.map((c) => ({ value: c, label: CONDOLENCE_CATEGORY_LABELS[c] }));
export const TARGET_OPTIONS = CONDOLENCE_VISIT_TARGETS.map((t) => ({ value: t, label: CONDOLENCE_VISIT_TARGET_LABELS[t] }));

export const RULE_HELP = '慰问只能做加法,不能做减法:与本单位上年同一慰问活动已批准的计划相比,各类别的人数、每人慰问金和每人慰问品价值都不能减少,也不能取消上年的类别。低于上年的计划须由市总工会审批人特批并写明理由。';
