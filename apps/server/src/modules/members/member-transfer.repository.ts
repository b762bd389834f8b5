import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';

export interface TransferRow {
  id: string;
  member_id: string;
  member_name: string;
  member_id_card: string;
  from_org_id: string;
  from_org_name: string;
  to_org_id: string;
  to_org_name: string;
  initiated_by_org_id: string;
  cross_district: boolean;
  status: string;
  reason: string | null;
  timeline: TimelineEntry[];
  created_at: string;
}

export interface TimelineEntry {
  at: string;
  action: string;
  username: string;
  orgName: string;
  opinion: string | null;
}

const SELECT = sql`SELECT t.id, t.member_id, m.name AS member_name, m.id_card_masked AS member_id_card, t.from_org_id, fo.name AS from_org_name,
    t.to_org_id, tor.name AS to_org_name, t.initiated_by_org_id, t.cross_district, t.status, t.reason, t.timeline,
    to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
  FROM member_transfers t JOIN members m ON m.id = t.member_id JOIN orgs fo ON fo.id = t.from_org_id JOIN orgs tor ON tor.id = t.to_org_id`;

/** A transfer is visible to both sides: whoever sees the source or the target union. */
export const transferVisible = (scope: DataScope): SQL =>
  sql`(${scopePredicate(scope, { org: sql`t.from_org_id` })} OR ${scopePredicate(scope, { org: sql`t.to_org_id` })})`;

/** The side that must confirm: the target when the source asked, the source when the target asked. */
export const COUNTERPARTY = sql`CASE WHEN t.initiated_by_org_id = t.from_org_id THEN t.to_org_id ELSE t.from_org_id END`;

/** Transfers the caller can act on now: as the counterparty, or as the receiving district's reviewer. */
export function transferActionable(scope: DataScope, districtLevel: boolean): SQL {
  const counterparty = sql`(t.status = 'pending_counterparty' AND ${scopePredicate(scope, { org: COUNTERPARTY })})`;
  if (!districtLevel) return counterparty;
  return sql`(${counterparty} OR (t.status = 'pending_district' AND ${scopePredicate(scope, { org: sql`t.to_org_id` })}))`;
}

export async function findTransferRow(db: Db, scope: DataScope, id: string): Promise<TransferRow | null> {
  const [row] = await queryRows<TransferRow>(db, sql`${SELECT} WHERE t.id = ${id} AND ${transferVisible(scope)}`);
  return row ?? null;
}

export async function listTransferRows(db: Db, where: SQL, page: number, pageSize: number): Promise<{ rows: TransferRow[]; total: number }> {
  const rows = await queryRows<TransferRow>(db, sql`${SELECT} WHERE ${where} ORDER BY t.created_at DESC, t.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM member_transfers t WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

/** The 区县(市) union above an org (territorial), or null for the city itself. */
export async function districtOf(db: Db, orgId: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`SELECT c.ancestor_id AS id FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id
        WHERE c.descendant_id = ${orgId} AND c.relation = 'territorial' AND o.kind = 'district' LIMIT 1`,
  );
  return row?.id ?? null;
}
