import { eq, sql } from 'drizzle-orm';
import { AID_CATEGORY_LABELS, type AidApplication, type AidCategory } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { conflict, forbidden, invalidField } from '../../platform/http/app-error.js';
import { payOnce, payOnceRacing } from '../../platform/ledger/ledger.service.js';
import { findFundRow } from '../../platform/ledger/fund.repository.js';
import { shanghaiYear } from '../../platform/calendar/work-calendar.js';
import { aidApplications } from './aid-application.schema.js';
import { getAidApplication, type AidContext } from './aid-application.service.js';
import { AID_WORKFLOW_TYPE } from './aid-workflow.js';

/**
 * Pays an approved application from a fund, once: the application id is the payout's business
 * key, so a replay (same Idempotency-Key, or a second click, or two racing requests) returns the
 * first payout instead of paying again. The payee is the member, by their registered bank card.
 */
export async function disburseAid(ctx: AidContext, auth: AuthContext, actor: Actor, id: string, fundId: string, idempotencyKey: string | null): Promise<{ application: AidApplication; replayed: boolean }> {
  const app = await getAidApplication(ctx, auth, id);
  if (app.payout) return { application: app, replayed: true };
  if (app.status !== 'approved') throw conflict('只有已批准(公示期满)的申请可以发放', 'ILLEGAL_TRANSITION');
  if (!app.abilities.canDisburse) throw forbidden('您不能发放该申请的帮扶资金');
  const [member] = await queryRows<{ name: string; bank_account_enc: string | null; bank_account_masked: string | null }>(
    ctx.db,
    sql`SELECT name, bank_account_enc, bank_account_masked FROM members WHERE id = ${app.memberId}`,
  );
  if (!member?.bank_account_enc) throw invalidField('bankAccount', '该会员未登记银行卡号,请先在会员档案中补充后再发放');
  // a fund the caller's scope reaches: a district pays from its own funds, the city from any
  const fund = await findFundRow(ctx.db, auth.scope, fundId, shanghaiYear());
  if (!fund || fund.status !== 'active') throw invalidField('fundId', '资金不存在、已关闭或不在您的管理范围内');
  const amountFen = app.approvedAmountFen ?? app.amountFen;
  const pay = () =>
    ctx.db.transaction(async (tx) => {
      const { payout, replayed } = await payOnce(tx, {
        fundId,
        businessType: AID_WORKFLOW_TYPE,
        businessKey: id,
        programme: 'hardship_aid',
        amountFen,
        memberId: app.memberId,
        householdId: app.householdId,
        orgId: app.orgId,
        payeeName: member.name,
        payeeAccountEnc: member.bank_account_enc,
        payeeAccountMasked: member.bank_account_masked,
        campaignId: app.campaignId,
        description: `${AID_CATEGORY_LABELS[app.category as AidCategory]}(${app.orgName})`,
        idempotencyKey,
        createdBy: auth.user.id,
      });
      if (!replayed) {
        await tx.update(aidApplications).set({ payoutId: payout.id, updatedAt: sql`now()` }).where(eq(aidApplications.id, id));
        await recordAudit(tx, actor, { action: 'ledger.payout', objectType: 'aid_application', objectId: id, detail: { fundId, amountFen, payoutId: payout.id } }, true);
      }
      return replayed;
    });
  const replayed = await payOnceRacing(pay);
  return { application: await getAidApplication(ctx, auth, id), replayed };
}
