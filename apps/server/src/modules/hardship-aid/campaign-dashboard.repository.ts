import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { AID_WORKFLOW_TYPE } from './aid-workflow.js';

/** One row of the helped-figures aggregate: a grouping set, first-helped households per week, or the in-progress count. */
export interface HelpedAggregateRow {
  kind: 'set' | 'first' | 'pending';
  g_cat: number;
  g_div: number;
  g_week: number;
  category: string | null;
  division_code: string | null;
  week: string | null;
  applications: number;
  households: number;
  amount_fen: number;
  paid_fen: number;
}

/**
 * The campaign's applications in scope, aggregated in one statement (one scan of the campaign's
 * applications): helped = workflow status approved; its amount is the payout's once paid, else
 * the approved amount; its week is the Asia/Shanghai week (Monday) it was approved. Grouping sets
 * give the totals by category, by district (the union's 行政区划代码) and by week, plus the grand total.
 */
export function helpedAggregates(db: Db, scope: DataScope, campaignId: string): Promise<HelpedAggregateRow[]> {
  return queryRows<HelpedAggregateRow>(
    db,
    sql`WITH apps AS (
          SELECT a.category, coalesce(o.division_code, '') AS division_code, coalesce(a.household_id, a.member_id) AS hh, w.status,
                 CASE WHEN p.status = 'paid' THEN p.amount_fen ELSE coalesce(a.approved_amount_fen, a.amount_fen) END AS amount,
                 CASE WHEN p.status = 'paid' THEN p.amount_fen ELSE 0 END AS paid,
                 date_trunc('week', coalesce(w.finished_at, w.updated_at) AT TIME ZONE 'Asia/Shanghai')::date AS week
          FROM aid_applications a
          JOIN workflow_instances w ON w.business_type = ${AID_WORKFLOW_TYPE} AND w.business_id = a.id
          JOIN orgs o ON o.id = a.org_id
          LEFT JOIN payouts p ON p.id = a.payout_id
          WHERE a.campaign_id = ${campaignId} AND ${scopePredicate(scope, { org: sql`a.org_id` })}
        ),
        helped AS (SELECT * FROM apps WHERE status = 'approved')
        SELECT 'set' AS kind, GROUPING(category)::int AS g_cat, GROUPING(division_code)::int AS g_div, GROUPING(week)::int AS g_week,
               category, division_code, week::text AS week, count(*)::int AS applications, count(DISTINCT hh)::int AS households,
               coalesce(sum(amount), 0)::float8 AS amount_fen, coalesce(sum(paid), 0)::float8 AS paid_fen
        FROM helped GROUP BY GROUPING SETS ((category), (division_code), (week), ())
        UNION ALL
        SELECT 'first', 1, 1, 0, NULL, NULL, f.week::text, 0, count(*)::int, 0, 0
        FROM (SELECT hh, min(week) AS week FROM helped GROUP BY hh) f GROUP BY f.week
        UNION ALL
        SELECT 'pending', 1, 1, 1, NULL, NULL, NULL, count(*)::int, 0, 0, 0 FROM apps WHERE status IN ('in_review', 'returned', 'publicity')`,
  );
}

/** The districts whose 总工会 lies in the caller's scope: their targets are the caller's to see. */
export async function districtsInScope(db: Db, scope: DataScope): Promise<Set<string>> {
  const rows = await queryRows<{ division_code: string }>(
    db,
    sql`SELECT d.division_code FROM orgs d WHERE d.kind = 'district' AND d.division_code IS NOT NULL AND ${scopePredicate(scope, { org: sql`d.id` })}`,
  );
  return new Set(rows.map((r) => r.division_code));
}

export async function donationTotals(db: Db, scope: DataScope, campaignId: string): Promise<{ count: number; amountFen: number }> {
  const [row] = await queryRows<{ n: number; fen: number }>(
    db,
    sql`SELECT count(*)::int AS n, coalesce(sum(d.amount_fen), 0)::float8 AS fen FROM aid_donations d
        WHERE d.campaign_id = ${campaignId} AND ${scopePredicate(scope, { org: sql`d.org_id` })}`,
  );
  return { count: row?.n ?? 0, amountFen: Number(row?.fen ?? 0) };
}
