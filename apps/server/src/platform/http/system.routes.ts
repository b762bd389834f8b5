import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthAnswerSchema, systemInfoSchema } from '@gonghui/contracts';
import { calendarWarning } from '../calendar/work-calendar.js';

export const APP_VERSION = '0.1.0';

export async function systemRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['系统'];
  r.get('/api/health', { config: { permission: 'public' }, schema: { tags, summary: '健康检查', response: { 200: healthAnswerSchema } } }, () => ({
    status: 'ok' as const,
    database: app.ctx.dbKind,
  }));
  r.get('/api/system/info', { config: { permission: 'public' }, schema: { tags, summary: '平台信息(登录页使用)', response: { 200: systemInfoSchema } } }, () => ({
    cityName: app.ctx.config.city.cityName,
    demo: app.ctx.runtime.demo,
    mfa: app.ctx.runtime.mfa,
    version: APP_VERSION,
    calendarWarning: calendarWarning(new Date()),
  }));
  r.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () => app.swagger());
}
