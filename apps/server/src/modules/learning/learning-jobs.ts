import { sql } from 'drizzle-orm';
import type { JobRunner } from '../../platform/jobs/job-runner.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { shanghaiDate, subtractWorkdays } from '../../platform/calendar/work-calendar.js';

export const LEARNING_REMIND_JOB = 'learning.remind';
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Once per assignment, `remind_days` 工作日 before its deadline's date (Beijing time, from the holiday
 * calendar): a message to every assignee who has not finished the course (and an audit row).
 * `reminded_at` makes it once, whatever the job's timing.
 */
export async function remindLearningDeadlines(db: Db, now = new Date()): Promise<{ assignments: number; reminded: number }> {
  return db.transaction(async (tx) => {
    const at = now.toISOString();
    // Candidates: a generous calendar-day window (30 工作日 never span more than 74 days), then the 工作日 rule.
    const open = await queryRows<{ id: string; deadline: string; remind_days: number }>(
      tx,
      sql`SELECT a.id, to_char(a.deadline AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS deadline, a.remind_days FROM learning_assignments a
          WHERE a.reminded_at IS NULL AND a.deadline > ${at}::timestamptz
            AND a.deadline - make_interval(days => a.remind_days * 2 + 14) <= ${at}::timestamptz`,
    );
    const today = shanghaiDate(now);
    const dueIds = open.filter((a) => subtractWorkdays(a.deadline, a.remind_days) <= today).map((a) => a.id);
    const due = dueIds.length === 0 ? [] : await queryRows<{ id: string; course_id: string; title: string; deadline: string }>(
      tx,
      sql`UPDATE learning_assignments a SET reminded_at = ${at}::timestamptz
          FROM learning_courses c
          WHERE c.id = a.course_id AND a.reminded_at IS NULL AND a.id IN (${sql.join(dueIds.map((id) => sql`${id}::uuid`), sql`, `)})
          RETURNING a.id, a.course_id, c.title, to_char(a.deadline AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS deadline`,
    );
    let reminded = 0;
    for (const a of due) {
      const [n] = await queryRows<{ n: number }>(
        tx,
        sql`WITH ins AS (INSERT INTO notifications (user_id, kind, title, link)
              SELECT la.user_id, 'learning.reminder', ${`学习提醒:「${a.title}」将于 ${a.deadline} 截止,请尽快完成`}, ${`/m/learning/${a.course_id}`}
              FROM learning_assignees la LEFT JOIN learning_records r ON r.course_id = la.course_id AND r.user_id = la.user_id
              WHERE la.assignment_id = ${a.id}::uuid AND r.finished_at IS NULL RETURNING 1)
            SELECT count(*)::int AS n FROM ins`,
      );
      reminded += n?.n ?? 0;
      await recordAudit(tx, { userId: null, username: 'system', orgId: null, ip: null }, { action: 'data.update', objectType: 'learning_assignment', objectId: a.id, detail: { reminded: n?.n ?? 0 } }, true);
    }
    return { assignments: due.length, reminded };
  });
}

export function registerLearningJobs(jobs: JobRunner): void {
  jobs.registerRecurring(LEARNING_REMIND_JOB, SWEEP_EVERY_MS, (ctx) => remindLearningDeadlines(ctx.db));
}
