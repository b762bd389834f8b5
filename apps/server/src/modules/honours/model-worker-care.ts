import { sql, type SQL } from 'drizzle-orm';
import { MODEL_WORKER_CARE_AGE, type CareFlags, type ModelWorkerCareFilter } from '@gonghui/contracts';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';

/**
 * The care flags of elderly 劳模 are computed on the day asked, never stored: ≥ 75 from the birth
 * date in Asia/Shanghai (the flag appears on the 75th birthday; a 29 Feb birthday counts on 1 March
 * in a common year), 鳏寡独居 from the recorded flag. Deceased people carry no flag.
 */
export const careToday = (now: Date = new Date()): string => shanghaiDate(now);

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The latest birth date of someone who is at least `years` old on `today` (both YYYY-MM-DD). */
export function bornOnOrBefore(today: string, years: number): string {
  const y = Number(today.slice(0, 4)) - years;
  const md = today.slice(5);
  // today is 29 Feb and the birth year is common: whoever was born up to 28 Feb is old enough
  const day = md === '02-29' && !isLeap(y) ? '02-28' : md;
  return `${String(y).padStart(4, '0')}-${day}`;
}

/** Full years (周岁) on `today`. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return birthDate <= bornOnOrBefore(today, years) ? years : years - 1;
}

export function careFlags(row: { birth_date: string; lives_alone: boolean; deceased_on: string | null }, today: string): CareFlags {
  const alive = row.deceased_on === null;
  const age75 = alive && row.birth_date <= bornOnOrBefore(today, MODEL_WORKER_CARE_AGE);
  const livesAlone = alive && row.lives_alone;
  return { age75, livesAlone, care: age75 || livesAlone };
}

/** The same rule in SQL over the alias `w` of model_workers, for filters and counts. */
export function careSql(today: string): { age75: SQL; alone: SQL; any: SQL } {
  const cutoff = bornOnOrBefore(today, MODEL_WORKER_CARE_AGE);
  const age75 = sql`(w.deceased_on IS NULL AND w.birth_date <= ${cutoff}::date)`;
  const alone = sql`(w.deceased_on IS NULL AND w.lives_alone)`;
  return { age75, alone, any: sql`(${age75} OR ${alone})` };
}

export function careFilterSql(filter: ModelWorkerCareFilter, today: string): SQL {
  const c = careSql(today);
  return filter === 'age75' ? c.age75 : filter === 'alone' ? c.alone : c.any;
}
