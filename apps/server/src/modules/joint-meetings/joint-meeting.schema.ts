import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { trackedItems } from '../../platform/tracking/tracking.schema.js';

/** 政府与工会联席会议 held by a union (org_id) with its government. Participants: [{ name, title, organisation }]. */
export const jointMeetings = pgTable(
  'joint_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    governmentParticipants: jsonb('government_participants').notNull().default([]),
    unionParticipants: jsonb('union_participants').notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('joint_meetings_org_idx').on(t.orgId, t.meetingDate)],
);

/** A topic (议题) on the agenda. */
export const jointAgendaItems = pgTable(
  'joint_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => jointMeetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    topic: text('topic').notNull(),
    background: text('background').notNull().default(''),
  },
  (t) => [index('joint_agenda_meeting_idx').on(t.meetingId, t.position)],
);

/** A commitment (议定事项) under an agenda item; owner, deadline, progress and state live in its tracked item. */
export const jointCommitments = pgTable(
  'joint_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => jointAgendaItems.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    /** the responsible government department, as named at the meeting (市人力社保局 ...) */
    governmentDepartment: text('government_department').notNull(),
    trackedItemId: uuid('tracked_item_id')
      .notNull()
      .references(() => trackedItems.id),
  },
  (t) => [index('joint_commitments_agenda_idx').on(t.agendaItemId)],
);
