import { sql } from 'drizzle-orm';
import { check, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * 经费分成设置, set by the city union: the 工会经费 rate (basis points of payroll, 200 = 2%), the
 * split between the levels (basis points, summing to 10000) and the due day of the month after
 * the payroll month. One row per city org.
 */
export const financeSettings = pgTable(
  'finance_settings',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => orgs.id),
    rateBp: integer('rate_bp').notNull().default(200),
    grassrootsBp: integer('grassroots_bp').notNull().default(6000),
    streetBp: integer('street_bp').notNull().default(1000),
    districtBp: integer('district_bp').notNull().default(1500),
    cityBp: integer('city_bp').notNull().default(1000),
    provinceBp: integer('province_bp').notNull().default(500),
    dueDay: integer('due_day').notNull().default(15),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('finance_settings_shares_check', sql`${t.grassrootsBp} + ${t.streetBp} + ${t.districtBp} + ${t.cityBp} + ${t.provinceBp} = 10000`),
    check('finance_settings_nonneg_check', sql`${t.grassrootsBp} >= 0 AND ${t.streetBp} >= 0 AND ${t.districtBp} >= 0 AND ${t.cityBp} >= 0 AND ${t.provinceBp} >= 0`),
    check('finance_settings_due_day_check', sql`${t.dueDay} BETWEEN 1 AND 28`),
    check('finance_settings_rate_check', sql`${t.rateBp} BETWEEN 1 AND 10000`),
  ],
);
