import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';

/** A campaign as read for display, with its fund and launching union. */
export interface CampaignRow {
  id: string;
  year: number;
  name: string;
  starts_on: string;
  ends_on: string;
  categories: string[];
  low_edge_included: boolean;
  income_ceiling_percent: number;
  fund_id: string | null;
  fund_name: string | null;
  fund_org_id: string | null;
  fund_status: string | null;
  org_id: string;
  org_name: string;
  status: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface TargetRow {
  campaign_id: string;
  division_code: string;
  households: number;
  amount_fen: number;
}

const uuidList = (ids: string[]): SQL => sql.join(
  ids.map((id) => sql`${id}::uuid`),
  sql`, `,
);

/**
 * A campaign is visible when its launching union is in the caller's scope, or lies above an org of
 * the scope: a city campaign is seen by every district, street and grassroots union below the city.
 */
export function campaignVisible(scope: DataScope, orgCol: SQL): SQL {
  const roots = [...scope.subtreeRoots, ...scope.units];
  if (scope.all) return sql`true`;
  const above = roots.length ? sql`EXISTS (SELECT 1 FROM org_closure cc WHERE cc.ancestor_id = ${orgCol} AND cc.descendant_id IN (${uuidList(roots)}))` : sql`false`;
  return sql`(${scopePredicate(scope, { org: orgCol })} OR ${above})`;
}

/** Whether the caller's scope holds an org itself (edits, receiving units, funds). */
export const orgInScope = (scope: DataScope, orgCol: SQL): SQL => scopePredicate(scope, { org: orgCol });

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const SELECT = sql`SELECT c.id, c.year, c.name, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on, c.categories,
    c.low_edge_included, c.income_ceiling_percent, c.fund_id, f.name AS fund_name, f.org_id AS fund_org_id, f.status AS fund_status,
    c.org_id, o.name AS org_name, c.status, c.note, ${iso(sql`c.created_at`)} AS created_at, ${iso(sql`c.updated_at`)} AS updated_at
  FROM aid_campaigns c
  JOIN orgs o ON o.id = c.org_id
  LEFT JOIN funds f ON f.id = c.fund_id`;

export async function findCampaignRow(db: Db, scope: DataScope, id: string): Promise<CampaignRow | null> {
  const [row] = await queryRows<CampaignRow>(db, sql`${SELECT} WHERE c.id = ${id} AND ${campaignVisible(scope, sql`c.org_id`)}`);
  return row ?? null;
}

/** Every campaign the caller can see, newest year first (one a year: no paging needed). */
export async function listCampaignRows(db: Db, scope: DataScope): Promise<CampaignRow[]> {
  return queryRows<CampaignRow>(db, sql`${SELECT} WHERE ${campaignVisible(scope, sql`c.org_id`)} ORDER BY c.year DESC LIMIT 200`);
}

export async function targetRows(db: Db, campaignIds: string[]): Promise<TargetRow[]> {
  if (campaignIds.length === 0) return [];
  return queryRows<TargetRow>(
    db,
    sql`SELECT campaign_id, division_code, households, amount_fen::float8 AS amount_fen FROM aid_campaign_targets
        WHERE campaign_id IN (${uuidList(campaignIds)}) ORDER BY division_code`,
  );
}

export async function scopeHoldsOrg(db: Db, scope: DataScope, orgId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(db, sql`SELECT EXISTS (SELECT 1 WHERE ${orgInScope(scope, sql`${orgId}::uuid`)}) AS ok`);
  return row?.ok === true;
}
