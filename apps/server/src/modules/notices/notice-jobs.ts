import { sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { addWorkdays, shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { notify } from '../../platform/notify/notify.service.js';
import { dayOf, deadlineOf } from './notice-view.js';

export const NOTICE_REMINDER_JOB = 'notices.reminders';
const SWEEP_EVERY_MS = 30 * 60_000;
const SYSTEM: Actor = { userId: null, username: 'system', orgId: null, ip: null };

interface Due {
  id: string;
  org_id: string;
  notice_id: string;
  title: string;
  sign_deadline: Date | string;
}

/**
 * 签收提醒, each sent once per recipient org: when the sign deadline is within 1 工作日 (临期), and
 * once when it has passed unsigned (逾期; a receipt already overdue gets only that one).
 */
export async function sweepNoticeReminders(db: Db, now: Date = new Date()): Promise<{ due: number; overdue: number }> {
  const soonEnd = deadlineOf(addWorkdays(shanghaiDate(now), 1));
  return db.transaction(async (tx) => {
    const at = now.toISOString();
    const overdue = await queryRows<Due>(
      tx,
      sql`UPDATE notice_receipts r SET overdue_reminded_at = ${at}::timestamptz, due_reminded_at = coalesce(r.due_reminded_at, ${at}::timestamptz)
          FROM notices n WHERE n.id = r.notice_id AND n.status = 'sent' AND r.signed_at IS NULL AND r.overdue_reminded_at IS NULL AND n.sign_deadline < ${at}::timestamptz
          RETURNING r.id, r.org_id, n.id AS notice_id, n.title, n.sign_deadline`,
    );
    const due = await queryRows<Due>(
      tx,
      sql`UPDATE notice_receipts r SET due_reminded_at = ${at}::timestamptz
          FROM notices n WHERE n.id = r.notice_id AND n.status = 'sent' AND r.signed_at IS NULL AND r.due_reminded_at IS NULL
            AND n.sign_deadline >= ${at}::timestamptz AND n.sign_deadline <= ${soonEnd.toISOString()}::timestamptz
          RETURNING r.id, r.org_id, n.id AS notice_id, n.title, n.sign_deadline`,
    );
    for (const r of overdue) {
      await notify(tx, { orgId: r.org_id, kind: 'notice.overdue', title: `逾期未签收:${r.title}`, body: `签收期限 ${dayOf(r.sign_deadline)} 已过,请尽快签收。`, link: `/notice-inbox/${r.id}` });
    }
    for (const r of due) {
      await notify(tx, { orgId: r.org_id, kind: 'notice.due', title: `即将到期未签收:${r.title}`, body: `请于 ${dayOf(r.sign_deadline)} 前签收。`, link: `/notice-inbox/${r.id}` });
    }
    const notices = [...new Set([...overdue, ...due].map((r) => r.notice_id))];
    for (const id of notices) {
      const detail = { step: 'reminders', due: due.filter((r) => r.notice_id === id).length, overdue: overdue.filter((r) => r.notice_id === id).length };
      await recordAudit(tx, SYSTEM, { action: 'data.update', objectType: 'notice', objectId: id, detail }, true);
    }
    return { due: due.length, overdue: overdue.length };
  });
}

export function registerNoticeJobs(jobs: JobRunner): void {
  jobs.registerRecurring(NOTICE_REMINDER_JOB, SWEEP_EVERY_MS, (ctx) => sweepNoticeReminders(ctx.db));
}
