import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DONOR_TYPE_LABELS, type Donation, type DonorType, type donationBodySchema, type donationListQuerySchema } from '@gonghui/contracts';
import type { AppContext } from '../../platform/app-context.js';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/db-connection.js';
import { isUniqueViolation } from '../../platform/db/db-errors.js';
import { AppError, conflict, conflictField, invalidField, notFound } from '../../platform/http/app-error.js';
import { recordIncome } from '../../platform/ledger/ledger.service.js';
import { scopeHoldsOrg } from './campaign.repository.js';
import { visibleCampaign } from './campaign.service.js';
import { aidDonations } from './donation.schema.js';
import { donationWhere, findDonationRow, listDonationRows, type DonationRow } from './donation.repository.js';

/** The ledger business type of a donation; its business key is the receipt number. */
export const DONATION_BUSINESS_TYPE = 'aid.donation';

export function toDonationDto(r: DonationRow): Donation {
  const donorType = r.donor_type as DonorType;
  return {
    id: r.id,
    campaignId: r.campaign_id,
    donorName: r.donor_name,
    donorType,
    donorTypeLabel: DONOR_TYPE_LABELS[donorType],
    amountFen: Number(r.amount_fen),
    receiptNo: r.receipt_no,
    receivedOn: r.received_on,
    orgId: r.org_id,
    orgName: r.org_name,
    fundId: r.fund_id,
    fundName: r.fund_name,
    ledgerEntryId: Number(r.ledger_entry_id),
    note: r.note,
    recordedByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

export async function listDonations(ctx: AppContext, auth: AuthContext, campaignId: string, q: z.infer<typeof donationListQuerySchema>) {
  await visibleCampaign(ctx, auth, campaignId);
  const { rows, total, totalAmountFen } = await listDonationRows(ctx.db, donationWhere(auth.scope, campaignId, q), q.page, q.pageSize);
  return { items: rows.map(toDonationDto), total, page: q.page, pageSize: q.pageSize, totalAmountFen };
}

export async function getDonation(ctx: AppContext, auth: AuthContext, id: string): Promise<Donation> {
  const row = await findDonationRow(ctx.db, auth.scope, id);
  if (!row) throw notFound('捐款记录');
  return toDonationDto(row);
}

const duplicateReceipt = (receiptNo: string) => conflictField('receiptNo', `收据编号 ${receiptNo} 已登记入账,不能重复登记`, 'DUPLICATE');

/**
 * 登记捐款: books the donation into the campaign's fund through the ledger in the same transaction
 * (the receipt number is the ledger's business key: a repeated receipt is a 409 and changes
 * nothing). The campaign row is share-locked so it cannot close or change fund meanwhile.
 */
export async function recordDonation(ctx: AppContext, auth: AuthContext, actor: Actor, campaignId: string, body: z.infer<typeof donationBodySchema>): Promise<Donation> {
  const campaign = await visibleCampaign(ctx, auth, campaignId);
  const orgId = body.orgId ?? auth.user.orgId;
  if (!(await scopeHoldsOrg(ctx.db, auth.scope, orgId))) throw invalidField('orgId', '接收单位不存在或不在您的管理范围内');
  if (body.receivedOn > shanghaiDate(new Date())) throw invalidField('receivedOn', '到账日期不能晚于今天');
  const [taken] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM aid_donations WHERE receipt_no = ${body.receiptNo}`);
  if (taken) throw duplicateReceipt(body.receiptNo);
  let id: string;
  try {
    id = await ctx.db.transaction(async (tx) => {
      const [locked] = await queryRows<{ status: string; fund_id: string | null; fund_status: string | null }>(
        tx,
        sql`SELECT c.status, c.fund_id, f.status AS fund_status FROM aid_campaigns c LEFT JOIN funds f ON f.id = c.fund_id WHERE c.id = ${campaignId} FOR SHARE OF c`,
      );
      if (!locked || locked.status !== 'active') throw conflict(`「${campaign.name}」未在进行中,不能登记捐款`, 'CAMPAIGN_NOT_ACTIVE');
      if (!locked.fund_id) throw conflict('该活动未指定资金,不能登记捐款', 'NO_FUND');
      if (locked.fund_status !== 'active') throw conflict('该活动的资金已关闭,不能登记捐款', 'FUND_CLOSED');
      const typeLabel = DONOR_TYPE_LABELS[body.donorType];
      const entryId = await recordIncome(tx, {
        fundId: locked.fund_id,
        amountFen: body.amountFen,
        businessType: DONATION_BUSINESS_TYPE,
        businessKey: body.receiptNo,
        campaignId,
        memo: `${campaign.name}捐款:${typeLabel} ${body.donorName}(收据 ${body.receiptNo})`,
        createdBy: auth.user.id,
      });
      const [row] = await tx
        .insert(aidDonations)
        .values({
          campaignId,
          fundId: locked.fund_id,
          orgId,
          donorName: body.donorName,
          donorType: body.donorType,
          amountFen: body.amountFen,
          receiptNo: body.receiptNo,
          receivedOn: body.receivedOn,
          ledgerEntryId: entryId,
          note: body.note ?? null,
          createdBy: auth.user.id,
          createdByName: `${auth.user.name}(${auth.user.orgName})`,
        })
        .returning({ id: aidDonations.id });
      await recordAudit(
        tx,
        actor,
        { action: 'ledger.income', objectType: 'aid_donation', objectId: row!.id, detail: { campaignId, fundId: locked.fund_id, ledgerEntryId: entryId, orgId, donorName: body.donorName, donorType: body.donorType, amountFen: body.amountFen, receiptNo: body.receiptNo, receivedOn: body.receivedOn } },
        true,
      );
      return row!.id;
    });
  } catch (e) {
    // a racing request booked the same receipt first (the ledger's or the donations' unique key decided)
    if ((e instanceof AppError && e.status === 409 && e.code === 'DUPLICATE') || isUniqueViolation(e, 'aid_donations_receipt_unique') || isUniqueViolation(e, 'ledger_entries_business_unique')) throw duplicateReceipt(body.receiptNo);
    throw e;
  }
  return getDonation(ctx, auth, id);
}
