import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MUTUAL_AID_ENROLMENT_STATES,
  idParamSchema,
  mutualAidEnrolBodySchema,
  mutualAidEnrolResultSchema,
  mutualAidPaymentBodySchema,
  mutualAidPeriodBodySchema,
  mutualAidPeriodListSchema,
  mutualAidPeriodSchema,
  mutualAidReportQuerySchema,
  mutualAidReportSchema,
  mutualAidRosterQuerySchema,
  mutualAidRosterSchema,
  mutualAidWithdrawBodySchema,
  okSchema,
} from '@gonghui/contracts';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { createPeriod, getPeriod, listPeriods, updatePeriod } from './mutual-aid-period.service.js';
import { enrolMembers, getRoster, recordPayment, withdrawEnrolment } from './mutual-aid-enrolment.service.js';
import { exportRoster } from './mutual-aid-roster-export.js';
import { exportMutualAidReport, mutualAidReport } from './mutual-aid-report.service.js';

const rosterExportQuery = z.object({ orgId: z.uuid({ error: '请选择基层工会' }), state: z.enum(MUTUAL_AID_ENROLMENT_STATES).optional() });

/** 医疗互助 periods, group enrolment with payments, and the reports. */
export async function mutualAidRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['医疗互助'];
  const view = { permission: 'mutual-aid:period:view' } as const;
  const manage = { permission: 'mutual-aid:period:manage' } as const;
  const enrol = { permission: 'mutual-aid:enrolment:manage' } as const;
  r.get('/api/mutual-aid/periods', { config: view, schema: { tags, summary: '医疗互助年度方案列表', response: { 200: mutualAidPeriodListSchema } } }, (req) => listPeriods(app.ctx, authOf(req)));
  r.get('/api/mutual-aid/periods/:id', { config: view, schema: { tags, summary: '年度方案详情', params: idParamSchema, response: { 200: mutualAidPeriodSchema } } }, (req) => getPeriod(app.ctx, authOf(req), req.params.id));
  r.post('/api/mutual-aid/periods', { config: manage, schema: { tags, summary: '新建年度方案(市总工会)', body: mutualAidPeriodBodySchema, response: { 201: mutualAidPeriodSchema } } }, async (req, reply) =>
    reply.code(201).send(await createPeriod(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.put('/api/mutual-aid/periods/:id', { config: manage, schema: { tags, summary: '修改年度方案(有会员参保后冻结)', params: idParamSchema, body: mutualAidPeriodBodySchema, response: { 200: mutualAidPeriodSchema } } }, (req) =>
    updatePeriod(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );

  r.get('/api/mutual-aid/periods/:id/roster', { config: enrol, schema: { tags, summary: '基层工会参保名单(在册会员及参保状态、缴费记录)', params: idParamSchema, querystring: mutualAidRosterQuerySchema, response: { 200: mutualAidRosterSchema } } }, (req) =>
    getRoster(app.ctx, authOf(req), req.params.id, req.query),
  );
  r.get('/api/mutual-aid/periods/:id/roster/export.xlsx', { config: enrol, schema: { tags, summary: '导出参保名单(脱敏,审计)', params: idParamSchema, querystring: rosterExportQuery } }, async (req, reply) => {
    const file = await exportRoster(app.ctx, authOf(req), actorOf(req), req.params.id, req.query.orgId, req.query.state);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.post('/api/mutual-aid/periods/:id/enrolments', { config: enrol, schema: { tags, summary: '团体参保登记(选择会员或全选)', params: idParamSchema, body: mutualAidEnrolBodySchema, response: { 200: mutualAidEnrolResultSchema } } }, (req) =>
    enrolMembers(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/mutual-aid/periods/:id/payments', { config: enrol, schema: { tags, summary: '登记缴费(收据号唯一,金额须等于应缴),计入医疗互助资金', params: idParamSchema, body: mutualAidPaymentBodySchema, response: { 201: z.object({ paymentId: z.string(), members: z.number().int() }) } } }, async (req, reply) =>
    reply.code(201).send(await recordPayment(app.ctx, authOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.post('/api/mutual-aid/enrolments/:id/withdraw', { config: enrol, schema: { tags, summary: '会员离会退出本期医疗互助', params: idParamSchema, body: mutualAidWithdrawBodySchema, response: { 200: okSchema } } }, async (req) => {
    await withdrawEnrolment(app.ctx, authOf(req), actorOf(req), req.params.id, req.body.reason);
    return { ok: true as const };
  });

  const report = { permission: 'mutual-aid:report:view' } as const;
  r.get('/api/mutual-aid/reports', { config: report, schema: { tags, summary: '资金余额与各区县申请统计(按保障项目)', querystring: mutualAidReportQuerySchema, response: { 200: mutualAidReportSchema } } }, (req) =>
    mutualAidReport(app.ctx, authOf(req), req.query.periodId),
  );
  r.get('/api/mutual-aid/reports/export.xlsx', { config: report, schema: { tags, summary: '导出申请统计(审计)', querystring: mutualAidReportQuerySchema } }, async (req, reply) => {
    const file = await exportMutualAidReport(app.ctx, authOf(req), actorOf(req), req.query.periodId);
    return sendXlsx(reply, file.fileName, file.write);
  });
}
