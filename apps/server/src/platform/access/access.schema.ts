import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../org/org.schema.js';
import { users } from '../auth/auth.schema.js';

export const roles = pgTable(
  'roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    scope: text('scope').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    mfaRequired: boolean('mfa_required').notNull().default(false),
    passwordExpires: boolean('password_expires').notNull().default(true),
    permissions: text('permissions').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('roles_id_kind_unique').on(t.id, t.kind),
    check('roles_kind_check', sql`${t.kind} IN ('platform','business')`),
    check('roles_scope_check', sql`${t.scope} IN ('all','custom','unit','unit_and_below','self')`),
  ],
);

export const roleScopeOrgs = pgTable(
  'role_scope_orgs',
  {
    roleId: uuid('role_id').notNull().references(() => roles.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => orgs.id),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.orgId] })],
);

/**
 * role_kind is copied from roles.kind and tied to it by a composite foreign key, so the partial
 * unique index enforces 三权分立 in the database: an account holds at most one platform role.
 */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    roleId: uuid('role_id').notNull(),
    roleKind: text('role_kind').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.roleId] }),
    foreignKey({ columns: [t.roleId, t.roleKind], foreignColumns: [roles.id, roles.kind], name: 'user_roles_role_fk' }).onUpdate('cascade'),
    uniqueIndex('user_roles_one_platform_role').on(t.userId).where(sql`${t.roleKind} = 'platform'`),
  ],
);
