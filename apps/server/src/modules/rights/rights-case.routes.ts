import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  hotlineRightsCaseBodySchema,
  idParamSchema,
  rightsAcceptBodySchema,
  rightsCampaignQuerySchema,
  rightsCampaignSchema,
  rightsCasePageSchema,
  rightsCaseSchema,
  rightsCloseBodySchema,
  rightsListQuerySchema,
  rightsOptionsSchema,
  rightsStepBodySchema,
  hazardEnterpriseOptionSchema,
  hazardEnterpriseQuerySchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { exportRightsCases, rightsCampaign } from './rights-campaign.service.js';
import { findEnterprises } from '../hazards/hazard.service.js';
import { districtOptions } from './rights-case.repository.js';
import { fileHotlineCase, getRightsCase, listRightsCases } from './rights-case.service.js';
import { acceptRightsCase, addRightsStep, closeRightsCase } from './rights-handling.service.js';

/** 维权案件, staff side: 12351 intake, list, detail, export, 春节前欠薪专项, acceptance, steps, closure (the H5 side: rights-member.routes.ts). */
export async function rightsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['维权案件'];
  const list = { permission: 'rights:case:list' } as const;
  const handle = { permission: 'rights:case:handle' } as const;
  const exportQuery = rightsListQuerySchema.omit({ page: true, pageSize: true });
  r.get('/api/rights/cases', { config: list, schema: { tags, summary: '维权案件列表(类别、状态、紧急程度、区县、超期筛选,分页)', querystring: rightsListQuerySchema, response: { 200: rightsCasePageSchema } } }, (req) =>
    listRightsCases(app.ctx, authOf(req), req.query),
  );
  r.get('/api/rights/cases/export.xlsx', { config: list, schema: { tags, summary: '导出维权案件(按筛选条件,电话脱敏,审计)', querystring: exportQuery } }, async (req, reply) => {
    const file = await exportRightsCases(app.ctx, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.get('/api/rights/campaign', { config: list, schema: { tags, summary: '春节前欠薪专项:按区县(市)的在办欠薪案件、涉及人数、诉求与追回金额', querystring: rightsCampaignQuerySchema, response: { 200: rightsCampaignSchema } } }, (req) =>
    rightsCampaign(app.ctx, authOf(req), req.query),
  );
  r.get('/api/rights/options', { config: { permission: 'rights:case:intake' }, schema: { tags, summary: '登记表单选项:区县(市)总工会', response: { 200: rightsOptionsSchema } } }, async () => ({
    districts: (await districtOptions(app.ctx.db)).map((d) => ({ id: d.id, name: d.name })),
  }));
  r.get('/api/rights/enterprises', { config: { permission: 'rights:case:intake' }, schema: { tags, summary: '按名称或统一社会信用代码查找用人单位(企业名录)', querystring: hazardEnterpriseQuerySchema, response: { 200: z.array(hazardEnterpriseOptionSchema) } } }, (req) =>
    findEnterprises(app.ctx, req.query.q),
  );
  r.post('/api/rights/cases', { config: { permission: 'rights:case:intake' }, schema: { tags, summary: '12351热线来电登记(按用人单位所在地分派区县总工会)', body: hotlineRightsCaseBodySchema, response: { 201: rightsCaseSchema } } }, async (req, reply) =>
    reply.code(201).send(await fileHotlineCase(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/rights/cases/:id', { config: list, schema: { tags, summary: '案件详情:办理记录、时间线、可执行操作', params: idParamSchema, response: { 200: rightsCaseSchema } } }, (req) =>
    getRightsCase(app.ctx, authOf(req), req.params.id),
  );
  r.post('/api/rights/cases/:id/accept', { config: handle, schema: { tags, summary: '受理或不予受理(理由告知职工)', params: idParamSchema, body: rightsAcceptBodySchema, response: { 200: rightsCaseSchema } } }, (req) =>
    acceptRightsCase(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/rights/cases/:id/steps', { config: handle, schema: { tags, summary: '登记办理:咨询解答、调解、法律援助转介、仲裁支持', params: idParamSchema, body: rightsStepBodySchema, response: { 200: rightsCaseSchema } } }, (req) =>
    addRightsStep(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/rights/cases/:id/close', { config: handle, schema: { tags, summary: '结案:办理结果、追回金额(分)、兑付人数', params: idParamSchema, body: rightsCloseBodySchema, response: { 200: rightsCaseSchema } } }, (req) =>
    closeRightsCase(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
