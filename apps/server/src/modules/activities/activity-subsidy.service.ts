import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { EDUCATION_REFUND_GROUND_LABELS, type educationRefundBodySchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findFundRow } from '../../platform/ledger/fund.repository.js';
import { payOnce, payOnceRacing } from '../../platform/ledger/ledger.service.js';
import { loadActivity, type ActivityContext } from './activity.service.js';
import type { ActivityRow } from './activity.repository.js';
import { educationRefund } from './education-refund.js';

/** Ledger business type of an activity subsidy: one per enrolment (its id is the business key). */
export const SUBSIDY_BUSINESS_TYPE = 'activity.subsidy';

/** The per-person subsidy of an activity (平安返乡 ticket subsidy, 圆梦计划 study grant), in 分; 0: none. */
export function activitySubsidyFen(row: Pick<ActivityRow, 'type' | 'details'>): number {
  if (row.type !== 'homeward' && row.type !== 'education') return 0;
  const fen = Number(row.details.subsidyFen ?? 0);
  return Number.isSafeInteger(fen) && fen > 0 ? fen : 0;
}

interface PayableEnrolment {
  member_id: string;
  org_id: string;
  status: string;
  member_status: string;
  name: string;
  bank_account_enc: string | null;
  bank_account_masked: string | null;
}

const MEMBER_GONE: Record<string, string> = { transferred_out: '已转出', retired: '已退休', withdrawn: '已退会', deceased: '已去世' };

/**
 * The checks every payment to a member of an activity makes: the caller organises it, the
 * enrolment holds a place, the member is still in the union (leaving forfeits what is unpaid),
 * a bank card is registered, and the fund is one the caller holds.
 */
async function payableEnrolment(ctx: ActivityContext, auth: AuthContext, activityId: string, enrolmentId: string, fundId: string): Promise<{ row: ActivityRow; e: PayableEnrolment }> {
  const { row } = await loadActivity(ctx.db, auth, activityId);
  if (!(await scopeIncludesOrg(ctx.db, auth.scope, row.org_id))) throw forbidden('只有主办工会可以发放该活动的补贴');
  const [e] = await queryRows<PayableEnrolment>(
    ctx.db,
    sql`SELECT e.member_id, e.org_id, e.status, m.status AS member_status, m.name, m.bank_account_enc, m.bank_account_masked
        FROM enrolments e JOIN enrolment_offerings o ON o.id = e.offering_id JOIN members m ON m.id = e.member_id
        WHERE e.id = ${enrolmentId}::uuid AND o.kind = 'activity' AND o.subject_id = ${activityId}::uuid`,
  );
  if (!e) throw notFound('报名记录');
  if (e.status !== 'confirmed') throw conflict('只有报名成功的会员可以发放补贴', 'ILLEGAL_TRANSITION');
  if (e.member_status !== 'active') throw conflict(`${e.name}${MEMBER_GONE[e.member_status] ?? '已不在册'},按规定不再发放资助`, 'FORFEITED');
  if (!e.bank_account_enc) throw invalidField('bankAccount', '该会员未登记银行卡号,请先在会员档案中补充后再发放');
  const fund = await findFundRow(ctx.db, auth.scope, fundId, shanghaiYear());
  if (!fund || fund.status !== 'active') throw invalidField('fundId', '资金不存在、已关闭或不在您的管理范围内');
  return { row, e };
}

