import { sql, type SQL, type Column } from 'drizzle-orm';
import type { DataScopeKind } from '@gonghui/contracts';
import { queryRows, type Db } from '../db/db-connection.js';

/**
 * What rows a user may see, compiled from all their roles (OR-ed). Fails closed: no role, no rows.
 * - all: everything
 * - subtreeRoots: the orgs whose whole subtree (any relation) is visible
 * - units: orgs visible on their own
 * - self: rows created by the user or about their member record
 */
export interface DataScope {
  all: boolean;
  subtreeRoots: string[];
  units: string[];
  selfUserId: string | null;
  selfMemberId: string | null;
}

export interface RoleGrant {
  code: string;
  kind: 'platform' | 'business';
  scope: DataScopeKind;
  permissions: string[];
  scopeOrgIds: string[];
  mfaRequired: boolean;
  passwordExpires: boolean;
}

export const EMPTY_SCOPE: DataScope = { all: false, subtreeRoots: [], units: [], selfUserId: null, selfMemberId: null };

export function compileScope(grants: RoleGrant[], user: { id: string; orgId: string; memberId: string | null }): DataScope {
  const scope: DataScope = { all: false, subtreeRoots: [], units: [], selfUserId: null, selfMemberId: null };
  for (const g of grants) {
    switch (g.scope) {
      case 'all':
        scope.all = true;
        break;
      case 'custom':
        scope.subtreeRoots.push(...g.scopeOrgIds);
        break;
      case 'unit_and_below':
        scope.subtreeRoots.push(user.orgId);
        break;
      case 'unit':
        scope.units.push(user.orgId);
        break;
      case 'self':
        scope.selfUserId = user.id;
        scope.selfMemberId = user.memberId;
        break;
    }
  }
  scope.subtreeRoots = [...new Set(scope.subtreeRoots)];
  scope.units = [...new Set(scope.units)];
  return scope;
}

export interface ScopeColumns {
  /** the owning unit of the row */
  org: Column | SQL;
  /** who created the row (for 'self') */
  owner?: Column | SQL;
  /** the member the row is about (for 'self') */
  member?: Column | SQL;
}

function uuidList(ids: string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/** The parameterised predicate for reads AND writes. */
export function scopePredicate(scope: DataScope, cols: ScopeColumns): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.subtreeRoots.length) {
    parts.push(sql`${cols.org} IN (SELECT descendant_id FROM org_closure WHERE ancestor_id IN (${uuidList(scope.subtreeRoots)}))`);
  }
  if (scope.units.length) parts.push(sql`${cols.org} IN (${uuidList(scope.units)})`);
  if (scope.selfUserId && cols.owner) parts.push(sql`${cols.owner} = ${scope.selfUserId}::uuid`);
  if (scope.selfMemberId && cols.member) parts.push(sql`${cols.member} = ${scope.selfMemberId}::uuid`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Whether an org id lies in the scope's org part (used for checks before writes). */
export function orgInScopeSql(scope: DataScope, orgId: string): SQL {
  // the org must exist too: an 'all' scope holds every org, not every uuid
  return sql`SELECT EXISTS (SELECT 1 FROM orgs WHERE id = ${orgId}::uuid AND ${scopePredicate(scope, { org: sql`${orgId}::uuid` })}) AS ok`;
}

/** Whether the scope holds an org (its org part: the rows of that org are visible and writable). */
export async function scopeIncludesOrg(db: Db, scope: DataScope, orgId: string): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(db, orgInScopeSql(scope, orgId));
  return row?.ok === true;
}
