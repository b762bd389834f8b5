import { describe, expect, it } from 'vitest';
import type { Criterion, GradeRule } from '@gonghui/contracts';
import { aggregateGate, aggregatePoints, gradeOf, rankByScore, totalScore, type CriterionValue } from './assessment-scoring.js';

const criteria: Criterion[] = [
  { key: 'org', kind: 'gate', title: '有组织', description: '', maxPoints: 0, evidenceRequired: true },
  { key: 'funds', kind: 'gate', title: '有经费', description: '', maxPoints: 0, evidenceRequired: true },
  { key: 'a', kind: 'points', title: 'A', description: '', maxPoints: 60, evidenceRequired: false },
  { key: 'b', kind: 'points', title: 'B', description: '', maxPoints: 40, evidenceRequired: false },
  { key: 'plus', kind: 'bonus', title: '加分', description: '', maxPoints: 5, evidenceRequired: false },
  { key: 'minus', kind: 'deduction', title: '抽查扣分', description: '', maxPoints: 20, evidenceRequired: false },
];
const grades: GradeRule[] = [
  { code: 'unqualified', label: '不合格', minScore: 0 },
  { code: 'qualified', label: '合格', minScore: 60, minFacts: { membershipRate: 0.95 } },
  { code: 'advanced', label: '先进', minScore: 80, minFacts: { membershipRate: 0.95 } },
  { code: 'model', label: '模范', minScore: 90, minFacts: { membershipRate: 0.95 } },
];
const version = { criteria, grades, gateCap: 'unqualified' };
const values = (o: Record<string, CriterionValue>) => new Map(Object.entries(o));
const allGates = { org: { passed: true }, funds: { passed: true } };

describe('assessment scoring', () => {
  it('mean and trimmed mean of several raters', () => {
    expect(aggregatePoints([], 'mean')).toBeNull();
    expect(aggregatePoints([8, 9], 'trimmed_mean')).toBe(8.5);
    expect(aggregatePoints([2, 8, 9, 10], 'mean')).toBe(7.3);
    // drops one 2 and one 10: (8 + 9) / 2
    expect(aggregatePoints([10, 2, 8, 9], 'trimmed_mean')).toBe(8.5);
    expect(aggregatePoints([5, 5, 5], 'trimmed_mean')).toBe(5);
    expect(aggregatePoints([0, 7, 20], 'trimmed_mean')).toBe(7);
  });

  it('gates pass by majority of raters, a tie fails', () => {
    expect(aggregateGate([true, true, false])).toBe(true);
    expect(aggregateGate([true, false])).toBe(false);
    expect(aggregateGate([])).toBeNull();
  });

  it('totals points, bonus and deductions clamped to their maxima', () => {
    expect(totalScore(criteria, values({ a: { points: 70 }, b: { points: 30 }, plus: { points: 9 }, minus: { points: 3 } }))).toBe(92);
    expect(totalScore(criteria, values({ minus: { points: 50 } }))).toBe(0);
  });

  it('grades by thresholds and required facts', () => {
    const g = (pts: number, rate: number) => gradeOf(version, values({ ...allGates, a: { points: pts } , b: { points: 40 } }), { membershipRate: rate }).gradeCode;
    expect(g(50, 0.97)).toBe('model');
    expect(g(45, 0.97)).toBe('advanced');
    expect(g(25, 0.97)).toBe('qualified');
    expect(g(10, 0.97)).toBe('unqualified');
    const low = gradeOf(version, values({ ...allGates, a: { points: 60 }, b: { points: 40 } }), { membershipRate: 0.9 });
    expect(low.gradeCode).toBe('unqualified');
    expect(low.capReasons[0]).toContain('入会率≥95%');
  });

  it('a failed gate caps the grade whatever the points', () => {
    const r = gradeOf(version, values({ org: { passed: true }, funds: { passed: false }, a: { points: 60 }, b: { points: 40 }, plus: { points: 5 } }), { membershipRate: 1 });
    expect(r.total).toBe(105);
    expect(r).toMatchObject({ gatesPassed: false, failedGates: ['funds'], gradeCode: 'unqualified' });
    expect(r.capReasons.at(-1)).toBe('必备条件未达到:有经费');
    // an unanswered gate fails too; a configured cap other than the floor holds
    const capped = gradeOf({ ...version, gateCap: 'qualified' }, values({ org: { passed: true }, a: { points: 60 }, b: { points: 40 } }), { membershipRate: 1 });
    expect(capped.gradeCode).toBe('qualified');
  });

  it('ranks by score with shared ranks for ties, unscored last', () => {
    const r = rankByScore([
      { id: 'a', score: 88 },
      { id: 'b', score: null },
      { id: 'c', score: 93.5 },
      { id: 'd', score: 88 },
      { id: 'e', score: 70 },
    ]);
    expect(r.map((x) => `${x.id}:${x.rank}`)).toEqual(['c:1', 'a:2', 'd:2', 'e:4', 'b:null']);
  });
});
