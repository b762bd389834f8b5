import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { yearPlan } from './recuperation-plan.service.js';

/** 分 as yuan with two decimals, for messages. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/**
 * A member's confirmed stays in a year and what they cost (days × allowance of each batch, as
 * written on the batch), leaving out one offering (the one being signed up for).
 */
export async function memberYearCost(db: Db, memberId: string, year: number, exceptOfferingId: string | null = null): Promise<{ cost: number; stays: number }> {
  const [row] = await queryRows<{ cost: number; stays: number }>(
    db,
    sql`SELECT coalesce(sum(b.days * b.allowance_per_day), 0)::int AS cost, count(*)::int AS stays
        FROM enrolments e JOIN enrolment_offerings o ON o.id = e.offering_id AND o.kind = 'recuperation'
        JOIN recuperation_batches b ON b.id = o.subject_id
        WHERE e.member_id = ${memberId}::uuid AND e.status = 'confirmed' AND b.year = ${year}
          ${exceptOfferingId ? sql`AND o.id <> ${exceptOfferingId}::uuid` : sql``}`,
  );
  return { cost: row?.cost ?? 0, stays: row?.stays ?? 0 };
}

/** The refusal when this year's cost plus the batch's would pass the cap (null: within it). */
export function budgetRefusal(cap: number, spent: { cost: number; stays: number }, batchCost: number): string | null {
  if (spent.cost + batchCost <= cap) return null;
  const used = spent.stays > 0 ? `您今年已疗休养${spent.stays}次、费用${yuan(spent.cost)}元` : '您今年尚未疗休养';
  return `本年度疗休养费用已达上限:每人每年不超过${yuan(cap)}元,${used},本批次每人${yuan(batchCost)}元,参加后将超过上限`;
}

/** The yearly cap of the batch's year applied to a member (the rule the enrolment mechanism cannot express). */
export async function budgetRefusalFor(db: Db, batch: { year: number; days: number; allowance_per_day: number }, offeringId: string, memberId: string): Promise<string | null> {
  const plan = await yearPlan(db, batch.year);
  const spent = await memberYearCost(db, memberId, batch.year, offeringId);
  return budgetRefusal(plan.budgetCapPerPerson, spent, batch.days * batch.allowance_per_day);
}
