import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { TrackedItem, WorkPlan, WorkPlanBody, WorkPlanListItem, WorkPlanTask, WorkPlanTaskBody } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflictField, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { trackedItems } from '../../platform/tracking/tracking.schema.js';
import { createTrackedItems, trackedFor } from '../../platform/tracking/tracking.service.js';
import { TASK_KIND } from './work-plan-task-kind.js';
import { planRows, principleRows, taskRows, type PlanRow } from './work-plan.repository.js';
import { workPlanPrinciples, workPlans, workPlanTasks } from './work-plan.schema.js';

const canEdit = (auth: AuthContext, orgId: string) => auth.permissions.has('plan:plan:manage') && auth.user.orgId === orgId;

/** Plans with their principles and the tasks the caller sees (as supervisor all; as owner only its own items). */
async function assemble(db: Db, auth: AuthContext, plans: PlanRow[]): Promise<WorkPlan[]> {
  const ids = plans.map((p) => p.id);
  const principles = await principleRows(db, ids);
  const tasks = await taskRows(db, ids);
  const tracked = await trackedFor(db, auth, TASK_KIND, tasks.map((t) => t.id));
  const ownersOf = (taskId: string): TrackedItem[] => tracked.filter((t) => t.businessId === taskId);
  return plans.map((p) => {
    const list = principles
      .filter((pr) => pr.planId === p.id)
      .map((pr) => ({
        id: pr.id,
        position: pr.position,
        title: pr.title,
        description: pr.description,
        tasks: tasks
          .filter((t) => t.principleId === pr.id && ownersOf(t.id).length > 0)
          .map((t): WorkPlanTask => ({ id: t.id, planId: t.planId, principleId: t.principleId, position: t.position, title: t.title, description: t.description, owners: ownersOf(t.id) })),
      }));
    const all = list.flatMap((pr) => pr.tasks);
    return {
      id: p.id,
      orgId: p.orgId,
      orgName: p.orgName,
      year: p.year,
      title: p.title,
      summary: p.summary,
      principles: list.length,
      tasks: all.length,
      overdue: all.filter((t) => t.owners.some((o) => o.deadlineState === 'overdue')).length,
      principleList: list,
      abilities: { canEdit: canEdit(auth, p.orgId) },
    };
  });
}

export async function listPlans(db: Db, auth: AuthContext, year?: number): Promise<WorkPlanListItem[]> {
  return (await assemble(db, auth, await planRows(db, auth.scope, { year }))).map(({ id, orgId, orgName, year: y, title, principles, tasks, overdue }) => ({ id, orgId, orgName, year: y, title, principles, tasks, overdue }));
}

export async function getPlan(db: Db, auth: AuthContext, id: string): Promise<WorkPlan> {
  const [p] = await assemble(db, auth, await planRows(db, auth.scope, { id }));
  if (!p) throw notFound('工作计划');
  return p;
}

async function editable(db: Db, auth: AuthContext, id: string): Promise<WorkPlan> {
  const p = await getPlan(db, auth, id);
  if (!p.abilities.canEdit) throw forbidden(`只有${p.orgName}可以修改该工作计划`);
  return p;
}

/** Writes the ordered principles: known ids are updated in place, new ones added, missing ones removed with their tasks. */
async function savePrinciples(tx: Db, planId: string, list: WorkPlanBody['principles']): Promise<void> {
  const keep = list.map((p) => p.id).filter((id): id is string => id !== undefined);
  const gone = await tx.select({ id: workPlanTasks.id }).from(workPlanTasks).where(and(eq(workPlanTasks.planId, planId), keep.length ? notInArray(workPlanTasks.principleId, keep) : sql`true`));
  if (gone.length) await tx.delete(trackedItems).where(and(eq(trackedItems.kind, TASK_KIND.kind), inArray(trackedItems.businessId, gone.map((g) => g.id))));
  await tx.delete(workPlanPrinciples).where(and(eq(workPlanPrinciples.planId, planId), keep.length ? notInArray(workPlanPrinciples.id, keep) : sql`true`));
  for (const [i, p] of list.entries()) {
    const values = { position: i + 1, title: p.title, description: p.description ?? '' };
    if (p.id) {
      const [u] = await tx.update(workPlanPrinciples).set(values).where(and(eq(workPlanPrinciples.id, p.id), eq(workPlanPrinciples.planId, planId))).returning({ id: workPlanPrinciples.id });
      if (!u) throw invalidField(`principles.${i}.id`, '原则不属于该计划');
    } else await tx.insert(workPlanPrinciples).values({ planId, ...values });
  }
}

