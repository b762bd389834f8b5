import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ASSESSMENT_STATUS_LABELS, type Assessment, type AssessmentStatus, type Criterion, type ScoreResult, type SubjectKind, type selfAssessmentBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import { changeDetail } from '../audit/audit-change.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { scopeIncludesOrg } from '../access/data-scope.js';
import type { Db } from '../db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../http/app-error.js';
import { createCase, findInstance, workflowAbilities, workflowTimeline, type TimelineActor, type WorkflowInstance } from '../workflow/workflow.service.js';
import { CONFIRM_STEP_KEY, type AssessmentDefinition } from './assessment-definition.js';
import { aggregateGate, aggregatePoints, gradeOf, type CriterionValue } from './assessment-scoring.js';
import { criteriaOf, currentVersion, gradesOf, templateByCode, versionById, type VersionRow } from './assessment-template.service.js';
import { assessmentItems, assessments } from './assessment.schema.js';
import { findAssessmentRow, itemRows, ratingRows, type AssessmentRow, type ItemRow, type RatingRow } from './assessment.repository.js';

export interface Loaded {
  row: AssessmentRow;
  version: VersionRow;
  inst: WorkflowInstance;
}

/** The assessment in the caller's scope with its version and workflow case (404 outside). */
export async function loadAssessment(db: Db, def: AssessmentDefinition, auth: AuthContext, id: string, lock = false): Promise<Loaded> {
  const t = await templateByCode(db, def.templateCode);
  const row = await findAssessmentRow(db, auth.scope, t.id, id, lock);
  if (!row) throw notFound(`${def.label}考评`);
  const inst = await findInstance(db, def.workflow.type, id);
  if (!inst) throw new Error(`assessment ${id} has no workflow case`);
  return { row, version: await versionById(db, row.version_id), inst };
}

export const selfValues = (items: ItemRow[]): Map<string, CriterionValue> => new Map(items.map((i) => [i.criterion_key, { passed: i.self_passed, points: i.self_points }]));

/** The raters' figures per criterion by the version's rule; a criterion nobody rated keeps the self-assessment. */
export function reviewValues(version: VersionRow, items: ItemRow[], ratings: RatingRow[]): Map<string, CriterionValue> {
  const values = selfValues(items);
  for (const c of criteriaOf(version)) {
    const mine = ratings.filter((r) => r.criterion_key === c.key);
    if (mine.length === 0) continue;
    if (c.kind === 'gate') values.set(c.key, { passed: aggregateGate(mine.map((r) => r.passed === true)) });
    else values.set(c.key, { points: aggregatePoints(mine.flatMap((r) => (r.points === null ? [] : [r.points])), version.aggregation as 'mean' | 'trimmed_mean') });
  }
  return values;
}

export const scoreOf = (version: VersionRow, values: Map<string, CriterionValue>, facts: Record<string, number | null>): ScoreResult =>
  gradeOf({ criteria: criteriaOf(version), grades: gradesOf(version), gateCap: version.gateCap }, values, facts);

export async function abilitiesOf(db: Db, def: AssessmentDefinition, auth: AuthContext, l: Loaded): Promise<Assessment['abilities']> {
  const wf = await workflowAbilities(db, def.workflow, auth, l.inst);
  const status = l.row.status as AssessmentStatus;
  const atConfirm = l.inst.stepKey === CONFIRM_STEP_KEY;
  const inScope = await scopeIncludesOrg(db, auth.scope, l.row.org_id);
  return {
    canEdit: wf.canEdit,
    canSubmit: wf.canSubmit,
    // raters of the review step; at confirmation the confirming level may still adjust scores
    canRate: (status === 'submitted' || (status === 'reviewed' && auth.permissions.has(def.confirmPermission))) && auth.permissions.has(def.reviewPermission) && auth.user.orgId !== l.row.org_id && inScope,
    canApprove: wf.canApprove && !atConfirm,
    canReturn: wf.canReturn,
    canConfirm: wf.canApprove && atConfirm && auth.permissions.has(def.confirmPermission),
    canRevoke: status === 'confirmed' && auth.permissions.has(def.confirmPermission) && inScope && auth.user.orgId !== l.row.org_id,
    canWithdraw: wf.canWithdraw,
  };
}

