import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { enterprises } from '../enterprises/enterprise.schema.js';

/**
 * The real-name member registry (会员实名制). 身份证, phone and bank account are stored encrypted
 * (AES-256-GCM) with an HMAC for exact lookup and uniqueness, plus the masked form for display.
 * The search columns (拼音, 首字母, 1-2 character grams) are written at save time.
 */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    nameGrams: text('name_grams').array().notNull(),
    idCardEnc: text('id_card_enc').notNull(),
    idCardHmac: text('id_card_hmac').notNull(),
    idCardMasked: text('id_card_masked').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    phoneEnc: text('phone_enc'),
    phoneHmac: text('phone_hmac'),
    phoneMasked: text('phone_masked'),
    phoneTail: text('phone_tail'),
    bankAccountEnc: text('bank_account_enc'),
    bankAccountMasked: text('bank_account_masked'),
    status: text('status').notNull().default('active'),
    statusDate: date('status_date', { mode: 'string' }),
    statusReason: text('status_reason'),
    /** 会员卡号: generated from a sequence unless given */
    cardNo: text('card_no')
      .notNull()
      .default(sql`'33' || lpad(nextval('member_card_seq')::text, 12, '0')`),
    joinedAt: date('joined_at', { mode: 'string' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    migrantWorker: boolean('migrant_worker').notNull().default(false),
    frontline: boolean('frontline').notNull().default(false),
    newEmploymentForm: boolean('new_employment_form').notNull().default(false),
    modelWorker: boolean('model_worker').notNull().default(false),
    skillLevel: text('skill_level'),
    education: text('education'),
    importJobId: uuid('import_job_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_active_id_card_unique').on(t.idCardHmac).where(sql`${t.status} = 'active'`),
    index('members_id_card_hmac_idx').on(t.idCardHmac),
    uniqueIndex('members_card_no_unique').on(t.cardNo),
    index('members_org_idx').on(t.orgId, t.status),
    // the list's order (newest first): a page is a walk of this index filtered by scope, not a sort of
    // the subtree; org_id and status ride along so the walk checks scope and status without the table
    index('members_created_idx').on(t.createdAt.desc().nullsFirst(), t.id, t.orgId, t.status),
    index('members_phone_hmac_idx').on(t.phoneHmac),
    index('members_phone_tail_idx').on(t.phoneTail),
    index('members_initials_idx').using('btree', sql`${t.nameInitials} text_pattern_ops`),
    index('members_pinyin_idx').using('btree', sql`${t.namePinyin} text_pattern_ops`),
    index('members_grams_idx').using('gin', t.nameGrams),
    index('members_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('members_enterprise_idx').on(t.enterpriseId),
    check('members_status_check', sql`${t.status} IN ('active','transferred_out','retired','withdrawn','deceased')`),
    check('members_gender_check', sql`${t.gender} IN ('male','female')`),
  ],
);

/**
 * 在册 members in the whole subtree of each org that has sub-orgs (any relation, each union counted
 * once; a leaf's figure is its org_counters.members), so a scoped member list's total is one row,
 * not a sum over a district's 1,500 unions. Kept exact by the triggers of migration 0009: a change
 * of org_counters.members is added to the rows of the org's ancestors, a change of the tree
 * (org_closure) recomputes the rows of the ancestors it touched.
 */
export const memberSubtreeCounts = pgTable('member_subtree_counts', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  members: integer('members').notNull().default(0),
});

/** Every change of a member record: who, when, what (masked values only). */
export const memberHistory = pgTable(
  'member_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: uuid('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('member_history_member_idx').on(t.memberId, t.id)],
);

/** 会员关系接转: a request from the source or the target union, approved by the other side (and the receiving district across districts). */
export const memberTransfers = pgTable(
  'member_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => members.id),
    fromOrgId: uuid('from_org_id').notNull().references(() => orgs.id),
    toOrgId: uuid('to_org_id').notNull().references(() => orgs.id),
    initiatedByOrgId: uuid('initiated_by_org_id').notNull().references(() => orgs.id),
    crossDistrict: boolean('cross_district').notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    timeline: jsonb('timeline').notNull().default(sql`'[]'::jsonb`),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('member_transfers_member_idx').on(t.memberId),
    index('member_transfers_from_idx').on(t.fromOrgId, t.status),
    index('member_transfers_to_idx').on(t.toOrgId, t.status),
    uniqueIndex('member_transfers_one_open').on(t.memberId).where(sql`${t.status} IN ('pending_counterparty','pending_district')`),
    check('member_transfers_status_check', sql`${t.status} IN ('pending_counterparty','pending_district','approved','rejected','withdrawn')`),
  ],
);
