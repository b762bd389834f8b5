import type { Aggregation, Criterion, GradeRule, ScoreResult } from '@gonghui/contracts';

/**
 * Pure scoring rules of the assessment mechanism (no database): aggregation of several raters,
 * the total of a scored list and the grade by the version's thresholds, capped by failed gates.
 */

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Several raters' points for one criterion: the mean, or with `trimmed_mean` and at least `trimFrom`
 * raters (3 unless the caller's rules say more, e.g. 5 experts for 杭州工匠) the mean after dropping
 * one highest and one lowest. Null when nobody rated.
 */
export function aggregatePoints(values: readonly number[], rule: Aggregation, trimFrom = 3): number | null {
  if (values.length === 0) return null;
  let kept = [...values].sort((a, b) => a - b);
  if (rule === 'trimmed_mean' && kept.length >= Math.max(trimFrom, 3)) kept = kept.slice(1, -1);
  return round1(kept.reduce((s, v) => s + v, 0) / kept.length);
}

/** Several raters' verdicts on a gate: it passes when more than half of them pass it (a tie fails). */
export function aggregateGate(values: readonly boolean[]): boolean | null {
  if (values.length === 0) return null;
  return values.filter(Boolean).length * 2 > values.length;
}

/** One criterion's figure: gates pass/fail, the others points (clamped to 0..maxPoints). */
export interface CriterionValue {
  passed?: boolean | null;
  points?: number | null;
}

const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);

/** The scored total: Σ points × weight + bonus − deductions, each clamped to its maximum, never below 0. */
export function totalScore(criteria: readonly Criterion[], values: ReadonlyMap<string, CriterionValue>): number {
  let total = 0;
  for (const c of criteria) {
    const v = values.get(c.key)?.points ?? 0;
    if (c.kind === 'points') total += clamp(v, c.maxPoints) * (c.weight ?? 1);
    else if (c.kind === 'bonus') total += clamp(v, c.maxPoints);
    else if (c.kind === 'deduction') total -= clamp(v, c.maxPoints);
  }
  return round1(Math.max(total, 0));
}

/** Gates not passed (an unanswered gate counts as failed). */
export function failedGates(criteria: readonly Criterion[], values: ReadonlyMap<string, CriterionValue>): Criterion[] {
  return criteria.filter((c) => c.kind === 'gate' && values.get(c.key)?.passed !== true);
}

export interface GradeInput {
  criteria: readonly Criterion[];
  grades: readonly GradeRule[];
  gateCap: string;
}

/**
 * The grade: the highest whose minimum score and required facts hold; with a failed gate, at most
 * the version's cap whatever the points. The first grade (the failing one) is the floor.
 */
export function gradeOf(version: GradeInput, values: ReadonlyMap<string, CriterionValue>, facts: Readonly<Record<string, number | null>>): ScoreResult {
  const total = totalScore(version.criteria, values);
  const failed = failedGates(version.criteria, values);
  const capReasons: string[] = [];
  let index = 0;
  version.grades.forEach((g, i) => {
    if (total < g.minScore) return;
    const missing = Object.entries(g.minFacts ?? {}).filter(([k, min]) => (facts[k] ?? -Infinity) < min);
    if (missing.length > 0) {
      capReasons.push(`${g.label}须${missing.map(([k, min]) => `${FACT_LABELS[k] ?? k}≥${formatFact(k, min)}`).join('、')}`);
      return;
    }
    index = i;
  });
  if (failed.length > 0) {
    const cap = Math.max(version.grades.findIndex((g) => g.code === version.gateCap), 0);
    if (index > cap) index = cap;
    capReasons.push(`必备条件未达到:${failed.map((c) => c.title).join('、')}`);
  }
  const grade = version.grades[index]!;
  return { total, gatesPassed: failed.length === 0, failedGates: failed.map((c) => c.key), gradeCode: grade.code, gradeLabel: grade.label, capReasons };
}

/** Names of the facts a grade may require (modules add theirs here when they add facts). */
export const FACT_LABELS: Record<string, string> = { membershipRate: '入会率' };
const formatFact = (key: string, v: number): string => (key.endsWith('Rate') ? `${Math.round(v * 1000) / 10}%` : String(v));

/**
 * Standard competition ranking of scored subjects (for competitions and published lists): higher
 * score first, equal scores share a rank and the next rank skips (1, 2, 2, 4); ties keep their
 * given order. Null scores (not yet scored) come last, unranked.
 */
export function rankByScore<T extends { score: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score!);
  const ranked = scored.map((r, i) => ({ ...r, rank: i + 1 }));
  for (let i = 1; i < ranked.length; i++) if (ranked[i]!.score === ranked[i - 1]!.score) ranked[i]!.rank = ranked[i - 1]!.rank;
  return [...ranked, ...rows.filter((r) => r.score === null).map((r) => ({ ...r, rank: null }))];
}
