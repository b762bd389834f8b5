import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { financeSettingsBodySchema, financeSettingsSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { getFinanceSettings, updateFinanceSettings } from './finance-settings.service.js';

/** 经费分成设置: the 工会经费 rate, the split between the levels, the due day (set by the city). */
export async function financeSettingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['工会经费'];
  r.get('/api/finance/settings', { config: { permission: 'finance:contribution:list' }, schema: { tags, summary: '经费分成设置(拨缴比例、各级分成、截止日)', response: { 200: financeSettingsSchema } } }, (req) =>
    getFinanceSettings(db, authOf(req)),
  );
  r.put('/api/finance/settings', { config: { permission: 'finance:settings:configure' }, schema: { tags, summary: '修改经费分成设置(各级合计100%)', body: financeSettingsBodySchema, response: { 200: financeSettingsSchema } } }, (req) =>
    updateFinanceSettings(db, authOf(req), actorOf(req), req.body),
  );
}
