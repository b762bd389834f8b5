import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../platform/org/org.schema.js';

/**
 * Enterprises and social organisations (两新组织 among them). org_id is the union that covers the
 * enterprise when it has one, otherwise the territorial union responsible for organising it, so
 * data scope applies to both; union_org_id is set only when it is covered.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    creditCodeChecksumValid: boolean('credit_code_checksum_valid').notNull().default(true),
    creditCodeReviewReason: text('credit_code_review_reason'),
    creditCodeReviewStatus: text('credit_code_review_status'),
    divisionCode: text('division_code').notNull(),
    address: text('address'),
    industry: text('industry'),
    ownership: text('ownership'),
    employeeCount: integer('employee_count').notNull().default(0),
    nonPublic: boolean('non_public').notNull().default(false),
    socialOrganisation: boolean('social_organisation').notNull().default(false),
    platformCompany: boolean('platform_company').notNull().default(false),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
    unionOrgId: uuid('union_org_id').references(() => orgs.id),
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_unique').on(t.creditCode).where(sql`${t.status} = 'active'`),
    index('enterprises_org_idx').on(t.orgId),
    index('enterprises_union_idx').on(t.unionOrgId),
    index('enterprises_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('enterprises_review_idx').on(t.creditCodeReviewStatus),
    check('enterprises_status_check', sql`${t.status} IN ('active','closed')`),
    check('enterprises_review_check', sql`${t.creditCodeReviewStatus} IS NULL OR ${t.creditCodeReviewStatus} IN ('pending','confirmed','rejected')`),
  ],
);
