import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db-connection.js';
import { roles, userRoles } from './access.schema.js';

export type RoleRow = typeof roles.$inferSelect;

export async function rolesByCodes(db: Db, codes: string[]): Promise<RoleRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(roles).where(inArray(roles.code, codes));
}

export async function roleByCode(db: Db, code: string): Promise<RoleRow | null> {
  const [row] = await db.select().from(roles).where(eq(roles.code, code));
  return row ?? null;
}

/** Replaces the user's roles of one kind, leaving the other kind as it is. */
export async function replaceUserRoles(db: Db, userId: string, kind: 'platform' | 'business', roleRows: RoleRow[], grantedBy: string | null): Promise<void> {
  await db.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.roleKind, kind)));
  if (roleRows.length) {
    await db.insert(userRoles).values(roleRows.map((r) => ({ userId, roleId: r.id, roleKind: r.kind, grantedBy })));
  }
}

export interface RoleListRow extends RoleRow {
  scopeOrgIds: string[];
  userCount: number;
}

export async function listRoles(db: Db): Promise<RoleListRow[]> {
  const rows = await queryRows<{ id: string; scope_org_ids: string[] | string; user_count: number }>(
    db,
    sql`SELECT r.id,
          coalesce((SELECT json_agg(org_id) FROM role_scope_orgs WHERE role_id = r.id), '[]'::json) AS scope_org_ids,
          (SELECT count(*)::int FROM user_roles WHERE role_id = r.id) AS user_count
        FROM roles r`,
  );
  const extra = new Map(rows.map((r) => [r.id, r]));
  const all = await db.select().from(roles).orderBy(roles.builtin, roles.kind, roles.code);
  return all.map((r) => {
    const e = extra.get(r.id);
    const ids = e ? (typeof e.scope_org_ids === 'string' ? (JSON.parse(e.scope_org_ids) as string[]) : e.scope_org_ids) : [];
    return { ...r, scopeOrgIds: ids, userCount: e?.user_count ?? 0 };
  });
}
