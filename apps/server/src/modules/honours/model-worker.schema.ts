import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { members } from '../members/member.schema.js';

/**
 * The 劳模 registry: one row per person. 身份证 is stored as the member registry stores it
 * (encrypted, keyed hash for lookup and uniqueness, masked for display); when the hash matches a
 * member record the row links to it. The owning org (a district union or below) decides who sees
 * the record. The care flags (≥ 75, 鳏寡独居) are never stored: age comes from birth_date on the day
 * asked, 鳏寡独居 from the recorded lives_alone.
 */
export const modelWorkers = pgTable(
  'model_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    idCardEnc: text('id_card_enc'),
    idCardHmac: text('id_card_hmac'),
    idCardMasked: text('id_card_masked'),
    memberId: uuid('member_id').references(() => members.id),
    unit: text('unit'),
    retired: boolean('retired').notNull().default(false),
    deceasedOn: date('deceased_on', { mode: 'string' }),
    livesAlone: boolean('lives_alone').notNull().default(false),
    livingNote: text('living_note'),
    address: text('address'),
    phoneMasked: text('phone_masked'),
    phoneEnc: text('phone_enc'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('model_workers_id_card_unique').on(t.idCardHmac),
    index('model_workers_org_idx').on(t.orgId),
    index('model_workers_member_idx').on(t.memberId),
    index('model_workers_birth_idx').on(t.birthDate),
    check('model_workers_gender_check', sql`${t.gender} IN ('male','female')`),
  ],
);

/** A person's honours: 全国劳动模范, 浙江省劳动模范, 杭州市劳动模范, 全国五一劳动奖章 … with the level and the year. */
export const modelWorkerHonours = pgTable(
  'model_worker_honours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelWorkerId: uuid('model_worker_id')
      .notNull()
      .references(() => modelWorkers.id, { onDelete: 'cascade' }),
    level: text('level').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('model_worker_honours_worker_idx').on(t.modelWorkerId),
    index('model_worker_honours_level_idx').on(t.level, t.modelWorkerId),
    check('model_worker_honours_level_check', sql`${t.level} IN ('national','provincial','city','district')`),
  ],
);

/**
 * An application for priority placement in a public elderly-care home (公益性养老机构), only for a
 * flagged person: 申请中 → 已推荐 → 已入住, or 未成功 with the reason. `history` lists each change.
 */
export const modelWorkerPlacements = pgTable(
  'model_worker_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelWorkerId: uuid('model_worker_id')
      .notNull()
      .references(() => modelWorkers.id, { onDelete: 'cascade' }),
    homeName: text('home_name').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('applied'),
    statusOn: date('status_on', { mode: 'string' }),
    reason: text('reason'),
    note: text('note'),
    history: jsonb('history').notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('model_worker_placements_worker_idx').on(t.modelWorkerId),
    uniqueIndex('model_worker_placements_one_open').on(t.modelWorkerId).where(sql`${t.status} IN ('applied','recommended')`),
    check('model_worker_placements_status_check', sql`${t.status} IN ('applied','recommended','admitted','unsuccessful')`),
    check('model_worker_placements_reason_check', sql`${t.status} <> 'unsuccessful' OR ${t.reason} IS NOT NULL`),
  ],
);
