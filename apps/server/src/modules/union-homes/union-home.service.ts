import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus, type GradeRule, type GradesByDistrict, type HomeProfileBody, type UnionHome, type UnionHomeListItem, type unionHomeListQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { DataScope } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate, shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { assessmentTemplateVersions } from '../../platform/assessment/assessment.schema.js';
import { templateByCode } from '../../platform/assessment/assessment-template.service.js';
import { startAssessment } from '../../platform/assessment/assessment.service.js';
import { userActor } from '../../platform/workflow/workflow.service.js';
import { homeFundsOf, type HomeFunds } from '../finance/budget-home-funds.js';
import { membershipRateOf, unionHomeAssessment } from './union-home-assessment.js';
import { findHomeRow, findUnionInScope, gradeCounts, historyRows, listHomeRows, type HomeFilter, type HomeRow } from './union-home.repository.js';
import { unionHomes } from './union-home.schema.js';

const def = unionHomeAssessment;
const OPEN = ['draft', 'submitted', 'returned', 'reviewed'];
const statusLabel = (s: string | null) => (s ? (ASSESSMENT_STATUS_LABELS[s as AssessmentStatus] ?? s) : null);

/** Grade rules of every version of the template (labels may differ between versions). */
async function gradesByVersion(db: Db, templateId: string): Promise<Map<string, GradeRule[]>> {
  const rows = await db.select({ id: assessmentTemplateVersions.id, grades: assessmentTemplateVersions.grades }).from(assessmentTemplateVersions).where(eq(assessmentTemplateVersions.templateId, templateId));
  return new Map(rows.map((r) => [r.id, r.grades as GradeRule[]]));
}
const labelOf = (grades: Map<string, GradeRule[]>, versionId: string | null, code: string | null) => (versionId && code ? (grades.get(versionId)?.find((g) => g.code === code)?.label ?? code) : null);

/** 有人干事、有屋议事、有章理事 from the profile; 有钱办事 from the union's budget and 经费账户 (homeFundsOf). */
export const checksOf = (h: Pick<HomeRow, 'staff_count' | 'chair_name' | 'area_m2' | 'rules'> | null, funds: HomeFunds) => ({
  staff: !!h && (h.staff_count > 0 || h.chair_name.trim() !== ''),
  funds: funds.funds,
  room: !!h && h.area_m2 > 0,
  rules: !!h && h.rules.length > 0,
});

export async function getUnionHome(db: Db, auth: AuthContext, orgId: string): Promise<UnionHome> {
  const org = await findUnionInScope(db, auth.scope, orgId);
  if (!org) throw notFound('职工之家');
  const t = await templateByCode(db, def.templateCode);
  const year = shanghaiYear();
  const [h, history, rate, grades, funds] = await Promise.all([findHomeRow(db, orgId), historyRows(db, t.id, orgId), membershipRateOf(db, orgId), gradesByVersion(db, t.id), homeFundsOf(db, orgId, year)]);
  const latest = history[0] ?? null;
  const manage = auth.permissions.has('union-home:home:manage');
  return {
    id: h?.id ?? null,
    orgId,
    orgName: org.name,
    districtName: org.district_name,
    venueName: h?.venue_name ?? '',
    address: h?.address ?? '',
    areaM2: h?.area_m2 ?? 0,
    facilities: h?.facilities ?? [],
    annualFundsFen: h?.annual_funds_fen ?? 0,
    activitiesHeld: h?.activities_held ?? 0,
    staffCount: h?.staff_count ?? 0,
    chairName: h?.chair_name ?? '',
    rules: h?.rules ?? [],
    membershipRate: rate.rate,
    membershipRateSource: rate.source,
    registryMembershipRate: rate.registryRate,
    membershipRateEntered: h?.membership_rate_entered ?? null,
    checks: checksOf(h, funds),
    fundsCheck: { source: funds.source, year: funds.year, budgetFen: funds.budgetFen, incomeFen: funds.incomeFen },
    version: h?.version ?? 0,
    current: latest
      ? { assessmentId: latest.id, cycleYear: latest.cycle_year, status: latest.status, statusLabel: statusLabel(latest.status)!, gradeCode: latest.grade_code, gradeLabel: latest.status === 'confirmed' ? labelOf(grades, latest.version_id, latest.grade_code) : null, dueDate: latest.due_date }
      : null,
    history: history.map((a) => ({ assessmentId: a.id, cycleYear: a.cycle_year, statusLabel: statusLabel(a.status)!, gradeLabel: ['confirmed', 'revoked'].includes(a.status) ? labelOf(grades, a.version_id, a.grade_code) : null, finalScore: a.final_score, version: a.version })),
    abilities: {
      canEdit: manage,
      canStartAssessment: manage && h !== null && !history.some((a) => OPEN.includes(a.status)) && !history.some((a) => a.cycle_year === year && a.status !== 'revoked'),
    },
  };
}

