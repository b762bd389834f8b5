import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  idParamSchema,
  okSchema,
  pageOf,
  recuperationBaseBodySchema,
  recuperationBaseListQuerySchema,
  recuperationBaseSchema,
  recuperationPlanBodySchema,
  recuperationPlanSchema,
  recuperationRestedExportQuerySchema,
  recuperationRestedPageSchema,
  recuperationRestedQuerySchema,
  recuperationRouteBodySchema,
  recuperationRouteListQuerySchema,
  recuperationRouteSchema,
  recuperationYearParamSchema,
} from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { createBase, createRoute, deleteBase, deleteRoute, getBase, getRoute, listBases, listRoutes, updateBase, updateRoute } from './recuperation-catalogue.service.js';
import { getPlan, setPlan } from './recuperation-plan.service.js';
import { exportRested, listRested } from './recuperation-rested.service.js';

/** Bases, routes and the year's plan (kept by the city), and who rested this year. */
export async function recuperationCatalogueRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['职工疗休养'];
  const list = { permission: 'recuperation:batch:list' } as const;
  const manage = { permission: 'recuperation:plan:manage' } as const;

  r.get('/api/recuperation/bases', { config: list, schema: { tags, summary: '疗休养基地列表', querystring: recuperationBaseListQuerySchema, response: { 200: pageOf(recuperationBaseSchema) } } }, (req) =>
    listBases(app.ctx, authOf(req), req.query),
  );
  r.post('/api/recuperation/bases', { config: manage, schema: { tags, summary: '新增疗休养基地', body: recuperationBaseBodySchema, response: { 201: recuperationBaseSchema } } }, async (req, reply) =>
    reply.code(201).send(await createBase(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/recuperation/bases/:id', { config: list, schema: { tags, summary: '疗休养基地详情', params: idParamSchema, response: { 200: recuperationBaseSchema } } }, (req) =>
    getBase(app.ctx, authOf(req), req.params.id),
  );
  r.put('/api/recuperation/bases/:id', { config: manage, schema: { tags, summary: '修改疗休养基地(含停用)', params: idParamSchema, body: recuperationBaseBodySchema, response: { 200: recuperationBaseSchema } } }, (req) =>
    updateBase(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/recuperation/bases/:id', { config: manage, schema: { tags, summary: '删除未设线路的基地', params: idParamSchema, response: { 200: okSchema } } }, async (req) => {
    await deleteBase(app.ctx, authOf(req), actorOf(req), req.params.id);
    return { ok: true as const };
  });

  r.get('/api/recuperation/routes', { config: list, schema: { tags, summary: '疗休养线路列表', querystring: recuperationRouteListQuerySchema, response: { 200: pageOf(recuperationRouteSchema) } } }, (req) =>
    listRoutes(app.ctx, authOf(req), req.query),
  );
  r.post('/api/recuperation/routes', { config: manage, schema: { tags, summary: '新增线路(含路途不超过5天,补助每人每天不超过600元)', body: recuperationRouteBodySchema, response: { 201: recuperationRouteSchema } } }, async (req, reply) =>
    reply.code(201).send(await createRoute(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/recuperation/routes/:id', { config: list, schema: { tags, summary: '线路详情', params: idParamSchema, response: { 200: recuperationRouteSchema } } }, (req) =>
    getRoute(app.ctx, authOf(req), req.params.id),
  );
  r.put('/api/recuperation/routes/:id', { config: manage, schema: { tags, summary: '修改线路(已有批次保持原天数与标准)', params: idParamSchema, body: recuperationRouteBodySchema, response: { 200: recuperationRouteSchema } } }, (req) =>
    updateRoute(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.delete('/api/recuperation/routes/:id', { config: manage, schema: { tags, summary: '删除未开批次的线路', params: idParamSchema, response: { 200: okSchema } } }, async (req) => {
    await deleteRoute(app.ctx, authOf(req), actorOf(req), req.params.id);
    return { ok: true as const };
  });

  r.get('/api/recuperation/plans/:year', { config: list, schema: { tags, summary: '年度计划(每人每年费用上限、次数)与名额情况', params: recuperationYearParamSchema, response: { 200: recuperationPlanSchema } } }, (req) =>
    getPlan(app.ctx, authOf(req), req.params.year),
  );
  r.put('/api/recuperation/plans/:year', { config: manage, schema: { tags, summary: '设置年度计划(市总工会)', params: recuperationYearParamSchema, body: recuperationPlanBodySchema, response: { 200: recuperationPlanSchema } } }, (req) =>
    setPlan(app.ctx, authOf(req), actorOf(req), req.params.year, req.body),
  );

  r.get('/api/recuperation/rested', { config: list, schema: { tags, summary: '本年度已疗休养人员', querystring: recuperationRestedQuerySchema, response: { 200: recuperationRestedPageSchema } } }, (req) =>
    listRested(app.ctx, authOf(req), req.query),
  );
  r.get('/api/recuperation/rested/export.xlsx', { config: list, schema: { tags, summary: '导出已疗休养人员(脱敏,审计)', querystring: recuperationRestedExportQuerySchema } }, async (req, reply) => {
    const file = await exportRested(app.ctx, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
}
