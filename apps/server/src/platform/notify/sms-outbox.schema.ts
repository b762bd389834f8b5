import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../org/org.schema.js';

/**
 * Queued text messages (no real sending yet): the phone is stored the way the member registry stores
 * it (AES-256-GCM + masked form), the full text encrypted (it may carry a one-time code) beside a
 * masked preview for staff. A gateway would pick `queued` rows and mark them `sent`.
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    phoneEnc: text('phone_enc').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    template: text('template').notNull(),
    bodyEnc: text('body_enc').notNull(),
    bodyMasked: text('body_masked').notNull(),
    status: text('status').notNull().default('queued'),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('sms_outbox_org_idx').on(t.orgId, t.createdAt),
    index('sms_outbox_status_idx').on(t.status, t.createdAt),
    index('sms_outbox_source_idx').on(t.sourceType, t.sourceId),
    check('sms_outbox_status_check', sql`${t.status} IN ('queued','sent')`),
  ],
);
