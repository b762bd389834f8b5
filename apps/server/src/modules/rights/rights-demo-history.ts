import { sql } from 'drizzle-orm';
import { addWorkdays, shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { RIGHTS_WORKFLOWS } from './rights-workflow.js';

const DAY = 86_400_000;

/** Demo only: the case was received `daysAgo` days ago (before its steps are recorded, which may not predate it). */
export async function backdateCase(db: Db, id: string, daysAgo: number): Promise<void> {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString();
  await db.execute(sql`UPDATE rights_cases SET received_at = ${at}::timestamptz, created_at = ${at}::timestamptz WHERE id = ${id}`);
}

/**
 * Demo only: dates what the seed did just now back over the days since the case came in (the
 * timeline itself is append-only and keeps the seed's time): the steps on their dates, acceptance
 * the day after receipt, closing after the last step, and the current step's start and due date
 * (in 工作日) from then, so late cases are late.
 */
export async function spreadHistory(db: Db, id: string, daysAgo: number): Promise<void> {
  const [inst] = await queryRows<{ id: string; business_type: string; status: string; step_index: number | null; step_key: string | null }>(
    db,
    sql`SELECT id, business_type, status, step_index, step_key FROM workflow_instances WHERE business_id = ${id}`,
  );
  if (!inst) return;
  const [lastStep] = await queryRows<{ d: string | null }>(db, sql`SELECT max(step_date)::text AS d FROM rights_case_steps WHERE case_id = ${id}`);
  const received = Date.now() - daysAgo * DAY;
  const accepted = Math.min(received + DAY, Date.now() - 3_600_000);
  const last = lastStep?.d ? Math.min(Date.parse(`${lastStep.d}T08:00:00Z`) + DAY, Date.now() - 3_600_000) : accepted;
  const startedAt = (inst.step_key ?? '').startsWith('accept') ? received : accepted;
  await db.execute(sql`UPDATE rights_case_steps SET created_at = (step_date::timestamp + interval '10 hours') AT TIME ZONE 'Asia/Shanghai' WHERE case_id = ${id}`);
  await db.execute(sql`UPDATE rights_cases SET closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE ${new Date(last).toISOString()}::timestamptz END,
      rated_at = CASE WHEN rated_at IS NULL THEN NULL ELSE ${new Date(last).toISOString()}::timestamptz END WHERE id = ${id}`);
  const def = Object.values(RIGHTS_WORKFLOWS).find((d) => d.type === inst.business_type)!;
  const step = inst.step_index === null ? null : def.steps[inst.step_index];
  const due = inst.status === 'in_review' && step ? addWorkdays(shanghaiDate(new Date(startedAt)), step.slaWorkdays) : null;
  await db.execute(sql`UPDATE workflow_instances SET created_at = ${new Date(received).toISOString()}::timestamptz,
      step_started_at = CASE WHEN status = 'in_review' THEN ${new Date(startedAt).toISOString()}::timestamptz ELSE NULL END, step_due_date = ${due}::date,
      finished_at = CASE WHEN finished_at IS NULL THEN NULL ELSE ${new Date(last).toISOString()}::timestamptz END WHERE id = ${inst.id}`);
}
