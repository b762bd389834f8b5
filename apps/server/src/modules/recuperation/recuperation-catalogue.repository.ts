import { sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../platform/access/data-scope.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/**
 * The catalogue (bases and routes) a user sees: what their scope owns, and what the unions above
 * them keep (a district organises batches at the city's bases).
 */
export function catalogueVisibleSql(scope: DataScope, userOrgId: string, orgColumn: SQL): SQL {
  return sql`(${scopePredicate(scope, { org: orgColumn })} OR ${orgColumn} IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${userOrgId}::uuid))`;
}

export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface BaseRow {
  id: string;
  org_id: string;
  org_name: string;
  name: string;
  location: string;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  capacity_note: string | null;
  description: string | null;
  active: boolean;
  route_count: number;
}

const BASE_SELECT = sql`SELECT s.id, s.org_id, g.name AS org_name, s.name, s.location, s.address, s.contact_name, s.contact_phone, s.capacity_note, s.description, s.active,
    (SELECT count(*)::int FROM recuperation_routes r WHERE r.base_id = s.id) AS route_count
  FROM recuperation_bases s JOIN orgs g ON g.id = s.org_id`;

export async function findBaseRow(db: Db, id: string, visible: SQL): Promise<BaseRow | null> {
  const [row] = await queryRows<BaseRow>(db, sql`${BASE_SELECT} WHERE s.id = ${id}::uuid AND ${visible}`);
  return row ?? null;
}

export async function listBaseRows(db: Db, visible: SQL, q: { q?: string; active?: boolean; page: number; pageSize: number }): Promise<{ rows: BaseRow[]; total: number }> {
  const where: SQL[] = [visible];
  if (q.active !== undefined) where.push(sql`s.active = ${q.active}`);
  if (q.q) where.push(sql`(s.name ILIKE ${likePattern(q.q)} OR s.location ILIKE ${likePattern(q.q)})`);
  const cond = sql.join(where, sql` AND `);
  const rows = await queryRows<BaseRow>(db, sql`${BASE_SELECT} WHERE ${cond} ORDER BY s.active DESC, s.name, s.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM recuperation_bases s WHERE ${cond}`);
  return { rows, total: count?.n ?? 0 };
}

export interface RouteRow {
  id: string;
  base_id: string;
  base_name: string;
  location: string;
  base_active: boolean;
  org_id: string;
  name: string;
  days: number;
  allowance_per_day: number;
  description: string | null;
  itinerary: string | null;
  active: boolean;
  batch_count: number;
}

const ROUTE_SELECT = sql`SELECT r.id, r.base_id, s.name AS base_name, s.location, s.active AS base_active, r.org_id, r.name, r.days, r.allowance_per_day, r.description, r.itinerary, r.active,
    (SELECT count(*)::int FROM recuperation_batches b WHERE b.route_id = r.id) AS batch_count
  FROM recuperation_routes r JOIN recuperation_bases s ON s.id = r.base_id`;

export async function findRouteRow(db: Db, id: string, visible: SQL): Promise<RouteRow | null> {
  const [row] = await queryRows<RouteRow>(db, sql`${ROUTE_SELECT} WHERE r.id = ${id}::uuid AND ${visible}`);
  return row ?? null;
}

export async function listRouteRows(db: Db, visible: SQL, q: { baseId?: string; active?: boolean; q?: string; page: number; pageSize: number }): Promise<{ rows: RouteRow[]; total: number }> {
  const where: SQL[] = [visible];
  if (q.baseId) where.push(sql`r.base_id = ${q.baseId}::uuid`);
  if (q.active !== undefined) where.push(sql`r.active = ${q.active}`);
  if (q.q) where.push(sql`(r.name ILIKE ${likePattern(q.q)} OR s.name ILIKE ${likePattern(q.q)})`);
  const cond = sql.join(where, sql` AND `);
  const rows = await queryRows<RouteRow>(db, sql`${ROUTE_SELECT} WHERE ${cond} ORDER BY s.name, r.days, r.name, r.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM recuperation_routes r JOIN recuperation_bases s ON s.id = r.base_id WHERE ${cond}`);
  return { rows, total: count?.n ?? 0 };
}
