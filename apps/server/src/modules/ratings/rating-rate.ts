/**
 * The satisfaction-rate formula, in integer basis points (10000 = 100%), the reference the SQL
 * aggregation (rating-results.repository.ts) is tested against.
 *
 * - A rate is satisfied / all, where satisfied counts the answers 满意, 比较满意, 基本满意 (levels 1-3),
 *   rounded half up to a basis point: R(s, t) = floor((20000·s + t) / (2·t)); no answers → null.
 * - Per unit and group: R over the three dimensions' answers together (s = satisfied answers,
 *   t = 3 × ballots); per unit, group and dimension: R over that dimension's answers.
 * - Per unit (overall) and per unit and dimension: the groups' rounded rates weighted by the
 *   groups' weights, over the groups that have votes for the unit (their weights renormalised):
 *   W = floor((2·Σ wᵍ·rᵍ + Σ wᵍ) / (2·Σ wᵍ)). No group with votes (or their weights sum to 0) → null.
 */
export const DIMENSIONS = ['attitude', 'integrity', 'effect'] as const;

export interface GroupTally {
  groupId: string;
  weightBp: number;
  /** valid (not excluded) ballots of the group for the unit */
  ballots: number;
  /** satisfied answers per dimension */
  satisfied: { attitude: number; integrity: number; effect: number };
}

export interface UnitRates {
  overallBp: number | null;
  dimensionBp: { attitude: number | null; integrity: number | null; effect: number | null };
  groupBp: Record<string, number | null>;
}

export function rateBp(satisfied: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.floor((20000 * satisfied + total) / (2 * total));
}

/** The weighted mean of the groups' rates over the groups with a rate (weights renormalised). */
export function weightedBp(parts: { weightBp: number; rateBp: number | null }[]): number | null {
  let num = 0;
  let den = 0;
  for (const p of parts) {
    if (p.rateBp === null) continue;
    num += p.weightBp * p.rateBp;
    den += p.weightBp;
  }
  if (den === 0) return null;
  return Math.floor((2 * num + den) / (2 * den));
}

/** A unit's rates from its groups' tallies. */
export function unitRates(tallies: GroupTally[]): UnitRates {
  const groupBp: Record<string, number | null> = {};
  const perGroup = tallies.map((t) => {
    const s = t.satisfied.attitude + t.satisfied.integrity + t.satisfied.effect;
    const r = rateBp(s, 3 * t.ballots);
    groupBp[t.groupId] = r;
    return { t, r };
  });
  const dim = (d: (typeof DIMENSIONS)[number]) => weightedBp(perGroup.map(({ t }) => ({ weightBp: t.weightBp, rateBp: rateBp(t.satisfied[d], t.ballots) })));
  return {
    overallBp: weightedBp(perGroup.map(({ t, r }) => ({ weightBp: t.weightBp, rateBp: r }))),
    dimensionBp: { attitude: dim('attitude'), integrity: dim('integrity'), effect: dim('effect') },
    groupBp,
  };
}

/** 满意单位 at or above the upper line, 不满意单位 below the lower line. */
export function classify(overallBp: number | null, satisfiedMinBp: number, dissatisfiedBelowBp: number): 'satisfied' | 'normal' | 'dissatisfied' | 'none' {
  if (overallBp === null) return 'none';
  if (overallBp >= satisfiedMinBp) return 'satisfied';
  if (overallBp < dissatisfiedBelowBp) return 'dissatisfied';
  return 'normal';
}

/** Weights are valid when each is 0…10000 and they sum to exactly 10000. */
export function weightsValid(weights: number[]): boolean {
  return weights.length > 0 && weights.every((w) => Number.isInteger(w) && w >= 0 && w <= 10000) && weights.reduce((a, b) => a + b, 0) === 10000;
}
