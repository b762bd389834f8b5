import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db-connection.js';
import { scopePredicate, type DataScope } from '../access/data-scope.js';
import { users } from './auth.schema.js';

export type UserRow = typeof users.$inferSelect;

export interface UserView {
  id: string;
  username: string;
  name: string;
  orgId: string;
  orgName: string;
  memberId: string | null;
  status: string;
  mfaEnabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  roles: { code: string; name: string; kind: string }[];
}

const inScope = (scope: DataScope) => scopePredicate(scope, { org: users.orgId });

export interface UserFilter {
  q?: string;
  orgId?: string;
  roleCode?: string;
  status?: string;
  page: number;
  pageSize: number;
}

function filterSql(scope: DataScope, f: Partial<UserFilter> & { id?: string }): SQL {
  const conds: SQL[] = [inScope(scope)];
  if (f.id) conds.push(eq(users.id, f.id));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`;
    conds.push(or(ilike(users.username, like), ilike(users.name, like))!);
  }
  if (f.orgId) conds.push(sql`${users.orgId} IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${f.orgId})`);
  if (f.status) conds.push(eq(users.status, f.status));
  if (f.roleCode) conds.push(sql`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ${users.id} AND r.code = ${f.roleCode})`);
  return and(...conds)!;
}

async function views(db: Db, where: SQL, limit: number, offset: number): Promise<UserView[]> {
  const rows = await queryRows<UserView & { roles: UserView['roles'] | string }>(
    db,
    sql`SELECT users.id, users.username, users.name, users.org_id AS "orgId", o.name AS "orgName", users.member_id AS "memberId", users.status,
          users.mfa_enabled AS "mfaEnabled",
          to_char(users.locked_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lockedUntil",
          to_char(users.last_login_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastLoginAt",
          to_char(users.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
          coalesce((SELECT json_agg(json_build_object('code', r.code, 'name', r.name, 'kind', r.kind) ORDER BY r.kind, r.code)
                    FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = users.id), '[]'::json) AS roles
        FROM users JOIN orgs o ON o.id = users.org_id
        WHERE ${where}
        ORDER BY users.created_at DESC, users.id LIMIT ${limit} OFFSET ${offset}`,
  );
  return rows.map((r) => ({ ...r, roles: typeof r.roles === 'string' ? (JSON.parse(r.roles) as UserView['roles']) : r.roles }));
}

export async function listUsers(db: Db, scope: DataScope, f: UserFilter): Promise<{ rows: UserView[]; total: number }> {
  const where = filterSql(scope, f);
  const [rows, [totalRow]] = await Promise.all([views(db, where, f.pageSize, (f.page - 1) * f.pageSize), db.select({ n: count() }).from(users).where(where)]);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function findUserView(db: Db, scope: DataScope, id: string): Promise<UserView | null> {
  const [row] = await views(db, filterSql(scope, { id }), 1, 0);
  return row ?? null;
}

export async function findUserRow(db: Db, scope: DataScope, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(and(eq(users.id, id), inScope(scope))).orderBy(desc(users.createdAt));
  return row ?? null;
}
