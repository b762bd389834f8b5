import { sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { scopeIncludesOrg } from '../../platform/access/data-scope.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { conflict, forbidden, invalidField, notFound } from '../../platform/http/app-error.js';
import { findFundRow } from '../../platform/ledger/fund.repository.js';
import { payOnce } from '../../platform/ledger/ledger.service.js';
import { loadActivity, type ActivityContext } from './activity.service.js';
import type { ActivityRow } from './activity.repository.js';

/** Ledger business type of an activity subsidy: one per enrolment (its id is the business key). */
export const SUBSIDY_BUSINESS_TYPE = 'activity.subsidy';

/** The per-person subsidy of an activity (平安返乡 ticket subsidy, 圆梦计划 study grant), in 分; 0: none. */
export function activitySubsidyFen(row: Pick<ActivityRow, 'type' | 'details'>): number {
  if (row.type !== 'homeward' && row.type !== 'education') return 0;
  const fen = Number(row.details.subsidyFen ?? 0);
  return Number.isSafeInteger(fen) && fen > 0 ? fen : 0;
}

/**
 * Pays a confirmed member's subsidy from a fund the caller holds, once: the enrolment is the
 * payout's business key, so a second click, a replay or a race pays nothing more (ledger payOnce).
 * The money goes to the member's registered bank card and enters their benefits history.
 */
export async function payActivitySubsidy(ctx: ActivityContext, auth: AuthContext, actor: Actor, activityId: string, enrolmentId: string, fundId: string): Promise<{ payoutId: string; amountFen: number; replayed: boolean }> {
  const { row } = await loadActivity(ctx.db, auth, activityId);
  if (!(await scopeIncludesOrg(ctx.db, auth.scope, row.org_id))) throw forbidden('只有主办工会可以发放该活动的补贴');
  const amountFen = activitySubsidyFen(row);
  if (amountFen === 0) throw conflict('该活动没有设置补贴', 'NO_SUBSIDY');
  const [e] = await queryRows<{ member_id: string; org_id: string; status: string; name: string; bank_account_enc: string | null; bank_account_masked: string | null }>(
    ctx.db,
    sql`SELECT e.member_id, e.org_id, e.status, m.name, m.bank_account_enc, m.bank_account_masked
        FROM enrolments e JOIN enrolment_offerings o ON o.id = e.offering_id JOIN members m ON m.id = e.member_id
        WHERE e.id = ${enrolmentId}::uuid AND o.kind = 'activity' AND o.subject_id = ${activityId}::uuid`,
  );
  if (!e) throw notFound('报名记录');
  if (e.status !== 'confirmed') throw conflict('只有报名成功的会员可以发放补贴', 'ILLEGAL_TRANSITION');
  if (!e.bank_account_enc) throw invalidField('bankAccount', '该会员未登记银行卡号,请先在会员档案中补充后再发放');
  const fund = await findFundRow(ctx.db, auth.scope, fundId, Number(shanghaiDate(new Date()).slice(0, 4)));
  if (!fund || fund.status !== 'active') throw invalidField('fundId', '资金不存在、已关闭或不在您的管理范围内');
  const pay = () =>
    ctx.db.transaction(async (tx) => {
      const { payout, replayed } = await payOnce(tx, {
        fundId,
        businessType: SUBSIDY_BUSINESS_TYPE,
        businessKey: enrolmentId,
        programme: row.type,
        amountFen,
        memberId: e.member_id,
        householdId: null,
        orgId: e.org_id,
        payeeName: e.name,
        payeeAccountEnc: e.bank_account_enc,
        payeeAccountMasked: e.bank_account_masked,
        campaignId: null,
        description: `${row.title} 补贴`,
        idempotencyKey: null,
        createdBy: auth.user.id,
      });
      if (!replayed) await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'activity', objectId: activityId, detail: { enrolmentId, fundId, amountFen, payoutId: payout.id } }, true);
      return { payoutId: payout.id, amountFen: payout.amountFen, replayed };
    });
  try {
    return await pay();
  } catch (err) {
    // a racing click paid first: ours is the replay
    if (!isUniqueViolation(err, 'payouts_business_unique') && !isUniqueViolation(err, 'ledger_entries_business_unique')) throw err;
    return pay();
  }
}
