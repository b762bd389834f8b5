import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/data-scope.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/db-connection.js';
import { orgs } from '../../platform/org/org.schema.js';
import { trackedScope } from '../../platform/tracking/tracking.repository.js';
import { trackedItems } from '../../platform/tracking/tracking.schema.js';
import { workPlanPrinciples, workPlans, workPlanTasks } from './work-plan.schema.js';

export type PlanRow = typeof workPlans.$inferSelect & { orgName: string };

/** A plan is visible to its union's scope, and to the owner orgs of its tasks (they see their own tasks only). */
function planScope(scope: DataScope): SQL {
  return sql`(${scopePredicate(scope, { org: workPlans.orgId })} OR EXISTS (
    SELECT 1 FROM ${workPlanTasks} t JOIN ${trackedItems} ON ${trackedItems.businessId} = t.id AND ${trackedItems.kind} = 'work-plan-task'
    WHERE t.plan_id = ${workPlans.id} AND ${trackedScope(scope)}))`;
}

export async function planRows(db: Db, scope: DataScope, f: { year?: number; id?: string }): Promise<PlanRow[]> {
  const rows = await db
    .select({ p: workPlans, orgName: orgs.name })
    .from(workPlans)
    .innerJoin(orgs, eq(orgs.id, workPlans.orgId))
    .where(and(planScope(scope), f.year ? eq(workPlans.year, f.year) : sql`true`, f.id ? eq(workPlans.id, f.id) : sql`true`))
    .orderBy(desc(workPlans.year), asc(orgs.code))
    .limit(200);
  return rows.map((r) => ({ ...r.p, orgName: r.orgName }));
}

export async function principleRows(db: Db, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db.select().from(workPlanPrinciples).where(inArray(workPlanPrinciples.planId, planIds)).orderBy(asc(workPlanPrinciples.position));
}

export async function taskRows(db: Db, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db.select().from(workPlanTasks).where(inArray(workPlanTasks.planId, planIds)).orderBy(asc(workPlanTasks.position));
}
