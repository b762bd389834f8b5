import type { Quiz, QuizPaper } from '@gonghui/contracts';

/** The fixed options of a true/false question. */
export const JUDGE_OPTIONS = [
  { id: 'T', text: '正确' },
  { id: 'F', text: '错误' },
] as const;

export interface QuizScore {
  score: number;
  maxScore: number;
  passed: boolean;
  questions: { id: string; correct: boolean; answer: string[] }[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/**
 * Scores one attempt. Single choice and true/false: the one right option. Multiple choice: all or
 * nothing (exactly the right set; a missing or an extra option scores 0). An unanswered question
 * scores 0; answers to unknown questions are ignored. Passed when the score reaches the pass mark.
 */
export function scoreQuiz(quiz: Quiz, answers: Record<string, readonly string[]>): QuizScore {
  let score = 0;
  let maxScore = 0;
  const questions = quiz.questions.map((q) => {
    maxScore += q.points;
    const given = answers[q.id] ?? [];
    const correct = q.kind === 'multiple' ? sameSet(given, q.answer) : given.length === 1 && given[0] === q.answer[0];
    if (correct) score += q.points;
    return { id: q.id, correct, answer: [...q.answer] };
  });
  return { score, maxScore, passed: score >= quiz.passMark, questions };
}

/** The best of the scores so far (null before any attempt). */
export function bestOf(scores: readonly number[]): number | null {
  return scores.length ? Math.max(...scores) : null;
}

export const quizMaxScore = (quiz: Quiz): number => quiz.questions.reduce((s, q) => s + q.points, 0);

/** The paper shown to a learner: questions and options, never the answers. */
export function quizPaper(quiz: Quiz, attemptsLeft: number): QuizPaper {
  return {
    passMark: quiz.passMark,
    maxScore: quizMaxScore(quiz),
    attemptsLeft,
    questions: quiz.questions.map((q) => ({ id: q.id, kind: q.kind, text: q.text, points: q.points, options: q.options.map((o) => ({ id: o.id, text: o.text })) })),
  };
}

export interface QuizProblem {
  path: string;
  message: string;
}

/**
 * Checks a quiz a staff member saves and fills the true/false options; problems name the field
 * (`quiz.questions.2.answer`). Ids of questions and options must be unique.
 */
export function normalizeQuiz(quiz: Quiz): { quiz: Quiz; problems: QuizProblem[] } {
  const problems: QuizProblem[] = [];
  const ids = new Set<string>();
  const questions = quiz.questions.map((q, i) => {
    const at = `quiz.questions.${i}`;
    if (ids.has(q.id)) problems.push({ path: `${at}.id`, message: '题目编号重复' });
    ids.add(q.id);
    const options = q.kind === 'judge' ? JUDGE_OPTIONS.map((o) => ({ ...o })) : q.options;
    const optionIds = new Set(options.map((o) => o.id));
    if (q.kind !== 'judge' && options.length < 2) problems.push({ path: `${at}.options`, message: '选择题至少要有两个选项' });
    if (optionIds.size !== options.length) problems.push({ path: `${at}.options`, message: '选项编号重复' });
    const answer = [...new Set(q.answer)];
    if (answer.some((a) => !optionIds.has(a))) problems.push({ path: `${at}.answer`, message: '正确答案须是题目中的选项' });
    else if (q.kind !== 'multiple' && answer.length !== 1) problems.push({ path: `${at}.answer`, message: `${q.kind === 'judge' ? '判断题' : '单选题'}只能有一个正确答案` });
    else if (q.kind === 'multiple' && answer.length < 2) problems.push({ path: `${at}.answer`, message: '多选题至少要有两个正确答案' });
    return { ...q, options, answer };
  });
  const normalized = { ...quiz, questions };
  if (quiz.passMark > quizMaxScore(normalized)) problems.push({ path: 'quiz.passMark', message: `及格分不能超过总分${quizMaxScore(normalized)}` });
  return { quiz: normalized, problems };
}
