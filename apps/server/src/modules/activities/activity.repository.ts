import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { activityListQuerySchema } from '@gonghui/contracts';
import type { DataScope } from '../../platform/access/data-scope.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { offeringFromJson, type OfferingRow } from '../../platform/enrolment/enrolment-offering.js';

export interface ActivityRow {
  id: string;
  type: string;
  title: string;
  org_id: string;
  org_name: string;
  starts_at: Date | null;
  ends_at: Date | null;
  venue: string | null;
  description: string | null;
  details: Record<string, unknown>;
  offering_id: string;
  created_at: Date;
}

const SELECT = sql`SELECT a.id, a.type, a.title, a.org_id, g.name AS org_name, a.starts_at, a.ends_at, a.venue, a.description, a.details, o.id AS offering_id, a.created_at
  FROM activities a JOIN orgs g ON g.id = a.org_id JOIN enrolment_offerings o ON o.kind = 'activity' AND o.subject_id = a.id`;

/**
 * What staff see: the activities their scope organises, and those organised above them that their
 * members may join (to nominate members and see their quota).
 */
export function activityVisibleSql(scope: DataScope, userOrgId: string): SQL {
  return sql`(${scopePredicate(scope, { org: sql`a.org_id` })} OR a.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${userOrgId}::uuid))`;
}

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
const normalise = (r: Record<string, unknown>): ActivityRow => ({ ...(r as unknown as ActivityRow), starts_at: toDate(r.starts_at), ends_at: toDate(r.ends_at), created_at: toDate(r.created_at)! });

export async function findActivityRow(db: Db, id: string, visible: SQL): Promise<ActivityRow | null> {
  return (await findActivityWithOffering(db, id, visible))?.row ?? null;
}

/** An activity and its offering, in one read (a sign-up's first statement). */
export async function findActivityWithOffering(db: Db, id: string, visible: SQL): Promise<{ row: ActivityRow; offering: OfferingRow } | null> {
  const [r] = await queryRows<Record<string, unknown> & { offering: Record<string, unknown> }>(
    db,
    sql`SELECT a.id, a.type, a.title, a.org_id, g.name AS org_name, a.starts_at, a.ends_at, a.venue, a.description, a.details, o.id AS offering_id, a.created_at, to_jsonb(o) AS offering
        FROM activities a JOIN orgs g ON g.id = a.org_id JOIN enrolment_offerings o ON o.kind = 'activity' AND o.subject_id = a.id
        WHERE a.id = ${id}::uuid AND ${visible}`,
  );
  if (!r) return null;
  const { offering, ...row } = r;
  return { row: normalise(row), offering: offeringFromJson(offering) };
}

export async function listActivityRows(db: Db, visible: SQL, q: z.infer<typeof activityListQuerySchema>): Promise<{ rows: ActivityRow[]; total: number }> {
  const where: SQL[] = [visible];
  if (q.type) where.push(sql`a.type = ${q.type}`);
  if (q.status) where.push(sql`o.status = ${q.status}`);
  if (q.q) where.push(sql`a.title ILIKE ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await queryRows<Record<string, unknown>>(db, sql`${SELECT} WHERE ${cond} ORDER BY a.created_at DESC, a.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM activities a JOIN enrolment_offerings o ON o.kind = 'activity' AND o.subject_id = a.id WHERE ${cond}`);
  return { rows: rows.map(normalise), total: count?.n ?? 0 };
}

/** Published activities a member may see on the phone: organised by their union or one above it. */
export async function memberActivityRows(db: Db, memberOrgId: string): Promise<ActivityRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`${SELECT} WHERE o.status = 'published' AND o.closes_at > now() - interval '30 days'
          AND a.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${memberOrgId}::uuid)
        ORDER BY (o.closes_at > now()) DESC, o.opens_at DESC LIMIT 100`,
  );
  return rows.map(normalise);
}