export async function assessmentDto(db: Db, def: AssessmentDefinition, auth: AuthContext, l: Loaded): Promise<Assessment> {
  const { row, version, inst } = l;
  const [items, ratings] = await Promise.all([itemRows(db, row.id), ratingRows(db, row.id)]);
  const criteria = criteriaOf(version);
  const grades = gradesOf(version);
  const reviewed = reviewValues(version, items, ratings);
  const status = row.status as AssessmentStatus;
  // facts are fixed at submit; before that the self-assessment is graded on today's figures
  const facts = ['draft', 'returned'].includes(status) && def.facts ? await def.facts(db, row.subject_id) : row.facts;
  const step = inst.status === 'in_review' && inst.stepIndex !== null ? (def.workflow.steps[inst.stepIndex]?.label ?? null) : null;
  const gradeLabel = grades.find((g) => g.code === row.grade_code)?.label ?? null;
  return {
    id: row.id,
    templateId: row.template_id,
    versionId: row.version_id,
    version: row.version,
    subjectKind: row.subject_kind as SubjectKind,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    orgId: row.org_id,
    orgName: row.org_name,
    cycleYear: row.cycle_year,
    cycleLabel: `${row.cycle_year}年度`,
    dueDate: row.due_date,
    status,
    statusLabel: ASSESSMENT_STATUS_LABELS[status],
    stepLabel: step,
    selfResult: scoreOf(version, selfValues(items), facts),
    reviewResult: ratings.length > 0 ? scoreOf(version, reviewed, facts) : null,
    gradeCode: row.grade_code,
    gradeLabel,
    finalScore: row.final_score,
    confirmedAt: row.confirmed_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
    raterCount: new Set(ratings.map((r) => r.rater_id)).size,
    criteria,
    grades,
    items: criteria.map((c) => {
      const it = items.find((i) => i.criterion_key === c.key);
      const mine = ratings.filter((r) => r.criterion_key === c.key);
      const v = reviewed.get(c.key);
      return {
        id: it?.id ?? '',
        criterionKey: c.key,
        selfPassed: it?.self_passed ?? null,
        selfPoints: it?.self_points ?? null,
        note: it?.note ?? null,
        evidence: it?.evidence ?? [],
        ratings: mine.map((r) => ({ raterName: r.rater_name, raterOrgName: r.rater_org_name, passed: r.passed, points: r.points, comment: r.comment })),
        reviewPassed: mine.length > 0 && c.kind === 'gate' ? (v?.passed ?? null) : null,
        reviewPoints: mine.length > 0 && c.kind !== 'gate' ? (v?.points ?? null) : null,
      };
    }),
    timeline: await workflowTimeline(db, inst.id),
    abilities: await abilitiesOf(db, def, auth, l),
  };
}

export async function getAssessment(db: Db, def: AssessmentDefinition, auth: AuthContext, id: string): Promise<Assessment> {
  return assessmentDto(db, def, auth, await loadAssessment(db, def, auth, id));
}

export interface NewAssessment {
  subjectId: string;
  subjectName: string;
  orgId: string;
  cycleYear: number;
}

/**
 * Opens an assessment on the template's current version, with an empty item per criterion and its
 * workflow case, in the caller's transaction. 409 when the subject already has one for that cycle.
 */
