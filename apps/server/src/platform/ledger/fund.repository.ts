import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db-connection.js';
import { scopePredicate, type DataScope } from '../access/data-scope.js';

/** A fund as listed: its owning org and this year's figures, in 分. */
export interface FundRow {
  id: string;
  code: string;
  name: string;
  source: string;
  org_id: string;
  org_name: string;
  status: string;
  note: string | null;
  created_at: string;
  balance_fen: number;
  budget_fen: number | null;
  spent_fen: number;
}

/** Funds belong to an org (funds.org_id): the caller's data scope decides which they see, read or write. */
export const fundScope = (scope: DataScope, alias = 'f'): SQL => scopePredicate(scope, { org: sql.raw(`${alias}.org_id`) });

export const iso = (column: SQL): SQL => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Start of a year in Beijing time, as a timestamptz. */
const yearStart = (year: number): SQL => sql`make_timestamptz(${year}::int, 1, 1, 0, 0, 0, 'Asia/Shanghai')`;

const select = (year: number): SQL => sql`SELECT f.id, f.code, f.name, f.source, f.org_id, o.name AS org_name, f.status, f.note, ${iso(sql`f.created_at`)} AS created_at,
    coalesce((SELECT sum(e.amount_fen) FROM ledger_entries e WHERE e.fund_id = f.id), 0)::float8 AS balance_fen,
    (SELECT b.amount_fen::float8 FROM fund_budgets b WHERE b.fund_id = f.id AND b.year = ${year}::int AND b.scope_key = '') AS budget_fen,
    coalesce((SELECT -sum(e.amount_fen) FROM ledger_entries e WHERE e.fund_id = f.id AND e.kind IN ('payout','reversal')
      AND e.created_at >= ${yearStart(year)} AND e.created_at < ${yearStart(year + 1)}), 0)::float8 AS spent_fen
  FROM funds f JOIN orgs o ON o.id = f.org_id`;

export async function findFundRow(db: Db, scope: DataScope, id: string, year: number): Promise<FundRow | null> {
  const [row] = await queryRows<FundRow>(db, sql`${select(year)} WHERE f.id = ${id} AND ${fundScope(scope)}`);
  return row ?? null;
}

export interface FundFilter {
  q?: string;
  source?: string;
  status: 'active' | 'closed' | 'all';
  unionAccounts: 'all' | 'none' | 'own';
  /** the caller's org, for unionAccounts = own */
  ownOrgId?: string | null;
  page: number;
  pageSize: number;
}

export async function listFundRows(db: Db, scope: DataScope, year: number, f: FundFilter): Promise<{ rows: FundRow[]; total: number }> {
  const conds: SQL[] = [fundScope(scope)];
  if (f.q) conds.push(sql`(f.name ILIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`} OR f.code = ${f.q})`);
  if (f.source) conds.push(sql`f.source = ${f.source}`);
  if (f.status !== 'all') conds.push(sql`f.status = ${f.status}`);
  if (f.unionAccounts === 'none') conds.push(sql`f.code NOT LIKE 'JF-%'`);
  if (f.unionAccounts === 'own') conds.push(sql`(f.code NOT LIKE 'JF-%' OR f.org_id = ${f.ownOrgId ?? null}::uuid)`);
  const where = sql.join(conds, sql` AND `);
  const rows = await queryRows<FundRow>(db, sql`${select(year)} WHERE ${where} ORDER BY f.created_at DESC, f.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`);
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM funds f WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

export interface FundTotals {
  income_fen: number;
  payout_fen: number;
  unpaid_payout_fen: number;
  pending_payouts: number;
}

export async function fundTotals(db: Db, fundId: string): Promise<FundTotals> {
  const [row] = await queryRows<FundTotals>(
    db,
    sql`SELECT
        coalesce((SELECT sum(amount_fen) FROM ledger_entries WHERE fund_id = ${fundId} AND kind = 'income'), 0)::float8 AS income_fen,
        coalesce((SELECT -sum(amount_fen) FROM ledger_entries WHERE fund_id = ${fundId} AND kind IN ('payout','reversal')), 0)::float8 AS payout_fen,
        coalesce((SELECT sum(amount_fen) FROM payouts WHERE fund_id = ${fundId} AND status <> 'paid'), 0)::float8 AS unpaid_payout_fen,
        (SELECT count(*) FROM payouts WHERE fund_id = ${fundId} AND status = 'pending')::int AS pending_payouts`,
  );
  return row!;
}

export interface BudgetRow {
  year: number;
  scope_key: string;
  amount_fen: number;
  spent_fen: number;
  updated_at: string;
}

/** A fund's budgets, newest year first, each with what was paid against it. */
export async function fundBudgetRows(db: Db, fundId: string): Promise<BudgetRow[]> {
  return queryRows<BudgetRow>(
    db,
    sql`SELECT b.year, b.scope_key, b.amount_fen::float8 AS amount_fen, ${iso(sql`b.updated_at`)} AS updated_at,
          coalesce((SELECT -sum(e.amount_fen) FROM ledger_entries e WHERE e.fund_id = b.fund_id AND e.kind IN ('payout','reversal')
            AND e.created_at >= make_timestamptz(b.year, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND e.created_at < make_timestamptz(b.year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
            AND (b.scope_key = '' OR e.campaign_id::text = b.scope_key)), 0)::float8 AS spent_fen
        FROM fund_budgets b WHERE b.fund_id = ${fundId} ORDER BY b.year DESC, b.scope_key`,
  );
}
