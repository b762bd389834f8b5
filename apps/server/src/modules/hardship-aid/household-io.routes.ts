import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { householdExportBodySchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { HOUSEHOLD_EXPORT_JOB, type HouseholdExportPayload } from './household-jobs.js';

/** 导出困难职工档案: always masked (no plain-text variant), as a background job; audited when asked and when done. */
export async function householdIoRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/aid/households/export',
    { config: { permission: 'aid:household:list' }, schema: { tags: ['春风行动·困难职工档案'], summary: '导出困难职工档案(脱敏)', body: householdExportBodySchema, response: { 202: z.object({ jobId: z.string() }) } } },
    async (req, reply) => {
      const auth = authOf(req);
      const payload: HouseholdExportPayload = { userId: auth.user.id, filter: req.body };
      const jobId = await app.ctx.jobs.enqueue(HOUSEHOLD_EXPORT_JOB, { ...payload }, { createdBy: auth.user.id, orgId: auth.user.orgId });
      await recordAudit(app.ctx.db, actorOf(req), { action: 'data.export', objectType: 'hardship_household', objectId: jobId, detail: { requested: true, filter: { ...req.body, q: req.body.q ? '(已记录)' : null } } });
      return reply.code(202).send({ jobId });
    },
  );
}
