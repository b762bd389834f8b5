import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  OFFERING_STATUS_LABELS,
  RECUPERATION_STAGE_LABELS,
  type EligibilityRules,
  type OfferingStatus,
  type Page,
  type RecuperationBatch,
  type RecuperationBatchBody,
  type RecuperationBatchListItem,
  type RecuperationStage,
  type allocateQuotaBodySchema,
  type recuperationBatchListQuerySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { describeRules } from '../../platform/enrolment/enrolment-eligibility.js';
import { createOffering, offeringById, offeringsByIds, offeringFigures, offeringPhase, setCapacity, type OfferingRow } from '../../platform/enrolment/enrolment-offering.js';
import { allocateQuota, listQuotas } from '../../platform/enrolment/enrolment-quota.js';
import { recuperationBatches } from './recuperation.schema.js';
import { RECUPERATION_KIND, batchVisibleSql, companionFigures, findBatchRow, listBatchRows, type BatchRow } from './recuperation.repository.js';
import { catalogueVisibleSql, findRouteRow, type RouteRow } from './recuperation-catalogue.repository.js';
import type { RecuperationContext } from './recuperation-catalogue.service.js';
import { yearPlan } from './recuperation-plan.service.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** `date` (YYYY-MM-DD) plus `n` days. */
export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Where a batch stands: its status, then its sign-up window, then its dates (Asia/Shanghai). */
export function batchStage(offering: Pick<OfferingRow, 'status' | 'opensAt' | 'closesAt'>, row: Pick<BatchRow, 'start_date' | 'end_date'>, now = new Date()): RecuperationStage {
  if (offering.status === 'cancelled') return 'cancelled';
  if (offering.status === 'draft') return 'draft';
  const phase = offeringPhase(offering, now);
  if (phase !== 'closed') return phase;
  const today = shanghaiDate(now);
  if (today < row.start_date) return 'closed';
  return today <= row.end_date ? 'ongoing' : 'finished';
}

/**
 * The eligibility rules of a batch, in the enrolment mechanism's terms: the year's stays per
 * person (maxPerYear) and, when the batch is for its priority groups only, one of them (anyOfFlags).
 */
export function batchRules(maxStaysPerYear: number, b: Pick<RecuperationBatchBody, 'priorityOnly' | 'priorityGroups'>): EligibilityRules {
  return { maxPerYear: maxStaysPerYear, ...(b.priorityOnly && b.priorityGroups?.length ? { anyOfFlags: [...b.priorityGroups] } : {}) };
}

/** The batch and its offering, if visible to the caller; 404 otherwise. */
export async function loadBatch(db: Db, auth: AuthContext, id: string): Promise<{ row: BatchRow; offering: OfferingRow }> {
  const row = await findBatchRow(db, id, batchVisibleSql(auth.scope, auth.user.orgId));
  if (!row) throw notFound('疗休养批次');
  return { row, offering: (await offeringById(db, row.offering_id))! };
}

async function toDto(db: Db, auth: AuthContext, row: BatchRow, offering: OfferingRow): Promise<RecuperationBatch> {
  const figures = (await offeringFigures(db, [offering.id])).get(offering.id)!;
  const companions = (await companionFigures(db, [offering.id])).get(offering.id) ?? { companions: 0, ownCost: 0 };
  const manages = auth.permissions.has('recuperation:batch:manage') && (await scopeIncludesOrg(db, auth.scope, row.org_id));
  const status = offering.status as OfferingStatus;
  const stage = batchStage(offering, row);
  const phase = offeringPhase(offering);
  return {
    id: row.id,
    offeringId: offering.id,
    title: row.title,
    year: row.year,
    routeId: row.route_id,
    routeName: row.route_name,
    baseId: row.base_id,
    baseName: row.base_name,
    location: row.location,
    days: row.days,
    allowancePerDay: row.allowance_per_day,
    costPerPerson: row.days * row.allowance_per_day,
    startDate: row.start_date,
    endDate: row.end_date,
    orgId: row.org_id,
    orgName: row.org_name,
    status,
    statusLabel: OFFERING_STATUS_LABELS[status],
    stage,
    stageLabel: RECUPERATION_STAGE_LABELS[stage],
    phase,
    capacity: offering.capacity,
    ...figures,
    signupOpensAt: offering.opensAt.toISOString(),
    signupClosesAt: offering.closesAt.toISOString(),
    cancelUntil: iso(offering.cancelUntil),
    priorityGroups: row.priority_groups,
    priorityOnly: row.priority_only,
    selfSignup: row.self_signup,
    description: row.description,
    itinerary: row.itinerary,
    rules: offering.rules,
    rulesText: describeRules(offering.rules),
    quotas: await listQuotas(db, offering.id),
    companions: companions.companions,
    companionsOwnCost: companions.ownCost,
    abilities: {
      canEdit: manages && status === 'draft',
      canPublish: manages && status === 'draft',
      canAllocate: (stage === 'draft' || stage === 'not_open' || stage === 'open') && auth.permissions.has('activity:quota:allocate'),
      canNominate: stage === 'open' && auth.permissions.has('activity:enrolment:manage'),
    },
  };
}

