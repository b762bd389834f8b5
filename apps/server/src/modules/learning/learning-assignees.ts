import { sql, type SQL } from 'drizzle-orm';
import type { AssignmentBody } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { invalidField } from '../../platform/http/app-error.js';
import { resolveOrgTarget } from '../../platform/org/org-target.js';

const uuids = (ids: readonly string[]): SQL => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Staff accounts: no member record, holding a business role other than 职工会员. */
const STAFF_ROLE = sql`EXISTS (SELECT 1 FROM user_roles ur JOIN roles ro ON ro.id = ur.role_id WHERE ur.user_id = u.id AND ur.role_kind = 'business' AND ro.code <> 'member')`;

/**
 * The people an assignment reaches, as `SELECT user_id, org_id, name` (the org statistics count them
 * under): members of the target orgs (their member record's union), staff of the target orgs, or
 * the named people (each within the caller's scope, else 422 naming the entry).
 */
export async function assigneeQuery(db: Db, auth: AuthContext, body: AssignmentBody): Promise<{ query: SQL; orgCount: number }> {
  if (body.audience === 'people') {
    const ids = [...new Set(body.userIds ?? [])];
    const rows = await queryRows<{ id: string }>(
      db,
      sql`SELECT u.id FROM users u LEFT JOIN members m ON m.id = u.member_id
          WHERE u.id IN (${uuids(ids)}) AND u.status = 'active' AND (m.id IS NULL OR m.status = 'active')
            AND ${scopePredicate(auth.scope, { org: sql`coalesce(m.org_id, u.org_id)` })}`,
    );
    const found = new Set(rows.map((r) => r.id));
    const missing = (body.userIds ?? []).findIndex((id) => !found.has(id));
    if (missing >= 0) throw invalidField(`userIds.${missing}`, '所选人员不存在、已停用或不在您的数据范围内');
    return {
      query: sql`SELECT u.id AS user_id, coalesce(m.org_id, u.org_id) AS org_id, u.name FROM users u LEFT JOIN members m ON m.id = u.member_id WHERE u.id IN (${uuids(ids)})`,
      orgCount: 0,
    };
  }
  const orgIds = await resolveOrgTarget(db, auth.scope, body.target!);
  if (!orgIds.length) return { query: sql`SELECT NULL::uuid AS user_id, NULL::uuid AS org_id, NULL::text AS name WHERE false`, orgCount: 0 };
  const query =
    body.audience === 'members'
      ? sql`SELECT u.id AS user_id, m.org_id, u.name FROM users u JOIN members m ON m.id = u.member_id
            WHERE u.status = 'active' AND m.status = 'active' AND m.org_id IN (${uuids(orgIds)})`
      : sql`SELECT u.id AS user_id, u.org_id, u.name FROM users u
            WHERE u.status = 'active' AND u.member_id IS NULL AND u.org_id IN (${uuids(orgIds)}) AND ${STAFF_ROLE}`;
  return { query, orgCount: orgIds.length };
}

/** People to pick by name for a named-people assignment (members and staff within the caller's scope). */
export async function findPeople(db: Db, auth: AuthContext, q: string): Promise<{ id: string; name: string; orgName: string; kind: 'member' | 'staff' }[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await queryRows<{ id: string; name: string; org_name: string; is_member: boolean }>(
    db,
    sql`SELECT u.id, u.name, o.name AS org_name, (u.member_id IS NOT NULL) AS is_member
        FROM users u LEFT JOIN members m ON m.id = u.member_id JOIN orgs o ON o.id = coalesce(m.org_id, u.org_id)
        WHERE u.status = 'active' AND u.name ILIKE ${like} AND (u.member_id IS NOT NULL OR ${STAFF_ROLE})
          AND ${scopePredicate(auth.scope, { org: sql`coalesce(m.org_id, u.org_id)` })}
        ORDER BY u.name LIMIT 20`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, orgName: r.org_name, kind: r.is_member ? 'member' : 'staff' }));
}
