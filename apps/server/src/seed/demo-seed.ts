import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/db-connection.js';
import type { FieldCrypto } from '../platform/crypto/field-crypto.js';
import { orgs } from '../platform/org/org.schema.js';
import { users } from '../platform/auth/auth.schema.js';
import { rebuildClosure, nextOrgCode } from '../platform/org/org.repository.js';
import { rolesByCodes, replaceUserRoles } from '../platform/access/role.repository.js';
import { hashPassword } from '../platform/auth/password.js';
import { getSetting, setSetting } from '../platform/db/settings.repository.js';
import { DEMO_ACCOUNTS, DEMO_INDUSTRY_UNIONS, DEMO_PASSWORD, DEMO_STREETS } from './demo-orgs.data.js';

/** A module's demo data: runs once, in order, after the organisations and accounts exist. */
export interface DemoSeedContext {
  db: Db;
  crypto: FieldCrypto;
}
export type DemoSeeder = (ctx: DemoSeedContext) => Promise<void>;
const seeders: { name: string; run: DemoSeeder }[] = [];

export function registerDemoSeeder(name: string, run: DemoSeeder): void {
  seeders.push({ name, run });
}

async function seedOrgs(db: Db): Promise<void> {
  const districts = await db.select().from(orgs).where(eq(orgs.kind, 'district'));
  await db.transaction(async (tx) => {
    const created: string[] = [];
    const industryByName = new Map<string, string>();
    for (const d of districts) {
      for (const name of DEMO_INDUSTRY_UNIONS[d.code] ?? []) {
        const [row] = await tx
          .insert(orgs)
          .values({ code: await nextOrgCode(tx, d.divisionCode!), name, kind: 'industry', divisionCode: d.divisionCode, parentId: d.id })
          .returning({ id: orgs.id });
        industryByName.set(name, row!.id);
        created.push(row!.id);
      }
    }
    for (const d of districts) {
      for (const [si, street] of (DEMO_STREETS[d.code] ?? []).entries()) {
        const [s] = await tx
          .insert(orgs)
          .values({ code: await nextOrgCode(tx, d.divisionCode!), name: street.name, kind: 'street', divisionCode: d.divisionCode, parentId: d.id, sort: si })
          .returning({ id: orgs.id });
        created.push(s!.id);
        for (const [gi, u] of street.unions.entries()) {
          const [g] = await tx
            .insert(orgs)
            .values({
              code: await nextOrgCode(tx, d.divisionCode!),
              name: u.name,
              kind: 'grassroots',
              unionType: u.unionType,
              divisionCode: d.divisionCode,
              parentId: s!.id,
              industryParentId: u.industry ? (industryByName.get(u.industry) ?? null) : null,
              sort: gi,
            })
            .returning({ id: orgs.id });
          created.push(g!.id);
        }
      }
    }
    await rebuildClosure(tx, created);
  });
}

async function seedAccounts(db: Db): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, a.org));
    if (!org) throw new Error(`演示数据缺少组织 ${a.org}`);
    const roleRows = await rolesByCodes(db, [a.role]);
    await db.transaction(async (tx) => {
      const [u] = await tx.insert(users).values({ username: a.username, name: a.name, orgId: org.id, passwordHash: hash }).returning({ id: users.id });
      await replaceUserRoles(tx, u!.id, 'business', roleRows, null);
    });
  }
}

/** Seeds the demo organisations, accounts and every module's demo data, once. */
export async function seedDemo(db: Db, crypto: FieldCrypto): Promise<boolean> {
  if (await getSetting<boolean>(db, 'demo.seeded')) return false;
  await seedOrgs(db);
  await seedAccounts(db);
  for (const s of seeders) await s.run({ db, crypto });
  await setSetting(db, 'demo.seeded', true);
  return true;
}
