import { sql, type SQL } from 'drizzle-orm';
import type { LearningCategory, Quiz } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { notFound } from '../../platform/http/app-error.js';
import { iso } from './learning-course.repository.js';

/** A member sees a published course assigned to them, or open to members of an org above theirs. */
export const studyVisible = (auth: AuthContext): SQL => sql`c.status = 'published' AND (
  EXISTS (SELECT 1 FROM learning_assignees la WHERE la.course_id = c.id AND la.user_id = ${auth.user.id}::uuid)
  OR (c.open_to_members AND c.org_id IN (SELECT ancestor_id FROM org_closure WHERE descendant_id = ${auth.user.orgId}::uuid)))`;

export interface StudyRow {
  id: string;
  title: string;
  summary: string;
  category: LearningCategory;
  org_name: string;
  quiz: Quiz | null;
  deadline: string | null;
  assigned: boolean;
  assignee_org_id: string | null;
  material_count: number;
  finished_materials: number;
  total_minutes: number;
  opened: boolean;
  passed: boolean;
  best_score: number | null;
  attempts: number;
  seconds_spent: number;
  finished_at: string | null;
}

const SELECT = (userId: string) => sql`SELECT c.id, c.title, c.summary, c.category, o.name AS org_name, c.quiz,
    (SELECT to_char(min(a.deadline) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM learning_assignees la JOIN learning_assignments a ON a.id = la.assignment_id
      WHERE la.course_id = c.id AND la.user_id = ${userId}::uuid) AS deadline,
    EXISTS (SELECT 1 FROM learning_assignees la WHERE la.course_id = c.id AND la.user_id = ${userId}::uuid) AS assigned,
    (SELECT la.org_id FROM learning_assignees la JOIN learning_assignments a ON a.id = la.assignment_id
      WHERE la.course_id = c.id AND la.user_id = ${userId}::uuid ORDER BY a.created_at DESC LIMIT 1) AS assignee_org_id,
    (SELECT count(*)::int FROM learning_materials lm WHERE lm.course_id = c.id) AS material_count,
    (SELECT count(*)::int FROM learning_material_progress p WHERE p.course_id = c.id AND p.user_id = ${userId}::uuid AND p.finished_at IS NOT NULL) AS finished_materials,
    (SELECT coalesce(sum(lm.minutes), 0)::int FROM learning_materials lm WHERE lm.course_id = c.id) AS total_minutes,
    (r.course_id IS NOT NULL) AS opened, coalesce(r.passed, false) AS passed, r.best_score, coalesce(r.attempts, 0) AS attempts,
    coalesce(r.seconds_spent, 0) AS seconds_spent, ${iso(sql`r.finished_at`)} AS finished_at
  FROM learning_courses c JOIN orgs o ON o.id = c.org_id
  LEFT JOIN learning_records r ON r.course_id = c.id AND r.user_id = ${userId}::uuid`;

export async function myStudyRows(db: Db, auth: AuthContext): Promise<StudyRow[]> {
  return queryRows<StudyRow>(db, sql`${SELECT(auth.user.id)} WHERE ${studyVisible(auth)} ORDER BY (r.finished_at IS NOT NULL), c.published_at DESC NULLS LAST, c.id LIMIT 200`);
}

/** The course as the member may study it, else 404. */
export async function myStudyRow(db: Db, auth: AuthContext, courseId: string): Promise<StudyRow> {
  const [row] = await queryRows<StudyRow>(db, sql`${SELECT(auth.user.id)} WHERE c.id = ${courseId}::uuid AND ${studyVisible(auth)}`);
  if (!row) throw notFound('课程');
  return row;
}

export interface ProgressRow {
  material_id: string;
  finished: boolean;
}

export const myProgress = (db: Db, userId: string, courseId: string): Promise<ProgressRow[]> =>
  queryRows<ProgressRow>(db, sql`SELECT material_id, (finished_at IS NOT NULL) AS finished FROM learning_material_progress WHERE user_id = ${userId}::uuid AND course_id = ${courseId}::uuid`);

/** Opens (or touches) the person's record of the course, locked for the rest of the transaction. */
export async function touchRecord(tx: Db, auth: AuthContext, row: StudyRow): Promise<{ seconds_spent: number; since: string }> {
  await tx.execute(sql`INSERT INTO learning_records (course_id, user_id, org_id) VALUES (${row.id}, ${auth.user.id}, ${row.assignee_org_id ?? auth.user.orgId})
      ON CONFLICT (course_id, user_id) DO NOTHING`);
  const [r] = await queryRows<{ seconds_spent: number; since: string }>(
    tx,
    sql`SELECT seconds_spent, ${iso(sql`coalesce(last_heartbeat_at, last_opened_at)`)} AS since FROM learning_records WHERE course_id = ${row.id} AND user_id = ${auth.user.id} FOR UPDATE`,
  );
  return r!;
}

/** Finished when every material is done and the quiz (if any) passed; sets the time once. */
export async function settleFinished(tx: Db, courseId: string, userId: string): Promise<boolean> {
  const [r] = await queryRows<{ finished: boolean }>(
    tx,
    sql`UPDATE learning_records r SET finished_at = coalesce(r.finished_at, now())
        WHERE r.course_id = ${courseId} AND r.user_id = ${userId}
          AND NOT EXISTS (SELECT 1 FROM learning_materials lm LEFT JOIN learning_material_progress p ON p.material_id = lm.id AND p.user_id = ${userId}::uuid
                          WHERE lm.course_id = ${courseId}::uuid AND p.finished_at IS NULL)
          AND (r.passed OR (SELECT quiz IS NULL FROM learning_courses WHERE id = ${courseId}::uuid))
        RETURNING true AS finished`,
  );
  return r?.finished === true;
}
