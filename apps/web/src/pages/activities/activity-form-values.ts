import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { BACHELOR_SUBSIDY_FEN, type Activity, type ActivityType, type EducationLevel, type EnrolmentMode, type MemberFlag } from '@gonghui/contracts';
import type { ActivityBody } from '../../api/activity.api';
import { ApiError, errorMessage } from '../../api/api-client';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { fenToYuanNumber, yuanToFen } from '../../components/money';

/** What the type adds, under `details` (平安返乡 route and subsidy, 小候鸟 ages, 圆梦计划 level and grant); amounts in 元. */
export interface ActivityDetailsValues {
  from?: string;
  to?: string;
  transport?: 'bus' | 'train';
  departureDate?: Dayjs | null;
  subsidyYuan?: number | null;
  childAgeMin?: number | null;
  childAgeMax?: number | null;
  level?: EducationLevel;
}

/** The form's values: flat (the eligibility rules too), times as pickers' values in Beijing wall-clock time. */
export interface ActivityFormValues {
  title: string;
  type: ActivityType;
  orgId: string;
  capacity: number;
  signupOpensAt: Dayjs;
  signupClosesAt: Dayjs;
  cancelUntil?: Dayjs | null;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  venue?: string;
  description?: string;
  mode: EnrolmentMode;
  waitlist: boolean;
  ageMin?: number | null;
  ageMax?: number | null;
  minMembershipMonths?: number | null;
  requireFlags?: MemberFlag[];
  gender?: 'male' | 'female' | null;
  maxPerYear?: number | null;
  details?: ActivityDetailsValues;
}

const RULE_FIELDS = ['ageMin', 'ageMax', 'minMembershipMonths', 'requireFlags', 'gender', 'maxPerYear'] as const;
export const ACTIVITY_FORM_FIELDS = [
  'title', 'type', 'orgId', 'capacity', 'signupOpensAt', 'signupClosesAt', 'cancelUntil', 'startsAt', 'endsAt', 'venue', 'description', 'mode', 'waitlist', ...RULE_FIELDS,
] as const;

const WALL_CLOCK = 'YYYY-MM-DDTHH:mm:ss';

/** A picker's wall-clock time read as Beijing time, as an ISO string with offset (whatever the browser's zone). */
export function beijingIso(value: Dayjs): string {
  return dayjs.tz(value.format(WALL_CLOCK), APP_TIME_ZONE).format();
}

/** A server instant as a picker value showing Beijing wall-clock time. */
export function pickerValue(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(APP_TIME_ZONE).format(WALL_CLOCK));
}

const optionalIso = (v: Dayjs | null | undefined): string | null => (v ? beijingIso(v) : null);
const optionalNumber = (v: number | null | undefined): number | undefined => (v === null || v === undefined ? undefined : v);
const optionalText = (v: string | undefined): string | undefined => v?.trim() || undefined;

/** The request's `details` for the type: undefined when the type has none or nothing was filled in (details are optional). */
export function activityDetailsBody(type: ActivityType, d: ActivityDetailsValues | undefined): Record<string, unknown> | undefined {
  const v = d ?? {};
  const subsidyFen = v.subsidyYuan === null || v.subsidyYuan === undefined ? undefined : yuanToFen(v.subsidyYuan);
  let body: Record<string, unknown> | undefined;
  if (type === 'homeward') {
    body = { from: optionalText(v.from), to: optionalText(v.to), transport: v.transport, departureDate: v.departureDate ? v.departureDate.format('YYYY-MM-DD') : undefined, subsidyFen };
  } else if (type === 'summer_class') {
    body = { childAgeMin: optionalNumber(v.childAgeMin), childAgeMax: optionalNumber(v.childAgeMax) };
  } else if (type === 'education') {
    body = { level: v.level, subsidyFen: v.level === 'bachelor' ? BACHELOR_SUBSIDY_FEN : subsidyFen };
  }
  if (!body || Object.values(body).every((x) => x === undefined)) return undefined;
  return body;
}

function detailsValuesOf(a: Activity): ActivityDetailsValues {
  const d = a.details;
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const int = (x: unknown): number | null => (typeof x === 'number' ? x : null);
  const date = str(d.departureDate);
  const fen = int(d.subsidyFen);
  return {
    from: str(d.from),
    to: str(d.to),
    transport: d.transport === 'bus' || d.transport === 'train' ? d.transport : undefined,
    departureDate: date ? dayjs(date) : null,
    subsidyYuan: fen !== null ? fenToYuanNumber(fen) : null,
    childAgeMin: int(d.childAgeMin),
    childAgeMax: int(d.childAgeMax),
    level: d.level === 'associate' || d.level === 'bachelor' ? d.level : undefined,
  };
}

