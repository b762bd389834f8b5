import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  contributionArrearsExportBodySchema, contributionArrearsItemSchema, contributionArrearsQuerySchema, contributionBodySchema, contributionExportBodySchema, contributionListQuerySchema,
  contributionPayerBodySchema, contributionPaymentSchema, contributionRemindBodySchema, contributionRemindResultSchema, contributionReportQuerySchema, contributionReportSchema,
  contributionSchema, contributionUpdateSchema, idParamSchema, pageOf,
} from '@gonghui/contracts';
import { listExportRoute } from '../../platform/import-export/list-export.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { listArrears, remindEnterprise } from './contribution-arrears.service.js';
import { ARREARS_EXPORT, CONTRIBUTION_EXPORT, REPORT_EXPORT } from './contribution-jobs.js';
import { contributionReport } from './contribution-report.service.js';
import { confirmContributionPayment, declareContribution, enrolPayer, getContribution, listContributions, updateContribution } from './contribution.service.js';

/** 工会经费: monthly declarations of enterprises (2% of payroll), receipt and split, arrears and reminders, the report. */
export async function contributionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['工会经费'];
  const list = { permission: 'finance:contribution:list' } as const;
  const manage = { permission: 'finance:contribution:manage' } as const;
  const base = '/api/finance/contributions';
  r.get(base, { config: list, schema: { tags, summary: '工会经费申报拨缴台账', querystring: contributionListQuerySchema, response: { 200: pageOf(contributionSchema.omit({ allocations: true })) } } }, (req) =>
    listContributions(db, authOf(req), req.query),
  );
  r.post(base, { config: manage, schema: { tags, summary: '登记企业月度工会经费申报(工资总额×2%)', body: contributionBodySchema, response: { 201: contributionSchema } } }, async (req, reply) =>
    reply.code(201).send(await declareContribution(db, authOf(req), actorOf(req), req.body)),
  );
  listExportRoute(app, CONTRIBUTION_EXPORT, { url: `${base}/export`, tags, summary: '导出申报拨缴台账(按当前筛选)', body: contributionExportBodySchema });
  r.get(`${base}/arrears`, { config: list, schema: { tags, summary: '欠缴清单:逾期未申报或已申报未拨缴的企业·月', querystring: contributionArrearsQuerySchema, response: { 200: pageOf(contributionArrearsItemSchema) } } }, (req) =>
    listArrears(db, authOf(req), req.query),
  );
  listExportRoute(app, ARREARS_EXPORT, { url: `${base}/arrears/export`, tags, summary: '导出欠缴清单(按当前筛选)', body: contributionArrearsExportBodySchema });
  r.post(`${base}/remind`, { config: manage, schema: { tags, summary: '发送催缴:通知企业工会其全部欠缴月份', body: contributionRemindBodySchema, response: { 200: contributionRemindResultSchema } } }, (req) =>
    remindEnterprise(db, authOf(req), actorOf(req), req.body.enterpriseId),
  );
  r.post(`${base}/payers`, { config: manage, schema: { tags, summary: '纳入拨缴管理(自起缴月份起计欠缴)', body: contributionPayerBodySchema, response: { 200: z.object({ enterpriseId: z.uuid(), since: z.string() }) } } }, (req) =>
    enrolPayer(db, authOf(req), actorOf(req), req.body),
  );
  r.get(`${base}/report`, { config: { permission: 'finance:report:view' }, schema: { tags, summary: '工会经费收缴报表(按下级组织、按月,含分成)', querystring: contributionReportQuerySchema, response: { 200: contributionReportSchema } } }, (req) => {
    const auth = authOf(req);
    return contributionReport(db, auth.scope, auth.user.orgId, req.query.year, req.query.orgId);
  });
  listExportRoute(app, REPORT_EXPORT, { url: `${base}/report/export`, tags, summary: '导出工会经费收缴报表', body: contributionReportQuerySchema });
  r.get(`${base}/:id`, { config: list, schema: { tags, summary: '申报详情(含分成入账)', params: idParamSchema, response: { 200: contributionSchema } } }, (req) => getContribution(db, authOf(req), req.params.id));
  r.put(`${base}/:id`, { config: manage, schema: { tags, summary: '更正申报(未拨缴前)', params: idParamSchema, body: contributionUpdateSchema, response: { 200: contributionSchema } } }, (req) =>
    updateContribution(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${base}/:id/payment`, { config: manage, schema: { tags, summary: '确认到账(已拨缴),按分成比例入各级工会经费账户,只入账一次', params: idParamSchema, body: contributionPaymentSchema, response: { 200: contributionSchema } } }, (req) =>
    confirmContributionPayment(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
