import { and, eq, ne, sql } from 'drizzle-orm';
import { ID_CARD_SHAPE, maskIdCard, maskPhone, MOBILE_PATTERN, passwordProblems, type LoginBody, type SessionAnswer } from '@gonghui/contracts';
import type { AppContext } from '../app-context.js';
import { queryRows } from '../db/db-connection.js';
import { AppError, invalid, unauthorized, conflict } from '../http/app-error.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import type { RoleGrant } from '../access/data-scope.js';
import { loginFailures, sessions, users } from './auth.schema.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './password.js';
import { checkTotp, newTotpSecret, otpauthUrl } from './totp.js';
import { resolveLoginName } from './login-resolvers.js';
import { createSession, deleteSession, grantsSql, type AuthContext, type SessionStage } from './session.service.js';

const FAILURE_WINDOW_MIN = 15;
const LOCK_MINUTES = 30;
const MAX_FAILURES = 5;
const MAX_MFA_FAILURES = 5;

type UserRow = typeof users.$inferSelect;

export function sessionAnswer(ctx: AppContext, auth: AuthContext): SessionAnswer {
  return {
    user: { ...auth.user, roles: auth.grants.map((g) => g.code), permissions: [...auth.permissions].sort() },
    csrfToken: auth.csrfToken,
    mfaSetupRequired: auth.stage === 'mfa_setup',
    passwordChangeRequired: auth.stage === 'password_change',
    demo: ctx.runtime.demo,
    idleTimeoutSeconds: ctx.config.sessionIdleMinutes * 60,
  };
}

async function loadGrants(ctx: AppContext, userId: string): Promise<RoleGrant[]> {
  const [row] = await queryRows<{ roles: RoleGrant[] | string }>(ctx.db, sql`SELECT ${grantsSql(sql`${userId}::uuid`)} AS roles`);
  const roles = row?.roles ?? [];
  return typeof roles === 'string' ? (JSON.parse(roles) as RoleGrant[]) : roles;
}

const mfaNeeded = (ctx: AppContext, grants: RoleGrant[]) => ctx.runtime.mfa && grants.some((g) => g.mfaRequired);

function stageFor(ctx: AppContext, user: UserRow, grants: RoleGrant[]): SessionStage {
  const maxAgeMs = ctx.config.passwordMaxAgeDays * 86_400_000;
  const expired = maxAgeMs > 0 && grants.some((g) => g.passwordExpires) && Date.now() - user.passwordChangedAt.getTime() > maxAgeMs;
  if (user.mustChangePassword || expired) return 'password_change';
  if (mfaNeeded(ctx, grants) && !user.mfaEnabled) return 'mfa_setup';
  return 'full';
}

/** What was typed as the login name, fit for the audit log: a mobile or 身份证 number typed there is masked (security.md 13). */
const typedName = (name: string): string => {
  const v = name.trim().slice(0, 64);
  if (MOBILE_PATTERN.test(v)) return maskPhone(v);
  if (ID_CARD_SHAPE.test(v)) return maskIdCard(v);
  return v;
};

const actorOf = (user: UserRow | undefined, username: string, ip: string): Actor => ({
  userId: user?.id ?? null,
  username: user?.username ?? typedName(username),
  orgId: user?.orgId ?? null,
  ip,
});

/** Counts a failed attempt toward the account lockout and the per-IP limit, and audits it. */
async function registerFailure(ctx: AppContext, user: UserRow | undefined, username: string, ip: string, reason: string): Promise<void> {
  await ctx.db.insert(loginFailures).values({ ip, username: typedName(username) });
  await recordAudit(ctx.db, actorOf(user, username, ip), { action: 'auth.login_failed', result: 'failure', objectType: 'user', objectId: user?.id, detail: { reason } });
  if (!user) return;
  const [updated] = await ctx.db
    .update(users)
    .set({
      failedCount: sql`CASE WHEN ${users.failedWindowStart} IS NULL OR ${users.failedWindowStart} < now() - make_interval(mins => ${FAILURE_WINDOW_MIN}) THEN 1 ELSE ${users.failedCount} + 1 END`,
      failedWindowStart: sql`CASE WHEN ${users.failedWindowStart} IS NULL OR ${users.failedWindowStart} < now() - make_interval(mins => ${FAILURE_WINDOW_MIN}) THEN now() ELSE ${users.failedWindowStart} END`,
    })
    .where(eq(users.id, user.id))
    .returning({ failedCount: users.failedCount });
  if (updated && updated.failedCount >= MAX_FAILURES) {
    await ctx.db
      .update(users)
      .set({ lockedUntil: sql`now() + make_interval(mins => ${LOCK_MINUTES})`, failedCount: 0, failedWindowStart: null })
      .where(eq(users.id, user.id));
    await recordAudit(ctx.db, actorOf(user, username, ip), { action: 'auth.locked', result: 'failure', objectType: 'user', objectId: user.id, detail: { minutes: LOCK_MINUTES } });
  }
}

