import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './platform/app-context.js';
import './platform/http/fastify-augment.js';
import type { RegisteredRoute } from './platform/http/fastify-augment.js';
import { installErrorHandler, sendProblem } from './platform/http/error-handler.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installAccessGuard } from './platform/access/access-guard.js';
import { systemRoutes, APP_VERSION } from './platform/http/system.routes.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { userRoutes } from './platform/auth/user.routes.js';
import { roleRoutes } from './platform/access/role.routes.js';
import { orgRoutes } from './platform/org/org.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { jobRoutes } from './platform/jobs/job.routes.js';
import { fileRoutes } from './platform/files/file.routes.js';
import { moduleRoutes } from './modules/module-registry.js';
import { publicityRoutes } from './platform/workflow/publicity.routes.js';
import { notifyRoutes } from './platform/notify/notify.routes.js';
import { ledgerRoutes } from './platform/ledger/ledger.routes.js';
import { loggerOptions } from './platform/http/logger.js';

z.config(z.locales.zhCN());

export interface BuildOptions {
  /** serve apps/web/dist (off in API tests) */
  serveWeb?: boolean;
}

/** Builds the Fastify app from the platform plugins and the module routes. */
export async function buildApp(ctx: Omit<AppContext, 'log'>, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(ctx.config.logLevel),
    bodyLimit: ctx.config.bodyLimitBytes,
    trustProxy: ctx.config.trustProxy,
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' }),
  });
  app.decorate('ctx', { ...ctx, log: app.log });
  const registry: RegisteredRoute[] = [];
  app.decorate('routeRegistry', registry);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    // read lazily: scopes registered later (docs UI, static files) mark their routes after this hook runs
    for (const method of methods) {
      if (method !== 'HEAD') registry.push({ method, url: r.url, get permission() { return r.config?.permission; } });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 20, parts: 25 } });
  await installSecurityHeaders(app);
  installAccessGuard(app);

  await app.register(swagger, {
    openapi: {
      info: { title: '工会工作平台 API', version: APP_VERSION, description: '所有接口均在 /api 下;错误以 application/problem+json 返回。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gh_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  // The docs UI and the web app are public files: routes registered inside these scopes are marked so.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (r) => {
      r.config = { ...(r.config ?? {}), permission: 'public' };
    });
    await scope.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: (csp) => `${csp} frame-ancestors 'none';` });
    if (opts.serveWeb !== false) {
      await scope.register(fastifyStatic, {
        root: ctx.config.webDist,
        prefix: '/',
        index: ['index.html'],
        // hashed assets never change; index.html must be checked on every load so a release takes effect
        setHeaders: (res, path) => {
          res.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }
  });

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(roleRoutes);
  await app.register(orgRoutes);
  await app.register(auditRoutes);
  await app.register(jobRoutes);
  await app.register(fileRoutes);
  await app.register(publicityRoutes);
  await app.register(notifyRoutes);
  await app.register(ledgerRoutes);
  await app.register(moduleRoutes);

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET') return sendProblem(reply, 404, `接口不存在:${req.method} ${req.url.split('?')[0]}`, 'NOT_FOUND');
    // the web app's client-side routes (/login, /system/users …) all load index.html
    const index = join(ctx.config.webDist, 'index.html');
    if (opts.serveWeb !== false && existsSync(index)) return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(readFileSync(index));
    return reply.code(503).type('text/plain; charset=utf-8').send('前端尚未构建:请运行 npm run build');
  });
  return app;
}
