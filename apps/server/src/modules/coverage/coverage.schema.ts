import { bigint, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * Direct counters per org, kept by statement-level triggers on members and enterprises (migration
 * 0003), so coverage figures are sums over a subtree's counter rows, never a scan of members.
 */
export const orgCounters = pgTable('org_counters', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  members: integer('members').notNull().default(0),
  enterprises: integer('enterprises').notNull().default(0),
  enterprisesAtSize: integer('enterprises_at_size').notNull().default(0),
  unionised: integer('unionised').notNull().default(0),
  unionisedAtSize: integer('unionised_at_size').notNull().default(0),
  employees: bigint('employees', { mode: 'number' }).notNull().default(0),
  unionisedEmployees: bigint('unionised_employees', { mode: 'number' }).notNull().default(0),
});

/** Year-end snapshot of each org's direct counters, for year-over-year comparison. */
export const orgCountersYearly = pgTable(
  'org_counters_yearly',
  {
    year: integer('year').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    members: integer('members').notNull().default(0),
    enterprises: integer('enterprises').notNull().default(0),
    enterprisesAtSize: integer('enterprises_at_size').notNull().default(0),
    unionised: integer('unionised').notNull().default(0),
    unionisedAtSize: integer('unionised_at_size').notNull().default(0),
    employees: bigint('employees', { mode: 'number' }).notNull().default(0),
    unionisedEmployees: bigint('unionised_employees', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.orgId] })],
);
