import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignBodySchema, campaignDashboardSchema, campaignOptionsSchema, campaignSchema, campaignStatusBodySchema, idParamSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { campaignOptions, createCampaign, getCampaign, listCampaigns, setCampaignStatus, updateCampaign } from './campaign.service.js';
import { campaignDashboard } from './campaign-dashboard.service.js';
import { donationRoutes } from './donation.routes.js';

/** 春风行动: the yearly campaign, its settings and dashboard (donations in donation.routes). */
export async function campaignRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['春风行动'];
  r.get('/api/aid/campaigns', { config: { permission: 'aid:campaign:view' }, schema: { tags, summary: '春风行动列表(按年度倒序)', response: { 200: z.array(campaignSchema) } } }, (req) => listCampaigns(app.ctx, authOf(req)));
  r.get('/api/aid/campaigns/options', { config: { permission: 'aid:campaign:manage' }, schema: { tags, summary: '活动设置可选项:区县(市)与可用资金', response: { 200: campaignOptionsSchema } } }, (req) =>
    campaignOptions(app.ctx, authOf(req)),
  );
  r.post('/api/aid/campaigns', { config: { permission: 'aid:campaign:manage' }, schema: { tags, summary: '新建年度春风行动(筹备中)', body: campaignBodySchema, response: { 201: campaignSchema } } }, async (req, reply) =>
    reply.code(201).send(await createCampaign(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/aid/campaigns/:id', { config: { permission: 'aid:campaign:view' }, schema: { tags, summary: '活动详情:救助类别、低边家庭范围、资金、各区县目标', params: idParamSchema, response: { 200: campaignSchema } } }, (req) =>
    getCampaign(app.ctx, authOf(req), req.params.id),
  );
  r.put('/api/aid/campaigns/:id', { config: { permission: 'aid:campaign:manage' }, schema: { tags, summary: '修改活动设置(目标整体替换)', params: idParamSchema, body: campaignBodySchema, response: { 200: campaignSchema } } }, (req) =>
    updateCampaign(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/aid/campaigns/:id/status', { config: { permission: 'aid:campaign:manage' }, schema: { tags, summary: '启动或结束活动', params: idParamSchema, body: campaignStatusBodySchema, response: { 200: campaignSchema } } }, (req) =>
    setCampaignStatus(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get('/api/aid/campaigns/:id/dashboard', { config: { permission: 'aid:campaign:view' }, schema: { tags, summary: '活动看板:帮扶户数、金额(按类别、区县、周)与目标、捐款、资金余额', params: idParamSchema, response: { 200: campaignDashboardSchema } } }, (req) =>
    campaignDashboard(app.ctx, authOf(req), req.params.id),
  );
  await app.register(donationRoutes);
}
