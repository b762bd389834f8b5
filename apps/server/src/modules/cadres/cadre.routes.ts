import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  cadreBodySchema,
  cadreExportQuerySchema,
  cadreListItemSchema,
  cadreListQuerySchema,
  cadreSchema,
  cadreSettingsSchema,
  cadreStatsQuerySchema,
  cadreStatsSchema,
  idParamSchema,
  leaveCadreBodySchema,
  pageOf,
  updateCadreBodySchema,
} from '@gonghui/contracts';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { createCadre, getCadre, leaveCadre, listCadres, updateCadre } from './cadre.service.js';
import { exportCadres } from './cadre-export.js';
import { cadreStatistics } from './cadre-stats.js';
import { cadreSettings, saveCadreSettings } from './cadre-settings.js';

/** 工会干部名册: register, detail with 学时 by year, leaving office, masked export, statistics and settings. */
export async function cadreRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['工会干部'];
  const list = { permission: 'cadre:cadre:list' } as const;
  const manage = { permission: 'cadre:cadre:manage' } as const;
  const base = '/api/cadres';

  r.get(base, { config: list, schema: { tags, summary: '工会干部名册(组织、职务、专职/兼职、状态、届满筛选)', querystring: cadreListQuerySchema, response: { 200: pageOf(cadreListItemSchema) } } }, (req) =>
    listCadres(app.ctx, authOf(req), req.query),
  );
  r.get(`${base}/export.xlsx`, { config: list, schema: { tags, summary: '导出干部名册(身份证、电话脱敏,审计)', querystring: cadreExportQuerySchema } }, async (req, reply) => {
    const file = await exportCadres(app.ctx, authOf(req), actorOf(req), req.query);
    return sendXlsx(reply, file.fileName, file.write);
  });
  r.get(`${base}/statistics`, { config: list, schema: { tags, summary: '各工会干部人数、专职/兼职、年度学时与达标比例', querystring: cadreStatsQuerySchema, response: { 200: cadreStatsSchema } } }, (req) =>
    cadreStatistics(app.ctx, authOf(req), req.query),
  );
  r.get(`${base}/settings`, { config: list, schema: { tags, summary: '年度学时目标、换届提醒天数、默认届期', response: { 200: cadreSettingsSchema } } }, () => cadreSettings(app.ctx.db));
  r.put(`${base}/settings`, { config: { permission: 'cadre:settings:configure' }, schema: { tags, summary: '设置年度学时目标、换届提醒天数、默认届期', body: cadreSettingsSchema, response: { 200: cadreSettingsSchema } } }, (req) =>
    saveCadreSettings(app.ctx.db, actorOf(req), req.body),
  );
  r.post(base, { config: manage, schema: { tags, summary: '登记工会干部(身份证加密存储,与会员库关联)', body: cadreBodySchema, response: { 201: cadreSchema } } }, async (req, reply) =>
    reply.code(201).send(await createCadre(app.ctx, authOf(req), actorOf(req), req.body)),
  );
  r.get(`${base}/:id`, { config: list, schema: { tags, summary: '干部详情:任职、届次、各年度学时与培训记录', params: idParamSchema, response: { 200: cadreSchema } } }, (req) =>
    getCadre(app.ctx, authOf(req), req.params.id),
  );
  r.put(`${base}/:id`, { config: manage, schema: { tags, summary: '修改干部信息(身份证、电话留空则不变)', params: idParamSchema, body: updateCadreBodySchema, response: { 200: cadreSchema } } }, (req) =>
    updateCadre(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(`${base}/:id/leave`, { config: manage, schema: { tags, summary: '登记离任(日期、原因)', params: idParamSchema, body: leaveCadreBodySchema, response: { 200: cadreSchema } } }, (req) =>
    leaveCadre(app.ctx, authOf(req), actorOf(req), req.params.id, req.body),
  );
}
