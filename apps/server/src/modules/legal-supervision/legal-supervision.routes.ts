import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParamSchema, legalDeliveryBodySchema, legalNoticeBodySchema, legalNoticeListItemSchema, legalNoticeListQuerySchema, legalNoticeSchema, legalNoticeUpdateSchema,
  legalReplyBodySchema, legalSettingsBodySchema, legalSettingsParamSchema, legalSettingsSchema, legalTemplateSchema, pageOf,
} from '@gonghui/contracts';
import { inlineHeader } from '../../platform/files/file.routes.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { registerNoticeFileRoutes } from './legal-notice-files.js';
import { legalNoticeExportRoute } from './legal-notice-jobs.js';
import { noticePdfFor } from './legal-notice-pdf.js';
import { legalTemplates } from './legal-notice-template.js';
import { createNotice, deliverNotice, escalateNotice, getNotice, issueNotice, listNotices, replyNotice, updateNotice } from './legal-notice.service.js';
import { listSettings, saveSettings } from './legal-settings.service.js';

/** 劳动法律监督 "一函两书": drafts from templates, 签发 with 文号, 送达, 回复与整改, 升级; PDF; the jurisdictions' reply periods. */
export async function legalSupervisionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['劳动法律监督'];
  const list = { permission: 'legal:notice:list' } as const;
  const manage = { permission: 'legal:notice:manage' } as const;
  r.get('/api/legal-notices', { config: list, schema: { tags, summary: '一函两书列表(制发单位或企业在本范围内)', querystring: legalNoticeListQuerySchema, response: { 200: pageOf(legalNoticeListItemSchema) } } }, (req) => listNotices(db, authOf(req), req.query));
  r.get('/api/legal-notices/templates', { config: list, schema: { tags, summary: '文书模板与常见问题(法律依据、整改要求)', response: { 200: legalTemplateSchema } } }, () => legalTemplates());
  r.post('/api/legal-notices', { config: manage, schema: { tags, summary: '按模板起草提示函、意见书或建议书(本单位制发)', body: legalNoticeBodySchema, response: { 201: legalNoticeSchema } } }, async (req, reply) =>
    reply.code(201).send(await createNotice(db, authOf(req), actorOf(req), req.body)),
  );
  r.get('/api/legal-notices/:id', { config: list, schema: { tags, summary: '文书详情:正文、送达、回复整改、前后文书', params: idParamSchema, response: { 200: legalNoticeSchema } } }, (req) => getNotice(db, authOf(req), req.params.id));
  r.put('/api/legal-notices/:id', { config: manage, schema: { tags, summary: '修改草稿', params: idParamSchema, body: legalNoticeUpdateSchema, response: { 200: legalNoticeSchema } } }, (req) =>
    updateNotice(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/legal-notices/:id/issue', { config: manage, schema: { tags, summary: '签发(编文号)', params: idParamSchema, response: { 200: legalNoticeSchema } } }, (req) => issueNotice(db, authOf(req), actorOf(req), req.params.id));
  r.post('/api/legal-notices/:id/deliver', { config: manage, schema: { tags, summary: '登记送达(方式、日期、签收人;回复期限按工作日计算)', params: idParamSchema, body: legalDeliveryBodySchema, response: { 200: legalNoticeSchema } } }, (req) =>
    deliverNotice(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/legal-notices/:id/reply', { config: manage, schema: { tags, summary: '登记回复与整改情况(整改到位即结案)', params: idParamSchema, body: legalReplyBodySchema, response: { 200: legalNoticeSchema } } }, (req) =>
    replyNotice(db, authOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post('/api/legal-notices/:id/escalate', { config: manage, schema: { tags, summary: '升级:起草下一文书(提示函→意见书→建议书)', params: idParamSchema, response: { 201: legalNoticeSchema } } }, async (req, reply) =>
    reply.code(201).send(await escalateNotice(db, authOf(req), actorOf(req), req.params.id)),
  );
  r.get('/api/legal-notices/:id/document.pdf', { config: list, schema: { tags, summary: '文书 PDF(A4)', params: idParamSchema } }, async (req, reply) => {
    const d = await noticePdfFor(db, authOf(req), actorOf(req), req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', inlineHeader(d.fileName)).send(d.pdf);
  });
  legalNoticeExportRoute(app, tags);
  registerNoticeFileRoutes(app, tags);
  r.get('/api/legal-supervision/settings', { config: list, schema: { tags, summary: '各辖区回复期限(工作日)与文号前缀', response: { 200: z.array(legalSettingsSchema) } } }, (req) => listSettings(db, authOf(req)));
  r.put('/api/legal-supervision/settings/:orgId', { config: { permission: 'legal:settings:configure' }, schema: { tags, summary: '设置本辖区回复期限与文号前缀(市总或区县总工会)', params: legalSettingsParamSchema, body: legalSettingsBodySchema, response: { 200: z.array(legalSettingsSchema) } } }, (req) =>
    saveSettings(db, authOf(req), actorOf(req), req.params.orgId, req.body),
  );
}
