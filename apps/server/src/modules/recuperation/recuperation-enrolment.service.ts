import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type Page,
  type RecuperationEnrolment,
  type SignupResult,
  type enrolmentListQuerySchema,
  type recuperationNominationBodySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { enrolmentScopeSql, listOfferingEnrolments } from '../../platform/enrolment/enrolment-list.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { conflict, invalidField, notFound } from '../../platform/http/app-error.js';
import type { OfferingRow } from '../../platform/enrolment/enrolment-offering.js';
import { cancelEnrolment, signUp, signupRefusal, type SignupInput } from '../../platform/enrolment/enrolment-signup.js';
import type { BatchRow } from './recuperation.repository.js';
import { budgetRefusalFor } from './recuperation-budget.js';
import { companionDetails, companionsOf } from './recuperation-companions.js';
import type { RecuperationContext } from './recuperation-catalogue.service.js';
import { loadBatch } from './recuperation.service.js';

/**
 * Signs a member up for a batch: the mechanism's window, tree and rules (one stay a year, priority
 * groups), then the yearly cost cap, then the place. One transaction holding a lock on the member,
 * so two sign-ups of the same member (a nomination and a click) cannot both pass the yearly checks.
 */
export async function signUpWithinCap(db: Db, actor: Actor, batch: Pick<BatchRow, 'year' | 'days' | 'allowance_per_day'>, offering: OfferingRow, input: SignupInput, now = new Date()): Promise<SignupResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('recuperation.member'), hashtext(${input.memberId}))`);
    const refusal = await signupRefusal(tx, offering, input.memberId, now);
    if (refusal) throw conflict(refusal.reason, refusal.code);
    const overCap = await budgetRefusalFor(tx, batch, offering.id, input.memberId);
    if (overCap) throw conflict(overCap, 'NOT_ELIGIBLE');
    return signUp(tx, actor, offering, input, now);
  });
}

export async function listBatchEnrolments(ctx: RecuperationContext, auth: AuthContext, batchId: string, q: z.infer<typeof enrolmentListQuerySchema>): Promise<Page<RecuperationEnrolment>> {
  const { row, offering } = await loadBatch(ctx.db, auth, batchId);
  const { items, total } = await listOfferingEnrolments(ctx.db, auth, offering.id, row.org_id, q);
  return {
    items: items.map(({ row: r, waitlistPosition: _position, ...base }): RecuperationEnrolment => {
      const companions = companionsOf(r.details);
      return { ...base, companions, companionsOwnCost: companions.reduce((s, c) => s + c.ownCost, 0) };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A union signs one of its members up (推荐报名), companions included: the same rules, cap and places as a self sign-up. */
export async function nominateForBatch(ctx: RecuperationContext, auth: AuthContext, actor: Actor, batchId: string, b: z.infer<typeof recuperationNominationBodySchema>): Promise<SignupResult> {
  const { row, offering } = await loadBatch(ctx.db, auth, batchId);
  const [m] = await queryRows<{ org_id: string }>(ctx.db, sql`SELECT org_id FROM members WHERE id = ${b.memberId}::uuid`);
  if (!m || !(await scopeIncludesOrg(ctx.db, auth.scope, m.org_id))) throw invalidField('memberId', '会员不存在或不在您的数据范围内');
  return signUpWithinCap(ctx.db, actor, row, offering, { memberId: b.memberId, source: 'nominated', details: companionDetails(row.days * row.allowance_per_day, b.companions) });
}

export async function cancelBatchEnrolment(ctx: RecuperationContext, auth: AuthContext, actor: Actor, batchId: string, enrolmentId: string, reason: string): Promise<void> {
  const { row, offering } = await loadBatch(ctx.db, auth, batchId);
  const [e] = await queryRows<{ id: string }>(ctx.db, sql`SELECT e.id FROM enrolments e WHERE e.id = ${enrolmentId}::uuid AND e.offering_id = ${offering.id}::uuid AND ${await enrolmentScopeSql(ctx.db, auth, row.org_id)}`);
  if (!e) throw notFound('报名记录');
  await cancelEnrolment(ctx.db, actor, offering, enrolmentId, 'staff', reason);
}
