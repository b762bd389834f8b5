import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { funds, payouts } from '../../platform/ledger/ledger.schema.js';
import { members } from '../members/member.schema.js';
import { hardshipHouseholds } from '../hardship-aid/household.schema.js';
import { modelWorkers } from '../honours/model-worker.schema.js';

const CATEGORY_SQL = sql.raw(`('hardship_family','vulnerable','retired_cadre','veteran_union_worker','model_worker','frontline','migrant_worker','new_employment')`);

/**
 * 送温暖 plan: one occasion of one year, drawn up by the city or a district for its tree. Its
 * review (draft → submitted → approved / returned) is a platform workflow case; the 只做加法
 * override, when a city approver granted one, is kept on the row (who, when, why, the shortfalls).
 */
export const condolencePlans = pgTable(
  'condolence_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    occasion: text('occasion').notNull(),
    /** the name of an `other` occasion ('' for the listed ones, so the key below is unique) */
    occasionName: text('occasion_name').notNull().default(''),
    note: text('note'),
    /** { userId, userName, orgName, at, reason, shortfalls[] } when approved below last year's by a city approver */
    override: jsonb('override'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('condolence_plans_key_idx').on(t.orgId, t.occasion, t.occasionName, t.year),
    index('condolence_plans_year_idx').on(t.year, t.occasion),
    check('condolence_plans_occasion_check', sql`${t.occasion} IN ('spring_festival','summer_cool','five_visits','autumn_study','other')`),
    check('condolence_plans_other_name_check', sql`${t.occasion} <> 'other' OR ${t.occasionName} <> ''`),
  ],
);

/** A plan's target category: how many people, and the per-head standard (money and goods, in 分). */
export const condolencePlanCategories = pgTable(
  'condolence_plan_categories',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => condolencePlans.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    sort: integer('sort').notNull().default(0),
    headcount: integer('headcount').notNull(),
    moneyPerHeadFen: bigint('money_per_head_fen', { mode: 'number' }).notNull(),
    goodsDescription: text('goods_description'),
    goodsValuePerHeadFen: bigint('goods_value_per_head_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('condolence_plan_categories_pk').on(t.planId, t.category),
    check('condolence_plan_categories_category_check', sql`${t.category} IN ${CATEGORY_SQL}`),
    check('condolence_plan_categories_headcount_check', sql`${t.headcount} > 0`),
    check('condolence_plan_categories_money_check', sql`${t.moneyPerHeadFen} >= 0 AND ${t.goodsValuePerHeadFen} >= 0`),
  ],
);

/**
 * One visit under an approved plan: whom (a member, a hardship household, or a named person
 * outside the registry), when, where, by whom, what was given. Money goes through the ledger
 * (payout_id); the visit's org is the visited person's union, or the recorder's for a named person.
 */
export const condolenceVisits = pgTable(
  'condolence_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => condolencePlans.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    target: text('target').notNull(),
    memberId: uuid('member_id').references(() => members.id),
    householdId: uuid('household_id').references(() => hardshipHouseholds.id),
    /** the 劳模 visited (category model_worker), when the person is in the 劳模 registry */
    modelWorkerId: uuid('model_worker_id').references(() => modelWorkers.id),
    personName: text('person_name').notNull(),
    personPhoneMasked: text('person_phone_masked'),
    category: text('category').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    visitors: text('visitors').notNull(),
    goodsDescription: text('goods_description'),
    goodsValueFen: bigint('goods_value_fen', { mode: 'number' }).notNull().default(0),
    moneyFen: bigint('money_fen', { mode: 'number' }).notNull().default(0),
    fundId: uuid('fund_id').references(() => funds.id),
    payoutId: uuid('payout_id').references(() => payouts.id),
    note: text('note'),
    photos: jsonb('photos').notNull().default(sql`'[]'::jsonb`),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('condolence_visits_plan_idx').on(t.planId, t.orgId, t.category),
    index('condolence_visits_org_idx').on(t.orgId, t.visitedOn),
    index('condolence_visits_member_idx').on(t.memberId),
    index('condolence_visits_model_worker_idx').on(t.modelWorkerId, t.visitedOn),
    uniqueIndex('condolence_visits_payout_unique').on(t.payoutId),
    check('condolence_visits_category_check', sql`${t.category} IN ${CATEGORY_SQL}`),
    check('condolence_visits_target_check', sql`${t.target} IN ('member','household','person')`),
    check('condolence_visits_target_ref_check', sql`(${t.target} = 'member' AND ${t.memberId} IS NOT NULL) OR (${t.target} = 'household' AND ${t.householdId} IS NOT NULL) OR ${t.target} = 'person'`),
    check('condolence_visits_money_check', sql`${t.moneyFen} >= 0 AND ${t.goodsValueFen} >= 0 AND (${t.moneyFen} = 0 OR ${t.fundId} IS NOT NULL)`),
  ],
);
