import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessmentOpinionBodySchema, assessmentSchema, idParamSchema, rateBodySchema, revokeBodySchema, selfAssessmentBodySchema, templateSchema, templateVersionBodySchema } from '@gonghui/contracts';
import { actorOf, authOf } from '../http/request-helpers.js';
import { registerAttachmentRoutes } from '../files/attachment.routes.js';
import type { AssessmentDefinition } from './assessment-definition.js';
import { ASSESSMENT_EVIDENCE_HOST, evidenceAccess } from './assessment-evidence.js';
import { actOnAssessment, confirmAssessment, rateAssessment, revokeAssessment, type FlowAction } from './assessment-review.service.js';
import { reviseTemplate, templateDto } from './assessment-template.service.js';
import { getAssessment, saveSelfAssessment } from './assessment.service.js';
import { findItemInScope } from './assessment.repository.js';
import { templateByCode } from './assessment-template.service.js';

/**
 * The routes of one use of the assessment mechanism under `base` (e.g. /api/union-homes): the
 * template and its versions, an assessment, the self-assessment, ratings, the flow, confirmation,
 * revocation and the evidence of each item.
 */
export function registerAssessmentRoutes(app: FastifyInstance, def: AssessmentDefinition, base: string, tags: string[]): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const a = `${base}/assessments/:id`;
  r.get(`${base}/template`, { config: { permission: def.listPermission }, schema: { tags, summary: `${def.label}考评模板与各版本(指标、等级线、评分规则)`, response: { 200: templateSchema } } }, (req) =>
    templateDto(db, authOf(req), def.templateCode),
  );
  r.post(`${base}/template/versions`, { config: { permission: 'assessment:template:manage' }, schema: { tags, summary: '发布模板新版本(已开始的考评仍按原版本)', body: templateVersionBodySchema, response: { 201: templateSchema } } }, async (req, reply) =>
    reply.code(201).send(await reviseTemplate(db, authOf(req), actorOf(req), def.templateCode, req.body)),
  );
  r.get(a, { config: { permission: def.listPermission }, schema: { tags, summary: '考评详情:逐项自评、佐证材料、评分、等级与审核记录', params: idParamSchema, response: { 200: assessmentSchema } } }, (req) =>
    getAssessment(db, def, authOf(req), req.params.id),
  );
  r.put(`${a}/self`, { config: { permission: def.filePermission }, schema: { tags, summary: '保存自评(草稿或退回时,被考评单位)', params: idParamSchema, body: selfAssessmentBodySchema, response: { 200: assessmentSchema } } }, (req) =>
    saveSelfAssessment(db, def, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${a}/ratings`, { config: { permission: def.reviewPermission }, schema: { tags, summary: '逐项评分与意见(上级工会评审人,可多人)', params: idParamSchema, body: rateBodySchema, response: { 200: assessmentSchema } } }, (req) =>
    rateAssessment(db, def, authOf(req), actorOf(req), req.params.id, req.body),
  );
  const flow: { action: FlowAction; summary: string; permission: AssessmentDefinition['filePermission'] }[] = [
    { action: 'submit', summary: '提交自评', permission: def.filePermission },
    { action: 'withdraw', summary: '撤回考评', permission: def.filePermission },
    { action: 'approve', summary: '审核通过(按评分提出等级,报上级确认)', permission: def.reviewPermission },
    { action: 'return', summary: '退回修改(须填写意见)', permission: def.reviewPermission },
  ];
  for (const f of flow) {
    r.post(`${a}/${f.action}`, { config: { permission: f.permission }, schema: { tags, summary: f.summary, params: idParamSchema, body: assessmentOpinionBodySchema, response: { 200: assessmentSchema } } }, (req) =>
      actOnAssessment(db, def, authOf(req), actorOf(req), req.params.id, f.action, req.body.opinion),
    );
  }
  r.post(`${a}/confirm`, { config: { permission: def.confirmPermission }, schema: { tags, summary: '确认等级', params: idParamSchema, body: assessmentOpinionBodySchema, response: { 200: assessmentSchema } } }, (req) =>
    confirmAssessment(db, def, authOf(req), actorOf(req), req.params.id, req.body.opinion),
  );
  r.post(`${a}/revoke`, { config: { permission: def.confirmPermission }, schema: { tags, summary: '撤销考评结果(须填写原因)', params: idParamSchema, body: revokeBodySchema, response: { 200: assessmentSchema } } }, (req) =>
    revokeAssessment(db, def, authOf(req), actorOf(req), req.params.id, req.body.reason),
  );
  registerAttachmentRoutes(app, {
    host: ASSESSMENT_EVIDENCE_HOST,
    base: `${base}/assessment-items`,
    segment: 'evidence',
    tags,
    view: def.listPermission,
    change: def.filePermission,
    who: '被考评单位,自评草稿或退回时',
    access: (req, id) => evidenceAccess(db, def, authOf(req), id),
    result: async (req, id) => {
      const t = await templateByCode(db, def.templateCode);
      const item = await findItemInScope(db, authOf(req).scope, t.id, id);
      return getAssessment(db, def, authOf(req), item!.assessment_id);
    },
    resultSchema: assessmentSchema,
  });
}
