import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ENROLMENT_STATUS_LABELS,
  type EnrolmentStatus,
  type Page,
  type RecuperationEnrolment,
  type SignupResult,
  type enrolmentListQuerySchema,
  type recuperationNominationBodySchema,
} from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg, scopePredicate } from '../../platform/access/data-scope.js';
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

/** Staff see the enrolments of members in their scope, or all of a batch they organise. */
async function enrolmentScope(db: Db, auth: AuthContext, batchOrgId: string): Promise<SQL> {
  if (await scopeIncludesOrg(db, auth.scope, batchOrgId)) return sql`true`;
  return scopePredicate(auth.scope, { org: sql`e.org_id` });
}

interface EnrolmentListRow {
  id: string;
  offering_id: string;
  member_id: string;
  member_name: string;
  id_card_masked: string;
  org_id: string;
  org_name: string;
  status: EnrolmentStatus;
  seat_no: number | null;
  source: 'self' | 'nominated';
  details: unknown;
  created_at: string;
  cancelled_at: string | null;
  checked_in_at: string | null;
}

const isoOrNull = (v: string | null): string | null => (v ? new Date(v).toISOString() : null);
const LIVE: readonly EnrolmentStatus[] = ['confirmed', 'waitlisted', 'pending_lottery'];

export async function listBatchEnrolments(ctx: RecuperationContext, auth: AuthContext, batchId: string, q: z.infer<typeof enrolmentListQuerySchema>): Promise<Page<RecuperationEnrolment>> {
  const { row, offering } = await loadBatch(ctx.db, auth, batchId);
  const organiser = await scopeIncludesOrg(ctx.db, auth.scope, row.org_id);
  const where: SQL[] = [sql`e.offering_id = ${offering.id}::uuid`, await enrolmentScope(ctx.db, auth, row.org_id)];
  if (q.status) where.push(sql`e.status = ${q.status}`);
  if (q.q) where.push(sql`m.name LIKE ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await queryRows<EnrolmentListRow>(
    ctx.db,
    sql`SELECT e.id, e.offering_id, e.member_id, m.name AS member_name, m.id_card_masked, e.org_id, g.name AS org_name, e.status, e.seat_no, e.source, e.details,
          e.created_at::text AS created_at, e.cancelled_at::text AS cancelled_at, e.checked_in_at::text AS checked_in_at
        FROM enrolments e JOIN members m ON m.id = e.member_id JOIN orgs g ON g.id = e.org_id
        WHERE ${cond}
        ORDER BY CASE e.status WHEN 'confirmed' THEN 0 ELSE 1 END, e.seat_no NULLS LAST, e.created_at, e.id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [count] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM enrolments e JOIN members m ON m.id = e.member_id WHERE ${cond}`);
  const mayManage = auth.permissions.has('activity:enrolment:manage');
  const mayScan = auth.permissions.has('activity:checkin:scan');
  const items = rows.map((r): RecuperationEnrolment => {
    const companions = companionsOf(r.details);
    return {
      id: r.id,
      offeringId: r.offering_id,
      memberId: r.member_id,
      memberName: r.member_name,
      memberIdCard: r.id_card_masked,
      orgId: r.org_id,
      orgName: r.org_name,
      status: r.status,
      statusLabel: ENROLMENT_STATUS_LABELS[r.status],
      seatNo: r.seat_no,
      source: r.source,
      createdAt: new Date(r.created_at).toISOString(),
      cancelledAt: isoOrNull(r.cancelled_at),
      checkedInAt: isoOrNull(r.checked_in_at),
      companions,
      companionsOwnCost: companions.reduce((s, c) => s + c.ownCost, 0),
      abilities: {
        canCancel: mayManage && LIVE.includes(r.status) && !r.checked_in_at,
        canCheckIn: mayScan && organiser && r.status === 'confirmed' && !r.checked_in_at,
      },
    };
  });
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
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
  const [e] = await queryRows<{ id: string }>(ctx.db, sql`SELECT e.id FROM enrolments e WHERE e.id = ${enrolmentId}::uuid AND e.offering_id = ${offering.id}::uuid AND ${await enrolmentScope(ctx.db, auth, row.org_id)}`);
  if (!e) throw notFound('报名记录');
  await cancelEnrolment(ctx.db, actor, offering, enrolmentId, 'staff', reason);
}
