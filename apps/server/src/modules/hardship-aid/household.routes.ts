import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createHouseholdBodySchema,
  exitHouseholdBodySchema,
  householdListItemSchema,
  householdListQuerySchema,
  householdSchema,
  idParamSchema,
  pageOf,
  reviewHouseholdBodySchema,
  tierPreviewBodySchema,
  tierResultSchema,
  updateHouseholdBodySchema,
} from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { exitHousehold, reviewHousehold } from './household-lifecycle.service.js';
import { createHousehold, getHousehold, listHouseholds, previewTier, updateHousehold } from './household.service.js';
import { householdIoRoutes } from './household-io.routes.js';
import { subsistenceLineRoutes } from './subsistence-line.routes.js';

/** 困难职工档案: list, detail, 建档, 修改, 复核, 退出, the tier preview; 低保标准 and the export are registered with them. */
export async function householdRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['春风行动·困难职工档案'];
  r.get('/api/aid/households', { config: { permission: 'aid:household:list' }, schema: { tags, summary: '困难职工档案列表(困难类型、状态、待复核、区县、户主姓名)', querystring: householdListQuerySchema, response: { 200: pageOf(householdListItemSchema) } } }, (req) =>
    listHouseholds(app.ctx, authOf(req), req.query),
  );
  r.get('/api/aid/households/:id', { config: { permission: 'aid:household:list' }, schema: { tags, summary: '档案详情:家庭成员、12个月收入、建档复核记录', params: idParamSchema, response: { 200: householdSchema } } }, (req) =>
    getHousehold(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/aid/households', { config: { permission: 'aid:household:manage' }, schema: { tags, summary: '建档(困难类型由服务器按低保标准认定)', body: createHouseholdBodySchema, response: { 201: householdSchema } } }, async (req, reply) =>
    reply.code(201).send(await createHousehold(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.post('/api/aid/households/tier-preview', { config: { permission: 'aid:household:manage' }, schema: { tags, summary: '按所填情况试算困难类型(不保存)', body: tierPreviewBodySchema, response: { 200: tierResultSchema } } }, (req) =>
    previewTier(app.ctx, authOf(req), req.body),
  );
  r.put('/api/aid/households/:id', { config: { permission: 'aid:household:manage' }, schema: { tags, summary: '修改档案(重新认定困难类型)', params: idParamSchema, body: updateHouseholdBodySchema, response: { 200: householdSchema } } }, (req) =>
    updateHousehold(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/aid/households/:id/review', { config: { permission: 'aid:household:manage' }, schema: { tags, summary: '年度复核(重新填报收入;不再符合标准的自动退出)', params: idParamSchema, body: reviewHouseholdBodySchema, response: { 200: householdSchema } } }, (req) =>
    reviewHousehold(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/aid/households/:id/exit', { config: { permission: 'aid:household:manage' }, schema: { tags, summary: '退出档案(须填写原因)', params: idParamSchema, body: exitHouseholdBodySchema, response: { 200: householdSchema } } }, (req) =>
    exitHousehold(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  await householdIoRoutes(app);
  await subsistenceLineRoutes(app);
}
