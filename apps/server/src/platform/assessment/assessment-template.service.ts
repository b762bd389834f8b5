import { and, desc, eq, sql } from 'drizzle-orm';
import type { AssessmentTemplate, Criterion, GradeRule, SubjectKind, TemplateVersion, TemplateVersionBody } from '@gonghui/contracts';
import type { AuthContext } from '../auth/session.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queryRows, type Db } from '../db/db-connection.js';
import { invalidField, notFound } from '../http/app-error.js';
import { assessmentTemplates, assessmentTemplateVersions } from './assessment.schema.js';

export type TemplateRow = typeof assessmentTemplates.$inferSelect;

/** Criterion builders for modules' default templates. */
export const gateCriterion = (key: string, group: string, title: string, description: string): Criterion => ({ key, kind: 'gate', group, title, description, maxPoints: 0, evidenceRequired: true });
export const pointsCriterion = (key: string, group: string, title: string, maxPoints: number, description: string, evidenceRequired = true): Criterion => ({ key, kind: 'points', group, title, description, maxPoints, evidenceRequired });
export type VersionRow = typeof assessmentTemplateVersions.$inferSelect;

export interface TemplateSeed {
  code: string;
  name: string;
  subjectKind: SubjectKind;
  cycleYears: number;
  first: TemplateVersionBody;
}

/** The version body's own rules (beyond the contract): unique keys, a known cap, ascending thresholds. 422 naming the field. */
export function checkVersionBody(body: TemplateVersionBody): void {
  const keys = new Set<string>();
  body.criteria.forEach((c, i) => {
    if (keys.has(c.key)) throw invalidField(`criteria.${i}.key`, `指标编码“${c.key}”重复`);
    keys.add(c.key);
    if (c.kind !== 'gate' && c.maxPoints <= 0) throw invalidField(`criteria.${i}.maxPoints`, '评分、加分、扣分项须设最高分');
  });
  const codes = body.grades.map((g) => g.code);
  if (new Set(codes).size !== codes.length) throw invalidField('grades', '等级编码重复');
  body.grades.forEach((g, i) => {
    if (i > 0 && g.minScore < body.grades[i - 1]!.minScore) throw invalidField(`grades.${i}.minScore`, '等级分数线应从低到高排列');
  });
  if (!codes.includes(body.gateCap)) throw invalidField('gateCap', '必备条件未达到时的最高等级须为已定义的等级');
}

/** Creates the template with its first version unless it exists (idempotent: run at every start). */
export async function ensureTemplate(db: Db, seed: TemplateSeed): Promise<TemplateRow> {
  checkVersionBody(seed.first);
  return db.transaction(async (tx) => {
    await tx.insert(assessmentTemplates).values({ code: seed.code, name: seed.name, subjectKind: seed.subjectKind, cycleYears: seed.cycleYears }).onConflictDoNothing();
    const [t] = await tx.select().from(assessmentTemplates).where(eq(assessmentTemplates.code, seed.code)).for('update');
    const [any] = await tx.select({ id: assessmentTemplateVersions.id }).from(assessmentTemplateVersions).where(eq(assessmentTemplateVersions.templateId, t!.id)).limit(1);
    if (!any) await tx.insert(assessmentTemplateVersions).values({ templateId: t!.id, version: 1, ...versionColumns(seed.first) });
    return t!;
  });
}

const versionColumns = (b: TemplateVersionBody) => ({ criteria: b.criteria, grades: b.grades, gateCap: b.gateCap, aggregation: b.aggregation, note: b.note ?? null });

export async function templateByCode(db: Db, code: string): Promise<TemplateRow> {
  const [t] = await db.select().from(assessmentTemplates).where(eq(assessmentTemplates.code, code));
  if (!t) throw notFound('考评模板');
  return t;
}

/** The newest version: new assessments use it. */
export async function currentVersion(db: Db, templateId: string): Promise<VersionRow> {
  const [v] = await db.select().from(assessmentTemplateVersions).where(eq(assessmentTemplateVersions.templateId, templateId)).orderBy(desc(assessmentTemplateVersions.version)).limit(1);
  if (!v) throw new Error(`template ${templateId} has no version`);
  return v;
}

export async function versionById(db: Db, id: string): Promise<VersionRow> {
  const [v] = await db.select().from(assessmentTemplateVersions).where(eq(assessmentTemplateVersions.id, id));
  if (!v) throw new Error(`template version ${id} not found`);
  return v;
}

export const criteriaOf = (v: VersionRow): Criterion[] => v.criteria as Criterion[];
export const gradesOf = (v: VersionRow): GradeRule[] => v.grades as GradeRule[];

function versionDto(v: VersionRow, used: boolean, current: boolean): TemplateVersion {
  return {
    id: v.id,
    templateId: v.templateId,
    version: v.version,
    criteria: criteriaOf(v),
    grades: gradesOf(v),
    gateCap: v.gateCap,
    aggregation: v.aggregation as TemplateVersion['aggregation'],
    note: v.note ?? undefined,
    createdAt: v.createdAt.toISOString(),
    used,
    current,
  };
}

/** The template with every version, newest first, each saying whether an assessment uses it. */
export async function templateDto(db: Db, auth: AuthContext, code: string): Promise<AssessmentTemplate> {
  const t = await templateByCode(db, code);
  const versions = await db.select().from(assessmentTemplateVersions).where(eq(assessmentTemplateVersions.templateId, t.id)).orderBy(desc(assessmentTemplateVersions.version));
  const used = await queryRows<{ version_id: string }>(db, sql`SELECT DISTINCT version_id FROM assessments WHERE template_id = ${t.id}`);
  const usedIds = new Set(used.map((u) => u.version_id));
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    subjectKind: t.subjectKind as SubjectKind,
    cycleYears: t.cycleYears,
    versions: versions.map((v, i) => versionDto(v, usedIds.has(v.id), i === 0)),
    abilities: { canRevise: auth.permissions.has('assessment:template:manage') },
  };
}

/**
 * A revision: always a new version (a version is never changed once written, so assessments
 * already begun keep theirs); new assessments take it from now on. Audited.
 */
export async function reviseTemplate(db: Db, auth: AuthContext, actor: Actor, code: string, body: TemplateVersionBody): Promise<AssessmentTemplate> {
  checkVersionBody(body);
  const t = await templateByCode(db, code);
  await db.transaction(async (tx) => {
    await tx.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, t.id)).for('update');
    const [last] = await tx.select({ version: assessmentTemplateVersions.version }).from(assessmentTemplateVersions).where(and(eq(assessmentTemplateVersions.templateId, t.id))).orderBy(desc(assessmentTemplateVersions.version)).limit(1);
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx.insert(assessmentTemplateVersions).values({ templateId: t.id, version, createdBy: auth.user.id, ...versionColumns(body) }).returning({ id: assessmentTemplateVersions.id });
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'assessment_template_version', objectId: row!.id, detail: { template: code, version, criteria: body.criteria.length, grades: body.grades.map((g) => `${g.label}≥${g.minScore}`) } }, true);
  });
  return templateDto(db, auth, code);
}
