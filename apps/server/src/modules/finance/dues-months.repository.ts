import { sql, type SQL } from 'drizzle-orm';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';

/** The month (YYYY-MM, Asia/Shanghai) up to which dues are due: the current one. */
export const currentDuesMonth = (now = new Date()): string => shanghaiDate(now).slice(0, 7);

/** Which member-months to compute: one year, up to a month, narrowed by scope, org subtree or member. */
export interface DuesMonthFilter {
  year: number;
  upTo: string;
  scope?: DataScope;
  orgId?: string;
  memberId?: string;
  month?: string;
}

/**
 * Every member-month of a year for the members with a wage base: the union collecting (b.org_id),
 * the month, what is due (0 when exempt), what the month's exemption waived, what confirmed batches
 * collected, and the arrears (due − collected, not below 0). A month is due from the member's
 * joining month, while the member is active (up to the month their status changed), up to `upTo`.
 * Used as a subquery `dm` by arrears, the member's history and the report.
 */
export function duesMonthsSql(f: DuesMonthFilter): SQL {
  const conds: SQL[] = [sql`b.year = ${f.year}`, sql`mo.month <= ${f.upTo}`];
  if (f.scope) conds.push(scopePredicate(f.scope, { org: sql`b.org_id` }));
  if (f.orgId) conds.push(sql`b.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId}::uuid)`);
  if (f.memberId) conds.push(sql`b.member_id = ${f.memberId}::uuid`);
  if (f.month) conds.push(sql`mo.month = ${f.month}`);
  return sql`(SELECT b.member_id, b.org_id, mo.month,
      CASE WHEN ex.reason IS NULL THEN b.monthly_dues_fen ELSE 0 END::bigint AS due_fen,
      CASE WHEN ex.reason IS NULL THEN 0 ELSE b.monthly_dues_fen END::bigint AS exempt_fen,
      coalesce(pd.paid, 0)::bigint AS paid_fen,
      greatest(CASE WHEN ex.reason IS NULL THEN b.monthly_dues_fen ELSE 0 END - coalesce(pd.paid, 0), 0)::bigint AS arrears_fen,
      ex.reason AS exempt_reason, pd.method
    FROM dues_wage_bases b
    JOIN members m ON m.id = b.member_id
    CROSS JOIN LATERAL (SELECT to_char(make_date(b.year, g, 1), 'YYYY-MM') AS month FROM generate_series(1, 12) g) mo
    LEFT JOIN LATERAL (SELECT e.reason FROM dues_exemptions e WHERE e.member_id = b.member_id AND mo.month BETWEEN e.from_month AND e.to_month ORDER BY e.created_at LIMIT 1) ex ON true
    LEFT JOIN LATERAL (SELECT sum(l.paid_fen) AS paid, min(x.method) AS method FROM dues_batch_lines l JOIN dues_batches x ON x.id = l.batch_id
                       WHERE l.member_id = b.member_id AND l.month = mo.month AND l.status = 'confirmed' AND l.paid_fen > 0) pd ON true
    WHERE ${sql.join(conds, sql` AND `)}
      AND (m.joined_at IS NULL OR mo.month >= to_char(m.joined_at, 'YYYY-MM'))
      AND (m.status = 'active' OR m.status_date IS NULL OR mo.month < to_char(m.status_date, 'YYYY-MM'))) dm`;
}
