import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { donationBodySchema, donationExportBodySchema, donationListQuerySchema, donationPageSchema, donationSchema, idParamSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { visibleCampaign } from './campaign.service.js';
import { getDonation, listDonations, recordDonation } from './donation.service.js';
import { DONATION_EXPORT_JOB, type DonationExportPayload } from './donation-jobs.js';

const jobAccepted = z.object({ jobId: z.string() });

/** 春风行动捐款: the list (scoped by the receiving union), 登记捐款 into the campaign's fund, export. */
export async function donationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['春风行动·捐款'];
  r.get('/api/aid/campaigns/:id/donations', { config: { permission: 'aid:campaign:view' }, schema: { tags, summary: '捐款列表(本单位及下级接收的)', params: idParamSchema, querystring: donationListQuerySchema, response: { 200: donationPageSchema } } }, (req) =>
    listDonations(app.ctx, authOf(req), req.params.id, req.query),
  );
  r.post('/api/aid/campaigns/:id/donations', { config: { permission: 'aid:donation:record' }, schema: { tags, summary: '登记捐款(按收据编号入账一次,重复为409)', params: idParamSchema, body: donationBodySchema, response: { 201: donationSchema } } }, async (req, reply) =>
    reply.code(201).send(await recordDonation(app.ctx, authOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.get('/api/aid/donations/:id', { config: { permission: 'aid:campaign:view' }, schema: { tags, summary: '捐款详情', params: idParamSchema, response: { 200: donationSchema } } }, (req) => getDonation(app.ctx, authOf(req), req.params.id));
  r.post('/api/aid/campaigns/:id/donations/export', { config: { permission: 'aid:campaign:view' }, schema: { tags, summary: '导出捐款名单(xlsx,后台任务)', params: idParamSchema, body: donationExportBodySchema, response: { 202: jobAccepted } } }, async (req, reply) => {
    const auth = authOf(req);
    await visibleCampaign(app.ctx, auth, req.params.id);
    const payload: DonationExportPayload = { userId: auth.user.id, campaignId: req.params.id, q: req.body.q, donorType: req.body.donorType };
    const jobId = await app.ctx.jobs.enqueue(DONATION_EXPORT_JOB, { ...payload }, { createdBy: auth.user.id, orgId: auth.user.orgId, maxAttempts: 3 });
    await recordAudit(app.ctx.db, actorOf(req), { action: 'data.export', objectType: 'aid_donation', objectId: jobId, detail: { requested: true, campaignId: req.params.id, q: req.body.q ?? null, donorType: req.body.donorType ?? null } });
    return reply.code(202).send({ jobId });
  });
}
