import { sql } from 'drizzle-orm';
import type { Course, CourseBody, CourseListQuery, CourseSummary, Page } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { changeDetail } from '../../platform/audit/audit-change.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalid, invalidField, notFound } from '../../platform/http/app-error.js';
import { courseVisible, courseWhere, findCourseRow, listCourseRows, materialsOf, type CourseRow } from './learning-course.repository.js';
import { normalizeQuiz } from './learning-quiz-scoring.js';

const summaryOf = (r: CourseRow): CourseSummary => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  category: r.category,
  status: r.status,
  openToMembers: r.open_to_members,
  orgId: r.org_id,
  orgName: r.org_name,
  materialCount: r.material_count,
  totalMinutes: r.total_minutes,
  hasQuiz: r.quiz !== null,
  assignedCount: r.assigned_count,
  finishedCount: r.finished_count,
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
});

export function courseAbilities(auth: AuthContext, r: CourseRow): Course['abilities'] {
  const manage = auth.permissions.has('learning:course:manage') && r.owned;
  return {
    canEdit: manage && r.status !== 'published',
    canPublish: manage && r.status !== 'published' && r.material_count > 0,
    canWithdraw: manage && r.status === 'published',
    canAssign: auth.permissions.has('learning:assignment:manage') && r.status === 'published',
    canDelete: manage && r.status === 'draft' && !r.has_assignments,
  };
}

/** A course the caller sees (their scope's, or an upper org's published one), else 404. */
export async function visibleCourse(db: Db, auth: AuthContext, id: string): Promise<CourseRow> {
  const row = await findCourseRow(db, auth.scope, sql`c.id = ${id}::uuid AND ${courseVisible(auth.scope)}`);
  if (!row) throw notFound('课程');
  return row;
}

/** A course of the caller's scope to change: 404 when unseen, 403 when it is an upper org's. */
export async function ownedCourse(db: Db, auth: AuthContext, id: string): Promise<CourseRow> {
  const row = await visibleCourse(db, auth, id);
  if (!row.owned) throw forbidden('这是上级工会的课程,只能指派和查看统计,不能修改');
  return row;
}

export async function listCourses(db: Db, auth: AuthContext, q: CourseListQuery): Promise<Page<CourseSummary>> {
  const { rows, total } = await listCourseRows(db, auth.scope, courseWhere(auth.scope, q), q.pageSize, (q.page - 1) * q.pageSize);
  return { items: rows.map(summaryOf), total, page: q.page, pageSize: q.pageSize };
}

export async function getCourse(db: Db, auth: AuthContext, id: string): Promise<Course> {
  const row = await visibleCourse(db, auth, id);
  return { ...summaryOf(row), materials: await materialsOf(db, id), quiz: row.quiz, abilities: courseAbilities(auth, row) };
}

function checkedQuiz(body: CourseBody): CourseBody['quiz'] {
  if (!body.quiz) return null;
  const { quiz, problems } = normalizeQuiz(body.quiz);
  if (problems.length) throw invalid(problems);
  return quiz;
}

/** Replaces the materials in the given order, keeping those named by id (their files and progress stay). */
async function saveMaterials(tx: Db, courseId: string, materials: CourseBody['materials']): Promise<void> {
  const existing = new Set((await materialsOf(tx, courseId)).map((m) => m.id));
  materials.forEach((m, i) => {
    if (m.id && !existing.has(m.id)) throw invalidField(`materials.${i}.id`, '该资料不属于本课程');
  });
  const kept = materials.flatMap((m) => (m.id ? [m.id] : []));
  const keptList = kept.length ? sql`AND id NOT IN (${sql.join(kept.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  await tx.execute(sql`DELETE FROM learning_materials WHERE course_id = ${courseId} ${keptList}`);
  for (const [i, m] of materials.entries()) {
    const url = m.kind === 'link' ? (m.url ?? null) : null;
    const body = m.body ?? null;
    if (m.id) {
      await tx.execute(sql`UPDATE learning_materials SET position = ${i}, kind = ${m.kind}, title = ${m.title}, url = ${url}, body = ${body}, minutes = ${m.minutes}, updated_at = now() WHERE id = ${m.id}`);
    } else {
      await tx.execute(sql`INSERT INTO learning_materials (course_id, position, kind, title, url, body, minutes) VALUES (${courseId}, ${i}, ${m.kind}, ${m.title}, ${url}, ${body}, ${m.minutes})`);
    }
  }
}

export async function createCourse(db: Db, auth: AuthContext, actor: Actor, body: CourseBody): Promise<Course> {
  const orgId = body.orgId ?? auth.user.orgId;
  if (!(await scopeIncludesOrg(db, auth.scope, orgId))) throw invalidField('orgId', '所属组织不存在或不在您的数据范围内');
  const quiz = checkedQuiz(body);
  const id = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO learning_courses (org_id, title, summary, category, open_to_members, quiz, created_by)
          VALUES (${orgId}, ${body.title}, ${body.summary ?? ''}, ${body.category}, ${body.openToMembers}, ${quiz ? JSON.stringify(quiz) : null}::jsonb, ${auth.user.id}) RETURNING id`,
    );
    await saveMaterials(tx, row!.id, body.materials);
    await recordAudit(tx, actor, { action: 'data.create', objectType: 'learning_course', objectId: row!.id, detail: { title: body.title, category: body.category, materials: body.materials.length, quiz: quiz?.questions.length ?? 0 } }, true);
    return row!.id;
  });
  return getCourse(db, auth, id);
}

