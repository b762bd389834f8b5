import { sql } from 'drizzle-orm';
import { MUTUAL_AID_PART_LABELS, type MutualAidClaim } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField } from '../../platform/http/app-error.js';
import { payOnce, payOnceRacing } from '../../platform/ledger/ledger.service.js';
import type { MutualAidContext } from './mutual-aid-period.service.js';
import { periodRowOrThrow } from './mutual-aid-period.service.js';
import { getClaim } from './mutual-aid-claim.service.js';
import { MUTUAL_AID_WORKFLOW_TYPE } from './mutual-aid-workflow.js';

/**
 * Pays an approved claim its computed amount from the period's fund, once: the claim id is the
 * payout's business key, so a second click, a replayed Idempotency-Key or two racing requests
 * pay once (the later ones answer `replayed`). The payout lands in the member's benefits history.
 */
export async function payClaim(ctx: MutualAidContext, auth: AuthContext, actor: Actor, id: string, idempotencyKey: string | null): Promise<{ claim: MutualAidClaim; replayed: boolean }> {
  const claim = await getClaim(ctx, auth, id);
  if (claim.payout) return { claim, replayed: true };
  if (claim.status !== 'approved') throw conflict('只有已批准的申请可以支付', 'ILLEGAL_TRANSITION');
  if (!claim.abilities.canPay) throw claim.computedFen === 0 ? conflict('核定金额为0,无需支付', 'NOTHING_TO_PAY') : forbidden('您不能支付该申请的互助金');
  const [member] = await queryRows<{ name: string; bank_account_enc: string | null; bank_account_masked: string | null }>(
    ctx.db,
    sql`SELECT name, bank_account_enc, bank_account_masked FROM members WHERE id = ${claim.memberId}`,
  );
  if (!member?.bank_account_enc) throw invalidField('bankAccount', '该会员未登记银行卡号,请先在会员档案中补充后再支付');
  const period = await periodRowOrThrow(ctx.db, claim.periodId);
  const pay = () =>
    ctx.db.transaction(async (tx) => {
      const { payout, replayed } = await payOnce(tx, {
        fundId: period.fund_id,
        businessType: MUTUAL_AID_WORKFLOW_TYPE,
        businessKey: id,
        programme: 'mutual_aid',
        amountFen: claim.computedFen,
        memberId: claim.memberId,
        householdId: null,
        orgId: claim.orgId,
        payeeName: member.name,
        payeeAccountEnc: member.bank_account_enc,
        payeeAccountMasked: member.bank_account_masked,
        campaignId: null,
        description: `${period.name} ${MUTUAL_AID_PART_LABELS[claim.part]}(${claim.claimNo})`,
        idempotencyKey,
        createdBy: auth.user.id,
      });
      if (!replayed) {
        await tx.execute(sql`UPDATE mutual_aid_claims SET payout_id = ${payout.id}, updated_at = now() WHERE id = ${id}`);
        await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'mutual_aid_claim', objectId: id, detail: { fundId: period.fund_id, amountFen: claim.computedFen, payoutId: payout.id } }, true);
      }
      return replayed;
    });
  const replayed = await payOnceRacing(pay);
  return { claim: await getClaim(ctx, auth, id), replayed };
}
