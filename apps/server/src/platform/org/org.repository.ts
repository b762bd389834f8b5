import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db-connection.js';
import { scopePredicate, type DataScope } from '../access/data-scope.js';
import { orgClosure, orgs } from './org.schema.js';

export type OrgRow = typeof orgs.$inferSelect;
export type NewOrgRow = typeof orgs.$inferInsert;

const inScope = (scope: DataScope) => scopePredicate(scope, { org: orgs.id });

export async function findOrg(db: Db, scope: DataScope, id: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(orgs).where(and(eq(orgs.id, id), inScope(scope)));
  return row ?? null;
}

/** The territorial parent of an org (null for the root): where reminders escalate to (督办). */
export async function parentOrgId(db: Db, orgId: string): Promise<string | null> {
  const [row] = await db.select({ parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, orgId));
  return row?.parentId ?? null;
}

export async function findOrgByCode(db: Db, code: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(orgs).where(eq(orgs.code, code));
  return row ?? null;
}

export interface OrgListFilter {
  q?: string;
  kind?: string;
  parentId?: string;
  page: number;
  pageSize: number;
}

export async function listOrgs(db: Db, scope: DataScope, f: OrgListFilter): Promise<{ rows: OrgRow[]; total: number }> {
  const conds: SQL[] = [inScope(scope)];
  if (f.q) conds.push(or(ilike(orgs.name, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`), eq(orgs.code, f.q))!);
  if (f.kind) conds.push(eq(orgs.kind, f.kind));
  if (f.parentId) conds.push(or(eq(orgs.parentId, f.parentId), eq(orgs.industryParentId, f.parentId))!);
  const where = and(...conds);
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(orgs).where(where).orderBy(asc(orgs.sort), asc(orgs.code)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(orgs).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

export interface TreeRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  union_type: string | null;
  division_code: string | null;
  parent_id: string | null;
  industry_parent_id: string | null;
}

export async function treeRows(db: Db, scope: DataScope): Promise<TreeRow[]> {
  return queryRows<TreeRow>(
    db,
    sql`SELECT id, code, name, kind, union_type, division_code, parent_id, industry_parent_id
        FROM orgs WHERE status = 'active' AND ${scopePredicate(scope, { org: sql`orgs.id` })}
        ORDER BY sort, code`,
  );
}

/** Territorial ancestors from the root down, the org itself last. */
export async function orgPath(db: Db, id: string): Promise<{ id: string; name: string }[]> {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT o.id, o.name FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id
        WHERE c.descendant_id = ${id} AND c.relation = 'territorial' ORDER BY c.depth DESC`,
  );
}

export async function nextOrgCode(db: Db, divisionCode: string): Promise<string> {
  const [row] = await queryRows<{ n: string }>(db, sql`SELECT nextval('org_code_seq')::text AS n`);
  return `${divisionCode}${String(row?.n ?? '0').padStart(6, '0')}`;
}

/** All orgs below id (any relation), id included. */
export async function subtreeIds(db: Db, id: string): Promise<string[]> {
  const rows = await db.selectDistinct({ id: orgClosure.descendantId }).from(orgClosure).where(eq(orgClosure.ancestorId, id));
  return rows.map((r) => r.id);
}

export async function isAncestor(db: Db, ancestorId: string, descendantId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(orgClosure)
    .where(and(eq(orgClosure.ancestorId, ancestorId), eq(orgClosure.descendantId, descendantId)));
  return (row?.n ?? 0) > 0;
}

/**
 * Recomputes the closure rows of the given orgs from their parent links: a path through an
 * industry parent anywhere makes the relation 'industry'; depth is the shortest path.
 */
export async function rebuildClosure(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`DELETE FROM org_closure WHERE descendant_id IN (${idList})`);
  await db.execute(sql`
    WITH RECURSIVE edges AS (
      SELECT id AS child, parent_id AS parent, 'territorial'::text AS rel FROM orgs WHERE parent_id IS NOT NULL
      UNION ALL
      SELECT id, industry_parent_id, 'industry' FROM orgs WHERE industry_parent_id IS NOT NULL
    ), up(descendant_id, ancestor_id, depth, relation) AS (
      SELECT id, id, 0, 'territorial'::text FROM orgs WHERE id IN (${idList})
      UNION ALL
      SELECT up.descendant_id, e.parent, up.depth + 1,
             CASE WHEN e.rel = 'industry' OR up.relation = 'industry' THEN 'industry' ELSE 'territorial' END
      FROM up JOIN edges e ON e.child = up.ancestor_id
      WHERE up.depth < 32
    )
    INSERT INTO org_closure (ancestor_id, descendant_id, depth, relation)
    SELECT ancestor_id, descendant_id, min(depth), relation FROM up GROUP BY ancestor_id, descendant_id, relation`);
}
