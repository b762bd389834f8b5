import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { funds } from '../../platform/ledger/ledger.schema.js';
import { aidCampaigns } from './campaign.schema.js';

/**
 * 春风行动捐款: money from an enterprise or a person into the campaign's fund. The receipt number is
 * unique and is the ledger entry's business key (business type 'aid.donation'), so a receipt is
 * booked once. Rows are never edited: a correction is a reversal in the ledger.
 */
export const aidDonations = pgTable(
  'aid_donations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => aidCampaigns.id),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id),
    /** the union that received it: the data scope of the row */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    donorName: text('donor_name').notNull(),
    donorType: text('donor_type').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    receiptNo: text('receipt_no').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('aid_donations_receipt_unique').on(t.receiptNo),
    index('aid_donations_campaign_idx').on(t.campaignId, t.receivedOn),
    index('aid_donations_org_idx').on(t.orgId, t.campaignId),
    check('aid_donations_amount_check', sql`${t.amountFen} > 0`),
    check('aid_donations_donor_type_check', sql`${t.donorType} IN ('enterprise','individual','organisation')`),
  ],
);
