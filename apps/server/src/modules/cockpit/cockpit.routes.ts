import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cockpitQuerySchema, cockpitViewSchema } from '@gonghui/contracts';
import { authOf } from '../../platform/http/request-helpers.js';
import { buildCockpitView } from './cockpit.service.js';

export async function cockpitRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/cockpit',
    { config: { permission: 'dashboard:cockpit:view' }, schema: { tags: ['工作驾驶舱'], summary: '工作驾驶舱:组织及下级的年度工作数据', querystring: cockpitQuerySchema, response: { 200: cockpitViewSchema } } },
    (req) => buildCockpitView(app.ctx, authOf(req), req.query),
  );
}
