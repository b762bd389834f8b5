import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Assessment, Criterion, rateBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import type { Db } from '../db/db-connection.js';
import { conflict, forbidden, invalid, invalidField, type FieldError } from '../http/app-error.js';
import { actOnCase, findInstance } from '../workflow/workflow.service.js';
import { CONFIRM_STEP_KEY, type AssessmentDefinition } from './assessment-definition.js';
import { criteriaOf } from './assessment-template.service.js';
import { assessmentRatings, assessments } from './assessment.schema.js';
import { itemRows, ratingRows, type ItemRow } from './assessment.repository.js';
import { abilitiesOf, getAssessment, indexOfCriterion, loadAssessment, reviewValues, scoreOf, selfValues, type Loaded } from './assessment.service.js';
import { templateByCode } from './assessment-template.service.js';

/** Evidence backs what the union claims: a gate it says it meets, points or a bonus above 0 (deductions are the reviewers'). */
const claimed = (c: Criterion, it: ItemRow | undefined): boolean =>
  c.kind === 'gate' ? it?.self_passed === true : c.kind === 'deduction' ? false : (it?.self_points ?? 0) > 0;

/** Everything the self-assessment must hold before it goes up: each criterion answered, evidence where required. */
async function checkComplete(tx: Db, l: Loaded): Promise<void> {
  const items = await itemRows(tx, l.row.id);
  const errors: FieldError[] = [];
  for (const c of criteriaOf(l.version)) {
    const it = items.find((i) => i.criterion_key === c.key);
    const answered = c.kind === 'gate' ? it?.self_passed !== null && it?.self_passed !== undefined : c.kind === 'points' ? it?.self_points !== null && it?.self_points !== undefined : true;
    if (!answered) errors.push({ path: `items.${c.key}`, message: `请填写“${c.title}”的自评` });
    else if (c.evidenceRequired && (it?.evidence.length ?? 0) === 0 && claimed(c, it)) errors.push({ path: `items.${c.key}.evidence`, message: `“${c.title}”须上传佐证材料` });
  }
  if (errors.length > 0) throw invalid(errors, `自评尚未完成:${errors.map((e) => e.message).join(';')}`);
}

export type FlowAction = 'submit' | 'approve' | 'return' | 'withdraw';

/**
 * Submit (the subject: complete self-assessment, facts read now), approve the review step (at least
 * one rating; the raters' figures give the proposed grade), return with an opinion (either step),
 * withdraw (the subject, before confirmation). Confirmation has its own call.
 */
export async function actOnAssessment(db: Db, def: AssessmentDefinition, auth: AuthContext, actor: Actor, id: string, action: FlowAction, opinion?: string): Promise<Assessment> {
  await db.transaction(async (tx) => {
    const l = await loadAssessment(tx, def, auth, id, true);
    const can = await abilitiesOf(tx, def, auth, l);
    if (action === 'submit' && can.canSubmit) {
      await checkComplete(tx, l);
      const facts = def.facts ? await def.facts(tx, l.row.subject_id) : {};
      const self = scoreOf(l.version, selfValues(await itemRows(tx, id)), facts);
      await tx.update(assessments).set({ facts, selfScore: self.total, updatedAt: sql`now()` }).where(eq(assessments.id, id));
    }
    if (action === 'approve') {
      if (l.row.status === 'reviewed') throw conflict('请使用“确认等级”', 'ILLEGAL_TRANSITION');
      if (can.canApprove) {
        const ratings = await ratingRows(tx, id);
        if (ratings.length === 0) throw invalidField('ratings', '请先逐项评分再提交审核意见');
        const r = scoreOf(l.version, reviewValues(l.version, await itemRows(tx, id), ratings), l.row.facts);
        await tx.update(assessments).set({ reviewScore: r.total, gatesPassed: r.gatesPassed, gradeCode: r.gradeCode, updatedAt: sql`now()` }).where(eq(assessments.id, id));
      }
    }
    const to = await actOnCase(tx, def.workflow, auth, actor, l.inst, { action, opinion });
    if (to === 'in_review') {
      // a unit with no review level above it (e.g. directly under the city) goes straight to confirmation
      const inst = await findInstance(tx, def.workflow.type, id);
      const status = inst?.stepKey === CONFIRM_STEP_KEY ? 'reviewed' : 'submitted';
      await tx.update(assessments).set({ status, updatedAt: sql`now()` }).where(eq(assessments.id, id));
    }
  });
  return getAssessment(db, def, auth, id);
}

