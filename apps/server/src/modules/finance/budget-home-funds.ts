import { sql } from 'drizzle-orm';
import { HOME_FUND_CATEGORIES } from '@gonghui/contracts';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

export interface HomeFunds {
  /** 有经费 */
  funds: boolean;
  /** where it comes from: an approved budget with 职工活动/职工之家建设 money, else income on the union's 经费账户 this year */
  source: 'budget' | 'income' | 'none';
  year: number;
  budgetFen: number;
  incomeFen: number;
}

/**
 * 职工之家「有经费」(有钱办事) of a union for a year, read from its money rather than typed in: the
 * union has an approved budget of that year with money for 职工活动 or 职工之家建设, or — before a
 * budget is approved — its 经费账户 received income (dues, its share of the 2%) in that year.
 */
export async function homeFundsOf(db: Db, orgId: string, year: number): Promise<HomeFunds> {
  const cats = sql.join(HOME_FUND_CATEGORIES.map((c) => sql`${c}`), sql`, `);
  const [row] = await queryRows<{ budget_fen: number; income_fen: number }>(
    db,
    sql`SELECT
          coalesce((SELECT sum(l.amount_fen) FROM union_budgets b JOIN union_budget_lines l ON l.budget_id = b.id
                    WHERE b.org_id = ${orgId} AND b.year = ${year} AND b.status = 'approved' AND l.category IN (${cats})), 0)::float8 AS budget_fen,
          coalesce((SELECT sum(e.amount_fen) FROM funds f JOIN orgs o ON o.id = f.org_id JOIN ledger_entries e ON e.fund_id = f.id
                    WHERE f.org_id = ${orgId} AND f.code = 'JF-' || o.code AND e.kind = 'income'
                      AND e.created_at >= make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND e.created_at < make_timestamptz(${year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')), 0)::float8 AS income_fen`,
  );
  const budgetFen = row?.budget_fen ?? 0;
  const incomeFen = row?.income_fen ?? 0;
  const source = budgetFen > 0 ? 'budget' : incomeFen > 0 ? 'income' : 'none';
  return { funds: source !== 'none', source, year, budgetFen, incomeFen };
}
