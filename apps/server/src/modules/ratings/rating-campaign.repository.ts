import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ratingCampaignListQuerySchema } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

export interface CampaignRow {
  id: string;
  org_id: string;
  org_name: string;
  year: number;
  title: string;
  starts_on: string;
  ends_on: string;
  state: 'draft' | 'open' | 'closed' | 'published';
  description: string | null;
  allow_members: boolean;
  member_group_id: string | null;
  satisfied_min_bp: number;
  dissatisfied_below_bp: number;
  burst_window_minutes: number;
  burst_ip_limit: number;
  burst_same_answer_limit: number;
  published_at: Date | null;
  version: number;
  units: number;
  raters: number;
  flagged: number;
  total?: number;
}

const COLUMNS = sql`c.id, c.org_id, o.name AS org_name, c.year, c.title, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.state, c.description,
  c.allow_members, c.member_group_id, c.satisfied_min_bp, c.dissatisfied_below_bp, c.burst_window_minutes, c.burst_ip_limit, c.burst_same_answer_limit,
  c.published_at, c.version,
  (SELECT count(*)::int FROM rating_units u WHERE u.campaign_id = c.id) AS units,
  (SELECT count(DISTINCT b.rater_key)::int FROM rating_ballots b WHERE b.campaign_id = c.id) AS raters,
  (SELECT count(*)::int FROM rating_ballots b WHERE b.campaign_id = c.id AND cardinality(b.flag_reasons) > 0 AND NOT b.excluded) AS flagged`;

export const campaignScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`c.org_id` });

export async function campaignRows(db: Db, scope: DataScope, q: z.infer<typeof ratingCampaignListQuerySchema>): Promise<CampaignRow[]> {
  const conds: SQL[] = [campaignScope(scope)];
  if (q.year) conds.push(sql`c.year = ${q.year}`);
  if (q.state) conds.push(sql`c.state = ${q.state}`);
  if (q.q) conds.push(sql`c.title ILIKE ${'%' + q.q + '%'}`);
  return queryRows<CampaignRow>(
    db,
    sql`SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM rating_campaigns c JOIN orgs o ON o.id = c.org_id
         WHERE ${sql.join(conds, sql` AND `)} ORDER BY c.year DESC, c.created_at DESC, c.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
}

/** The campaign when it is in the scope (locked FOR UPDATE in a transaction when asked). */
export async function findCampaign(db: Db, scope: DataScope, id: string, lock = false): Promise<CampaignRow | null> {
  if (lock) {
    const [locked] = await queryRows<{ id: string }>(db, sql`SELECT c.id FROM rating_campaigns c WHERE c.id = ${id} AND ${campaignScope(scope)} FOR UPDATE`);
    if (!locked) return null;
  }
  const [row] = await queryRows<CampaignRow>(db, sql`SELECT ${COLUMNS} FROM rating_campaigns c JOIN orgs o ON o.id = c.org_id WHERE c.id = ${id} AND ${campaignScope(scope)}`);
  return row ?? null;
}

/** A campaign by id without scope: for the public code page and members (the callers check their own rules). */
export async function findCampaignById(db: Db, id: string): Promise<CampaignRow | null> {
  const [row] = await queryRows<CampaignRow>(db, sql`SELECT ${COLUMNS} FROM rating_campaigns c JOIN orgs o ON o.id = c.org_id WHERE c.id = ${id}`);
  return row ?? null;
}

export interface UnitRow {
  id: string;
  name: string;
  org_id: string | null;
  org_name: string | null;
  category: 'city_department' | 'district_union' | 'public_service' | 'other';
  sort: number;
}

export async function unitRows(db: Db, campaignId: string): Promise<UnitRow[]> {
  return queryRows<UnitRow>(
    db,
    sql`SELECT u.id, u.name, u.org_id, o.name AS org_name, u.category, u.sort FROM rating_units u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.campaign_id = ${campaignId} ORDER BY u.sort, u.name`,
  );
}

export interface GroupRow {
  id: string;
  name: string;
  weight_bp: number;
  sort: number;
  codes: number;
  used_codes: number;
  ballots: number;
}

export async function groupRows(db: Db, campaignId: string): Promise<GroupRow[]> {
  return queryRows<GroupRow>(
    db,
    sql`SELECT g.id, g.name, g.weight_bp, g.sort,
               (SELECT count(*)::int FROM rating_codes k WHERE k.group_id = g.id) AS codes,
               (SELECT count(*)::int FROM rating_codes k WHERE k.group_id = g.id AND k.used_at IS NOT NULL) AS used_codes,
               (SELECT count(*)::int FROM rating_ballots b WHERE b.group_id = g.id AND NOT b.excluded) AS ballots
          FROM rater_groups g WHERE g.campaign_id = ${campaignId} ORDER BY g.sort, g.name`,
  );
}
