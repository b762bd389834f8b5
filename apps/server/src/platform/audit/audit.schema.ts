import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained: hash = sha256(prev_hash || canonical row). A trigger (migration
 * 0001) refuses UPDATE, DELETE and TRUNCATE. detail is kept as the exact JSON text that was hashed.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    orgId: uuid('org_id'),
    ip: text('ip'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result').notNull(),
    detail: text('detail').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_action_idx').on(t.action, t.id), index('audit_log_user_idx').on(t.userId, t.id), index('audit_log_object_idx').on(t.objectType, t.objectId)],
);
