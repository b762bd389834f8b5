import { sql } from 'drizzle-orm';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notify } from '../../platform/notify/notify.service.js';
import { cadreSettings, cadreToday } from './cadre-settings.js';

export const CADRE_TERM_REMINDER_JOB = 'cadre.term-reminder';
const DAILY_MS = 24 * 60 * 60_000;

interface Reminded {
  id: string;
  org_id: string;
  parent_id: string | null;
  org_name: string;
  term_no: number;
  term_end: string;
}

const SYSTEM = { userId: null, username: 'system', orgId: null, ip: null };

/**
 * 换届提醒, once per threshold: when a current committee's term enters its last N days (configurable,
 * default 90), and when it has ended without 换届. Each goes to the union and the union above it.
 * A committee whose end has already passed gets only the overdue message.
 */
export async function remindTermExpiry(db: Db, now = new Date()): Promise<{ due: number; overdue: number }> {
  const { today } = cadreToday(now);
  const days = (await cadreSettings(db)).termReminderDays;
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const ret = sql`RETURNING cc.id, cc.org_id, o.parent_id, o.name AS org_name, cc.term_no, cc.term_end::text AS term_end`;
    const overdue = await queryRows<Reminded>(
      tx,
      sql`UPDATE cadre_committees cc SET expired_notified_at = ${at}::timestamptz, expiring_notified_at = coalesce(cc.expiring_notified_at, ${at}::timestamptz)
          FROM orgs o WHERE o.id = cc.org_id AND cc.status = 'current' AND cc.expired_notified_at IS NULL AND cc.term_end < ${today}::date ${ret}`,
    );
    const due = await queryRows<Reminded>(
      tx,
      sql`UPDATE cadre_committees cc SET expiring_notified_at = ${at}::timestamptz
          FROM orgs o WHERE o.id = cc.org_id AND cc.status = 'current' AND cc.expiring_notified_at IS NULL AND cc.term_end >= ${today}::date AND cc.term_end <= ${today}::date + ${days}::int ${ret}`,
    );
    const send = async (r: Reminded, kind: 'due' | 'overdue') => {
      const title =
        kind === 'due'
          ? `换届提醒:${r.org_name}第${r.term_no}届委员会任期将于 ${r.term_end} 届满,请及早筹备换届`
          : `换届逾期:${r.org_name}第${r.term_no}届委员会任期已于 ${r.term_end} 届满,尚未换届`;
      for (const orgId of [r.org_id, r.parent_id]) if (orgId) await notify(tx, { orgId, kind: `cadre.term-${kind}`, title, link: `/cadres/committees/${r.id}` });
      await recordAudit(tx, SYSTEM, { action: 'data.update', objectType: 'cadre_committee', objectId: r.id, detail: { reminder: kind, termEnd: r.term_end } }, true);
    };
    for (const r of overdue) await send(r, 'overdue');
    for (const r of due) await send(r, 'due');
    return { due: due.length, overdue: overdue.length };
  });
}

export function registerCadreJobs(jobs: JobRunner): void {
  jobs.registerRecurring(CADRE_TERM_REMINDER_JOB, DAILY_MS, (ctx) => remindTermExpiry(ctx.db));
}
