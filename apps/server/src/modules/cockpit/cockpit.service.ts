import { sql } from 'drizzle-orm';
import type { CockpitFigure, CockpitQuery, CockpitView } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { findOrg, type OrgRow } from '../../platform/org/org.repository.js';
import { scopeIncludesOrg, scopePredicate } from '../../platform/access/data-scope.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { COCKPIT_FIGURES } from './cockpit-figures.js';
import { counterRead, readCounters, type ChildOrgRow } from './cockpit.repository.js';

/** 春风行动 targets of the year for an org: its district's target, or the sum of all for the city. */
async function aidTargets(db: Db, org: OrgRow, year: number): Promise<{ households: number; amountFen: number } | null> {
  if (org.kind !== 'city' && !(org.kind === 'district' && org.divisionCode)) return null;
  const match = org.kind === 'city' ? sql`true` : sql`t.division_code = ${org.divisionCode}`;
  const [row] = await queryRows<{ n: number; households: string | null; amount: string | null }>(
    db,
    sql`SELECT count(*)::int AS n, sum(t.households) AS households, sum(t.amount_fen) AS amount
        FROM aid_campaign_targets t JOIN aid_campaigns c ON c.id = t.campaign_id WHERE c.year = ${year} AND ${match}`,
  );
  if (!row || row.n === 0) return null;
  return { households: Number(row.households ?? 0), amountFen: Number(row.amount ?? 0) };
}

/** 工作驾驶舱: the figures of an org subtree for a year, last year's, and each direct child's. */
export async function buildCockpitView(ctx: AppContext, auth: AuthContext, q: CockpitQuery): Promise<CockpitView> {
  const db = ctx.db;
  const year = q.year ?? shanghaiYear();
  const org = await findOrg(db, auth.scope, q.orgId ?? auth.user.orgId);
  if (!org) throw notFound('组织');
  const children = await queryRows<ChildOrgRow>(
    db,
    sql`SELECT o.id, o.name, o.kind, EXISTS (SELECT 1 FROM orgs k WHERE k.parent_id = o.id AND k.status = 'active') AS has_children
        FROM orgs o WHERE o.parent_id = ${org.id} AND o.status = 'active' AND ${scopePredicate(auth.scope, { org: sql`o.id` })}
        ORDER BY o.sort, o.code`,
  );
  const [counters, targets, canDrillUp] = await Promise.all([
    readCounters(db, [org.id, ...children.map((c) => c.id)], [0, year, year - 1]),
    aidTargets(db, org, year),
    org.parentId ? scopeIncludesOrg(db, auth.scope, org.parentId) : Promise.resolve(false),
  ]);
  const figures: CockpitFigure[] = COCKPIT_FIGURES.map((f) => ({
    key: f.key,
    group: f.group,
    label: f.label,
    unit: f.unit,
    value: f.fast(counterRead(counters, org.id, f.yearly ? year : 0)),
    previous: f.yearly ? f.fast(counterRead(counters, org.id, year - 1)) : null,
    target: f.key === 'aid.aided' ? (targets?.households ?? null) : f.key === 'aid.amount' ? (targets?.amountFen ?? null) : null,
    link: f.link(org.id, year),
    note: f.note,
  }));
  return {
    org: { id: org.id, name: org.name, kind: org.kind, parentId: org.parentId },
    year,
    figures,
    children: children.map((c) => ({
      orgId: c.id,
      name: c.name,
      kind: c.kind,
      hasChildren: c.has_children,
      values: Object.fromEntries(COCKPIT_FIGURES.map((f) => [f.key, f.fast(counterRead(counters, c.id, f.yearly ? year : 0))])),
    })),
    generatedAt: new Date().toISOString(),
    abilities: { canExportReport: auth.permissions.has('dashboard:report:export'), canDrillUp },
  };
}
