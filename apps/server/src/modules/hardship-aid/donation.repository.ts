import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';

/** A donation as read for display. */
export interface DonationRow {
  id: string;
  campaign_id: string;
  donor_name: string;
  donor_type: string;
  amount_fen: number;
  receipt_no: string;
  received_on: string;
  org_id: string;
  org_name: string;
  fund_id: string;
  fund_name: string;
  ledger_entry_id: number;
  note: string | null;
  created_by_name: string | null;
  created_at: string;
}

export interface DonationFilter {
  q?: string;
  donorType?: string;
}

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const SELECT = sql`SELECT d.id, d.campaign_id, d.donor_name, d.donor_type, d.amount_fen::float8 AS amount_fen, d.receipt_no, d.received_on::text AS received_on,
    d.org_id, o.name AS org_name, d.fund_id, f.name AS fund_name, d.ledger_entry_id::float8 AS ledger_entry_id, d.note, d.created_by_name,
    ${iso(sql`d.created_at`)} AS created_at
  FROM aid_donations d
  JOIN orgs o ON o.id = d.org_id
  JOIN funds f ON f.id = d.fund_id`;

/** Donations of one campaign received by unions in the caller's scope, filtered by donor name / receipt number and type. */
export function donationWhere(scope: DataScope, campaignId: string, f: DonationFilter): SQL {
  const conds: SQL[] = [sql`d.campaign_id = ${campaignId}`, scopePredicate(scope, { org: sql`d.org_id` })];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(sql`(d.donor_name LIKE ${like} OR d.receipt_no LIKE ${like.toUpperCase()})`);
  }
  if (f.donorType) conds.push(sql`d.donor_type = ${f.donorType}`);
  return sql.join(conds, sql` AND `);
}

export async function findDonationRow(db: Db, scope: DataScope, id: string): Promise<DonationRow | null> {
  const [row] = await queryRows<DonationRow>(db, sql`${SELECT} WHERE d.id = ${id} AND ${scopePredicate(scope, { org: sql`d.org_id` })}`);
  return row ?? null;
}

export async function listDonationRows(db: Db, where: SQL, page: number, pageSize: number): Promise<{ rows: DonationRow[]; total: number; totalAmountFen: number }> {
  const rows = await queryRows<DonationRow>(db, sql`${SELECT} WHERE ${where} ORDER BY d.received_on DESC, d.created_at DESC, d.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [sum] = await queryRows<{ n: number; fen: number }>(db, sql`SELECT count(*)::int AS n, coalesce(sum(d.amount_fen), 0)::float8 AS fen FROM aid_donations d WHERE ${where}`);
  return { rows, total: sum?.n ?? 0, totalAmountFen: Number(sum?.fen ?? 0) };
}

export const countDonations = async (db: Db, where: SQL): Promise<number> => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM aid_donations d WHERE ${where}`))[0]?.n ?? 0;

/** Every matching donation in pages (keyset on the received date and id), for the export. */
export async function* iterateDonationRows(db: Db, where: SQL, pageSize = 2000): AsyncGenerator<DonationRow> {
  let after: { on: string; id: string } | null = null;
  for (;;) {
    const cursor: SQL = after ? sql`AND (d.received_on, d.id) > (${after.on}::date, ${after.id}::uuid)` : sql``;
    const rows: DonationRow[] = await queryRows<DonationRow>(db, sql`${SELECT} WHERE ${where} ${cursor} ORDER BY d.received_on, d.id LIMIT ${pageSize}`);
    for (const r of rows) yield r;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { on: last.received_on, id: last.id };
  }
}
