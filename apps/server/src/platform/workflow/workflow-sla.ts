import { and, eq, isNull, sql } from 'drizzle-orm';
import { addWorkdays, shanghaiDate } from '../calendar/work-calendar.js';
import type { Db } from '../db/db-connection.js';
import { notify } from '../notify/notify.service.js';
import { parentOrgId } from '../org/org.repository.js';
import type { WorkflowDefinition } from './workflow-definition.js';
import { workflowEvents, workflowInstances } from './workflow.schema.js';

const DEFAULT_ESCALATE_AFTER = 3;

/**
 * SLA in 工作日: a step past its due date gets one reminder to the acting org; still untouched
 * `escalateAfterWorkdays` 工作日 later it is escalated to that org's parent (督办). Both go into
 * the timeline. Returns how many reminders and escalations were sent.
 */
export async function runSlaSweep(db: Db, def: WorkflowDefinition, now = new Date()): Promise<{ reminded: number; escalated: number }> {
  const today = shanghaiDate(now);
  const late = await db
    .select()
    .from(workflowInstances)
    .where(and(eq(workflowInstances.businessType, def.type), eq(workflowInstances.status, 'in_review'), sql`${workflowInstances.stepDueDate} < ${today}::date`, isNull(workflowInstances.escalatedAt)));
  let reminded = 0;
  let escalated = 0;
  for (const inst of late) {
    const step = inst.stepIndex === null ? null : def.steps[inst.stepIndex];
    if (!step || !inst.assigneeOrgId || !inst.stepDueDate) continue;
    const escalateOn = addWorkdays(inst.stepDueDate, def.escalateAfterWorkdays ?? DEFAULT_ESCALATE_AFTER);
    const escalate = inst.remindedAt !== null && escalateOn < today;
    if (inst.remindedAt !== null && !escalate) continue;
    const link = `/workflow/${def.type}/${inst.businessId}`;
    await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(workflowInstances)
        .set(escalate ? { escalatedAt: now } : { remindedAt: now })
        .where(and(eq(workflowInstances.id, inst.id), eq(workflowInstances.version, inst.version), escalate ? isNull(workflowInstances.escalatedAt) : isNull(workflowInstances.remindedAt)))
        .returning({ id: workflowInstances.id });
      if (!claimed) return; // acted on, or another process swept it
      await tx.insert(workflowEvents).values({
        instanceId: inst.id,
        action: escalate ? 'escalate' : 'remind',
        fromStatus: inst.status,
        toStatus: inst.status,
        stepKey: step.key,
        stepLabel: step.label,
        userName: '系统(时限管理)',
        opinion: escalate ? `「${step.label}」超过办理时限(${inst.stepDueDate})${def.escalateAfterWorkdays ?? DEFAULT_ESCALATE_AFTER}个工作日仍未办理,已报上级督办` : `「${step.label}」已超过办理时限(${inst.stepDueDate}),请尽快办理`,
      });
      const target = escalate ? await parentOrgId(tx, inst.assigneeOrgId!) : inst.assigneeOrgId;
      if (target) {
        await notify(tx, {
          orgId: target,
          kind: escalate ? 'workflow.escalate' : 'workflow.remind',
          title: escalate ? `督办:${inst.publicName ?? ''}${step.label}超期未办` : `提醒:${inst.publicName ?? ''}${step.label}已超期`,
          body: `${inst.publicSummary ?? ''}(办理时限 ${inst.stepDueDate})`,
          link,
        });
      }
      if (escalate) escalated++;
      else reminded++;
    });
  }
  return { reminded, escalated };
}
