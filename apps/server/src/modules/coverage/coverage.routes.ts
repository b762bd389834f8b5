import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { coverageChildrenSchema, coverageSchema, idParamSchema } from '@gonghui/contracts';
import { authOf } from '../../platform/http/request-helpers.js';
import { coverageChildren, orgCoverage } from './coverage.service.js';
import { coverageSettingsRoutes } from './coverage-settings.routes.js';

export async function coverageRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['组织覆盖'];
  r.get('/api/orgs/:id/coverage', { config: { permission: 'coverage:coverage:view' }, schema: { tags, summary: '建会率、入会率(组织及其下级)', params: idParamSchema, response: { 200: coverageSchema } } }, (req) =>
    orgCoverage(app.ctx, authOf(req), req.params.id),
  );
  r.get('/api/orgs/:id/coverage/children', { config: { permission: 'coverage:coverage:view' }, schema: { tags, summary: '逐级下钻:下级组织的覆盖情况', params: idParamSchema, response: { 200: coverageChildrenSchema } } }, (req) =>
    coverageChildren(app.ctx, authOf(req), req.params.id),
  );
  await app.register(coverageSettingsRoutes);
}
