import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const APP_TIME_ZONE = 'Asia/Shanghai';

/** A server timestamp shown in Beijing time, `YYYY-MM-DD HH:mm:ss`; '—' when empty. */
export function formatTime(value: string | null | undefined, pattern = 'YYYY-MM-DD HH:mm:ss'): string {
  if (!value) return '—';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.tz(APP_TIME_ZONE).format(pattern) : value;
}

/** Start or end of a calendar day in Beijing time as an ISO string with offset (for API filters). */
export function beijingDayBoundary(day: dayjs.Dayjs, edge: 'start' | 'end'): string {
  const local = dayjs.tz(day.format('YYYY-MM-DD'), APP_TIME_ZONE);
  return (edge === 'start' ? local.startOf('day') : local.endOf('day')).format('YYYY-MM-DDTHH:mm:ss.SSSZ');
}

export function isFuture(value: string | null | undefined): boolean {
  return !!value && dayjs(value).isAfter(dayjs());
}

export { dayjs };
