import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { ASSESSMENT_STATUS_LABELS, CSR_KIND_LABELS, type AssessmentStatus, type CsrKind, type CsrListItem, type CsrPublished, type GradeRule, type csrListQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { DataScope } from '../../platform/access/data-scope.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { invalidField, notFound } from '../../platform/http/app-error.js';
import { assessmentTemplateVersions } from '../../platform/assessment/assessment.schema.js';
import { rankByScore } from '../../platform/assessment/assessment-scoring.js';
import { templateByCode } from '../../platform/assessment/assessment-template.service.js';
import { startAssessment } from '../../platform/assessment/assessment.service.js';
import { userActor } from '../../platform/workflow/workflow.service.js';
import { CSR_DEFINITIONS, harmonyDistrictAssessment } from './csr-assessment.js';
import { csrRows, findEnterpriseInScope, holdsGrade, type CsrFilter } from './csr.repository.js';


/** A version's grade label, and whether a grade is above the version's lowest (the failing one). */
async function gradeLabels(db: Db, templateId: string): Promise<{ label: (versionId: string, code: string | null) => string | null; passing: (versionId: string, code: string | null) => boolean }> {
  const rows = await db.select({ id: assessmentTemplateVersions.id, grades: assessmentTemplateVersions.grades }).from(assessmentTemplateVersions).where(eq(assessmentTemplateVersions.templateId, templateId));
  const byVersion = new Map(rows.map((r) => [r.id, r.grades as GradeRule[]]));
  return {
    label: (versionId, code) => (code ? (byVersion.get(versionId)?.find((g) => g.code === code)?.label ?? code) : null),
    passing: (versionId, code) => (byVersion.get(versionId)?.findIndex((g) => g.code === code) ?? 0) > 0,
  };
}

/**
 * Opens an evaluation or a 和谐劳动关系企业 application for an enterprise in scope. The city level
 * needs the district-level title first. 409 when the enterprise already has one that year.
 */
export async function startCsr(db: Db, auth: AuthContext, actor: Actor, kind: CsrKind, enterpriseId: string, cycleYear?: number): Promise<{ id: string }> {
  const e = await findEnterpriseInScope(db, auth.scope, enterpriseId);
  if (!e) throw notFound('企业');
  const year = cycleYear ?? shanghaiYear();
  if (kind === 'harmony_city') {
    const t = await templateByCode(db, harmonyDistrictAssessment.templateCode);
    if (!(await holdsGrade(db, t.id, e.id, 'named', year))) throw invalidField('enterpriseId', `${e.name}尚未被命名为区级和谐劳动关系企业,不能申报市级`);
  }
  const def = CSR_DEFINITIONS[kind];
  const id = await db.transaction((tx) => startAssessment(tx, def, userActor(auth), actor, { subjectId: e.id, subjectName: e.name, orgId: e.org_id, cycleYear: year }));
  return { id };
}

/** One page of a kind's assessments in a scope, labelled (the staff list and its export read the same). */
export async function csrListPage(db: Db, scope: DataScope, kind: CsrKind, f: CsrFilter, page: number, pageSize: number): Promise<{ items: (CsrListItem & { passing: boolean })[]; total: number }> {
  const t = await templateByCode(db, CSR_DEFINITIONS[kind].templateCode);
  const [rows, { label, passing }] = await Promise.all([csrRows(db, t.id, scope, f, page, pageSize), gradeLabels(db, t.id)]);
  const items = rows.map((r) => ({
    id: r.id,
    kind,
    enterpriseId: r.subject_id,
    enterpriseName: r.subject_name,
    orgName: r.org_name,
    districtName: r.district_name,
    cycleYear: r.cycle_year,
    status: r.status as AssessmentStatus,
    statusLabel: ASSESSMENT_STATUS_LABELS[r.status as AssessmentStatus] ?? r.status,
    selfScore: r.self_score,
    finalScore: r.final_score,
    gradeCode: ['confirmed', 'revoked'].includes(r.status) ? r.grade_code : null,
    gradeLabel: ['confirmed', 'revoked'].includes(r.status) ? label(r.version_id, r.grade_code) : null,
    passing: passing(r.version_id, r.grade_code),
  }));
  return { items, total: rows[0]?.total ?? 0 };
}

export async function listCsr(db: Db, auth: AuthContext, q: z.infer<typeof csrListQuerySchema>) {
  const { items, total } = await csrListPage(db, auth.scope, q.kind, q, q.page, q.pageSize);
  return { items: items.map(({ passing: _p, ...i }) => i), total, page: q.page, pageSize: q.pageSize };
}

const PUBLISHED_MAX = 2000;

/** The year's confirmed results in scope that reach a grade (不达标 / 未命名 are not published), ranked by score. */
export async function publishedList(db: Db, scope: DataScope, kind: CsrKind, cycleYear: number): Promise<CsrPublished> {
  const { items } = await csrListPage(db, scope, kind, { cycleYear, status: 'confirmed' }, 1, PUBLISHED_MAX);
  const shown = items.filter((i) => i.passing);
  const ranked = rankByScore(shown.map((i) => ({ ...i, score: i.finalScore })));
  return {
    kind,
    kindLabel: CSR_KIND_LABELS[kind],
    cycleYear,
    items: ranked.map((i) => ({ rank: i.rank, assessmentId: i.id, enterpriseName: i.enterpriseName, districtName: i.districtName, gradeCode: i.gradeCode, gradeLabel: i.gradeLabel, finalScore: i.finalScore, confirmedAt: null })),
  };
}