export interface LoginResult {
  token: string;
  answer: SessionAnswer;
}

export async function login(ctx: AppContext, body: LoginBody, ip: string, userAgent: string | undefined, oldSessionId: string | null): Promise<LoginResult> {
  const [ipRow] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM login_failures WHERE ip = ${ip} AND at > now() - make_interval(mins => ${FAILURE_WINDOW_MIN})`,
  );
  if ((ipRow?.n ?? 0) >= ctx.config.ipFailedLoginLimit) {
    await recordAudit(ctx.db, { userId: null, username: typedName(body.username), orgId: null, ip }, { action: 'auth.rate_limited', result: 'denied', detail: { failures: ipRow?.n } });
    throw new AppError(429, '该网络地址登录失败次数过多,请15分钟后再试', 'RATE_LIMITED');
  }
  const byName = async (name: string) => (await ctx.db.select().from(users).where(sql`lower(${users.username}) = lower(${name})`).limit(1))[0];
  let user = await byName(body.username);
  if (!user) {
    const resolved = await resolveLoginName(ctx.db, ctx.crypto, body.username);
    if (resolved) user = await byName(resolved);
  }
  if (!user) {
    await verifyPassword(body.password, await DUMMY_HASH_PROMISE);
    await registerFailure(ctx, undefined, body.username, ip, 'unknown_user');
    throw unauthorized('用户名或密码错误', 'BAD_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await recordAudit(ctx.db, actorOf(user, body.username, ip), { action: 'auth.locked', result: 'denied', objectType: 'user', objectId: user.id, detail: { lockedUntil: user.lockedUntil.toISOString() } });
    throw new AppError(423, '连续登录失败次数过多,账号已锁定30分钟', 'LOCKED');
  }
  if (!(await verifyPassword(body.password, user.passwordHash))) {
    await registerFailure(ctx, user, body.username, ip, 'bad_password');
    throw unauthorized('用户名或密码错误', 'BAD_CREDENTIALS');
  }
  if (user.status !== 'active') {
    await recordAudit(ctx.db, actorOf(user, body.username, ip), { action: 'auth.login_failed', result: 'failure', objectType: 'user', objectId: user.id, detail: { reason: 'disabled' } });
    throw unauthorized('账号已停用,请联系系统管理员', 'ACCOUNT_DISABLED');
  }
  const grants = await loadGrants(ctx, user.id);
  if (mfaNeeded(ctx, grants) && user.mfaEnabled && user.mfaSecret) {
    if (!body.otp) throw unauthorized('请输入动态验证码', 'MFA_REQUIRED');
    const counter = checkTotp(ctx.crypto.decrypt(user.mfaSecret), body.otp);
    if (counter === null || (user.mfaLastCounter !== null && counter <= user.mfaLastCounter)) {
      await registerFailure(ctx, user, body.username, ip, counter === null ? 'bad_otp' : 'reused_otp');
      throw unauthorized(counter === null ? '动态验证码错误' : '该动态验证码已使用过,请等待下一个', 'MFA_REQUIRED');
    }
    await ctx.db.update(users).set({ mfaLastCounter: counter }).where(eq(users.id, user.id));
  }
  const stage = stageFor(ctx, user, grants);
  await ctx.db.update(users).set({ failedCount: 0, failedWindowStart: null, lockedUntil: null, lastLoginAt: sql`now()` }).where(eq(users.id, user.id));
  if (oldSessionId) await deleteSession(ctx.db, oldSessionId);
  const { token, csrfToken } = await createSession(ctx.db, user.id, stage, ip, userAgent);
  await recordAudit(ctx.db, actorOf(user, body.username, ip), { action: 'auth.login', objectType: 'user', objectId: user.id, detail: { stage } });
  const [org] = await queryRows<{ name: string }>(ctx.db, sql`SELECT name FROM orgs WHERE id = ${user.orgId}`);
  const auth: AuthContext = {
    sessionId: '',
    csrfToken,
    stage,
    user: { id: user.id, username: user.username, name: user.name, orgId: user.orgId, orgName: org?.name ?? '', memberId: user.memberId },
    grants,
    permissions: new Set(grants.flatMap((g) => g.permissions)),
    scope: { all: false, subtreeRoots: [], units: [], selfUserId: null, selfMemberId: null },
  };
  return { token, answer: sessionAnswer(ctx, auth) };
}

const requestActor = (auth: AuthContext, ip: string): Actor => ({ userId: auth.user.id, username: auth.user.username, orgId: auth.user.orgId, ip });

export async function mfaSetup(ctx: AppContext, auth: AuthContext): Promise<{ secret: string; otpauthUrl: string }> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, auth.user.id));
  if (!user) throw unauthorized();
  if (user.mfaEnabled) throw conflict('已启用双因素认证;如需更换设备,请联系安全管理员重置', 'MFA_ALREADY_ENABLED');
  const secret = newTotpSecret();
  await ctx.db.update(users).set({ mfaSecret: ctx.crypto.encrypt(secret) }).where(eq(users.id, user.id));
  return { secret, otpauthUrl: otpauthUrl(secret, user.username, '工会工作平台') };
}

export async function mfaConfirm(ctx: AppContext, auth: AuthContext, otp: string, ip: string): Promise<AuthContext> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, auth.user.id));
  if (!user?.mfaSecret) throw conflict('请先获取双因素认证密钥', 'MFA_NOT_SET_UP');
  if (user.mfaEnabled) throw conflict('已启用双因素认证', 'MFA_ALREADY_ENABLED');
  const counter = checkTotp(ctx.crypto.decrypt(user.mfaSecret), otp);
  if (counter === null) {
    const [s] = await ctx.db
      .update(sessions)
      .set({ mfaFailures: sql`${sessions.mfaFailures} + 1` })
      .where(eq(sessions.id, auth.sessionId))
      .returning({ n: sessions.mfaFailures });
    if ((s?.n ?? 0) >= MAX_MFA_FAILURES) {
      await deleteSession(ctx.db, auth.sessionId);
      throw unauthorized('动态验证码连续错误5次,请重新登录', 'MFA_TOO_MANY_FAILURES');
    }
    throw invalid([{ path: 'otp', message: '动态验证码错误' }]);
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ mfaEnabled: true, mfaLastCounter: counter }).where(eq(users.id, user.id));
    await tx.update(sessions).set({ stage: auth.stage === 'mfa_setup' ? 'full' : auth.stage }).where(eq(sessions.id, auth.sessionId));
    await recordAudit(tx, requestActor(auth, ip), { action: 'auth.mfa_enabled', objectType: 'user', objectId: user.id }, true);
  });
  return { ...auth, stage: auth.stage === 'mfa_setup' ? 'full' : auth.stage };
}

export function checkPasswordPolicy(password: string, username: string, path = 'password'): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw invalid(problems.map((message) => ({ path, message })));
}

export async function changePassword(ctx: AppContext, auth: AuthContext, oldPassword: string, newPassword: string, ip: string): Promise<AuthContext> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, auth.user.id));
  if (!user) throw unauthorized();
  if (!(await verifyPassword(oldPassword, user.passwordHash))) throw invalid([{ path: 'oldPassword', message: '原密码不正确' }]);
  checkPasswordPolicy(newPassword, user.username, 'newPassword');
  if (await verifyPassword(newPassword, user.passwordHash)) throw invalid([{ path: 'newPassword', message: '新密码不能与原密码相同' }]);
  const hash = await hashPassword(newPassword);
  const grants = await loadGrants(ctx, user.id);
  const next: SessionStage = mfaNeeded(ctx, grants) && !user.mfaEnabled ? 'mfa_setup' : 'full';
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, passwordChangedAt: sql`now()`, mustChangePassword: false, updatedAt: sql`now()` }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, auth.sessionId)));
    await tx.update(sessions).set({ stage: next }).where(eq(sessions.id, auth.sessionId));
    await recordAudit(tx, requestActor(auth, ip), { action: 'auth.password_changed', objectType: 'user', objectId: user.id }, true);
  });
  return { ...auth, stage: next };
}