export async function getBatch(ctx: RecuperationContext, auth: AuthContext, id: string): Promise<RecuperationBatch> {
  const { row, offering } = await loadBatch(ctx.db, auth, id);
  return toDto(ctx.db, auth, row, offering);
}

export async function listBatches(ctx: RecuperationContext, auth: AuthContext, q: z.infer<typeof recuperationBatchListQuerySchema>): Promise<Page<RecuperationBatchListItem>> {
  const { rows, total } = await listBatchRows(ctx.db, batchVisibleSql(auth.scope, auth.user.orgId), q);
  const offerings = await offeringsByIds(ctx.db, rows.map((r) => r.offering_id));
  const figures = await offeringFigures(ctx.db, rows.map((r) => r.offering_id));
  const items = rows.map((r): RecuperationBatchListItem => {
    const o = offerings.get(r.offering_id)!;
    const status = o.status as OfferingStatus;
    const stage = batchStage(o, r);
    return {
      id: r.id,
      title: r.title,
      year: r.year,
      routeName: r.route_name,
      baseName: r.base_name,
      location: r.location,
      days: r.days,
      allowancePerDay: r.allowance_per_day,
      costPerPerson: r.days * r.allowance_per_day,
      startDate: r.start_date,
      endDate: r.end_date,
      orgName: r.org_name,
      status,
      statusLabel: OFFERING_STATUS_LABELS[status],
      stage,
      stageLabel: RECUPERATION_STAGE_LABELS[stage],
      phase: offeringPhase(o),
      capacity: o.capacity,
      confirmed: figures.get(o.id)!.confirmed,
      signupOpensAt: o.opensAt.toISOString(),
      signupClosesAt: o.closesAt.toISOString(),
      priorityGroups: r.priority_groups,
      priorityOnly: r.priority_only,
      selfSignup: r.self_signup,
    };
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** The route a batch goes on: visible to the caller and in use. */
async function batchRoute(db: Db, auth: AuthContext, routeId: string): Promise<RouteRow> {
  const route = await findRouteRow(db, routeId, catalogueVisibleSql(auth.scope, auth.user.orgId, sql`r.org_id`));
  if (!route) throw invalidField('routeId', '线路不存在或不在您的数据范围内');
  if (!route.active || !route.base_active) throw invalidField('routeId', '该线路或其基地已停用');
  return route;
}

const batchValues = (b: RecuperationBatchBody, route: Pick<RouteRow, 'id' | 'days' | 'allowance_per_day'>) => ({
  routeId: route.id,
  title: b.title,
  year: Number(b.startDate.slice(0, 4)),
  startDate: b.startDate,
  endDate: addDays(b.startDate, route.days - 1),
  days: route.days,
  allowancePerDay: route.allowance_per_day,
  priorityGroups: [...new Set(b.priorityGroups ?? [])],
  priorityOnly: b.priorityOnly ?? false,
  selfSignup: b.selfSignup ?? true,
  description: b.description ?? null,
});

/**
 * Writes a batch and its offering (draft, first come, no waitlist: a place given later by a
 * waitlist would skip the yearly checks) in the given transaction; returns its id. Used by the
 * form and the demo seed.
 */
export async function insertBatch(tx: Db, actor: Actor, b: RecuperationBatchBody, route: Pick<RouteRow, 'id' | 'days' | 'allowance_per_day'>): Promise<string> {
  const values = batchValues(b, route);
  const plan = await yearPlan(tx, values.year);
  const [row] = await tx.insert(recuperationBatches).values({ ...values, orgId: b.orgId, createdBy: actor.userId }).returning({ id: recuperationBatches.id });
  await createOffering(tx, {
    kind: RECUPERATION_KIND,
    subjectId: row!.id,
    category: String(values.year),
    title: b.title,
    orgId: b.orgId,
    capacity: b.places,
    mode: 'fcfs',
    waitlist: false,
    opensAt: new Date(b.signupOpensAt),
    closesAt: new Date(b.signupClosesAt),
    cancelUntil: b.cancelUntil ? new Date(b.cancelUntil) : null,
    rules: batchRules(plan.maxStaysPerYear, b),
    year: values.year,
    createdBy: actor.userId,
  });
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'recuperation_batch', objectId: row!.id, detail: { title: b.title, startDate: b.startDate, places: b.places, days: route.days, allowancePerDay: route.allowance_per_day } }, true);
  return row!.id;
}

const notInPast = (b: RecuperationBatchBody): void => {
  if (b.startDate <= shanghaiDate(new Date())) throw invalidField('startDate', '出发日期应晚于今天');
};

export async function createBatch(ctx: RecuperationContext, auth: AuthContext, actor: Actor, b: RecuperationBatchBody): Promise<RecuperationBatch> {
  if (!(await scopeIncludesOrg(ctx.db, auth.scope, b.orgId))) throw invalidField('orgId', '主办工会不在您的数据范围内');
  const route = await batchRoute(ctx.db, auth, b.routeId);
  notInPast(b);
  const id = await ctx.db.transaction((tx) => insertBatch(tx, actor, b, route));
  return getBatch(ctx, auth, id);
}

async function managed(db: Db, auth: AuthContext, id: string): Promise<{ row: BatchRow; offering: OfferingRow }> {
  const loaded = await loadBatch(db, auth, id);
  if (!(await scopeIncludesOrg(db, auth.scope, loaded.row.org_id))) throw forbidden('只有主办工会可以修改该批次');
  return loaded;
}

/** Edits a draft: everything of the create form; days and allowance are taken from the route again. */
export async function updateBatch(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string, b: RecuperationBatchBody): Promise<RecuperationBatch> {
  const { offering } = await managed(ctx.db, auth, id);
  if (offering.status !== 'draft') throw conflict('批次已发布,不能修改', 'ILLEGAL_TRANSITION');
  if (b.orgId !== offering.orgId) throw invalidField('orgId', '主办工会不能修改');
  const route = await batchRoute(ctx.db, auth, b.routeId);
  notInPast(b);
  const values = batchValues(b, route);
  const plan = await yearPlan(ctx.db, values.year);
  await ctx.db.transaction(async (tx) => {
    const [old] = await tx.select().from(recuperationBatches).where(sql`id = ${id}::uuid`);
    await tx.update(recuperationBatches).set({ ...values, updatedAt: new Date() }).where(sql`id = ${id}::uuid`);
    await setCapacity(tx, offering, b.places);
    await tx.execute(sql`UPDATE enrolment_offerings SET title = ${b.title}, category = ${String(values.year)}, opens_at = ${b.signupOpensAt}, closes_at = ${b.signupClosesAt},
      cancel_until = ${b.cancelUntil ?? null}, rules = ${JSON.stringify(batchRules(plan.maxStaysPerYear, b))}::jsonb, year = ${values.year}, updated_at = now()
      WHERE id = ${offering.id}::uuid`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'recuperation_batch', objectId: id, detail: changeDetail({ ...old!, places: offering.capacity }, { ...values, places: b.places }) }, true);
  });
  return getBatch(ctx, auth, id);
}

