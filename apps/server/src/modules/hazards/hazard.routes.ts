import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  hazardCloseBodySchema,
  hazardListQuerySchema,
  hazardPageSchema,
  hazardRectifyBodySchema,
  hazardReviewBodySchema,
  hazardSchema,
  hazardStatsSchema,
  hazardVerifyBodySchema,
  idParamSchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { closeHazard, rectifyHazard, reviewHazard, verifyHazard } from './hazard-handling.service.js';
import { hazardPhotoRoutes } from './hazard-photos.js';
import { exportHazards, hazardStats } from './hazard-stats.js';
import { getHazard, listHazards } from './hazard.service.js';
import { hazardMemberRoutes } from './hazard-member.routes.js';

/** 安全隐患随手拍, staff side: list, detail, statistics, export, review, rectification, verification, 销号; and the H5 side. */
export async function hazardRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['安全隐患随手拍'];
  const list = { permission: 'hazard:report:list' } as const;
  const exportQuery = hazardListQuerySchema.omit({ page: true, pageSize: true });
  r.get('/api/hazards', { config: list, schema: { tags, summary: '隐患报告列表(筛选、分页)', querystring: hazardListQuerySchema, response: { 200: hazardPageSchema } } }, (req) => listHazards(app.ctx, authOf(req), req.query));
  r.get('/api/hazards/stats', { config: list, schema: { tags, summary: '按区县(市)与隐患等级统计:上报、受理、整改、逾期', response: { 200: hazardStatsSchema } } }, (req) => hazardStats(app.ctx, authOf(req)));
  r.get('/api/hazards/export.xlsx', { config: list, schema: { tags, summary: '导出隐患报告(按筛选条件,审计)', querystring: exportQuery } }, async (req, reply) => {
    const file = await exportHazards(app.ctx, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.get('/api/hazards/:id', { config: list, schema: { tags, summary: '隐患详情:照片、审核时间线、整改记录、可执行操作', params: idParamSchema, response: { 200: hazardSchema } } }, (req) => getHazard(app.ctx, authOf(req), req.params.id));
  r.post(
    '/api/hazards/:id/review',
    { config: { permission: 'hazard:report:review' }, schema: { tags, summary: '审核:受理(定级、整改责任单位、整改期限/工作日)或不予受理(理由告知上报人)', params: idParamSchema, body: hazardReviewBodySchema, response: { 200: hazardSchema } } },
    (req) => reviewHazard(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/hazards/:id/rectify',
    { config: { permission: 'hazard:report:rectify' }, schema: { tags, summary: '登记整改情况(须先上传整改照片)', params: idParamSchema, body: hazardRectifyBodySchema, response: { 200: hazardSchema } } },
    (req) => rectifyHazard(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.note),
  );
  r.post(
    '/api/hazards/:id/verify',
    { config: { permission: 'hazard:report:verify' }, schema: { tags, summary: '验收:通过(上报人获得积分,只发一次)或退回整改', params: idParamSchema, body: hazardVerifyBodySchema, response: { 200: hazardSchema } } },
    (req) => verifyHazard(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/api/hazards/:id/close',
    { config: { permission: 'hazard:report:verify' }, schema: { tags, summary: '销号', params: idParamSchema, body: hazardCloseBodySchema, response: { 200: hazardSchema } } },
    (req) => closeHazard(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.note),
  );
  hazardPhotoRoutes(app, app.ctx);
  hazardMemberRoutes(app);
}
