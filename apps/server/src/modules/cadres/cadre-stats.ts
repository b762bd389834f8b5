import { sql } from 'drizzle-orm';
import type { CadreStats, CadreStatsQuery, CadreStatsRow } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { cadreScope, yearTenthsSql } from './cadre.repository.js';
import { cadreSettings, cadreToday, hourTarget, targetTenths, tenthsToHours } from './cadre-settings.js';

interface StatsDbRow {
  org_id: string;
  org_name: string;
  cadres: number;
  full_time: number;
  part_time: number;
  tenths: number;
  met: number;
}

const share = (met: number, n: number) => (n === 0 ? 0 : Math.round((met / n) * 1000) / 10);

const statsRow = (r: { org_id: string | null; org_name: string; cadres: number; full_time: number; part_time: number; tenths: number; met: number }): CadreStatsRow => ({
  orgId: r.org_id, orgName: r.org_name, cadres: r.cadres, fullTime: r.full_time, partTime: r.part_time, hours: tenthsToHours(r.tenths), metTarget: r.met, metShare: share(r.met, r.cadres),
});

/**
 * Per union (the cadre's own org) for a year: cadres in office, 专职/兼职, 学时 credited and how many
 * reached the year's target (专职 and 兼职 targets apart); the share is a percentage with one decimal.
 */
export async function cadreStatistics(ctx: Pick<AppContext, 'db'>, auth: AuthContext, q: CadreStatsQuery): Promise<CadreStats> {
  const settings = await cadreSettings(ctx.db);
  const year = q.year ?? cadreToday().year;
  const t = targetTenths(settings, year);
  const subtree = q.orgId ? sql`AND k.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${q.orgId}::uuid)` : sql``;
  const rows = await queryRows<StatsDbRow>(
    ctx.db,
    sql`WITH h AS (SELECT k.org_id, k.full_time, ${yearTenthsSql(year)} AS tenths FROM cadres k WHERE k.state = 'in_office' AND ${cadreScope(auth.scope)} ${subtree})
        SELECT o.id AS org_id, o.name AS org_name, count(*)::int AS cadres, count(*) FILTER (WHERE h.full_time)::int AS full_time,
          count(*) FILTER (WHERE NOT h.full_time)::int AS part_time, coalesce(sum(h.tenths), 0)::int AS tenths,
          count(*) FILTER (WHERE h.tenths >= CASE WHEN h.full_time THEN ${t.fullTime}::int ELSE ${t.partTime}::int END)::int AS met
        FROM h JOIN orgs o ON o.id = h.org_id GROUP BY o.id, o.name, o.sort ORDER BY o.sort, o.name LIMIT 2000`,
  );
  const sum = (k: keyof Omit<StatsDbRow, 'org_id' | 'org_name'>) => rows.reduce((a, r) => a + r[k], 0);
  return {
    year,
    target: hourTarget(settings, year),
    rows: rows.map(statsRow),
    total: statsRow({ org_id: null, org_name: '合计', cadres: sum('cadres'), full_time: sum('full_time'), part_time: sum('part_time'), tenths: sum('tenths'), met: sum('met') }),
  };
}
