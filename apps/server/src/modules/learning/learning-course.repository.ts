import { sql, type SQL } from 'drizzle-orm';
import type { Attachment, CourseListQuery, CourseStatus, LearningCategory, Material, Quiz } from '@gonghui/contracts';
import { scopePredicate, type DataScope } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';

/** A course as read for staff, with counts. */
export interface CourseRow {
  id: string;
  org_id: string;
  org_name: string;
  title: string;
  summary: string;
  category: LearningCategory;
  status: CourseStatus;
  open_to_members: boolean;
  quiz: Quiz | null;
  material_count: number;
  total_minutes: number;
  assigned_count: number;
  finished_count: number;
  has_assignments: boolean;
  /** the course's org lies in the caller's scope (they may change it); else it is an upper org's published course */
  owned: boolean;
  published_at: string | null;
  updated_at: string;
}

export const iso = (col: SQL): SQL => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** The courses of the orgs in the caller's scope (theirs to change). */
export const courseScope = (scope: DataScope): SQL => scopePredicate(scope, { org: sql`c.org_id` });

/** Staff see their scope's courses, and the published (or withdrawn) courses of the orgs above them, to assign and follow. */
export function courseVisible(scope: DataScope): SQL {
  const roots = [...scope.subtreeRoots, ...scope.units];
  if (scope.all || !roots.length) return courseScope(scope);
  const ids = sql.join(roots.map((id) => sql`${id}::uuid`), sql`, `);
  return sql`(${courseScope(scope)} OR (c.status <> 'draft' AND c.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id IN (${ids}))))`;
}

const select = (scope: DataScope) => sql`SELECT ${courseScope(scope)} AS owned, c.id, c.org_id, o.name AS org_name, c.title, c.summary, c.category, c.status, c.open_to_members, c.quiz,
    (SELECT count(*)::int FROM learning_materials lm WHERE lm.course_id = c.id) AS material_count,
    (SELECT coalesce(sum(lm.minutes), 0)::int FROM learning_materials lm WHERE lm.course_id = c.id) AS total_minutes,
    (SELECT count(DISTINCT la.user_id)::int FROM learning_assignees la WHERE la.course_id = c.id) AS assigned_count,
    (SELECT count(*)::int FROM learning_records r WHERE r.course_id = c.id AND r.finished_at IS NOT NULL) AS finished_count,
    EXISTS (SELECT 1 FROM learning_assignments a WHERE a.course_id = c.id) AS has_assignments,
    ${iso(sql`c.published_at`)} AS published_at, ${iso(sql`c.updated_at`)} AS updated_at
  FROM learning_courses c JOIN orgs o ON o.id = c.org_id`;

export function courseWhere(scope: DataScope, q: Partial<CourseListQuery>): SQL {
  const parts: SQL[] = [courseVisible(scope)];
  if (q.status) parts.push(sql`c.status = ${q.status}`);
  if (q.category) parts.push(sql`c.category = ${q.category}`);
  if (q.q) parts.push(sql`c.title ILIKE ${`%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
  return sql.join(parts, sql` AND `);
}

export async function findCourseRow(db: Db, scope: DataScope, where: SQL): Promise<CourseRow | null> {
  const [row] = await queryRows<CourseRow>(db, sql`${select(scope)} WHERE ${where}`);
  return row ?? null;
}

export async function listCourseRows(db: Db, scope: DataScope, where: SQL, limit: number, offset: number): Promise<{ rows: CourseRow[]; total: number }> {
  const rows = await queryRows<CourseRow>(db, sql`${select(scope)} WHERE ${where} ORDER BY c.updated_at DESC, c.id LIMIT ${limit} OFFSET ${offset}`);
  const [count] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM learning_courses c WHERE ${where}`);
  return { rows, total: count?.n ?? 0 };
}

interface MaterialRow {
  id: string;
  position: number;
  kind: Material['kind'];
  title: string;
  url: string | null;
  body: string | null;
  minutes: number;
  files: Attachment[];
}

export async function materialsOf(db: Db, courseId: string): Promise<Material[]> {
  const rows = await queryRows<MaterialRow>(db, sql`SELECT id, position, kind, title, url, body, minutes, files FROM learning_materials WHERE course_id = ${courseId} ORDER BY position, id`);
  return rows.map((r) => ({ ...r, files: Array.isArray(r.files) ? r.files : [] }));
}
