import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/audit.service.js';
import { SESSION_COOKIE } from '../auth/session.service.js';
import { resolveSessionCached, SessionCache } from '../auth/session-cache.js';
import { AppError, forbidden, unauthorized } from '../http/app-error.js';
import { actorOf } from '../http/request-helpers.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function deny(app: FastifyInstance, req: FastifyRequest, reason: string, detail: string, code: string): Promise<never> {
  await recordAudit(app.ctx.db, actorOf(req), {
    action: 'access.denied',
    result: 'denied',
    objectType: 'route',
    objectId: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`,
    detail: { reason },
  });
  throw forbidden(detail, code);
}

/**
 * The first of the three questions, answered for every request before validation: who is calling
 * (session), may they call this route (permission code), and is the CSRF token right. A route
 * that declares no permission is refused: access fails closed.
 *
 * Sessions are resolved through a short-lived cache (session-cache.ts) that every state-changing
 * request empties once handled, before its answer goes out: a logout, a revoked role, a password
 * change or a disabled account applies to the next request in this process; another process sees
 * it within `sessionCacheMs`.
 */
export function installAccessGuard(app: FastifyInstance): void {
  const sessions = new SessionCache(app.ctx.config.sessionCacheMs);
  const forgetSessionsAfterChange = async (req: FastifyRequest): Promise<void> => {
    if (!SAFE_METHODS.has(req.method)) sessions.clear();
  };
  app.decorateRequest('auth', null);
  app.addHook('onSend', forgetSessionsAfterChange);
  app.addHook('onResponse', forgetSessionsAfterChange);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const permission = req.routeOptions.config?.permission;
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await resolveSessionCached(app.ctx, sessions, token) : null;
    if (permission === 'public') return;
    // unknown routes answer 404 to a logged-in caller; an anonymous caller learns nothing of the route map
    if (req.is404 && req.auth) return;
    if (!req.auth) throw unauthorized(token ? '登录已过期,请重新登录' : '请先登录', token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.auth.csrfToken) {
      await deny(app, req, 'csrf', '缺少或错误的 CSRF 令牌,请刷新页面后重试', 'CSRF');
    }
    if (permission === undefined) await deny(app, req, 'no_permission_declared', '该接口未声明权限,已拒绝访问', 'NO_PERMISSION_DECLARED');
    if (req.auth.stage !== 'full' && !req.routeOptions.config.allowRestricted) {
      throw new AppError(
        403,
        req.auth.stage === 'mfa_setup' ? '请先完成双因素认证绑定' : '请先修改密码',
        req.auth.stage === 'mfa_setup' ? 'MFA_SETUP_REQUIRED' : 'PASSWORD_CHANGE_REQUIRED',
      );
    }
    if (permission !== 'authenticated' && !req.auth.permissions.has(permission!)) {
      await deny(app, req, `missing ${permission}`, '您没有执行此操作的权限', 'FORBIDDEN');
    }
  });
}
