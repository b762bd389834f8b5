import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isLiveEnrolment, type CheckInResult, type Enrolment, type SignupResult, type enrolmentListQuerySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { queryRows, type Db } from '../../platform/db/db-connection.js';
import { enrolmentScopeSql, listOfferingEnrolments } from '../../platform/enrolment/enrolment-list.js';
import { invalidField, notFound } from '../../platform/http/app-error.js';
import { cancelEnrolment, signUp } from '../../platform/enrolment/enrolment-signup.js';
import { checkIn } from '../../platform/enrolment/enrolment-checkin.js';
import { missingDocuments } from '../../platform/enrolment/enrolment-documents.js';
import { loadActivity, type ActivityContext } from './activity.service.js';
import { describeSignupDetails, signupDetails } from './activity-programme.js';
import { SUBSIDY_BUSINESS_TYPE, activitySubsidyFen } from './activity-subsidy.service.js';

export async function listEnrolments(ctx: ActivityContext, auth: AuthContext, activityId: string, q: z.infer<typeof enrolmentListQuerySchema>): Promise<{ items: Enrolment[]; total: number; page: number; pageSize: number }> {
  const { row, offering } = await loadActivity(ctx.db, auth, activityId);
  const { items, total, organiser } = await listOfferingEnrolments(ctx.db, auth, offering.id, row.org_id, q);
  const subsidyFen = activitySubsidyFen(row);
  const mayPay = subsidyFen > 0 && auth.permissions.has('activity:subsidy:pay') && organiser;
  const paid = await subsidiesOf(ctx.db, items.map((i) => i.id));
  return {
    items: items.map(({ row: r, abilities, ...base }): Enrolment => ({
      ...base,
      detailsText: describeSignupDetails(row.type, r.details),
      documents: r.documents,
      missingDocuments: isLiveEnrolment(r.status) ? missingDocuments(row.type, r.documents) : [],
      subsidy: paid.get(r.id) ?? null,
      abilities: { ...abilities, canPaySubsidy: mayPay && r.status === 'confirmed' && !paid.has(r.id) },
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The subsidy payouts of these enrolments (business key = enrolment id). */
async function subsidiesOf(db: Db, enrolmentIds: string[]): Promise<Map<string, { payoutId: string; amountFen: number; status: string }>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = await queryRows<{ business_key: string; id: string; amount_fen: number; status: string }>(
    db,
    sql`SELECT business_key, id, amount_fen, status FROM payouts WHERE business_type = ${SUBSIDY_BUSINESS_TYPE} AND business_key IN (${sql.join(enrolmentIds.map((id) => sql`${id}`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.business_key, { payoutId: r.id, amountFen: Number(r.amount_fen), status: r.status }]));
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
  const [e] = await queryRows<{ id: string }>(ctx.db, sql`SELECT e.id FROM enrolments e WHERE e.id = ${enrolmentId}::uuid AND e.offering_id = ${offering.id}::uuid AND ${await enrolmentScopeSql(ctx.db, auth, row.org_id)}`);
  if (!e) throw notFound('报名记录');
  await cancelEnrolment(ctx.db, actor, offering, enrolmentId, 'staff', reason);
}

/** Staff scan a member's QR code: the organiser's staff, or the member's own union's. */
export async function checkInByCode(ctx: ActivityContext, auth: AuthContext, actor: Actor, code: string): Promise<CheckInResult> {
  return checkIn(ctx.db, actor, code, async (offeringOrgId, memberOrgId) => (await scopeIncludesOrg(ctx.db, auth.scope, offeringOrgId)) || (await scopeIncludesOrg(ctx.db, auth.scope, memberOrgId)));
}
