import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

export interface UnitRateRow {
  unit_id: string;
  unit_name: string;
  category: string;
  sort: number;
  ballots: number;
  overall_bp: number | null;
  attitude_bp: number | null;
  integrity_bp: number | null;
  effect_bp: number | null;
  group_bp: Record<string, number> | null;
}

/**
 * The formula of rating-rate.ts in one query over the valid (not excluded) ballots: per unit and
 * group the counts and the rounded rates, then per unit the weighted mean over the groups with votes.
 * All products in bigint (200,000 ballots × 20000 overflows int4).
 */
export async function unitRateRows(db: Db, campaignId: string): Promise<UnitRateRow[]> {
  return queryRows<UnitRateRow>(
    db,
    sql`WITH g AS (
          SELECT b.unit_id, b.group_id, rg.weight_bp::bigint AS w, count(*)::bigint AS n,
                 count(*) FILTER (WHERE b.attitude <= 3)::bigint AS sa,
                 count(*) FILTER (WHERE b.integrity <= 3)::bigint AS si,
                 count(*) FILTER (WHERE b.effect <= 3)::bigint AS se
            FROM rating_ballots b JOIN rater_groups rg ON rg.id = b.group_id
           WHERE b.campaign_id = ${campaignId} AND NOT b.excluded
           GROUP BY b.unit_id, b.group_id, rg.weight_bp
        ), r AS (
          SELECT unit_id, group_id, w, n,
                 (20000 * (sa + si + se) + 3 * n) / (6 * n) AS g_bp,
                 (20000 * sa + n) / (2 * n) AS a_bp,
                 (20000 * si + n) / (2 * n) AS i_bp,
                 (20000 * se + n) / (2 * n) AS e_bp
            FROM g
        ), u AS (
          SELECT r.unit_id, sum(n)::bigint AS n, sum(w)::bigint AS sw,
                 sum(w * g_bp)::bigint AS wg, sum(w * a_bp)::bigint AS wa, sum(w * i_bp)::bigint AS wi, sum(w * e_bp)::bigint AS we,
                 jsonb_object_agg(group_id, g_bp) AS group_bp
            FROM r GROUP BY r.unit_id
        )
        SELECT ru.id AS unit_id, ru.name AS unit_name, ru.category, ru.sort, coalesce(u.n, 0)::int AS ballots,
               CASE WHEN u.sw > 0 THEN ((2 * u.wg + u.sw) / (2 * u.sw))::int END AS overall_bp,
               CASE WHEN u.sw > 0 THEN ((2 * u.wa + u.sw) / (2 * u.sw))::int END AS attitude_bp,
               CASE WHEN u.sw > 0 THEN ((2 * u.wi + u.sw) / (2 * u.sw))::int END AS integrity_bp,
               CASE WHEN u.sw > 0 THEN ((2 * u.we + u.sw) / (2 * u.sw))::int END AS effect_bp,
               u.group_bp
          FROM rating_units ru LEFT JOIN u ON u.unit_id = ru.id
         WHERE ru.campaign_id = ${campaignId}
         ORDER BY ru.sort, ru.name`,
  );
}

export interface GroupTallyRow {
  unit_id: string;
  group_id: string;
  weight_bp: number;
  n: number;
  sa: number;
  si: number;
  se: number;
}

/** The raw counts per unit and group (the pure formula's input; used by tests and the group columns). */
export async function groupTallies(db: Db, campaignId: string): Promise<GroupTallyRow[]> {
  return queryRows<GroupTallyRow>(
    db,
    sql`SELECT b.unit_id, b.group_id, rg.weight_bp, count(*)::int AS n,
               count(*) FILTER (WHERE b.attitude <= 3)::int AS sa,
               count(*) FILTER (WHERE b.integrity <= 3)::int AS si,
               count(*) FILTER (WHERE b.effect <= 3)::int AS se
          FROM rating_ballots b JOIN rater_groups rg ON rg.id = b.group_id
         WHERE b.campaign_id = ${campaignId} AND NOT b.excluded
         GROUP BY b.unit_id, b.group_id, rg.weight_bp`,
  );
}
