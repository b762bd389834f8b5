import { sql } from 'drizzle-orm';
import type { OrgTarget } from '@gonghui/contracts';
import { queryRows, type Db } from '../db/db-connection.js';
import { scopeIncludesOrg, scopePredicate, type DataScope } from '../access/data-scope.js';
import { invalidField } from '../http/app-error.js';

export { orgTargetSchema, type OrgTarget } from '@gonghui/contracts';

/**
 * The active orgs a target names, all within the sender's scope, in tree order (by code).
 * A root or listed org outside the scope (or dissolved, or unknown) is a 422 on its field:
 * the sender learns nothing about orgs they cannot see.
 */
export async function resolveOrgTarget(db: Db, scope: DataScope, target: OrgTarget): Promise<string[]> {
  if (target.mode === 'subtree') {
    if (!(await scopeIncludesOrg(db, scope, target.rootId))) throw invalidField('target.rootId', '下发范围的上级组织不存在或不在您的数据范围内');
    const kinds = target.kinds?.length ? sql`AND o.kind IN (${sql.join(target.kinds.map((k) => sql`${k}`), sql`, `)})` : sql``;
    const root = target.includeRoot ? sql`` : sql`AND o.id <> ${target.rootId}::uuid`;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`SELECT o.id FROM orgs o
          WHERE o.status = 'active'
            AND o.id IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ${target.rootId}::uuid)
            ${root} ${kinds}
            AND ${scopePredicate(scope, { org: sql`o.id` })}
          ORDER BY o.code`,
    );
    return rows.map((r) => r.id);
  }
  const wanted = [...new Set(target.orgIds)];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT o.id FROM orgs o
        WHERE o.status = 'active'
          AND o.id IN (${sql.join(wanted.map((id) => sql`${id}::uuid`), sql`, `)})
          AND ${scopePredicate(scope, { org: sql`o.id` })}
        ORDER BY o.code`,
  );
  if (rows.length < wanted.length) {
    const found = new Set(rows.map((r) => r.id));
    const index = target.orgIds.findIndex((id) => !found.has(id));
    throw invalidField(`target.orgIds.${index}`, '所选组织不存在、已撤销或不在您的数据范围内');
  }
  return rows.map((r) => r.id);
}