export async function startAssessment(tx: Db, def: AssessmentDefinition, who: TimelineActor, actor: Actor, s: NewAssessment): Promise<string> {
  const t = await templateByCode(tx, def.templateCode);
  const version = await currentVersion(tx, t.id);
  const [row] = await tx
    .insert(assessments)
    .values({ templateId: t.id, versionId: version.id, subjectKind: def.subjectKind, subjectId: s.subjectId, subjectName: s.subjectName, orgId: s.orgId, cycleYear: s.cycleYear, createdBy: who.userId })
    .onConflictDoNothing()
    .returning({ id: assessments.id });
  if (!row) throw conflict(`${s.subjectName}${s.cycleYear}年度的考评已存在`, 'DUPLICATE');
  await tx.insert(assessmentItems).values(criteriaOf(version).map((c) => ({ assessmentId: row.id, criterionKey: c.key })));
  await createCase(tx, def.workflow, { businessId: row.id, orgId: s.orgId, amountFen: 0, publicName: s.subjectName, publicSummary: `${def.label}考评 ${s.cycleYear}年度` }, who);
  await recordAudit(tx, actor, { action: 'data.create', objectType: def.objectType, objectId: row.id, detail: { subject: s.subjectName, cycleYear: s.cycleYear, version: version.version } }, true);
  return row.id;
}

type SelfBody = z.infer<typeof selfAssessmentBodySchema>;

/** One criterion's self value checked against the criterion (422 naming `items.<i>.<field>`). */
function checkValue(c: Criterion, i: number, v: { passed?: boolean | null; points?: number | null }): void {
  if (c.kind === 'gate' && v.points !== undefined && v.points !== null) throw invalidField(`items.${i}.points`, `“${c.title}”是必备条件,只填是否达到`);
  if (c.kind !== 'gate' && v.points !== undefined && v.points !== null && v.points > c.maxPoints) throw invalidField(`items.${i}.points`, `“${c.title}”最高${c.maxPoints}分`);
}

export function indexOfCriterion(criteria: Criterion[], key: string, i: number): Criterion {
  const c = criteria.find((x) => x.key === key);
  if (!c) throw invalidField(`items.${i}.criterionKey`, `没有编码为“${key}”的指标`);
  return c;
}

/** Saves the self-assessment (gate verdicts, points, notes) of a draft or returned assessment: the subject's side only. */
export async function saveSelfAssessment(db: Db, def: AssessmentDefinition, auth: AuthContext, actor: Actor, id: string, body: SelfBody): Promise<Assessment> {
  await db.transaction(async (tx) => {
    const l = await loadAssessment(tx, def, auth, id, true);
    if (!['draft', 'returned'].includes(l.row.status)) throw conflict('已提交的自评不能修改', 'ILLEGAL_TRANSITION');
    if (!(await abilitiesOf(tx, def, auth, l)).canEdit) throw forbidden('只有被考评单位可以填写自评');
    const criteria = criteriaOf(l.version);
    const changed: Record<string, unknown> = {};
    const was = Object.fromEntries((await tx.select().from(assessmentItems).where(eq(assessmentItems.assessmentId, id))).map((r) => [r.criterionKey, r.selfPassed ?? r.selfPoints]));
    for (const [i, v] of body.items.entries()) {
      const c = indexOfCriterion(criteria, v.criterionKey, i);
      checkValue(c, i, v);
      await tx
        .update(assessmentItems)
        .set({ selfPassed: c.kind === 'gate' ? (v.passed ?? null) : null, selfPoints: c.kind === 'gate' ? null : (v.points ?? null), note: v.note ?? null, updatedAt: sql`now()` })
        .where(and(eq(assessmentItems.assessmentId, id), eq(assessmentItems.criterionKey, c.key)));
      changed[c.key] = c.kind === 'gate' ? v.passed : v.points;
    }
    await tx.update(assessments).set({ updatedAt: sql`now()` }).where(eq(assessments.id, id));
    await recordAudit(tx, actor, { action: 'data.update', objectType: def.objectType, objectId: id, detail: { self: changed, ...changeDetail(was, changed) } }, true);
  });
  return getAssessment(db, def, auth, id);
}
