import { and, eq, isNull, sql } from 'drizzle-orm';
import { RIGHTS_OUTCOME_LABELS, RIGHTS_STEP_LABELS, type RightsCase, type RightsCloseBody, type RightsPhase, type RightsSatisfaction, type RightsStepBody } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField } from '../../platform/http/app-error.js';
import { actOnCase, workflowAbilities } from '../../platform/workflow/workflow.service.js';
import { notify } from '../../platform/notify/notify.service.js';
import type { RightsCaseRow } from './rights-case.repository.js';
import { rightsCases, rightsCaseSteps } from './rights-case.schema.js';
import { getMyRightsCase, getRightsCase, rightsInstance, visibleRightsRow, workflowOf, type RightsContext } from './rights-case.service.js';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function setPhase(tx: Db, id: string, phase: RightsPhase, extra: Partial<typeof rightsCases.$inferInsert> = {}): Promise<void> {
  await tx.update(rightsCases).set({ phase, ...extra, updatedAt: sql`now()` }).where(eq(rightsCases.id, id));
}

/** Tells the worker who filed on H5 (the link opens their case on the phone). */
async function tellWorker(tx: Db, row: RightsCaseRow, title: string, body: string): Promise<void> {
  if (!row.worker_user_id) return;
  await notify(tx, { userId: row.worker_user_id, kind: 'rights.case', title, body, link: `/m/rights/${row.id}` });
}

/** The case's current step must be the caller's to act on, at the given stage (403 otherwise, 409 at another stage). */
async function handlerCheck(tx: Db, auth: AuthContext, row: RightsCaseRow, stage: 'accept' | 'handle') {
  const def = workflowOf(row.urgency);
  const inst = await rightsInstance(tx, row);
  if (inst.status !== 'in_review' || !(inst.stepKey ?? '').startsWith(stage)) throw conflict(stage === 'accept' ? '该案件已受理或已办结' : '该案件尚未受理或已办结', 'ILLEGAL_TRANSITION');
  const can = await workflowAbilities(tx, def, auth, inst);
  if (!can.canApprove) throw forbidden('该案件由承办工会办理', 'NOT_YOUR_STEP');
  return { def, inst };
}

/** 受理 or 不予受理 (with the reason the worker is told). */
export async function acceptRightsCase(ctx: RightsContext, auth: AuthContext, actor: Actor, id: string, body: { decision: 'accept' | 'reject'; opinion?: string }): Promise<RightsCase> {
  const row = await visibleRightsRow(ctx.db, auth, id);
  await ctx.db.transaction(async (tx) => {
    const { def, inst } = await handlerCheck(tx, auth, row, 'accept');
    const accept = body.decision === 'accept';
    await actOnCase(tx, def, auth, actor, inst, { action: accept ? 'approve' : 'reject', opinion: body.opinion ?? (accept ? '予以受理' : null) });
    await setPhase(tx, id, accept ? 'accepted' : 'rejected');
    await tellWorker(tx, row, accept ? `您的维权求助已受理(${row.case_no})` : `您的维权求助不予受理(${row.case_no})`, accept ? `${row.org_name}已受理,将尽快与您联系` : (body.opinion ?? ''));
  });
  return getRightsCase(ctx, auth, id);
}

const PHASE_OF_STEP: Record<RightsStepBody['kind'], RightsPhase | null> = { consultation: null, mediation: 'mediation', legal_aid: 'referred', arbitration: 'referred' };

/** One handling step (咨询解答, 调解, 法律援助转介, 仲裁支持) with its date, handler and note. */
export async function addRightsStep(ctx: RightsContext, auth: AuthContext, actor: Actor, id: string, body: RightsStepBody): Promise<RightsCase> {
  const row = await visibleRightsRow(ctx.db, auth, id);
  const today = shanghaiDate(new Date());
  if (body.stepDate > today) throw invalidField('stepDate', '办理日期不能晚于今天');
  if (body.stepDate < shanghaiDate(new Date(row.received_at))) throw invalidField('stepDate', '办理日期不能早于求助日期');
  await ctx.db.transaction(async (tx) => {
    await handlerCheck(tx, auth, row, 'handle');
    const [step] = await tx
      .insert(rightsCaseSteps)
      .values({ caseId: id, kind: body.kind, stepDate: body.stepDate, handler: body.handler ?? auth.user.name, note: body.note, userId: auth.user.id, orgName: auth.user.orgName })
      .returning({ id: rightsCaseSteps.id });
    const phase = PHASE_OF_STEP[body.kind];
    if (phase) await setPhase(tx, id, phase);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rights_case', objectId: id, detail: { step: step!.id, kind: body.kind, stepDate: body.stepDate } }, true);
    await tellWorker(tx, row, `维权案件进展:${RIGHTS_STEP_LABELS[body.kind]}(${row.case_no})`, body.note.slice(0, 100));
  });
  return getRightsCase(ctx, auth, id);
}

