import { sql, type SQL } from 'drizzle-orm';
import type { HonourLevel, ModelWorkerCareFilter, PlacementStatus } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { careFilterSql, careSql } from './model-worker-care.js';

/** A 劳模 as read for display: masked columns only, never ciphertext; honours, last visit and open placement joined. */
export interface ModelWorkerRow {
  id: string;
  org_id: string;
  org_name: string;
  district_id: string | null;
  district_name: string | null;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  id_card_masked: string | null;
  phone_masked: string | null;
  member_id: string | null;
  unit: string | null;
  retired: boolean;
  deceased_on: string | null;
  lives_alone: boolean;
  living_note: string | null;
  address: string | null;
  note: string | null;
  version: number;
  created_at: string;
  honours: { level: HonourLevel; title: string; year: number }[];
  last_visited_on: string | null;
  placement_status: PlacementStatus | null;
}

/** A 劳模 belongs to the union that owns the record: the caller's scope over that org. */
export const modelWorkerScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`w.org_id` });

/** The district (区县(市)总工会) above an org, the org itself when it is one. */
export const districtOf = (org: SQL): SQL =>
  sql`(SELECT a.id FROM org_closure c JOIN orgs a ON a.id = c.ancestor_id WHERE c.descendant_id = ${org} AND c.relation = 'territorial' AND a.kind = 'district' LIMIT 1)`;

const SELECT = sql`SELECT w.id, w.org_id, o.name AS org_name, d.id AS district_id, d.name AS district_name, w.name, w.gender, w.birth_date::text AS birth_date,
    w.id_card_masked, w.phone_masked, w.member_id, w.unit, w.retired, w.deceased_on::text AS deceased_on, w.lives_alone, w.living_note, w.address, w.note, w.version,
    to_char(w.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
    coalesce((SELECT json_agg(json_build_object('level', h.level, 'title', h.title, 'year', h.year) ORDER BY h.sort) FROM model_worker_honours h WHERE h.model_worker_id = w.id), '[]'::json) AS honours,
    (SELECT max(v.visited_on)::text FROM condolence_visits v WHERE v.model_worker_id = w.id) AS last_visited_on,
    (SELECT p.status FROM model_worker_placements p WHERE p.model_worker_id = w.id ORDER BY p.applied_on DESC, p.created_at DESC LIMIT 1) AS placement_status
  FROM model_workers w JOIN orgs o ON o.id = w.org_id LEFT JOIN orgs d ON d.id = ${districtOf(sql`w.org_id`)}`;

export interface ModelWorkerFilter {
  q?: string;
  level?: HonourLevel;
  orgId?: string;
  care?: ModelWorkerCareFilter;
  alive?: 'alive' | 'deceased' | 'all';
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

export function modelWorkerWhere(scope: DataScope, f: ModelWorkerFilter, today: string): SQL {
  const conds: SQL[] = [modelWorkerScope(scope)];
  if (f.q) conds.push(sql`(w.name LIKE ${`%${escapeLike(f.q)}%`} OR w.unit LIKE ${`%${escapeLike(f.q)}%`})`);
  if (f.level) conds.push(sql`EXISTS (SELECT 1 FROM model_worker_honours h WHERE h.model_worker_id = w.id AND h.level = ${f.level})`);
  if (f.orgId) conds.push(sql`w.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId}::uuid)`);
  if (f.care) conds.push(careFilterSql(f.care, today));
  if (f.alive === 'alive') conds.push(sql`w.deceased_on IS NULL`);
  if (f.alive === 'deceased') conds.push(sql`w.deceased_on IS NOT NULL`);
  return sql.join(conds, sql` AND `);
}

/** The registry's order (district, then name) or the care list's (district, never or longest-ago visited first). */
const ORDER = {
  registry: sql`ORDER BY d.sort NULLS FIRST, d.name NULLS FIRST, w.name, w.id`,
  care: sql`ORDER BY d.sort NULLS FIRST, d.name NULLS FIRST, last_visited_on NULLS FIRST, w.birth_date, w.id`,
};

export const modelWorkerRows = (db: Db, where: SQL, limit: number, offset: number, order: keyof typeof ORDER = 'registry'): Promise<ModelWorkerRow[]> =>
  queryRows<ModelWorkerRow>(db, sql`${SELECT} WHERE ${where} ${ORDER[order]} LIMIT ${limit} OFFSET ${offset}`);

export async function countModelWorkers(db: Db, where: SQL): Promise<number> {
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM model_workers w WHERE ${where}`);
  return c?.n ?? 0;
}

export async function findModelWorkerRow(db: Db, scope: DataScope, id: string): Promise<ModelWorkerRow | null> {
  const [row] = await queryRows<ModelWorkerRow>(db, sql`${SELECT} WHERE w.id = ${id} AND ${modelWorkerScope(scope)}`);
  return row ?? null;
}

export interface CareCountRow {
  district_id: string | null;
  district_name: string | null;
  alive: number;
  age75: number;
  lives_alone: number;
  care: number;
  visited_this_year: number;
  placements_open: number;
  admitted: number;
}

/** Care figures per district of the 劳模 the caller sees (one aggregate; city-level records under a null district). */
export function careCountRows(db: Db, scope: DataScope, today: string): Promise<CareCountRow[]> {
  const c = careSql(today);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  return queryRows<CareCountRow>(
    db,
    sql`SELECT d.id AS district_id, d.name AS district_name,
          count(*) FILTER (WHERE w.deceased_on IS NULL)::int AS alive,
          count(*) FILTER (WHERE ${c.age75})::int AS age75,
          count(*) FILTER (WHERE ${c.alone})::int AS lives_alone,
          count(*) FILTER (WHERE ${c.any})::int AS care,
          count(*) FILTER (WHERE ${c.any} AND EXISTS (SELECT 1 FROM condolence_visits v WHERE v.model_worker_id = w.id AND v.visited_on >= ${yearStart}::date))::int AS visited_this_year,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM model_worker_placements p WHERE p.model_worker_id = w.id AND p.status IN ('applied','recommended')))::int AS placements_open,
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM model_worker_placements p WHERE p.model_worker_id = w.id AND p.status = 'admitted'))::int AS admitted
        FROM model_workers w LEFT JOIN orgs d ON d.id = ${districtOf(sql`w.org_id`)}
        WHERE ${modelWorkerScope(scope)}
        GROUP BY d.id, d.name, d.sort ORDER BY d.sort NULLS FIRST, d.name NULLS FIRST`,
  );
}
