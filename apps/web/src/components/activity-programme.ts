import {
  EDUCATION_LEVEL_LABELS,
  HOMEWARD_TRANSPORT_LABELS,
  SIGNUP_DETAILS_SCHEMAS,
  type ActivityType,
  type EducationLevel,
} from '@gonghui/contracts';
import { formatYuan } from './money';

/** What each kind of activity adds (平安返乡 route and subsidy, 小候鸟 ages, 圆梦计划 level), shared by the staff and phone pages. */

export interface ActivityDetailItem {
  key: string;
  label: string;
  value: string;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** An activity's `details` as labelled lines (nothing for types without details, or details not set). */
export function activityDetailItems(type: ActivityType, details: Record<string, unknown>): ActivityDetailItem[] {
  const items: ActivityDetailItem[] = [];
  if (type === 'homeward') {
    const from = text(details.from);
    const to = text(details.to);
    if (from || to) items.push({ key: 'route', label: '返乡线路', value: `${from ?? '—'} → ${to ?? '—'}` });
    const transport = text(details.transport);
    if (transport) items.push({ key: 'transport', label: '交通方式', value: HOMEWARD_TRANSPORT_LABELS[transport as keyof typeof HOMEWARD_TRANSPORT_LABELS] ?? transport });
    const date = text(details.departureDate);
    if (date) items.push({ key: 'departure', label: '出发日期', value: date });
    const fen = num(details.subsidyFen);
    if (fen !== null) items.push({ key: 'subsidy', label: '每人车票补贴', value: fen > 0 ? formatYuan(fen) : '无' });
  } else if (type === 'summer_class') {
    const min = num(details.childAgeMin);
    const max = num(details.childAgeMax);
    if (min !== null || max !== null) items.push({ key: 'ages', label: '儿童年龄', value: `${min ?? '—'} 至 ${max ?? '—'} 周岁` });
  } else if (type === 'education') {
    const level = text(details.level);
    if (level) items.push({ key: 'level', label: '报读层次', value: EDUCATION_LEVEL_LABELS[level as EducationLevel] ?? level });
    const fen = num(details.subsidyFen);
    if (fen !== null) items.push({ key: 'subsidy', label: '资助金额', value: formatYuan(fen) });
  }
  return items;
}

/** True when a sign-up for this type must carry details (小候鸟 child, 集体婚礼 partner, 圆梦计划 declarations). */
export function needsSignupDetails(type: ActivityType): boolean {
  return SIGNUP_DETAILS_SCHEMAS[type] !== undefined;
}

/** The per-person subsidy of an activity in 分 (平安返乡 ticket subsidy, 圆梦计划 grant); 0 when none. */
export function activitySubsidyFen(type: ActivityType, details: Record<string, unknown>): number {
  if (type !== 'homeward' && type !== 'education') return 0;
  const fen = num(details.subsidyFen);
  return fen !== null && fen > 0 ? fen : 0;
}
