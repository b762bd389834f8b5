import { bigint, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * 工作驾驶舱 counters. Base tables feed `cockpit_org_counts` (each org's own rows, per year and
 * figure key; year 0 = a standing count) through statement-level triggers whose row selections are
 * the rows of `cockpit_sources`; a trigger on it rolls every change up to all ancestors in
 * `cockpit_counts` (the subtree totals the cockpit reads), and a change of the org tree recomputes
 * the ancestors it touched. SQL in the migration that creates these tables.
 */
export const cockpitOrgCounts = pgTable(
  'cockpit_org_counts',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    key: text('key').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.key] })],
);

/** Subtree totals: for every org, the sum of `cockpit_org_counts` over its descendants (self included, each once). */
export const cockpitCounts = pgTable(
  'cockpit_counts',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    key: text('key').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.key] })],
);

/**
 * One row selection per tracked base table: `select_sql` is a SELECT of (org_id, year, key, v)
 * with `%1$s` standing for the rows read (the table itself, or a trigger's transition table).
 */
export const cockpitSources = pgTable('cockpit_sources', {
  tableName: text('table_name').primaryKey(),
  selectSql: text('select_sql').notNull(),
});