/** Pays once under (businessType, enrolment id) through the ledger; a racing request is answered as the replay. */
async function payEnrolmentOnce(
  ctx: ActivityContext,
  auth: AuthContext,
  actor: Actor,
  p: { activityId: string; enrolmentId: string; fundId: string; businessType: string; programme: string; amountFen: number; description: string; row: ActivityRow; e: PayableEnrolment },
): Promise<{ payoutId: string; amountFen: number; replayed: boolean }> {
  const pay = () =>
    ctx.db.transaction(async (tx) => {
      const { payout, replayed } = await payOnce(tx, {
        fundId: p.fundId,
        businessType: p.businessType,
        businessKey: p.enrolmentId,
        programme: p.programme,
        amountFen: p.amountFen,
        memberId: p.e.member_id,
        householdId: null,
        orgId: p.e.org_id,
        payeeName: p.e.name,
        payeeAccountEnc: p.e.bank_account_enc,
        payeeAccountMasked: p.e.bank_account_masked,
        campaignId: null,
        description: p.description,
        idempotencyKey: null,
        createdBy: auth.user.id,
      });
      if (!replayed) await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'activity', objectId: p.activityId, detail: { enrolmentId: p.enrolmentId, businessType: p.businessType, fundId: p.fundId, amountFen: p.amountFen, payoutId: payout.id } }, true);
      return { payoutId: payout.id, amountFen: payout.amountFen, replayed };
    });
  return payOnceRacing(pay);
}

/**
 * Pays a confirmed member's subsidy from a fund the caller holds, once: the enrolment is the
 * payout's business key, so a second click, a replay or a race pays nothing more (ledger payOnce).
 * The money goes to the member's registered bank card and enters their benefits history.
 */
export async function payActivitySubsidy(ctx: ActivityContext, auth: AuthContext, actor: Actor, activityId: string, enrolmentId: string, fundId: string): Promise<{ payoutId: string; amountFen: number; replayed: boolean }> {
  const { row, e } = await payableEnrolment(ctx, auth, activityId, enrolmentId, fundId);
  const amountFen = activitySubsidyFen(row);
  if (amountFen === 0) throw conflict('该活动没有设置补贴', 'NO_SUBSIDY');
  return payEnrolmentOnce(ctx, auth, actor, { activityId, enrolmentId, fundId, businessType: SUBSIDY_BUSINESS_TYPE, programme: row.type, amountFen, description: `${row.title} 补贴`, row, e });
}

/** Ledger business type of a 圆梦计划 tuition refund (one per enrolment). */
export const EDUCATION_REFUND_BUSINESS_TYPE = 'activity.education_refund';

/**
 * Refunds a 圆梦计划 student's tuition by the rules of education-refund.ts, once per enrolment,
 * counting the fixed grant already paid; 409 with the reason when nothing is due.
 */
export async function payEducationRefund(ctx: ActivityContext, auth: AuthContext, actor: Actor, activityId: string, enrolmentId: string, b: z.infer<typeof educationRefundBodySchema>): Promise<{ payoutId: string; amountFen: number; replayed: boolean; reason: string }> {
  const { row, e } = await payableEnrolment(ctx, auth, activityId, enrolmentId, b.fundId);
  if (row.type !== 'education') throw conflict('只有圆梦计划可以退还学费', 'ILLEGAL_TRANSITION');
  const [paid] = await queryRows<{ fen: number }>(ctx.db, sql`SELECT coalesce(sum(amount_fen), 0)::int AS fen FROM payouts WHERE business_type = ${SUBSIDY_BUSINESS_TYPE} AND business_key = ${enrolmentId}`);
  const [refunded] = await queryRows<{ id: string; amount_fen: number }>(ctx.db, sql`SELECT id, amount_fen FROM payouts WHERE business_type = ${EDUCATION_REFUND_BUSINESS_TYPE} AND business_key = ${enrolmentId}`);
  if (refunded) return { payoutId: refunded.id, amountFen: Number(refunded.amount_fen), replayed: true, reason: '学费已退还,不重复支付' };
  const r = educationRefund({ tuitionFen: b.tuitionFen, ground: b.ground, obtainedOn: b.obtainedOn, graduatedOn: b.graduatedOn ?? null, alreadyPaidFen: paid?.fen ?? 0 });
  if (r.refundFen === 0) throw conflict(r.reason, 'NOTHING_DUE');
  const done = await payEnrolmentOnce(ctx, auth, actor, { activityId, enrolmentId, fundId: b.fundId, businessType: EDUCATION_REFUND_BUSINESS_TYPE, programme: 'education', amountFen: r.refundFen, description: `${row.title} 退还学费(${EDUCATION_REFUND_GROUND_LABELS[b.ground]})`, row, e });
  return { ...done, reason: r.reason };
}
