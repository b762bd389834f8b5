import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DataScope } from '../access/data-scope.js';
import { scopePredicate } from '../access/data-scope.js';
import type { Db } from '../db/db-connection.js';
import { orgs } from '../org/org.schema.js';
import { trackedItems, trackedProgressReports } from './tracking.schema.js';

export type TrackedRow = typeof trackedItems.$inferSelect & { ownerOrgName: string; supervisorOrgName: string };

const owner = alias(orgs, 'tracked_owner');
const supervisor = alias(orgs, 'tracked_supervisor');

/** Visible: the caller's scope holds the owner org (it reports) or the supervising org (it issued the item). */
export function trackedScope(scope: DataScope): SQL {
  return sql`(${scopePredicate(scope, { org: trackedItems.ownerOrgId })} OR ${scopePredicate(scope, { org: trackedItems.supervisorOrgId })})`;
}

export interface TrackedFilter {
  kind?: string;
  businessIds?: string[];
  ownerOrgId?: string;
  id?: string;
}

export async function trackedRows(db: Db, scope: DataScope, f: TrackedFilter): Promise<TrackedRow[]> {
  const conds: SQL[] = [trackedScope(scope)];
  if (f.kind) conds.push(eq(trackedItems.kind, f.kind));
  if (f.id) conds.push(eq(trackedItems.id, f.id));
  if (f.ownerOrgId) conds.push(eq(trackedItems.ownerOrgId, f.ownerOrgId));
  if (f.businessIds) {
    if (f.businessIds.length === 0) return [];
    conds.push(sql`${trackedItems.businessId} IN (${sql.join(f.businessIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  }
  const rows = await db
    .select({ item: trackedItems, ownerOrgName: owner.name, supervisorOrgName: supervisor.name })
    .from(trackedItems)
    .innerJoin(owner, eq(owner.id, trackedItems.ownerOrgId))
    .innerJoin(supervisor, eq(supervisor.id, trackedItems.supervisorOrgId))
    .where(and(...conds))
    .orderBy(asc(trackedItems.deadline), asc(owner.code));
  return rows.map((r) => ({ ...r.item, ownerOrgName: r.ownerOrgName, supervisorOrgName: r.supervisorOrgName }));
}

export async function progressRows(db: Db, itemId: string) {
  return db
    .select({ report: trackedProgressReports, orgName: orgs.name })
    .from(trackedProgressReports)
    .innerJoin(orgs, eq(orgs.id, trackedProgressReports.orgId))
    .where(eq(trackedProgressReports.itemId, itemId))
    .orderBy(asc(trackedProgressReports.reportDate), asc(trackedProgressReports.createdAt));
}