export async function publishBatch(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string): Promise<RecuperationBatch> {
  const { offering } = await managed(ctx.db, auth, id);
  if (offering.status !== 'draft') throw conflict(`批次${OFFERING_STATUS_LABELS[offering.status as OfferingStatus]},不能发布`, 'ILLEGAL_TRANSITION');
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE enrolment_offerings SET status = 'published', updated_at = now() WHERE id = ${offering.id}::uuid`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'recuperation_batch', objectId: id, detail: { status: { from: offering.status, to: 'published' } } }, true);
  });
  return getBatch(ctx, auth, id);
}

/** Places down the tree (city → district → union) with the enrolment mechanism's quotas. */
export async function allocateBatchQuota(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string, b: z.infer<typeof allocateQuotaBodySchema>): Promise<RecuperationBatch> {
  const { row, offering } = await loadBatch(ctx.db, auth, id);
  if (offering.status === 'cancelled') throw conflict('批次已取消', 'ILLEGAL_TRANSITION');
  if (!(await scopeIncludesOrg(ctx.db, auth.scope, b.orgId))) throw invalidField('orgId', '该单位不在您的数据范围内');
  await allocateQuota(ctx.db, actor, offering, { orgId: b.orgId, places: b.places, returnAt: b.returnAt ? new Date(b.returnAt) : null }, (tx, from) => scopeIncludesOrg(tx, auth.scope, from));
  return toDto(ctx.db, auth, row, (await offeringById(ctx.db, offering.id))!);
}
