import { describe, expect, it } from 'vitest';
import { bestOf, normalizeQuiz, quizPaper, scoreQuiz } from './learning-quiz-scoring.js';
import { QUIZ } from './learning-fixtures.js';

describe('quiz scoring (pure)', () => {
  it('scores single choice, all-or-nothing multiple choice and true/false', () => {
    expect(scoreQuiz(QUIZ, { q1: ['B'], q2: ['C', 'A', 'B'], q3: ['T'] })).toMatchObject({ score: 10, maxScore: 10, passed: true });
    // a missing option and an extra option both score 0 on the multiple-choice question
    expect(scoreQuiz(QUIZ, { q1: ['B'], q2: ['A', 'B'], q3: ['T'] }).score).toBe(6);
    expect(scoreQuiz(QUIZ, { q1: ['B'], q2: ['A', 'B', 'C', 'D'], q3: ['T'] }).score).toBe(6);
    // a single-choice question answered with two options is wrong; true/false wrong
    const r = scoreQuiz(QUIZ, { q1: ['A', 'B'], q2: ['A', 'B', 'C'], q3: ['F'] });
    expect(r.score).toBe(4);
    expect(r.questions.map((q) => q.correct)).toEqual([false, true, false]);
  });

  it('applies the pass mark (score ≥ pass mark) and ignores unanswered questions', () => {
    expect(scoreQuiz(QUIZ, { q2: ['A', 'B', 'C'], q1: ['B'] })).toMatchObject({ score: 6, passed: true });
    expect(scoreQuiz(QUIZ, { q2: ['A', 'B', 'C'] })).toMatchObject({ score: 4, passed: false });
    expect(scoreQuiz(QUIZ, {})).toMatchObject({ score: 0, passed: false });
  });

  it('keeps the best attempt', () => {
    expect(bestOf([])).toBeNull();
    expect(bestOf([4, 10, 6])).toBe(10);
  });

  it('never puts the answers in the paper', () => {
    const paper = quizPaper(QUIZ, 2);
    expect(JSON.stringify(paper)).not.toContain('answer');
    expect(paper.maxScore).toBe(10);
  });

  it('normalises true/false options and names the field of every problem', () => {
    const ok = normalizeQuiz(QUIZ);
    expect(ok.problems).toEqual([]);
    expect(ok.quiz.questions[2]!.options.map((o) => o.id)).toEqual(['T', 'F']);
    const bad = normalizeQuiz({
      passMark: 50,
      maxAttempts: 1,
      questions: [
        { id: 'a', kind: 'single', text: '题', options: [{ id: 'A', text: '甲' }, { id: 'B', text: '乙' }], answer: ['A', 'B'], points: 5 },
        { id: 'a', kind: 'multiple', text: '题', options: [{ id: 'A', text: '甲' }, { id: 'B', text: '乙' }], answer: ['Z'], points: 5 },
        { id: 'c', kind: 'multiple', text: '题', options: [{ id: 'A', text: '甲' }, { id: 'B', text: '乙' }], answer: ['A'], points: 5 },
      ],
    });
    expect(bad.problems.map((p) => p.path)).toEqual(['quiz.questions.0.answer', 'quiz.questions.1.id', 'quiz.questions.1.answer', 'quiz.questions.2.answer', 'quiz.passMark']);
  });
});
