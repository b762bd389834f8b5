import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { shanghaiDate } from '../calendar/work-calendar.js';
import type { Db } from '../db/db-connection.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { notify } from '../notify/notify.service.js';
import { parentOrgId } from '../org/org.repository.js';
import { trackingKinds, type TrackingKind } from './tracking-kind.js';
import { addDays } from './tracking-state.js';
import { trackedItems } from './tracking.schema.js';

export const TRACKING_SWEEP_JOB = 'tracking.sweep';
const SWEEP_EVERY_MS = 60 * 60_000;
const SYSTEM: Actor = { userId: null, username: 'system', orgId: null, ip: null };

type Step = 'remind' | 'escalate';

/**
 * Claims one step of one item (reminded_at / escalated_at still empty, item still open) and sends
 * its messages in the same transaction: whoever claims first sends, a second sweep finds nothing.
 */
async function sendOnce(db: Db, kind: TrackingKind, item: typeof trackedItems.$inferSelect, step: Step, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const stamp = step === 'remind' ? trackedItems.remindedAt : trackedItems.escalatedAt;
    const [claimed] = await tx
      .update(trackedItems)
      .set(step === 'remind' ? { remindedAt: now } : { escalatedAt: now })
      .where(and(eq(trackedItems.id, item.id), eq(trackedItems.status, 'open'), isNull(stamp)))
      .returning({ id: trackedItems.id });
    if (!claimed) return false;
    const link = kind.link(item.businessId, item.id);
    if (step === 'remind') {
      await notify(tx, { orgId: item.ownerOrgId, kind: `${kind.kind}.remind`, title: `提醒:${kind.label}「${item.title}」将于 ${item.deadline} 到期`, body: `当前进度 ${item.percent}%,请按期完成并报告进展。`, link });
    } else {
      const targets = new Set<string>([item.supervisorOrgId]);
      const parent = await parentOrgId(tx, item.ownerOrgId);
      if (parent) targets.add(parent);
      targets.delete(item.ownerOrgId);
      for (const orgId of targets) {
        await notify(tx, { orgId, kind: `${kind.kind}.escalate`, title: `督办:${kind.label}「${item.title}」已逾期`, body: `完成时限 ${item.deadline},当前进度 ${item.percent}%,请督促责任单位落实。`, link });
      }
      await notify(tx, { orgId: item.ownerOrgId, kind: `${kind.kind}.overdue`, title: `逾期:${kind.label}「${item.title}」已超过完成时限 ${item.deadline}`, body: '已报上级督办,请尽快落实并报告进展。', link });
    }
    await recordAudit(tx, SYSTEM, { action: 'data.update', objectType: 'tracked_item', objectId: item.id, detail: { kind: kind.kind, step, deadline: item.deadline } }, true);
    return true;
  });
}

/**
 * Reminders and escalation of every configured kind: an open item within `remindDaysBefore` days of
 * its deadline (Asia/Shanghai) reminds its owner once; past the deadline it is escalated once to the
 * owner's parent org and the supervising org. Returns how many of each were sent.
 */
export async function runTrackingSweep(db: Db, now: Date = new Date()): Promise<{ reminded: number; escalated: number }> {
  const today = shanghaiDate(now);
  let reminded = 0;
  let escalated = 0;
  for (const kind of trackingKinds()) {
    const due = await db
      .select()
      .from(trackedItems)
      .where(
        and(
          eq(trackedItems.kind, kind.kind),
          eq(trackedItems.status, 'open'),
          sql`((${trackedItems.escalatedAt} IS NULL AND ${trackedItems.deadline} < ${today}::date)
            OR (${trackedItems.remindedAt} IS NULL AND ${trackedItems.deadline} >= ${today}::date AND ${trackedItems.deadline} <= ${addDays(today, kind.remindDaysBefore)}::date))`,
        ),
      );
    for (const item of due) {
      if (item.deadline < today) {
        if (await sendOnce(db, kind, item, 'escalate', now)) escalated++;
      } else if (await sendOnce(db, kind, item, 'remind', now)) reminded++;
    }
  }
  return { reminded, escalated };
}

export function registerTrackingJobs(jobs: JobRunner): void {
  jobs.registerRecurring(TRACKING_SWEEP_JOB, SWEEP_EVERY_MS, (ctx) => runTrackingSweep(ctx.db));
}
