import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid, check, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    unionType: text('union_type'),
    creditCode: text('credit_code'),
    divisionCode: text('division_code'),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgs.id),
    industryParentId: uuid('industry_parent_id').references((): AnyPgColumn => orgs.id),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    status: text('status').notNull().default('active'),
    sort: integer('sort').notNull().default(0),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_parent_idx').on(t.parentId),
    index('orgs_industry_parent_idx').on(t.industryParentId),
    index('orgs_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    check('orgs_kind_check', sql`${t.kind} IN ('city','district','street','industry','grassroots')`),
    check('orgs_union_type_check', sql`${t.unionType} IS NULL OR ${t.unionType} IN ('enterprise','joint','regional','industry')`),
    check('orgs_status_check', sql`${t.status} IN ('active','dissolved')`),
  ],
);

/** Closure table: one row per (ancestor, descendant, relation), depth = shortest path of that relation. */
export const orgClosure = pgTable(
  'org_closure',
  {
    ancestorId: uuid('ancestor_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    descendantId: uuid('descendant_id').notNull().references(() => orgs.id, { onDelete: 'cascade' }),
    depth: integer('depth').notNull(),
    relation: text('relation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId, t.relation] }),
    // (descendant, ancestor): a data-scope check "is this row's org under that root" is one index-only probe
    index('org_closure_descendant_idx').on(t.descendantId, t.ancestorId),
    check('org_closure_relation_check', sql`${t.relation} IN ('territorial','industry')`),
  ],
);
