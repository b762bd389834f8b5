import { DEFAULT_CADRE_HOUR_TARGETS, DEFAULT_TERM_REMINDER_DAYS, DEFAULT_TERM_YEARS, type CadreSettings } from '@gonghui/contracts';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { getSetting, setSetting } from '../../platform/db/settings.repository.js';

const KEY = 'cadres.settings';

/** Our defaults (see DEFAULT_* in the contracts): 90-day reminder, 5-year term, 24/12 学时 a year. */
export const DEFAULT_CADRE_SETTINGS: CadreSettings = { termReminderDays: DEFAULT_TERM_REMINDER_DAYS, defaultTermYears: DEFAULT_TERM_YEARS, hourTargets: [] };

export async function cadreSettings(db: Db): Promise<CadreSettings> {
  const stored = await getSetting<Partial<CadreSettings>>(db, KEY);
  return { ...DEFAULT_CADRE_SETTINGS, ...(stored ?? {}) };
}

export async function saveCadreSettings(db: Db, actor: Actor, body: CadreSettings): Promise<CadreSettings> {
  await db.transaction(async (tx) => {
    const before = await cadreSettings(tx);
    await setSetting(tx, KEY, body);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'cadre_settings', objectId: KEY, detail: changeDetail(before, body) }, true);
  });
  return cadreSettings(db);
}

/** The yearly 学时 target for a year (the configured one, else our default), in hours. */
export function hourTarget(s: CadreSettings, year: number): { fullTime: number; partTime: number } {
  const t = s.hourTargets.find((x) => x.year === year);
  return t ? { fullTime: t.fullTime, partTime: t.partTime } : { ...DEFAULT_CADRE_HOUR_TARGETS };
}

export const targetTenths = (s: CadreSettings, year: number) => {
  const t = hourTarget(s, year);
  return { fullTime: Math.round(t.fullTime * 10), partTime: Math.round(t.partTime * 10) };
};

/** Today in Asia/Shanghai and its year. */
export function cadreToday(now = new Date()): { today: string; year: number } {
  const today = shanghaiDate(now);
  return { today, year: Number(today.slice(0, 4)) };
}

export const tenthsToHours = (n: number | string | null | undefined): number => Math.round(Number(n ?? 0)) / 10;

