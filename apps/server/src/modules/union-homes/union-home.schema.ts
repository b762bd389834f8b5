import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * 职工之家 profile of one grassroots union: the venue and what it offers, funds (分), activities,
 * people and rules — the facts behind 有人干事、有钱办事、有屋议事、有章理事.
 */
export const unionHomes = pgTable('union_homes', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .unique()
    .references(() => orgs.id),
  venueName: text('venue_name').notNull(),
  address: text('address').notNull().default(''),
  areaM2: integer('area_m2').notNull().default(0),
  facilities: text('facilities').array().notNull().default(sql`'{}'::text[]`),
  annualFundsFen: bigint('annual_funds_fen', { mode: 'number' }).notNull().default(0),
  activitiesHeld: integer('activities_held').notNull().default(0),
  staffCount: integer('staff_count').notNull().default(0),
  chairName: text('chair_name').notNull().default(''),
  rules: text('rules').array().notNull().default(sql`'{}'::text[]`),
  /** 0..1, used when the registry has no employee figure */
  membershipRateEntered: doublePrecision('membership_rate_entered'),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
