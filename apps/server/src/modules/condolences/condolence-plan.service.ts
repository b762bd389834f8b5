import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CONDOLENCE_CATEGORY_LABELS,
  CONDOLENCE_OCCASION_LABELS,
  WORKFLOW_STATUS_LABELS,
  type CondolencePlan,
  type CondolencePlanBody,
  type CondolencePlanListItem,
  type condolencePlanActionBodySchema,
  type condolencePlanListQuerySchema,
} from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, conflictField, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { actOnCase, createCase, findInstance, userActor, workflowAbilities, workflowTimeline, type WorkflowInstance } from '../../platform/workflow/workflow.service.js';
import { condolencePlanCategories, condolencePlans } from './condolence.schema.js';
import { duplicatePlan, findPlanRow, fundsOfOrg, listPlanRows, planShortfalls, planVisible, type CategoryRow, type PlanRow } from './condolence-plan.repository.js';
import { OVERRIDE_REASON_MIN } from './condolence-rules.js';
import { CONDOLENCE_PLAN_WORKFLOW, condolencePlanWorkflow } from './condolence-workflow.js';
import { workflowStateOf } from '../../platform/workflow/workflow-view.js';

/** What the condolence services use of the app context (the demo seed runs them with just a database). */
export type CondolenceContext = Pick<AppContext, 'db'>;

type PlanStatus = CondolencePlan['status'];

const occasionText = (r: Pick<PlanRow, 'occasion' | 'occasion_name'>) => (r.occasion === 'other' ? r.occasion_name : CONDOLENCE_OCCASION_LABELS[r.occasion]);
export const planTitle = (r: Pick<PlanRow, 'org_name' | 'year' | 'occasion' | 'occasion_name'>) => `${r.org_name}${r.year}年${occasionText(r)}计划`;

const categoryDto = (c: CategoryRow) => ({
  category: c.category,
  categoryLabel: CONDOLENCE_CATEGORY_LABELS[c.category],
  headcount: c.headcount,
  moneyPerHeadFen: c.moneyPerHeadFen,
  goodsDescription: c.goodsDescription,
  goodsValuePerHeadFen: c.goodsValuePerHeadFen,
});

function listItem(r: PlanRow): CondolencePlanListItem {
  const status = r.status as PlanStatus;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    occasion: r.occasion,
    occasionName: r.occasion_name || null,
    title: planTitle(r),
    headcount: r.headcount,
    plannedFen: r.planned_fen,
    status,
    statusLabel: WORKFLOW_STATUS_LABELS[status],
    overridden: r.override !== null,
    createdAt: r.created_at,
  };
}

async function instanceOf(db: Db, id: string): Promise<WorkflowInstance> {
  const inst = await findInstance(db, CONDOLENCE_PLAN_WORKFLOW, id);
  if (!inst) throw new Error(`condolence plan ${id} has no workflow case`);
  return inst;
}

/** Whether the caller sits at the city root (the 只做加法 override is the city's). */
async function atCityRoot(db: Db, auth: AuthContext): Promise<boolean> {
  const [row] = await queryRows<{ kind: string }>(db, sql`SELECT kind FROM orgs WHERE id = ${auth.user.orgId}`);
  return row?.kind === 'city';
}

async function toDto(db: Db, auth: AuthContext, r: PlanRow): Promise<CondolencePlan> {
  const inst = await instanceOf(db, r.id);
  const base = await workflowAbilities(db, condolencePlanWorkflow, auth, inst);
  const { shortfalls, lastId, categories } = await planShortfalls(db, r.id);
  const status = r.status as PlanStatus;
  const step = inst.stepIndex === null ? null : condolencePlanWorkflow.steps[inst.stepIndex];
  const lastYearRow = lastId ? await queryRows<{ org_name: string; year: number; occasion: PlanRow['occasion']; occasion_name: string }>(db, sql`SELECT o.name AS org_name, p.year, p.occasion, p.occasion_name FROM condolence_plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = ${lastId}`) : [];
  const finalStep = status === 'in_review' && step?.key === 'city_approval';
  return {
    ...listItem(r),
    note: r.note,
    categories: (categories.get(r.id) ?? []).map(categoryDto),
    lastYear: lastId && lastYearRow[0] ? { id: lastId, title: planTitle(lastYearRow[0]), categories: (categories.get(lastId) ?? []).map(categoryDto) } : null,
    shortfalls,
    override: (r.override as CondolencePlan['override']) ?? null,
    funds: status === 'approved' ? await fundsOfOrg(db, r.org_id) : [],
    workflow: workflowStateOf(condolencePlanWorkflow, inst, r),
    timeline: await workflowTimeline(db, inst.id),
    abilities: {
      ...base,
      canOverride: base.canApprove && finalStep && shortfalls.length > 0 && auth.permissions.has('condolence:plan:override') && (await atCityRoot(db, auth)),
      canRecordVisit: status === 'approved' && auth.permissions.has('condolence:visit:record'),
    },
  };
}

