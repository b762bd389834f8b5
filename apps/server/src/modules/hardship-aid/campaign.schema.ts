import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { funds } from '../../platform/ledger/ledger.schema.js';

/**
 * 春风行动: one campaign a year (launched before 春节), with the aid categories it covers, how far it
 * widens eligibility (低边 households up to a multiple of the 低保 line), the fund it pays from and
 * its targets per district. Applications point at it by aid_applications.campaign_id.
 */
export const aidCampaigns = pgTable(
  'aid_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** aid categories (hardship|medical|education|emergency|other) */
    categories: jsonb('categories').$type<string[]>().notNull(),
    lowEdgeIncluded: boolean('low_edge_included').notNull().default(true),
    /** income ceiling in percent of the 低保 line (200 = 2×): integer, so comparisons stay exact */
    incomeCeilingPercent: integer('income_ceiling_percent').notNull().default(200),
    fundId: uuid('fund_id').references(() => funds.id),
    /** the launching union (the city federation): edits need it in the caller's scope */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull().default('draft'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('aid_campaigns_year_unique').on(t.year),
    /** at most one campaign runs at a time: "the active campaign" is unambiguous */
    uniqueIndex('aid_campaigns_one_active').on(t.status).where(sql`${t.status} = 'active'`),
    check('aid_campaigns_status_check', sql`${t.status} IN ('draft','active','closed')`),
    check('aid_campaigns_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('aid_campaigns_ceiling_check', sql`${t.incomeCeilingPercent} BETWEEN 100 AND 400`),
  ],
);

/** Targets per district (行政区划代码): households to help and the amount in 分. */
export const aidCampaignTargets = pgTable(
  'aid_campaign_targets',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => aidCampaigns.id, { onDelete: 'cascade' }),
    divisionCode: text('division_code').notNull(),
    households: integer('households').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.divisionCode] }),
    check('aid_campaign_targets_households_check', sql`${t.households} >= 0`),
    check('aid_campaign_targets_amount_check', sql`${t.amountFen} >= 0`),
  ],
);
