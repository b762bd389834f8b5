import { Tag } from 'antd';
import { COURSE_STATUS_LABELS, LEARNING_CATEGORIES, LEARNING_CATEGORY_LABELS, MATERIAL_KIND_LABELS, type CourseStatus, type MaterialKind } from '@gonghui/contracts';

const STATUS_COLOURS: Record<CourseStatus, string> = { draft: 'default', published: 'green', withdrawn: 'orange' };

export function CourseStatusTag({ status }: { status: CourseStatus }) {
  return <Tag color={STATUS_COLOURS[status]}>{COURSE_STATUS_LABELS[status]}</Tag>;
}

export const CATEGORY_OPTIONS = LEARNING_CATEGORIES.map((c) => ({ value: c, label: LEARNING_CATEGORY_LABELS[c] }));
export const COURSE_STATUS_OPTIONS = (Object.keys(COURSE_STATUS_LABELS) as CourseStatus[]).map((s) => ({ value: s, label: COURSE_STATUS_LABELS[s] }));
export const MATERIAL_KIND_OPTIONS = (Object.keys(MATERIAL_KIND_LABELS) as MaterialKind[]).map((k) => ({ value: k, label: MATERIAL_KIND_LABELS[k] }));

/** 75 分钟 → 1小时15分钟 */
export function minutesText(minutes: number): string {
  return minutes >= 60 ? `${Math.floor(minutes / 60)}小时${minutes % 60 ? `${minutes % 60}分钟` : ''}` : `${minutes}分钟`;
}
