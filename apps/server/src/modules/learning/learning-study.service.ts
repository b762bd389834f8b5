import { sql } from 'drizzle-orm';
import { HEARTBEAT_MAX_SECONDS, type MyCourse, type MyCourseDetail, type QuizPaper, type QuizResult } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import { materialsOf } from './learning-course.repository.js';
import { quizMaxScore, quizPaper, scoreQuiz } from './learning-quiz-scoring.js';
import { myProgress, myStudyRow, myStudyRows, settleFinished, touchRecord, type StudyRow } from './learning-study.repository.js';

const myCourseOf = (r: StudyRow): MyCourse => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  category: r.category,
  orgName: r.org_name,
  deadline: r.deadline,
  assigned: r.assigned,
  materialCount: r.material_count,
  finishedMaterials: r.finished_materials,
  totalMinutes: r.total_minutes,
  hasQuiz: r.quiz !== null,
  passed: r.passed,
  bestScore: r.best_score,
  state: r.finished_at ? 'finished' : r.opened ? 'in_progress' : 'not_started',
  secondsSpent: r.seconds_spent,
});

export async function myCourses(db: Db, auth: AuthContext): Promise<MyCourse[]> {
  return (await myStudyRows(db, auth)).map(myCourseOf);
}

export async function myCourse(db: Db, auth: AuthContext, courseId: string): Promise<MyCourseDetail> {
  const row = await myStudyRow(db, auth, courseId);
  const progress = new Map((await myProgress(db, auth.user.id, courseId)).map((p) => [p.material_id, p.finished]));
  const materials = (await materialsOf(db, courseId)).map((m) => ({
    id: m.id, kind: m.kind, title: m.title, url: m.url, body: m.body, minutes: m.minutes,
    files: m.files.map((f) => ({ fileId: f.fileId, name: f.name, mime: f.mime })),
    opened: progress.has(m.id), finished: progress.get(m.id) === true,
  }));
  const quiz = row.quiz
    ? { questionCount: row.quiz.questions.length, maxScore: quizMaxScore(row.quiz), passMark: row.quiz.passMark, maxAttempts: row.quiz.maxAttempts, attemptsUsed: row.attempts, bestScore: row.best_score, passed: row.passed }
    : null;
  return { ...myCourseOf(row), materials, quiz, finishedAt: row.finished_at };
}

/** Opening the course page: the record's first and last opening. */
export async function openCourse(db: Db, auth: AuthContext, courseId: string): Promise<MyCourseDetail> {
  const row = await myStudyRow(db, auth, courseId);
  await db.transaction(async (tx) => {
    await touchRecord(tx, auth, row);
    await tx.execute(sql`UPDATE learning_records SET last_opened_at = now() WHERE course_id = ${courseId} AND user_id = ${auth.user.id}`);
  });
  return myCourse(db, auth, courseId);
}

/** Opens or finishes one material; finishing the last one (with the quiz passed, if any) finishes the course. */
export async function markMaterial(db: Db, auth: AuthContext, courseId: string, materialId: string, finish: boolean): Promise<MyCourseDetail> {
  const row = await myStudyRow(db, auth, courseId);
  const [m] = await queryRows<{ id: string }>(db, sql`SELECT id FROM learning_materials WHERE id = ${materialId}::uuid AND course_id = ${courseId}::uuid`);
  if (!m) throw notFound('学习资料');
  await db.transaction(async (tx) => {
    await touchRecord(tx, auth, row);
    const fin = finish ? sql`now()` : sql`NULL`;
    await tx.execute(sql`INSERT INTO learning_material_progress (material_id, user_id, course_id, finished_at) VALUES (${materialId}, ${auth.user.id}, ${courseId}, ${fin})
        ON CONFLICT (material_id, user_id) DO UPDATE SET finished_at = coalesce(learning_material_progress.finished_at, EXCLUDED.finished_at)`);
    if (finish) await settleFinished(tx, courseId, auth.user.id);
  });
  return myCourse(db, auth, courseId);
}