export async function updateCourse(db: Db, auth: AuthContext, actor: Actor, id: string, body: CourseBody): Promise<Course> {
  const row = await ownedCourse(db, auth, id);
  if (row.status === 'published') throw conflict('已发布的课程不能修改,请先下架', 'ILLEGAL_TRANSITION');
  if (body.orgId && body.orgId !== row.org_id) throw invalidField('orgId', '课程的所属组织不能修改');
  const quiz = checkedQuiz(body);
  await db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE learning_courses SET title = ${body.title}, summary = ${body.summary ?? ''}, category = ${body.category}, open_to_members = ${body.openToMembers},
        quiz = ${quiz ? JSON.stringify(quiz) : null}::jsonb, updated_at = now() WHERE id = ${id}`);
    await saveMaterials(tx, id, body.materials);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'learning_course', objectId: id, detail: {
        ...changeDetail({ title: row.title, summary: row.summary, category: row.category, openToMembers: row.open_to_members, quiz: row.quiz, materials: row.material_count }, { title: body.title, summary: body.summary ?? '', category: body.category, openToMembers: body.openToMembers, quiz, materials: body.materials.length }),
      } }, true);
  });
  return getCourse(db, auth, id);
}

/** 发布 (every document must have its file) or 下架; a withdrawn course may be edited and published again. */
export async function setCourseStatus(db: Db, auth: AuthContext, actor: Actor, id: string, to: 'published' | 'withdrawn'): Promise<Course> {
  const row = await ownedCourse(db, auth, id);
  if (to === 'published') {
    if (row.status === 'published') throw conflict('课程已发布', 'ILLEGAL_TRANSITION');
    const materials = await materialsOf(db, id);
    if (!materials.length) throw invalidField('materials', '课程至少要有一份学习资料');
    const empty = materials.findIndex((m) => m.kind === 'document' && m.files.length === 0);
    if (empty >= 0) throw invalidField(`materials.${empty}.files`, `文档资料「${materials[empty]!.title}」尚未上传文件`);
  } else if (row.status !== 'published') throw conflict('只有已发布的课程可以下架', 'ILLEGAL_TRANSITION');
  await db.transaction(async (tx) => {
    const published = to === 'published' ? sql`, published_at = coalesce(published_at, now())` : sql``;
    await tx.execute(sql`UPDATE learning_courses SET status = ${to}, updated_at = now() ${published} WHERE id = ${id}`);
    await recordAudit(tx, actor, { action: 'data.update', objectType: 'learning_course', objectId: id, detail: { status: { from: row.status, to } } }, true);
  });
  return getCourse(db, auth, id);
}

export async function deleteCourse(db: Db, auth: AuthContext, actor: Actor, id: string): Promise<void> {
  const row = await ownedCourse(db, auth, id);
  if (!courseAbilities(auth, row).canDelete) throw conflict('只有未指派过的草稿可以删除', 'ILLEGAL_TRANSITION');
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM learning_courses WHERE id = ${id}`);
    await recordAudit(tx, actor, { action: 'data.delete', objectType: 'learning_course', objectId: id, detail: { title: row.title } }, true);
  });
}
