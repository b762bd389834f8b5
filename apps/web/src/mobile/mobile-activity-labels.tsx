import { Tag } from 'antd';
import { isLiveEnrolment, type EnrolmentStatus, type MemberActivity, type SignupResult } from '@gonghui/contracts';
import { dayjs, APP_TIME_ZONE, formatTime } from '../app/time';

const PHASES: Record<MemberActivity['phase'], { text: string; color: string | undefined }> = {
  not_open: { text: '未开始', color: 'blue' },
  open: { text: '报名中', color: 'green' },
  closed: { text: '已截止', color: undefined },
};

const STATUS_COLORS: Record<EnrolmentStatus, string | undefined> = {
  confirmed: 'green',
  waitlisted: 'orange',
  pending_lottery: 'blue',
  not_selected: undefined,
  cancelled: undefined,
};

/** 未开始 / 报名中 / 已截止 */
export function PhaseTag({ phase }: { phase: MemberActivity['phase'] }) {
  const p = PHASES[phase];
  return (
    <Tag color={p.color} data-testid="activity-phase">
      {p.text}
    </Tag>
  );
}

/** The member's own status (报名成功 / 候补中 / 待抽签 / 未中签 / 已取消), if they have signed up. */
export function MyStatusTag({ enrolment }: { enrolment: MemberActivity['myEnrolment'] }) {
  if (!enrolment) return null;
  return (
    <Tag color={STATUS_COLORS[enrolment.status]} data-testid="my-enrolment-status">
      {enrolment.statusLabel}
    </Tag>
  );
}

/** Places not yet confirmed to anyone (never below 0). */
export function placesLeft(a: Pick<MemberActivity, 'capacity' | 'confirmed'>): number {
  return Math.max(0, a.capacity - a.confirmed);
}

/** The sign-up window in Beijing time; the closing day without its year when both are in the same year. */
export function signupWindowText(a: Pick<MemberActivity, 'signupOpensAt' | 'signupClosesAt'>): string {
  const sameYear = dayjs(a.signupOpensAt).tz(APP_TIME_ZONE).year() === dayjs(a.signupClosesAt).tz(APP_TIME_ZONE).year();
  return `${formatTime(a.signupOpensAt, 'YYYY-MM-DD HH:mm')} 至 ${formatTime(a.signupClosesAt, sameYear ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm')}`;
}

/** What a sign-up or an enrolment amounts to: 报名成功 第N号 / 候补第N位 / 待抽签 … */
export function enrolmentText(e: Pick<SignupResult, 'status' | 'statusLabel' | 'seatNo' | 'waitlistPosition'>): string {
  if (e.status === 'confirmed') return e.seatNo !== null ? `报名成功 第${e.seatNo}号` : '报名成功';
  if (e.status === 'waitlisted') return e.waitlistPosition !== null ? `候补第${e.waitlistPosition}位` : '候补中';
  if (e.status === 'pending_lottery') return '待抽签';
  return e.statusLabel;
}

/** True while the member holds (or waits for) a place: no new sign-up then. */
export function isLive(enrolment: MemberActivity['myEnrolment']): boolean {
  return !!enrolment && isLiveEnrolment(enrolment.status);
}

/** When the activity itself takes place, in Beijing time; null when not set. */
export function activityTimeText(a: Pick<MemberActivity, 'startsAt' | 'endsAt'>): string | null {
  if (!a.startsAt) return null;
  const start = formatTime(a.startsAt, 'YYYY-MM-DD HH:mm');
  if (!a.endsAt) return start;
  const sameDay = formatTime(a.startsAt, 'YYYY-MM-DD') === formatTime(a.endsAt, 'YYYY-MM-DD');
  return `${start} 至 ${formatTime(a.endsAt, sameDay ? 'HH:mm' : 'YYYY-MM-DD HH:mm')}`;
}