export async function getPlan(ctx: CondolenceContext, auth: AuthContext, id: string): Promise<CondolencePlan> {
  const row = await findPlanRow(ctx.db, auth, id);
  if (!row) throw notFound('送温暖计划');
  return toDto(ctx.db, auth, row);
}

export async function listPlans(ctx: CondolenceContext, auth: AuthContext, q: z.infer<typeof condolencePlanListQuerySchema>) {
  const conds: SQL[] = [planVisible(auth)];
  if (q.year) conds.push(sql`p.year = ${q.year}`);
  if (q.occasion) conds.push(sql`p.occasion = ${q.occasion}`);
  if (q.status) conds.push(sql`w.status = ${q.status}`);
  if (q.orgId) conds.push(sql`p.org_id = ${q.orgId}`);
  const { rows, total } = await listPlanRows(ctx.db, sql.join(conds, sql` AND `), q.page, q.pageSize);
  return { items: rows.map(listItem), total, page: q.page, pageSize: q.pageSize };
}

/** The drawing org: the city or a district, in the caller's scope. */
async function checkOwner(db: Db, auth: AuthContext, orgId: string): Promise<{ name: string }> {
  const [org] = await queryRows<{ name: string; kind: string }>(db, sql`SELECT name, kind FROM orgs WHERE id = ${orgId}`);
  if (!org || !(await scopeIncludesOrg(db, auth.scope, orgId))) throw invalidField('orgId', '工会不存在或不在您的管理范围内');
  if (org.kind !== 'city' && org.kind !== 'district') throw invalidField('orgId', '送温暖计划由市总工会或区县(市)总工会制定');
  return org;
}

async function checkUnique(db: Db, body: CondolencePlanBody, exceptId: string | null): Promise<void> {
  const key = { orgId: body.orgId, year: body.year, occasion: body.occasion, occasionName: body.occasion === 'other' ? (body.occasionName ?? '') : '' };
  if (await duplicatePlan(db, key, exceptId)) throw conflictField('occasion', `该工会${body.year}年已有此项慰问活动的计划`);
}

async function writeCategories(tx: Db, planId: string, body: CondolencePlanBody): Promise<void> {
  await tx.delete(condolencePlanCategories).where(eq(condolencePlanCategories.planId, planId));
  await tx.insert(condolencePlanCategories).values(
    body.categories.map((c, i) => ({ planId, category: c.category, sort: i, headcount: c.headcount, moneyPerHeadFen: c.moneyPerHeadFen, goodsDescription: c.goodsDescription ?? null, goodsValuePerHeadFen: c.goodsValuePerHeadFen })),
  );
}

const plannedFen = (body: CondolencePlanBody) => body.categories.reduce((s, c) => s + c.headcount * c.moneyPerHeadFen, 0);

export async function createPlan(ctx: CondolenceContext, auth: AuthContext, actor: Actor, body: CondolencePlanBody): Promise<CondolencePlan> {
  const org = await checkOwner(ctx.db, auth, body.orgId);
  await checkUnique(ctx.db, body, null);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(condolencePlans)
      .values({ orgId: body.orgId, year: body.year, occasion: body.occasion, occasionName: body.occasion === 'other' ? (body.occasionName ?? '') : '', note: body.note ?? null, createdBy: auth.user.id })
      .returning({ id: condolencePlans.id });
    const planId = row!.id;
    await writeCategories(tx, planId, body);
    const title = planTitle({ org_name: org.name, year: body.year, occasion: body.occasion, occasion_name: body.occasionName ?? '' });
    await createCase(tx, condolencePlanWorkflow, { businessId: planId, orgId: body.orgId, amountFen: plannedFen(body), publicName: title, publicSummary: title }, userActor(auth));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'condolence_plan', objectId: planId, detail: { orgId: body.orgId, year: body.year, occasion: body.occasion, categories: body.categories } }, true);
    return planId;
  });
  return getPlan(ctx, auth, id);
}

