import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';
import { hardshipHouseholds } from './household.schema.js';

/**
 * 帮扶申请 (春风行动 and year-round hardship aid). The review state lives in workflow_instances
 * (business type 'aid.application'); the money in the ledger.
 */
export const aidApplications = pgTable(
  'aid_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** the member's grassroots union when filed: the chain starts there */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    householdId: uuid('household_id').references(() => hardshipHouseholds.id),
    campaignId: uuid('campaign_id'),
    category: text('category').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    approvedAmountFen: bigint('approved_amount_fen', { mode: 'number' }),
    reason: text('reason').notNull(),
    /** who filed: the worker themself (H5) or staff on the worker's behalf */
    filedBy: uuid('filed_by'),
    filedByName: text('filed_by_name'),
    onBehalf: boolean('on_behalf').notNull().default(false),
    /** the worker's separate consent to the use of their sensitive data (income, health) */
    sensitiveConsentAt: timestamp('sensitive_consent_at', { withTimezone: true }),
    /** the version of the 《个人敏感信息使用授权》 text consented to (contracts SENSITIVE_CONSENT_VERSION) */
    sensitiveConsentVersion: text('sensitive_consent_version'),
    /** 入户调查: { visitedOn, visitors, findings, incomeCheckConsentSigned, recordedBy, recordedAt } */
    homeVisit: jsonb('home_visit'),
    /** 证明材料: [{ fileId, type, name }] */
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    payoutId: uuid('payout_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('aid_applications_org_idx').on(t.orgId, t.createdAt),
    index('aid_applications_member_idx').on(t.memberId),
    index('aid_applications_household_idx').on(t.householdId),
    index('aid_applications_campaign_idx').on(t.campaignId),
    check('aid_applications_category_check', sql`${t.category} IN ('hardship','medical','education','emergency','other')`),
    check('aid_applications_amount_check', sql`${t.amountFen} > 0`),
  ],
);
