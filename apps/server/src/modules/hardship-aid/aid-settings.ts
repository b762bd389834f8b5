import type { Db } from '../../platform/db/db-connection.js';
import { getSetting } from '../../platform/db/settings.repository.js';

/** Applications above this amount go on to the city for approval (市总审批). */
export const CITY_THRESHOLD_SETTING = 'aid.cityApprovalThresholdFen';
export const DEFAULT_CITY_THRESHOLD_FEN = 500_000; // 5,000 元
/** Days an approved application stays on the public 公示 page. */
export const PUBLICITY_DAYS_SETTING = 'aid.publicityDays';
export const DEFAULT_PUBLICITY_DAYS = 5;

export async function cityThresholdFen(db: Db): Promise<number> {
  return (await getSetting<number>(db, CITY_THRESHOLD_SETTING)) ?? DEFAULT_CITY_THRESHOLD_FEN;
}

export async function publicityDays(db: Db): Promise<number> {
  return (await getSetting<number>(db, PUBLICITY_DAYS_SETTING)) ?? DEFAULT_PUBLICITY_DAYS;
}
