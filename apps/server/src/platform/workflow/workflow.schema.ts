import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../org/org.schema.js';

/**
 * One review case of a business record (an aid application, a claim ...): where it stands in its
 * chain, whose step it is, and when that step is due. The business row holds its own data; the
 * state machine lives here, once for every business type.
 */
export const workflowInstances = pgTable(
  'workflow_instances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessType: text('business_type').notNull(),
    businessId: uuid('business_id').notNull(),
    /** the unit the case belongs to (the applicant's grassroots union): steps are assigned up from it */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull().default('draft'),
    /** index into the chain's steps while in review */
    stepIndex: integer('step_index'),
    stepKey: text('step_key'),
    /** the org whose staff act on the current step */
    assigneeOrgId: uuid('assignee_org_id').references(() => orgs.id),
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }),
    /** the last 工作日 (Asia/Shanghai) of the step's SLA */
    stepDueDate: date('step_due_date', { mode: 'string' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** the amount the chain's thresholds read */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    /** masked name and amount shown on the public 公示 page */
    publicName: text('public_name'),
    publicSummary: text('public_summary'),
    publicityStartsAt: timestamp('publicity_starts_at', { withTimezone: true }),
    publicityEndsAt: timestamp('publicity_ends_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('workflow_instances_business_unique').on(t.businessType, t.businessId),
    index('workflow_instances_inbox_idx').on(t.assigneeOrgId, t.status),
    index('workflow_instances_org_idx').on(t.orgId, t.status),
    index('workflow_instances_due_idx').on(t.status, t.stepDueDate),
    index('workflow_instances_publicity_idx').on(t.status, t.publicityEndsAt),
    check('workflow_instances_status_check', sql`${t.status} IN ('draft','in_review','returned','publicity','approved','rejected','withdrawn')`),
  ],
);

/** The timeline: every action on a case, append-only (who, which org, when, opinion, attachments). */
export const workflowEvents = pgTable(
  'workflow_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => workflowInstances.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    stepKey: text('step_key'),
    stepLabel: text('step_label'),
    userId: uuid('user_id'),
    userName: text('user_name'),
    orgId: uuid('org_id'),
    orgName: text('org_name'),
    opinion: text('opinion'),
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [index('workflow_events_instance_idx').on(t.instanceId, t.id)],
);

/** Objections raised on the public 公示 page; one reopens the case. */
export const workflowObjections = pgTable(
  'workflow_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => workflowInstances.id),
    content: text('content').notNull(),
    contact: text('contact'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workflow_objections_instance_idx').on(t.instanceId)],
);
