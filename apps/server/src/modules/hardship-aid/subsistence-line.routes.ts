import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { subsistenceSettingsSchema, updateSubsistenceSettingsBodySchema } from '@gonghui/contracts';
import { actorOf } from '../../platform/http/request-helpers.js';
import { subsistenceSettings, updateSubsistenceSettings } from './subsistence-line.service.js';

export async function subsistenceLineRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['春风行动·困难职工档案'];
  r.get('/api/aid/subsistence-lines', { config: { permission: 'aid:household:list' }, schema: { tags, summary: '低保标准(按区县、年度)与困难类型认定规则', response: { 200: subsistenceSettingsSchema } } }, () =>
    subsistenceSettings(app.ctx),
  );
  r.put('/api/aid/subsistence-lines', { config: { permission: 'aid:settings:configure' }, schema: { tags, summary: '设置低保标准与认定规则(下次建档、修改、复核时生效)', body: updateSubsistenceSettingsBodySchema, response: { 200: subsistenceSettingsSchema } } }, (req) =>
    updateSubsistenceSettings(app.ctx, actorOf(req), req.body),
  );
}
