import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db-connection.js';
import { grantsSql } from '../auth/session.service.js';
import { compileScope, EMPTY_SCOPE, type DataScope, type RoleGrant } from './data-scope.js';

export interface UserAccess {
  scope: DataScope;
  permissions: Set<string>;
  user: { id: string; username: string; orgId: string; memberId: string | null };
}

/**
 * A user's current scope and permissions, read from the database: what a background job acting
 * for that user may touch (a revoked role stops the job's access too). Unknown or disabled → nothing.
 */
export async function loadUserAccess(db: Db, userId: string): Promise<UserAccess> {
  const [row] = await queryRows<{ id: string; username: string; org_id: string; member_id: string | null; status: string; roles: RoleGrant[] | string }>(
    db,
    sql`SELECT u.id, u.username, u.org_id, u.member_id, u.status, ${grantsSql(sql`u.id`)} AS roles FROM users u WHERE u.id = ${userId}`,
  );
  if (!row || row.status !== 'active') return { scope: EMPTY_SCOPE, permissions: new Set(), user: { id: userId, username: '', orgId: '', memberId: null } };
  const grants = typeof row.roles === 'string' ? (JSON.parse(row.roles) as RoleGrant[]) : row.roles;
  const user = { id: row.id, username: row.username, orgId: row.org_id, memberId: row.member_id };
  return { scope: compileScope(grants, user), permissions: new Set(grants.flatMap((g) => g.permissions)), user };
}
