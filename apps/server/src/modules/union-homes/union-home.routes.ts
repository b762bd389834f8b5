import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { gradesByDistrictSchema, homeProfileBodySchema, idParamSchema, pageOf, startAssessmentBodySchema, unionHomeListItemSchema, unionHomeListQuerySchema, unionHomeSchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { ensureTemplate } from '../../platform/assessment/assessment-template.service.js';
import { registerAssessmentRoutes } from '../../platform/assessment/assessment.routes.js';
import { unionHomeAssessment } from './union-home-assessment.js';
import { UNION_HOME_TEMPLATE } from './union-home-template.js';
import { unionHomeExportRoute } from './union-home-export.js';
import { getUnionHome, gradesByDistrict, listUnionHomes, saveUnionHome, startHomeAssessment } from './union-home.service.js';

/** 职工之家: homes, profiles, assessments on the shared mechanism, grades by district. The default template is ensured here (idempotent). */
export async function unionHomeRoutes(app: FastifyInstance): Promise<void> {
  await ensureTemplate(app.ctx.db, UNION_HOME_TEMPLATE);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['职工之家'];
  r.get('/api/union-homes', { config: { permission: 'union-home:home:list' }, schema: { tags, summary: '职工之家列表(区县、等级、状态、待复评、名称)', querystring: unionHomeListQuerySchema, response: { 200: pageOf(unionHomeListItemSchema) } } }, (req) =>
    listUnionHomes(db, authOf(req), req.query),
  );
  r.get('/api/union-homes/grades-by-district', { config: { permission: 'union-home:home:list' }, schema: { tags, summary: '各区县职工之家等级分布与待复评数', response: { 200: gradesByDistrictSchema } } }, (req) =>
    gradesByDistrict(db, authOf(req)),
  );
  r.get('/api/union-homes/orgs/:id', { config: { permission: 'union-home:home:list' }, schema: { tags, summary: '职工之家档案(按基层工会):阵地、设施、经费、四有检查、当前考评与历次结果', params: idParamSchema, response: { 200: unionHomeSchema } } }, (req) =>
    getUnionHome(db, authOf(req), req.params.id),
  );
  r.put('/api/union-homes/orgs/:id', { config: { permission: 'union-home:home:manage' }, schema: { tags, summary: '填写或修改职工之家档案', params: idParamSchema, body: homeProfileBodySchema, response: { 200: unionHomeSchema } } }, (req) =>
    saveUnionHome(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/union-homes/orgs/:id/assessments', { config: { permission: 'union-home:home:manage' }, schema: { tags, summary: '开始本年度考评或期满复评(按模板当前版本)', params: idParamSchema, body: startAssessmentBodySchema, response: { 201: z.object({ id: z.string() }) } } }, async (req, reply) =>
    reply.code(201).send(await startHomeAssessment(db, authOf(req), actorOf(req), req.params.id, req.body.cycleYear)),
  );
  registerAssessmentRoutes(app, unionHomeAssessment, '/api/union-homes', tags);
  unionHomeExportRoute(app);
}
