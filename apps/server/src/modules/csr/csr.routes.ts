import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSR_KINDS, CSR_ROUTE_SEGMENTS, csrListItemSchema, csrListQuerySchema, csrPublishedQuerySchema, csrPublishedSchema, csrStartBodySchema, pageOf } from '@gonghui/contracts';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { actorOf, authOf } from '../../platform/http/request-helpers.js';
import { sendXlsx } from '../../platform/import-export/import-http.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { ensureTemplate } from '../../platform/assessment/assessment-template.service.js';
import { registerAssessmentRoutes } from '../../platform/assessment/assessment.routes.js';
import { CSR_DEFINITIONS } from './csr-assessment.js';
import { CSR_TEMPLATES } from './csr-templates.js';
import { listCsr, publishedList, startCsr } from './csr.service.js';

const COLUMNS = [
  { header: '名次', key: 'rank', width: 8 },
  { header: '企业名称', key: 'name', width: 36 },
  { header: '区县(市)', key: 'district', width: 14 },
  { header: '等级', key: 'grade', width: 22 },
  { header: '得分', key: 'score', width: 10 },
];

/** 企业社会责任 and 和谐劳动关系企业: lists, applications, published lists; each kind's assessment routes on the shared mechanism. */
export async function csrRoutes(app: FastifyInstance): Promise<void> {
  for (const t of CSR_TEMPLATES) await ensureTemplate(app.ctx.db, t);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.db;
  const tags = ['企业社会责任与和谐劳动关系'];
  const list = { permission: 'csr:evaluation:list' } as const;
  r.get('/api/csr/assessments', { config: list, schema: { tags, summary: '评价与申报列表(类别、年度、状态、企业名称)', querystring: csrListQuerySchema, response: { 200: pageOf(csrListItemSchema) } } }, (req) =>
    listCsr(db, authOf(req), req.query),
  );
  r.post('/api/csr/assessments', { config: { permission: 'csr:evaluation:manage' }, schema: { tags, summary: '企业工会开始社会责任自评或申报和谐劳动关系企业(市级须已获区级命名)', body: csrStartBodySchema, response: { 201: z.object({ id: z.string() }) } } }, async (req, reply) =>
    reply.code(201).send(await startCsr(db, authOf(req), actorOf(req), req.body.kind, req.body.enterpriseId, req.body.cycleYear)),
  );
  r.get('/api/csr/published', { config: list, schema: { tags, summary: '年度公布名单:已确认的等级或命名,按得分排名', querystring: csrPublishedQuerySchema, response: { 200: csrPublishedSchema } } }, (req) =>
    publishedList(db, authOf(req).scope, req.query.kind, req.query.cycleYear),
  );
  r.get('/api/csr/published/export.xlsx', { config: list, schema: { tags, summary: '导出年度公布名单(审计)', querystring: csrPublishedQuerySchema } }, async (req, reply) => {
    const p = await publishedList(db, authOf(req).scope, req.query.kind, req.query.cycleYear);
    await recordAudit(db, actorOf(req), { action: 'data.export', objectType: 'csr_published', objectId: `${p.kind}:${p.cycleYear}`, detail: { rows: p.items.length } });
    async function* rows(): AsyncGenerator<Record<string, CellValue>> {
      for (const i of p.items) yield { rank: i.rank, name: i.enterpriseName, district: i.districtName ?? '', grade: i.gradeLabel ?? '', score: i.finalScore };
    }
    const name = `${p.cycleYear}年${p.kindLabel}名单`;
    return sendXlsx(reply, `${name}.xlsx`, (out) => writeXlsx(out, { name: name.slice(0, 31), columns: COLUMNS, rows: rows() }));
  });
  for (const kind of CSR_KINDS) registerAssessmentRoutes(app, CSR_DEFINITIONS[kind], `/api/csr/${CSR_ROUTE_SEGMENTS[kind]}`, tags);
}
