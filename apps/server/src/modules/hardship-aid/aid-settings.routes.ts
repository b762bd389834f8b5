import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { aidSettingsSchema } from '@gonghui/contracts';
import { actorOf } from '../../platform/http/request-helpers.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { setSetting } from '../../platform/db/settings.repository.js';
import { closeEndedPublicity } from '../../platform/workflow/workflow.service.js';
import { CITY_THRESHOLD_SETTING, PUBLICITY_DAYS_SETTING, cityThresholdFen, publicityDays } from './aid-settings.js';
import { aidWorkflow } from './aid-workflow.js';

export async function aidSettingsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['春风行动·设置'];
  r.get('/api/aid/settings', { config: { permission: 'aid:application:list' }, schema: { tags, summary: '市总审批金额与公示天数', response: { 200: aidSettingsSchema } } }, async () => ({
    cityApprovalThresholdFen: await cityThresholdFen(app.ctx.db),
    publicityDays: await publicityDays(app.ctx.db),
  }));
  r.put('/api/aid/settings', { config: { permission: 'aid:settings:configure' }, schema: { tags, summary: '设置市总审批金额与公示天数', body: aidSettingsSchema, response: { 200: aidSettingsSchema } } }, async (req) => {
    await app.ctx.db.transaction(async (tx) => {
      const before = { cityApprovalThresholdFen: await cityThresholdFen(tx), publicityDays: await publicityDays(tx) };
      await setSetting(tx, CITY_THRESHOLD_SETTING, req.body.cityApprovalThresholdFen);
      await setSetting(tx, PUBLICITY_DAYS_SETTING, req.body.publicityDays);
      await recordAudit(tx, actorOf(req), { action: 'data.update', objectType: 'setting', objectId: 'aid', detail: { before, after: req.body } }, true);
    });
    return req.body;
  });
  r.post(
    '/api/aid/publicity/close-ended',
    { config: { permission: 'aid:application:approve' }, schema: { tags, summary: '公示期满的申请转为已批准(后台任务每10分钟也会执行)', response: { 200: z.object({ approved: z.number().int() }) } } },
    async () => ({ approved: await closeEndedPublicity(app.ctx.db, aidWorkflow) }),
  );
}
