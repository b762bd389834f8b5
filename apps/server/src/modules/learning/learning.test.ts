import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/db-connection.js';
import { rawRequest } from '../../test-support/multipart-upload.js';
import { paths, type Problem } from '../../test-support/registry-fixtures.js';
import { readXlsx } from '../../test-support/spreadsheet-files.js';
import { insertMembers, memberUserClient } from '../../test-support/enrolment-fixtures.js';
import { assign, courseBody, publishedCourse, RIGHT, studyAll, type CourseView, type LearningWorld, type MyCourseView, learningWorld } from './learning-fixtures.js';
import { remindLearningDeadlines } from './learning-jobs.js';

interface QuizResultView extends Problem {
  score: number;
  passed: boolean;
  bestScore: number;
  attemptsLeft: number;
  courseFinished: boolean;
  questions: { id: string; correct: boolean; answer: string[] | null }[];
}

describe('学习园地: courses, assignments, study records, quiz, statistics, reminders', () => {
  let w: LearningWorld;
  let course: CourseView;

  beforeAll(async () => {
    w = await learningWorld('lrn');
    course = await publishedCourse(w.shang);
  }, 180_000);
  afterAll(() => w.t.close());

  it('validates a course: links only http(s), a text lesson needs its text, quiz answers among the options (422, nothing saved)', async () => {
    const before = await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM learning_courses`);
    const bad = await w.shang.post<Problem>('/learning/courses', courseBody({
      materials: [{ kind: 'link', title: '脚本', url: 'javascript:alert(1)', minutes: 3 }, { kind: 'text', title: '空', minutes: 3 }],
    }));
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(expect.arrayContaining(['materials.0.url', 'materials.1.body']));
    const quiz = await w.shang.post<Problem>('/learning/courses', courseBody({ quiz: { passMark: 99, maxAttempts: 1, questions: [{ id: 'x', kind: 'single', text: '题', options: [{ id: 'A', text: '甲' }, { id: 'B', text: '乙' }], answer: ['C'], points: 5 }] } }));
    expect(quiz.status).toBe(422);
    expect(paths(quiz.body)).toEqual(['quiz.questions.0.answer', 'quiz.passMark']);
    const after = await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM learning_courses`);
    expect(after[0]!.n).toBe(before[0]!.n);
    // a published course is locked; it is withdrawn to edit
    expect((await w.shang.put(`/learning/courses/${course.id}`, courseBody())).status).toBe(409);
  });

  it('assigns through an org target to members (a snapshot) and to staff; the count is previewed first', async () => {
    const target = { mode: 'subtree', rootId: w.tree.shangStreet.id };
    const preview = await w.shang.post<{ count: number }>(`/learning/courses/${course.id}/assignments/preview`, { audience: 'members', target, deadline: '2099-12-31' });
    expect(preview.body.count).toBe(3);
    const a = await assign(w.shang, course.id, { audience: 'members', target });
    expect(a.assigneeCount).toBe(3);
    const staff = await assign(w.shang, course.id, { audience: 'staff', target: { mode: 'list', orgIds: [w.tree.unionA.id, w.tree.unionB.id] } });
    expect(staff.assigneeCount).toBe(2);
    // a member who joins afterwards is not added to the existing assignment
    const [late] = await insertMembers(w.t, w.tree.unionA.id, 1, {}, '后来者');
    const lateUser = await memberUserClient(w.t, w.sys, 'lrn_late', w.tree.unionA.id, late!);
    const rows = await queryRows<{ n: number }>(w.t.ctx.db, sql`SELECT count(*)::int AS n FROM learning_assignees WHERE assignment_id = ${a.id}::uuid`);
    expect(rows[0]!.n).toBe(3);
    expect((await lateUser.get(`/m/learning/courses/${course.id}`)).status).toBe(404);
    // an org outside the sender's scope is refused on its field
    const outside = await w.shang.post<Problem>(`/learning/courses/${course.id}/assignments`, { audience: 'members', target: { mode: 'list', orgIds: [w.tree.unionC.id] }, deadline: '2099-12-31' });
    expect(outside.status).toBe(422);
    expect(paths(outside.body)).toEqual(['target.orgIds.0']);
    const past = await w.shang.post<Problem>(`/learning/courses/${course.id}/assignments`, { audience: 'members', target, deadline: '2020-01-01' });
    expect(paths(past.body)).toEqual(['deadline']);
  });

  it('a member sees an assigned published course, never an unassigned or unpublished one (404)', async () => {
    const mine = await w.wA1.get<{ id: string; deadline: string }[]>('/m/learning/courses');
    expect(mine.body.map((c) => c.id)).toContain(course.id);
    expect(mine.body.find((c) => c.id === course.id)!.deadline).toBe('2099-12-31');
    const draft = await w.shang.post<CourseView>('/learning/courses', courseBody({ title: '草稿课程' }));
    expect((await w.wA1.get(`/m/learning/courses/${draft.body.id}`)).status).toBe(404);
    const unassigned = await publishedCourse(w.shang, { title: '未指派课程' });
    expect((await w.wA1.get(`/m/learning/courses/${unassigned.id}`)).status).toBe(404);
    expect((await w.wA1.get(`/m/learning/courses/${unassigned.id}/quiz`)).status).toBe(404);
    expect((await w.wC.get(`/m/learning/courses/${course.id}`)).status).toBe(404);
    // open to members of the owner's subtree: 上城区 members see it, 西湖区 members do not
    const open = await publishedCourse(w.shang, { title: '公开课程', openToMembers: true });
    expect((await w.wB.get(`/m/learning/courses/${open.id}`)).status).toBe(200);
    expect((await w.wC.get(`/m/learning/courses/${open.id}`)).status).toBe(404);
    // withdrawn: gone for the learner too
    expect((await w.shang.post(`/learning/courses/${open.id}/withdraw`)).status).toBe(200);
    expect((await w.wB.get(`/m/learning/courses/${open.id}`)).status).toBe(404);
  });

  it('credits at most 60 seconds per heartbeat and never more than the time since the last one', async () => {
    await w.wA2.post(`/m/learning/courses/${course.id}/open`);
    const db = w.t.ctx.db;
    const back = (min: number) => db.execute(sql`UPDATE learning_records SET last_opened_at = now() - make_interval(mins => ${min}), last_heartbeat_at = NULL WHERE course_id = ${course.id}::uuid AND user_id = (SELECT id FROM users WHERE username = 'lrn_wa2')`);
    await back(30);
    const first = await w.wA2.post<{ credited: number; secondsSpent: number }>(`/m/learning/courses/${course.id}/heartbeat`, { seconds: 3600 });
    expect(first.body.credited).toBe(60);
    const second = await w.wA2.post<{ credited: number; secondsSpent: number }>(`/m/learning/courses/${course.id}/heartbeat`, { seconds: 3600 });
    expect(second.body.credited).toBeLessThanOrEqual(2);
    await db.execute(sql`UPDATE learning_records SET last_heartbeat_at = now() - interval '20 seconds' WHERE course_id = ${course.id}::uuid AND user_id = (SELECT id FROM users WHERE username = 'lrn_wa2')`);
    const third = await w.wA2.post<{ credited: number; secondsSpent: number }>(`/m/learning/courses/${course.id}/heartbeat`, { seconds: 45 });
    expect(third.body.credited).toBeGreaterThanOrEqual(19);
    expect(third.body.credited).toBeLessThanOrEqual(21);
    expect((await w.wA2.post(`/m/learning/courses/${course.id}/heartbeat`, { seconds: 99999 })).status).toBe(422);
  });

  it('scores on the server: the paper has no answers, best attempt counts, attempts are limited, finishing needs materials and a pass', async () => {
    const paper = await w.wA1.get(`/m/learning/courses/${course.id}/quiz`);
    expect(JSON.stringify(paper.body)).not.toContain('answer');
    const fail = await w.wA1.post<QuizResultView>(`/m/learning/courses/${course.id}/quiz`, { answers: { q1: ['A'], q2: ['A', 'B'], q3: ['T'] } });
    expect(fail.body).toMatchObject({ score: 4, passed: false, attemptsLeft: 1, courseFinished: false });
    expect(fail.body.questions.every((q) => q.answer === null)).toBe(true);
    const pass = await w.wA1.post<QuizResultView>(`/m/learning/courses/${course.id}/quiz`, { answers: RIGHT });
    expect(pass.body).toMatchObject({ score: 10, passed: true, bestScore: 10, attemptsLeft: 0, courseFinished: false });
    expect(pass.body.questions[1]!.answer).toEqual(['A', 'B', 'C']);
    expect((await w.wA1.post(`/m/learning/courses/${course.id}/quiz`, { answers: RIGHT })).status).toBe(409);
    const done = await studyAll(w.wA1, course.id);
    expect(done).toMatchObject({ state: 'finished', finishedMaterials: 2 });
    expect(done.finishedAt).not.toBeNull();
    // the other member fails both attempts: best of two kept, not finished
    await studyAll(w.wB, course.id);
    await w.wB.post(`/m/learning/courses/${course.id}/quiz`, { answers: { q1: ['B'] } });
    await w.wB.post(`/m/learning/courses/${course.id}/quiz`, { answers: { q3: ['T'] } });
    const b = await w.wB.get<MyCourseView>(`/m/learning/courses/${course.id}`);
    expect(b.body).toMatchObject({ state: 'in_progress', quiz: { attemptsUsed: 2, bestScore: 4, passed: false } });
  });

  it('statistics per sub-org equal a direct count and drill down', async () => {
    const stats = await w.shang.get<{ root: Record<string, number>; rows: { orgId: string; assigned: number; started: number; finished: number; passed: number; averageScore: number | null }[] }>(
      `/learning/stats?courseId=${course.id}&rootOrgId=${w.tree.shangStreet.id}`,
    );
    expect(stats.status).toBe(200);
    const [direct] = await queryRows<{ assigned: number; started: number; finished: number; passed: number }>(
      w.t.ctx.db,
      sql`SELECT (SELECT count(DISTINCT user_id)::int FROM learning_assignees WHERE course_id = ${course.id}::uuid AND org_id IN (${w.tree.unionA.id}::uuid, ${w.tree.unionB.id}::uuid, ${w.tree.shangStreet.id}::uuid)) AS assigned,
                 count(*)::int AS started, count(*) FILTER (WHERE finished_at IS NOT NULL)::int AS finished, count(*) FILTER (WHERE passed)::int AS passed
          FROM learning_records WHERE course_id = ${course.id}::uuid AND org_id IN (${w.tree.unionA.id}::uuid, ${w.tree.unionB.id}::uuid, ${w.tree.shangStreet.id}::uuid)`,
    );
    expect(stats.body.root).toMatchObject(direct!);
    expect(direct).toMatchObject({ assigned: 5, started: 3, finished: 1, passed: 1 });
    const a = stats.body.rows.find((r) => r.orgId === w.tree.unionA.id)!;
    expect(a).toMatchObject({ assigned: 3, started: 2, finished: 1, passed: 1, averageScore: 10 });
    const b = stats.body.rows.find((r) => r.orgId === w.tree.unionB.id)!;
    expect(b).toMatchObject({ assigned: 2, started: 1, finished: 0, passed: 0, averageScore: 4 });
    // the xlsx of that level, audited
    const x = await rawRequest(w.t, w.shang, 'GET', `/api/learning/stats/export.xlsx?courseId=${course.id}&rootOrgId=${w.tree.shangStreet.id}`);
    expect(x.status).toBe(200);
    const sheet = await readXlsx(x.body);
    expect(sheet[1]).toEqual([expect.stringContaining('合计'), 5, 3, 1, 1, '20.0%', 7]);
  });

  it('reminds unfinished assignees once before the deadline (moving times in the database)', async () => {
    const c2 = await publishedCourse(w.shang, { title: '工会法与劳动法律知识', quiz: null });
    const a = await assign(w.shang, c2.id, { audience: 'members', target: { mode: 'list', orgIds: [w.tree.unionA.id] }, remindDays: 3 });
    await studyAll(w.wA1, c2.id);
    const db = w.t.ctx.db;
    const count = async () => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'learning.reminder' AND link = ${`/m/learning/${c2.id}`}`))[0]!.n;
    expect((await remindLearningDeadlines(db)).assignments).toBe(0);
    await db.execute(sql`UPDATE learning_assignments SET deadline = now() + interval '2 days' WHERE id = ${a.id}::uuid`);
    const first = await remindLearningDeadlines(db);
    expect(first.assignments).toBeGreaterThanOrEqual(1);
    // three assignees in union A (with the late joiner), one finished
    expect(await count()).toBe(2);
    await remindLearningDeadlines(db);
    await remindLearningDeadlines(db, new Date(Date.now() + 86_400_000));
    expect(await count()).toBe(2);
  });

  it('counts the reminder days in 工作日: three before a deadline after National Day falls before the holiday', async () => {
    const c3 = await publishedCourse(w.shang, { title: '职工代表大会制度', quiz: null });
    const a = await assign(w.shang, c3.id, { audience: 'members', target: { mode: 'list', orgIds: [w.tree.unionA.id] }, remindDays: 3 });
    const db = w.t.ctx.db;
    // due 2026-10-09 (Beijing); three 工作日 before it is in September, while three calendar days before is still the holiday
    await db.execute(sql`UPDATE learning_assignments SET deadline = '2026-10-09T10:00:00+08:00' WHERE id = ${a.id}::uuid`);
    const reminded = async () => (await queryRows<{ r: boolean }>(db, sql`SELECT reminded_at IS NOT NULL AS r FROM learning_assignments WHERE id = ${a.id}::uuid`))[0]!.r;
    await remindLearningDeadlines(db, new Date('2026-09-25T10:00:00+08:00'));
    expect(await reminded()).toBe(false);
    await remindLearningDeadlines(db, new Date('2026-10-01T10:00:00+08:00'));
    expect(await reminded()).toBe(true);
  });
});
