import { sql } from 'drizzle-orm';
import { HAZARD_DEADLINE_WORKDAYS, HAZARD_GRADE_LABELS, type Hazard, type HazardGrade, type HazardReviewBody } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { addWorkdays, shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField } from '../../platform/http/app-error.js';
import { notify } from '../../platform/notify/notify.service.js';
import { actOnCase, findInstance } from '../../platform/workflow/workflow.service.js';
import { appendHazardEvent, type HazardRow } from './hazard.repository.js';
import { hazardAbilities } from './hazard-view.js';
import { HAZARD_WORKFLOW_TYPE, hazardWorkflow } from './hazard-workflow.js';
import { awardPointsOnce } from './hazard-points.js';
import { getHazard, visibleHazard, type HazardContext } from './hazard.service.js';

/** The rectification deadline: `workdays` 工作日 after the Shanghai date of `from` (holidays and 调休 counted). */
export const rectifyDueDate = (from: Date, workdays: number): string => addWorkdays(shanghaiDate(from), workdays);

const who = (auth: AuthContext) => ({ userName: auth.user.name, orgName: auth.user.orgName });

/** Moves the report from `from` to `to` (409 when it moved meanwhile), with the extra columns, an event and the audit row. */
async function move(tx: Db, actor: Actor, auth: AuthContext, r: HazardRow, from: string, to: string, set: ReturnType<typeof sql>, event: { action: string; note: string | null }): Promise<void> {
  const [row] = await queryRows<{ id: string }>(tx, sql`UPDATE hazard_reports SET status = ${to}, ${set}, updated_at = now() WHERE id = ${r.id} AND status = ${from} RETURNING id`);
  if (!row) throw conflict('该报告已被他人处理,请刷新后再试', 'ILLEGAL_TRANSITION');
  await appendHazardEvent(tx, r.id, { action: event.action, note: event.note, ...who(auth) });
  await recordAudit(tx, actor, { action: 'data.update', objectType: 'hazard_report', objectId: r.id, detail: { from, to, action: event.action, note: event.note } }, true);
}

/**
 * Review (the workflow's step): accept with a grade, who must fix it and a deadline in 工作日, so
 * the report goes to rectification; or reject with the reason the reporter sees.
 */
export async function reviewHazard(ctx: HazardContext, auth: AuthContext, actor: Actor, id: string, b: HazardReviewBody): Promise<Hazard> {
  const r = await visibleHazard(ctx.db, auth, id);
  if (r.status !== 'reported') throw conflict('该报告不在待审核状态', 'ILLEGAL_TRANSITION');
  await ctx.db.transaction(async (tx) => {
    const inst = await findInstance(tx, HAZARD_WORKFLOW_TYPE, id);
    if (!inst) throw new Error(`hazard ${id} has no workflow case`);
    const status = await actOnCase(tx, hazardWorkflow, auth, actor, inst, { action: b.decision === 'accept' ? 'approve' : 'reject', opinion: b.opinion ?? null });
    if (status === 'rejected') {
      await move(tx, actor, auth, r, 'reported', 'rejected', sql`reject_reason = ${b.opinion ?? ''}`, { action: 'reject', note: b.opinion ?? null });
      await notify(tx, { userId: r.reporter_user_id, kind: 'hazard.rejected', title: `您上报的隐患 ${r.report_no} 不予受理`, body: b.opinion ?? null, link: `/m/hazards/${id}` });
      return;
    }
    if (status !== 'approved') return; // a further review step (none in this chain today)
    const grade = b.grade as HazardGrade;
    const workdays = b.deadlineWorkdays ?? HAZARD_DEADLINE_WORKDAYS[grade];
    const due = rectifyDueDate(new Date(), workdays);
    const assignee = b.assignee ?? r.enterprise_name;
    const set = sql`grade = ${grade}, assignee = ${assignee}, deadline_workdays = ${workdays}, rectify_due = ${due}::date, assigned_at = now()`;
    await move(tx, actor, auth, r, 'reported', 'rectifying', set, { action: 'assign', note: `${HAZARD_GRADE_LABELS[grade]};整改责任单位:${assignee};整改期限 ${workdays} 个工作日(${due} 前)` });
    await notify(tx, { userId: r.reporter_user_id, kind: 'hazard.accepted', title: `您上报的隐患 ${r.report_no} 已受理,正在整改`, link: `/m/hazards/${id}` });
  });
  return getHazard(ctx, auth, id);
}

/** The responsible side's rectification: what was done, with at least one photo of the rectified place. */
export async function rectifyHazard(ctx: HazardContext, auth: AuthContext, actor: Actor, id: string, note: string): Promise<Hazard> {
  const r = await visibleHazard(ctx.db, auth, id);
  if (r.status !== 'rectifying') throw conflict('该隐患不在整改中', 'ILLEGAL_TRANSITION');
  if (!hazardAbilities(auth, r).canRectify) throw forbidden('您不能登记该隐患的整改情况');
  if (r.rectify_photos.length === 0) throw invalidField('rectifyPhotos', '请至少上传1张整改后照片');
  await ctx.db.transaction((tx) => move(tx, actor, auth, r, 'rectifying', 'rectified', sql`rectify_note = ${note}, rectified_at = now()`, { action: 'rectify', note }));
  return getHazard(ctx, auth, id);
}

/** Verification: passed (the reporter's points, once) or back to rectification with a new deadline. */
export async function verifyHazard(ctx: HazardContext, auth: AuthContext, actor: Actor, id: string, b: { passed: boolean; note?: string }): Promise<Hazard> {
  const r = await visibleHazard(ctx.db, auth, id);
  if (r.status !== 'rectified') throw conflict('该隐患不在待验收状态', 'ILLEGAL_TRANSITION');
  if (!hazardAbilities(auth, r).canVerify) throw forbidden('您不能验收该隐患整改');
  await ctx.db.transaction(async (tx) => {
    if (!b.passed) {
      const due = rectifyDueDate(new Date(), r.deadline_workdays ?? HAZARD_DEADLINE_WORKDAYS.general);
      await move(tx, actor, auth, r, 'rectified', 'rectifying', sql`verify_note = ${b.note ?? null}, rectify_due = ${due}::date, assigned_at = now()`, { action: 'return', note: `${b.note ?? ''}(重新整改,${due} 前)` });
      return;
    }
    await move(tx, actor, auth, r, 'rectified', 'verified', sql`verify_note = ${b.note ?? null}, verified_at = now()`, { action: 'verify', note: b.note ?? null });
    await awardPointsOnce(tx, { id: r.id, grade: r.grade as HazardGrade, reporterUserId: r.reporter_user_id, reporterMemberId: r.reporter_member_id, reportNo: r.report_no });
  });
  return getHazard(ctx, auth, id);
}

/** 销号: the verified hazard is closed. */
export async function closeHazard(ctx: HazardContext, auth: AuthContext, actor: Actor, id: string, note: string | undefined): Promise<Hazard> {
  const r = await visibleHazard(ctx.db, auth, id);
  if (r.status !== 'verified') throw conflict('只有已验收的隐患可以销号', 'ILLEGAL_TRANSITION');
  if (!hazardAbilities(auth, r).canClose) throw forbidden('您不能为该隐患销号');
  await ctx.db.transaction((tx) => move(tx, actor, auth, r, 'verified', 'closed', sql`closed_at = now()`, { action: 'close', note: note ?? null }));
  return getHazard(ctx, auth, id);
}
