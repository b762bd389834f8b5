import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { ENROLMENT_STATUS_LABELS, type CheckInResult, type Enrolment, type EnrolmentStatus, type SignupResult, type enrolmentListQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg, scopePredicate } from '../../platform/access/data-scope.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { invalidField, notFound } from '../../platform/http/app-error.js';
import { cancelEnrolment, signUp } from '../../platform/enrolment/enrolment-signup.js';
import { checkIn } from '../../platform/enrolment/enrolment-checkin.js';
import { loadActivity, type ActivityContext } from './activity.service.js';
import { describeSignupDetails, signupDetails } from './activity-programme.js';
import { SUBSIDY_BUSINESS_TYPE, activitySubsidyFen } from './activity-subsidy.service.js';

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
  position: number | null;
  source: 'self' | 'nominated';
  created_at: string;
  cancelled_at: string | null;
  checked_in_at: string | null;
  details: Record<string, unknown>;
  payout_id: string | null;
  payout_amount_fen: number | null;
  payout_status: string | null;
}

const isoOrNull = (v: string | null): string | null => (v ? new Date(v).toISOString() : null);

/** Staff see the enrolments of members in their scope, or all of an activity they organise. */
async function enrolmentScope(ctx: ActivityContext, auth: AuthContext, activityOrgId: string): Promise<SQL> {
  if (await scopeIncludesOrg(ctx.db, auth.scope, activityOrgId)) return sql`true`;
  return scopePredicate(auth.scope, { org: sql`e.org_id` });
}

export async function listEnrolments(ctx: ActivityContext, auth: AuthContext, activityId: string, q: z.infer<typeof enrolmentListQuerySchema>): Promise<{ items: Enrolment[]; total: number; page: number; pageSize: number }> {
  const { row, offering } = await loadActivity(ctx.db, auth, activityId);
  const organiser = await scopeIncludesOrg(ctx.db, auth.scope, row.org_id);
  const where: SQL[] = [sql`e.offering_id = ${offering.id}::uuid`, await enrolmentScope(ctx, auth, row.org_id)];
  if (q.status) where.push(sql`e.status = ${q.status}`);
  if (q.q) where.push(sql`m.name LIKE ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await queryRows<EnrolmentListRow>(
    ctx.db,
    sql`SELECT e.id, e.offering_id, e.member_id, m.name AS member_name, m.id_card_masked, e.org_id, g.name AS org_name, e.status, e.seat_no, e.source,
          e.created_at::text AS created_at, e.cancelled_at::text AS cancelled_at, e.checked_in_at::text AS checked_in_at, e.details,
          p.id AS payout_id, p.amount_fen AS payout_amount_fen, p.status AS payout_status,
          CASE WHEN e.status = 'waitlisted' THEN (SELECT count(*)::int + 1 FROM enrolments w WHERE w.offering_id = e.offering_id AND w.pool_org_id = e.pool_org_id
             AND w.status = 'waitlisted' AND (w.created_at, w.id) < (e.created_at, e.id)) END AS position
        FROM enrolments e JOIN members m ON m.id = e.member_id JOIN orgs g ON g.id = e.org_id
          LEFT JOIN payouts p ON p.business_type = ${SUBSIDY_BUSINESS_TYPE} AND p.business_key = e.id::text
        WHERE ${cond}
        ORDER BY CASE e.status WHEN 'confirmed' THEN 0 WHEN 'pending_lottery' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END, e.seat_no NULLS LAST, e.lottery_rank NULLS LAST, e.created_at, e.id
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [count] = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM enrolments e JOIN members m ON m.id = e.member_id WHERE ${cond}`);
  const mayManage = auth.permissions.has('activity:enrolment:manage');
  const mayScan = auth.permissions.has('activity:checkin:scan');
  const subsidyFen = activitySubsidyFen(row);
  const mayPay = subsidyFen > 0 && auth.permissions.has('activity:subsidy:pay') && organiser;
  const items = rows.map((r): Enrolment => ({
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
    waitlistPosition: r.position,
    source: r.source,
    createdAt: new Date(r.created_at).toISOString(),
    cancelledAt: isoOrNull(r.cancelled_at),
    checkedInAt: isoOrNull(r.checked_in_at),
    detailsText: describeSignupDetails(row.type, r.details),
    subsidy: r.payout_id ? { payoutId: r.payout_id, amountFen: Number(r.payout_amount_fen), status: r.payout_status ?? '' } : null,
    abilities: {
      canCancel: mayManage && ['confirmed', 'waitlisted', 'pending_lottery'].includes(r.status) && !r.checked_in_at,
      canCheckIn: mayScan && organiser && r.status === 'confirmed' && !r.checked_in_at,
      canPaySubsidy: mayPay && r.status === 'confirmed' && !r.payout_id,
    },
  }));
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** A union signs one of its members up (推荐报名): the same rules, places and duplicate check as a self sign-up. */
export async function nominateMember(ctx: ActivityContext, auth: AuthContext, actor: Actor, activityId: string, memberId: string, details: Record<string, unknown> | undefined): Promise<SignupResult> {
  const { row, offering } = await loadActivity(ctx.db, auth, activityId);
  const [m] = await queryRows<{ org_id: string }>(ctx.db, sql`SELECT org_id FROM members WHERE id = ${memberId}::uuid`);
  if (!m || !(await scopeIncludesOrg(ctx.db, auth.scope, m.org_id))) throw invalidField('memberId', '会员不存在或不在您的数据范围内');
  const stored = await signupDetails(ctx.db, ctx.crypto, row, memberId, details);
  return signUp(ctx.db, actor, offering, { memberId, source: 'nominated', details: stored });
}

/** The caller's own sign-up (the member account's linked member record). */
export async function signUpSelf(ctx: ActivityContext, auth: AuthContext, actor: Actor, activityId: string, details: Record<string, unknown> | undefined): Promise<SignupResult> {
  const memberId = auth.user.memberId;
  if (!memberId) throw notFound('与账号关联的会员档案');
  const { row, offering } = await loadActivity(ctx.db, auth, activityId);
  const stored = await signupDetails(ctx.db, ctx.crypto, row, memberId, details);
  return signUp(ctx.db, actor, offering, { memberId, source: 'self', details: stored });
}

export async function cancelEnrolmentByStaff(ctx: ActivityContext, auth: AuthContext, actor: Actor, activityId: string, enrolmentId: string, reason: string): Promise<void> {
  const { row, offering } = await loadActivity(ctx.db, auth, activityId);
  const [e] = await queryRows<{ id: string }>(ctx.db, sql`SELECT e.id FROM enrolments e WHERE e.id = ${enrolmentId}::uuid AND e.offering_id = ${offering.id}::uuid AND ${await enrolmentScope(ctx, auth, row.org_id)}`);
  if (!e) throw notFound('报名记录');
  await cancelEnrolment(ctx.db, actor, offering, enrolmentId, 'staff', reason);
}

/** Staff scan a member's QR code: the organiser's staff, or the member's own union's. */
export async function checkInByCode(ctx: ActivityContext, auth: AuthContext, actor: Actor, code: string): Promise<CheckInResult> {
  return checkIn(ctx.db, actor, code, async (offeringOrgId, memberOrgId) => (await scopeIncludesOrg(ctx.db, auth.scope, offeringOrgId)) || (await scopeIncludesOrg(ctx.db, auth.scope, memberOrgId)));
}
