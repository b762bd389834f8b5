import { sql } from 'drizzle-orm';
import { CONTRIBUTION_LEVELS, type ContributionFigures, type ContributionLevel, type ContributionReport } from '@gonghui/contracts';
import { scopeIncludesOrg, type DataScope } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { dueOn, lastOverdueMonth, periodOf } from './contribution-rules.js';
import { enterpriseInScope } from './contribution.repository.js';
import { contributionTerms } from './finance-settings.service.js';

const blank = (): ContributionFigures => ({ dueFen: 0, receivedFen: 0, arrearsFen: 0, missingMonths: 0, split: { grassroots: 0, street: 0, district: 0, city: 0, province: 0 } });

/** The report's root: the asked org (in scope, 404 otherwise), else the top of the caller's scope. */
async function reportRoot(db: Db, scope: DataScope, userOrgId: string | null, orgId?: string): Promise<{ id: string; name: string }> {
  let id = orgId ?? scope.subtreeRoots[0] ?? scope.units[0] ?? userOrgId;
  if (!orgId && scope.all) id = (await queryRows<{ id: string }>(db, sql`SELECT id FROM orgs WHERE kind = 'city' ORDER BY created_at LIMIT 1`))[0]?.id ?? id;
  if (!id || !(await scopeIncludesOrg(db, scope, id))) throw notFound('组织');
  const [org] = await queryRows<{ id: string; name: string }>(db, sql`SELECT id, name FROM orgs WHERE id = ${id}`);
  if (!org) throw notFound('组织');
  return org;
}

interface Fact {
  org_id: string;
  m: number;
  status: 'declared' | 'paid' | null;
  amount_fen: string | null;
  level: ContributionLevel | null;
  part_fen: string | null;
}

/**
 * 工会经费收缴报表 for a year under an org: due (declared) vs received vs arrears (declared, not
 * received by the due day) and months not declared, with the split by level; per child org (drill
 * down) and per month. Only 拨缴单位 in the caller's scope count.
 */
export async function contributionReport(db: Db, scope: DataScope, userOrgId: string | null, year: number, orgId?: string, now = new Date()): Promise<ContributionReport> {
  const root = await reportRoot(db, scope, userOrgId, orgId);
  const terms = await contributionTerms(db);
  const today = shanghaiDate(now);
  const last = Math.min(lastOverdueMonth(today, terms.dueDay), year * 12 + 11);
  const ents = sql`SELECT e.id, e.org_id, p.since_month FROM contribution_payers p JOIN enterprises e ON e.id = p.enterprise_id
    WHERE e.status = 'active' AND e.union_org_id IS NOT NULL AND e.org_id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${root.id}) AND ${enterpriseInScope(scope)}`;
  const [facts, missing, children] = await Promise.all([
    queryRows<Fact>(
      db,
      sql`WITH ents AS (${ents})
          SELECT e.org_id, d.period_month AS m, d.status, d.amount_fen::text AS amount_fen, a.level, a.amount_fen::text AS part_fen
          FROM ents e JOIN contribution_declarations d ON d.enterprise_id = e.id AND d.period_month BETWEEN ${year * 12} AND ${year * 12 + 11}
          LEFT JOIN contribution_allocations a ON a.declaration_id = d.id`,
    ),
    queryRows<{ org_id: string; m: number }>(
      db,
      sql`WITH ents AS (${ents})
          SELECT e.org_id, m.m FROM ents e CROSS JOIN LATERAL generate_series(greatest(e.since_month, ${year * 12}), ${last}::int) AS m(m)
          WHERE NOT EXISTS (SELECT 1 FROM contribution_declarations d WHERE d.enterprise_id = e.id AND d.period_month = m.m)`,
    ),
    queryRows<{ id: string; name: string; descendant_id: string; leaf: boolean }>(
      db,
      sql`SELECT c.id, c.name, oc.descendant_id, c.kind = 'grassroots' AS leaf FROM orgs c JOIN org_closure oc ON oc.ancestor_id = c.id AND oc.relation = 'territorial'
          WHERE c.parent_id = ${root.id} AND c.status = 'active'`,
    ),
  ]);
  const childOf = new Map(children.map((c) => [c.descendant_id, c.id]));
  const childRows = new Map<string, ContributionReport['children'][number]>();
  for (const c of children) if (!childRows.has(c.id)) childRows.set(c.id, { orgId: c.id, orgName: c.name, drillable: !c.leaf, ...blank() });
  const months = Array.from({ length: 12 }, (_, i) => ({ period: periodOf(year * 12 + i), ...blank() }));
  const total = blank();
  const buckets = (orgIdOf: string, m: number) => [total, months[m - year * 12]!, ...(childRows.get(childOf.get(orgIdOf) ?? '') ? [childRows.get(childOf.get(orgIdOf)!)!] : [])];
  for (const f of facts) {
    for (const b of buckets(f.org_id, f.m)) {
      if (f.level) b.split[f.level] += Number(f.part_fen);
      // one declaration appears once per allocation level: count its amount on the first row only
      if (f.level !== null && f.level !== CONTRIBUTION_LEVELS[0]) continue;
      b.dueFen += Number(f.amount_fen);
      if (f.status === 'paid') b.receivedFen += Number(f.amount_fen);
      else if (today > dueOn(f.m, terms.dueDay)) b.arrearsFen += Number(f.amount_fen);
    }
  }
  for (const x of missing) for (const b of buckets(x.org_id, x.m)) b.missingMonths += 1;
  return { year, orgId: root.id, orgName: root.name, total, children: [...childRows.values()].sort((a, b) => b.dueFen - a.dueFen || a.orgName.localeCompare(b.orgName, 'zh')), months };
}
