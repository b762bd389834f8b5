import { sql } from 'drizzle-orm';
import type { BudgetCategory, BudgetStatus } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/** Every budget line of the year in the scope, with what was spent on it (posted spendings). */
const lineFacts = (scope: DataScope, year: number) => sql`
  SELECT b.id AS budget_id, b.org_id, b.status, l.category, l.amount_fen,
    coalesce((SELECT sum(s.amount_fen) FROM union_spendings s WHERE s.line_id = l.id AND s.status = 'posted'), 0) AS spent
  FROM union_budgets b JOIN union_budget_lines l ON l.budget_id = b.id
  WHERE b.year = ${year} AND ${scopePredicate(scope, { org: sql`b.org_id` })}`;

/** Approved budgets count as budget; spending counts whatever the status (only approved budgets take spending). */
const FIGURES = sql`coalesce(sum(f.amount_fen) FILTER (WHERE f.status = 'approved'), 0)::float8 AS budget_fen, coalesce(sum(f.spent), 0)::float8 AS spent_fen,
  count(DISTINCT f.budget_id)::int AS unions, count(DISTINCT f.budget_id) FILTER (WHERE f.status = 'approved')::int AS approved,
  count(f.budget_id) FILTER (WHERE f.spent > f.amount_fen)::int AS over_lines`;

export interface ReportRow {
  org_id: string;
  org_name: string;
  kind: string;
  budget_id: string | null;
  drillable: boolean;
  budget_fen: number;
  spent_fen: number;
  unions: number;
  approved: number;
  over_lines: number;
}

/** The root's children (territorial), each the subtotal of its subtree; then the root's own budget as a row of its own. */
export async function reportRows(db: Db, scope: DataScope, rootId: string, year: number): Promise<ReportRow[]> {
  const children = await queryRows<ReportRow>(
    db,
    sql`SELECT o.id AS org_id, o.name AS org_name, o.kind,
          (SELECT b.id FROM union_budgets b WHERE b.org_id = o.id AND b.year = ${year}) AS budget_id,
          EXISTS (SELECT 1 FROM orgs k WHERE k.parent_id = o.id) AS drillable, ${FIGURES}
        FROM orgs o
        LEFT JOIN org_closure c ON c.ancestor_id = o.id AND c.relation = 'territorial'
        LEFT JOIN (${lineFacts(scope, year)}) f ON f.org_id = c.descendant_id
        WHERE o.parent_id = ${rootId} AND o.status = 'active' AND ${scopePredicate(scope, { org: sql`o.id` })}
        GROUP BY o.id, o.name, o.kind, o.sort, o.code ORDER BY o.sort, o.code`,
  );
  const own = await queryRows<ReportRow>(
    db,
    sql`SELECT o.id AS org_id, o.name || '(本级)' AS org_name, o.kind, min(f.budget_id::text) AS budget_id, false AS drillable, ${FIGURES}
        FROM orgs o JOIN (${lineFacts(scope, year)}) f ON f.org_id = o.id WHERE o.id = ${rootId} GROUP BY o.id, o.name, o.kind`,
  );
  return [...own, ...children];
}

export async function reportTotal(db: Db, scope: DataScope, rootId: string, year: number): Promise<Omit<ReportRow, 'org_id' | 'org_name' | 'kind' | 'budget_id' | 'drillable'>> {
  const [row] = await queryRows<ReportRow>(
    db,
    sql`SELECT ${FIGURES} FROM org_closure c JOIN (${lineFacts(scope, year)}) f ON f.org_id = c.descendant_id
        WHERE c.ancestor_id = ${rootId} AND c.relation = 'territorial'`,
  );
  return row!;
}

export const categoryRows = (db: Db, scope: DataScope, rootId: string, year: number) =>
  queryRows<{ category: BudgetCategory; budget_fen: number; spent_fen: number }>(
    db,
    sql`SELECT f.category, coalesce(sum(f.amount_fen) FILTER (WHERE f.status = 'approved'), 0)::float8 AS budget_fen, coalesce(sum(f.spent), 0)::float8 AS spent_fen
        FROM org_closure c JOIN (${lineFacts(scope, year)}) f ON f.org_id = c.descendant_id
        WHERE c.ancestor_id = ${rootId} AND c.relation = 'territorial' GROUP BY f.category`,
  );

export interface UnionExportRow {
  org_name: string;
  district: string | null;
  street: string | null;
  status: BudgetStatus;
  category: BudgetCategory;
  amount_fen: number;
  spent_fen: number;
}

/** Every budget line below the root (for the export), with each union's district and street. */
export const exportLines = (db: Db, scope: DataScope, rootId: string, year: number) =>
  queryRows<UnionExportRow>(
    db,
    sql`SELECT o.name AS org_name, f.status, f.category, f.amount_fen::float8 AS amount_fen, f.spent::float8 AS spent_fen,
          (SELECT d.name FROM org_closure a JOIN orgs d ON d.id = a.ancestor_id WHERE a.descendant_id = o.id AND a.relation = 'territorial' AND d.kind = 'district' LIMIT 1) AS district,
          (SELECT d.name FROM org_closure a JOIN orgs d ON d.id = a.ancestor_id WHERE a.descendant_id = o.id AND a.relation = 'territorial' AND d.kind = 'street' LIMIT 1) AS street
        FROM org_closure c JOIN (${lineFacts(scope, year)}) f ON f.org_id = c.descendant_id JOIN orgs o ON o.id = f.org_id
        WHERE c.ancestor_id = ${rootId} AND c.relation = 'territorial'
        ORDER BY district NULLS FIRST, street NULLS FIRST, o.code`,
  );
