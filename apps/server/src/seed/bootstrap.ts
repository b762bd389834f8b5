import { eq, sql } from 'drizzle-orm';
import { BUILTIN_ROLES, type PlatformRoleCode } from '@gonghui/contracts';
import type { CityConfig } from '../config/config.js';
import type { Db } from '../platform/db/db-connection.js';
import { roles } from '../platform/access/access.schema.js';
import { users } from '../platform/auth/auth.schema.js';
import { orgs } from '../platform/org/org.schema.js';
import { rebuildClosure } from '../platform/org/org.repository.js';
import { replaceUserRoles } from '../platform/access/role.repository.js';
import { hashPassword } from '../platform/auth/password.js';

/** Upserts the built-in roles, so a new release's permission codes reach existing databases. */
export async function ensureBuiltinRoles(db: Db): Promise<void> {
  for (const r of BUILTIN_ROLES) {
    const values = {
      name: r.name,
      kind: r.kind,
      scope: r.scope,
      builtin: true,
      mfaRequired: r.mfaRequired,
      passwordExpires: r.passwordExpires,
      permissions: r.permissions,
      description: r.description,
    };
    await db
      .insert(roles)
      .values({ code: r.code, ...values })
      .onConflictDoUpdate({ target: roles.code, set: { ...values, updatedAt: sql`now()` } });
  }
}

/** On an empty database: the city federation and its 区县(市) unions, from configuration. */
export async function ensureCityTree(db: Db, city: CityConfig): Promise<string> {
  const [existing] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.kind, 'city'));
  if (existing) return existing.id;
  return db.transaction(async (tx) => {
    const [root] = await tx
      .insert(orgs)
      .values({ code: city.divisionCode, name: city.federationName, kind: 'city', divisionCode: city.divisionCode })
      .returning({ id: orgs.id });
    const districts = await tx
      .insert(orgs)
      .values(
        city.districts.map((d, i) => ({
          code: d.code,
          name: `${d.name}${city.districtSuffix}`,
          kind: 'district',
          divisionCode: d.code,
          parentId: root!.id,
          sort: i,
        })),
      )
      .returning({ id: orgs.id });
    await rebuildClosure(tx, [root!.id, ...districts.map((d) => d.id)]);
    return root!.id;
  });
}

export const PLATFORM_ACCOUNTS: { username: string; name: string; role: PlatformRoleCode }[] = [
  { username: 'sysadmin', name: '系统管理员', role: 'sys_admin' },
  { username: 'secadmin', name: '安全管理员', role: 'security_admin' },
  { username: 'auditor', name: '审计管理员', role: 'audit_admin' },
];

/** Creates the three platform accounts when missing; answers which were created. */
export async function ensurePlatformAccounts(db: Db, cityOrgId: string, password: string, mustChange: boolean): Promise<string[]> {
  const created: string[] = [];
  for (const a of PLATFORM_ACCOUNTS) {
    const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.username, a.username));
    if (exists) continue;
    // a salt of its own per account: equal hashes would tell that the accounts share a password
    const hash = await hashPassword(password);
    await db.transaction(async (tx) => {
      const [u] = await tx.insert(users).values({ username: a.username, name: a.name, orgId: cityOrgId, passwordHash: hash, mustChangePassword: mustChange }).returning({ id: users.id });
      const [role] = await tx.select().from(roles).where(eq(roles.code, a.role));
      await replaceUserRoles(tx, u!.id, 'platform', [role!], null);
    });
    created.push(a.username);
  }
  return created;
}
