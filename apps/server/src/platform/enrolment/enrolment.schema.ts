import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import type { Attachment, EligibilityRules } from '@gonghui/contracts';
import { orgs } from '../org/org.schema.js';

/**
 * An offering with limited places (an activity, a 疗休养 batch, a 返乡 route ...), owned by one
 * business row (`kind`, `subject_id`). Its places are rows of enrolment_seats: the database, not
 * the application, keeps confirmed sign-ups within capacity.
 */
export const enrolmentOfferings = pgTable(
  'enrolment_offerings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** a sub-type within the kind (e.g. the activity type), for "at most N a year" */
    category: text('category').notNull().default(''),
    title: text('title').notNull(),
    /** the organising union: its pool holds every place not allocated down the tree */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    capacity: integer('capacity').notNull(),
    mode: text('mode').notNull(),
    waitlist: boolean('waitlist').notNull().default(false),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    cancelUntil: timestamp('cancel_until', { withTimezone: true }),
    rules: jsonb('rules').$type<EligibilityRules>().notNull().default({}),
    /** the year a place counts in for "at most N a year" (the year of the stay / the activity); null: the year sign-up opens */
    year: integer('year'),
    status: text('status').notNull().default('draft'),
    lotterySeed: text('lottery_seed'),
    lotteryDigest: text('lottery_digest'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrolment_offerings_subject_unique').on(t.kind, t.subjectId),
    index('enrolment_offerings_org_idx').on(t.orgId),
    check('enrolment_offerings_capacity_check', sql`${t.capacity} > 0`),
    check('enrolment_offerings_mode_check', sql`${t.mode} IN ('fcfs','lottery')`),
    check('enrolment_offerings_status_check', sql`${t.status} IN ('draft','published','cancelled')`),
    check('enrolment_offerings_window_check', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

/**
 * One row per place. `org_id` is the pool the place belongs to: the organiser's, or a lower union's
 * after allocation. A place holds at most one enrolment (unique), so confirmed sign-ups can never
 * outnumber places; sign-ups claim a free place with FOR UPDATE SKIP LOCKED, so a rush spreads over
 * the rows instead of queueing on one counter.
 */
export const enrolmentSeats = pgTable(
  'enrolment_seats',
  {
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => enrolmentOfferings.id, { onDelete: 'cascade' }),
    seatNo: integer('seat_no').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    enrolmentId: uuid('enrolment_id'),
  },
  (t) => [
    primaryKey({ columns: [t.offeringId, t.seatNo] }),
    uniqueIndex('enrolment_seats_enrolment_unique').on(t.enrolmentId),
    index('enrolment_seats_free_idx').on(t.offeringId, t.orgId, t.seatNo).where(sql`${t.enrolmentId} IS NULL`),
  ],
);

/** Places allocated down the tree (city → district → union), returned to the allocator at `return_at` if unused. */
export const enrolmentQuotas = pgTable(
  'enrolment_quotas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => enrolmentOfferings.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    allocatedByOrgId: uuid('allocated_by_org_id')
      .notNull()
      .references(() => orgs.id),
    places: integer('places').notNull(),
    returnAt: timestamp('return_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returned: integer('returned').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enrolment_quotas_org_unique').on(t.offeringId, t.orgId),
    index('enrolment_quotas_due_idx').on(t.returnAt).where(sql`${t.returnedAt} IS NULL`),
    check('enrolment_quotas_places_check', sql`${t.places} > 0`),
  ],
);

/**
 * A member's sign-up. At most one live (confirmed / waitlisted / awaiting the draw) per member and
 * offering, by a partial unique index: three clicks store one row. A confirmed one holds a place
 * (foreign key to the seat, unique per offering).
 */
export const enrolments = pgTable(
  'enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offeringId: uuid('offering_id')
      .notNull()
      .references(() => enrolmentOfferings.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').notNull(),
    /** the member's union at sign-up */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** the pool the member draws a place from (the nearest union holding places above them) */
    poolOrgId: uuid('pool_org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
    seatNo: integer('seat_no'),
    source: text('source').notNull().default('self'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** documents the member uploaded for the sign-up (结婚证 of a wedding couple ...), through the attachment routes only */
    documents: jsonb('documents').$type<Attachment[]>().notNull().default([]),
    lotteryRank: integer('lottery_rank'),
    checkInCode: text('check_in_code').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    uniqueIndex('enrolments_live_unique').on(t.offeringId, t.memberId).where(sql`${t.status} IN ('confirmed','waitlisted','pending_lottery')`),
    uniqueIndex('enrolments_seat_unique').on(t.offeringId, t.seatNo),
    uniqueIndex('enrolments_check_in_code_unique').on(t.checkInCode),
    index('enrolments_queue_idx').on(t.offeringId, t.status, t.poolOrgId, t.createdAt),
    index('enrolments_member_idx').on(t.memberId, t.status),
    foreignKey({ name: 'enrolments_seat_fk', columns: [t.offeringId, t.seatNo], foreignColumns: [enrolmentSeats.offeringId, enrolmentSeats.seatNo] }),
    check('enrolments_status_check', sql`${t.status} IN ('confirmed','waitlisted','pending_lottery','not_selected','cancelled')`),
    check('enrolments_seat_check', sql`(${t.status} = 'confirmed') = (${t.seatNo} IS NOT NULL)`),
    check('enrolments_source_check', sql`${t.source} IN ('self','nominated')`),
  ],
);
