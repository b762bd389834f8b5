import type { Criterion } from '@gonghui/contracts';

const part = (max: number, share: number) => Math.round(max * share * 10) / 10;

/** Self values of the demo: gates passed unless listed, points at `share` of each maximum, a little bonus for strong homes. */
export const selfItemsFor = (criteria: Criterion[], share: number, failGates: string[]) =>
  criteria.map((c) => ({
    criterionKey: c.key,
    passed: c.kind === 'gate' ? !failGates.includes(c.key) : null,
    points: c.kind === 'gate' ? null : c.kind === 'points' ? part(c.maxPoints, share) : c.kind === 'bonus' && share >= 0.9 ? 2 : 0,
    note: c.kind === 'gate' ? (failGates.includes(c.key) ? '本年度经费未足额拨缴' : '已达到') : undefined,
  }));

/** The district's scores: as the union's but stricter by a few points, spot-check deductions as given. */
export const ratingItemsFor = (criteria: Criterion[], share: number, failGates: string[], deduct: number) =>
  criteria.map((c) => ({
    criterionKey: c.key,
    passed: c.kind === 'gate' ? !failGates.includes(c.key) : null,
    points: c.kind === 'gate' ? null : c.kind === 'points' ? part(c.maxPoints, share) : c.kind === 'deduction' ? (c.key === 'spot_check' ? deduct : 0) : c.kind === 'bonus' && share >= 0.9 ? 2 : 0,
    comment: c.kind === 'deduction' && c.key === 'spot_check' && deduct > 0 ? `抽查发现${deduct / 2}处与申报不符` : undefined,
  }));