/**
 * Study time from the client's heartbeats: each call credits at most HEARTBEAT_MAX_SECONDS and never
 * more than the time since the last heartbeat (or opening), whatever the client claims.
 */
export async function heartbeat(db: Db, auth: AuthContext, courseId: string, seconds: number, now = new Date()): Promise<{ credited: number; secondsSpent: number }> {
  const row = await myStudyRow(db, auth, courseId);
  return db.transaction(async (tx) => {
    const rec = await touchRecord(tx, auth, row);
    const elapsed = Math.max(0, Math.floor((now.getTime() - Date.parse(rec.since)) / 1000));
    const credited = Math.min(seconds, HEARTBEAT_MAX_SECONDS, elapsed);
    await tx.execute(sql`UPDATE learning_records SET seconds_spent = seconds_spent + ${credited}, last_heartbeat_at = ${now.toISOString()}::timestamptz
        WHERE course_id = ${courseId} AND user_id = ${auth.user.id}`);
    return { credited, secondsSpent: rec.seconds_spent + credited };
  });
}

export async function myQuizPaper(db: Db, auth: AuthContext, courseId: string): Promise<QuizPaper> {
  const row = await myStudyRow(db, auth, courseId);
  if (!row.quiz) throw notFound('测验');
  return quizPaper(row.quiz, Math.max(0, row.quiz.maxAttempts - row.attempts));
}

/** Scores an attempt on the server; the best score counts. The right answers are shown once passed or out of attempts. */
export async function submitQuiz(db: Db, auth: AuthContext, actor: Actor, courseId: string, answers: Record<string, string[]>): Promise<QuizResult> {
  const row = await myStudyRow(db, auth, courseId);
  const quiz = row.quiz;
  if (!quiz) throw notFound('测验');
  const unknown = Object.keys(answers).find((id) => !quiz.questions.some((q) => q.id === id));
  if (unknown !== undefined) throw invalidField(`answers.${unknown}`, '题目不存在');
  return db.transaction(async (tx) => {
    await touchRecord(tx, auth, row);
    const [rec] = await queryRows<{ attempts: number; best_score: number | null; passed: boolean }>(tx, sql`SELECT attempts, best_score, passed FROM learning_records WHERE course_id = ${courseId} AND user_id = ${auth.user.id}`);
    if (rec!.attempts >= quiz.maxAttempts) throw conflict(`测验最多作答${quiz.maxAttempts}次,次数已用完`, 'ATTEMPTS_EXHAUSTED');
    const result = scoreQuiz(quiz, answers);
    const attemptNo = rec!.attempts + 1;
    await tx.execute(sql`INSERT INTO learning_quiz_attempts (course_id, user_id, attempt_no, score, max_score, passed, answers)
        VALUES (${courseId}, ${auth.user.id}, ${attemptNo}, ${result.score}, ${result.maxScore}, ${result.passed}, ${JSON.stringify(answers)}::jsonb)`);
    const best = Math.max(result.score, rec!.best_score ?? 0);
    const passed = rec!.passed || result.passed;
    await tx.execute(sql`UPDATE learning_records SET attempts = ${attemptNo}, best_score = ${best}, passed = ${passed} WHERE course_id = ${courseId} AND user_id = ${auth.user.id}`);
    const courseFinished = await settleFinished(tx, courseId, auth.user.id);
    await recordAudit(
      tx,
      actor,
      { action: 'data.create', objectType: 'learning_quiz_attempt', objectId: courseId, detail: { attemptNo, score: result.score, before: { bestScore: rec!.best_score, passed: rec!.passed }, after: { bestScore: best, passed } } },
      true,
    );
    const attemptsLeft = quiz.maxAttempts - attemptNo;
    const reveal = passed || attemptsLeft === 0;
    return {
      attemptNo, score: result.score, maxScore: result.maxScore, passed: result.passed, bestScore: best, attemptsLeft, courseFinished,
      questions: result.questions.map((q) => ({ id: q.id, correct: q.correct, answer: reveal ? q.answer : null })),
    };
  });
}
