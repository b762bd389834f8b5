import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Page,
  RecuperationBase,
  RecuperationBaseBody,
  RecuperationRoute,
  RecuperationRouteBody,
  recuperationBaseListQuerySchema,
  recuperationRouteListQuerySchema,
} from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import type { Db } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, conflictField, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { recuperationBases, recuperationRoutes } from './recuperation.schema.js';
import { catalogueVisibleSql, findBaseRow, findRouteRow, listBaseRows, listRouteRows, type BaseRow, type RouteRow } from './recuperation-catalogue.repository.js';

/** What the recuperation services use of the app context (the demo seed runs them with just a database). */
export type RecuperationContext = Pick<AppContext, 'db'>;

const MANAGE = 'recuperation:plan:manage';

/** Whether the caller may change catalogue rows of `orgId` (the code, and the owner in their scope); memoised per call. */
function catalogueEditor(db: Db, auth: AuthContext): (orgId: string) => Promise<boolean> {
  const seen = new Map<string, Promise<boolean>>();
  return (orgId) => {
    if (!auth.permissions.has(MANAGE)) return Promise.resolve(false);
    if (!seen.has(orgId)) seen.set(orgId, scopeIncludesOrg(db, auth.scope, orgId));
    return seen.get(orgId)!;
  };
}

const baseDto = (r: BaseRow, canEdit: boolean): RecuperationBase => ({
  id: r.id,
  name: r.name,
  location: r.location,
  address: r.address,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  capacityNote: r.capacity_note,
  description: r.description,
  active: r.active,
  orgId: r.org_id,
  orgName: r.org_name,
  routeCount: r.route_count,
  abilities: { canEdit, canDelete: canEdit && r.route_count === 0 },
});

const routeDto = (r: RouteRow, canEdit: boolean): RecuperationRoute => ({
  id: r.id,
  baseId: r.base_id,
  baseName: r.base_name,
  location: r.location,
  name: r.name,
  days: r.days,
  allowancePerDay: r.allowance_per_day,
  costPerPerson: r.days * r.allowance_per_day,
  description: r.description,
  itinerary: r.itinerary,
  active: r.active,
  orgId: r.org_id,
  batchCount: r.batch_count,
  abilities: { canEdit, canDelete: canEdit && r.batch_count === 0 },
});

const baseVisible = (auth: AuthContext) => catalogueVisibleSql(auth.scope, auth.user.orgId, sql`s.org_id`);
const routeVisible = (auth: AuthContext) => catalogueVisibleSql(auth.scope, auth.user.orgId, sql`r.org_id`);

export async function listBases(ctx: RecuperationContext, auth: AuthContext, q: z.infer<typeof recuperationBaseListQuerySchema>): Promise<Page<RecuperationBase>> {
  const { rows, total } = await listBaseRows(ctx.db, baseVisible(auth), q);
  const editor = catalogueEditor(ctx.db, auth);
  const items: RecuperationBase[] = [];
  for (const r of rows) items.push(baseDto(r, await editor(r.org_id)));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function loadBase(db: Db, auth: AuthContext, id: string): Promise<BaseRow> {
  const row = await findBaseRow(db, id, baseVisible(auth));
  if (!row) throw notFound('疗休养基地');
  return row;
}

export async function getBase(ctx: RecuperationContext, auth: AuthContext, id: string): Promise<RecuperationBase> {
  const row = await loadBase(ctx.db, auth, id);
  return baseDto(row, await catalogueEditor(ctx.db, auth)(row.org_id));
}

const duplicateBase = (e: unknown): never => {
  if (isUniqueViolation(e, 'recuperation_bases_name_unique')) throw conflictField('name', '已有同名的疗休养基地');
  throw e;
};

const baseValues = (b: RecuperationBaseBody) => ({
  name: b.name,
  location: b.location,
  address: b.address ?? null,
  contactName: b.contactName ?? null,
  contactPhone: b.contactPhone ?? null,
  capacityNote: b.capacityNote ?? null,
  description: b.description ?? null,
  active: b.active ?? true,
});

/** A base owned by `orgId`, written in the given transaction (the form and the demo seed). */
export async function insertBase(tx: Db, actor: Actor, orgId: string, b: RecuperationBaseBody): Promise<string> {
  const [row] = await tx.insert(recuperationBases).values({ ...baseValues(b), orgId, createdBy: actor.userId }).returning({ id: recuperationBases.id });
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'recuperation_base', objectId: row!.id, detail: { name: b.name, location: b.location } }, true);
  return row!.id;
}

export async function createBase(ctx: RecuperationContext, auth: AuthContext, actor: Actor, b: RecuperationBaseBody): Promise<RecuperationBase> {
  const id = await ctx.db.transaction((tx) => insertBase(tx, actor, auth.user.orgId, b)).catch(duplicateBase);
  return getBase(ctx, auth, id);
}

async function managedBase(db: Db, auth: AuthContext, id: string): Promise<BaseRow> {
  const row = await loadBase(db, auth, id);
  if (!(await catalogueEditor(db, auth)(row.org_id))) throw forbidden('只有基地所属工会可以修改该基地');
  return row;
}

export async function updateBase(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string, b: RecuperationBaseBody): Promise<RecuperationBase> {
  await managedBase(ctx.db, auth, id);
  await ctx.db
    .transaction(async (tx) => {
      const [old] = await tx.select().from(recuperationBases).where(sql`id = ${id}::uuid`);
      const values = baseValues(b);
      await tx.update(recuperationBases).set({ ...values, updatedAt: new Date() }).where(sql`id = ${id}::uuid`);
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'recuperation_base', objectId: id, detail: changeDetail(old!, values) }, true);
    })
    .catch(duplicateBase);
  return getBase(ctx, auth, id);
}

