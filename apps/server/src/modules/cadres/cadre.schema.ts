import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';

/**
 * A union committee (工会委员会) of one org for one 届. At most one is current per org; 换届 marks
 * the current one replaced (kept as history) and inserts the next. The reminder columns record that
 * the term-expiry reminder went out once per threshold (last N days, expired without 换届).
 */
export const cadreCommittees = pgTable(
  'cadre_committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    termNo: integer('term_no').notNull(),
    electedOn: date('elected_on', { mode: 'string' }).notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    electionMethod: text('election_method').notNull(),
    status: text('status').notNull().default('current'),
    replacedOn: date('replaced_on', { mode: 'string' }),
    note: text('note'),
    expiringNotifiedAt: timestamp('expiring_notified_at', { withTimezone: true }),
    expiredNotifiedAt: timestamp('expired_notified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cadre_committees_one_current').on(t.orgId).where(sql`${t.status} = 'current'`),
    uniqueIndex('cadre_committees_term_unique').on(t.orgId, t.termNo),
    index('cadre_committees_term_end_idx').on(t.termEnd).where(sql`${t.status} = 'current'`),
    check('cadre_committees_status_check', sql`${t.status} IN ('current','replaced')`),
    check('cadre_committees_method_check', sql`${t.electionMethod} IN ('competitive','equal','appointed','other')`),
    check('cadre_committees_term_check', sql`${t.termEnd} > ${t.termStart}`),
  ],
);

/**
 * A union cadre (工会干部). 身份证 and phone are stored as the member registry stores them
 * (encrypted, keyed hash, masked); the row links to the member with the same 身份证 when there is one.
 */
export const cadres = pgTable(
  'cadres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    committeeId: uuid('committee_id').references(() => cadreCommittees.id),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    idCardEnc: text('id_card_enc').notNull(),
    idCardHmac: text('id_card_hmac').notNull(),
    idCardMasked: text('id_card_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    memberId: uuid('member_id').references(() => members.id),
    position: text('position').notNull(),
    fullTime: boolean('full_time').notNull(),
    officeStart: date('office_start', { mode: 'string' }).notNull(),
    officeEnd: date('office_end', { mode: 'string' }),
    electedHow: text('elected_how').notNull(),
    state: text('state').notNull().default('in_office'),
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cadres_in_office_unique').on(t.orgId, t.idCardHmac).where(sql`${t.state} = 'in_office'`),
    index('cadres_org_idx').on(t.orgId, t.state),
    index('cadres_committee_idx').on(t.committeeId),
    index('cadres_id_card_idx').on(t.idCardHmac),
    check('cadres_gender_check', sql`${t.gender} IN ('male','female')`),
    check('cadres_state_check', sql`${t.state} IN ('in_office','left')`),
    check('cadres_left_check', sql`${t.state} = 'in_office' OR (${t.leftOn} IS NOT NULL AND ${t.leftReason} IS NOT NULL)`),
    check('cadres_elected_check', sql`${t.electedHow} IN ('competitive','equal','appointed','other')`),
  ],
);

/** A training session (培训班) organised by an org; hours (学时) in tenths, so 1.5 学时 is 15. */
export const cadreTrainings = pgTable(
  'cadre_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    hoursTenths: integer('hours_tenths').notNull(),
    audience: text('audience'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cadre_trainings_org_idx').on(t.orgId, t.startsOn),
    check('cadre_trainings_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('cadre_trainings_hours_check', sql`${t.hoursTenths} > 0`),
  ],
);

/** Attendance of one cadre at one session: signed in or not, the hours credited (tenths). */
export const cadreTrainingAttendance = pgTable(
  'cadre_training_attendance',
  {
    trainingId: uuid('training_id')
      .notNull()
      .references(() => cadreTrainings.id, { onDelete: 'cascade' }),
    cadreId: uuid('cadre_id')
      .notNull()
      .references(() => cadres.id),
    signedIn: boolean('signed_in').notNull(),
    hoursTenths: integer('hours_tenths').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.trainingId, t.cadreId] }),
    index('cadre_training_attendance_cadre_idx').on(t.cadreId),
    check('cadre_training_attendance_hours_check', sql`${t.hoursTenths} >= 0 AND (${t.signedIn} OR ${t.hoursTenths} = 0)`),
  ],
);
