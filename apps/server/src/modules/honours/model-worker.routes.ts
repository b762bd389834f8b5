import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamSchema,
  modelWorkerBodySchema,
  modelWorkerCareCountSchema,
  modelWorkerCareQuerySchema,
  modelWorkerExportQuerySchema,
  modelWorkerListItemSchema,
  modelWorkerListQuerySchema,
  modelWorkerSchema,
  pageOf,
  placementBodySchema,
  placementParamsSchema,
  placementStatusBodySchema,
  updateModelWorkerBodySchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { createModelWorker, getModelWorker, listModelWorkers, updateModelWorker } from './model-worker.service.js';
import { applyPlacement, changePlacement } from './model-worker-placement.service.js';
import { careCounts, exportModelWorkers } from './model-worker-export.js';

/** 劳模: the registry with honours, the care list (≥ 75 / 鳏寡独居, computed), visits through 送温暖, care-home placement. */
export async function modelWorkerRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['劳模'];
  const list = { permission: 'honours:model-worker:list' } as const;
  const manage = { permission: 'honours:model-worker:manage' } as const;
  const base = '/api/honours/model-workers';

  r.get(base, { config: list, schema: { tags, summary: '劳模名册(级别、区县、关爱对象、在世筛选)', querystring: modelWorkerListQuerySchema, response: { 200: pageOf(modelWorkerListItemSchema) } } }, (req) =>
    listModelWorkers(app.ctx, authOf(req), req.query),
  );
  r.get(`${base}/export.xlsx`, { config: list, schema: { tags, summary: '导出劳模名册(身份证、电话脱敏,审计)', querystring: modelWorkerExportQuerySchema } }, async (req, reply) => {
    const file = await exportModelWorkers(app.ctx, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.get(`${base}/care`, { config: list, schema: { tags, summary: '关爱名单:在世的75岁以上或鳏寡独居劳模,按区县、未慰问或最久未慰问在前', querystring: modelWorkerCareQuerySchema, response: { 200: pageOf(modelWorkerListItemSchema) } } }, (req) =>
    listModelWorkers(app.ctx, authOf(req), { ...req.query, care: req.query.care ?? 'any', alive: 'alive' }, 'care'),
  );
  r.get(`${base}/care/by-district`, { config: list, schema: { tags, summary: '各区县(市)关爱对象、本年慰问与入住申请统计', response: { 200: z.array(modelWorkerCareCountSchema) } } }, (req) => careCounts(app.ctx, authOf(req)));
  r.post(base, { config: manage, schema: { tags, summary: '登记劳模(身份证加密存储,与会员库关联)', body: modelWorkerBodySchema, response: { 201: modelWorkerSchema } } }, async (req, reply) =>
    reply.code(201).send(await createModelWorker(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get(`${base}/:id`, { config: list, schema: { tags, summary: '劳模详情:荣誉、关爱标记、慰问记录、入住申请', params: idParamSchema, response: { 200: modelWorkerSchema } } }, (req) =>
    getModelWorker(app.ctx, authOf(req), req.params.id),
  );
  r.put(`${base}/:id`, { config: manage, schema: { tags, summary: '修改劳模信息与荣誉(身份证、电话留空则不变)', params: idParamSchema, body: updateModelWorkerBodySchema, response: { 200: modelWorkerSchema } } }, (req) =>
    updateModelWorker(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${base}/:id/placements`, { config: manage, schema: { tags, summary: '登记公益性养老机构优先入住申请(仅75岁以上或鳏寡独居的在世劳模)', params: idParamSchema, body: placementBodySchema, response: { 201: modelWorkerSchema } } }, async (req, reply) =>
    reply.code(201).send(await applyPlacement(app.ctx, authOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.post(`${base}/:id/placements/:placementId/status`, { config: manage, schema: { tags, summary: '入住申请进展:已推荐、已入住、未成功(须写明原因)', params: placementParamsSchema, body: placementStatusBodySchema, response: { 200: modelWorkerSchema } } }, (req) =>
    changePlacement(app.ctx, authOf(req), actorOf(req), req.params.id, req.params.placementId, req.body),
  );
}
