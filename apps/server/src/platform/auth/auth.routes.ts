import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordBodySchema, loginBodySchema, mfaConfirmBodySchema, mfaSetupAnswerSchema, sessionAnswerSchema } from '@gonghui/contracts';
import { recordAudit } from '../audit/audit.service.js';
import { actorOf, authOf } from '../http/request-helpers.js';
import { changePassword, login, mfaConfirm, mfaSetup, sessionAnswer } from './auth.service.js';
import { deleteSession, hashToken, SESSION_COOKIE } from './session.service.js';

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['登录与会话'];
  r.post('/api/auth/login', { config: { permission: 'public' }, schema: { tags, summary: '登录(密码 + 动态验证码)', body: loginBodySchema, response: { 200: sessionAnswerSchema } } }, async (req, reply) => {
    const old = req.cookies[SESSION_COOKIE];
    const result = await login(app.ctx, req.body, req.ip, req.headers['user-agent'], old ? hashToken(old) : null);
    setSessionCookie(req, reply, result.token);
    return result.answer;
  });
  r.post('/api/auth/logout', { config: { permission: 'authenticated', allowRestricted: true }, schema: { tags, summary: '退出登录' } }, async (req, reply) => {
    const auth = authOf(req);
    await deleteSession(app.ctx.db, auth.sessionId);
    await recordAudit(app.ctx.db, actorOf(req), { action: 'auth.logout', objectType: 'user', objectId: auth.user.id });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
  r.get('/api/auth/me', { config: { permission: 'authenticated', allowRestricted: true }, schema: { tags, summary: '当前用户与会话', response: { 200: sessionAnswerSchema } } }, (req) =>
    sessionAnswer(app.ctx, authOf(req)),
  );
  r.post('/api/auth/mfa/setup', { config: { permission: 'authenticated', allowRestricted: true }, schema: { tags, summary: '获取 TOTP 密钥(绑定双因素认证)', response: { 200: mfaSetupAnswerSchema } } }, (req) =>
    mfaSetup(app.ctx, authOf(req)),
  );
  r.post('/api/auth/mfa/confirm', { config: { permission: 'authenticated', allowRestricted: true }, schema: { tags, summary: '确认绑定双因素认证', body: mfaConfirmBodySchema, response: { 200: sessionAnswerSchema } } }, async (req) =>
    sessionAnswer(app.ctx, await mfaConfirm(app.ctx, authOf(req), req.body.otp, req.ip)),
  );
  r.post('/api/auth/password', { config: { permission: 'authenticated', allowRestricted: true }, schema: { tags, summary: '修改密码', body: changePasswordBodySchema, response: { 200: sessionAnswerSchema } } }, async (req) =>
    sessionAnswer(app.ctx, await changePassword(app.ctx, authOf(req), req.body.oldPassword, req.body.newPassword, req.ip)),
  );
}