/** 结案: outcome, the amount recovered (分) and the workers paid; the worker is asked to rate it. */
export async function closeRightsCase(ctx: RightsContext, auth: AuthContext, actor: Actor, id: string, body: RightsCloseBody): Promise<RightsCase> {
  const row = await visibleRightsRow(ctx.db, auth, id);
  if (body.workersPaid > row.workers_affected) throw invalidField('workersPaid', `已兑付人数不能超过涉及人数(${row.workers_affected}人)`);
  if (row.category === 'wage_arrears' && body.outcome === 'resolved' && body.amountRecoveredFen <= 0) throw invalidField('amountRecoveredFen', '欠薪案件办结为“已解决”须填写追回金额');
  if (body.amountRecoveredFen > 0 && body.workersPaid === 0) throw invalidField('workersPaid', '追回欠薪请填写已兑付人数');
  await ctx.db.transaction(async (tx) => {
    const { def, inst } = await handlerCheck(tx, auth, row, 'handle');
    const opinion = `结案:${RIGHTS_OUTCOME_LABELS[body.outcome]}${body.amountRecoveredFen ? `,追回 ${yuan(body.amountRecoveredFen)} 元,兑付 ${body.workersPaid} 人` : ''}。${body.note}`;
    await actOnCase(tx, def, auth, actor, inst, { action: 'approve', opinion });
    await setPhase(tx, id, 'closed', { outcome: body.outcome, amountRecoveredFen: body.amountRecoveredFen, workersPaid: body.workersPaid, closingNote: body.note, closedAt: new Date() });
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rights_case', objectId: id, detail: { close: body.outcome, amountRecoveredFen: body.amountRecoveredFen, workersPaid: body.workersPaid } }, true);
    await tellWorker(tx, row, `您的维权案件已办结(${row.case_no})`, `${opinion} 请在“我的维权”中评价办理情况。`);
  });
  return getRightsCase(ctx, auth, id);
}

/** The worker withdraws their request before it is accepted. */
export async function withdrawMyRightsCase(ctx: RightsContext, auth: AuthContext, actor: Actor, id: string): Promise<RightsCase> {
  const current = await getMyRightsCase(ctx, auth, id);
  if (!current.abilities.canWithdraw) throw conflict('已受理的案件不能撤回,请联系承办工会', 'ILLEGAL_TRANSITION');
  await ctx.db.transaction(async (tx) => {
    const row = await visibleRightsRow(tx, auth, id);
    await actOnCase(tx, workflowOf(row.urgency), auth, actor, await rightsInstance(tx, row), { action: 'withdraw', opinion: '职工本人撤回' });
    await setPhase(tx, id, 'withdrawn');
  });
  return getMyRightsCase(ctx, auth, id);
}

/** The worker's satisfaction with a closed case: once. */
export async function rateMyRightsCase(ctx: RightsContext, auth: AuthContext, actor: Actor, id: string, body: { satisfaction: RightsSatisfaction; comment?: string }): Promise<RightsCase> {
  const current = await getMyRightsCase(ctx, auth, id);
  if (current.phase !== 'closed') throw conflict('案件办结后才能评价', 'ILLEGAL_TRANSITION');
  await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(rightsCases)
      .set({ satisfaction: body.satisfaction, satisfactionComment: body.comment ?? null, ratedAt: new Date(), updatedAt: sql`now()` })
      .where(and(eq(rightsCases.id, id), eq(rightsCases.phase, 'closed'), isNull(rightsCases.satisfaction)))
      .returning({ id: rightsCases.id });
    if (!done) throw conflict('您已评价过该案件', 'ALREADY_RATED');
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'rights_case', objectId: id, detail: { satisfaction: body.satisfaction } }, true);
  });
  return getMyRightsCase(ctx, auth, id);
}