/** Creates or updates the profile of a union in scope (optimistic version check). */
export async function saveUnionHome(db: Db, auth: AuthContext, actor: Actor, orgId: string, body: HomeProfileBody): Promise<UnionHome> {
  const org = await findUnionInScope(db, auth.scope, orgId);
  if (!org) throw notFound('职工之家');
  const { version, ...facts } = body;
  const values = { ...facts, facilities: [...new Set(facts.facilities)], rules: [...new Set(facts.rules)] };
  await db.transaction(async (tx) => {
    const existing = await findHomeRow(tx, orgId);
    if (!existing) {
      await tx.insert(unionHomes).values({ orgId, ...values, createdBy: auth.user.id });
      await recordAudit(tx, actor, { action: 'data.create', objectType: 'union_home', objectId: orgId, detail: { venueName: values.venueName, areaM2: values.areaM2 } }, true);
      return;
    }
    if (version !== undefined && version !== existing.version) throw conflict('档案已被他人修改,请刷新后再试', 'VERSION_CONFLICT');
    await tx.update(unionHomes).set({ ...values, version: sql`${unionHomes.version} + 1`, updatedAt: sql`now()` }).where(eq(unionHomes.orgId, orgId));
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'union_home', objectId: orgId, detail: { before: { venueName: existing.venue_name, areaM2: existing.area_m2, annualFundsFen: existing.annual_funds_fen }, after: { venueName: values.venueName, areaM2: values.areaM2, annualFundsFen: values.annualFundsFen } } }, true);
  });
  return getUnionHome(db, auth, orgId);
}

/** Opens this cycle's assessment (or a re-evaluation) for a home: one open at a time, one per cycle year. */
export async function startHomeAssessment(db: Db, auth: AuthContext, actor: Actor, orgId: string, cycleYear?: number): Promise<{ id: string }> {
  const home = await getUnionHome(db, auth, orgId);
  if (home.id === null) throw invalidField('orgId', '请先填写职工之家档案');
  const year = cycleYear ?? shanghaiYear();
  if (!home.abilities.canEdit) throw forbidden();
  const [open] = await queryRows<{ id: string }>(db, sql`SELECT a.id FROM assessments a JOIN assessment_templates t ON t.id = a.template_id WHERE t.code = ${def.templateCode} AND a.subject_id = ${orgId} AND a.status IN ('draft','submitted','returned','reviewed') LIMIT 1`);
  if (open) throw conflict('该职工之家已有进行中的考评,请先办结或撤回', 'ILLEGAL_TRANSITION');
  const id = await db.transaction((tx) => startAssessment(tx, def, userActor(auth), actor, { subjectId: orgId, subjectName: home.orgName, orgId, cycleYear: year }));
  return { id };
}

type ListQuery = z.infer<typeof unionHomeListQuerySchema>;

/** One page of homes in a scope with their labels (the list and the export read the same). */
export async function homeListPage(db: Db, scope: DataScope, f: HomeFilter, page: number, pageSize: number): Promise<{ items: UnionHomeListItem[]; total: number }> {
  const t = await templateByCode(db, def.templateCode);
  const [rows, grades] = await Promise.all([listHomeRows(db, t.id, scope, shanghaiDate(new Date()), f, page, pageSize), gradesByVersion(db, t.id)]);
  const items: UnionHomeListItem[] = rows.map((r) => ({
    orgId: r.org_id,
    orgName: r.org_name,
    districtName: r.district_name,
    venueName: r.venue_name,
    areaM2: r.area_m2,
    assessmentId: r.assessment_id,
    cycleYear: r.cycle_year,
    status: r.status,
    statusLabel: statusLabel(r.status),
    gradeCode: r.grade_code,
    gradeLabel: labelOf(grades, r.grade_version_id, r.grade_code),
    finalScore: r.final_score,
    dueDate: r.due_date,
    due: r.due,
  }));
  return { items, total: rows[0]?.total ?? 0 };
}

export async function listUnionHomes(db: Db, auth: AuthContext, q: ListQuery) {
  const { items, total } = await homeListPage(db, auth.scope, q, q.page, q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Standing grades of the homes in scope by district (the current version's grade names). */
export async function gradesByDistrict(db: Db, auth: AuthContext): Promise<GradesByDistrict> {
  const t = await templateByCode(db, def.templateCode);
  const [rows, versions] = await Promise.all([gradeCounts(db, t.id, auth.scope, shanghaiDate(new Date())), db.select().from(assessmentTemplateVersions).where(eq(assessmentTemplateVersions.templateId, t.id))]);
  const current = versions.sort((a, b) => b.version - a.version)[0]!;
  const grades = [...(current.grades as GradeRule[]).map((g) => ({ code: g.code, label: g.label })), { code: 'none', label: '未定级' }];
  const byDistrict = new Map<string, GradesByDistrict['rows'][number]>();
  for (const r of rows) {
    const key = r.district_id ?? 'none';
    const row = byDistrict.get(key) ?? { districtId: key, districtName: r.district_name ?? '市直', homes: 0, counts: {}, due: 0 };
    row.homes += r.n;
    row.due += r.due;
    row.counts[r.grade] = (row.counts[r.grade] ?? 0) + r.n;
    byDistrict.set(key, row);
  }
  return { grades, rows: [...byDistrict.values()] };
}
