import { sql, type SQL } from 'drizzle-orm';
import type { BudgetCategory, BudgetStatus } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { iso } from '../../platform/ledger/fund.repository.js';

export interface BudgetRow {
  id: string;
  org_id: string;
  org_name: string;
  org_code: string;
  year: number;
  status: BudgetStatus;
  note: string;
  approval_ref: string | null;
  approved_by_name: string | null;
  approved_at: string | null;
  version: number;
}

/** A budget in the scope (by its union), else null. `lock`: FOR UPDATE of the budget row. */
export async function findBudgetRow(db: Db, scope: DataScope, id: string, lock = false): Promise<BudgetRow | null> {
  const [row] = await queryRows<BudgetRow>(
    db,
    sql`SELECT b.id, b.org_id, o.name AS org_name, o.code AS org_code, b.year, b.status, b.note, b.approval_ref, b.approved_by_name,
          CASE WHEN b.approved_at IS NULL THEN NULL ELSE ${iso(sql`b.approved_at`)} END AS approved_at, b.version
        FROM union_budgets b JOIN orgs o ON o.id = b.org_id
        WHERE b.id = ${id} AND ${scopePredicate(scope, { org: sql`b.org_id` })} ${lock ? sql`FOR UPDATE OF b` : sql``}`,
  );
  return row ?? null;
}

export interface LineRow {
  id: string;
  category: BudgetCategory;
  amount_fen: number;
  note: string;
  spent_fen: number;
}

/** A budget's lines with what was spent on each (posted, not reversed), in the order of the categories. */
export const lineRows = (db: Db, budgetId: string): Promise<LineRow[]> =>
  queryRows<LineRow>(
    db,
    sql`SELECT l.id, l.category, l.amount_fen::float8 AS amount_fen, l.note,
          coalesce((SELECT sum(s.amount_fen) FROM union_spendings s WHERE s.line_id = l.id AND s.status = 'posted'), 0)::float8 AS spent_fen
        FROM union_budget_lines l WHERE l.budget_id = ${budgetId}
        ORDER BY array_position(ARRAY['activity','rights','aid','home','training','other'], l.category)`,
  );

export interface BudgetListRow {
  id: string;
  org_id: string;
  org_name: string;
  year: number;
  status: BudgetStatus;
  total_fen: number;
  spent_fen: number;
  over_lines: number;
  total: number;
}

export interface BudgetFilter {
  year?: number;
  status?: BudgetStatus;
  q?: string;
}

export async function listBudgetRows(db: Db, scope: DataScope, f: BudgetFilter, page: number, pageSize: number): Promise<BudgetListRow[]> {
  const conds: SQL[] = [scopePredicate(scope, { org: sql`b.org_id` })];
  if (f.year) conds.push(sql`b.year = ${f.year}`);
  if (f.status) conds.push(sql`b.status = ${f.status}`);
  if (f.q) conds.push(sql`o.name LIKE ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  return queryRows<BudgetListRow>(
    db,
    sql`SELECT b.id, b.org_id, o.name AS org_name, b.year, b.status,
          coalesce(sum(x.amount_fen), 0)::float8 AS total_fen, coalesce(sum(x.spent), 0)::float8 AS spent_fen,
          count(*) FILTER (WHERE x.spent > x.amount_fen)::int AS over_lines, count(*) OVER ()::int AS total
        FROM union_budgets b JOIN orgs o ON o.id = b.org_id
        LEFT JOIN LATERAL (
          SELECT l.amount_fen, coalesce((SELECT sum(s.amount_fen) FROM union_spendings s WHERE s.line_id = l.id AND s.status = 'posted'), 0) AS spent
          FROM union_budget_lines l WHERE l.budget_id = b.id
        ) x ON true
        WHERE ${sql.join(conds, sql` AND `)}
        GROUP BY b.id, o.name, o.code ORDER BY b.year DESC, o.code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
}

/** The org in the scope, with its code and kind; null outside. */
export async function orgInScope(db: Db, scope: DataScope, orgId: string): Promise<{ id: string; name: string; code: string; kind: string } | null> {
  const [row] = await queryRows<{ id: string; name: string; code: string; kind: string }>(
    db,
    sql`SELECT id, name, code, kind FROM orgs WHERE id = ${orgId} AND ${scopePredicate(scope, { org: sql`id` })}`,
  );
  return row ?? null;
}