/** Edits a draft or returned plan (the drawing side only); the org stays. */
export async function updatePlan(ctx: CondolenceContext, auth: AuthContext, actor: Actor, id: string, body: CondolencePlanBody): Promise<CondolencePlan> {
  const row = await findPlanRow(ctx.db, auth, id);
  if (!row) throw notFound('送温暖计划');
  const inst = await instanceOf(ctx.db, id);
  if (!(await workflowAbilities(ctx.db, condolencePlanWorkflow, auth, inst)).canEdit) {
    throw inst.status === 'draft' || inst.status === 'returned' ? forbidden('只有制定计划的工会可以修改') : conflict('审核中或已办结的计划不能修改', 'ILLEGAL_TRANSITION');
  }
  if (body.orgId !== row.org_id) throw invalidField('orgId', '计划的制定单位不能修改');
  await checkUnique(ctx.db, body, id);
  await ctx.db.transaction(async (tx) => {
    const [old] = await tx.select().from(condolencePlans).where(eq(condolencePlans.id, id));
    const values = { year: body.year, occasion: body.occasion, occasionName: body.occasion === 'other' ? (body.occasionName ?? '') : '', note: body.note ?? null };
    await tx.update(condolencePlans).set({ ...values, updatedAt: sql`now()` }).where(eq(condolencePlans.id, id));
    await writeCategories(tx, id, body);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'condolence_plan', objectId: id, detail: { ...changeDetail(old!, values), categories: body.categories } }, true);
  });
  return getPlan(ctx, auth, id);
}

type ActionBody = z.infer<typeof condolencePlanActionBodySchema>;

/** Records a city approver's override of the 只做加法 rule on the plan, audited (inside the approval's transaction). */
async function recordOverride(tx: Db, auth: AuthContext, actor: Actor, id: string, body: ActionBody): Promise<void> {
  if (body.action !== 'approve') throw invalidField('override', '特批只能在同意时使用');
  if (!auth.permissions.has('condolence:plan:override') || !(await atCityRoot(tx, auth))) throw forbidden('只有市总工会审批人可以特批低于上年标准的计划', 'OVERRIDE_CITY_ONLY');
  const reason = body.overrideReason?.trim() ?? '';
  if (reason.length < OVERRIDE_REASON_MIN) throw invalidField('overrideReason', `特批须写明理由(至少${OVERRIDE_REASON_MIN}个字)`);
  const { shortfalls } = await planShortfalls(tx, id);
  if (shortfalls.length === 0) throw invalidField('override', '本计划不低于上年标准,无需特批');
  const override = { userId: auth.user.id, userName: auth.user.name, orgName: auth.user.orgName, at: new Date().toISOString(), reason, shortfalls };
  await tx.update(condolencePlans).set({ override, updatedAt: sql`now()` }).where(eq(condolencePlans.id, id));
  await recordAudit(tx, actor, { action: 'condolence.override', objectType: 'condolence_plan', objectId: id, detail: { reason, shortfalls: shortfalls.map((s) => s.message) } }, true);
}

/** submit / approve / return / reject / withdraw on the plan's case; approval keeps to 只做加法 unless overridden by the city. */
export async function actOnPlan(ctx: CondolenceContext, auth: AuthContext, actor: Actor, id: string, body: ActionBody): Promise<CondolencePlan> {
  const row = await findPlanRow(ctx.db, auth, id);
  if (!row) throw notFound('送温暖计划');
  await ctx.db.transaction(async (tx) => {
    const inst = await instanceOf(tx, id);
    if (body.override) {
      const can = await workflowAbilities(tx, condolencePlanWorkflow, auth, inst);
      if (!can.canApprove) throw forbidden('当前环节不由您办理', 'NOT_YOUR_STEP');
      await recordOverride(tx, auth, actor, id, body);
    }
    const opinion = body.opinion ?? (body.override ? body.overrideReason : undefined);
    await actOnCase(tx, condolencePlanWorkflow, auth, actor, inst, { action: body.action, opinion });
  });
  return getPlan(ctx, auth, id);
}
