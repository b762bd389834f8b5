import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Activity, ActivityType, EnrolmentMode, MemberFlag } from '@gonghui/contracts';
import type { ActivityBody } from '../../api/activity.api';
import { ApiError, errorMessage } from '../../api/api-client';
import { APP_TIME_ZONE, dayjs } from '../../app/time';

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
  };
}

/**
 * Puts the server's 422 field errors on the form (`rules.ageMax` lands on the flat `ageMax` field);
 * returns what fits no field, for an alert.
 */
export function applyActivityErrors(form: FormInstance<ActivityFormValues>, error: unknown): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const known = new Set<string>(ACTIVITY_FORM_FIELDS);
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const problem of error.fieldErrors) {
    const parts = problem.path.split(/[.[\]/]+/).filter((p) => p !== '');
    const field = parts[0] === 'rules' ? parts[1] : parts[0];
    if (field && known.has(field)) byField.set(field, [...(byField.get(field) ?? []), problem.message]);
    else rest.push(problem.message);
  }
  if (byField.size > 0) form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof ActivityFormValues, errors })));
  if (byField.size === 0 && rest.length === 0) return error.message;
  return rest.length > 0 ? rest.join(';') : null;
}
