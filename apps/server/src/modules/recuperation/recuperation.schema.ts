import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/** 疗休养基地: a place where members rest (千岛湖, 桐庐, 临安 ...), owned by the union that keeps the catalogue. */
export const recuperationBases = pgTable(
  'recuperation_bases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    location: text('location').notNull(),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    capacityNote: text('capacity_note'),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recuperation_bases_name_unique').on(t.name), index('recuperation_bases_org_idx').on(t.orgId)],
);

/** 线路: a stay at a base, ≤ 5 days including travel, allowance ≤ 600 元 (60000 分) per person per day. */
export const recuperationRoutes = pgTable(
  'recuperation_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    baseId: uuid('base_id')
      .notNull()
      .references(() => recuperationBases.id),
    /** the base's owner (kept with the row so scope predicates need no join) */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    days: integer('days').notNull(),
    allowancePerDay: integer('allowance_per_day').notNull(),
    description: text('description'),
    itinerary: text('itinerary'),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('recuperation_routes_name_unique').on(t.baseId, t.name),
    index('recuperation_routes_org_idx').on(t.orgId),
    check('recuperation_routes_days_check', sql`${t.days} BETWEEN 1 AND 5`),
    check('recuperation_routes_allowance_check', sql`${t.allowancePerDay} > 0 AND ${t.allowancePerDay} <= 60000`),
  ],
);

/** The year's plan: the per-person yearly cost cap (default 3,000 元) and stays per person (default 1). */
export const recuperationPlans = pgTable(
  'recuperation_plans',
  {
    year: integer('year').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    budgetCapPerPerson: integer('budget_cap_per_person').notNull().default(300_000),
    maxStaysPerYear: integer('max_stays_per_year').notNull().default(1),
    targetPlaces: integer('target_places'),
    note: text('note'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('recuperation_plans_cap_check', sql`${t.budgetCapPerPerson} >= 0`),
    check('recuperation_plans_stays_check', sql`${t.maxStaysPerYear} BETWEEN 1 AND 12`),
    check('recuperation_plans_target_check', sql`${t.targetPlaces} IS NULL OR ${t.targetPlaces} >= 0`),
  ],
);

/**
 * 批次: one departure of a route. Days and allowance are copied from the route when the batch is
 * written (a past stay keeps its cost when the route changes later); its places, window, rules
 * and status live in its enrolment offering (kind 'recuperation', category = the year).
 */
export const recuperationBatches = pgTable(
  'recuperation_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    routeId: uuid('route_id')
      .notNull()
      .references(() => recuperationRoutes.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    days: integer('days').notNull(),
    allowancePerDay: integer('allowance_per_day').notNull(),
    priorityGroups: text('priority_groups').array().notNull().default(sql`'{}'::text[]`),
    priorityOnly: boolean('priority_only').notNull().default(false),
    selfSignup: boolean('self_signup').notNull().default(true),
    description: text('description'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recuperation_batches_org_idx').on(t.orgId),
    index('recuperation_batches_year_idx').on(t.year, t.startDate),
    index('recuperation_batches_route_idx').on(t.routeId),
    check('recuperation_batches_days_check', sql`${t.days} BETWEEN 1 AND 5`),
    check('recuperation_batches_allowance_check', sql`${t.allowancePerDay} > 0 AND ${t.allowancePerDay} <= 60000`),
    check('recuperation_batches_dates_check', sql`${t.endDate} = ${t.startDate} + (${t.days} - 1)`),
    check('recuperation_batches_year_check', sql`${t.year} = extract(year FROM ${t.startDate})::int`),
    check('recuperation_batches_groups_check', sql`${t.priorityGroups} <@ ARRAY['frontline','modelWorker','newEmploymentForm']::text[]`),
    check('recuperation_batches_priority_only_check', sql`NOT ${t.priorityOnly} OR cardinality(${t.priorityGroups}) > 0`),
  ],
);
