import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { RecuperationPriorityGroup, recuperationBatchListQuerySchema } from '@gonghui/contracts';
import type { DataScope } from '../../platform/access/data-scope.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { likePattern } from './recuperation-catalogue.repository.js';

export const RECUPERATION_KIND = 'recuperation';

export interface BatchRow {
  id: string;
  offering_id: string;
  title: string;
  year: number;
  route_id: string;
  route_name: string;
  base_id: string;
  base_name: string;
  location: string;
  itinerary: string | null;
  days: number;
  allowance_per_day: number;
  start_date: string;
  end_date: string;
  org_id: string;
  org_name: string;
  priority_groups: RecuperationPriorityGroup[];
  priority_only: boolean;
  self_signup: boolean;
  description: string | null;
}

const FROM = sql`FROM recuperation_batches b JOIN recuperation_routes r ON r.id = b.route_id JOIN recuperation_bases s ON s.id = r.base_id
  JOIN orgs g ON g.id = b.org_id JOIN enrolment_offerings o ON o.kind = 'recuperation' AND o.subject_id = b.id`;
const SELECT = sql`SELECT b.id, o.id AS offering_id, b.title, b.year, b.route_id, r.name AS route_name, r.base_id, s.name AS base_name, s.location, r.itinerary,
    b.days, b.allowance_per_day, b.start_date::text AS start_date, b.end_date::text AS end_date, b.org_id, g.name AS org_name,
    to_jsonb(b.priority_groups) AS priority_groups, b.priority_only, b.self_signup, b.description
  ${FROM}`;

/**
 * What staff see: the batches their scope organises, and those organised above them that their
 * members may join (to nominate members and see their quota).
 */
export function batchVisibleSql(scope: DataScope, userOrgId: string): SQL {
  return sql`(${scopePredicate(scope, { org: sql`b.org_id` })} OR b.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${userOrgId}::uuid))`;
}

/** What a member sees: batches of their union or one above it, once published. */
export function memberBatchVisibleSql(memberOrgId: string): SQL {
  return sql`(o.status <> 'draft' AND b.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${memberOrgId}::uuid))`;
}

export async function findBatchRow(db: Db, id: string, visible: SQL): Promise<BatchRow | null> {
  const [row] = await queryRows<BatchRow>(db, sql`${SELECT} WHERE b.id = ${id}::uuid AND ${visible}`);
  return row ?? null;
}

export async function listBatchRows(db: Db, visible: SQL, q: z.infer<typeof recuperationBatchListQuerySchema>): Promise<{ rows: BatchRow[]; total: number }> {
  const where: SQL[] = [visible];
  if (q.year) where.push(sql`b.year = ${q.year}`);
  if (q.status) where.push(sql`o.status = ${q.status}`);
  if (q.orgId) where.push(sql`b.org_id = ${q.orgId}::uuid`);
  if (q.routeId) where.push(sql`b.route_id = ${q.routeId}::uuid`);
  if (q.baseId) where.push(sql`r.base_id = ${q.baseId}::uuid`);
  if (q.q) where.push(sql`(b.title ILIKE ${likePattern(q.q)} OR s.name ILIKE ${likePattern(q.q)})`);
  const cond = sql.join(where, sql` AND `);
  const rows = await queryRows<BatchRow>(db, sql`${SELECT} WHERE ${cond} ORDER BY b.start_date DESC, b.created_at DESC, b.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${FROM} WHERE ${cond}`);
  return { rows, total: count?.n ?? 0 };
}

/** Batches on the member's phone: this year's and next, not yet over, open ones first. */
export async function memberBatchRows(db: Db, memberOrgId: string, today: string): Promise<BatchRow[]> {
  return queryRows<BatchRow>(
    db,
    sql`${SELECT} WHERE ${memberBatchVisibleSql(memberOrgId)} AND o.status = 'published' AND b.end_date >= ${today}::date
        ORDER BY (o.closes_at > now() AND o.opens_at <= now()) DESC, b.start_date, b.id LIMIT 100`,
  );
}

/** Companions (随行家属) of the confirmed members of offerings, and what they pay. */
export async function companionFigures(db: Db, offeringIds: string[]): Promise<Map<string, { companions: number; ownCost: number }>> {
  const out = new Map<string, { companions: number; ownCost: number }>();
  if (offeringIds.length === 0) return out;
  const rows = await queryRows<{ offering_id: string; companions: number; own_cost: number }>(
    db,
    sql`SELECT offering_id, coalesce(sum(jsonb_array_length(coalesce(details->'companions', '[]'::jsonb))), 0)::int AS companions,
          coalesce(sum((details->>'companionsOwnCost')::int), 0)::int AS own_cost
        FROM enrolments WHERE offering_id IN (${sql.join(offeringIds.map((id) => sql`${id}::uuid`), sql`, `)}) AND status = 'confirmed'
        GROUP BY offering_id`,
  );
  for (const r of rows) out.set(r.offering_id, { companions: r.companions, ownCost: r.own_cost });
  return out;
}
