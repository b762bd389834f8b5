import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * 通知公告: a notice written by a union (any level) for orgs it chooses (an OrgTarget). Sending
 * resolves the target once into `notice_receipts` (a snapshot: orgs created later do not receive
 * it). draft → sent → withdrawn.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 发文单位 */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    /** 文号, e.g. 杭工〔2017〕3号 */
    docNo: text('doc_no'),
    body: text('body').notNull(),
    category: text('category').notNull(),
    urgency: text('urgency').notNull().default('normal'),
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
    /** the OrgTarget as chosen (resolved at sending) */
    target: jsonb('target').notNull(),
    signDeadline: timestamp('sign_deadline', { withTimezone: true }).notNull(),
    /** 报送: recipients must reply with material by reply_deadline */
    replyRequired: boolean('reply_required').notNull().default(false),
    replyDeadline: timestamp('reply_deadline', { withTimezone: true }),
    replyInstructions: text('reply_instructions'),
    status: text('status').notNull().default('draft'),
    recipientCount: integer('recipient_count').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentBy: uuid('sent_by'),
    sentByName: text('sent_by_name'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnByName: text('withdrawn_by_name'),
    withdrawReason: text('withdraw_reason'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notices_org_idx').on(t.orgId, t.status, t.createdAt),
    index('notices_sent_idx').on(t.status, t.signDeadline),
    check('notices_status_check', sql`${t.status} IN ('draft','sent','withdrawn')`),
    check('notices_category_check', sql`${t.category} IN ('notice','bulletin','letter','meeting')`),
    check('notices_urgency_check', sql`${t.urgency} IN ('normal','urgent','very_urgent')`),
    check('notices_reply_check', sql`NOT ${t.replyRequired} OR ${t.replyDeadline} IS NOT NULL`),
  ],
);

/**
 * One recipient org of a sent notice: first read (who/when), 签收 (who/when), the 报送 reply
 * (text + attachments, submitted → accepted / returned → submitted again) and the reminders sent.
 */
export const noticeReceipts = pgTable(
  'notice_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    firstReadAt: timestamp('first_read_at', { withTimezone: true }),
    firstReadBy: uuid('first_read_by'),
    firstReadByName: text('first_read_by_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: uuid('signed_by'),
    signedByName: text('signed_by_name'),
    /** none, draft (attachments being gathered), submitted, accepted, returned */
    replyStatus: text('reply_status').notNull().default('none'),
    replyText: text('reply_text'),
    replyAttachments: jsonb('reply_attachments').notNull().default(sql`'[]'::jsonb`),
    replySubmittedAt: timestamp('reply_submitted_at', { withTimezone: true }),
    replySubmittedByName: text('reply_submitted_by_name'),
    replyLate: boolean('reply_late').notNull().default(false),
    replyReviewedAt: timestamp('reply_reviewed_at', { withTimezone: true }),
    replyReviewedByName: text('reply_reviewed_by_name'),
    returnReason: text('return_reason'),
    /** the automatic reminders, each sent once */
    dueRemindedAt: timestamp('due_reminded_at', { withTimezone: true }),
    overdueRemindedAt: timestamp('overdue_reminded_at', { withTimezone: true }),
    replyDueRemindedAt: timestamp('reply_due_reminded_at', { withTimezone: true }),
    replyOverdueRemindedAt: timestamp('reply_overdue_reminded_at', { withTimezone: true }),
    /** the sender's last 催办 (at most once a day per org) */
    manualRemindedAt: timestamp('manual_reminded_at', { withTimezone: true }),
    manualRemindCount: integer('manual_remind_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notice_receipts_notice_org_unique').on(t.noticeId, t.orgId),
    index('notice_receipts_org_idx').on(t.orgId, t.signedAt),
    check('notice_receipts_reply_status_check', sql`${t.replyStatus} IN ('none','draft','submitted','accepted','returned')`),
  ],
);
