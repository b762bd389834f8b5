import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { coverageSettingsSchema, updateCoverageSettingsBodySchema } from '@gonghui/contracts';
import { actorOf } from '../../platform/http/request-helpers.js';
import { coverageSettings, updateCoverageSettings } from './coverage-settings.service.js';

export async function coverageSettingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['组织覆盖'];
  r.get('/api/coverage/settings', { config: { permission: 'coverage:coverage:view' }, schema: { tags, summary: '建会率统计口径(企业规模下限)', response: { 200: coverageSettingsSchema } } }, () =>
    coverageSettings(app.ctx),
  );
  r.put('/api/coverage/settings', { config: { permission: 'coverage:settings:configure' }, schema: { tags, summary: '修改建会率统计口径并重算全部覆盖计数', body: updateCoverageSettingsBodySchema, response: { 200: coverageSettingsSchema } } }, (req) =>
    updateCoverageSettings(app.ctx, actorOf(req), req.body),
  );
}
