import { sql, type SQL } from 'drizzle-orm';
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
  deadline: Date | string;
}

/** A deadline a recipient org can miss: 签收 of every notice, 报送 of those that ask for a reply. */
interface Stage {
  name: 'sign' | 'reply';
  deadline: SQL;
  /** the receipt still owes this step */
  pending: SQL;
  dueColumn: SQL;
  overdueColumn: SQL;
  due: (title: string, day: string) => { kind: string; title: string; body: string };
  overdue: (title: string, day: string) => { kind: string; title: string; body: string };
}

const STAGES: Stage[] = [
  {
    name: 'sign',
    deadline: sql.raw('n.sign_deadline'),
    pending: sql`r.signed_at IS NULL`,
    dueColumn: sql.raw('due_reminded_at'),
    overdueColumn: sql.raw('overdue_reminded_at'),
    due: (title, day) => ({ kind: 'notice.due', title: `即将到期未签收:${title}`, body: `请于 ${day} 前签收。` }),
    overdue: (title, day) => ({ kind: 'notice.overdue', title: `逾期未签收:${title}`, body: `签收期限 ${day} 已过,请尽快签收。` }),
  },
  {
    name: 'reply',
    deadline: sql.raw('n.reply_deadline'),
    pending: sql`n.reply_required AND n.reply_deadline IS NOT NULL AND r.reply_status IN ('none','draft','returned')`,
    dueColumn: sql.raw('reply_due_reminded_at'),
    overdueColumn: sql.raw('reply_overdue_reminded_at'),
    due: (title, day) => ({ kind: 'notice.reply-due', title: `即将到期未报送:${title}`, body: `请于 ${day} 前报送材料。` }),
    overdue: (title, day) => ({ kind: 'notice.reply-overdue', title: `逾期未报送:${title}`, body: `报送期限 ${day} 已过,请尽快报送(将标记为逾期报送)。` }),
  },
];

async function sweepStage(tx: Db, stage: Stage, at: string, soonEnd: string): Promise<{ due: Due[]; overdue: Due[] }> {
  const overdue = await queryRows<Due>(
    tx,
    sql`UPDATE notice_receipts r SET ${stage.overdueColumn} = ${at}::timestamptz, ${stage.dueColumn} = coalesce(r.${stage.dueColumn}, ${at}::timestamptz)
        FROM notices n WHERE n.id = r.notice_id AND n.status = 'sent' AND ${stage.pending} AND r.${stage.overdueColumn} IS NULL AND ${stage.deadline} < ${at}::timestamptz
        RETURNING r.id, r.org_id, n.id AS notice_id, n.title, ${stage.deadline} AS deadline`,
  );
  const due = await queryRows<Due>(
    tx,
    sql`UPDATE notice_receipts r SET ${stage.dueColumn} = ${at}::timestamptz
        FROM notices n WHERE n.id = r.notice_id AND n.status = 'sent' AND ${stage.pending} AND r.${stage.dueColumn} IS NULL
          AND ${stage.deadline} >= ${at}::timestamptz AND ${stage.deadline} <= ${soonEnd}::timestamptz
        RETURNING r.id, r.org_id, n.id AS notice_id, n.title, ${stage.deadline} AS deadline`,
  );
  for (const r of overdue) await notify(tx, { orgId: r.org_id, ...stage.overdue(r.title, dayOf(r.deadline)), link: `/notice-inbox/${r.id}` });
  for (const r of due) await notify(tx, { orgId: r.org_id, ...stage.due(r.title, dayOf(r.deadline)), link: `/notice-inbox/${r.id}` });
  return { due, overdue };
}

/**
 * 签收 and 报送 reminders, each sent once per recipient org: when the deadline is within 1 工作日
 * (临期), and once when it has passed with the step not done (逾期; a receipt already overdue gets
 * only that one). 报送 reminders go only for notices that ask for a reply, until it is submitted.
 */
export async function sweepNoticeReminders(db: Db, now: Date = new Date()): Promise<{ due: number; overdue: number; replyDue: number; replyOverdue: number }> {
  const soonEnd = deadlineOf(addWorkdays(shanghaiDate(now), 1)).toISOString();
  return db.transaction(async (tx) => {
    const at = now.toISOString();
    const [sign, reply] = [await sweepStage(tx, STAGES[0]!, at, soonEnd), await sweepStage(tx, STAGES[1]!, at, soonEnd)];
    const all = [...sign.due, ...sign.overdue, ...reply.due, ...reply.overdue];
    for (const id of new Set(all.map((r) => r.notice_id))) {
      const of = (rows: Due[]) => rows.filter((r) => r.notice_id === id).length;
      const detail = { step: 'reminders', due: of(sign.due), overdue: of(sign.overdue), replyDue: of(reply.due), replyOverdue: of(reply.overdue) };
      await recordAudit(tx, SYSTEM, { action: 'data.update', objectType: 'notice', objectId: id, detail }, true);
    }
    return { due: sign.due.length, overdue: sign.overdue.length, replyDue: reply.due.length, replyOverdue: reply.overdue.length };
  });
}

export function registerNoticeJobs(jobs: JobRunner): void {
  jobs.registerRecurring(NOTICE_REMINDER_JOB, SWEEP_EVERY_MS, (ctx) => sweepNoticeReminders(ctx.db));
}
