import { sql } from 'drizzle-orm';
import type { Coverage, CoverageFigures } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { findOrg } from '../../platform/org/org.repository.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';

interface SumRow {
  org_id: string;
  members: number;
  enterprises: number;
  enterprises_at_size: number;
  unionised: number;
  unionised_at_size: number;
  employees: number;
  unionised_employees: number;
}

const SUMS = sql`sum(c.members)::int AS members, sum(c.enterprises)::int AS enterprises, sum(c.enterprises_at_size)::int AS enterprises_at_size,
  sum(c.unionised)::int AS unionised, sum(c.unionised_at_size)::int AS unionised_at_size, sum(c.employees)::bigint AS employees,
  sum(c.unionised_employees)::bigint AS unionised_employees`;

const idList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/**
 * Subtree figures: the sum of the direct counters of every org below (each counted once even when
 * reachable by both its territorial and its industry parent). Reads counter rows, never members.
 */
async function subtreeSums(db: Db, orgIds: string[], year: number | null): Promise<Map<string, SumRow>> {
  if (orgIds.length === 0) return new Map();
  const table = year === null ? sql`org_counters c` : sql`org_counters_yearly c`;
  const yearCond = year === null ? sql`true` : sql`c.year = ${year}`;
  const rows = await queryRows<SumRow>(
    db,
    sql`SELECT a.ancestor_id AS org_id, ${SUMS}
        FROM (SELECT DISTINCT ancestor_id, descendant_id FROM org_closure WHERE ancestor_id IN (${idList(orgIds)})) a
        JOIN ${table} ON c.org_id = a.descendant_id AND ${yearCond}
        GROUP BY a.ancestor_id`,
  );
  return new Map(rows.map((r) => [r.org_id, r]));
}

const rate = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : 0);

function figures(r: SumRow | undefined): CoverageFigures {
  const n = (v: number | string | undefined) => Number(v ?? 0);
  const f = {
    enterprises: n(r?.enterprises),
    enterprisesAtSize: n(r?.enterprises_at_size),
    unionisedEnterprises: n(r?.unionised),
    unionisedAtSize: n(r?.unionised_at_size),
    employees: n(r?.employees),
    unionisedEmployees: n(r?.unionised_employees),
    members: n(r?.members),
  };
  return { ...f, unionisationRate: rate(f.unionisedAtSize, f.enterprisesAtSize), membershipRate: rate(f.members, f.unionisedEmployees) };
}

export async function minEmployees(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT coverage_min_employees() AS n`);
  return Number(row?.n ?? 25);
}

/** Coverage of several org subtrees at once, with last year's snapshot for comparison. */
export async function coverageOf(ctx: AppContext, orgs: { id: string; name: string }[]): Promise<Coverage[]> {
  const ids = orgs.map((o) => o.id);
  const lastYear = shanghaiYear() - 1;
  const [now, before, min] = await Promise.all([subtreeSums(ctx.db, ids, null), subtreeSums(ctx.db, ids, lastYear), minEmployees(ctx.db)]);
  return orgs.map((o) => ({
    orgId: o.id,
    orgName: o.name,
    minEmployees: min,
    ...figures(now.get(o.id)),
    lastYear: before.has(o.id) ? { year: lastYear, ...figures(before.get(o.id)) } : null,
  }));
}

export async function orgCoverage(ctx: AppContext, auth: AuthContext, orgId: string): Promise<Coverage> {
  const org = await findOrg(ctx.db, auth.scope, orgId);
  if (!org) throw notFound('组织');
  const [c] = await coverageOf(ctx, [org]);
  return c!;
}

/** An org and its direct children (territorial and industry) with their coverage: the drill-down. */
export async function coverageChildren(ctx: AppContext, auth: AuthContext, orgId: string) {
  const org = await findOrg(ctx.db, auth.scope, orgId);
  if (!org) throw notFound('组织');
  const children = await queryRows<{ id: string; name: string; kind: string; has_children: boolean }>(
    ctx.db,
    sql`SELECT o.id, o.name, o.kind, EXISTS (SELECT 1 FROM orgs k WHERE k.parent_id = o.id OR k.industry_parent_id = o.id) AS has_children
        FROM orgs o WHERE (o.parent_id = ${orgId} OR o.industry_parent_id = ${orgId}) AND o.status = 'active' ORDER BY o.sort, o.code`,
  );
  const all = await coverageOf(ctx, [org, ...children]);
  return {
    org: all[0]!,
    children: all.slice(1).map((c, i) => ({ ...c, kind: children[i]!.kind, hasChildren: children[i]!.has_children })),
  };
}

/** Freezes this moment's counters as a year's figures (run at year end; also by the demo seed). */
export async function snapshotYear(db: Db, year: number): Promise<void> {
  await db.execute(sql`DELETE FROM org_counters_yearly WHERE year = ${year}`);
  await db.execute(sql`INSERT INTO org_counters_yearly (year, org_id, members, enterprises, enterprises_at_size, unionised, unionised_at_size, employees, unionised_employees)
    SELECT ${year}, org_id, members, enterprises, enterprises_at_size, unionised, unionised_at_size, employees, unionised_employees FROM org_counters`);
}