export function activityBody(v: ActivityFormValues): ActivityBody {
  const rules: NonNullable<ActivityBody['rules']> = {
    ageMin: optionalNumber(v.ageMin),
    ageMax: optionalNumber(v.ageMax),
    minMembershipMonths: optionalNumber(v.minMembershipMonths),
    requireFlags: v.requireFlags && v.requireFlags.length > 0 ? v.requireFlags : undefined,
    gender: v.gender ?? undefined,
    maxPerYear: optionalNumber(v.maxPerYear),
  };
  return {
    title: v.title.trim(),
    type: v.type,
    orgId: v.orgId,
    capacity: v.capacity,
    signupOpensAt: beijingIso(v.signupOpensAt),
    signupClosesAt: beijingIso(v.signupClosesAt),
    cancelUntil: optionalIso(v.cancelUntil),
    startsAt: optionalIso(v.startsAt),
    endsAt: optionalIso(v.endsAt),
    venue: v.venue?.trim() || undefined,
    description: v.description?.trim() || undefined,
    mode: v.mode,
    waitlist: v.waitlist,
    // undefined rules are left out of the JSON
    rules,
    details: activityDetailsBody(v.type, v.details),
  };
}

export function emptyActivityValues(orgId: string | undefined): Partial<ActivityFormValues> {
  return { type: 'general', mode: 'fcfs', waitlist: true, orgId, requireFlags: [] };
}

export function activityValuesOf(a: Activity): ActivityFormValues {
  const r = a.rules;
  return {
    title: a.title,
    type: a.type,
    orgId: a.orgId,
    capacity: a.capacity,
    signupOpensAt: pickerValue(a.signupOpensAt),
    signupClosesAt: pickerValue(a.signupClosesAt),
    cancelUntil: a.cancelUntil ? pickerValue(a.cancelUntil) : null,
    startsAt: a.startsAt ? pickerValue(a.startsAt) : null,
    endsAt: a.endsAt ? pickerValue(a.endsAt) : null,
    venue: a.venue ?? undefined,
    description: a.description ?? undefined,
    mode: a.mode,
    waitlist: a.waitlist,
    ageMin: r.ageMin ?? null,
    ageMax: r.ageMax ?? null,
    minMembershipMonths: r.minMembershipMonths ?? null,
    requireFlags: r.requireFlags ?? [],
    gender: r.gender ?? null,
    maxPerYear: r.maxPerYear ?? null,
    details: detailsValuesOf(a),
  };
}

/** The server's `details.*` paths → the form's fields under `details` (分 amounts are asked in 元). */
const DETAIL_FIELDS: Readonly<Record<string, string>> = {
  from: 'from', to: 'to', transport: 'transport', departureDate: 'departureDate', subsidyFen: 'subsidyYuan', childAgeMin: 'childAgeMin', childAgeMax: 'childAgeMax', level: 'level',
};

/**
 * Puts the server's 422 field errors on the form (`rules.ageMax` lands on the flat `ageMax` field,
 * `details.subsidyFen` on `['details', 'subsidyYuan']`); returns what fits no field, for an alert.
 */
export function applyActivityErrors(form: FormInstance<ActivityFormValues>, error: unknown): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const known = new Set<string>(ACTIVITY_FORM_FIELDS);
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const problem of error.fieldErrors) {
    const parts = problem.path.split(/[.[\]/]+/).filter((p) => p !== '');
    const detail = parts[0] === 'details' && parts[1] && Object.hasOwn(DETAIL_FIELDS, parts[1]) ? `details.${DETAIL_FIELDS[parts[1]]}` : undefined;
    const field = detail ?? (parts[0] === 'rules' ? parts[1] : parts[0]);
    if (field && (detail || known.has(field))) byField.set(field, [...(byField.get(field) ?? []), problem.message]);
    else rest.push(problem.message);
  }
  if (byField.size > 0) form.setFields([...byField].map(([name, errors]) => ({ name: name.split('.') as ['details', keyof ActivityDetailsValues], errors })));
  if (byField.size === 0 && rest.length === 0) return error.message;
  return rest.length > 0 ? rest.join(';') : null;
}
