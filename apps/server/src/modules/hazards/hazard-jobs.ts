import { sql } from 'drizzle-orm';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notify } from '../../platform/notify/notify.service.js';
import { appendHazardEvent } from './hazard.repository.js';

export const HAZARD_OVERDUE_JOB = 'hazard.overdue';
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Rectifications past their last day (Asia/Shanghai) are flagged once: marked overdue, a line in the
 * history, the audit row, and a message to the responsible union and its district.
 */
export async function markOverdueHazards(db: Db, now = new Date()): Promise<{ flagged: number }> {
  const today = shanghaiDate(now);
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; report_no: string; org_id: string; district_org_id: string; enterprise_name: string; rectify_due: string }>(
      tx,
      sql`UPDATE hazard_reports SET overdue_at = ${now.toISOString()}::timestamptz, updated_at = now()
          WHERE status = 'rectifying' AND overdue_at IS NULL AND rectify_due < ${today}::date
          RETURNING id, report_no, org_id, district_org_id, enterprise_name, rectify_due::text AS rectify_due`,
    );
    for (const r of rows) {
      const title = `隐患整改逾期:${r.enterprise_name}(${r.report_no},期限 ${r.rectify_due})`;
      await appendHazardEvent(tx, r.id, { action: 'overdue', note: `整改期限 ${r.rectify_due} 已过`, userName: '系统(逾期检查)', orgName: null });
      await notify(tx, { orgId: r.org_id, kind: 'hazard.overdue', title, link: `/hazards/${r.id}` });
      if (r.district_org_id !== r.org_id) await notify(tx, { orgId: r.district_org_id, kind: 'hazard.overdue', title, link: `/hazards/${r.id}` });
      await recordAudit(tx, { userId: null, username: 'system', orgId: null, ip: null }, { action: 'data.update', objectType: 'hazard_report', objectId: r.id, detail: { overdue: true, rectifyDue: r.rectify_due } }, true);
    }
    return { flagged: rows.length };
  });
}

export function registerHazardJobs(jobs: JobRunner): void {
  jobs.registerRecurring(HAZARD_OVERDUE_JOB, SWEEP_EVERY_MS, (ctx) => markOverdueHazards(ctx.db));
}