export async function deleteBase(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string): Promise<void> {
  const row = await managedBase(ctx.db, auth, id);
  if (row.route_count > 0) throw conflict('该基地已有线路,不能删除;不再使用时请改为停用', 'IN_USE');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(recuperationBases).where(sql`id = ${id}::uuid`);
    await recordAudit(tx, actor, { action: 'data.delete', objectType: 'recuperation_base', objectId: id, detail: { name: row.name } }, true);
  });
}

// ---- routes ----

export async function listRoutes(ctx: RecuperationContext, auth: AuthContext, q: z.infer<typeof recuperationRouteListQuerySchema>): Promise<Page<RecuperationRoute>> {
  const { rows, total } = await listRouteRows(ctx.db, routeVisible(auth), q);
  const editor = catalogueEditor(ctx.db, auth);
  const items: RecuperationRoute[] = [];
  for (const r of rows) items.push(routeDto(r, await editor(r.org_id)));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** A route visible to the caller; 404 otherwise. */
export async function loadRoute(db: Db, auth: AuthContext, id: string): Promise<RouteRow> {
  const row = await findRouteRow(db, id, routeVisible(auth));
  if (!row) throw notFound('疗休养线路');
  return row;
}

export async function getRoute(ctx: RecuperationContext, auth: AuthContext, id: string): Promise<RecuperationRoute> {
  const row = await loadRoute(ctx.db, auth, id);
  return routeDto(row, await catalogueEditor(ctx.db, auth)(row.org_id));
}

/** The base a route goes to: visible, editable by the caller, in use. */
async function routeBase(db: Db, auth: AuthContext, baseId: string): Promise<BaseRow> {
  const base = await findBaseRow(db, baseId, baseVisible(auth));
  if (!base) throw invalidField('baseId', '疗休养基地不存在或不在您的数据范围内');
  if (!(await catalogueEditor(db, auth)(base.org_id))) throw invalidField('baseId', '只能在本单位的基地下设置线路');
  if (!base.active) throw invalidField('baseId', '该基地已停用,不能新增或调整线路');
  return base;
}

const routeValues = (b: RecuperationRouteBody) => ({
  name: b.name,
  days: b.days,
  allowancePerDay: b.allowancePerDay,
  description: b.description ?? null,
  itinerary: b.itinerary ?? null,
  active: b.active ?? true,
});

const duplicateRoute = (e: unknown): never => {
  if (isUniqueViolation(e, 'recuperation_routes_name_unique')) throw conflictField('name', '该基地已有同名线路');
  throw e;
};

/** A route at a base owned by `orgId`, written in the given transaction (the form and the demo seed). */
export async function insertRoute(tx: Db, actor: Actor, orgId: string, b: RecuperationRouteBody): Promise<string> {
  const [row] = await tx.insert(recuperationRoutes).values({ ...routeValues(b), baseId: b.baseId, orgId, createdBy: actor.userId }).returning({ id: recuperationRoutes.id });
  await recordAudit(tx, actor, { action: 'data.create', objectType: 'recuperation_route', objectId: row!.id, detail: { name: b.name, days: b.days, allowancePerDay: b.allowancePerDay } }, true);
  return row!.id;
}

export async function createRoute(ctx: RecuperationContext, auth: AuthContext, actor: Actor, b: RecuperationRouteBody): Promise<RecuperationRoute> {
  const base = await routeBase(ctx.db, auth, b.baseId);
  const id = await ctx.db.transaction((tx) => insertRoute(tx, actor, base.org_id, b)).catch(duplicateRoute);
  return getRoute(ctx, auth, id);
}

async function managedRoute(db: Db, auth: AuthContext, id: string): Promise<RouteRow> {
  const row = await loadRoute(db, auth, id);
  if (!(await catalogueEditor(db, auth)(row.org_id))) throw forbidden('只有线路所属工会可以修改该线路');
  return row;
}

/** Edits a route; batches already written keep the days and allowance they were created with. */
export async function updateRoute(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string, b: RecuperationRouteBody): Promise<RecuperationRoute> {
  const before = await managedRoute(ctx.db, auth, id);
  const base = b.baseId === before.base_id ? null : await routeBase(ctx.db, auth, b.baseId);
  await ctx.db
    .transaction(async (tx) => {
      await tx.update(recuperationRoutes).set({ ...routeValues(b), baseId: b.baseId, orgId: base?.org_id ?? before.org_id, updatedAt: new Date() }).where(sql`id = ${id}::uuid`);
      await recordAudit(tx, actor, { action: 'data.update', objectType: 'recuperation_route', objectId: id, detail: { before: { days: before.days, allowancePerDay: before.allowance_per_day }, after: { days: b.days, allowancePerDay: b.allowancePerDay } } }, true);
    })
    .catch(duplicateRoute);
  return getRoute(ctx, auth, id);
}

export async function deleteRoute(ctx: RecuperationContext, auth: AuthContext, actor: Actor, id: string): Promise<void> {
  const row = await managedRoute(ctx.db, auth, id);
  if (row.batch_count > 0) throw conflict('该线路已有批次,不能删除;不再使用时请改为停用', 'IN_USE');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(recuperationRoutes).where(sql`id = ${id}::uuid`);
    await recordAudit(tx, actor, { action: 'data.delete', objectType: 'recuperation_route', objectId: id, detail: { name: row.name } }, true);
  });
}
