import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '@gonghui/contracts';

export const GRADE_COLORS: Record<string, string> = { model: 'red', advanced: 'volcano', qualified: 'green', unqualified: 'default', none: 'default' };
export const STATUS_COLORS: Record<AssessmentStatus, string> = { draft: 'default', submitted: 'blue', returned: 'orange', reviewed: 'purple', confirmed: 'green', revoked: 'red', withdrawn: 'default' };

export const STATUS_OPTIONS = (Object.keys(ASSESSMENT_STATUS_LABELS) as AssessmentStatus[]).filter((s) => s !== 'withdrawn').map((value) => ({ value, label: ASSESSMENT_STATUS_LABELS[value] }));

export const percent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Chart colours per grade code (lowest first), then 未定级. */
export const GRADE_CHART_COLORS: Record<string, string> = { unqualified: '#bfbfbf', qualified: '#52c41a', advanced: '#fa8c16', model: '#c8161d', none: '#e8e8e8' };