/** The confirming level sets the grade from the raters' figures; re-evaluation falls due at the end of the cycle. */
export async function confirmAssessment(db: Db, def: AssessmentDefinition, auth: AuthContext, actor: Actor, id: string, opinion?: string): Promise<Assessment> {
  await db.transaction(async (tx) => {
    const l = await loadAssessment(tx, def, auth, id, true);
    if (l.row.status !== 'reviewed') throw conflict('只有审核通过、待确认的考评可以确认等级', 'ILLEGAL_TRANSITION');
    if (!(await abilitiesOf(tx, def, auth, l)).canConfirm) throw forbidden('确认等级由市总工会办理', 'NOT_YOUR_STEP');
    const r = scoreOf(l.version, reviewValues(l.version, await itemRows(tx, id), await ratingRows(tx, id)), l.row.facts);
    const t = await templateByCode(tx, def.templateCode);
    const dueDate = `${l.row.cycle_year + t.cycleYears - 1}-12-31`;
    await tx
      .update(assessments)
      .set({ finalScore: r.total, gatesPassed: r.gatesPassed, gradeCode: r.gradeCode, dueDate, confirmedAt: sql`now()`, confirmedBy: auth.user.id, updatedAt: sql`now()` })
      .where(eq(assessments.id, id));
    await actOnCase(tx, def.workflow, auth, actor, l.inst, { action: 'approve', opinion });
    await recordAudit(tx, actor, { action: 'assessment.confirm', objectType: def.objectType, objectId: id, detail: { subject: l.row.subject_name, score: r.total, grade: r.gradeCode, gatesPassed: r.gatesPassed, dueDate } }, true);
  });
  return getAssessment(db, def, auth, id);
}

type RateBody = z.infer<typeof rateBodySchema>;

/** One rater's per-criterion scores and comments (upserted: a rater may revise theirs while the review is open). */
export async function rateAssessment(db: Db, def: AssessmentDefinition, auth: AuthContext, actor: Actor, id: string, body: RateBody): Promise<Assessment> {
  await db.transaction(async (tx) => {
    const l = await loadAssessment(tx, def, auth, id, true);
    if (!['submitted', 'reviewed'].includes(l.row.status)) throw conflict('只有审核中、待确认的考评可以评分', 'ILLEGAL_TRANSITION');
    if (!(await abilitiesOf(tx, def, auth, l)).canRate) throw forbidden('您不能为该考评评分');
    const criteria = criteriaOf(l.version);
    const scores: Record<string, unknown> = {};
    for (const [i, v] of body.items.entries()) {
      const c = indexOfCriterion(criteria, v.criterionKey, i);
      if (c.kind === 'gate' && typeof v.passed !== 'boolean') throw invalidField(`items.${i}.passed`, `请评定“${c.title}”是否达到`);
      if (c.kind !== 'gate' && (v.points === null || v.points === undefined)) throw invalidField(`items.${i}.points`, `请填写“${c.title}”的评分`);
      if (c.kind !== 'gate' && (v.points ?? 0) > c.maxPoints) throw invalidField(`items.${i}.points`, `“${c.title}”最高${c.maxPoints}分`);
      const values = { passed: c.kind === 'gate' ? (v.passed ?? null) : null, points: c.kind === 'gate' ? null : (v.points ?? null), comment: v.comment ?? null };
      await tx
        .insert(assessmentRatings)
        .values({ assessmentId: id, criterionKey: c.key, raterId: auth.user.id, raterName: auth.user.name, raterOrgId: auth.user.orgId, raterOrgName: auth.user.orgName, ...values })
        .onConflictDoUpdate({ target: [assessmentRatings.assessmentId, assessmentRatings.criterionKey, assessmentRatings.raterId], set: { ...values, updatedAt: sql`now()` } });
      scores[c.key] = c.kind === 'gate' ? v.passed : v.points;
    }
    await recordAudit(tx, actor, { action: 'assessment.rate', objectType: def.objectType, objectId: id, detail: { scores } }, true);
  });
  return getAssessment(db, def, auth, id);
}

/** Revocation of a confirmed result (a later spot-check, a false statement): the grade no longer holds. Reason required; audited. */
export async function revokeAssessment(db: Db, def: AssessmentDefinition, auth: AuthContext, actor: Actor, id: string, reason: string): Promise<Assessment> {
  await db.transaction(async (tx) => {
    const l = await loadAssessment(tx, def, auth, id, true);
    if (l.row.status !== 'confirmed') throw conflict('只有已确认的考评结果可以撤销', 'ILLEGAL_TRANSITION');
    if (!(await abilitiesOf(tx, def, auth, l)).canRevoke) throw forbidden('撤销由确认等级的上级工会办理');
    await tx.update(assessments).set({ status: 'revoked', revokedAt: sql`now()`, revokedBy: auth.user.id, revokedReason: reason, updatedAt: sql`now()` }).where(eq(assessments.id, id));
    await recordAudit(tx, actor, { action: 'assessment.revoke', objectType: def.objectType, objectId: id, detail: { subject: l.row.subject_name, grade: l.row.grade_code, reason } }, true);
  });
  return getAssessment(db, def, auth, id);
}
