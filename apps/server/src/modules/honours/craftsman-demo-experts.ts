import { eq } from 'drizzle-orm';
import { roles } from '../../platform/access/access.schema.js';
import { replaceUserRoles } from '../../platform/access/role.repository.js';
import { users } from '../../platform/auth/auth.schema.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Db } from '../../platform/db/db-connection.js';
import { DEMO_PASSWORD } from '../../seed/demo-orgs.data.js';

/** The 综合评审 panel's demo accounts (password as every demo account): expert1 … expert5. */
export const DEMO_EXPERT_ACCOUNTS = [
  { username: 'expert1', name: '王立群' },
  { username: 'expert2', name: '陈建华' },
  { username: 'expert3', name: '李秀英' },
  { username: 'expert4', name: '周国平' },
  { username: 'expert5', name: '吴晓东' },
];

/**
 * A role for the experts of the 杭州工匠 综合评审 (defined as security staff would: see and score the
 * nominations, nothing else) and the panel's accounts at the city federation.
 */
export async function seedExpertAccounts(db: Db, cityOrgId: string): Promise<string[]> {
  const [role] = await db
    .insert(roles)
    .values({ code: 'craftsman_expert', name: '杭州工匠评审专家', kind: 'business', scope: 'all', permissions: ['dashboard:home:view', 'honours:craftsman:list', 'honours:craftsman:score'], description: '杭州工匠综合评审专家:查看推荐材料并评分' })
    .onConflictDoNothing({ target: roles.code })
    .returning();
  const roleRow = role ?? (await db.select().from(roles).where(eq(roles.code, 'craftsman_expert')))[0]!;
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_EXPERT_ACCOUNTS) {
    await db.transaction(async (tx) => {
      const [u] = await tx.insert(users).values({ username: a.username, name: a.name, orgId: cityOrgId, passwordHash: hash }).returning({ id: users.id });
      await replaceUserRoles(tx, u!.id, 'business', [roleRow], null);
    });
  }
  return DEMO_EXPERT_ACCOUNTS.map((a) => a.username);
}
