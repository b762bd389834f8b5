import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';
import { enterprises } from '../enterprises/enterprise.schema.js';

/**
 * A collective contract (集体合同) of one enterprise, or a regional / industry one covering many,
 * negotiated by a union in its tree: negotiating → passed (the vote) → filed with the labour bureau.
 * A renewal is a new contract whose `predecessor_id` names the old one.
 */
export const wageContracts = pgTable(
  'wage_contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    contractType: text('contract_type').notNull(),
    title: text('title').notNull(),
    area: text('area'),
    employerRepresentative: text('employer_representative').notNull(),
    unionRepresentative: text('union_representative').notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }).notNull(),
    wageIncreaseBp: integer('wage_increase_bp').notNull(),
    minimumWageFen: bigint('minimum_wage_fen', { mode: 'number' }).notNull(),
    workersCovered: integer('workers_covered').notNull(),
    note: text('note'),
    status: text('status').notNull().default('negotiating'),
    filedOn: date('filed_on', { mode: 'string' }),
    bureau: text('bureau'),
    filingReference: text('filing_reference'),
    predecessorId: uuid('predecessor_id').references((): AnyPgColumn => wageContracts.id),
    /** when the renewal reminder went out (once per contract) */
    renewalRemindedAt: timestamp('renewal_reminded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('wage_contracts_org_idx').on(t.orgId),
    index('wage_contracts_term_idx').on(t.termEnd),
    uniqueIndex('wage_contracts_predecessor_unique').on(t.predecessorId),
    check('wage_contracts_kind_check', sql`${t.kind} IN ('enterprise','regional','industry')`),
    check('wage_contracts_type_check', sql`${t.contractType} IN ('wage','comprehensive','female')`),
    check('wage_contracts_status_check', sql`${t.status} IN ('negotiating','passed','filed')`),
    check('wage_contracts_term_check', sql`${t.termEnd} >= ${t.termStart} + interval '1 year' - interval '1 day' AND ${t.termEnd} <= ${t.termStart} + interval '3 years' - interval '1 day'`),
    check('wage_contracts_filed_check', sql`${t.status} <> 'filed' OR ${t.filedOn} IS NOT NULL`),
    check('wage_contracts_figures_check', sql`${t.wageIncreaseBp} >= 0 AND ${t.minimumWageFen} >= 0 AND ${t.workersCovered} > 0`),
  ],
);

/** The enterprises a contract covers (one for an enterprise contract). */
export const wageContractEnterprises = pgTable(
  'wage_contract_enterprises',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => wageContracts.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.enterpriseId] }), index('wage_contract_enterprises_enterprise_idx').on(t.enterpriseId)],
);

/** A negotiation round (协商会议): when, where, on what, with what result. */
export const wageRounds = pgTable(
  'wage_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => wageContracts.id, { onDelete: 'cascade' }),
    roundNo: integer('round_no').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    topics: text('topics').notNull(),
    outcome: text('outcome').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wage_rounds_no_unique').on(t.contractId, t.roundNo)],
);

/** The representatives' (or all workers') vote on the draft; a failed vote stays on record. */
export const wageVotes = pgTable(
  'wage_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => wageContracts.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    body: text('body').notNull(),
    representatives: integer('representatives').notNull(),
    present: integer('present').notNull(),
    votesFor: integer('votes_for').notNull(),
    votesAgainst: integer('votes_against').notNull(),
    passed: boolean('passed').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('wage_votes_contract_idx').on(t.contractId),
    check('wage_votes_body_check', sql`${t.body} IN ('congress','assembly')`),
    check('wage_votes_counts_check', sql`${t.present} <= ${t.representatives} AND ${t.votesFor} + ${t.votesAgainst} <= ${t.present} AND ${t.votesFor} >= 0 AND ${t.votesAgainst} >= 0`),
    // 集体合同规定 art. 36: ≥ 2/3 present, and more than half of ALL representatives in favour
    check('wage_votes_rule_check', sql`${t.passed} = (${t.present} * 3 >= ${t.representatives} * 2 AND ${t.votesFor} * 2 > ${t.representatives})`),
  ],
);