export async function createPlan(db: Db, auth: AuthContext, actor: Actor, body: WorkPlanBody): Promise<WorkPlan> {
  const [dup] = await db.select({ id: workPlans.id }).from(workPlans).where(and(eq(workPlans.orgId, auth.user.orgId), eq(workPlans.year, body.year)));
  if (dup) throw conflictField('year', `本单位${body.year}年度的工作计划已存在`);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(workPlans).values({ orgId: auth.user.orgId, year: body.year, title: body.title, summary: body.summary ?? '', createdBy: auth.user.id }).returning({ id: workPlans.id });
    await savePrinciples(tx, row!.id, body.principles);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'work_plan', objectId: row!.id, detail: { year: body.year, title: body.title, principles: body.principles.length } }, true);
    return row!.id;
  });
  return getPlan(db, auth, id);
}

export async function updatePlan(db: Db, auth: AuthContext, actor: Actor, id: string, body: WorkPlanBody): Promise<WorkPlan> {
  const before = await editable(db, auth, id);
  if (body.year !== before.year) throw invalidField('year', '年度不能修改');
  await db.transaction(async (tx) => {
    await tx.update(workPlans).set({ title: body.title, summary: body.summary ?? '' }).where(eq(workPlans.id, id));
    await savePrinciples(tx, id, body.principles);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'work_plan', objectId: id, detail: { title: { from: before.title, to: body.title }, principles: { from: before.principles, to: body.principles.length } } }, true);
  });
  return getPlan(db, auth, id);
}

/** A key task under a principle, one tracked item per owner org (each within the caller's scope). */
export async function addTask(db: Db, auth: AuthContext, actor: Actor, planId: string, body: WorkPlanTaskBody): Promise<WorkPlan> {
  const plan = await editable(db, auth, planId);
  const principle = plan.principleList.find((p) => p.id === body.principleId);
  if (!principle) throw invalidField('principleId', '所属原则不在该计划中');
  const owners = [...new Set(body.ownerOrgIds)];
  for (const o of owners) if (!(await findOrg(db, auth.scope, o))) throw invalidField('ownerOrgIds', '责任单位不在您的管理范围内');
  await db.transaction(async (tx) => {
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(workPlanTasks).where(eq(workPlanTasks.principleId, principle.id));
    const [t] = await tx.insert(workPlanTasks).values({ planId, principleId: principle.id, position: (n?.n ?? 0) + 1, title: body.title, description: body.description ?? '' }).returning({ id: workPlanTasks.id });
    await createTrackedItems(tx, owners.map((o) => ({ kind: TASK_KIND, businessId: t!.id, title: body.title, ownerOrgId: o, supervisorOrgId: plan.orgId, deadline: body.deadline })));
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'work_plan_task', objectId: t!.id, detail: { planId, principle: principle.title, owners, deadline: body.deadline } }, true);
  });
  return getPlan(db, auth, planId);
}

export async function getTask(db: Db, auth: AuthContext, id: string): Promise<WorkPlanTask & { planTitle: string; planYear: number; principleTitle: string }> {
  const [t] = await db.select().from(workPlanTasks).where(eq(workPlanTasks.id, id));
  if (!t) throw notFound('重点任务');
  const owners = await trackedFor(db, auth, TASK_KIND, [t.id]);
  if (owners.length === 0) throw notFound('重点任务');
  const [p] = await db.select({ title: workPlans.title, year: workPlans.year, principle: workPlanPrinciples.title }).from(workPlans).innerJoin(workPlanPrinciples, eq(workPlanPrinciples.id, t.principleId)).where(eq(workPlans.id, t.planId));
  return { id: t.id, planId: t.planId, principleId: t.principleId, position: t.position, title: t.title, description: t.description, owners, planTitle: p?.title ?? '', planYear: p?.year ?? 0, principleTitle: p?.principle ?? '' };
}
