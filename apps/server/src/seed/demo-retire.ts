import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/db-connection.js';
import { sessions, users } from '../platform/auth/auth.schema.js';
import { hashPassword, verifyPassword } from '../platform/auth/password.js';
import { DEMO_PASSWORD } from './demo-orgs.data.js';

const PLATFORM_USERNAMES = ['sysadmin', 'secadmin', 'auditor'];

/**
 * A database that ran in demo mode and now starts outside it keeps no account on the published demo
 * password (security.md 5): the platform accounts get `password` (to be changed at first login), every
 * other such account is disabled until a sys_admin resets it. Seeds share one hash per password, so
 * each distinct hash is checked once. Answers the lines to print.
 */
export async function retireDemoPasswords(db: Db, password: string): Promise<string[]> {
  const hashes = await db.selectDistinct({ hash: users.passwordHash }).from(users);
  const known: string[] = [];
  for (const { hash } of hashes) if (await verifyPassword(DEMO_PASSWORD, hash)) known.push(hash);
  if (!known.length) return [];
  const affected = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.passwordHash, known));
  const platform = affected.filter((u) => PLATFORM_USERNAMES.includes(u.username));
  const others = affected.filter((u) => !PLATFORM_USERNAMES.includes(u.username));
  await db.transaction(async (tx) => {
    for (const u of platform) {
      await tx.update(users).set({ passwordHash: await hashPassword(password), mustChangePassword: true, passwordChangedAt: sql`now()` }).where(inArray(users.id, [u.id]));
    }
    if (others.length) await tx.update(users).set({ status: 'disabled', updatedAt: sql`now()` }).where(inArray(users.id, others.map((u) => u.id)));
    await tx.delete(sessions).where(inArray(sessions.userId, affected.map((u) => u.id)));
  });
  const lines: string[] = [];
  if (platform.length) lines.push(`已退出演示模式:平台账号 ${platform.map((u) => u.username).join('、')} 的演示密码已作废,新初始密码(首次登录须修改):${password}`);
  if (others.length) lines.push(`已退出演示模式:${others.length} 个仍使用演示密码的账号已停用,须由系统管理员重置密码后启用。`);
  return lines;
}
