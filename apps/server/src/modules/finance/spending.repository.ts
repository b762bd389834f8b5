import { sql, type SQL } from 'drizzle-orm';
import type { Attachment, BudgetCategory, SpendingStatus } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { iso } from '../../platform/ledger/fund.repository.js';

export interface SpendingRow {
  id: string;
  budget_id: string;
  line_id: string;
  category: BudgetCategory;
  org_id: string;
  org_name: string;
  fund_id: string;
  spent_on: string;
  amount_fen: number;
  payee: string;
  purpose: string;
  vouchers: Attachment[];
  over_budget_reason: string | null;
  status: SpendingStatus;
  entry_id: string;
  reversal_reason: string | null;
  reversed_at: string | null;
  created_by_name: string | null;
  created_at: string;
}

const SELECT = sql`SELECT s.id, s.budget_id, s.line_id, l.category, s.org_id, o.name AS org_name, s.fund_id, s.spent_on::text AS spent_on, s.amount_fen::float8 AS amount_fen,
    s.payee, s.purpose, s.vouchers, s.over_budget_reason, s.status, s.entry_id::text AS entry_id, s.reversal_reason,
    CASE WHEN s.reversed_at IS NULL THEN NULL ELSE ${iso(sql`s.reversed_at`)} END AS reversed_at, s.created_by_name, ${iso(sql`s.created_at`)} AS created_at
  FROM union_spendings s JOIN union_budget_lines l ON l.id = s.line_id JOIN orgs o ON o.id = s.org_id`;

/** A spending in the scope (by its union), else null. `lock`: FOR UPDATE of the spending row. */
export async function findSpendingRow(db: Db, scope: DataScope, id: string, lock = false): Promise<SpendingRow | null> {
  const [row] = await queryRows<SpendingRow>(db, sql`${SELECT} WHERE s.id = ${id} AND ${scopePredicate(scope, { org: sql`s.org_id` })} ${lock ? sql`FOR UPDATE OF s` : sql``}`);
  return row ?? null;
}

export interface SpendingFilter {
  budgetId: string;
  lineId?: string;
  status?: SpendingStatus;
}

export async function listSpendingRows(db: Db, scope: DataScope, f: SpendingFilter, page: number, pageSize: number): Promise<{ rows: SpendingRow[]; total: number }> {
  const conds: SQL[] = [scopePredicate(scope, { org: sql`s.org_id` }), sql`s.budget_id = ${f.budgetId}`];
  if (f.lineId) conds.push(sql`s.line_id = ${f.lineId}`);
  if (f.status) conds.push(sql`s.status = ${f.status}`);
  const where = sql.join(conds, sql` AND `);
  const rows = await queryRows<SpendingRow>(db, sql`${SELECT} WHERE ${where} ORDER BY s.spent_on DESC, s.created_at DESC, s.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  const [c] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM union_spendings s WHERE ${where}`);
  return { rows, total: c?.n ?? 0 };
}

export interface LineForSpending {
  id: string;
  budget_id: string;
  category: BudgetCategory;
  amount_fen: number;
  org_id: string;
  year: number;
  status: string;
}

/** A budget line in the scope with its budget, the budget row locked (spendings of one budget run one after the other). */
export async function lockLineInScope(tx: Db, scope: DataScope, lineId: string): Promise<LineForSpending | null> {
  const [row] = await queryRows<LineForSpending>(
    tx,
    sql`SELECT l.id, l.budget_id, l.category, l.amount_fen::float8 AS amount_fen, b.org_id, b.year, b.status
        FROM union_budget_lines l JOIN union_budgets b ON b.id = l.budget_id
        WHERE l.id = ${lineId} AND ${scopePredicate(scope, { org: sql`b.org_id` })} FOR UPDATE OF b`,
  );
  return row ?? null;
}

export async function lineSpent(tx: Db, lineId: string): Promise<number> {
  const [row] = await queryRows<{ s: number }>(tx, sql`SELECT coalesce(sum(amount_fen), 0)::float8 AS s FROM union_spendings WHERE line_id = ${lineId} AND status = 'posted'`);
  return row?.s ?? 0;
}
