import { sql, type SQL } from 'drizzle-orm';
import type { Assignment, AssignmentBody, Page } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { scopePredicate } from '../../platform/access/data-scope.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField } from '../../platform/http/app-error.js';
import { assigneeQuery } from './learning-assignees.js';
import { courseVisible, iso } from './learning-course.repository.js';
import { visibleCourse } from './learning-course.service.js';

/** The deadline's end: 23:59:59 of the day in Asia/Shanghai. */
export const deadlineEnd = (day: string): string => `${day}T23:59:59+08:00`;

function checkDeadline(day: string, now = new Date()): void {
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw invalidField('deadline', '截止日期不正确');
  if (day < shanghaiDate(now)) throw invalidField('deadline', '截止日期不能早于今天');
}

/** How many people the assignment would reach now (the dialog shows it before sending). */
export async function previewAssignment(db: Db, auth: AuthContext, courseId: string, body: AssignmentBody): Promise<{ count: number; orgCount: number }> {
  await visibleCourse(db, auth, courseId);
  const { query, orgCount } = await assigneeQuery(db, auth, body);
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(DISTINCT a.user_id)::int AS n FROM (${query}) a`);
  return { count: row?.n ?? 0, orgCount };
}

/** Assigns a published course: the assignees are resolved now and kept (a snapshot); each gets a message. */
export async function createAssignment(db: Db, auth: AuthContext, actor: Actor, courseId: string, body: AssignmentBody): Promise<Assignment> {
  const course = await visibleCourse(db, auth, courseId);
  if (course.status !== 'published') throw conflict('只有已发布的课程可以指派', 'ILLEGAL_TRANSITION');
  checkDeadline(body.deadline);
  const { query } = await assigneeQuery(db, auth, body);
  const id = await db.transaction(async (tx) => {
    const [a] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO learning_assignments (course_id, org_id, audience, target, deadline, remind_days, note, created_by)
          VALUES (${courseId}, ${auth.user.orgId}, ${body.audience}, ${body.target ? JSON.stringify(body.target) : null}::jsonb, ${deadlineEnd(body.deadline)}::timestamptz,
                  ${body.remindDays}, ${body.note ?? null}, ${auth.user.id}) RETURNING id`,
    );
    const [n] = await queryRows<{ n: number }>(
      tx,
      sql`WITH ins AS (INSERT INTO learning_assignees (assignment_id, user_id, course_id, org_id, name)
            SELECT DISTINCT ON (p.user_id) ${a!.id}::uuid, p.user_id, ${courseId}::uuid, p.org_id, p.name FROM (${query}) p
            ON CONFLICT DO NOTHING RETURNING user_id) SELECT count(*)::int AS n FROM ins`,
    );
    if (!n?.n) throw invalidField(body.audience === 'people' ? 'userIds' : 'target', '所选范围内没有可指派的人员');
    await tx.execute(sql`UPDATE learning_assignments SET assignee_count = ${n.n} WHERE id = ${a!.id}`);
    await tx.execute(sql`INSERT INTO notifications (user_id, kind, title, link)
        SELECT user_id, 'learning.assigned', ${`学习任务:${course.title}(请于 ${body.deadline} 前完成)`}, ${`/m/learning/${courseId}`}
        FROM learning_assignees WHERE assignment_id = ${a!.id}`);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'learning_assignment', objectId: a!.id, detail: { courseId, audience: body.audience, target: body.target ?? null, people: body.userIds?.length ?? 0, assignees: n.n, deadline: body.deadline } }, true);
    return a!.id;
  });
  const [row] = await assignmentRows(db, sql`a.id = ${id}::uuid`, 1, 0);
  return row!;
}

interface AssignmentRow {
  id: string;
  course_id: string;
  course_title: string;
  org_id: string;
  org_name: string;
  audience: Assignment['audience'];
  deadline: string;
  remind_days: number;
  reminded_at: string | null;
  assignee_count: number;
  finished_count: number;
  note: string | null;
  created_at: string;
}

async function assignmentRows(db: Db, where: SQL, limit: number, offset: number): Promise<Assignment[]> {
  const rows = await queryRows<AssignmentRow>(
    db,
    sql`SELECT a.id, a.course_id, c.title AS course_title, a.org_id, o.name AS org_name, a.audience, to_char(a.deadline AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS deadline,
          a.remind_days, ${iso(sql`a.reminded_at`)} AS reminded_at, a.assignee_count, a.note, ${iso(sql`a.created_at`)} AS created_at,
          (SELECT count(*)::int FROM learning_assignees la JOIN learning_records r ON r.course_id = la.course_id AND r.user_id = la.user_id
            WHERE la.assignment_id = a.id AND r.finished_at IS NOT NULL) AS finished_count
        FROM learning_assignments a JOIN learning_courses c ON c.id = a.course_id JOIN orgs o ON o.id = a.org_id
        WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT ${limit} OFFSET ${offset}`,
  );
  return rows.map((r) => ({
    id: r.id, courseId: r.course_id, courseTitle: r.course_title, orgId: r.org_id, orgName: r.org_name, audience: r.audience, deadline: r.deadline,
    remindDays: r.remind_days, remindedAt: r.reminded_at, assigneeCount: r.assignee_count, finishedCount: r.finished_count, note: r.note, createdAt: r.created_at,
  }));
}

/** The assignments the caller sees: made by an org of their scope, or of a course of their scope. */
export async function listAssignments(db: Db, auth: AuthContext, q: { courseId?: string; page: number; pageSize: number }): Promise<Page<Assignment>> {
  const mine = sql`(${scopePredicate(auth.scope, { org: sql`a.org_id` })} OR ${scopePredicate(auth.scope, { org: sql`c.org_id` })}) AND ${courseVisible(auth.scope)}`;
  const where = q.courseId ? sql`${mine} AND a.course_id = ${q.courseId}::uuid` : mine;
  const items = await assignmentRows(db, where, q.pageSize, (q.page - 1) * q.pageSize);
  const [n] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM learning_assignments a JOIN learning_courses c ON c.id = a.course_id WHERE ${where}`);
  return { items, total: n?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
