import { sql } from 'drizzle-orm';
import { bigserial, check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { enterprises } from '../enterprises/enterprise.schema.js';
import { members } from '../members/member.schema.js';

/**
 * 安全隐患随手拍: a worker's report (description, place, enterprise, photos) kept by the union
 * responsible for it (`org_id`: the enterprise's grassroots union, else the district union of the
 * place). Review runs on the workflow (`hazard.report`); after acceptance the record itself moves
 * through rectification: rectifying → rectified → verified → closed.
 */
export const hazardReports = pgTable(
  'hazard_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportNo: text('report_no').notNull().unique(),
    reporterUserId: uuid('reporter_user_id').notNull(),
    reporterMemberId: uuid('reporter_member_id').references(() => members.id),
    reporterName: text('reporter_name').notNull(),
    description: text('description').notNull(),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    enterpriseName: text('enterprise_name').notNull(),
    districtOrgId: uuid('district_org_id')
      .notNull()
      .references(() => orgs.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** draft, reported, rejected, rectifying, rectified, verified, closed (review states live on the workflow) */
    status: text('status').notNull().default('draft'),
    grade: text('grade'),
    rejectReason: text('reject_reason'),
    /** who must fix it (the enterprise or the union), the 工作日 given and the last day (Asia/Shanghai) */
    assignee: text('assignee'),
    deadlineWorkdays: integer('deadline_workdays'),
    rectifyDue: date('rectify_due', { mode: 'string' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    rectifyNote: text('rectify_note'),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    verifyNote: text('verify_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    photos: jsonb('photos').notNull().default([]),
    rectifyPhotos: jsonb('rectify_photos').notNull().default([]),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hazard_reports_org_idx').on(t.orgId, t.createdAt),
    index('hazard_reports_reporter_idx').on(t.reporterUserId, t.createdAt),
    index('hazard_reports_district_idx').on(t.districtOrgId, t.status),
    index('hazard_reports_due_idx').on(t.rectifyDue).where(sql`${t.status} = 'rectifying' AND ${t.overdueAt} IS NULL`),
    check('hazard_reports_status_check', sql`${t.status} IN ('draft','reported','rejected','rectifying','rectified','verified','closed')`),
    check('hazard_reports_grade_check', sql`${t.grade} IS NULL OR ${t.grade} IN ('general','larger','major')`),
    check('hazard_reports_lat_check', sql`${t.latitude} IS NULL OR (${t.latitude} BETWEEN -90 AND 90)`),
    check('hazard_reports_lng_check', sql`${t.longitude} IS NULL OR (${t.longitude} BETWEEN -180 AND 180)`),
    check('hazard_reports_deadline_check', sql`${t.deadlineWorkdays} IS NULL OR ${t.deadlineWorkdays} BETWEEN 1 AND 120`),
  ],
);

/** The rectification history after review (交办, 整改, 验收, 退回, 销号, 逾期): the review's own is the workflow timeline. */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazardReports.id),
    action: text('action').notNull(),
    note: text('note'),
    userName: text('user_name'),
    orgName: text('org_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hazard_events_hazard_idx').on(t.hazardId, t.id)],
);

/** Points for the reporter, one row per hazard (the primary key makes the award once). */
export const hazardPointAwards = pgTable(
  'hazard_point_awards',
  {
    hazardId: uuid('hazard_id')
      .primaryKey()
      .references(() => hazardReports.id),
    reporterUserId: uuid('reporter_user_id').notNull(),
    reporterMemberId: uuid('reporter_member_id').references(() => members.id),
    grade: text('grade').notNull(),
    points: integer('points').notNull(),
    awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hazard_point_awards_user_idx').on(t.reporterUserId), check('hazard_point_awards_points_check', sql`${t.points} > 0`)],
);
