import { sql } from 'drizzle-orm';
import { RECUPERATION_DEFAULT_BUDGET_CAP, RECUPERATION_DEFAULT_MAX_STAYS, type RecuperationPlan, type RecuperationPlanBody } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { forbidden } from '../../platform/http/app-error.js';
import { recuperationPlans } from './recuperation.schema.js';
import { batchVisibleSql } from './recuperation.repository.js';
import type { RecuperationContext } from './recuperation-catalogue.service.js';

export interface YearPlan {
  year: number;
  budgetCapPerPerson: number;
  maxStaysPerYear: number;
  targetPlaces: number | null;
  note: string | null;
  isDefault: boolean;
  updatedAt: Date | null;
}

/** The year's plan, or the defaults (3,000 元 per person, one stay) when the city has set none. */
export async function yearPlan(db: Db, year: number): Promise<YearPlan> {
  const [row] = await queryRows<{ budget_cap_per_person: number; max_stays_per_year: number; target_places: number | null; note: string | null; updated_at: string }>(
    db,
    sql`SELECT budget_cap_per_person, max_stays_per_year, target_places, note, updated_at::text AS updated_at FROM recuperation_plans WHERE year = ${year}`,
  );
  if (!row) return { year, budgetCapPerPerson: RECUPERATION_DEFAULT_BUDGET_CAP, maxStaysPerYear: RECUPERATION_DEFAULT_MAX_STAYS, targetPlaces: null, note: null, isDefault: true, updatedAt: null };
  return { year, budgetCapPerPerson: row.budget_cap_per_person, maxStaysPerYear: row.max_stays_per_year, targetPlaces: row.target_places, note: row.note, isDefault: false, updatedAt: new Date(row.updated_at) };
}

/** The plan is the city federation's: its id (the root of the tree). */
async function cityOrgId(db: Db): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE kind = 'city' ORDER BY created_at LIMIT 1`);
  return row!.id;
}

async function mayEditPlan(db: Db, auth: AuthContext): Promise<boolean> {
  return auth.permissions.has('recuperation:plan:manage') && scopeIncludesOrg(db, auth.scope, await cityOrgId(db));
}

export async function getPlan(ctx: RecuperationContext, auth: AuthContext, year: number): Promise<RecuperationPlan> {
  const plan = await yearPlan(ctx.db, year);
  const [figures] = await queryRows<{ offered: number; taken: number }>(
    ctx.db,
    sql`SELECT coalesce(sum(o.capacity), 0)::int AS offered,
          coalesce(sum((SELECT count(*) FROM enrolments e WHERE e.offering_id = o.id AND e.status = 'confirmed')), 0)::int AS taken
        FROM recuperation_batches b JOIN enrolment_offerings o ON o.kind = 'recuperation' AND o.subject_id = b.id
        WHERE b.year = ${year} AND o.status = 'published' AND ${batchVisibleSql(auth.scope, auth.user.orgId)}`,
  );
  return {
    year,
    budgetCapPerPerson: plan.budgetCapPerPerson,
    maxStaysPerYear: plan.maxStaysPerYear,
    targetPlaces: plan.targetPlaces,
    note: plan.note,
    isDefault: plan.isDefault,
    updatedAt: plan.updatedAt?.toISOString() ?? null,
    placesOffered: figures?.offered ?? 0,
    placesTaken: figures?.taken ?? 0,
    abilities: { canEdit: await mayEditPlan(ctx.db, auth) },
  };
}

/** Sets the year's plan (the city's). Batches written afterwards take its one-stay rule; the cost cap applies to every sign-up from now on. */
export async function setPlan(ctx: RecuperationContext, auth: AuthContext, actor: Actor, year: number, b: RecuperationPlanBody): Promise<RecuperationPlan> {
  if (!(await mayEditPlan(ctx.db, auth))) throw forbidden('疗休养年度计划由市总工会设置');
  const before = await yearPlan(ctx.db, year);
  const values = { budgetCapPerPerson: b.budgetCapPerPerson, maxStaysPerYear: b.maxStaysPerYear, targetPlaces: b.targetPlaces ?? null, note: b.note ?? null, updatedBy: actor.userId, updatedAt: new Date() };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(recuperationPlans)
      .values({ year, orgId: await cityOrgId(tx), ...values })
      .onConflictDoUpdate({ target: recuperationPlans.year, set: values });
    await recordAudit(tx, actor, {
      action: 'data.update',
      objectType: 'recuperation_plan',
      objectId: String(year),
      detail: { before: { budgetCapPerPerson: before.budgetCapPerPerson, maxStaysPerYear: before.maxStaysPerYear }, after: { budgetCapPerPerson: b.budgetCapPerPerson, maxStaysPerYear: b.maxStaysPerYear, targetPlaces: b.targetPlaces ?? null } },
    }, true);
  });
  return getPlan(ctx, auth, year);
}
